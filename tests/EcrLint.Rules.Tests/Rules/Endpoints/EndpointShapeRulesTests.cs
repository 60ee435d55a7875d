using EcrLint.Endpoints;

namespace EcrLint.Tests.Rules.Endpoints;

/// <summary>ECR011 (type), ECR012 (443), ECR013 (route tables).</summary>
public class EndpointShapeRulesTests
{
    [Fact]
    public void ECR011_fires_on_an_explicit_or_default_gateway_type_for_interface_services()
    {
        var built = new VpcBuilder().S3Gateway()
            .Endpoint("EcrDkr", "com.amazonaws.us-east-1.ecr.dkr", EndpointType.Gateway)
            .Endpoint("EcrApi", "com.amazonaws.us-east-1.ecr.api", EndpointType.Gateway, e => e.TypeIsDefault = true)
            .Endpoint("Ecs", "com.amazonaws.us-east-1.ecs", EndpointType.GatewayLoadBalancer)
            .Build();
        var findings = built.Fires("ECR011", "EcrDkr/VpcEndpointType", "EcrApi", "Ecs/VpcEndpointType");
        Assert.Contains(findings, f => f.Message.Contains("a Gateway endpoint by default (the type is omitted)"));
        Assert.Contains(findings, f => f.Message.Contains("a Gateway Load Balancer endpoint"));
    }

    [Fact]
    public void ECR011_fires_on_an_S3_interface_endpoint_when_there_is_no_S3_gateway()
    {
        var built = new VpcBuilder().Interface("EcrApi", "ecr.api").Interface("EcrDkr", "ecr.dkr").Interface("S3", "s3").Build();
        built.Fires("ECR011", "S3/VpcEndpointType");
        built.Fires("ECR003", "Vpc");
    }

    [Fact]
    public void ECR011_is_silent_on_correct_types_and_on_S3_interface_next_to_a_gateway()
    {
        MissingEcrEndpointsRuleTests.Correct().Build().Silent("ECR011");
        new VpcBuilder().EcrSet().Interface("S3Interface", "s3").Build().Silent("ECR011");
        new VpcBuilder().Interface("S3", "s3").Build().Silent("ECR011");
        new VpcBuilder().Endpoint("Dkr", "com.amazonaws.us-east-1.ecr.dkr", EndpointType.Unknown).Build().Silent("ECR011");
        new VpcBuilder().Endpoint("Dkr", "com.amazonaws.us-east-1.ecr.dkr", type: default, configure: e => e.Type = null).Build().Silent("ECR011");
    }

    [Fact]
    public void ECR012_fires_on_the_security_groups_of_an_interface_endpoint_without_443()
    {
        var built = new VpcBuilder().EcrSet().Interface("Logs", "logs", e => e.Admits443 = false).Build();
        var f = Assert.Single(built.Fires("ECR012", "Logs/SecurityGroupIds"));
        Assert.Contains("`logs` endpoint `Logs`", f.Message);
    }

    [Fact]
    public void ECR012_is_silent_when_443_is_admitted_unknown_or_for_other_services()
    {
        MissingEcrEndpointsRuleTests.Correct().Build().Silent("ECR012");
        new VpcBuilder().EcrSet().Interface("Logs", "logs", e => e.Admits443 = null).Build().Silent("ECR012");
        new VpcBuilder().EcrSet().Endpoint("Sts", "com.amazonaws.us-east-1.sts", configure: e => e.Admits443 = false).Build().Silent("ECR012");
        new VpcBuilder().Interface("Logs", "logs", e => e.Admits443 = false).Build().Silent("ECR012");
    }

    [Fact]
    public void ECR013_fires_on_an_S3_gateway_without_route_tables()
    {
        var explicitEmpty = new VpcBuilder().Interface("EcrApi", "ecr.api").Interface("EcrDkr", "ecr.dkr").S3Gateway(configure: e => e.RouteTables = false).Build();
        Assert.Contains("its route table list is empty", Assert.Single(explicitEmpty.Fires("ECR013", "S3Gateway/RouteTableIds")).Message);
        var omitted = new VpcBuilder().Interface("EcrApi", "ecr.api").Interface("EcrDkr", "ecr.dkr").S3Gateway(configure: e => e.RouteTablesIsDefault = true).Build();
        Assert.Contains("no route tables are given", Assert.Single(omitted.Fires("ECR013", "S3Gateway")).Message);
    }

    [Fact]
    public void ECR013_is_silent_with_route_tables_unknown_ones_or_no_ECR_use()
    {
        MissingEcrEndpointsRuleTests.Correct().Build().Silent("ECR013");
        new VpcBuilder().EcrSet().S3Gateway("Other", e => e.RouteTables = null).Build().Silent("ECR013");
        new VpcBuilder().S3Gateway(configure: e => e.RouteTables = false).Build().Silent("ECR013");
        new VpcBuilder().EcrSet().Endpoint("S3Unknown", "com.amazonaws.us-east-1.s3", EndpointType.Unknown, e => e.RouteTablesIsDefault = true).Build().Silent("ECR013");
    }
}
