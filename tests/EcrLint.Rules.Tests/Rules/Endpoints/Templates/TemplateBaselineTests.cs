using static EcrLint.Tests.Rules.Endpoints.Templates.TemplateRuleHelper;

namespace EcrLint.Tests.Rules.Endpoints.Templates;

public class TemplateBaselineTests
{
    private static readonly string[] EndpointRules = MissingEcrEndpointsRuleTests.RuleIds();

    [Fact]
    public void The_inline_correct_template_is_clean_in_yaml_and_json()
    {
        Silent(Correct, EndpointRules);
        var result = Lint(ToJson(Correct), "t.json");
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("correct.fargate-privatelink.json")]
    [InlineData("correct.fargate-privatelink.yaml")]
    [InlineData("correct.ec2-privatelink.json")]
    public void The_correct_samples_are_clean_of_every_endpoint_rule_in_strict_mode(string name)
    {
        var path = Repo.PathOf("samples", "templates", name);
        var findings = Lint(File.ReadAllText(path), path).Findings.Where(f => EndpointRules.Contains(f.RuleId)).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
