using Microsoft.CodeAnalysis.Testing;

namespace EcrLint.Analyzers.Tests;

/// <summary>Policies written as JSON in C# strings: every finding lands on the exact characters of the literal.</summary>
public class JsonStringPolicyTests
{
    private static Task Verify(string source, params string[] rules) => CSharpVerify.AnalyzerAsync<CSharpPolicyAnalyzer>(source, rules);

    [Fact]
    public Task Regular_literal_reports_on_the_escaped_action() => Verify("""
        class Policies
        {
            const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[{|ECR201:\"ecr:BatchGetImages\"|}],\"Resource\":\"*\"}]}";
        }
        """);

    [Fact]
    public Task Regular_literal_is_silent_on_the_correct_action() => Verify("""
        class Policies
        {
            const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"ecr:BatchGetImage\"],\"Resource\":\"*\"}]}";
        }
        """, "ECR201");

    [Fact]
    public Task Unicode_and_hex_escapes_inside_the_value_stay_inside_the_span() => Verify("""
        class Policies
        {
            string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":{|ECR201:\"ecr:Batch\u0047et\x49mages\"|},\"Resource\":\"*\"}]}";
        }
        """);

    [Fact]
    public Task Verbatim_literal_with_doubled_quotes() => Verify("""
        class Policies
        {
            const string Pull = @"{
              ""Version"": ""2012-10-17"",
              ""Statement"": [
                { ""Effect"": ""Allow"", ""Principal"": ""*"", ""Action"": {|ECR201:""ecr:GetDownloadUrlForLayers""|}, ""Resource"": ""*"" }
              ]
            }";
        }
        """);

