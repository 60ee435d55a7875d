using System.Text;
using EcrLint.Engine;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Tests.Rules.Endpoints.Templates;

/// <summary>
/// Runs the endpoint rules on templates through the CloudFormation front end, in YAML and in JSON: each inline
/// template is written in YAML and converted to an equivalent JSON template, and findings are compared by JSON
/// pointer (the same in both forms) and by the text they cover.
/// </summary>
public static class TemplateRuleHelper
{
    /// <summary>A Fargate service in an isolated VPC with every endpoint it needs: every endpoint rule is silent on it.</summary>
    public const string Correct = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
          SubnetA:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: 10.0.0.0/24
          RouteTable:
            Type: AWS::EC2::RouteTable
            Properties:
              VpcId: !Ref Vpc
          SubnetARouteTable:
            Type: AWS::EC2::SubnetRouteTableAssociation
            Properties:
              SubnetId: !Ref SubnetA
              RouteTableId: !Ref RouteTable
          EndpointSg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: HTTPS to the endpoints
              VpcId: !Ref Vpc
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: 10.0.0.0/16
          EcrApi:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.api
              VpcEndpointType: Interface
              PrivateDnsEnabled: true
              VpcId: !Ref Vpc
              SubnetIds: [!Ref SubnetA]
              SecurityGroupIds: [!Ref EndpointSg]
          EcrDkr:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr
              VpcEndpointType: Interface
              PrivateDnsEnabled: true
              VpcId: !Ref Vpc
              SubnetIds: [!Ref SubnetA]
              SecurityGroupIds: [!Ref EndpointSg]
          Logs:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              ServiceName: !Sub com.amazonaws.${AWS::Region}.logs
              VpcEndpointType: Interface
              PrivateDnsEnabled: true
              VpcId: !Ref Vpc
              SubnetIds: [!Ref SubnetA]
              SecurityGroupIds: [!Ref EndpointSg]
          S3:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              ServiceName: !Sub com.amazonaws.${AWS::Region}.s3
              VpcEndpointType: Gateway
              VpcId: !Ref Vpc
              RouteTableIds: [!Ref RouteTable]
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              RequiresCompatibilities: [FARGATE]
              NetworkMode: awsvpc
              Cpu: "256"
              Memory: "512"
              ContainerDefinitions:
                - Name: app
                  Image: !Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1
                  LogConfiguration:
                    LogDriver: awslogs
          Service:
            Type: AWS::ECS::Service
            Properties:
              LaunchType: FARGATE
              TaskDefinition: !Ref Task
              NetworkConfiguration:
                AwsvpcConfiguration:
                  Subnets: [!Ref SubnetA]
        """;

    /// <summary>The correct template with edits: each pair replaces one exact piece of text (which must occur once).</summary>
    public static string Edit(string yaml, params (string From, string To)[] edits)
    {
        foreach (var (from, to) in edits)
        {
            var at = yaml.IndexOf(from, StringComparison.Ordinal);
            Assert.True(at >= 0, "not in the template: " + from);
            Assert.True(yaml.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, "more than once in the template: " + from);
            yaml = yaml.Substring(0, at) + to + yaml.Substring(at + from.Length);
        }

        return yaml;
    }

    /// <summary>Removes a resource (its key line through the line before the next resource).</summary>
    public static string Without(string yaml, string logicalId)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l == "  " + logicalId + ":");
        Assert.True(start >= 0, "no resource " + logicalId);
        var end = start + 1;
        while (end < lines.Count && (lines[end].StartsWith("    ", StringComparison.Ordinal) || lines[end].Length == 0)) end++;
        lines.RemoveRange(start, end - start);
        return string.Join("\n", lines);
    }

    /// <summary>Appends resources (YAML at the resources' indentation).</summary>
    public static string With(string yaml, string resources) => yaml.TrimEnd('\n') + "\n" + resources.TrimEnd('\n') + "\n";

    /// <summary>The same template as JSON (YAML short forms as their long forms), two-space indented.</summary>
    public static string ToJson(string yaml)
    {
        var parsed = YamlParser.Parse(new SourceDocument("t.yaml", yaml));
        Assert.True(parsed.Error is null, parsed.Error?.Message);
        var sb = new StringBuilder();
        Write(sb, parsed.Root!, "");
        return sb.Append('\n').ToString();
    }

    private static void Write(StringBuilder sb, JsonNode node, string indent)
    {
        switch (node)
        {
            case JsonObject o:
                if (o.Properties.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }

                sb.Append("{\n");
                for (var i = 0; i < o.Properties.Count; i++)
                {
                    sb.Append(indent).Append("  ").Append(JsonEdits.Quote(o.Properties[i].Name)).Append(": ");
                    Write(sb, o.Properties[i].Value, indent + "  ");
                    sb.Append(i < o.Properties.Count - 1 ? ",\n" : "\n");
                }

                sb.Append(indent).Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Write(sb, a.Items[i], indent);
                }

                sb.Append(']');
                break;
            case JsonString s:
                sb.Append(JsonEdits.Quote(s.Value));
                break;
            case JsonScalar sc:
                sb.Append(sc.Raw);
                break;
        }
    }

    public static FileLintResult Lint(string text, string path, string? region = "us-east-1") =>
        Linter.LintFile(path, Encoding.UTF8.GetBytes(text), new LintContext { Region = region, Account = "210987654321", Severities = new SeverityPolicy(LintMode.Strict) });

    /// <summary>The text a finding covers in its file.</summary>
    public static string TextOf(Finding f) => f.Location.Outer.Document.Text.Substring(f.Location.FileSpan.Start, f.Location.FileSpan.Length);

    /// <summary>
    /// Asserts, in YAML and in JSON, that <paramref name="ruleId"/> reports exactly at the JSON pointers given, each
    /// covering the text given (without JSON quotes; null: any): <c>("/Resources/EcrDkr/Properties/PrivateDnsEnabled", "false")</c>.
    /// </summary>
    public static List<Finding> Fires(string yaml, string ruleId, params (string Pointer, string? Text)[] expected) => FiresIn(yaml, "us-east-1", ruleId, expected);

    public static List<Finding> FiresIn(string yaml, string? region, string ruleId, params (string Pointer, string? Text)[] expected)
    {
        var all = new List<Finding>();
        foreach (var (text, path) in new[] { (yaml, "t.yaml"), (ToJson(yaml), "t.json") })
        {
            var result = Lint(text, path, region);
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "ECR400");
            var findings = result.Findings.Where(f => f.RuleId == ruleId).ToList();
            // A null text checks only the pointer (the YAML and JSON forms of an intrinsic differ).
            var actual = findings.Select(f => (Pointer: f.Pointer ?? "?", Text: (string?)TextOf(f).Trim('"')))
                .Select(x => (x.Pointer, expected.Any(e => e.Pointer == x.Pointer && e.Text is null) ? null : x.Text))
                .OrderBy(x => x.Pointer, StringComparer.Ordinal).ToList();
            var want = expected.OrderBy(x => x.Pointer, StringComparer.Ordinal).ToList();
            Assert.True(want.SequenceEqual(actual),
                $"{path}: {ruleId} expected at\n  {string.Join("\n  ", want)}\ngot\n  {string.Join("\n  ", actual)}\n" + string.Join("\n", findings.Select(f => "  " + f.Message)));
            all.AddRange(findings);
        }

        return all;
    }

    /// <summary>Asserts, in YAML and in JSON, that none of the rules reports.</summary>
    public static void Silent(string yaml, params string[] ruleIds) => SilentIn(yaml, "us-east-1", ruleIds);

    public static void SilentIn(string yaml, string? region, params string[] ruleIds)
    {
        foreach (var (text, path) in new[] { (yaml, "t.yaml"), (ToJson(yaml), "t.json") })
        {
            var result = Lint(text, path, region);
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "ECR400");
            var hits = result.Findings.Where(f => ruleIds.Contains(f.RuleId)).ToList();
            Assert.True(hits.Count == 0, path + ": unexpected findings:\n" + string.Join("\n", hits.Select(f => $"  {f.RuleId} at {f.Pointer}: {f.Message}")));
        }
    }

    /// <summary>
    /// Applies the fixes of a rule (as <c>ecrlint --fix</c> does, until none is left), in YAML and JSON; asserts the
    /// rule is then silent, nothing became unreadable, and returns the fixed YAML and JSON.
    /// </summary>
    public static (string Yaml, string Json) Fix(string yaml, string ruleId, string? region = "us-east-1")
    {
        var results = new List<string>();
        foreach (var (start, path) in new[] { (yaml, "t.yaml"), (ToJson(yaml), "t.json") })
        {
            var text = start;
            var applied = 0;
            for (var pass = 0; pass < 5; pass++)
            {
                var fixes = Lint(text, path, region).Findings.Where(f => f.RuleId == ruleId && f.Fix is not null).Select(f => f.Fix!).ToList();
                if (fixes.Count == 0) break;
                text = TextEdits.Apply(text, TextEdits.NonOverlapping(fixes, out _));
                applied++;
            }

            Assert.True(applied > 0, $"{path}: {ruleId} offered no fix");
            var after = Lint(text, path, region);
            Assert.DoesNotContain(after.Findings, f => f.RuleId == "ECR400");
            Assert.DoesNotContain(after.Findings, f => f.RuleId == ruleId);
            results.Add(text);
        }

        return (results[0], results[1]);
    }

    /// <summary>Asserts that a rule fires without a fix (in YAML and JSON).</summary>
    public static void NoFix(string yaml, string ruleId, string? region = "us-east-1")
    {
        foreach (var (text, path) in new[] { (yaml, "t.yaml"), (ToJson(yaml), "t.json") })
        {
            var findings = Lint(text, path, region).Findings.Where(f => f.RuleId == ruleId).ToList();
            Assert.NotEmpty(findings);
            Assert.All(findings, f => Assert.Null(f.Fix));
        }
    }
}
