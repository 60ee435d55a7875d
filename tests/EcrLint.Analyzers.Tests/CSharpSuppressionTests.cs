using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace EcrLint.Analyzers.Tests;

/// <summary>
/// Findings in C# are suppressed the standard ways (<c>#pragma warning disable</c>, <c>[SuppressMessage]</c>), and
/// the project's <c>.ecrlint.json</c> applies to the C# analyzers as to policy files.
/// </summary>
public class CSharpSuppressionTests
{
    private static Task Verify(string source) => CSharpVerify.AnalyzerAsync<CSharpPolicyAnalyzer>(source, "ECR201");

    /// <summary>ECR201 only; <paramref name="skipSuppressionCheck"/>: the harness's own check wraps the file in a
    /// <c>#pragma warning disable</c>, which a <c>#pragma warning restore</c> in the source defeats.</summary>
    private static async Task Run(string source, bool skipSuppressionCheck = false, string? ecrlintJson = null, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<CSharpPolicyAnalyzer> { TestState = { Sources = { source } } };
        if (ecrlintJson is not null) test.TestState.AdditionalFiles.Add((".ecrlint.json", ecrlintJson));
        foreach (var d in new CSharpPolicyAnalyzer().SupportedDiagnostics)
        {
            if (d.Id != "ECR201") test.DisabledDiagnostics.Add(d.Id);
        }

        if (skipSuppressionCheck) test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public Task Pragma_suppresses_within_its_region_only() => Run("""
        class Policies
        {
        #pragma warning disable ECR201 // a fixture of the migration tests
            const string Old = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImages\",\"Resource\":\"*\"}]}";
        #pragma warning restore ECR201
            const string New = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":{|ECR201:\"ecr:BatchGetImages\"|},\"Resource\":\"*\"}]}";
        }
        """, skipSuppressionCheck: true);

    [Fact]
    public Task SuppressMessage_suppresses_on_its_member_only() => Verify("""
        using System.Diagnostics.CodeAnalysis;

        class Policies
        {
            [SuppressMessage("EcrLint.ecr-actions", "ECR201:UnknownEcrAction", Justification = "a fixture of the migration tests")]
            const string Old = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImages\",\"Resource\":\"*\"}]}";

            const string New = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":{|ECR201:\"ecr:BatchGetImages\"|},\"Resource\":\"*\"}]}";
        }
        """);

    [Fact]
    public Task SuppressMessage_on_the_type_covers_its_members() => Verify("""
        using System.Diagnostics.CodeAnalysis;

        [SuppressMessage("EcrLint.ecr-actions", "ECR201", Justification = "fixtures")]
        class Fixtures
        {
            const string Old = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImages\",\"Resource\":\"*\"}]}";
        }
        """);

    [Fact]
    public async Task Ecrlint_json_severity_applies_to_csharp_findings()
    {
        const string source = """
            class Policies
            {
                const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImages\",\"Resource\":\"*\"}]}";
            }
            """;
        var at = CSharpVerify.At("ECR201", source, "\\\"ecr:BatchGetImages\\\"");
        await Run(source, ecrlintJson: """{ "severity": { "ECR201": "none" } }""");
        await Run(source, ecrlintJson: """{ "severity": { "ECR201": "warning" } }""", expected: at.WithSeverity(DiagnosticSeverity.Warning));
        await Run(source, ecrlintJson: "{ }", expected: at);
    }
}
