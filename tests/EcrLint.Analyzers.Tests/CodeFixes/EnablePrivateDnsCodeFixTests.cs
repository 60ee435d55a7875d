using EcrLint.CodeFixes;

namespace EcrLint.Analyzers.Tests.CodeFixes;

/// <summary>ECR006/ECR007: private DNS is enabled where the code disables it or leaves a default of false.</summary>
public class EnablePrivateDnsCodeFixTests
{
    private const string Usings = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Constructs;

        """;

    private static string Stack(string body) => Usings + $$"""
        class AppStack : Stack
        {
            AppStack(Construct scope) : base(scope, "App", new StackProps { Env = new Amazon.CDK.Environment { Region = "us-east-1" } })
            {
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        {{body}}
            }
        }
        """;

    private static Task Verify(string source, string fixedSource, string? key = null) =>
        CodeFixVerify.FixAsync<EndpointAnalyzer, EnablePrivateDnsCodeFixProvider>(source, fixedSource, key);

    [Fact]
    public Task ECR006_false_becomes_true() => Verify(Stack("""
                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER, PrivateDnsEnabled = {|ECR006:false|} });
        """), Stack("""
                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER, PrivateDnsEnabled = true });
        """));

    [Fact]
    public Task ECR006_custom_service_gets_the_setting_in_a_multi_line_initializer() => Verify(Stack("""
                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                {|ECR006:new InterfaceVpcEndpoint|}(this, "Dkr", new InterfaceVpcEndpointProps
                {
                    Vpc = vpc,
                    Service = new InterfaceVpcEndpointService("com.amazonaws.us-east-1.ecr.dkr"),
                });
        """), Stack("""
                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                new InterfaceVpcEndpoint(this, "Dkr", new InterfaceVpcEndpointProps
                {
                    Vpc = vpc,
                    Service = new InterfaceVpcEndpointService("com.amazonaws.us-east-1.ecr.dkr"),
                    PrivateDnsEnabled = true,
                });
        """));

    [Fact]
    public Task ECR007_L1_endpoint_omitting_the_setting_gets_it() => Verify(Stack("""
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                {|ECR007:new CfnVPCEndpoint|}(this, "Api", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.api", VpcEndpointType = "Interface" });
        """), Stack("""
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                new CfnVPCEndpoint(this, "Api", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.api", VpcEndpointType = "Interface", PrivateDnsEnabled = true });
        """));

    [Fact]
    public Task SDK_request_gets_the_setting_in_its_own_initializer() => Verify("""
        using Amazon.EC2;
        using Amazon.EC2.Model;
        class Setup
        {
            CreateVpcEndpointRequest Api() => {|ECR007:new CreateVpcEndpointRequest|} { VpcId = "vpc-1", ServiceName = "com.amazonaws.us-east-1.ecr.api", VpcEndpointType = VpcEndpointType.Interface };
            CreateVpcEndpointRequest Dkr() => {|ECR006:new CreateVpcEndpointRequest|}
            {
                VpcId = "vpc-1",
                ServiceName = "com.amazonaws.us-east-1.ecr.dkr",
                VpcEndpointType = VpcEndpointType.Interface
            };
        }
        """, """
        using Amazon.EC2;
        using Amazon.EC2.Model;
        class Setup
        {
            CreateVpcEndpointRequest Api() => new CreateVpcEndpointRequest { VpcId = "vpc-1", ServiceName = "com.amazonaws.us-east-1.ecr.api", VpcEndpointType = VpcEndpointType.Interface, PrivateDnsEnabled = true };
            CreateVpcEndpointRequest Dkr() => new CreateVpcEndpointRequest
            {
                VpcId = "vpc-1",
                ServiceName = "com.amazonaws.us-east-1.ecr.dkr",
                VpcEndpointType = VpcEndpointType.Interface,
                PrivateDnsEnabled = true
            };
        }
        """, EnablePrivateDnsCodeFixProvider.EquivalenceKey);
}
