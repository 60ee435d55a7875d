using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace EcrLint.Analyzers.Tests;

public class AdditionalFileAnalyzerTests
{
    private const string Program = "class Program { static void Main() { } }";

    [Fact]
    public async Task Reports_inside_the_policy_file_at_the_exact_span()
    {
        var test = new AnalyzerTest<AdditionalFileAnalyzer>
        {
            TestState =
            {
                Sources = { Program },
                AdditionalFiles =
                {
                    ("policies/pull.ecr-endpoint-policy.json", "{\n  \"Statement\": [\n    { \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\", \"Resource\": \"arn:aws:s3:::home/${aws:username}\" }\n  ]\n}\n"),
                },
            },
        };
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("ECR402", DiagnosticSeverity.Error).WithSpan("policies/pull.ecr-endpoint-policy.json", 3, 87, 3, 122));
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task Other_json_files_are_not_linted()
    {
        var test = new AnalyzerTest<AdditionalFileAnalyzer>
        {
            TestState =
            {
                Sources = { Program },
                AdditionalFiles = { ("appsettings.json", "{ \"Logging\": { } }"), (".ecrlint.json", "{ \"region\": \"us-east-1\" }"), ("notes.txt", "Statement") },
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Unparseable_policy_is_an_error_with_its_position()
    {
        var test = new AnalyzerTest<AdditionalFileAnalyzer>
        {
            TestState =
            {
                Sources = { Program },
                AdditionalFiles = { ("bad.ecr-endpoint-policy.json", "{ \"Statement\": [ } ") },
            },
        };
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("ECR400", DiagnosticSeverity.Error).WithSpan("bad.ecr-endpoint-policy.json", 1, 18, 1, 19));
        await test.RunAsync();
    }
}
