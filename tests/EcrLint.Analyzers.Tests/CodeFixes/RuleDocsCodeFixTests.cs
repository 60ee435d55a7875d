using System.Collections.Immutable;
using System.Text.RegularExpressions;
using EcrLint.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.Analyzers.Tests.CodeFixes;

/// <summary>
/// A rule page whose "C#" section has a third example, "Fixed", shows exactly what the code fixes make of the bad
/// example: every fix of the rule applied until none is left. Regenerate the Fixed blocks with
/// <c>ECRLINT_REGENERATE=1 dotnet test tests/EcrLint.Analyzers.Tests --filter RuleDocsCodeFixTests</c>.
/// </summary>
public partial class RuleDocsCodeFixTests
{
    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    private static readonly CodeFixProvider[] Providers =
    {
        new AddEndpointCodeFixProvider(), new EnablePrivateDnsCodeFixProvider(), new CdkValueCodeFixProvider(),
        new CdkPolicyCodeFixProvider(), new JsonStringCodeFixProvider(), new ServiceNameCodeFixProvider(),
    };

    private static string PagePath(string rule) => Path.Combine(Repo.Root, "docs", "rules", rule + ".md");

    private static (int Start, int End)? Section(string page)
    {
        var start = page.IndexOf("\n## C#\n", StringComparison.Ordinal);
        if (start < 0) return null;
        var end = page.IndexOf("\n## ", start + 6, StringComparison.Ordinal);
        return (start, end < 0 ? page.Length : end);
    }

    public static IEnumerable<object[]> PagesWithFixes() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs", "rules"), "ECR*.md")
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Where(r => Providers.Any(p => p.FixableDiagnosticIds.Contains(r)))
            .Order(StringComparer.Ordinal)
            .Select(r => new object[] { r });

    [Theory]
    [MemberData(nameof(PagesWithFixes))]
    public async Task Fixed_example_is_what_the_code_fix_makes_of_the_bad_one(string rule)
    {
        var page = File.ReadAllText(PagePath(rule)).ReplaceLineEndings("\n");
        if (Section(page) is not { } section) return;
        var blocks = CSharpBlock().Matches(page[section.Start..section.End]).ToList();
        if (blocks.Count < 2) return;
        var bad = blocks[0].Groups[1].Value;
        var fixedCode = await ApplyFixesAsync(bad, rule);
        if (Environment.GetEnvironmentVariable("ECRLINT_REGENERATE") == "1")
        {
            Regenerate(rule, page, section, blocks, fixedCode);
            return;
        }

        if (blocks.Count < 3)
        {
            // No Fixed example: the code fixes must leave this bad example alone.
            Assert.True(fixedCode == bad, $"{rule}: the code fixes change the bad example; add its Fixed form to the page.");
            return;
        }

        Assert.Equal(blocks[2].Groups[1].Value, fixedCode);
    }

    private static void Regenerate(string rule, string page, (int Start, int End) section, List<Match> blocks, string fixedCode)
    {
        var text = page[section.Start..section.End];
        var bad = blocks[0].Groups[1].Value;
        if (blocks.Count >= 3)
        {
            var third = blocks[2];
            text = fixedCode == bad ? text : text[..third.Groups[1].Index] + fixedCode + text[(third.Groups[1].Index + third.Groups[1].Length)..];
        }
        else if (fixedCode != bad)
        {
            var after = blocks[1].Index + blocks[1].Length;
            text = text[..after] + "\n\nFixed (what the code fix writes):\n\n```csharp\n" + fixedCode + "```" + text[after..];
        }

        File.WriteAllText(PagePath(rule), page[..section.Start] + text + page[section.End..]);
    }

    /// <summary>Applies the first code fix of a diagnostic of <paramref name="rule"/> until no diagnostic of it has one.</summary>
    internal static async Task<string> ApplyFixesAsync(string source, string rule)
    {
        var framework = await Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, default);
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Example", LanguageNames.CSharp)
            .WithMetadataReferences(framework.AddRange(References.Aws))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var document = project.AddDocument("Example.cs", SourceText.From(source), filePath: "/Example.cs");
        var skipped = new HashSet<string>();
        for (var round = 0; round < 10; round++)
        {
            var compilation = (await document.Project.GetCompilationAsync())!;
            var options = compilation.Options.WithSpecificDiagnosticOptions(EcrLint.Rules.RuleCatalog.All.ToDictionary(r => r.Id, _ => ReportDiagnostic.Warn));
            var (diagnostics, exceptions) = await Analysis.RunAsync(compilation.WithOptions(options));
            Assert.Empty(exceptions);
            CodeAction? action = null;
            foreach (var d in diagnostics.Where(d => d.Id == rule).OrderBy(d => d.Location.SourceSpan.Start))
            {
                foreach (var provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(rule)))
                {
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, d, (a, _) => actions.Add(a), default));
                    action = actions.FirstOrDefault();
                    if (action is not null) break;
                }

                if (action is not null) break;
            }

            if (action is null) break;
            var operations = await action.GetOperationsAsync(default);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            document = changed;
        }

        return (await document.GetTextAsync()).ToString();
    }
}
