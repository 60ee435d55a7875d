using System.Text.RegularExpressions;
using EcrLint.Engine;
using EcrLint.Rules;

namespace EcrLint.Tests.Samples;

/// <summary>The shipped samples behave as their names and the samples README say.</summary>
public partial class SampleTests
{
    private const string Region = "us-east-1";
    private const string Account = "210987654321";

    [GeneratedRegex(@"^(ECR\d{3})\.(bad|good)\b")]
    private static partial Regex SampleName();

    private static List<string> SampleNames()
    {
        var dir = Repo.PathOf("samples", "policies", "rules");
        if (!Directory.Exists(dir)) return new List<string>();
        return Directory.GetFiles(dir).Select(f => Path.GetFileName(f)).Where(n => SampleName().IsMatch(n)).Order(StringComparer.Ordinal).ToList();
    }

    public static TheoryData<string> RuleSamples() => new(SampleNames());

    private static FileLintResult Lint(string path, LintMode mode) =>
        Linter.LintFile(path, File.ReadAllBytes(path), new LintContext { Region = Region, Account = Account, Severities = new SeverityPolicy(mode) });

    [Theory]
    [MemberData(nameof(RuleSamples))]
    public void Rule_samples_fire_when_bad_and_stay_silent_when_good(string name)
    {
        var m = SampleName().Match(name);
        var id = m.Groups[1].Value;
        var path = Repo.PathOf("samples", "policies", "rules", name);
        var strict = Lint(path, LintMode.Strict);
        if (m.Groups[2].Value == "bad")
        {
            Assert.Contains(strict.Findings, f => f.RuleId == id);
        }
        else
        {
            Assert.DoesNotContain(strict.Findings, f => f.RuleId == id);
            var recommended = Lint(path, LintMode.Recommended);
            Assert.True(recommended.Findings.Count == 0, $"{name} should lint clean:\n" + string.Join("\n", recommended.Findings));
        }
    }

    [Fact]
    public void Every_rule_of_the_policy_packs_has_a_bad_and_a_good_sample()
    {
        var names = SampleNames();
        // The endpoint and windows packs have template and daemon.json pairs instead (RuleSampleTests).
        foreach (var rule in RuleCatalog.All.Where(r => r.Pack is not (RuleCatalog.Endpoints or RuleCatalog.Windows)))
        {
            Assert.Contains(names, n => n.StartsWith(rule.Id + ".bad", StringComparison.Ordinal));
            if (rule.Id != "ECR400") Assert.Contains(names, n => n.StartsWith(rule.Id + ".good", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Corrected_versions_of_the_aws_page_examples_lint_clean()
    {
        foreach (var path in Directory.GetFiles(Repo.PathOf("samples", "policies", "corrected")))
        {
            var result = Linter.LintFile(path, File.ReadAllBytes(path), new LintContext());
            Assert.True(result.Findings.Count == 0, Path.GetFileName(path) + ":\n" + string.Join("\n", result.Findings));
        }
    }

    [Fact]
    public void Aws_page_examples_are_kept_byte_for_byte()
    {
        // The page gives each example on one line; the samples add only a final newline.
        foreach (var path in Directory.GetFiles(Repo.PathOf("samples", "policies", "aws-page")))
        {
            var text = File.ReadAllText(path);
            Assert.StartsWith("{ \"Statement\": [", text);
            Assert.Equal(1, text.Count(c => c == '\n'));
        }
    }
}
