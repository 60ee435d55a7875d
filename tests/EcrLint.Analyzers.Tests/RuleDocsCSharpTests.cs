using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers.Tests;

/// <summary>
/// The "C#" section of every rule page shows a bad and a good example: the bad one must compile and trigger the
/// rule, the good one must compile and not trigger it (and so must the "Fixed" example, where there is one).
/// </summary>
public partial class RuleDocsCSharpTests
{
    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    public static IEnumerable<object[]> Pages() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs", "rules"), "ECR*.md")
            .Where(p => Section(File.ReadAllText(p)) is { } s && CSharpBlock().IsMatch(s))
            .Select(p => new object[] { Path.GetFileNameWithoutExtension(p) })
            .OrderBy(p => (string)p[0]);

    private static string? Section(string page)
    {
        page = page.ReplaceLineEndings("\n");
        var start = page.IndexOf("\n## C#\n", StringComparison.Ordinal);
        if (start < 0) return null;
        var end = page.IndexOf("\n## ", start + 6, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Bad_example_triggers_the_rule_and_good_example_does_not(string rule)
    {
        var section = Section(File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules", rule + ".md")))!;
        var blocks = CSharpBlock().Matches(section).Select(m => m.Groups[1].Value).ToList();
        // A third example, "Fixed", is what the code fix writes (CodeFixes/RuleDocsCodeFixTests): clean of the rule too.
        Assert.InRange(blocks.Count, 2, 3);
        Assert.Contains(rule, await Ids(blocks[0]));
        Assert.DoesNotContain(rule, await Ids(blocks[1]));
        if (blocks.Count == 3) Assert.DoesNotContain(rule, await Ids(blocks[2]));
    }

    private static async Task<List<string>> Ids(string source)
    {
        var compilation = await Analysis.CompileAsync(new[] { ("Example.cs", source) });
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        // Rules off by default (ECR204) are turned on, as a user would to see them.
        var options = compilation.Options.WithSpecificDiagnosticOptions(EcrLint.Rules.RuleCatalog.All.ToDictionary(r => r.Id, _ => ReportDiagnostic.Warn));
        var (diagnostics, exceptions) = await Analysis.RunAsync(compilation.WithOptions(options));
        Assert.Empty(exceptions);
        return diagnostics.Select(d => d.Id).Distinct().ToList();
    }
}
