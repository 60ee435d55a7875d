using EcrLint.Endpoints;

namespace EcrLint.Tests.Rules.Endpoints;

public class MissingEcrEndpointsRuleTests
{
    /// <summary>A Fargate service in a VPC without NAT, with every endpoint it needs.</summary>
    internal static VpcBuilder Correct() =>
        new VpcBuilder().InRegion("us-east-1").NoNat().EcrSet().Interface("Logs", "logs").FargateApp(configure: w => w.AwsLogs = true);

    [Fact]
    public void The_correct_setups_are_clean_of_every_endpoint_rule()
    {
        var all = RuleIds();
        Correct().Build().Silent(all);
        new VpcBuilder().InRegion("us-east-1").NoNat().EcrSet().Interface("Logs", "logs")
            .Interface("Ecs", "ecs").Interface("EcsAgent", "ecs-agent").Interface("EcsTelemetry", "ecs-telemetry")
            .Workload("Ec2App", w =>
            {
                w.LaunchType = LaunchType.Ec2;
                w.AwsLogs = true;
                w.Image("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1", ImageSource.PrivateEcr, "us-east-1");
            })
            .Build().Silent(all);
    }

    internal static string[] RuleIds() =>
        EcrLint.Rules.RuleCatalog.All.Where(r => r.Pack is "endpoints" || r.Id == "ECR503").Select(r => r.Id).ToArray();

    [Fact]
    public void ECR001_fires_on_the_VPC_with_ecr_api_but_no_ecr_dkr()
    {
        var built = new VpcBuilder().Nat(true).Interface("EcrApi", "ecr.api").S3Gateway().FargateApp().Build();
        var f = Assert.Single(built.Fires("ECR001", "Vpc"));
        Assert.Contains("`ecr.api` endpoint `EcrApi`", f.Message);
        Assert.Contains("com.amazonaws.REGION.ecr.dkr", f.Message);
        Assert.Equal("EcrApi", built.LabelOf(Assert.Single(f.RelatedLocations).Location));
    }

    [Fact]
    public void ECR001_fires_without_NAT_when_the_VPC_has_other_endpoints()
    {
        var f = Assert.Single(new VpcBuilder().InRegion("eu-west-1").NoNat().S3Gateway().FargateApp().Build().Fires("ECR001", "Vpc"));
        Assert.Contains("it has no NAT gateway", f.Message);
        Assert.Contains("`com.amazonaws.eu-west-1.ecr.dkr`", f.Message);
    }

    [Fact]
    public void ECR001_fires_for_isolated_subnets()
    {
        new VpcBuilder().Nat(true).Isolated().Interface("Logs", "logs").FargateApp().Build().Fires("ECR001", "Vpc");
    }

    [Fact]
    public void ECR001_is_silent_when_ecr_dkr_exists_even_malformed_or_mistyped()
    {
        new VpcBuilder().NoNat().Interface("EcrApi", "ecr.api").Endpoint("Dkr", "com.amazonaws.us-east-1.ecr-dkr").S3Gateway().FargateApp().Build().Silent("ECR001");
        new VpcBuilder().NoNat().Interface("EcrApi", "ecr.api").Endpoint("Dkr", "com.amazonaws.us-east-1.ecr.dkr", EndpointType.Gateway).S3Gateway().FargateApp().Build().Silent("ECR001");
        new VpcBuilder().NoNat().Interface("EcrApi", "ecr.api").Endpoint("Dkr", null, configure: e => e.TypedService = "ecr.dkr").S3Gateway().FargateApp().Build().Silent("ECR001");
        new VpcBuilder().NoNat().Interface("EcrApi", "ecr.api").Endpoint("Dkr", "com.amazonaws.${AWS::Region}.ecr.dkr").S3Gateway().FargateApp().Build().Silent("ECR001");
    }

    [Fact]
    public void ECR001_leaves_a_VPC_without_endpoints_to_ECR008()
    {
        var built = new VpcBuilder().NoNat().FargateApp().Build();
        built.Silent("ECR001");
        built.Fires("ECR008", "Vpc");
    }

