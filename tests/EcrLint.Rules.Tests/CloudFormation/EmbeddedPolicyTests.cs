using System.Text;
using EcrLint.CloudFormation;
using EcrLint.Engine;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Tests.CloudFormation;

public class EmbeddedPolicyTests
{
    private static FileLintResult Lint(string text, string path, string? region = null) =>
        Linter.LintFile(path, Encoding.UTF8.GetBytes(text), RuleTestHelper.Context(region), InputKind.Auto);

    private static string FileText(Finding f) => f.Location.Outer.Document.Text.Substring(f.Location.FileSpan.Start, f.Location.FileSpan.Length);

    private const string JsonStringPolicy = "{\n  \"Resources\": {\n    \"Dkr\": {\n      \"Type\": \"AWS::EC2::VPCEndpoint\",\n      \"Properties\": {\n        \"VpcId\": \"vpc-1\",\n        \"ServiceName\": \"com.amazonaws.us-east-1.ecr.dkr\",\n        \"PolicyDocument\": \"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"ecr:BatchGetImage\\\",\\\"Resource\\\":\\\"arn:aws:ecr:us-east-1:210987654321:repository/${aws:username}\\\"}]}\"\n      }\n    }\n  }\n}\n";

    [Fact]
    public void A_diagnostic_inside_a_json_string_policy_points_at_the_characters_in_the_file()
    {
        var result = Lint(JsonStringPolicy, "t.json");
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR402");
        Assert.Equal("\\\"arn:aws:ecr:us-east-1:210987654321:repository/${aws:username}\\\"", FileText(f));
        Assert.Equal(8, f.Location.Start.Line);
        Assert.Equal(JsonStringPolicy.Split('\n')[7].IndexOf("\\\"arn:", StringComparison.Ordinal) + 1, f.Location.Start.Column);
        Assert.Equal("/Resources/Dkr/Properties/PolicyDocument/Statement/0/Resource", f.Pointer);
        Assert.Equal("t.json", f.Location.Path);
    }

    [Fact]
    public void A_fix_inside_a_json_string_policy_is_escaped_for_the_string()
    {
        var text = JsonStringPolicy.Replace("\n", "\r\n");
        var fixes = Lint(text, "t.json").Findings.Where(f => f.RuleId == "ECR402" && f.Fix is not null).Select(f => f.Fix!).ToList();
        var fix = Assert.Single(fixes);
        Assert.Null(fix.Document.Host);
        var fixedText = TextEdits.Apply(text, fix.Edits);
        // The policy is compact ("a":"b"): the inserted element is written the same way.
        Assert.Equal(text.Replace("\"{\\\"Statement", "\"{\\\"Version\\\":\\\"2012-10-17\\\", \\\"Statement"), fixedText);
        Assert.DoesNotContain(Lint(fixedText, "t.json").Findings, f => f.RuleId is "ECR401" or "ECR402" or "ECR400");
    }

    private const string YamlBlockPolicy = "Resources:\n  Dkr:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      VpcId: vpc-1\n      ServiceName: com.amazonaws.us-east-1.ecr.dkr\n      PolicyDocument: |\n        {\n          \"Statement\": [\n            { \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:*\", \"Resource\": \"arn:aws:ecr:us-east-1:210987654321:repository/${aws:username}\" }\n          ]\n        }\n";

    [Fact]
    public void A_yaml_block_policy_maps_lines_and_columns_and_takes_multi_line_fixes()
    {
        var result = Lint(YamlBlockPolicy, "t.yaml");
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR402");
        Assert.Equal("\"arn:aws:ecr:us-east-1:210987654321:repository/${aws:username}\"", FileText(f));
        Assert.Equal(10, f.Location.Start.Line);
        var fixedText = TextEdits.Apply(YamlBlockPolicy, f.Fix!.Edits);
        Assert.Equal(YamlBlockPolicy.Replace("        {\n          \"Statement\"", "        {\n          \"Version\": \"2012-10-17\",\n          \"Statement\""), fixedText);
        Assert.DoesNotContain(Lint(fixedText, "t.yaml").Findings, x => x.RuleId is "ECR401" or "ECR402" or "ECR400");
    }

