using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.Analyzers.Tests;

/// <summary>
/// <c>.ecrlint.json</c> as an AdditionalFile (context, severity levels, kinds, exclude, suppressions, errors) and
/// how it combines with the compiler's <c>dotnet_diagnostic.ECRnnn.severity</c> keys and suppressions.
/// </summary>
public class AnalyzerConfigurationTests
{
    private const string Program = "class Program { static void Main() { } }";

    // ECR402 (error) at (3,87)-(3,122); ECR403 (error) on "allow" at (3,17)-(3,24).
    private const string PolicyPath = "policies/pull.ecr-endpoint-policy.json";
    private const string Policy = "{\n  \"Statement\": [\n    { \"Effect\": \"allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\", \"Resource\": \"arn:aws:s3:::home/${aws:username}\" }\n  ]\n}\n";

    private static DiagnosticResult Ecr402(DiagnosticSeverity severity = DiagnosticSeverity.Error, string path = PolicyPath) =>
        new DiagnosticResult("ECR402", severity).WithSpan(path, 3, 87, 3, 122);

    private static DiagnosticResult Ecr403(DiagnosticSeverity severity = DiagnosticSeverity.Error, string path = PolicyPath) =>
        new DiagnosticResult("ECR403", severity).WithSpan(path, 3, 17, 3, 24);

    private static AnalyzerTest<AdditionalFileAnalyzer> Test(string? config, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<AdditionalFileAnalyzer> { TestState = { Sources = { Program }, AdditionalFiles = { (PolicyPath, Policy) } } };
        if (config is not null) test.TestState.AdditionalFiles.Add((".ecrlint.json", config));
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        return test;
    }

    [Fact]
    public async Task Without_configuration_rules_report_at_their_default_severity()
    {
        await Test(null, Ecr402(), Ecr403()).RunAsync();
    }

    [Fact]
    public async Task Severity_none_is_not_reported_and_levels_are_the_reported_severity()
    {
        await Test("""{ "severity": { "ECR402": "none", "ECR403": "warning" } }""", Ecr403(DiagnosticSeverity.Warning)).RunAsync();
    }

