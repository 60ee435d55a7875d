using EcrLint.Endpoints;

namespace EcrLint.Tests.Rules.Endpoints;

public class EndpointRegionRuleTests
{
    [Fact]
    public void ECR009_fires_on_the_service_name_of_an_endpoint_in_another_region()
    {
        var built = new VpcBuilder().InRegion("us-east-1").EcrSet().Endpoint("Logs", "com.amazonaws.eu-west-1.logs").Build();
        var f = Assert.Single(built.Fires("ECR009", "Logs/ServiceName"));
        Assert.Contains("is for `eu-west-1` but VPC `Vpc` is in `us-east-1`", f.Message);
        Assert.Contains("Use `com.amazonaws.us-east-1.logs`", f.Message);
    }

    [Fact]
    public void ECR009_takes_the_run_region_when_the_source_has_none()
    {
        var built = new VpcBuilder().EcrSet().Build();
        built.FiresIn("eu-west-1", "ECR009", "EcrApi/ServiceName", "EcrDkr/ServiceName", "S3Gateway/ServiceName");
        built.SilentIn("us-east-1", "ECR009");
        built.Silent("ECR009");
    }

    [Fact]
    public void ECR009_reads_the_majority_when_no_region_is_known()
    {
        var built = new VpcBuilder().EcrSet().Endpoint("Logs", "com.amazonaws.eu-west-1.logs").Build();
        var f = Assert.Single(built.Fires("ECR009", "Logs/ServiceName"));
        Assert.Contains("the other endpoints of VPC `Vpc` are in `us-east-1`", f.Message);

        // Two against two: nothing says which is right.
        new VpcBuilder().Interface("A", "ecr.api").Interface("B", "ecr.dkr").Endpoint("C", "com.amazonaws.eu-west-1.logs").Endpoint("D", "com.amazonaws.eu-west-1.s3").Build().Silent("ECR009");
    }

    [Fact]
    public void ECR009_never_fires_on_the_stacks_own_region()
    {
        new VpcBuilder().InRegion("us-east-1").Endpoint("EcrDkr", "com.amazonaws.${AWS::Region}.ecr.dkr").Endpoint("EcrApi", null, configure: e => e.TypedService = "ecr.api").Build()
            .SilentIn("eu-west-1", "ECR009");
    }

    [Fact]
    public void ECR009_fires_on_private_images_from_another_region_than_the_ECR_endpoints()
    {
        var built = new VpcBuilder().InRegion("us-east-1").EcrSet()
            .Workload("App", w => w
                .Image("111122223333.dkr.ecr.eu-central-1.amazonaws.com/app:1", ImageSource.PrivateEcr, "eu-central-1")
                .Image("111122223333.dkr.ecr.us-east-1.amazonaws.com/side:1", ImageSource.PrivateEcr, "us-east-1")
                .Image(null, ImageSource.PrivateEcr))
            .Build();
        var f = Assert.Single(built.Fires("ECR009", "App/Image0"));
        Assert.Contains("(the `ecr.dkr` endpoint `EcrDkr`) serve `us-east-1` only", f.Message);
        Assert.Equal("EcrDkr", built.LabelOf(Assert.Single(f.RelatedLocations).Location));
    }

    [Fact]
    public void ECR009_reports_an_endpoint_in_the_wrong_region_once_not_again_for_its_images()
    {
        var built = new VpcBuilder().InRegion("us-east-1").Endpoint("EcrDkr", "com.amazonaws.eu-west-1.ecr.dkr")
            .Workload("App", w => w.Image("1.dkr.ecr.us-east-1.amazonaws.com/a", ImageSource.PrivateEcr, "us-east-1")).Build();
        built.Fires("ECR009", "EcrDkr/ServiceName");
    }

    [Fact]
    public void ECR009_leaves_placeholder_and_unknown_regions_to_ECR010()
    {
        new VpcBuilder().InRegion("us-east-1").Endpoint("A", "com.amazonaws.region.ecr.api").Endpoint("B", "com.amazonaws.us-east-7.ecr.dkr").Build().Silent("ECR009");
    }
}
