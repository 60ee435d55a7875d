using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers.Tests;

/// <summary>What a code fix finds in the properties of endpoint diagnostics.</summary>
public class EndpointPropertiesTests
{
    private const string Source = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.ECR;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        class AppStack : Stack
        {
            AppStack(Construct scope, IRepository repo) : base(scope, "App", new StackProps { Env = new Amazon.CDK.Environment { Region = "us-east-1" } })
            {
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                vpc.AddInterfaceEndpoint("EcrDkr", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER, PrivateDnsEnabled = false });
                new CfnVPCEndpoint(this, "EcrApi", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-01.ecr.api", VpcEndpointType = "Interface", PrivateDnsEnabled = true });
                var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
                var task = new FargateTaskDefinition(this, "Task");
                task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromEcrRepository(repo) });
                new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task });

                var isolated = new Vpc(this, "Isolated", new VpcProps { NatGateways = 0 });
                var cluster2 = new Cluster(this, "Cluster2", new ClusterProps { Vpc = isolated });
                new FargateService(this, "Service2", new FargateServiceProps { Cluster = cluster2, TaskDefinition = task });
            }
        }
        """;

    private static async Task<IReadOnlyList<Diagnostic>> Run()
    {
        var compilation = await Analysis.CompileAsync(new[] { ("AppStack.cs", Source) });
        var (diagnostics, exceptions) = await Analysis.RunAsync(compilation, new EndpointAnalyzer());
        Assert.Empty(exceptions);
        return diagnostics;
    }

    [Fact]
    public async Task Missing_endpoint_carries_the_services_and_type_to_add()
    {
        var d = Assert.Single(await Run(), d => d.Id == "ECR003");
        Assert.Equal("Endpoint", d.Properties["EcrLint.Source"]);
        Assert.Equal("AddEndpoint", d.Properties["EcrLint.FixKind"]);
        Assert.Equal("s3", d.Properties["EcrLint.Services"]);
        Assert.Equal("Gateway", d.Properties["EcrLint.EndpointType"]);
        Assert.Equal("vpc", d.Properties["EcrLint.Vpc"]);
        Assert.Equal("CdkL2", d.Properties["EcrLint.Api"]);
        Assert.Equal("vpc", Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }

    [Fact]
    public async Task Private_DNS_fix_says_whether_the_setting_is_written()
    {
        var d = Assert.Single(await Run(), d => d.Id == "ECR006");
        Assert.Equal("EnablePrivateDns", d.Properties["EcrLint.FixKind"]);
        Assert.Equal("false", d.Properties["EcrLint.PrivateDnsOmitted"]);
        Assert.Equal("EcrDkr", d.Properties["EcrLint.Endpoint"]);
        Assert.Equal("false", Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }

    [Fact]
    public async Task Service_name_fix_carries_the_corrected_name()
    {
        var d = Assert.Single(await Run(), d => d.Id == "ECR010");
        Assert.Equal("SetServiceName", d.Properties["EcrLint.FixKind"]);
        Assert.Equal("CdkL1", d.Properties["EcrLint.Api"]);
        Assert.Equal("com.amazonaws.us-east-1.ecr.api", d.Properties["EcrLint.ServiceName"]);
    }

    [Fact]
    public async Task The_whole_endpoint_set_for_a_VPC_without_endpoints()
    {
        var d = Assert.Single(await Run(), d => d.Id == "ECR008");
        Assert.Equal("AddEndpointSet", d.Properties["EcrLint.FixKind"]);
        Assert.Equal("ecr.api,ecr.dkr", d.Properties["EcrLint.Services"]);
        Assert.Equal("s3", d.Properties["EcrLint.GatewayServices"]);
        Assert.Equal("isolated", d.Properties["EcrLint.Vpc"]);
    }
}
