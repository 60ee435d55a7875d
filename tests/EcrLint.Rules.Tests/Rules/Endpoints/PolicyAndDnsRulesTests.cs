using EcrLint.Endpoints;

namespace EcrLint.Tests.Rules.Endpoints;

/// <summary>ECR016 (ECR endpoint policies differ), ECR017 (custom DNS).</summary>
public class PolicyAndDnsRulesTests
{
    private const string PullOnly = """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken"], "Resource": "*" } ] }""";
    private const string FullAccess = """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""";
    private const string Other = """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "*" } ] }""";

    [Fact]
    public void ECR016_fires_on_the_ecr_dkr_policy_when_the_policies_differ()
    {
        var built = new VpcBuilder().Interface("EcrApi", "ecr.api", e => e.PolicyJson = Other).Interface("EcrDkr", "ecr.dkr", e => e.PolicyJson = PullOnly).S3Gateway().Build();
        var f = Assert.Single(built.Fires("ECR016", "EcrDkr/Policy:\"Statement\""));
        Assert.Contains("carry different policies", f.Message);
        Assert.Equal("EcrApi/Policy:\"Statement\"", built.LabelOf(Assert.Single(f.RelatedLocations).Location));
    }

    [Fact]
    public void ECR016_counts_one_policy_against_none()
    {
        var dkrOnly = new VpcBuilder().Interface("EcrApi", "ecr.api").Interface("EcrDkr", "ecr.dkr", e => e.PolicyJson = PullOnly).Build();
        Assert.Contains("has a policy but the `ecr.api` endpoint `EcrApi` has none", Assert.Single(dkrOnly.Fires("ECR016", "EcrDkr/Policy:\"Statement\"")).Message);
        var apiOnly = new VpcBuilder().Interface("EcrApi", "ecr.api", e => e.PolicyJson = PullOnly).Interface("EcrDkr", "ecr.dkr").Build();
        Assert.Contains("the `ecr.api` endpoint `EcrApi` has a policy but the `ecr.dkr` endpoint `EcrDkr` has none", Assert.Single(apiOnly.Fires("ECR016", "EcrDkr")).Message);
    }

    [Fact]
    public void ECR016_is_silent_on_the_same_policy_none_the_default_or_an_unknown_one()
    {
        new VpcBuilder().Interface("EcrApi", "ecr.api", e => e.PolicyJson = PullOnly).Interface("EcrDkr", "ecr.dkr", e => e.PolicyJson = PullOnly).Build().Silent("ECR016");
        new VpcBuilder().EcrSet().Build().Silent("ECR016");
        new VpcBuilder().Interface("EcrApi", "ecr.api", e => e.PolicyJson = FullAccess).Interface("EcrDkr", "ecr.dkr").Build().Silent("ECR016");
        new VpcBuilder().Interface("EcrApi", "ecr.api", e => e.PolicyUnknown = true).Interface("EcrDkr", "ecr.dkr", e => e.PolicyJson = PullOnly).Build().Silent("ECR016");
        new VpcBuilder().Interface("EcrDkr", "ecr.dkr", e => e.PolicyJson = PullOnly).Build().Silent("ECR016");
    }

    [Fact]
    public void ECR017_fires_on_the_DHCP_options_and_names_the_endpoints_relying_on_private_DNS()
    {
        var built = new VpcBuilder().CustomDns().EcrSet().Interface("EcrApi2", "ecr.api", e => e.PrivateDns = false).FargateApp().Build();
        var f = Assert.Single(built.Fires("ECR017", "Vpc/DhcpOptions"));
        Assert.Contains("its endpoints `EcrApi` and `EcrDkr` rely on private DNS", f.Message);
        Assert.Equal(new[] { "EcrApi/PrivateDnsEnabled", "EcrDkr/PrivateDnsEnabled" }, f.RelatedLocations.Select(r => built.LabelOf(r.Location)));
    }

    [Fact]
    public void ECR017_is_silent_with_Amazon_DNS_or_no_private_DNS()
    {
        MissingEcrEndpointsRuleTests.Correct().Build().Silent("ECR017");
        new VpcBuilder().CustomDns().Interface("EcrDkr", "ecr.dkr", e => e.PrivateDns = false).Build().Silent("ECR017");
        new VpcBuilder().CustomDns().Build().Silent("ECR017");
    }
}
