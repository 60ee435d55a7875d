namespace EcrLint.Analyzers.Tests;

/// <summary>The VPC scopes built from C#: the facts, their defaults, and the code they stand on.</summary>
public class EndpointModelTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.ECR;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.IAM;
        using Constructs;

        """;

    private static string Stack(string body, string props = "new StackProps { Env = new Amazon.CDK.Environment { Region = \"us-east-1\" } }") => Usings + $$"""
        class AppStack : Stack
        {
            AppStack(Construct scope, IVpc shared, IRepository repo) : base(scope, "App", {{props}})
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public async Task L2_interface_endpoints_with_CDK_defaults()
    {
        var dumps = await ModelDump.RunAsync(Stack("""
                    var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                    var dkr = new InterfaceVpcEndpoint(this, "EcrDkr", new InterfaceVpcEndpointProps { Vpc = vpc, Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                    vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR, PrivateDnsEnabled = false, Open = false });
        """));
        var dump = Assert.Single(dumps);
        Assert.Equal("""
            VPC vpc @`vpc` region=us-east-1@`"us-east-1"` nat=False@`0` isolated=False
              endpoint EcrDkr @`new InterfaceVpcEndpoint` service=ecr.dkr name=null type=Interface@`new InterfaceVpcEndpoint` dns=True(default)@`new InterfaceVpcEndpoint` 443=True(default)@`new InterfaceVpcEndpoint` routes=null
              endpoint EcrApi @`vpc.AddInterfaceEndpoint` service=ecr.api name=null type=Interface@`vpc.AddInterfaceEndpoint` dns=False@`false` 443=False@`false` routes=null
            """.ReplaceLineEndings("\n"), dump);
    }

    [Fact]
    public async Task Custom_service_defaults_private_DNS_off_and_keeps_its_name()
    {
        var dumps = await ModelDump.RunAsync(Stack("""
                    var vpc = new Vpc(this, "Vpc");
                    new InterfaceVpcEndpoint(this, "Dkr", new InterfaceVpcEndpointProps { Vpc = vpc, Service = new InterfaceVpcEndpointService("com.amazonaws.us-east-1.ecr.dkr") });
                    new InterfaceVpcEndpoint(this, "Api", new InterfaceVpcEndpointProps { Vpc = vpc, Service = new InterfaceVpcEndpointService($"com.amazonaws.{this.Region}.ecr.api", 443) });
        """));
        var dump = Assert.Single(dumps);
        Assert.Contains("nat=True(default)@`new Vpc`", dump);
        Assert.Contains("endpoint Dkr @`new InterfaceVpcEndpoint` service=com.amazonaws.us-east-1.ecr.dkr name=com.amazonaws.us-east-1.ecr.dkr@`\"com.amazonaws.us-east-1.ecr.dkr\"` type=Interface@`new InterfaceVpcEndpoint` dns=False(default)@`new InterfaceVpcEndpoint`", dump);
        Assert.Contains("name=com.amazonaws.${AWS::Region}.ecr.api@`$\"com.amazonaws.{this.Region}.ecr.api\"`", dump);
    }

    [Fact]
    public async Task Gateway_endpoints_from_the_VPC_props_the_construct_and_the_method()
    {
        var dumps = await ModelDump.RunAsync(Stack("""
                    var vpc = new Vpc(this, "Vpc", new VpcProps
                    {
                        SubnetConfiguration = new[] { new SubnetConfiguration { Name = "Isolated", SubnetType = SubnetType.PRIVATE_ISOLATED } },
                        GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions> { ["S3"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 } },
                    });
                    new GatewayVpcEndpoint(this, "S3b", new GatewayVpcEndpointProps { Vpc = vpc, Service = GatewayVpcEndpointAwsService.S3, Subnets = new ISubnetSelection[0] });
                    vpc.AddGatewayEndpoint("S3c", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        """));
        var dump = Assert.Single(dumps);
        Assert.Contains("nat=False(default)@`new Vpc` isolated=True", dump);
        Assert.Contains("endpoint S3 @`new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 }` service=s3 name=null type=Gateway", dump);
        Assert.Contains("routes=True(default)", dump);
        Assert.Contains("endpoint S3b @`new GatewayVpcEndpoint` service=s3 name=null type=Gateway@`new GatewayVpcEndpoint` dns=null 443=null routes=False@`new ISubnetSelection[0]`", dump);
        Assert.Contains("endpoint S3c @`vpc.AddGatewayEndpoint`", dump);
    }

    [Fact]
    public async Task L1_endpoint_takes_CloudFormation_defaults_and_its_VPC_from_VpcId()
    {
        var dumps = await ModelDump.RunAsync(Stack("""
                    var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 1 });
                    new CfnVPCEndpoint(this, "Dkr", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.dkr" });
                    new CfnVPCEndpoint(this, "Api", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.api", VpcEndpointType = "Interface", PrivateDnsEnabled = true, PolicyDocument = new PolicyDocument(new PolicyDocumentProps { Statements = new[] { new PolicyStatement(new PolicyStatementProps { Principals = new IPrincipal[] { new AnyPrincipal() }, Actions = new[] { "ecr:*" }, Resources = new[] { "*" } }) } }) });
        """));
        var dump = Assert.Single(dumps);
        Assert.Contains("VPC vpc @`vpc` region=us-east-1@`\"us-east-1\"` nat=True@`1`", dump);
        Assert.Contains("endpoint Dkr @`new CfnVPCEndpoint` service=com.amazonaws.us-east-1.ecr.dkr name=com.amazonaws.us-east-1.ecr.dkr@`\"com.amazonaws.us-east-1.ecr.dkr\"` type=Gateway(default)@`new CfnVPCEndpoint` dns=False(default)@`new CfnVPCEndpoint` 443=null routes=False(default)@`new CfnVPCEndpoint`", dump);
        Assert.Contains("type=Interface@`\"Interface\"` dns=True@`true`", dump);
        Assert.Contains("statements=1 unknown=False fingerprint=set", dump);
    }

    [Fact]
    public async Task Sdk_requests_group_by_VpcId()
    {
        var dumps = await ModelDump.RunAsync("""
            using System.Collections.Generic;
            using Amazon.EC2;
            using Amazon.EC2.Model;
            class Setup
            {
                const string VpcId = "vpc-0123456789abcdef0";
                IEnumerable<CreateVpcEndpointRequest> Requests()
                {
                    yield return new CreateVpcEndpointRequest { VpcId = VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.dkr", VpcEndpointType = VpcEndpointType.Interface };
                    yield return new CreateVpcEndpointRequest { VpcId = VpcId, ServiceName = "com.amazonaws.us-east-1.s3", RouteTableIds = new List<string> { "rtb-1" }, PolicyDocument = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\"}]}" };
                    yield return new CreateVpcEndpointRequest { VpcId = "vpc-other", ServiceName = "com.amazonaws.us-east-1.logs", VpcEndpointType = "Interface", PrivateDnsEnabled = true };
                }
            }
            """);
        Assert.Equal(2, dumps.Count);
        Assert.StartsWith("VPC vpc-0123456789abcdef0 @`VpcId` region=null nat=null", dumps[0]);
        Assert.Contains("endpoint CreateVpcEndpointRequest @`new CreateVpcEndpointRequest` service=com.amazonaws.us-east-1.ecr.dkr name=com.amazonaws.us-east-1.ecr.dkr@`\"com.amazonaws.us-east-1.ecr.dkr\"` type=Interface@`VpcEndpointType.Interface` dns=False(default)@`new CreateVpcEndpointRequest`", dumps[0]);
        Assert.Contains("type=Gateway(default)@`new CreateVpcEndpointRequest` dns=False(default)@`new CreateVpcEndpointRequest` 443=null routes=True@`new List<string> { \"rtb-1\" }` policy@`\"{", dumps[0]);
        Assert.StartsWith("VPC vpc-other", dumps[1]);
        Assert.Contains("type=Interface@`\"Interface\"` dns=True@`true`", dumps[1]);
    }

    [Fact]
    public async Task Workloads_reach_their_VPC_through_service_and_cluster()
    {
        var dumps = await ModelDump.RunAsync(Stack("""
                    var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                    var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
                    var task = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
                    {
                        RuntimePlatform = new RuntimePlatform { OperatingSystemFamily = OperatingSystemFamily.WINDOWS_SERVER_2019_CORE },
                    });
                    task.AddContainer("App", new ContainerDefinitionOptions
                    {
                        Image = ContainerImage.FromEcrRepository(repo),
                        Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "app" }),
                    });
                    task.AddContainer("Proxy", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:latest") });
                    new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task, PlatformVersion = FargatePlatformVersion.VERSION1_3 });
                    cluster.AddCapacity("Ec2", new AddCapacityOptions { InstanceType = new InstanceType("t3.small") });
                    new CfnPullThroughCacheRule(this, "Public", new CfnPullThroughCacheRuleProps { EcrRepositoryPrefix = "public", UpstreamRegistryUrl = "public.ecr.aws" });
        """));
        var dump = Assert.Single(dumps);
        Assert.Contains("workload Service @`new FargateService` launch=Fargate platform=1.3.0@`FargatePlatformVersion.VERSION1_3` os=WINDOWS_SERVER_2019_CORE@`OperatingSystemFamily.WINDOWS_SERVER_2019_CORE` awslogs=`LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = \"app\" })` image=PrivateEcr:-@`ContainerImage.FromEcrRepository(repo)` image=EcrPublic:public.ecr.aws/nginx/nginx:latest@`\"public.ecr.aws/nginx/nginx:latest\"`", dump);
        Assert.Contains("workload Ec2 @`cluster.AddCapacity` launch=Ec2 platform=null", dump);
        Assert.Contains("pull-through Public @`new CfnPullThroughCacheRule` upstream=public.ecr.aws", dump);
    }

    [Fact]
    public async Task A_VPC_from_elsewhere_has_no_known_facts_and_its_endpoint_policy_comes_from_AddToPolicy()
    {
        var dumps = await ModelDump.RunAsync(Stack("""
                    var dkr = shared.AddInterfaceEndpoint("Dkr", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                    dkr.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Principals = new IPrincipal[] { new AnyPrincipal() }, Actions = new[] { "ecr:BatchGetImage" }, Resources = new[] { "*" } }));
                    dkr.Connections.AllowFrom(Peer.Ipv4("10.0.0.0/16"), Port.Tcp(443));
                    var task = new Ec2TaskDefinition(this, "Task");
                    task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
        """, props: "null"));
        var dump = Assert.Single(dumps);
        Assert.StartsWith("VPC shared @`shared` region=null nat=null isolated=False", dump);
        Assert.Contains("policy@`dkr.AddToPolicy` statements=1 unknown=False fingerprint=set", dump);
        Assert.Contains("workload Task @`new Ec2TaskDefinition` launch=Ec2 platform=null os=null awslogs=- image=Upstream:nginx@`\"nginx\"`", dump);
    }

    [Fact]
    public async Task Connections_allow_443_after_Open_false()
    {
        var dumps = await ModelDump.RunAsync(Stack("""
                    var vpc = new Vpc(this, "Vpc");
                    var api = vpc.AddInterfaceEndpoint("Api", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR, Open = false });
                    api.Connections.AllowDefaultPortFrom(Peer.Ipv4(vpc.VpcCidrBlock));
                    var logs = vpc.AddInterfaceEndpoint("Logs", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS, Open = false });
                    logs.Connections.AllowFrom(Peer.AnyIpv4(), Port.Tcp(80));
        """));
        var dump = Assert.Single(dumps);
        Assert.Contains("endpoint Api @`vpc.AddInterfaceEndpoint` service=ecr.api name=null type=Interface@`vpc.AddInterfaceEndpoint` dns=True(default)@`vpc.AddInterfaceEndpoint` 443=True@`api.Connections.AllowDefaultPortFrom(Peer.Ipv4(vpc.VpcCidrBlock))`", dump);
        Assert.Contains("endpoint Logs @`vpc.AddInterfaceEndpoint` service=logs name=null type=Interface@`vpc.AddInterfaceEndpoint` dns=True(default)@`vpc.AddInterfaceEndpoint` 443=False@`false`", dump);
    }

    [Fact]
    public async Task Types_without_AWS_constructs_build_nothing()
    {
        var dumps = await ModelDump.RunAsync("class Plain { int X() => 1 + 2; string S = \"vpc\"; }");
        Assert.Empty(dumps);
    }
}