    [Fact]
    public void A_sub_policy_string_with_unknown_parts_is_read_and_the_unknown_values_are_not_guessed()
    {
        var text = "Resources:\n  Dkr:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      VpcId: vpc-1\n      ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr\n      PolicyDocument: !Sub |\n        {\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\",\n          \"Resource\": [\"arn:aws:ecr:${AWS::Region}:${AWS::AccountId}:repository/app\", \"arn:aws:ecr:us-east-1:210987654321:repository/${!aws:username}\"]}]}\n";
        var (_, root) = TemplateTestHelper.Parse(text, "t.yaml");
        var model = TemplateModel.Build(CfnTemplate.Read(root, true));
        var policy = Assert.Single(model.Policies);
        var resources = policy.Policy!.Statements[0].Resource!;
        Assert.True(resources.HasUnknownValues);
        Assert.False(resources.Values[0].IsKnown);
        Assert.True(resources.Values[1].IsKnown);
        Assert.Equal("arn:aws:ecr:us-east-1:210987654321:repository/${aws:username}", resources.Values[1].Value);
        var result = Lint(text, "t.yaml");
        // Only the escaped ${!aws:username} is a policy variable; ${AWS::Region} is the template's.
        var f = Assert.Single(result.Findings, x => x.RuleId == "ECR402");
        Assert.Equal("\"arn:aws:ecr:us-east-1:210987654321:repository/${!aws:username}\"", FileText(f));
        // Inside a Sub, inserted text is fine as long as it has no ${ ... }: the Version fix is offered.
        Assert.NotNull(f.Fix);
    }

    [Fact]
    public void With_the_region_known_sub_values_are_known()
    {
        var text = "Resources:\n  S3:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      VpcId: vpc-1\n      ServiceName: !Sub com.amazonaws.${AWS::Region}.s3\n      RouteTableIds: [rtb-1]\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Principal: '*'\n            Action: s3:GetObject\n            Resource: !Sub arn:${AWS::Partition}:s3:::prod-${AWS::Region}-starport-layer-bucket/*\n";
        var (_, root) = TemplateTestHelper.Parse(text, "t.yaml");
        var known = TemplateModel.Build(CfnTemplate.Read(root, true), new CfnEnvironment { Region = "eu-west-1" });
        var value = Assert.Single(known.Policies).Policy!.Statements[0].Resource!.Values.Single();
        Assert.True(value.IsKnown);
        Assert.Equal("arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*", value.Value);
        Assert.Equal("!Sub arn:${AWS::Partition}:s3:::prod-${AWS::Region}-starport-layer-bucket/*", text.Substring(value.Span.Start, value.Span.Length));
        Assert.Equal(EcrLint.Policy.PolicyKind.S3Endpoint, known.Policies[0].Kind);

        var unknown = TemplateModel.Build(CfnTemplate.Read(root, true));
        var list = Assert.Single(unknown.Policies).Policy!.Statements[0].Resource!;
        Assert.True(list.HasUnknownValues);
        Assert.False(list.Values.Single().IsKnown);
    }

    [Fact]
    public void Fixes_that_would_replace_an_intrinsic_are_not_offered()
    {
        var text = "{ \"Resources\": { \"P\": { \"Type\": \"AWS::IAM::ManagedPolicy\", \"Properties\": { \"PolicyDocument\": { \"Version\": { \"Fn::If\": [\"C\", \"2012-10-17\", \"2008-10-17\"] }, \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/${aws:username}\" } ] } } } } }";
        var f = Assert.Single(Lint(text, "t.json").Findings, x => x.RuleId == "ECR402");
        Assert.Null(f.Fix);
    }

