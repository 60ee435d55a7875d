using System.Text;
using System.Text.RegularExpressions;
using EcrLint.Rules;

namespace EcrLint.Tests.Catalog;

/// <summary>
/// The rules index of README.md (between <c>&lt;!-- rules:begin --&gt;</c> and <c>&lt;!-- rules:end --&gt;</c>) is written
/// from the rule catalogue; this test fails when they drift. Regenerate:
/// <c>ECRLINT_REGENERATE=1 dotnet test tests/EcrLint.Rules.Tests --filter ReadmeRulesIndexTests</c>.
/// </summary>
public partial class ReadmeRulesIndexTests
{
    private const string Begin = "<!-- rules:begin -->";
    private const string End = "<!-- rules:end -->";

    [Fact]
    public void Readme_rules_index_matches_the_catalogue()
    {
        var path = Repo.PathOf("README.md");
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"README.md needs the markers {Begin} and {End}");
        var expected = readme[..(begin + Begin.Length)] + "\n" + GenerateIndex() + readme[end..];
        if (Environment.GetEnvironmentVariable("ECRLINT_REGENERATE") == "1") File.WriteAllText(path, expected);
        Assert.Equal(expected, readme);
    }

    [Fact]
    public void A_page_offers_a_fix_only_for_rules_the_catalogue_gives_one()
    {
        foreach (var rule in RuleCatalog.All)
        {
            if (PageOffersFix(rule)) Assert.True(rule.HasFix, rule.Id + "'s page offers a fix the catalogue does not name");
        }
    }

    [Fact]
    public void Every_page_explains_why_with_the_rules_facts_and_shows_how_to_configure_it()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var text = File.ReadAllText(Repo.PathOf("docs", "rules", rule.Id + ".md")).ReplaceLineEndings("\n");
            var why = Section(text, "## Why");
            foreach (var fact in rule.Facts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                Assert.True(Regex.IsMatch(why, $@"\b{fact}\b"), $"{rule.Id}: the Why section does not cite {fact}");
            Assert.True(text.Contains("\n## What it catches\n", StringComparison.Ordinal), rule.Id + ": no What section");
            Assert.True(Section(text, "## Bad").Contains("```", StringComparison.Ordinal), rule.Id + ": no bad example");
            Assert.True(Section(text, "## Good").Contains("```", StringComparison.Ordinal), rule.Id + ": no good example");
            Assert.True(Section(text, "## Configure").Contains($"dotnet_diagnostic.{rule.Id}.severity", StringComparison.Ordinal), rule.Id + ": the Configure section does not show the severity key");
            Assert.True(Regex.IsMatch(text, $@"\| Default severity \| {rule.DefaultSeverity.ToText()}\b"), rule.Id + ": the default severity row differs from the catalogue");
        }
    }

    /// <summary>The index: ID (linking the rule's page), pack, default severity, title, and whether a fix exists.</summary>
    public static string GenerateIndex()
    {
        var sb = new StringBuilder();
        sb.Append("| ID | Pack | Default severity | Rule | Fix |\n");
        sb.Append("|---|---|---|---|---|\n");
        foreach (var rule in RuleCatalog.All)
        {
            var severity = rule.DefaultSeverity.ToText() + (rule.OffInRecommended ? " (off in `recommended`)" : "");
            var fix = rule.HasFix && PageOffersFix(rule) ? "yes" : "no";
            sb.Append($"| [{rule.Id}](docs/rules/{rule.Id}.md) | `{rule.Pack}` | {severity} | {Escape(rule.Title)} | {fix} |\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// True when the rule's page says a fix exists (its <c>| Fix |</c> row starts with "yes"): the catalogue names the
    /// fixes rules.md asks for, the page says where one is actually offered (ECR106 decided against one in files).
    /// </summary>
    private static bool PageOffersFix(RuleDescriptor rule)
    {
        var text = File.ReadAllText(Repo.PathOf("docs", "rules", rule.Id + ".md"));
        var row = FixRow().Match(text);
        return row.Success && row.Groups[1].Value.TrimStart().StartsWith("yes", StringComparison.OrdinalIgnoreCase);
    }

    private static string Section(string text, string heading)
    {
        var start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0) return "";
        var next = text.IndexOf("\n## ", start + heading.Length + 2, StringComparison.Ordinal);
        return next < 0 ? text[start..] : text[start..next];
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    [GeneratedRegex(@"^\| Fix \|([^|\n]*)\|", RegexOptions.Multiline)]
    private static partial Regex FixRow();
}
