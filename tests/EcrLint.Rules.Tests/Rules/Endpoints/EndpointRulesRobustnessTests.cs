using EcrLint.Endpoints;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Tests.Rules.Endpoints;

/// <summary>Endpoint rules never throw, whatever the front end could not read.</summary>
public class EndpointRulesRobustnessTests
{
    private static readonly SourceDocument Doc = new("x", "x");
    private static SourceLocation Loc => Doc.GetLocation(new TextSpan(0, 1));

    [Fact]
    public void An_empty_scope_and_a_scope_of_unknowns_yield_nothing()
    {
        var context = new LintContext { Severities = new SeverityPolicy(LintMode.Strict) };
        Assert.Empty(EndpointRule.Run(new VpcScope("Vpc", Loc), context));

        var vpc = new VpcScope("Vpc", Loc) { Region = new Fact<string?>(null, null), HasNatGateway = new Fact<bool?>(null, null) };
        var e = new EndpointModel("E", Loc)
        {
            ServiceName = new Fact<string?>(null, null),
            Type = new Fact<EndpointType>(EndpointType.Unknown, null),
            PrivateDns = new Fact<bool?>(null, null),
            HasRouteTables = new Fact<bool?>(null, null),
            Admits443 = new Fact<bool?>(null, null),
            PolicyUnknown = true,
        };
        vpc.Endpoints.Add(e);
        vpc.Endpoints.Add(new EndpointModel("Bare", Loc));
        var w = new WorkloadModel("W", Loc) { PlatformVersion = new Fact<string?>(null, null), OperatingSystemFamily = new Fact<string?>(null, null) };
        w.Images.Add(new ImageReference(null, ImageSource.Unknown, Loc));
        vpc.Workloads.Add(w);
        vpc.PullThroughCacheRules.Add(new PullThroughCacheRuleModel("P", Loc, null));
        Assert.Empty(EndpointRule.Run(vpc, context));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("com.amazonaws.")]
    [InlineData("com.amazonaws...")]
    [InlineData("${AWS::Region}")]
    [InlineData("https://")]
    [InlineData("ecr.dkr.ecr.dkr.ecr.dkr")]
    [InlineData("\u0001.ecr.dkr")]
    [InlineData("com.amazonaws.us-east-1.ecr.dkr\n")]
    public void Odd_service_names_do_not_throw(string name)
    {
        var built = new VpcBuilder().NoNat().Endpoint("E", name, configure: e => e.PrivateDns = false).FargateApp().Build();
        built.Run("us-east-1");
    }

    [Fact]
    public void A_huge_name_is_not_read()
    {
        var built = new VpcBuilder().Endpoint("E", "com.amazonaws.us-east-1." + new string('x', 100_000) + ".ecr.dkr").FargateApp().Build();
        built.Silent("ECR010");
    }

    [Fact]
    public void Off_rules_do_not_report()
    {
        var built = new VpcBuilder().NoNat().FargateApp().Build();
        var context = new LintContext { Severities = new SeverityPolicy(LintMode.Recommended, new Dictionary<string, Severity> { ["ECR008"] = Severity.None }) };
        Assert.DoesNotContain(EndpointRule.Run(built.Vpc, context), f => f.RuleId == "ECR008");
    }

    [Fact]
    public void Every_endpoint_and_windows_rule_but_the_daemon_ones_is_an_endpoint_rule()
    {
        var implemented = EndpointRule.All.SelectMany(r => r.Descriptors).Select(d => d.Id).ToHashSet();
        foreach (var rule in RuleCatalog.All.Where(r => r.Pack == RuleCatalog.Endpoints))
            Assert.Contains(rule.Id, implemented);
        Assert.Contains("ECR503", implemented);
    }
}
