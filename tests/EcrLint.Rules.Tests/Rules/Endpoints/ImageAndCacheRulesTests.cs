using EcrLint.Endpoints;

namespace EcrLint.Tests.Rules.Endpoints;

/// <summary>ECR014 (upstream images), ECR015 (pull-through cache without NAT), ECR503 (Windows).</summary>
public class ImageAndCacheRulesTests
{
    [Fact]
    public void ECR014_fires_on_each_upstream_or_ECR_Public_image_in_a_reliant_VPC()
    {
        var built = new VpcBuilder().NoNat().EcrSet().Workload("Web", w => w
                .Image("public.ecr.aws/nginx/nginx:1.27", ImageSource.EcrPublic, registry: "public.ecr.aws")
                .Image("quay.io/prometheus/prometheus", ImageSource.Upstream, registry: "quay.io")
                .Image("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1", ImageSource.PrivateEcr, "us-east-1")
                .Image(null, ImageSource.Unknown))
            .Build();
        var findings = built.Fires("ECR014", "Web/Image0", "Web/Image1");
        Assert.Contains(findings, f => f.Message.Contains("the ECR endpoints do not serve ECR Public (F9)") && f.Message.Contains("so the pull fails"));
        Assert.Contains(findings, f => f.Message.Contains("a pull-through cache rule for `quay.io`"));
    }

    [Fact]
    public void ECR014_names_an_existing_pull_through_cache_rule_for_the_registry()
    {
        var built = new VpcBuilder().Nat(true).EcrSet().PullThroughCache("DockerHubCache", "registry-1.docker.io")
            .Workload("Web", w => w.Image("nginx:latest", ImageSource.Upstream, registry: "docker.io")).Build();
        var f = Assert.Single(built.Fires("ECR014", "Web/Image0"));
        Assert.Contains("Pull it through the pull-through cache rule `DockerHubCache`", f.Message);
        Assert.Contains("relies on PrivateLink (it reaches ECR through the `ecr.dkr` endpoint `EcrDkr`)", f.Message);
    }

    [Fact]
    public void ECR014_is_silent_outside_a_reliant_VPC_and_for_private_images()
    {
        new VpcBuilder().Nat(true).S3Gateway().Workload("Web", w => w.Image("nginx", ImageSource.Upstream, registry: "docker.io")).Build().Silent("ECR014");
        new VpcBuilder().Nat(null).Workload("Web", w => w.Image("nginx", ImageSource.Upstream, registry: "docker.io")).Build().Silent("ECR014");
        MissingEcrEndpointsRuleTests.Correct().Build().Silent("ECR014");
    }

    [Fact]
    public void ECR015_fires_on_the_pull_through_cache_rule_when_the_VPC_has_no_NAT()
    {
        var built = new VpcBuilder().NoNat().EcrSet().FargateApp().PullThroughCache("DockerHubCache", "registry-1.docker.io").Build();
        var f = Assert.Single(built.Fires("ECR015", "DockerHubCache"));
        Assert.Contains("the first pull of each image fails", f.Message);
        Assert.Equal("Vpc/HasNatGateway", built.LabelOf(Assert.Single(f.RelatedLocations).Location));
        new VpcBuilder().Nat(true).Isolated().FargateApp().PullThroughCache("Ptc", "quay.io").Build().Fires("ECR015", "Ptc");
    }

    [Fact]
    public void ECR015_is_silent_with_a_NAT_gateway_unknown_egress_or_nobody_pulling()
    {
        new VpcBuilder().Nat(true).EcrSet().FargateApp().PullThroughCache("Ptc", "quay.io").Build().Silent("ECR015");
        new VpcBuilder().Nat(null).EcrSet().FargateApp().PullThroughCache("Ptc", "quay.io").Build().Silent("ECR015");
        new VpcBuilder().NoNat().PullThroughCache("Ptc", "quay.io").Build().Silent("ECR015");
        MissingEcrEndpointsRuleTests.Correct().Build().Silent("ECR015");
    }

    [Fact]
    public void ECR503_fires_on_the_OS_family_of_Windows_workloads_in_a_reliant_VPC()
    {
        var built = new VpcBuilder().NoNat().EcrSet().Interface("Logs", "logs")
            .FargateApp("Win", w => { w.OperatingSystemFamily = "WINDOWS_SERVER_2019_CORE"; w.PlatformVersion = "1.0.0"; })
            .FargateApp("Linux", w => w.OperatingSystemFamily = "LINUX")
            .Build();
        var f = Assert.Single(built.Fires("ECR503", "Win/OperatingSystemFamily"));
        Assert.Contains("which this VPC cannot reach (F20)", f.Message);
    }

    [Fact]
    public void ECR503_is_silent_for_Linux_and_outside_a_reliant_VPC()
    {
        MissingEcrEndpointsRuleTests.Correct().Build().Silent("ECR503");
        new VpcBuilder().Nat(true).FargateApp("Win", w => w.OperatingSystemFamily = "WINDOWS_SERVER_2022_FULL").Build().Silent("ECR503");
    }
}
