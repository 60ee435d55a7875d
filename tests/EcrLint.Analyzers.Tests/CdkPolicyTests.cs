using Microsoft.CodeAnalysis.Testing;

namespace EcrLint.Analyzers.Tests;

/// <summary>Policies built with CDK IAM types: findings on the offending C# expression.</summary>
public class CdkPolicyTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.IAM;
        using Constructs;

        """;

    /// <summary>A stack with a VPC and an ECR API endpoint (<c>ecrApi</c>), an S3 gateway endpoint (<c>s3</c>) and a role (<c>role</c>).</summary>
    private static string Stack(string body) => Usings + """
        class NetworkStack : Stack
        {
            NetworkStack(Construct scope, string action) : base(scope, "Net")
            {
                var vpc = new Vpc(this, "Vpc");
                var ecrApi = vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                var s3 = new GatewayVpcEndpoint(this, "S3", new GatewayVpcEndpointProps { Vpc = vpc, Service = GatewayVpcEndpointAwsService.S3 });
                var role = new Role(this, "Task", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
        """ + body + """

            }
        }
        """;

    private static Task Verify(string source, params string[] rules) => CSharpVerify.AnalyzerAsync<CSharpPolicyAnalyzer>(source, rules);

    [Fact]
    public Task Unknown_action_in_props_is_reported_on_the_literal() => Verify(Stack("""
                ecrApi.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Principals = new IPrincipal[] { new AnyPrincipal() },
                    Actions = new[] { "ecr:BatchGetImage", {|ECR201:"ecr:GetDownloadUrlForLayers"|}, "ecr:GetAuthorizationToken" },
                    Resources = new[] { "*" },
                }));
        """));

    [Fact]
    public Task Correct_statement_is_silent() => Verify(Stack("""
                ecrApi.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "AllowPull",
                    Principals = new IPrincipal[] { new AnyPrincipal() },
                    Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" },
                    Resources = new[] { "*" },
                }));
        """), "ECR201", "ECR202", "ECR203", "ECR205", "ECR206", "ECR208", "ECR401", "ECR403", "ECR404", "ECR405", "ECR406", "ECR407", "ECR408", "ECR410", "ECR411", "ECR412", "ECR413", "ECR414");

    [Fact]
    public Task AddActions_and_the_other_Add_methods_build_the_statement() => Verify(Stack("""
                var pull = new PolicyStatement();
                pull.AddAnyPrincipal();
                pull.AddActions("ecr:BatchGetImage", {|ECR201:"ecr:GetAuthToken"|});
                pull.AddAllResources();
                pull.Sid = "Pull";
                ecrApi.AddToPolicy(pull);
        """));

    [Fact]
    public Task Omitted_effect_is_Allow_and_the_pull_set_is_evaluated() => Verify(Stack("""
                ecrApi.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "OnlyImages",
                    Principals = new IPrincipal[] { new AnyPrincipal() },
                    {|ECR202:Actions|} = new[] { "ecr:BatchGetImage" },
                    Resources = new[] { "*" },
                }));
        """));

    [Fact]
    public Task Deny_by_setter_changes_the_outcome() => Verify(Stack("""
                var images = new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "NoImages",
                    Principals = new IPrincipal[] { new AnyPrincipal() },
                    Actions = new[] { "ecr:BatchGetImage" },
                    Resources = new[] { "*" },
                });
                images.Effect = Effect.DENY;
                ecrApi.AddToPolicy(images);
        """), "ECR202");

    [Fact]
    public Task Endpoint_policy_statement_without_principal() => Verify(Stack("""
                ecrApi.AddToPolicy({|ECR404:new PolicyStatement|}(new PolicyStatementProps
                {
                    Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" },
                    Resources = new[] { "*" },
                }));
        """));

    [Fact]
    public Task Identity_policy_statement_with_principal() => Verify(Stack("""
                role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    {|ECR404:Principals|} = new IPrincipal[] { new AnyPrincipal() },
                    Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" },
                    Resources = new[] { "*" },
                }));
        """));

    [Fact]
    public Task Statements_added_to_one_endpoint_in_different_methods_form_one_policy() => Verify(Usings + """
        class NetworkStack : Stack
        {
            private readonly InterfaceVpcEndpoint _ecr;

            NetworkStack(Construct scope) : base(scope, "Net")
            {
                var vpc = new Vpc(this, "Vpc");
                _ecr = new InterfaceVpcEndpoint(this, "Ecr", new InterfaceVpcEndpointProps { Vpc = vpc, Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                _ecr.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "Pull",
                    Principals = new IPrincipal[] { new AnyPrincipal() },
                    Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" },
                    Resources = new[] { "*" },
                }));
                AddGuard();
            }

            private void AddGuard()
            {
                _ecr.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Sid = {|ECR405:"Pull"|},
                    Effect = Effect.DENY,
                    Principals = new IPrincipal[] { new AnyPrincipal() },
                    Actions = new[] { "ecr:DeleteRepository" },
                    Resources = new[] { "arn:aws:ecr:us-east-1:210987654321:repository/app" },
                }));
            }
        }
        """);

    [Fact]
    public Task Policy_document_gathers_its_statements() => Verify(Stack("""
                var a = new PolicyStatement(new PolicyStatementProps { Sid = "Read", Actions = new[] { "ecr:DescribeImages" }, Resources = new[] { "*" } });
                var b = new PolicyStatement(new PolicyStatementProps { Sid = {|ECR405:"Read"|}, Actions = new[] { "ecr:DescribeRepositories" }, Resources = new[] { "*" } });
                var doc = new PolicyDocument(new PolicyDocumentProps { Statements = new[] { a, b } });
                new Policy(this, "Read", new PolicyProps { Document = doc });
        """));

    [Fact]
    public Task Malformed_and_placeholder_arns_in_resources() => Verify(Stack("""
                role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Actions = new[] { "ecr:BatchGetImage" },
                    Resources = new[] { {|ECR406:"arn:aws:ecr:us-east-1:12345:repository/app"|}, {|ECR407:"arn:aws:ecr:us-east-1:111122223333:repository/repository_name"|} },
                }));
        """));

    [Fact]
    public Task Principal_types_an_interface_endpoint_does_not_take() => Verify(Stack("""
                ecrApi.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Principals = new IPrincipal[] { {|ECR410:new ServicePrincipal("ecs-tasks.amazonaws.com")|}, new ArnPrincipal({|ECR410:"arn:aws:iam::12345:role/app"|}), new AccountRootPrincipal() },
                    Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" },
                    Resources = new[] { "*" },
                }));
        """));

    [Fact]
    public Task Specific_principal_in_the_S3_gateway_policy() => Verify(Stack("""
                var s = new PolicyStatement();
                s.AddArnPrincipal({|ECR410:"arn:aws:iam::210987654321:role/app"|});
                s.AddActions("s3:GetObject");
                s.AddResources("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*");
                s3.AddToPolicy(s);
        """));

    [Fact]
    public Task Unknown_condition_operator_in_a_dictionary() => Verify(Stack("""
                role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Actions = new[] { "ecr:BatchGetImage" },
                    Resources = new[] { "*" },
                    Conditions = new Dictionary<string, object>
                    {
                        [{|ECR413:"StringEqual"|}] = new Dictionary<string, object> { ["aws:SourceVpce"] = "vpce-0123456789abcdef0" },
                    },
                }));
        """));

    [Fact]
    public Task AddCondition_with_a_collection_initializer() => Verify(Stack("""
                var s = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "ecr:BatchGetImage" }, Resources = new[] { "*" } });
                s.AddCondition({|ECR413:"StringEqualz"|}, new Dictionary<string, object> { { "aws:SourceVpce", new[] { "vpce-0123456789abcdef0" } } });
                role.AddToPolicy(s);
        """));

    [Fact]
    public Task Duplicate_action_is_redundant() => Verify(Stack("""
                role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Actions = new[] { "ecr:BatchGetImage", {|ECR414:"ecr:BatchGetImage"|} },
                    Resources = new[] { "*" },
                }));
        """));

    [Fact]
    public Task Token_action_on_a_repository_arn() => Verify(Stack("""
                role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", {|ECR203:"ecr:GetAuthorizationToken"|} },
                    Resources = new[] { "arn:aws:ecr:us-east-1:210987654321:repository/app" },
                }));
        """));

    [Fact]
    public Task Malformed_action_public_action_and_casing() => Verify(Stack("""
                ecrApi.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Principals = new IPrincipal[] { new AnyPrincipal() },
                    Actions = new[] { {|ECR205:"ecr BatchGetImage"|}, {|ECR206:"ecr-public:GetAuthorizationToken"|}, {|ECR208:"ecr:getdownloadurlforlayer"|}, "ecr:BatchGetImage", "ecr:GetAuthorizationToken" },
                    Resources = new[] { "*" },
                }));
        """));

    [Fact]
    public Task Source_vpce_condition_on_the_token_in_an_identity_policy() => Verify(Stack("""
                role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Actions = new[] { "ecr:GetAuthorizationToken" },
                    Resources = new[] { "*" },
                    Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { [{|ECR207:"aws:SourceVpce"|}] = "vpce-0123456789abcdef0" } },
                }));
        """));

    [Fact]
    public async Task Writes_to_everyone_when_ECR204_is_turned_on()
    {
        var source = Stack("""
                ecrApi.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Principals = new IPrincipal[] { new AnyPrincipal() },
                    Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken", {|ECR204:"ecr:PutImage"|} },
                    Resources = new[] { "*" },
                }));
        """);
        await CSharpVerify.AnalyzerAsync<CSharpPolicyAnalyzer>(new[] { ("/0/Test0.cs", source) }, Array.Empty<string>(), Array.Empty<DiagnosticResult>(), "dotnet_diagnostic.ECR204.severity = warning");
    }

    [Fact]
    public Task Computed_values_are_not_guessed() => Verify(Stack("""
                ecrApi.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Principals = new IPrincipal[] { new ArnPrincipal(role.RoleArn) },
                    Actions = new[] { "ecr:BatchGetImage", action },
                    Resources = new[] { vpc.VpcArn },
                    Conditions = new Dictionary<string, object> { [action] = new Dictionary<string, object> { ["aws:SourceVpce"] = "vpce-0123456789abcdef0" } },
                }));
        """), "ECR201", "ECR202", "ECR203", "ECR205", "ECR404", "ECR406", "ECR407", "ECR410", "ECR413", "ECR414");

    [Fact]
    public Task Rules_that_cannot_apply_to_typed_statements_stay_silent() => Verify(Stack("""
                var doc = new PolicyDocument(new PolicyDocumentProps
                {
                    Statements = new[]
                    {
                        new PolicyStatement(new PolicyStatementProps { Effect = Effect.ALLOW, Actions = new[] { "ecr:DescribeImages" }, Resources = new[] { "arn:aws:ecr:us-east-1:210987654321:repository/${aws:username}" } }),
                        new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, NotActions = new[] { "ecr:DescribeImages" }, NotResources = new[] { "*" } }),
                    },
                });
                new Policy(this, "P", new PolicyProps { Document = doc });
        """), "ECR401", "ECR402", "ECR403", "ECR408", "ECR409", "ECR411", "ECR412");

    [Fact]
    public Task Inline_policies_of_a_role_are_identity_policies() => Verify(Stack("""
                new Role(this, "Puller", new RoleProps
                {
                    AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
                    InlinePolicies = new Dictionary<string, PolicyDocument>
                    {
                        ["pull"] = new PolicyDocument(new PolicyDocumentProps
                        {
                            Statements = new[] { new PolicyStatement(new PolicyStatementProps { {|ECR404:Principals|} = new IPrincipal[] { new AnyPrincipal() }, Actions = new[] { "ecr:BatchGetImage" }, Resources = new[] { "*" } }) },
                        }),
                    },
                });
        """));

    [Fact]
    public Task Document_on_an_L1_endpoint_takes_the_kind_of_its_service() => Verify(Stack("""
                new CfnVPCEndpoint(this, "S3L1", new CfnVPCEndpointProps
                {
                    VpcId = vpc.VpcId,
                    ServiceName = "com.amazonaws.us-east-1.s3",
                    PolicyDocument = new PolicyDocument(new PolicyDocumentProps
                    {
                        Statements = new[] { new PolicyStatement(new PolicyStatementProps { Principals = new IPrincipal[] { new AccountPrincipal({|ECR410:"210987654321"|}) }, Actions = new[] { "s3:GetObject" }, Resources = new[] { "*" } }) },
                    }),
                });
        """));

    [Fact]
    public Task A_statement_no_policy_takes_is_linted_on_its_own() => Verify(Usings + """
        static class Statements
        {
            public static PolicyStatement Pull() => new PolicyStatement(new PolicyStatementProps
            {
                Actions = new[] { {|ECR201:"ecr:BatchGetImages"|} },
                Resources = new[] { "*" },
            });
        }
        """, "ECR404");

    [Fact]
    public Task Aliased_statement_type_is_still_read() => Verify("""
        using PS = Amazon.CDK.AWS.IAM.PolicyStatement;
        using Amazon.CDK.AWS.IAM;
        static class Statements
        {
            public static PS Pull() => new PS(new PolicyStatementProps { Actions = new[] { {|ECR201:"ecr:BatchGetImages"|} }, Resources = new[] { "*" } });
        }
        """);

    [Fact]
    public async Task Partial_class_across_files_forms_one_endpoint_policy()
    {
        var part1 = Usings + """
            partial class NetworkStack : Stack
            {
                private readonly InterfaceVpcEndpoint _ecr;

                NetworkStack(Construct scope) : base(scope, "Net")
                {
                    var vpc = new Vpc(this, "Vpc");
                    _ecr = new InterfaceVpcEndpoint(this, "Ecr", new InterfaceVpcEndpointProps { Vpc = vpc, Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                    _ecr.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Sid = "Pull", Principals = new IPrincipal[] { new AnyPrincipal() }, Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" }, Resources = new[] { "*" } }));
                    AddGuard();
                }
            }
            """;
        var part2 = Usings + """
            partial class NetworkStack
            {
                private void AddGuard() =>
                    _ecr.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Sid = {|ECR405:"Pull"|}, Effect = Effect.DENY, Principals = new IPrincipal[] { new StarPrincipal() }, Actions = new[] { "ecr:DeleteRepository" }, Resources = new[] { "arn:aws:ecr:us-east-1:210987654321:repository/app" } }));
            }
            """;
        await CSharpVerify.AnalyzerAsync<CSharpPolicyAnalyzer>(new[] { ("/0/Test0.cs", part1), ("/0/Test1.cs", part2) }, Array.Empty<string>(), Array.Empty<DiagnosticResult>());
    }
}
