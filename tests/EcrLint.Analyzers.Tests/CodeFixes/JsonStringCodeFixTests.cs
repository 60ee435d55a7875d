using EcrLint.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace EcrLint.Analyzers.Tests.CodeFixes;

/// <summary>JSON policies in C# strings: the engine's JSON edit, written the way the literal writes characters.</summary>
public class JsonStringCodeFixTests
{
    private const string Region = "build_property.EcrLintRegion = us-east-1";

    private static Task Verify(string source, string fixedSource, string? key = null, int? fixAllIterations = null) =>
        CodeFixVerify.FixAsync<CSharpPolicyAnalyzer, JsonStringCodeFixProvider>(source, fixedSource, key, globalConfig: Region, fixAllIterations: fixAllIterations);

    [Fact]
    public Task ECR208_regular_literal_keeps_its_escapes() => Verify("""
        class Policies
        {
            const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":{|ECR208:\"ecr:batchgetimage\"|},\"Resource\":\"*\"}]}";
        }
        """, """
        class Policies
        {
            const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\"}]}";
        }
        """, JsonStringCodeFixProvider.KeyPrefix + "CanonicalActionCasing");

    [Fact]
    public Task ECR403_effect_in_a_single_line_raw_literal() => Verify(""""
        class Policies
        {
            const string Pull = """{"Version":"2012-10-17","Statement":[{"Effect":{|ECR403:"allow"|},"Principal":"*","Action":"ecr:DescribeImages","Resource":"*"}]}""";
        }
        """", """"
        class Policies
        {
            const string Pull = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:DescribeImages","Resource":"*"}]}""";
        }
        """");

    [Fact]
    public Task ECR401_verbatim_multi_line_literal_gets_the_version_with_doubled_quotes() => Verify("""
        class Policies
        {
            const string Read = @"{
              {|ECR401:""Statement""|}: [
                { ""Effect"": ""Allow"", ""Action"": ""ecr:DescribeImages"", ""Resource"": ""*"" }
              ]
            }";
        }
        """, """
        class Policies
        {
            const string Read = @"{
              ""Version"": ""2012-10-17"",
              ""Statement"": [
                { ""Effect"": ""Allow"", ""Action"": ""ecr:DescribeImages"", ""Resource"": ""*"" }
              ]
            }";
        }
        """);

    [Fact]
    public Task ECR101_raw_multi_line_literal_gets_the_statement_with_its_indentation() => Verify(""""
        class Policies
        {
            const string S3 = """
                {
                  "Version": "2012-10-17",
                  {|ECR101:"Statement"|}: [
                    {
                      "Sid": "AppAssetsOnly",
                      "Effect": "Allow",
                      "Principal": "*",
                      "Action": "s3:GetObject",
                      "Resource": "arn:aws:s3:::example-app-assets-210987654321/*"
                    }
                  ]
                }
                """;
        }
        """", """"
        class Policies
        {
            const string S3 = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "AppAssetsOnly",
                      "Effect": "Allow",
                      "Principal": "*",
                      "Action": "s3:GetObject",
                      "Resource": "arn:aws:s3:::example-app-assets-210987654321/*"
                    },
                    {
                      "Sid": "AllowEcrLayerDownloads",
                      "Effect": "Allow",
                      "Principal": "*",
                      "Action": "s3:GetObject",
                      "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"
                    }
                  ]
                }
                """;
        }
        """");

    [Fact]
    public Task ECR301_interpolated_regular_literal_doubles_the_braces_it_adds() => Verify("""
        using Amazon.EC2.Model;
        class Setup
        {
            const string Repo = "team/app";
            CreateVpcEndpointRequest Api() => new CreateVpcEndpointRequest
            {
                VpcId = "vpc-1",
                ServiceName = "com.amazonaws.us-east-1.ecr.api",
                PolicyDocument = $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":{|ECR301:\"ecr:*\"|},\"Resource\":\"arn:aws:ecr:us-east-1:210987654321:repository/{Repo}\"}}]}}",
            };
        }
        """, """
        using Amazon.EC2.Model;
        class Setup
        {
            const string Repo = "team/app";
            CreateVpcEndpointRequest Api() => new CreateVpcEndpointRequest
            {
                VpcId = "vpc-1",
                ServiceName = "com.amazonaws.us-east-1.ecr.api",
                PolicyDocument = $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:*\",\"Resource\":\"arn:aws:ecr:us-east-1:210987654321:repository/{Repo}\"}}, {{\"Sid\":\"PreventDelete\", \"Effect\":\"Deny\", \"Principal\":\"*\", \"Action\":\"ecr:DeleteRepository\", \"Resource\":\"arn:aws:ecr:us-east-1:210987654321:repository/team/app\"}}]}}",
            };
        }
        """);

    [Fact]
    public async Task ECR301_interpolated_raw_literal_keeps_single_braces()
    {
        var source = """"
            class Policies
            {
                const string Account = "210987654321";
                const string Api = $$"""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:*","Resource":"arn:aws:ecr:us-east-1:{{Account}}:repository/app"}]}""";
            }
            """";
        var fixedSource = """"
            class Policies
            {
                const string Account = "210987654321";
                const string Api = $$"""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:*","Resource":"arn:aws:ecr:us-east-1:{{Account}}:repository/app"}, {"Sid":"PreventDelete", "Effect":"Deny", "Principal":"*", "Action":"ecr:DeleteRepository", "Resource":"arn:aws:ecr:us-east-1:210987654321:repository/app"}]}""";
            }
            """";
        var test = new CodeFixTest<CSharpPolicyAnalyzer, JsonStringCodeFixProvider> { TestCode = source, FixedCode = fixedSource };
        test.TestState.MarkupHandling = MarkupMode.None;
        test.FixedState.MarkupHandling = MarkupMode.None;
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + Region));
        // The related location is the deciding Allow's Effect.
        test.TestState.ExpectedDiagnostics.Add(CSharpVerify.At("ECR301", source, "\"ecr:*\"").WithSpan(4, 53, 4, 60));
        foreach (var d in new CSharpPolicyAnalyzer().SupportedDiagnostics)
        {
            if (d.Id != "ECR301") test.DisabledDiagnostics.Add(d.Id);
        }

        await test.RunAsync();
    }

    [Fact]
    public Task Concatenation_gets_the_edit_inside_the_one_literal_it_falls_in() => Verify("""
        class Policies
        {
            const string Statement = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":" + "{|ECR201:\"ecr:BatchGetImages\"|}" + ",\"Resource\":\"*\"}";
            const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[" + Statement + "]}";
        }
        """, """
        class Policies
        {
            const string Statement = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":" + "\"ecr:BatchGetImage\"" + ",\"Resource\":\"*\"}";
            const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[" + Statement + "]}";
        }
        """);

    [Fact]
    public Task Single_line_raw_literal_gets_the_statement_on_its_line() => Verify(""""
        class Policies
        {
            const string S3 = """{"Version":"2012-10-17",{|ECR101:"Statement"|}:[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::example-app-assets-210987654321/*"}]}""";
        }
        """", """"
        class Policies
        {
            const string S3 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::example-app-assets-210987654321/*"}, {"Sid":"AllowEcrLayerDownloads", "Effect":"Allow", "Principal":"*", "Action":"s3:GetObject", "Resource":"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"}]}""";
        }
        """");

    [Fact]
    public async Task No_fix_when_the_edit_falls_in_a_constant_of_another_file()
    {
        var test = new CodeFixTest<CSharpPolicyAnalyzer, JsonStringCodeFixProvider>();
        var source = """
            class Policies
            {
                const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":{|ECR208:\"" + Names.A + "\"|},\"Resource\":\"*\"}]}";
            }
            """;
        var names = "static class Names { public const string A = \"ecr:batchgetimage\"; }";
        test.TestState.Sources.Add(("/0/Policies.cs", source));
        test.TestState.Sources.Add(("/0/Names.cs", names));
        test.FixedState.Sources.Add(("/0/Policies.cs", source));
        test.FixedState.Sources.Add(("/0/Names.cs", names));
        foreach (var d in new CSharpPolicyAnalyzer().SupportedDiagnostics)
        {
            if (d.Id != "ECR208") test.DisabledDiagnostics.Add(d.Id);
        }

        await test.RunAsync();
    }

    [Fact]
    public Task Fix_all_merges_the_edits_of_one_literal_and_of_several() => Verify("""
        class Policies
        {
            const string A = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[{|ECR208:\"ecr:batchgetimage\"|}, {|ECR208:\"ecr:getdownloadurlforlayer\"|}, \"ecr:GetAuthorizationToken\"],\"Resource\":\"*\"}]}";
            const string B = @"{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Principal"":""*"",""Action"":{|ECR208:""ECR:DescribeImages""|},""Resource"":""*""}]}";
        }
        """, """
        class Policies
        {
            const string A = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\", \"ecr:GetAuthorizationToken\"],\"Resource\":\"*\"}]}";
            const string B = @"{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Principal"":""*"",""Action"":""ecr:DescribeImages"",""Resource"":""*""}]}";
        }
        """, JsonStringCodeFixProvider.KeyPrefix + "CanonicalActionCasing");

    [Fact]
    public Task ECR202_pull_actions_are_added_inside_the_JSON() => Verify("""
        using Amazon.EC2.Model;
        class Setup
        {
            CreateVpcEndpointRequest Api() => new CreateVpcEndpointRequest
            {
                VpcId = "vpc-1",
                ServiceName = "com.amazonaws.us-east-1.ecr.dkr",
                PolicyDocument = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Pull\",\"Effect\":\"Allow\",\"Principal\":\"*\",{|ECR202:\"Action\"|}:[\"ecr:BatchGetImage\"],\"Resource\":\"*\"}]}",
            };
        }
        """, """
        using Amazon.EC2.Model;
        class Setup
        {
            CreateVpcEndpointRequest Api() => new CreateVpcEndpointRequest
            {
                VpcId = "vpc-1",
                ServiceName = "com.amazonaws.us-east-1.ecr.dkr",
                PolicyDocument = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Pull\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\", \"ecr:GetAuthorizationToken\"],\"Resource\":\"*\"}]}",
            };
        }
        """);

    [Fact]
    public void Literal_encoding_per_kind()
    {
        var text = Microsoft.CodeAnalysis.Text.SourceText.From("x");
        var span = new Microsoft.CodeAnalysis.Text.TextSpan(0, 0);
        Assert.Equal("{\\\"a\\\":\\\"b\\\\c\\n\\\"}", LiteralText.Encode("{\"a\":\"b\\c\n\"}", "Regular", 0, 0, null, text, span));
        Assert.Equal("{{\\\"a\\\"}}", LiteralText.Encode("{\"a\"}", "InterpolatedRegular", 0, 0, null, text, span));
        Assert.Equal("{\"\"a\"\":1}", LiteralText.Encode("{\"a\":1}", "Verbatim", 0, 0, null, text, span));
        Assert.Equal("{{\"\"a\"\"}}", LiteralText.Encode("{\"a\"}", "InterpolatedVerbatim", 0, 0, null, text, span));
        Assert.Equal("{\"a\":1}", LiteralText.Encode("{\"a\":1}", "Raw", 0, 3, null, text, span));
        Assert.Null(LiteralText.Encode("\"\"\"", "Raw", 0, 3, null, text, span));
        Assert.Null(LiteralText.Encode("a\nb", "Raw", 0, 3, null, text, span));
        Assert.Equal("a\n    b", LiteralText.Encode("a\nb", "Raw", 0, 3, "    ", text, span));
        Assert.Null(LiteralText.Encode("{\"a\":{}}", "InterpolatedRaw", 1, 3, null, text, span));
        Assert.Null(LiteralText.Encode("{\"a\":{\"b\":1}}", "InterpolatedRaw", 2, 3, null, text, span));
        Assert.Equal("{\"a\":1}", LiteralText.Encode("{\"a\":1}", "InterpolatedRaw", 2, 3, null, text, span));
    }
}
