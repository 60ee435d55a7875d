namespace EcrLint.Analyzers.Tests;

/// <summary>The S3 layer access (ECR1xx) and deletion guard (ECR3xx) packs on policies written in C#.</summary>
public class CSharpPolicyPackTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.IAM;
        using Constructs;

        """;

    /// <summary>A stack in us-east-1 with an S3 gateway endpoint (<c>s3</c>) and an ECR Docker endpoint (<c>dkr</c>).</summary>
    private static string Stack(string body) => Usings + """
        class NetworkStack : Stack
        {
            NetworkStack(Construct scope) : base(scope, "Net", new StackProps { Env = new Environment { Region = "us-east-1" } })
            {
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                var s3 = vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
                var dkr = vpc.AddInterfaceEndpoint("Dkr", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });

        """ + body + """

            }
        }
        """;

    private static string Statement(string sid, string actions, string resources, string effect = "", string principals = "new AnyPrincipal()") => $$"""
        new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "{{sid}}",{{effect}}
                    Principals = new IPrincipal[] { {{principals}} },
                    Actions = new[] { {{actions}} },
                    Resources = new[] { {{resources}} },
                })
        """;

    private static Task Verify(string source, params string[] rules) => CSharpVerify.AnalyzerAsync<CSharpPolicyAnalyzer>(source, rules);

    private const string Starport = "\"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\"";

    [Fact]
    public Task ECR101_restrictive_S3_policy_without_the_layer_bucket() => Verify(Stack($$"""
                {|ECR101:s3.AddToPolicy|}({{Statement("AppAssetsOnly", "\"s3:GetObject\", \"s3:PutObject\"", "\"arn:aws:s3:::example-app-assets-210987654321/*\"")}});
        """));

    [Fact]
    public Task ECR101_silent_with_the_layer_bucket() => Verify(Stack($"""
                s3.AddToPolicy({Statement("AllowEcrLayerDownloads", "\"s3:GetObject\"", Starport)});
        """), "ECR101", "ECR102", "ECR103", "ECR104", "ECR105", "ECR106", "ECR107");

    [Fact]
    public Task ECR102_layer_bucket_grant_beyond_GetObject() => Verify(Stack($"""
                s3.AddToPolicy({Statement("AllowEcrLayerDownloads", "{|ECR102:\"s3:*\"|}", Starport)});
        """));

    [Fact]
    public Task ECR103_malformed_layer_bucket_arn() => Verify(Stack($"""
                s3.AddToPolicy({Statement("AllowEcrLayerDownloads", "\"s3:GetObject\"", "{|ECR103:\"arn:aws:s3:::prod-us-east-1-starport-layers-bucket\"|}")});
        """));

    [Fact]
    public Task ECR104_layer_bucket_of_another_region_than_the_stack() => Verify(Stack($"""
                s3.AddToPolicy({Statement("AllowEcrLayerDownloads", "\"s3:GetObject\"", "{|ECR104:\"arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*\"|}")});
        """));

    [Fact]
    public Task ECR104_json_policy_takes_the_region_of_its_endpoint_service_name() => Verify("""
        using Amazon.EC2;
        using Amazon.EC2.Model;
        class Setup
        {
            CreateVpcEndpointRequest Request() => new CreateVpcEndpointRequest
            {
                VpcId = "vpc-1",
                ServiceName = "com.amazonaws.eu-west-1.s3",
                VpcEndpointType = VpcEndpointType.Gateway,
                PolicyDocument = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Layers\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":{|ECR104:\"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\"|}}]}",
            };
        }
        """);

    [Fact]
    public Task ECR105_reads_on_every_bucket() => Verify(Stack($"""
                s3.AddToPolicy({Statement("AllowEcrLayerDownloads", "\"s3:GetObject\"", Starport)});
                s3.AddToPolicy({Statement("ReadAnything", "\"s3:GetObject\"", "{|ECR105:\"arn:aws:s3:::*/*\"|}")});
        """));

    [Fact]
    public Task ECR106_full_access_statement_on_the_S3_gateway() => Verify(Stack("""
                var all = new PolicyStatement();
                all.AddAnyPrincipal();
                all.AddActions("*");
                all.AddAllResources();
                {|ECR106:s3.AddToPolicy|}(all);
        """));

    [Fact]
    public Task ECR107_writes_on_every_bucket() => Verify(Stack($"""
                s3.AddToPolicy({Statement("AllowEcrLayerDownloads", "\"s3:GetObject\"", Starport)});
                s3.AddToPolicy({Statement("Uploads", "{|ECR107:\"s3:PutObject\"|}, {|ECR107:\"s3:DeleteObject\"|}", "\"*\"")});
        """));

    [Fact]
    public Task ECR301_allow_all_without_a_deletion_guard() => Verify(Stack($"""
                dkr.AddToPolicy({Statement("AllowAll", "{|ECR301:\"*\"|}", "\"*\"")});
        """));

    [Fact]
    public Task ECR301_silent_with_the_guard() => Verify(Stack($"""
                dkr.AddToPolicy({Statement("AllowAll", "\"*\"", "\"*\"")});
                dkr.AddToPolicy({Statement("PreventDelete", "\"ecr:DeleteRepository\"", "\"arn:aws:ecr:us-east-1:210987654321:repository/team/app\"", "\n            Effect = Effect.DENY,", "new StarPrincipal()")});
        """), "ECR301", "ECR302", "ECR303", "ECR304");

    [Fact]
    public Task ECR302_guard_with_the_default_Allow_effect() => Verify(Stack("""
                dkr.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Principals = new IPrincipal[] { new AnyPrincipal() },
                    Actions = new[] { "*" },
                    Resources = new[] { "*" },
                }));
                var guard = {|ECR302:new PolicyStatement|}();
                guard.AddAnyPrincipal();
                guard.AddActions("ecr:DeleteRepository");
                guard.AddResources("arn:aws:ecr:us-east-1:210987654321:repository/team/app");
                guard.Sid = "PreventDelete";
                dkr.AddToPolicy(guard);
        """), "ECR302");

    [Fact]
    public Task ECR303_guard_in_another_region() => Verify(Stack($"""
                dkr.AddToPolicy({Statement("AllowAll", "\"*\"", "\"*\"")});
                dkr.AddToPolicy({Statement("PreventDelete", "\"ecr:DeleteRepository\"", "{|ECR303:\"arn:aws:ecr:us-west-2:210987654321:repository/team/app\"|}", "\n            Effect = Effect.DENY,")});
        """));

    [Fact]
    public Task ECR304_guard_covers_fewer_repositories_than_the_pull_statement() => Verify(Stack($$"""
                dkr.AddToPolicy({{Statement("AllowPull", "\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\"", "\"arn:aws:ecr:us-east-1:210987654321:repository/team/app\", \"arn:aws:ecr:us-east-1:210987654321:repository/team/api\"")}});
                dkr.AddToPolicy({{Statement("AllowAuthorizationToken", "\"ecr:GetAuthorizationToken\"", "\"*\"")}});
                dkr.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "PreventDelete",
                    Effect = Effect.DENY,
                    Principals = new IPrincipal[] { new StarPrincipal() },
                    Actions = new[] { "ecr:DeleteRepository" },
                    Resources = {|ECR304:new[] { "arn:aws:ecr:us-east-1:210987654321:repository/team/app" }|},
                }));
        """));
}
