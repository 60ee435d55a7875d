using EcrLint.Endpoints;
using EcrLint.Packs.Endpoints;

namespace EcrLint.Tests.Rules.Endpoints;

public class ServiceNameRuleTests
{
    [Theory]
    [InlineData("com.amazonaws.ecr.dkr", "ecr.dkr", "it has no region")]
    [InlineData("ecr-dkr", "ecr.dkr", "it lacks the `com.amazonaws.` prefix; it has no region; the service is written `ecr-dkr` instead of `ecr.dkr`")]
    [InlineData("com.amazonaws.us-east-1.ecr-dkr", "ecr.dkr", "the service is written `ecr-dkr` instead of `ecr.dkr`")]
    [InlineData("com.amazonaws.region.ecr.api", "ecr.api", "the region `region` is a placeholder")]
    [InlineData("com.amazonaws.REGION.ecr.api", "ecr.api", "the region `REGION` is a placeholder")]
    [InlineData("com.amazonaws.<region>.ecr.api", "ecr.api", "the region `<region>` is a placeholder")]
    [InlineData("com.amazonaws.cn-north-1.ecr.dkr", "ecr.dkr", "in `cn-north-1` (partition `aws-cn`) the prefix is `cn.com.amazonaws`, not `com.amazonaws` (F14)")]
    [InlineData("cn.com.amazonaws.us-east-1.ecr.api", "ecr.api", "in `us-east-1` (partition `aws`) the prefix is `com.amazonaws`, not `cn.com.amazonaws` (F14)")]
    [InlineData("com.amazonaws.eusc-de-east-1.ecr.dkr", "ecr.dkr", "in `eusc-de-east-1` (partition `aws-eusc`) the prefix is `eu.amazonaws`, not `com.amazonaws` (F14)")]
    [InlineData("dkr.ecr.us-east-1.amazonaws.com", "ecr.dkr", "it is a DNS host name, not a service name")]
    [InlineData("https://api.ecr.eu-west-1.amazonaws.com/", "ecr.api", "it is a DNS host name, not a service name")]
    [InlineData("com.amazonaws.us-east-1.ECR.DKR", "ecr.dkr", "service names are lower case")]
    [InlineData(" com.amazonaws.us-east-1.ecr.dkr", "ecr.dkr", "it contains whitespace")]
    [InlineData("com.amazonaws.us-est-1.ecr.dkr", "ecr.dkr", "`us-est-1` is not a known region")]
    [InlineData("com.amazonaws.us-east-1.ecr", "ecr", "`ecr` names neither ECR endpoint: `ecr.api` (the ECR API) or `ecr.dkr` (the registry)")]
    [InlineData("com.amazonaws.ecr.dkr.us-east-1", "ecr.dkr", "the region comes after the service")]
    [InlineData("com.amazonaws.${AWS::Region}.ecr-dkr", "ecr.dkr", "the service is written `ecr-dkr` instead of `ecr.dkr`")]
    [InlineData("com.amazonaws.us-east-1.ecs_agent", "ecs-agent", "the service is written `ecs_agent` instead of `ecs-agent`")]
    [InlineData("amazonaws.us-east-1.logs", "logs", "`amazonaws` is not a service name prefix")]
    [InlineData("com.amazonaws..us-east-1.s3", "s3", "it has an empty label (`..`)")]
    public void Malformed_names_are_read_as_the_service_they_mean(string name, string service, string problems)
    {
        var a = ServiceNames.Analyze(name);
        Assert.NotNull(a);
        Assert.Equal(service, a!.Service);
        Assert.Equal(problems, string.Join("; ", a.Problems));
    }

    [Theory]
    [InlineData("com.amazonaws.us-east-1.ecr.dkr")]
    [InlineData("cn.com.amazonaws.cn-north-1.ecr.api")]
    [InlineData("eu.amazonaws.eusc-de-east-1.ecr.dkr")]
    [InlineData("com.amazonaws.cn-north-1.s3")]
    [InlineData("cn.com.amazonaws.cn-northwest-1.logs")]
    [InlineData("com.amazonaws.us-gov-west-1.ecs-telemetry")]
    [InlineData("com.amazonaws.${AWS::Region}.ecr.dkr")]
    public void Well_formed_names_have_no_problem(string name) => Assert.Empty(ServiceNames.Analyze(name)!.Problems);

    [Theory]
    [InlineData("com.amazonaws.us-east-1.sts")]
    [InlineData("com.amazonaws.s3-global.accesspoint")]
    [InlineData("com.amazonaws.us-east-1.s3express")]
    [InlineData("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0")]
    [InlineData("com.amazonaws.us-east-1.ecr.dkr-fips")]
    [InlineData("aws.sagemaker.us-east-1.notebook")]
    [InlineData("")]
    [InlineData("....")]
    public void Other_services_are_not_read(string name) => Assert.Null(ServiceNames.Analyze(name));

