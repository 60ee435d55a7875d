using System.Text;
using EcrLint.Deployed;
using EcrLint.Endpoints;
using EcrLint.Engine;
using EcrLint.Json;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Tests.Deployed;

public class DescribeOutputTests
{
    private static string SamplePath(string name) => Repo.PathOf("samples", "deployed", name);

    private static DeployedModel Read(string text)
    {
        var doc = SourceLoader.Decode("d.json", Encoding.UTF8.GetBytes(text)).Document;
        return DescribeOutput.Read((JsonObject)JsonParser.Parse(doc).Root!);
    }

    private static string At(SourceLocation? l) => l is null ? "<none>" : l.Outer.Document.Text.Substring(l.FileSpan.Start, l.FileSpan.Length);

    [Fact]
    public void The_broken_sample_shows_its_problems_in_the_model()
    {
        var model = Read(File.ReadAllText(SamplePath("describe-vpc-endpoints.json")));
        var vpc = Assert.Single(model.Vpcs);
        Assert.Equal("vpc-0a1b2c3d4e5f60718", vpc.Name);
        Assert.Equal("us-east-1", vpc.Region!.Value);
        Assert.Null(vpc.HasNatGateway!.Value);
        Assert.Empty(vpc.Workloads);
        var e = vpc.Endpoints.ToDictionary(x => x.Service!.Service);
        Assert.Equal(new[] { "ecr.api", "ecr.dkr", "s3" }, e.Keys);
        Assert.Equal("\"vpce-0a11b22c33d44e552\"", At(e["ecr.dkr"].Location));
        Assert.False(e["ecr.dkr"].PrivateDns!.Value);
        Assert.Equal("false", At(e["ecr.dkr"].PrivateDns!.Location));
        Assert.True(e["ecr.dkr"].IsInterface);
        Assert.Null(e["ecr.dkr"].Admits443!.Value);
        Assert.True(e["s3"].IsGateway);
        Assert.False(e["s3"].HasRouteTables!.Value);
        Assert.NotEqual(e["ecr.api"].PolicyFingerprint, e["ecr.dkr"].PolicyFingerprint);
        Assert.Null(vpc.Fixer);
    }

    [Fact]
    public void Policy_strings_are_linted_inside_the_string()
    {
        var path = SamplePath("describe-vpc-endpoints.json");
        var result = Linter.LintFile(path, File.ReadAllBytes(path), new LintContext { Severities = new SeverityPolicy(LintMode.Strict) });
        Assert.Equal(InputKind.Describe, result.Kind);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "ECR400");
        Assert.All(result.Findings, f => Assert.Null(f.Fix));
        Assert.All(result.Findings, f => Assert.StartsWith("/VpcEndpoints/", f.Pointer));
    }

    [Fact]
    public void A_diagnostic_in_a_policy_string_lands_on_the_escaped_characters()
    {
        const string text = "{\n    \"VpcEndpoints\": [\n        {\n            \"VpcEndpointId\": \"vpce-1\",\n            \"VpcEndpointType\": \"Interface\",\n            \"VpcId\": \"vpc-1\",\n            \"ServiceName\": \"com.amazonaws.eu-west-1.ecr.dkr\",\n            \"PolicyDocument\": \"{\\n  \\\"Statement\\\": [\\n    {\\\"Effect\\\": \\\"Allow\\\", \\\"Principal\\\": \\\"*\\\", \\\"Action\\\": \\\"ecr:*\\\", \\\"Resource\\\": \\\"arn:aws:ecr:eu-west-1:210987654321:repository/${aws:username}\\\"}\\n  ]\\n}\",\n            \"PrivateDnsEnabled\": true\n        }\n    ]\n}\n";
        var result = Linter.LintFile("d.json", Encoding.UTF8.GetBytes(text), RuleTestHelper.Context());
        var f = Assert.Single(result.Findings, x => x.RuleId == "ECR402");
        Assert.Equal("\\\"arn:aws:ecr:eu-west-1:210987654321:repository/${aws:username}\\\"", At(f.Location));
        Assert.Equal(8, f.Location.Start.Line);
        Assert.Equal("/VpcEndpoints/0/PolicyDocument/Statement/0/Resource", f.Pointer);
        Assert.Null(f.Fix);
    }

    [Fact]
    public void Vpcs_are_scoped_by_vpc_id_and_inactive_endpoints_are_left_out()
    {
        var model = Read("""
            { "VpcEndpoints": [
              { "VpcEndpointId": "vpce-1", "VpcEndpointType": "Interface", "VpcId": "vpc-a", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "PrivateDnsEnabled": true, "State": "available" },
              { "VpcEndpointId": "vpce-2", "VpcEndpointType": "Interface", "VpcId": "vpc-b", "ServiceName": "cn.com.amazonaws.cn-north-1.ecr.dkr", "PrivateDnsEnabled": true },
              { "VpcEndpointId": "vpce-3", "VpcEndpointType": "Gateway", "VpcId": "vpc-a", "ServiceName": "com.amazonaws.us-east-1.s3", "RouteTableIds": ["rtb-1"], "State": "deleted" },
              { "VpcEndpointId": "vpce-4", "VpcEndpointType": "Gateway", "VpcId": "vpc-a", "ServiceName": "com.amazonaws.us-east-1.s3", "RouteTableIds": ["rtb-1"], "State": "pending" },
              { "VpcEndpointId": 5, "VpcId": [], "ServiceName": {} },
              "junk"
            ] }
            """);
        Assert.Equal(new[] { "vpc-a", "vpc-b", "(VpcId missing)" }, model.Vpcs.Select(v => v.Name));
        Assert.Equal(new[] { "vpce-1", "vpce-4" }, model.Vpcs[0].Endpoints.Select(e => e.Name));
        Assert.Equal("cn-north-1", model.Vpcs[1].Region!.Value);
        Assert.Equal("cn.com.amazonaws", model.Vpcs[1].Endpoints[0].Service!.Prefix);
        Assert.Equal(EndpointType.Unknown, model.Vpcs[2].Endpoints[0].Type!.Value);
    }

    [Fact]
    public void The_correct_sample_reads_cleanly()
    {
        var path = SamplePath("describe-vpc-endpoints.correct.json");
        var model = Read(File.ReadAllText(path));
        var vpc = Assert.Single(model.Vpcs);
        Assert.All(vpc.Endpoints.Where(e => e.IsInterface), e => Assert.True(e.PrivateDns!.Value));
        Assert.Equal(vpc.Endpoints[0].PolicyFingerprint, vpc.Endpoints[1].PolicyFingerprint);
        var result = Linter.LintFile(path, File.ReadAllBytes(path), new LintContext { Region = "us-east-1", Account = "210987654321" });
        Assert.True(result.Findings.Count == 0, string.Join("\n", result.Findings));
    }
}
