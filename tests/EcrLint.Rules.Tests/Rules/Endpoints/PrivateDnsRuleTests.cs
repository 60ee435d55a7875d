using EcrLint.Endpoints;

namespace EcrLint.Tests.Rules.Endpoints;

public class PrivateDnsRuleTests
{
    [Fact]
    public void ECR006_fires_on_an_explicit_false()
    {
        var built = new VpcBuilder().EcrSet().Interface("Dkr2", "ecr.dkr", e => e.PrivateDns = false).WithFixer().Build();
        var f = Assert.Single(built.Fires("ECR006", "Dkr2/PrivateDnsEnabled"));
        Assert.Contains("has private DNS disabled", f.Message);
        Assert.Equal("Enable private DNS", f.Fix!.Title);
        Assert.Contains("EnablePrivateDns(Dkr2)", built.Fixer!.Calls);
    }

    [Fact]
    public void ECR006_fires_on_an_omitted_setting_that_defaults_to_false_at_the_resource()
    {
        var f = Assert.Single(new VpcBuilder().Endpoint("EcrDkr", "com.amazonaws.us-east-1.ecr.dkr", configure: e => e.PrivateDnsIsDefault = true).Build().Fires("ECR006", "EcrDkr"));
        Assert.Contains("the setting is omitted and defaults to false", f.Message);
    }

    [Fact]
    public void ECR006_is_silent_when_enabled_unknown_or_on_a_gateway_typed_endpoint()
    {
        new VpcBuilder().EcrSet().Build().Silent("ECR006", "ECR007");
        new VpcBuilder().Endpoint("EcrDkr", "com.amazonaws.us-east-1.ecr.dkr", configure: e => e.PrivateDns = null).Build().Silent("ECR006");
        new VpcBuilder().Endpoint("EcrDkr", "com.amazonaws.us-east-1.ecr.dkr", EndpointType.Gateway, e => { e.TypeIsDefault = true; e.PrivateDnsIsDefault = true; }).Build().Silent("ECR006");
        new VpcBuilder().Endpoint("Logs", "com.amazonaws.us-east-1.logs", configure: e => e.PrivateDns = false).Build().Silent("ECR006", "ECR007");
    }

    [Fact]
    public void ECR007_fires_on_ecr_api_without_private_DNS()
    {
        var built = new VpcBuilder().Interface("EcrApi", "ecr.api", e => e.PrivateDns = false).Interface("EcrDkr", "ecr.dkr").WithFixer().Build();
        var f = Assert.Single(built.Fires("ECR007", "EcrApi/PrivateDnsEnabled"));
        Assert.Contains("--endpoint-url", f.Message);
        Assert.Contains("EnablePrivateDns(EcrApi)", built.Fixer!.Calls);
        built.Silent("ECR006");
        new VpcBuilder().Endpoint("EcrApi", "com.amazonaws.us-east-1.ecr.api", configure: e => e.PrivateDnsIsDefault = true).Build().Fires("ECR007", "EcrApi");
    }

    [Fact]
    public void ECR006_also_reads_a_malformed_or_typed_ecr_dkr_endpoint()
    {
        new VpcBuilder().Endpoint("Dkr", "com.amazonaws.us-east-1.ecr-dkr", configure: e => e.PrivateDns = false).Build().Fires("ECR006", "Dkr/PrivateDnsEnabled");
        new VpcBuilder().Endpoint("Dkr", null, configure: e => { e.TypedService = "ecr.dkr"; e.PrivateDns = false; }).Build().Fires("ECR006", "Dkr/PrivateDnsEnabled");
    }
}