    [Fact]
    public void Json_edits_of_a_yaml_block_policy_are_not_offered_but_flow_ones_are()
    {
        var block = "Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::b/*\n";
        var f = Assert.Single(Lint(block, "t.yaml").Findings, x => x.RuleId == "ECR401");
        Assert.Null(f.Fix);
        Assert.Equal("Statement", FileText(f));
        Assert.Equal("/Resources/P/Properties/PolicyDocument/Statement", f.Pointer);

        var flow = "Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}]}\n";
        var g = Assert.Single(Lint(flow, "t.yaml").Findings, x => x.RuleId == "ECR401");
        Assert.NotNull(g.Fix);
        var fixedText = TextEdits.Apply(flow, g.Fix!.Edits);
        Assert.DoesNotContain(Lint(fixedText, "t.yaml").Findings, x => x.RuleId is "ECR401" or "ECR400");
    }

    [Theory]
    [InlineData("\"{\\\"Statement\\\": [\"", "not valid JSON")]
    [InlineData("\"[1, 2]\"", "is an array in JSON")]
    [InlineData("\"{\\\"Version\\\": \\\"2012-10-17\\\"}\"", "no \"Statement\"")]
    [InlineData("12", "is a number")]
    public void An_unreadable_policy_is_a_located_ecr400(string policy, string message)
    {
        var text = "{ \"Resources\": { \"P\": { \"Type\": \"AWS::IAM::ManagedPolicy\", \"Properties\": { \"PolicyDocument\": " + policy + " } } } }";
        var f = Assert.Single(Lint(text, "t.json").Findings, x => x.RuleId == "ECR400");
        Assert.Contains(message, f.Message);
        var start = text.IndexOf("\"PolicyDocument\": ", StringComparison.Ordinal) + "\"PolicyDocument\": ".Length;
        Assert.InRange(f.Location.FileSpan.Start, start, start + policy.Length);
        Assert.StartsWith("/Resources/P/Properties/PolicyDocument", f.Pointer);
    }

    [Fact]
    public void Escapes_and_folding_map_exactly()
    {
        foreach (var (text, path) in new[]
        {
            ("{\"a\": \"x\\u0041\\n\\\"q\\\\ \\/ end\"}", "t.json"),
            ("a: \"x\\x41\\n\\\"q\\\\\n  folded  \\\n  cont\"\n", "t.yaml"),
            ("a: 'it''s\n  folded'\n", "t.yaml"),
            ("a: |-\n  line one\n    indented\n  last\n", "t.yaml"),
            ("a: >\n  folded\n  text\n\n  para\n", "t.yaml"),
            ("a: plain\n  continued\n", "t.yaml"),
        })
        {
            var doc = SourceLoader.Decode(path, Encoding.UTF8.GetBytes(text)).Document;
            var root = (JsonObject)(path.EndsWith(".json") ? JsonParser.Parse(doc) : YamlParser.Parse(doc)).Root!;
            var s = (JsonString)root["a"]!;
            Assert.True(ScalarOffsets.IsExact(s), text);
            var offsets = ScalarOffsets.Of(s);
            for (var i = 0; i < s.Value.Length; i++)
            {
                var c = s.Value[i];
                var at = text[offsets[i]];
                if (c is '\n' or ' ' && at is '\n' or '\r' or '\\') continue;
                if (at == '\\' || (at == '\'' && c == '\'')) continue;
                Assert.True(c == at, $"{text}: value[{i}] '{c}' maps to '{at}'");
            }

            Assert.True(offsets.SequenceEqual(offsets.OrderBy(o => o)), text);
        }
    }

    [Fact]
    public void An_endpoint_policy_takes_the_region_of_a_literal_service_name()
    {
        var text = "Resources:\n  S3:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      VpcId: vpc-1\n      ServiceName: com.amazonaws.eu-west-1.s3\n      RouteTableIds: [rtb-1]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: '*'\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*\n";
        var (_, root) = TemplateTestHelper.Parse(text, "t.yaml");
        var model = TemplateModel.Build(CfnTemplate.Read(root, true), new CfnEnvironment { Region = "us-east-1" });
        Assert.Equal("eu-west-1", Assert.Single(model.Policies).Region);
    }
}
