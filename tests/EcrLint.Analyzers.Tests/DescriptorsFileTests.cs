using System.Globalization;
using System.Text;
using EcrLint.Rules;

namespace EcrLint.Analyzers.Tests;

/// <summary>
/// The analyzer's descriptors are written out literally (release tracking and the compiler's own checks read
/// them as source); this test keeps that file identical to the rule catalogue. Run with ECRLINT_REGENERATE=1
/// to rewrite it after changing RuleCatalog.
/// </summary>
public class DescriptorsFileTests
{
    [Fact]
    public void Descriptors_file_matches_the_rule_catalogue()
    {
        var path = Path.Combine(Repo.Root, "analyzers", "EcrLint.Analyzers", "DiagnosticDescriptors.cs");
        var expected = Generate();
        if (Environment.GetEnvironmentVariable("ECRLINT_REGENERATE") == "1") File.WriteAllText(path, expected);
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Release_tracking_lists_every_rule()
    {
        var unshipped = File.ReadAllText(Path.Combine(Repo.Root, "analyzers", "EcrLint.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var shipped = File.ReadAllText(Path.Combine(Repo.Root, "analyzers", "EcrLint.Analyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var rule in RuleCatalog.All)
            Assert.True(unshipped.Contains(rule.Id + " |", StringComparison.Ordinal) || shipped.Contains(rule.Id + " |", StringComparison.Ordinal), rule.Id);
    }

    internal static string Generate()
    {
        var sb = new StringBuilder();
        sb.Append("""
            // This file mirrors EcrLint.Rules.RuleCatalog; DescriptorsFileTests keeps them identical.
            // Regenerate: ECRLINT_REGENERATE=1 dotnet test tests/EcrLint.Analyzers.Tests --filter DescriptorsFileTests
            using Microsoft.CodeAnalysis;

            namespace EcrLint.Analyzers;

            internal static class DiagnosticDescriptors
            {

            """);
        foreach (var rule in RuleCatalog.All)
        {
            Append(rule, rule.Id);
        }

        sb.Append("}\n");
        return sb.ToString();

        void Append(RuleDescriptor rule, string field)
        {
            var severity = rule.DefaultSeverity switch
            {
                Severity.Error => "Error",
                Severity.Warning => "Warning",
                _ => "Info",
            };
            sb.Append(CultureInfo.InvariantCulture, $$"""
                    public static readonly DiagnosticDescriptor {{field}} = new(
                        id: "{{rule.Id}}",
                        title: {{Literal(rule.Title.TrimEnd('.'))}},
                        messageFormat: "{0}",
                        category: "EcrLint.{{rule.Pack}}",
                        defaultSeverity: DiagnosticSeverity.{{severity}},
                        isEnabledByDefault: {{(rule.OffInRecommended ? "false" : "true")}},
                        description: {{Literal(rule.Title + (rule.Facts.Length > 0 ? " Facts: " + rule.Facts + "." : ""))}},
                        helpLinkUri: "{{rule.HelpUri}}");


                """);
        }
    }

    private static string Literal(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
