using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers.Tests.Samples;

/// <summary>
/// samples/CdkApp compiled in process with every analyzer and the real CDK references: the broken stack gets its
/// findings, on the lines its comments name, and the correct stack none. (`dotnet build samples/CdkApp` shows the same;
/// it is not run here, being slow.)
/// </summary>
public class CdkAppSampleTests
{
    private static string Folder => Path.Combine(Repo.Root, "samples", "CdkApp");

    private static async Task<(List<Diagnostic> Diagnostics, Compilation Compilation)> AnalyzeAsync()
    {
        var sources = Directory.GetFiles(Folder, "*.cs").Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
        var compilation = await Analysis.CompileAsync(sources, OutputKind.ConsoleApplication);
        var (diagnostics, exceptions) = await Analysis.RunAsync(compilation);
        Assert.Empty(exceptions);
        return (diagnostics.Where(d => d.Id.StartsWith("ECR", StringComparison.Ordinal)).ToList(), compilation);
    }

    /// <summary>The 1-based line of the only line of a file that contains <paramref name="text"/>.</summary>
    private static int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file));
        var found = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"`{text}` is on {found.Count} lines of {file}");
        return found[0] + 1;
    }

    [Fact]
    public async Task The_sample_compiles_against_the_real_CDK()
    {
        var (_, compilation) = await AnalyzeAsync();
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task Broken_stack_has_its_findings_on_their_lines()
    {
        var (diagnostics, _) = await AnalyzeAsync();
        const string File = "BrokenPrivateLinkStack.cs";
        var expected = new[]
        {
            ("ECR201", LineOf(File, "\"ecr:GetDownloadUrlForLayers\"")),
            ("ECR003", LineOf(File, "var vpc = new Vpc(")),
            ("ECR006", LineOf(File, "PrivateDnsEnabled = false")),
            ("ECR016", LineOf(File, "docker.AddToPolicy(")),
            ("ECR202", LineOf(File, "Actions = new[] { \"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\" }")),
            ("ECR014", LineOf(File, "ContainerImage.FromRegistry(")),
            ("ECR004", LineOf(File, "Logging = LogDrivers.AwsLogs(")),
        }.Select(e => $"{e.Item1} {File}:{e.Item2}").Order(StringComparer.Ordinal).ToList();
        var actual = diagnostics.Where(d => Path.GetFileName(d.Location.SourceTree!.FilePath) == File)
            .Select(d => $"{d.Id} {File}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Correct_stack_and_the_rest_of_the_app_have_no_findings()
    {
        var (diagnostics, _) = await AnalyzeAsync();
        Assert.Empty(diagnostics.Where(d => Path.GetFileName(d.Location.SourceTree?.FilePath) != "BrokenPrivateLinkStack.cs").Select(d => d.ToString()));
    }
}