    [Fact]
    public void ECR001_needs_reliance_and_a_sign_of_ECR_use()
    {
        // NAT and no ECR endpoint: not reliant.
        new VpcBuilder().Nat(true).S3Gateway().FargateApp().Build().Silent("ECR001");

        // NAT unknown: no evidence.
        new VpcBuilder().Nat(null).S3Gateway().FargateApp().Build().Silent("ECR001");

        // No NAT, but nothing pulls from ECR (an S3-only VPC, or only Docker Hub images).
        new VpcBuilder().NoNat().S3Gateway().Build().Silent("ECR001");
        new VpcBuilder().NoNat().S3Gateway().Workload("Web", w => w.Image("nginx:latest", ImageSource.Upstream, registry: "docker.io")).Build().Silent("ECR001");

        // An image of unknown origin or a pull-through cache rule counts as ECR use.
        new VpcBuilder().NoNat().S3Gateway().Workload("Web", w => w.Image(null, ImageSource.Unknown)).Build().Fires("ECR001", "Vpc");
        new VpcBuilder().NoNat().S3Gateway().PullThroughCache("DockerHub", "registry-1.docker.io").Build().Fires("ECR001", "Vpc");
    }

    [Fact]
    public void ECR001_fix_asks_the_front_end_for_an_ecr_dkr_interface_endpoint()
    {
        var built = new VpcBuilder().NoNat().Interface("EcrApi", "ecr.api").S3Gateway().FargateApp().WithFixer().Build();
        var f = Assert.Single(built.Fires("ECR001", "Vpc"));
        Assert.NotNull(f.Fix);
        Assert.Equal("Add the ecr.dkr interface endpoint", f.Fix!.Title);
        Assert.Contains("AddEndpoints(Vpc: ecr.dkr Interface)", built.Fixer!.Calls);
    }

    [Fact]
    public void ECR002_fires_on_the_VPC_with_ecr_dkr_but_no_ecr_api()
    {
        var built = new VpcBuilder().NoNat().Interface("EcrDkr", "ecr.dkr").S3Gateway().FargateApp().WithFixer().Build();
        var f = Assert.Single(built.Fires("ECR002", "Vpc"));
        Assert.Contains("`App` uses the latest Fargate platform", f.Message);
        Assert.Equal("EcrDkr", built.LabelOf(Assert.Single(f.RelatedLocations).Location));
        Assert.Contains("AddEndpoints(Vpc: ecr.api Interface)", built.Fixer!.Calls);
        built.Silent("ECR001");
    }

    [Fact]
    public void ECR002_fires_with_no_workloads_and_names_the_workload_that_needs_ecr_api()
    {
        new VpcBuilder().Interface("EcrDkr", "ecr.dkr").S3Gateway().Build().Fires("ECR002", "Vpc");
        Assert.Contains("platform `1.4.0`", Assert.Single(new VpcBuilder().Interface("EcrDkr", "ecr.dkr").FargateApp(configure: w => w.PlatformVersion = "1.4.0").Build().Fires("ECR002", "Vpc")).Message);
        Assert.Contains("platform `LATEST`", Assert.Single(new VpcBuilder().Interface("EcrDkr", "ecr.dkr").FargateApp(configure: w => w.PlatformVersion = "LATEST").Build().Fires("ECR002", "Vpc")).Message);
    }

    [Fact]
    public void ECR002_exempts_Fargate_Linux_pinned_to_1_3_0_or_earlier()
    {
        new VpcBuilder().Interface("EcrDkr", "ecr.dkr").S3Gateway()
            .FargateApp("A", w => w.PlatformVersion = "1.3.0")
            .FargateApp("B", w => w.PlatformVersion = "1.2.0")
            .Build().Silent("ECR002");
    }

    [Fact]
    public void ECR002_exemption_ends_with_one_EC2_Windows_or_newer_workload()
    {
        var pinned = (VpcBuilder b) => b.Interface("EcrDkr", "ecr.dkr").S3Gateway().FargateApp("Old", w => w.PlatformVersion = "1.3.0");
        Assert.Contains("`Worker` runs on EC2 instances", Assert.Single(pinned(new VpcBuilder()).Workload("Worker", w => w.LaunchType = LaunchType.Ec2).Build().Fires("ECR002", "Vpc")).Message);
        Assert.Contains("runs Windows containers", Assert.Single(pinned(new VpcBuilder())
            .FargateApp("Win", w => { w.PlatformVersion = "1.0.0"; w.OperatingSystemFamily = "WINDOWS_SERVER_2019_CORE"; }).Build().Fires("ECR002", "Vpc")).Message);
        Assert.Contains("`New` uses the latest Fargate platform", Assert.Single(pinned(new VpcBuilder()).FargateApp("New").Build().Fires("ECR002", "Vpc")).Message);
    }

    [Fact]
    public void ECR002_does_not_guess_a_computed_platform_version()
    {
        new VpcBuilder().Interface("EcrDkr", "ecr.dkr").S3Gateway().FargateApp(configure: w => w.PlatformVersionUnknown = true).Build().Silent("ECR002");
    }

    [Fact]
    public void ECR002_is_silent_with_both_endpoints()
    {
        Correct().Build().Silent("ECR001", "ECR002");
    }
}
