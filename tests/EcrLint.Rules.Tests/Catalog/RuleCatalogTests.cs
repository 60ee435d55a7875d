using System.Text.RegularExpressions;
using EcrLint.Rules;

namespace EcrLint.Tests.Catalog;

/// <summary>One place declares the rules; these tests keep the descriptors, implementations and docs together.</summary>
public partial class RuleCatalogTests
{
    [GeneratedRegex(@"^ECR\d{3}$")]
    private static partial Regex IdShape();

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(IdShape(), id));
        Assert.Equal(ids.Count, RuleCatalog.All.Select(r => r.Name).Distinct().Count());
    }

    [Fact]
    public void Every_rule_has_a_doc_page_its_help_link_points_at()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var page = Repo.PathOf("docs", "rules", rule.Id + ".md");
            Assert.True(File.Exists(page), "missing " + page);
            Assert.Equal(RuleCatalog.HelpBaseUri + rule.Id + ".md", rule.HelpUri);
            var text = File.ReadAllText(page);
            Assert.StartsWith("# " + rule.Id + ":", text);
            Assert.Contains("## Why", text);
            Assert.Contains("## Bad", text);
            Assert.Contains("## Good", text);
            if (rule.HasFix) Assert.Contains("## Fix", text);
        }
    }

    [Fact]
    public void Every_policy_rule_is_implemented()
    {
        var implemented = PolicyRule.All.SelectMany(r => r.Descriptors).Select(d => d.Id).ToHashSet();
        implemented.Add("ECR400"); // Reported by the linter itself when a file cannot be parsed.
        foreach (var rule in RuleCatalog.All.Where(r => r.Pack is RuleCatalog.S3LayerAccess or RuleCatalog.EcrActions or RuleCatalog.DeleteGuard or RuleCatalog.PolicyGrammar))
            Assert.Contains(rule.Id, implemented);
    }

    [Fact]
    public void Rule_implementations_report_only_catalogue_descriptors()
    {
        var catalogue = RuleCatalog.All.Select(r => r.Id).ToHashSet();
        Assert.All(PolicyRule.All.SelectMany(r => r.Descriptors), d => Assert.Contains(d.Id, catalogue));
    }

    [Fact]
    public void Only_ECR204_is_off_in_recommended_and_strict_raises_warnings()
    {
        Assert.Equal(new[] { "ECR204" }, RuleCatalog.All.Where(r => r.SeverityIn(LintMode.Recommended) == Severity.None).Select(r => r.Id));
        Assert.All(RuleCatalog.All, r => Assert.NotEqual(Severity.Warning, r.SeverityIn(LintMode.Strict)));
        Assert.All(RuleCatalog.All, r => Assert.Equal(Severity.Info, r.SeverityIn(LintMode.AllInfo)));
    }
}
