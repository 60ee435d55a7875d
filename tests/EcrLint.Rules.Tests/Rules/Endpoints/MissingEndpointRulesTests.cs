using EcrLint.Endpoints;

namespace EcrLint.Tests.Rules.Endpoints;

/// <summary>ECR003 (S3 gateway), ECR004 (logs), ECR005 (ECS endpoints), ECR008 (no endpoints at all).</summary>
public class MissingEndpointRulesTests
{
    private static VpcBuilder Ec2(VpcBuilder b, string name = "Worker") => b.Workload(name, w =>
    {
        w.LaunchType = LaunchType.Ec2;
        w.Image("111122223333.dkr.ecr.us-east-1.amazonaws.com/worker:1", ImageSource.PrivateEcr, "us-east-1");
    });

    [Fact]
    public void ECR003_fires_on_the_VPC_with_ECR_endpoints_and_no_S3_gateway()
    {
        var built = new VpcBuilder().Nat(true).Interface("EcrApi", "ecr.api").Interface("EcrDkr", "ecr.dkr").FargateApp().WithFixer().Build();
        var f = Assert.Single(built.Fires("ECR003", "Vpc"));
        Assert.DoesNotContain("interface endpoint", f.Message);
        Assert.Contains("AddEndpoints(Vpc: s3 Gateway)", built.Fixer!.Calls);
        Assert.Equal("Add the S3 gateway endpoint", f.Fix!.Title);
    }

    [Fact]
    public void ECR003_says_an_S3_interface_endpoint_does_not_count()
    {
        var built = new VpcBuilder().EcrSet().Build();
        built.Silent("ECR003");
        var f = Assert.Single(new VpcBuilder().Interface("EcrApi", "ecr.api").Interface("EcrDkr", "ecr.dkr").Interface("S3Interface", "s3").Build().Fires("ECR003", "Vpc"));
        Assert.Contains("the S3 interface endpoint `S3Interface` does not count", f.Message);
    }

    [Fact]
    public void ECR003_is_silent_without_ECR_endpoints_or_with_an_S3_endpoint_of_unknown_type()
    {
        new VpcBuilder().NoNat().Interface("Logs", "logs").FargateApp().Build().Silent("ECR003");
        new VpcBuilder().Interface("EcrApi", "ecr.api").Interface("EcrDkr", "ecr.dkr").Endpoint("S3", "com.amazonaws.us-east-1.s3", EndpointType.Unknown).Build().Silent("ECR003");
        new VpcBuilder().Interface("EcrApi", "ecr.api").Interface("EcrDkr", "ecr.dkr").Endpoint("S3", "com.amazonaws.us-east-1.s3", EndpointType.Gateway, e => e.TypeIsDefault = true).Build().Silent("ECR003");
    }

    [Fact]
    public void ECR004_fires_on_each_awslogs_configuration_once()
    {
        var built = new VpcBuilder().NoNat().EcrSet().WithFixer()
            .FargateApp("Api", w => w.AwsLogs = true)
            .FargateApp("Jobs", w => w.AwsLogs = true)
            .FargateApp("Quiet")
            .Build();
        var findings = built.Fires("ECR004", "Api/LogDriver", "Jobs/LogDriver");
        Assert.Contains("`Api` sends its logs with the `awslogs` driver", findings[0].Message);
        Assert.All(findings, f => Assert.NotNull(f.Fix));
        Assert.Contains("AddEndpoints(Vpc: logs Interface)", built.Fixer!.Calls);
    }

    [Fact]
    public void ECR004_is_silent_with_a_logs_endpoint_or_outside_a_reliant_VPC()
    {
        MissingEcrEndpointsRuleTests.Correct().Build().Silent("ECR004");
        new VpcBuilder().Nat(true).S3Gateway().FargateApp(configure: w => w.AwsLogs = true).Build().Silent("ECR004");
        new VpcBuilder().Nat(null).FargateApp(configure: w => w.AwsLogs = true).Build().Silent("ECR004");
    }

    [Fact]
    public void ECR005_fires_on_EC2_workloads_and_names_the_missing_endpoints()
    {
        var built = Ec2(new VpcBuilder().NoNat().EcrSet().Interface("Ecs", "ecs").WithFixer()).Build();
        var f = Assert.Single(built.Fires("ECR005", "Worker"));
        Assert.Contains("lacks the `ecs-agent` and `ecs-telemetry` endpoints", f.Message);
        Assert.Contains("AddEndpoints(Vpc: ecs-agent,ecs-telemetry Interface)", built.Fixer!.Calls);
    }

    [Fact]
    public void ECR005_never_fires_for_Fargate_and_is_silent_with_all_three()
    {
        new VpcBuilder().NoNat().EcrSet().FargateApp().Build().Silent("ECR005");
        new VpcBuilder().NoNat().EcrSet().Workload("Unknown", w => w.Image(null, ImageSource.PrivateEcr)).Build().Silent("ECR005");
        Ec2(new VpcBuilder().NoNat().EcrSet().Interface("Ecs", "ecs").Interface("Agent", "ecs-agent").Interface("Telemetry", "ecs-telemetry")).Build().Silent("ECR005");
        Ec2(new VpcBuilder().Nat(true)).Build().Silent("ECR005");
    }

    [Fact]
    public void ECR008_fires_on_the_VPC_when_private_images_have_no_path()
    {
        var built = new VpcBuilder().NoNat().FargateApp().FargateApp("Other").Build();
        var f = Assert.Single(built.Fires("ECR008", "Vpc"));
        Assert.Contains("2 private ECR images", f.Message);
        Assert.Equal(new[] { "App/Image0", "Other/Image0" }, f.RelatedLocations.Select(r => built.LabelOf(r.Location)));
        new VpcBuilder().Nat(true).Isolated().FargateApp().Build().Fires("ECR008", "Vpc");
    }

    [Fact]
    public void ECR008_is_silent_with_an_internet_path_endpoints_or_no_private_images()
    {
        new VpcBuilder().Nat(true).FargateApp().Build().Silent("ECR008");
        new VpcBuilder().Nat(null).FargateApp().Build().Silent("ECR008");
        new VpcBuilder().NoNat().S3Gateway().FargateApp().Build().Silent("ECR008");
        new VpcBuilder().NoNat().Workload("Web", w => w.Image("nginx", ImageSource.Upstream, registry: "docker.io")).Build().Silent("ECR008");
    }

    [Fact]
    public void ECR008_fix_adds_the_whole_set_in_one_edit_when_the_front_end_can()
    {
        var built = new VpcBuilder().NoNat().FargateApp().WithFixer().Build();
        var f = Assert.Single(built.Fires("ECR008", "Vpc"));
        Assert.NotNull(f.Fix);
        Assert.Equal(2, f.Fix!.Edits.Count);
        Assert.Contains("AddEndpoints(Vpc: ecr.api,ecr.dkr Interface)", built.Fixer!.Calls);
        Assert.Contains("AddEndpoints(Vpc: s3 Gateway)", built.Fixer.Calls);
    }
}
