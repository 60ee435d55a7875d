using EcrLint.CloudFormation;
using EcrLint.Endpoints;
using static EcrLint.Tests.CloudFormation.TemplateTestHelper;

namespace EcrLint.Tests.CloudFormation;

/// <summary>Each broken template sample shows its one defect in the model the endpoint rules read.</summary>
public class TemplateSampleTests
{
    private static VpcScope Vpc(TemplateModel m) => Assert.Single(m.Vpcs);

    private static EndpointModel? Service(VpcScope v, string service) => v.Endpoints.SingleOrDefault(e => e.Service?.Service == service);

    public static TheoryData<string> Names() => new(Directory.GetFiles(Repo.PathOf("samples", "templates")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Names))]
    public void Samples_show_their_defect(string name)
    {
        var model = Sample(name, region: "us-east-1", account: "210987654321");
        var v = Vpc(model);
        var w = v.Workloads;
        switch (name.Substring(0, Math.Max(name.IndexOf('.'), 0)))
        {
            case "ECR001":
                Assert.NotNull(Service(v, "ecr.api"));
                Assert.Null(Service(v, "ecr.dkr"));
                break;
            case "ECR002":
                Assert.NotNull(Service(v, "ecr.dkr"));
                Assert.Null(Service(v, "ecr.api"));
                Assert.All(w, x => Assert.True(x.LaunchType == LaunchType.Fargate && x.PlatformVersion is null));
                break;
            case "ECR003":
                Assert.True(Service(v, "s3")!.IsInterface);
                Assert.DoesNotContain(v.Endpoints, e => e.Service!.IsS3 && e.IsGateway);
                break;
            case "ECR004":
                Assert.NotNull(Assert.Single(w).AwsLogs);
                Assert.Null(Service(v, "logs"));
                break;
            case "ECR005":
                Assert.All(w, x => Assert.Equal(LaunchType.Ec2, x.LaunchType));
                Assert.Equal(2, w.Count);
                Assert.Null(Service(v, "ecs"));
                break;
            case "ECR006":
                Assert.True(Service(v, "ecr.dkr")!.PrivateDns is { Value: false, IsDefault: true });
                break;
            case "ECR007":
                Assert.True(Service(v, "ecr.api")!.PrivateDns is { Value: false, IsDefault: false });
                break;
            case "ECR008":
                Assert.Empty(v.Endpoints);
                Assert.True(v.OnlyIsolatedSubnets);
                Assert.False(v.HasNatGateway!.Value);
                Assert.Equal(ImageSource.PrivateEcr, w.Single().Images.Single().Source);
                break;
            case "ECR009":
                Assert.All(v.Endpoints, e => Assert.Equal("us-east-1", e.Service!.Region));
                Assert.Equal("eu-west-1", w.Single().Images.Single().Region);
                break;
            case "ECR010":
                Assert.Equal(new[] { "com.amazonaws.region.ecr.api", "com.amazonaws.ecr.dkr", "com.amazonaws.us-east-1.ecr-dkr" },
                    v.Endpoints.Where(e => e.IsInterface).Select(e => e.ServiceName!.Value));
                break;
            case "ECR011":
                Assert.True(Service(v, "ecr.dkr")!.Type is { Value: EndpointType.Gateway, IsDefault: true });
                break;
            case "ECR012":
                Assert.All(v.Endpoints.Where(e => e.IsInterface), e => Assert.False(e.Admits443!.Value));
                break;
            case "ECR013":
                Assert.True(Service(v, "s3")!.HasRouteTables is { Value: false, IsDefault: true });
                break;
            case "ECR014":
                Assert.Equal(new[] { ImageSource.EcrPublic, ImageSource.Upstream }, w.Single().Images.Select(i => i.Source));
                break;
            case "ECR015":
                Assert.Single(v.PullThroughCacheRules);
                Assert.False(v.HasNatGateway!.Value);
                break;
            case "ECR016":
                Assert.NotNull(Service(v, "ecr.api")!.PolicyFingerprint);
                Assert.NotEqual(Service(v, "ecr.api")!.PolicyFingerprint, Service(v, "ecr.dkr")!.PolicyFingerprint);
                break;
            case "ECR017":
                Assert.NotNull(v.CustomDns);
                break;
            case "ECR503":
                Assert.True(w.Single().IsWindows);
                break;
            default:
                Assert.StartsWith("correct.", name);
                foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs" })
                    Assert.True(Service(v, service) is { IsInterface: true, PrivateDns.Value: true, Admits443.Value: true }, service);
                Assert.True(Service(v, "s3") is { IsGateway: true, HasRouteTables.Value: true });
                Assert.Null(v.CustomDns);
                Assert.True(v.OnlyIsolatedSubnets);
                Assert.All(w.SelectMany(x => x.Images), i => Assert.Equal(ImageSource.PrivateEcr, i.Source));
                if (w.Any(x => x.LaunchType == LaunchType.Ec2))
                    Assert.All(new[] { "ecs", "ecs-agent", "ecs-telemetry" }, s => Assert.NotNull(Service(v, s)));
                break;
        }
    }
}
