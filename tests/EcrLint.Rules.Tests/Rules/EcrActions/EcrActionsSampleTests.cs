using EcrLint.Rules;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.EcrActions;

/// <summary>The sample pairs of the ecr-actions pack: each bad file triggers its rule, each good file is clean.</summary>
public class EcrActionsSampleTests
{
    private static string SamplesFolder() => Repo.PathOf("samples", "policies", "rules");

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SamplesFolder(), "ECR20?.*.json").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void Every_rule_of_the_pack_has_a_pair()
    {
        var names = Directory.GetFiles(SamplesFolder(), "ECR20?.*.json").Select(Path.GetFileName).ToList();
        foreach (var id in new[] { "ECR201", "ECR202", "ECR203", "ECR204", "ECR205", "ECR206", "ECR207", "ECR208" })
        {
            Assert.Contains(names, n => n!.StartsWith(id + ".bad.", StringComparison.Ordinal));
            Assert.Contains(names, n => n!.StartsWith(id + ".good.", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Bad_files_trigger_their_rule_and_good_files_are_clean(string name)
    {
        var id = name.Substring(0, 6);
        var text = File.ReadAllText(Path.Combine(SamplesFolder(), name));
        // Strict mode runs every rule (ECR204 is off in the recommended mode).
        var strict = Lint(text, path: name, region: "us-east-1", account: "111122223333", mode: LintMode.Strict);
        if (name.Contains(".bad.", StringComparison.Ordinal))
        {
            Assert.Contains(strict.Findings, f => f.RuleId == id);
            var inRecommended = Lint(text, path: name, region: "us-east-1", account: "111122223333", mode: LintMode.Recommended);
            Assert.Equal(!RuleCatalog.Find(id)!.OffInRecommended, inRecommended.Findings.Any(f => f.RuleId == id));
            return;
        }

        Assert.DoesNotContain(strict.Findings, f => f.RuleId == id);
        var recommended = Lint(text, path: name, region: "us-east-1", account: "111122223333", mode: LintMode.Recommended);
        Assert.True(recommended.Findings.Count == 0, "Unexpected findings:\n" + string.Join("\n", recommended.Findings));
    }
}
