using EcrLint.CodeFixes;

namespace EcrLint.Analyzers.Tests.CodeFixes;

/// <summary>ECR001-ECR005: the missing endpoints are added next to the VPC's existing ones, in their style.</summary>
public class AddEndpointCodeFixTests
{
    private const string Usings = """
        using System.Collections.Generic;
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

    private static Task Verify(string source, string fixedSource, string? key = null, int? iterations = null) =>
        CodeFixVerify.FixAsync<EndpointAnalyzer, AddEndpointCodeFixProvider>(source, fixedSource, key, iterations);

    [Fact]
    public Task ECR002_adds_ecr_api_after_the_last_endpoint_with_the_VPC_method() => Verify(Stack("""
                var {|ECR002:vpc|} = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
                var name = "next";
        """), Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                var name = "next";
        """));

    [Fact]
    public Task ECR001_adds_ecr_dkr_with_the_constructor_the_file_uses() => Verify(Stack("""
                var {|ECR001:vpc|} = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                var api = new InterfaceVpcEndpoint(this, "EcrApi", new InterfaceVpcEndpointProps { Vpc = vpc, Service = InterfaceVpcEndpointAwsService.ECR, Subnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED } });
                new GatewayVpcEndpoint(this, "S3", new GatewayVpcEndpointProps { Vpc = vpc, Service = GatewayVpcEndpointAwsService.S3 });
        """), Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                var api = new InterfaceVpcEndpoint(this, "EcrApi", new InterfaceVpcEndpointProps { Vpc = vpc, Service = InterfaceVpcEndpointAwsService.ECR, Subnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED } });
                new GatewayVpcEndpoint(this, "S3", new GatewayVpcEndpointProps { Vpc = vpc, Service = GatewayVpcEndpointAwsService.S3 });
                new InterfaceVpcEndpoint(this, "EcrDocker", new InterfaceVpcEndpointProps { Vpc = vpc, Service = InterfaceVpcEndpointAwsService.ECR_DOCKER, Subnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED } });
        """));

    [Fact]
    public Task ECR003_adds_the_S3_gateway_endpoint() => Verify(Stack("""
                var {|ECR003:vpc|} = new Vpc(this, "Vpc");
                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
        """), Stack("""
                var vpc = new Vpc(this, "Vpc");
                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        """));

    private const string Workload = """
                var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
                var task = new FargateTaskDefinition(this, "Task");
                task.AddContainer("App", new ContainerDefinitionOptions
                {
                    Image = ContainerImage.FromRegistry("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1"),
                    Logging = LOGGING,
                });
                new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task });
        """;

    private const string Endpoints = """
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        """;

    [Fact]
    public Task ECR004_adds_the_logs_endpoint_after_the_endpoints_not_after_the_workload() => Verify(
        Stack(Endpoints + "\n" + Workload.Replace("LOGGING", "{|ECR004:LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = \"app\" })|}")),
        Stack(Endpoints + "\n" + """
                vpc.AddInterfaceEndpoint("Logs", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS });
        """ + "\n" + Workload.Replace("LOGGING", "LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = \"app\" })")));

    [Fact]
    public Task ECR005_adds_the_three_ECS_endpoints() => Verify(
        Stack(Endpoints + "\n" + """
                var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
                {|ECR005:cluster.AddCapacity|}("Asg", new AddCapacityOptions { InstanceType = new InstanceType("t3.small") });
        """),
        Stack(Endpoints + "\n" + """
                vpc.AddInterfaceEndpoint("Ecs", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECS });
                vpc.AddInterfaceEndpoint("EcsAgent", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECS_AGENT });
                vpc.AddInterfaceEndpoint("EcsTelemetry", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECS_TELEMETRY });
                var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
                cluster.AddCapacity("Asg", new AddCapacityOptions { InstanceType = new InstanceType("t3.small") });
        """));

    [Fact]
    public Task Gateway_endpoint_in_the_VPC_props_anchors_after_the_VPC_and_a_taken_id_gets_a_suffix() => Verify(Stack("""
                var {|ECR002:vpc|} = new Vpc(this, "Vpc", new VpcProps
                {
                    NatGateways = 0,
                    GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions> { ["S3"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 } },
                });
                var other = new Vpc(this, "EcrApi");
                other.AddInterfaceEndpoint("Dkr", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                other.AddInterfaceEndpoint("Api", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
        """), Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps
                {
                    NatGateways = 0,
                    GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions> { ["S3"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 } },
                });
                var other = new Vpc(this, "EcrApi");
                other.AddInterfaceEndpoint("Dkr", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                vpc.AddInterfaceEndpoint("EcrApiEndpoint", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                other.AddInterfaceEndpoint("Api", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
        """));

    [Fact]
    public Task L1_endpoints_get_an_L1_endpoint_with_the_service_name_written_the_same_way() => Verify(Stack("""
                var {|ECR002:vpc|} = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                new CfnVPCEndpoint(this, "S3", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = $"com.amazonaws.{Aws.REGION}.s3", RouteTableIds = new[] { "rtb-1" } });
                new CfnVPCEndpoint(this, "Dkr", new CfnVPCEndpointProps
                {
                    VpcId = vpc.VpcId,
                    ServiceName = $"com.amazonaws.{Aws.REGION}.ecr.dkr",
                    VpcEndpointType = "Interface",
                    PrivateDnsEnabled = true,
                    SubnetIds = new[] { "subnet-1", "subnet-2" },
                });
        """), Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                new CfnVPCEndpoint(this, "S3", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = $"com.amazonaws.{Aws.REGION}.s3", RouteTableIds = new[] { "rtb-1" } });
                new CfnVPCEndpoint(this, "Dkr", new CfnVPCEndpointProps
                {
                    VpcId = vpc.VpcId,
                    ServiceName = $"com.amazonaws.{Aws.REGION}.ecr.dkr",
                    VpcEndpointType = "Interface",
                    PrivateDnsEnabled = true,
                    SubnetIds = new[] { "subnet-1", "subnet-2" },
                });
                new CfnVPCEndpoint(this, "EcrApi", new CfnVPCEndpointProps
                {
                    VpcId = vpc.VpcId,
                    ServiceName = $"com.amazonaws.{Aws.REGION}.ecr.api",
                    VpcEndpointType = "Interface",
                    PrivateDnsEnabled = true,
                    SubnetIds = new[] { "subnet-1", "subnet-2" },
                });
        """));

    [Fact]
    public Task With_L1_and_L2_endpoints_the_L2_style_is_used_after_the_last_endpoint() => Verify(Stack("""
                var {|ECR003:vpc|} = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                var docker = vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                new CfnVPCEndpoint(this, "EcrApi", new CfnVPCEndpointProps
                {
                    VpcId = vpc.VpcId,
                    ServiceName = "com.amazonaws.us-east-1.ecr.api",
                    VpcEndpointType = "Interface",
                    PrivateDnsEnabled = true,
                });
        """), Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                var docker = vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                new CfnVPCEndpoint(this, "EcrApi", new CfnVPCEndpointProps
                {
                    VpcId = vpc.VpcId,
                    ServiceName = "com.amazonaws.us-east-1.ecr.api",
                    VpcEndpointType = "Interface",
                    PrivateDnsEnabled = true,
                });
                vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        """));

    [Fact]
    public Task Fix_all_adds_the_endpoint_to_every_VPC_of_the_document()
    {
        static string Two(bool fixedCode) => Usings + $$"""
            class AppStack : Stack
            {
                AppStack(Construct scope) : base(scope, "App")
                {
                    var {{(fixedCode ? "vpc" : "{|ECR002:vpc|}")}} = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                    vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
            {{(fixedCode ? "        vpc.AddInterfaceEndpoint(\"EcrApi\", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });\n" : "")}}    }
            }

            class OtherStack : Stack
            {
                OtherStack(Construct scope) : base(scope, "Other")
                {
                    var {{(fixedCode ? "network" : "{|ECR002:network|}")}} = new Vpc(this, "Network", new VpcProps { NatGateways = 0 });
                    new InterfaceVpcEndpoint(this, "Dkr", new InterfaceVpcEndpointProps { Vpc = network, Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
            {{(fixedCode ? "        new InterfaceVpcEndpoint(this, \"EcrApi\", new InterfaceVpcEndpointProps { Vpc = network, Service = InterfaceVpcEndpointAwsService.ECR });\n" : "")}}    }
            }
            """;
        return Verify(Two(false), Two(true), AddEndpointCodeFixProvider.KeyFor("ECR002"));
    }

    [Fact]
    public async Task Fix_all_in_the_project_covers_every_document()
    {
        static string One(string name, bool fixedCode) => Usings + $$"""
            class {{name}} : Stack
            {
                {{name}}(Construct scope) : base(scope, "{{name}}")
                {
                    var {{(fixedCode ? "vpc" : "{|ECR003:vpc|}")}} = new Vpc(this, "Vpc");
                    vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
            {{(fixedCode ? "        vpc.AddGatewayEndpoint(\"S3\", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });\n" : "")}}    }
            }
            """;
        var test = new CodeFixTest<EndpointAnalyzer, AddEndpointCodeFixProvider> { CodeActionEquivalenceKey = AddEndpointCodeFixProvider.KeyFor("ECR003") };
        test.TestState.Sources.Add(("/0/A.cs", One("A", false)));
        test.TestState.Sources.Add(("/0/B.cs", One("B", false)));
        test.FixedState.Sources.Add(("/0/A.cs", One("A", true)));
        test.FixedState.Sources.Add(("/0/B.cs", One("B", true)));
        foreach (var d in new EndpointAnalyzer().SupportedDiagnostics)
        {
            if (d.Id != "ECR003") test.DisabledDiagnostics.Add(d.Id);
        }

        await test.RunAsync();
    }

    [Fact]
    public Task Fix_all_adds_an_endpoint_once_for_two_findings_of_one_VPC()
    {
        var logging = "LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = \"app\" })";
        var second = """
                var other = new FargateTaskDefinition(this, "Other");
                other.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1"), Logging = LOGGING });
                new FargateService(this, "OtherService", new FargateServiceProps { Cluster = cluster, TaskDefinition = other });
        """;
        return Verify(
            Stack(Endpoints + "\n" + Workload.Replace("LOGGING", "{|ECR004:" + logging + "|}") + "\n" + second.Replace("LOGGING", "{|ECR004:" + logging + "|}")),
            Stack(Endpoints + "\n" + """
                vpc.AddInterfaceEndpoint("Logs", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS });
        """ + "\n" + Workload.Replace("LOGGING", logging) + "\n" + second.Replace("LOGGING", logging)),
            AddEndpointCodeFixProvider.KeyFor("ECR004"), iterations: 1);
    }

    [Fact]
    public Task SDK_requests_get_no_fix() => CodeFixVerify.FixAsync<EndpointAnalyzer, AddEndpointCodeFixProvider>("""
        using Amazon.EC2;
        using Amazon.EC2.Model;
        class Setup
        {
            CreateVpcEndpointRequest Dkr() => new CreateVpcEndpointRequest { VpcId = {|ECR002:"vpc-1"|}, ServiceName = "com.amazonaws.us-east-1.ecr.dkr", VpcEndpointType = VpcEndpointType.Interface, PrivateDnsEnabled = true };
        }
        """, """
        using Amazon.EC2;
        using Amazon.EC2.Model;
        class Setup
        {
            CreateVpcEndpointRequest Dkr() => new CreateVpcEndpointRequest { VpcId = {|ECR002:"vpc-1"|}, ServiceName = "com.amazonaws.us-east-1.ecr.dkr", VpcEndpointType = VpcEndpointType.Interface, PrivateDnsEnabled = true };
        }
        """);

    [Fact]
    public void Equivalence_keys_differ_per_rule() =>
        Assert.Equal(5, new[] { "ECR001", "ECR002", "ECR003", "ECR004", "ECR005" }.Select(AddEndpointCodeFixProvider.KeyFor).Distinct().Count());
}
