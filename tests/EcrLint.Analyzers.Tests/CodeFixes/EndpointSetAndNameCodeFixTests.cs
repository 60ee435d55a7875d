using EcrLint.CodeFixes;

namespace EcrLint.Analyzers.Tests.CodeFixes;

/// <summary>ECR008 (a VPC without any endpoint gets the ECR endpoints and the S3 gateway) and ECR010 (a malformed service name literal is corrected).</summary>
public class EndpointSetAndNameCodeFixTests
{
    private const string Usings = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        """;

    private static string Stack(string body) => Usings + $$"""
        class AppStack : Stack
        {
            AppStack(Construct scope) : base(scope, "App", new StackProps { Env = new Amazon.CDK.Environment { Region = "us-east-1" } })
            {
        {{body}}
            }
        }
        """;

    private const string Workload = """
                var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
                var task = new FargateTaskDefinition(this, "Task");
                task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("210987654321.dkr.ecr.us-east-1.amazonaws.com/app:1") });
                new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task });
        """;

    [Fact]
    public Task ECR008_adds_the_endpoint_set_after_the_VPC() => CodeFixVerify.FixAsync<EndpointAnalyzer, AddEndpointCodeFixProvider>(Stack("""
                var {|ECR008:vpc|} = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
        """ + "\n" + Workload), Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        """ + "\n" + Workload), AddEndpointCodeFixProvider.KeyFor("ECR008"));

    [Fact]
    public Task ECR008_VPC_field_assigned_in_the_constructor() => CodeFixVerify.FixAsync<EndpointAnalyzer, AddEndpointCodeFixProvider>(Usings + """
        class AppStack : Stack
        {
            private readonly Vpc {|ECR008:_vpc|};

            AppStack(Construct scope) : base(scope, "App")
            {
                _vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = _vpc });
                var task = new FargateTaskDefinition(this, "Task");
                task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("210987654321.dkr.ecr.us-east-1.amazonaws.com/app:1") });
                new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task });
            }
        }
        """, Usings + """
        class AppStack : Stack
        {
            private readonly Vpc _vpc;

            AppStack(Construct scope) : base(scope, "App")
            {
                _vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                _vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                _vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                _vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
                var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = _vpc });
                var task = new FargateTaskDefinition(this, "Task");
                task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("210987654321.dkr.ecr.us-east-1.amazonaws.com/app:1") });
                new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task });
            }
        }
        """);

    [Fact]
    public Task ECR010_service_name_literals_are_corrected() => CodeFixVerify.FixAsync<EndpointAnalyzer, ServiceNameCodeFixProvider>(Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                new CfnVPCEndpoint(this, "Dkr", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = {|ECR010:"com.amazonaws.us-east1.ecr.dkr"|}, VpcEndpointType = "Interface", PrivateDnsEnabled = true });
                new CfnVPCEndpoint(this, "Api", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = {|ECR010:"com.amazonaws.us-east-1.ecr-api"|}, VpcEndpointType = "Interface", PrivateDnsEnabled = true });
        """), Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                new CfnVPCEndpoint(this, "Dkr", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.dkr", VpcEndpointType = "Interface", PrivateDnsEnabled = true });
                new CfnVPCEndpoint(this, "Api", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.api", VpcEndpointType = "Interface", PrivateDnsEnabled = true });
        """), ServiceNameCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task ECR010_placeholder_region_becomes_the_stack_region() => CodeFixVerify.FixAsync<EndpointAnalyzer, ServiceNameCodeFixProvider>(Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                new CfnVPCEndpoint(this, "Dkr", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = {|ECR010:"com.amazonaws.REGION.ecr.dkr"|}, VpcEndpointType = "Interface", PrivateDnsEnabled = true });
        """), Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                new CfnVPCEndpoint(this, "Dkr", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = $"com.amazonaws.{Aws.REGION}.ecr.dkr", VpcEndpointType = "Interface", PrivateDnsEnabled = true });
        """));
}
