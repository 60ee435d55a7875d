using System.Text.RegularExpressions;
using EcrLint.Engine;
using EcrLint.Rules;

namespace EcrLint.Tests.Rules.Endpoints.Templates;

/// <summary>
/// The sample pairs of the endpoint and windows rules (<c>samples/templates/rules</c>, <c>samples/docker/rules</c>):
/// a bad sample triggers its rule, a good one does not and lints clean in the recommended mode.
/// </summary>
public partial class RuleSampleTests
{
    [GeneratedRegex(@"^(ECR\d{3})\.(bad|good)\.")]
    private static partial Regex SampleName();

    private static readonly string[] Folders = { Path.Combine("templates", "rules"), Path.Combine("docker", "rules") };

    private static IEnumerable<string> Files() =>
        Folders.SelectMany(f => Directory.GetFiles(Repo.PathOf("samples", f))).Where(p => SampleName().IsMatch(Path.GetFileName(p))).Order(StringComparer.Ordinal);

    public static TheoryData<string> Samples() => new(Files().Select(p => Path.GetRelativePath(Repo.PathOf("samples"), p)));

    private static FileLintResult Lint(string path, LintMode mode) =>
        Linter.LintFile(path, File.ReadAllBytes(path), new LintContext { Region = "us-east-1", Account = "210987654321", Severities = new SeverityPolicy(mode) });

    [Theory]
    [MemberData(nameof(Samples))]
    public void Bad_samples_fire_and_good_samples_are_clean(string relative)
    {
        var path = Repo.PathOf("samples", relative);
        var m = SampleName().Match(Path.GetFileName(path));
        var id = m.Groups[1].Value;
        var strict = Lint(path, LintMode.Strict);
        Assert.True(strict.Recognized, relative);
        Assert.DoesNotContain(strict.Findings, f => f.RuleId == "ECR400");
        if (m.Groups[2].Value == "bad")
        {
            Assert.Contains(strict.Findings, f => f.RuleId == id);
        }
        else
        {
            Assert.DoesNotContain(strict.Findings, f => f.RuleId == id);
            var recommended = Lint(path, LintMode.Recommended);
            Assert.True(recommended.Findings.Count == 0, relative + " should lint clean:\n" + string.Join("\n", recommended.Findings));
        }
    }

    [Fact]
    public void Every_endpoint_and_windows_rule_has_a_pair()
    {
        var names = Files().Select(Path.GetFileName).ToList();
        foreach (var rule in RuleCatalog.All.Where(r => r.Pack is RuleCatalog.Endpoints or RuleCatalog.Windows))
        {
            Assert.Contains(names, n => n!.StartsWith(rule.Id + ".bad.", StringComparison.Ordinal));
            Assert.Contains(names, n => n!.StartsWith(rule.Id + ".good.", StringComparison.Ordinal));
        }
    }
}
