namespace EcrLint.Analyzers.Tests;

/// <summary>The endpoint-set rules on C#: each fires at the C# expression of its fact, and is silent on the correct form.</summary>
public class EndpointAnalyzerTests
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

    private static string Stack(string body) => Usings + $$"""
        class AppStack : Stack
        {
            AppStack(Construct scope, IRepository repo) : base(scope, "App", new StackProps { Env = new Amazon.CDK.Environment { Region = "us-east-1" } })
            {
        {{body}}
            }
        }
        """;

    /// <summary>A VPC without NAT gateways (PrivateLink-reliant) with the full endpoint set except what a test leaves out.</summary>
    private static string Endpoints(params string[] leaveOut)
    {
        var lines = new List<string>();
        void Add(string service, string line)
        {
            if (!leaveOut.Contains(service)) lines.Add(line);
        }

        Add("ecr.dkr", "        vpc.AddInterfaceEndpoint(\"EcrDkr\", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });");
        Add("ecr.api", "        vpc.AddInterfaceEndpoint(\"EcrApi\", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });");
        Add("s3", "        vpc.AddGatewayEndpoint(\"S3\", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });");
        Add("logs", "        vpc.AddInterfaceEndpoint(\"Logs\", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS });");
        Add("ecs", "        vpc.AddInterfaceEndpoint(\"Ecs\", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECS });");
        Add("ecs-agent", "        vpc.AddInterfaceEndpoint(\"EcsAgent\", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECS_AGENT });");
        Add("ecs-telemetry", "        vpc.AddInterfaceEndpoint(\"EcsTelemetry\", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECS_TELEMETRY });");
        return string.Join("\n", lines);
    }

    private const string Vpc = "        var {|#0:vpc|} = new Vpc(this, \"Vpc\", new VpcProps { NatGateways = 0 });";
    private const string Fargate = """
                var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
                var task = new FargateTaskDefinition(this, "Task");
                task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromEcrRepository(repo) });
                new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task });
        """;

    private static Task Verify(string source, params string[] rules) => CSharpVerify.AnalyzerAsync<EndpointAnalyzer>(source, rules);

    private static string VpcMarked(string id) => Vpc.Replace("{|#0:vpc|}", "{|" + id + ":vpc|}");

    private static readonly string[] All = { "ECR001", "ECR002", "ECR003", "ECR004", "ECR005", "ECR006", "ECR007", "ECR008", "ECR009", "ECR010", "ECR011", "ECR012", "ECR013", "ECR014", "ECR015", "ECR016", "ECR503" };

    [Fact]
    public Task Complete_endpoint_set_is_silent() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints() + "\n" + Fargate), All);

    [Fact]
    public Task ECR001_reliant_VPC_without_ecr_dkr() => Verify(Stack(VpcMarked("ECR001") + "\n" + Endpoints("ecr.dkr") + "\n" + Fargate));

    [Fact]
    public Task ECR002_ecr_dkr_without_ecr_api() => Verify(Stack(VpcMarked("ECR002") + "\n" + Endpoints("ecr.api") + "\n" + Fargate));

    [Fact]
    public Task ECR002_silent_when_every_Fargate_service_pins_platform_1_3() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.api") + "\n" + Fargate.Replace("TaskDefinition = task }", "TaskDefinition = task, PlatformVersion = FargatePlatformVersion.VERSION1_3 }")), "ECR002");

    [Fact]
    public Task ECR003_no_S3_gateway() => Verify(Stack(VpcMarked("ECR003") + "\n" + Endpoints("s3") + "\n" + Fargate));

    [Fact]
    public Task ECR004_awslogs_without_logs_endpoint() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("logs") + "\n" + Fargate.Replace(
        "Image = ContainerImage.FromEcrRepository(repo) }",
        "Image = ContainerImage.FromEcrRepository(repo), Logging = {|ECR004:LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = \"app\" })|} }")));

    [Fact]
    public Task ECR005_EC2_capacity_without_ECS_endpoints() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecs", "ecs-agent") + "\n" + Fargate + """

                {|ECR005:cluster.AddCapacity|}("Ec2", new AddCapacityOptions { InstanceType = new InstanceType("t3.small") });
        """));

    [Fact]
    public Task ECR005_never_for_Fargate() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecs", "ecs-agent", "ecs-telemetry") + "\n" + Fargate), "ECR005");

    [Fact]
    public Task ECR006_private_DNS_disabled_explicitly() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.dkr") + "\n" + Fargate + """

                vpc.AddInterfaceEndpoint("EcrDkr", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER, PrivateDnsEnabled = {|ECR006:false|} });
        """));

    [Fact]
    public Task ECR006_private_DNS_off_by_default_for_a_custom_service_and_in_CloudFormation() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.dkr") + "\n" + Fargate + """

                {|ECR006:new InterfaceVpcEndpoint|}(this, "EcrDkr", new InterfaceVpcEndpointProps { Vpc = vpc, Service = new InterfaceVpcEndpointService("com.amazonaws.us-east-1.ecr.dkr") });
                {|ECR006:new CfnVPCEndpoint|}(this, "EcrDkrL1", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.dkr", VpcEndpointType = "Interface" });
        """));

    [Fact]
    public Task ECR007_ecr_api_without_private_DNS() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.api") + "\n" + Fargate + """

                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR, PrivateDnsEnabled = {|ECR007:false|} });
        """));

    [Fact]
    public Task ECR008_private_images_without_any_endpoint() => Verify(Stack(VpcMarked("ECR008") + "\n" + Fargate));

    [Fact]
    public Task ECR008_silent_with_a_NAT_gateway() => Verify(Stack("        var vpc = new Vpc(this, \"Vpc\");\n" + Fargate), "ECR008", "ECR001");

    [Fact]
    public Task ECR009_endpoint_in_another_region_than_the_stack() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.dkr") + "\n" + Fargate + """

                new CfnVPCEndpoint(this, "EcrDkr", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = {|ECR009:"com.amazonaws.us-west-2.ecr.dkr"|}, VpcEndpointType = "Interface", PrivateDnsEnabled = true });
        """));

    [Fact]
    public Task ECR010_malformed_service_name() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.dkr") + "\n" + Fargate + """

                new CfnVPCEndpoint(this, "EcrDkr", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = {|ECR010:"com.amazonaws.region.ecr.dkr"|}, VpcEndpointType = "Interface", PrivateDnsEnabled = true });
        """));

    [Fact]
    public Task ECR011_ECR_endpoint_left_as_the_CloudFormation_default_Gateway() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.dkr") + "\n" + Fargate + """

                {|ECR011:new CfnVPCEndpoint|}(this, "EcrDkr", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.dkr", PrivateDnsEnabled = true });
        """));

    [Fact]
    public Task ECR012_closed_security_group() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.dkr") + "\n" + Fargate + """

                vpc.AddInterfaceEndpoint("EcrDkr", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER, Open = {|ECR012:false|} });
        """));

    [Fact]
    public Task ECR012_silent_when_connections_admit_443() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.dkr") + "\n" + Fargate + """

                var dkr = vpc.AddInterfaceEndpoint("EcrDkr", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER, Open = false });
                dkr.Connections.AllowFrom(Peer.Ipv4(vpc.VpcCidrBlock), Port.Tcp(443));
        """), "ECR012");

    [Fact]
    public Task ECR013_S3_gateway_without_route_tables() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("s3") + "\n" + Fargate + """

                vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3, Subnets = {|ECR013:new ISubnetSelection[0]|} });
        """));

    [Fact]
    public Task ECR014_public_image_in_a_reliant_VPC() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints() + "\n" + Fargate + """

                task.AddContainer("Proxy", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry({|ECR014:"public.ecr.aws/nginx/nginx:latest"|}) });
        """));

    [Fact]
    public Task ECR015_pull_through_cache_without_NAT() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints() + "\n" + Fargate + """

                {|ECR015:new CfnPullThroughCacheRule|}(this, "Public", new CfnPullThroughCacheRuleProps { EcrRepositoryPrefix = "public", UpstreamRegistryUrl = "public.ecr.aws" });
        """));

    [Fact]
    public Task ECR016_different_policies_on_the_two_ECR_endpoints() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.dkr", "ecr.api") + "\n" + Fargate + """

                var dkr = vpc.AddInterfaceEndpoint("EcrDkr", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                var api = vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                var pull = new PolicyStatement(new PolicyStatementProps { Principals = new IPrincipal[] { new AnyPrincipal() }, Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" }, Resources = new[] { "*" } });
                {|ECR016:dkr.AddToPolicy|}(pull);
                api.AddToPolicy(pull);
                api.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, Principals = new IPrincipal[] { new AnyPrincipal() }, Actions = new[] { "ecr:DeleteRepository" }, Resources = new[] { "*" } }));
        """));

    [Fact]
    public Task ECR016_silent_when_both_carry_the_same_statements() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.dkr", "ecr.api") + "\n" + Fargate + """

                var dkr = vpc.AddInterfaceEndpoint("EcrDkr", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                var api = vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                foreach (var endpoint in new[] { dkr, api }) { }
                var pull = new PolicyStatement(new PolicyStatementProps { Principals = new IPrincipal[] { new AnyPrincipal() }, Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" }, Resources = new[] { "*" } });
                dkr.AddToPolicy(pull);
                api.AddToPolicy(pull);
        """), "ECR016");

    [Fact]
    public Task ECR503_Windows_tasks_in_a_reliant_VPC() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints() + "\n" + Fargate.Replace(
        "new FargateTaskDefinition(this, \"Task\")",
        "new FargateTaskDefinition(this, \"Task\", new FargateTaskDefinitionProps { RuntimePlatform = new RuntimePlatform { OperatingSystemFamily = {|ECR503:OperatingSystemFamily.WINDOWS_SERVER_2019_CORE|} } })")));

    [Fact]
    public Task Sdk_requests_for_one_VPC() => Verify("""
        using System.Collections.Generic;
        using Amazon.EC2;
        using Amazon.EC2.Model;
        class Setup
        {
            const string VpcId = "vpc-0123456789abcdef0";
            IEnumerable<CreateVpcEndpointRequest> Requests()
            {
                yield return {|ECR006:new CreateVpcEndpointRequest|} { VpcId = {|ECR003:VpcId|}, ServiceName = "com.amazonaws.us-east-1.ecr.dkr", VpcEndpointType = VpcEndpointType.Interface };
                yield return new CreateVpcEndpointRequest { VpcId = VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.api", VpcEndpointType = VpcEndpointType.Interface, PrivateDnsEnabled = true };
            }
        }
        """);

    [Fact]
    public Task A_VPC_with_no_sign_of_ECR_use_is_never_reported() => Verify(Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                vpc.AddInterfaceEndpoint("Ssm", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.SSM, PrivateDnsEnabled = false });
                vpc.AddInterfaceEndpoint("Logs", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS, Open = false });
        """), All);

    [Fact]
    public Task ECR016_L1_JSON_policies_point_inside_the_string() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints("ecr.dkr", "ecr.api") + "\n" + Fargate + """

                const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\",\"ecr:GetAuthorizationToken\"],\"Resource\":\"*\"}]}";
                const string PullOnly = "{\"Version\":\"2012-10-17\",{|ECR016:\"Statement\"|}:[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"],\"Resource\":\"*\"}]}";
                new CfnVPCEndpoint(this, "EcrDkr", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.dkr", VpcEndpointType = "Interface", PrivateDnsEnabled = true, PolicyDocument = System.Text.Json.JsonSerializer.Deserialize<object>(PullOnly) });
                new CfnVPCEndpoint(this, "EcrApi", new CfnVPCEndpointProps { VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.ecr.api", VpcEndpointType = "Interface", PrivateDnsEnabled = true, PolicyDocument = System.Text.Json.JsonSerializer.Deserialize<object>(Pull) });
        """));

    [Fact]
    public Task ECR009_private_image_from_another_region() => Verify(Stack(Vpc.Replace("{|#0:vpc|}", "vpc") + "\n" + Endpoints() + "\n" + Fargate + """

                task.AddContainer("Other", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry({|ECR009:"210987654321.dkr.ecr.eu-west-1.amazonaws.com/app:1"|}) });
        """));
}