    [Fact]
    public async Task A_globalconfig_key_wins_over_a_level_of_ecrlint_json_but_not_over_none()
    {
        var test = Test("""{ "severity": { "ECR402": "none", "ECR403": "info" } }""", Ecr403(DiagnosticSeverity.Warning));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.ECR402.severity = error\ndotnet_diagnostic.ECR403.severity = warning\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Suppressions_need_the_rule_the_path_glob_and_the_pointer()
    {
        const string config = """
            {
              "suppressions": [
                { "rule": "ECR403", "path": "policies/*.json", "pointer": "/Statement/0", "reason": "legacy policy, retired in Q3" },
                { "rule": "ECR402", "path": "other/*.json", "reason": "another folder" },
                { "rule": "ECR402", "pointer": "/Statement/1", "reason": "another statement" }
              ]
            }
            """;
        await Test(config, Ecr402()).RunAsync();
    }

    [Fact]
    public async Task Excluded_files_are_not_linted()
    {
        await Test("""{ "exclude": [ "policies/**" ] }""").RunAsync();
    }

    [Fact]
    public async Task Kinds_globs_set_the_file_kind()
    {
        // As an ECR endpoint policy, a statement without a Principal is ECR404 (a policy of no particular kind needs none).
        const string logs = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    { \"Effect\": \"Allow\", \"Action\": \"logs:CreateLogStream\", \"Resource\": \"*\" }\n  ]\n}\n";
        var diagnostics = await ConfiguredRun.RunAsync(new[] { ("/p/net/logs.json", logs) });
        Assert.Empty(diagnostics);
        diagnostics = await ConfiguredRun.RunAsync(new[] { ("/p/net/logs.json", logs), ("/p/.ecrlint.json", """{ "kinds": { "net/*.json": "ecr-endpoint" } }""") });
        Assert.Contains(diagnostics, d => d.Id == "ECR404");
    }

    [Fact]
    public async Task Region_comes_from_msbuild_first_then_ecrlint_json()
    {
        // A starport bucket of us-east-1 in an S3 endpoint policy of eu-west-1 is ECR104.
        const string s3 = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    { \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\" }\n  ]\n}\n";
        var files = new[] { ("/p/layers.s3-endpoint-policy.json", s3), ("/p/.ecrlint.json", """{ "region": "eu-west-1", "account": "210987654321" }""") };
        Assert.Contains(await ConfiguredRun.RunAsync(files), d => d.Id == "ECR104");
        var properties = new Dictionary<string, string> { ["build_property.EcrLintRegion"] = "us-east-1" };
        Assert.DoesNotContain(await ConfiguredRun.RunAsync(files, properties), d => d.Id == "ECR104");
    }

    [Fact]
    public async Task An_invalid_configuration_is_ECR400_on_the_configuration_file_and_changes_nothing()
    {
        const string config = "{\n  \"severity\": { \"ECR402\": \"none\" },\n  \"suppressions\": [\n    { \"rule\": \"ECR403\" }\n  ]\n}\n";
        var diagnostics = await ConfiguredRun.RunAsync(new[] { ("/p/" + PolicyPath, Policy), ("/p/.ecrlint.json", config) });
        var error = Assert.Single(diagnostics, d => d.Id == "ECR400");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.EndsWith(".ecrlint.json", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(3, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("has no \"reason\"", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(diagnostics, d => d.Id == "ECR402");
    }

    [Fact]
    public async Task An_unknown_region_in_the_configuration_is_ECR400()
    {
        var diagnostics = await ConfiguredRun.RunAsync(new[] { ("/p/" + PolicyPath, Policy), ("/p/.ecrlint.json", """{ "region": "eu-west-9" }""") });
        var error = Assert.Single(diagnostics, d => d.Id == "ECR400");
        Assert.Contains("not a known AWS region", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_nearest_configuration_above_a_file_applies()
    {
        var test = Test("""{ "severity": { "ECR402": "none" } }""", Ecr403(), Ecr402(path: "other/pull.ecr-endpoint-policy.json"), Ecr403(path: "other/pull.ecr-endpoint-policy.json"));
        test.TestState.AdditionalFiles.Add(("other/pull.ecr-endpoint-policy.json", Policy));
        test.TestState.AdditionalFiles.Add(("other/.ecrlint.json", """{ "severity": { "ECR401": "none" } }"""));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_compilation_wide_SuppressMessage_suppresses_findings_in_json_files_too()
    {
        var test = Test(null, Ecr403());
        test.TestState.Sources.Add("[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(\"EcrLint.policy-grammar\", \"ECR402\", Justification = \"variables are literal here\")]");
        await test.RunAsync();
    }
}

/// <summary>Runs the AdditionalFile analyzer over files with MSBuild properties, and fails on any analyzer exception.</summary>
internal static class ConfiguredRun
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(IEnumerable<(string Path, string Text)> files, IReadOnlyDictionary<string, string>? properties = null)
    {
        var compilation = CSharpCompilation.Create(
            "Test",
            new[] { CSharpSyntaxTree.ParseText("class Program { static void Main() { } }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var texts = files.Select(f => (AdditionalText)new TextFile(f.Path, f.Text)).ToImmutableArray();
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(texts, new OptionsProvider(properties ?? new Dictionary<string, string>())),
            (e, _, _) => { lock (exceptions) exceptions.Add(e); },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AdditionalFileAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        return diagnostics;
    }

    private sealed class TextFile(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class OptionsProvider(IReadOnlyDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>());
    }

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            foreach (var pair in values)
            {
                if (KeyComparer.Equals(pair.Key, key))
                {
                    value = pair.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}