    [Fact]
    public Task Raw_multi_line_literal_loses_its_indentation_but_not_its_place() => Verify(""""
        class Policies
        {
            const string Pull = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    { "Effect": "Allow", "Principal": "*", "Action": {|ECR201:"ecr:GetAuthToken"|}, "Resource": "*" }
                  ]
                }
                """;
        }
        """");

    [Fact]
    public Task Raw_single_line_literal() => Verify(""""
        class Policies
        {
            const string Pull = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":{|ECR201:"ecr:BatchGetImages"|},"Resource":"*"}}""";
        }
        """");

    [Fact]
    public Task Concatenation_of_constants_reports_inside_the_part_that_holds_the_value() => Verify("""
        class Policies
        {
            const string Head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"";
            const string Tail = "\",\"Resource\":\"*\"}]}";
            const string Pull = Head + "{|ECR201:ecr:BatchGetImages|}" + Tail;
        }
        """);

    [Fact]
    public Task Interpolation_of_constants_points_at_the_hole() => Verify("""
        class Policies
        {
            const string Action = "ecr:BatchGetImages";
            const string Pull = $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":{|ECR201:\"{Action}\"|},\"Resource\":\"*\"}}]}}";
        }
        """);

    [Fact]
    public async Task Constant_from_another_file_maps_to_the_expression_that_references_it()
    {
        var names = """
            static class Names
            {
                public const string Pull = "ecr:BatchGetImages";
            }
            """;
        var policy = """
            class Policies
            {
                const string P = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":{|ECR201:\"" + Names.Pull + "\"|},\"Resource\":\"*\"}]}";
            }
            """;
        await CSharpVerify.AnalyzerAsync<CSharpPolicyAnalyzer>(new[] { ("/0/Test0.cs", policy), ("/0/Names.cs", names) }, Array.Empty<string>(), Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public async Task Interpolated_raw_string_with_two_dollars()
    {
        var source = """"
            class Policies
            {
                const string Action = "ecr:BatchGetImages";
                const string Pull = $$"""
                    {
                      "Version": "2012-10-17",
                      "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "{{Action}}", "Resource": "*" } ]
                    }
                    """;
            }
            """";
        var expected = CSharpVerify.At("ECR201", source, "\"{{Action}}\"");
        await CSharpVerify.AnalyzerAsync<CSharpPolicyAnalyzer>(new[] { ("/0/Test0.cs", source) }, Array.Empty<string>(), new[] { expected }, markup: false);
    }

    [Fact]
    public Task Interpolated_verbatim_string() => Verify("""
        class Policies
        {
            const string Repo = "app";
            const string Pull = $@"{{ ""Version"": ""2012-10-17"", ""Statement"": [ {{ ""Effect"": ""Allow"", ""Principal"": ""*"", ""Action"": {|ECR201:""ecr:BatchGetImages""|}, ""Resource"": ""arn:aws:ecr:us-east-1:111122223333:repository/{Repo}"" }} ] }}";
        }
        """);

    [Fact]
    public Task Missing_version_is_reported_on_the_statement_key() => Verify("""
        class Policies
        {
            const string Pull = "{{|ECR401:\"Statement\"|}:[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\"}]}";
        }
        """);

    [Fact]
    public Task Strings_that_are_not_policies_are_ignored() => Verify("""
        class Other
        {
            const string Message = "Statement: {0}";
            const string Fragment = "{\"Statement\": [";
            const string Json = "{\"Statements\": []}";
            string Log(int i) => $"{i} Statement {{";
            int Sum(int a) => a + 1;
        }
        """, "ECR400", "ECR401", "ECR404", "ECR408");

    [Fact]
    public Task Invalid_json_sent_to_an_endpoint_is_ECR400_at_its_position() => Verify("""
        using Amazon.EC2.Model;
        class Setup
        {
            CreateVpcEndpointRequest Request() => new CreateVpcEndpointRequest
            {
                VpcId = "vpc-1",
                ServiceName = "com.amazonaws.us-east-1.ecr.dkr",
                PolicyDocument = "{\"Statement\": [ {|ECR400:}|} ]}",
            };
        }
        """);

    [Fact]
    public Task Gateway_endpoint_policy_kind_comes_from_the_service_name() => Verify("""
        using Amazon.EC2;
        using Amazon.EC2.Model;
        class Setup
        {
            CreateVpcEndpointRequest Request() => new CreateVpcEndpointRequest
            {
                VpcId = "vpc-1",
                ServiceName = "com.amazonaws.us-east-1.s3",
                VpcEndpointType = VpcEndpointType.Gateway,
                PolicyDocument = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":{|ECR410:\"arn:aws:iam::210987654321:root\"|}},\"Action\":\"*\",\"Resource\":\"*\"}]}",
            };
        }
        """);

    [Fact]
    public Task Without_a_destination_a_generic_policy_is_not_an_endpoint_policy() => Verify("""
        class Setup
        {
            const string Policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:root\"},\"Action\":\"*\",\"Resource\":\"*\"}]}";
        }
        """, "ECR410");

    [Fact]
    public Task Local_followed_to_an_L1_endpoint_gives_the_kind() => Verify("""
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Constructs;
        class NetworkStack : Stack
        {
            NetworkStack(Construct scope) : base(scope, "Net")
            {
                var json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":{|ECR410:\"arn:aws:iam::210987654321:root\"|}},\"Action\":\"*\",\"Resource\":\"*\"}]}";
                var policy = System.Text.Json.JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, object>>(json);
                new CfnVPCEndpoint(this, "S3", new CfnVPCEndpointProps
                {
                    VpcId = "vpc-1",
                    ServiceName = "com.amazonaws.us-east-1.s3",
                    PolicyDocument = policy,
                });
            }
        }
        """);

    [Fact]
    public Task FromJson_into_an_identity_policy_makes_it_an_identity_policy() => Verify("""
        using Amazon.CDK;
        using Amazon.CDK.AWS.IAM;
        using Constructs;
        class AppStack : Stack
        {
            AppStack(Construct scope) : base(scope, "App")
            {
                new Policy(this, "Pull", new PolicyProps
                {
                    Document = PolicyDocument.FromJson(System.Text.Json.JsonSerializer.Deserialize<object>(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",{|ECR404:\"Principal\"|}:\"*\",\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\"}]}")),
                });
            }
        }
        """);

    [Fact]
    public Task ECR402_variable_without_version_in_a_verbatim_literal() => Verify("""
        class Policies
        {
            const string Home = @"{ ""Statement"": [ { ""Effect"": ""Allow"", ""Action"": ""s3:GetObject"", ""Resource"": {|ECR402:""arn:aws:s3:::home/${aws:username}/*""|} } ] }";
        }
        """);

    [Fact]
    public Task ECR403_effect_casing() => Verify("""
        class Policies
        {
            const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":{|ECR403:\"allow\"|},\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\"}]}";
        }
        """);

    [Fact]
    public Task ECR408_misnamed_element() => Verify("""
        class Policies
        {
            const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",{|ECR408:\"Actions\"|}:\"ecr:BatchGetImage\",\"Resource\":\"*\"}]}";
        }
        """);

    [Fact]
    public Task ECR411_duplicate_key() => Verify("""
        class Policies
        {
            const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",{|ECR411:\"Effect\"|}:\"Deny\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\"}]}";
        }
        """);

    [Fact]
    public Task ECR412_wrong_type() => Verify("""
        class Policies
        {
            const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":{|ECR412:1|},\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\"}]}";
        }
        """);

    [Fact]
    public async Task ECR409_endpoint_policy_over_the_size_limit()
    {
        var statements = string.Join(",", Enumerable.Range(0, 260).Select(i => $"{{\\\"Sid\\\":\\\"S{i}\\\",\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"ecr:BatchGetImage\\\",\\\"Resource\\\":\\\"*\\\"}}"));
        var source = "using Amazon.EC2.Model;\nclass Setup\n{\n    CreateVpcEndpointRequest Request() => new CreateVpcEndpointRequest { VpcId = \"vpc-1\", ServiceName = \"com.amazonaws.us-east-1.ecr.dkr\", PolicyDocument = \"{|ECR409:{|}\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[" + statements + "]}\" };\n}\n";
        await CSharpVerify.AnalyzerAsync<CSharpPolicyAnalyzer>(new[] { ("/0/Test0.cs", source) }, Array.Empty<string>(), Array.Empty<DiagnosticResult>());
    }
}