    [Fact]
    public void ECR010_fires_on_the_service_name_and_fixes_it_with_the_stacks_region()
    {
        var built = new VpcBuilder().EcrSet().Endpoint("Bad", "com.amazonaws.ecr.dkr").WithFixer().Build();
        var f = Assert.Single(built.Fires("ECR010", "Bad/ServiceName"));
        Assert.Equal("The service name `com.amazonaws.ecr.dkr` of endpoint `Bad` is malformed: it has no region. Use `com.amazonaws.${AWS::Region}.ecr.dkr` (the stack's own region).", f.Message);
        Assert.Contains("SetServiceName(Bad: com.amazonaws.${AWS::Region}.ecr.dkr)", built.Fixer!.Calls);
        Assert.Equal("Use the corrected service name", f.Fix!.Title);
    }

    [Fact]
    public void ECR010_writes_the_stacks_region_in_the_sources_language()
    {
        var built = new VpcBuilder().EcrSet().Endpoint("Bad", "com.amazonaws.ecr.dkr").Build();
        built.Vpc.SymbolicRegionText = "{Aws.REGION}";
        var f = Assert.Single(built.Fires("ECR010", "Bad/ServiceName"));
        Assert.Contains("Use `com.amazonaws.{Aws.REGION}.ecr.dkr` (the stack's own region).", f.Message);
    }

    [Theory]
    [InlineData("com.amazonaws.ecr.dkr", null, "com.amazonaws.${AWS::Region}.ecr.dkr")]
    [InlineData("com.amazonaws.ecr.dkr", "eu-west-1", "com.amazonaws.${AWS::Region}.ecr.dkr")]
    [InlineData("com.amazonaws.REGION.ecr.api", "cn-north-1", "cn.com.amazonaws.${AWS::Region}.ecr.api")]
    [InlineData("ecr-dkr", null, "com.amazonaws.${AWS::Region}.ecr.dkr")]
    [InlineData("com.amazonaws.us-east-1.ecr-dkr", null, "com.amazonaws.us-east-1.ecr.dkr")]
    [InlineData("com.amazonaws.cn-north-1.ecr.dkr", null, "cn.com.amazonaws.cn-north-1.ecr.dkr")]
    [InlineData("dkr.ecr.us-east-1.amazonaws.com", null, "com.amazonaws.us-east-1.ecr.dkr")]
    [InlineData("com.amazonaws.us-eas-1.ecr.dkr", null, "com.amazonaws.us-east-1.ecr.dkr")]
    [InlineData("com.amazonaws.us-est-1.ecr.dkr", null, "com.amazonaws.${AWS::Region}.ecr.dkr")]
    [InlineData("com.amazonaws.us-east-7.ecr.dkr", "us-west-2", "com.amazonaws.${AWS::Region}.ecr.dkr")]
    [InlineData("com.amazonaws.${AWS::Region}.ecr-dkr", null, "com.amazonaws.${AWS::Region}.ecr.dkr")]
    [InlineData("com.amazonaws.US-EAST-1.Logs", null, "com.amazonaws.us-east-1.logs")]
    public void ECR010_corrects_the_name_when_it_is_unambiguous(string name, string? region, string corrected)
    {
        var built = new VpcBuilder().EcrSet().Endpoint("Bad", name).WithFixer().Build();
        var f = Assert.Single(built.FiresIn(region, "ECR010", "Bad/ServiceName"));
        Assert.Contains($"Use `{corrected}`", f.Message);
        Assert.NotNull(f.Fix);
        Assert.Contains($"SetServiceName(Bad: {corrected})", built.Fixer!.Calls);
    }

    [Fact]
    public void ECR010_offers_no_fix_when_the_service_is_ambiguous()
    {
        var built = new VpcBuilder().EcrSet().Endpoint("Bad", "com.amazonaws.us-east-1.ecr").WithFixer().Build();
        var f = Assert.Single(built.Fires("ECR010", "Bad/ServiceName"));
        Assert.Null(f.Fix);
        Assert.Contains("Service names read `PREFIX.REGION.SERVICE`", f.Message);
    }

    [Fact]
    public void ECR010_checks_the_prefix_of_a_stack_region_name_against_the_run_region()
    {
        var built = new VpcBuilder().EcrSet().Endpoint("Dkr", "com.amazonaws.${AWS::Region}.ecr.dkr").Build();
        built.SilentIn("us-east-1", "ECR010");
        built.Silent("ECR010");
        var f = Assert.Single(built.FiresIn("cn-north-1", "ECR010", "Dkr/ServiceName"));
        Assert.Contains("Use `cn.com.amazonaws.${AWS::Region}.ecr.dkr`", f.Message);
    }

    [Fact]
    public void ECR010_is_silent_on_correct_and_typed_names_and_on_other_services()
    {
        MissingEcrEndpointsRuleTests.Correct().Build().Silent("ECR010");
        new VpcBuilder().EcrSet().Endpoint("Typed", null, configure: e => e.TypedService = "ecr.dkr").Endpoint("Sts", "com.amazonaws.us-east-1.sts").Build().Silent("ECR010");
    }

    [Fact]
    public void ECR010_needs_a_sign_of_ECR_use_for_non_ECR_names()
    {
        new VpcBuilder().Endpoint("Logs", "com.amazonaws.region.logs").Build().Silent("ECR010");
        new VpcBuilder().Endpoint("Logs", "com.amazonaws.region.logs").FargateApp().Build().Fires("ECR010", "Logs/ServiceName");
        new VpcBuilder().Endpoint("Dkr", "com.amazonaws.region.ecr.dkr").Build().Fires("ECR010", "Dkr/ServiceName");
    }
}
