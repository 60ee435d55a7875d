using EcrLint.Engine;
using EcrLint.Rules;
using static EcrLint.Tests.Rules.Endpoints.Templates.TemplateRuleHelper;

namespace EcrLint.Tests.Rules.Endpoints.Templates;

/// <summary>The front end's broken template samples (<c>samples/templates/ECRnnn.bad.*</c>) fire their rule where the defect is.</summary>
public class TemplateSamplesTests
{
    [Theory]
    [InlineData("ECR001.bad.missing-ecr-dkr.yaml", "/Resources/Vpc")]
    [InlineData("ECR002.bad.missing-ecr-api.json", "/Resources/Vpc")]
    [InlineData("ECR003.bad.missing-s3-gateway.yaml", "/Resources/Vpc")]
    [InlineData("ECR004.bad.awslogs-without-logs-endpoint.json", "/Resources/TaskDefinition/Properties/ContainerDefinitions/0/LogConfiguration/LogDriver")]
    [InlineData("ECR005.bad.ec2-tasks-without-ecs-endpoints.yaml", "/Resources/ContainerInstances", "/Resources/Service")]
    [InlineData("ECR006.bad.private-dns-omitted.json", "/Resources/EcrDkrEndpoint/Properties")]
    [InlineData("ECR007.bad.ecr-api-private-dns-off.yaml", "/Resources/EcrApiEndpoint/Properties/PrivateDnsEnabled")]
    [InlineData("ECR008.bad.isolated-without-endpoints.yaml", "/Resources/Vpc")]
    [InlineData("ECR009.bad.region-mismatch.json", "/Resources/TaskDefinition/Properties/ContainerDefinitions/0/Image")]
    [InlineData("ECR010.bad.service-name-shapes.yaml", "/Resources/EcrApiEndpoint/Properties/ServiceName", "/Resources/EcrDkrEndpoint/Properties/ServiceName", "/Resources/LogsEndpoint/Properties/ServiceName")]
    [InlineData("ECR011.bad.wrong-type.json", "/Resources/EcrDkrEndpoint/Properties")]
    [InlineData("ECR012.bad.security-group-without-443.yaml", "/Resources/EcrApiEndpoint/Properties/SecurityGroupIds", "/Resources/EcrDkrEndpoint/Properties/SecurityGroupIds", "/Resources/LogsEndpoint/Properties/SecurityGroupIds")]
    [InlineData("ECR013.bad.s3-gateway-without-route-tables.json", "/Resources/S3GatewayEndpoint/Properties")]
    [InlineData("ECR014.bad.public-images.yaml", "/Resources/TaskDefinition/Properties/ContainerDefinitions/0/Image", "/Resources/TaskDefinition/Properties/ContainerDefinitions/1/Image")]
    [InlineData("ECR015.bad.pull-through-cache-without-nat.json", "/Resources/EcrPublicCache")]
    [InlineData("ECR016.bad.different-endpoint-policies.yaml", "/Resources/EcrDkrEndpoint/Properties/PolicyDocument/Statement")]
    [InlineData("ECR017.bad.custom-dhcp-dns.json", "/Resources/DhcpOptions/Properties/DomainNameServers/0")]
    [InlineData("ECR503.bad.windows-tasks.yaml", "/Resources/TaskDefinition/Properties/RuntimePlatform/OperatingSystemFamily")]
    public void Each_broken_sample_fires_its_rule_at_the_defect(string name, params string[] pointers)
    {
        var path = Repo.PathOf("samples", "templates", name);
        var id = name.Substring(0, 6);
        var findings = Lint(File.ReadAllText(path), path).Findings;
        Assert.Equal(pointers.Order(StringComparer.Ordinal), findings.Where(f => f.RuleId == id).Select(f => f.Pointer).Order(StringComparer.Ordinal));

        // Each sample shows one defect: other endpoint rules stay silent, except the ones the defect implies.
        var implied = new Dictionary<string, string[]>
        {
            ["ECR003"] = new[] { "ECR011" },          // the S3 interface endpoint is also the wrong type
            ["ECR008"] = new[] { "ECR004" },          // no endpoints at all: no logs endpoint either
            ["ECR010"] = new[] { "ECR004" },          // the sample's "LogsEndpoint" names ecr-dkr
        };
        var others = findings.Where(f => f.RuleId != id && MissingEcrEndpointsRuleTests.RuleIds().Contains(f.RuleId)).Select(f => f.RuleId).Distinct();
        Assert.Equal(implied.TryGetValue(id, out var allowed) ? allowed : Array.Empty<string>(), others);
    }

    [Fact]
    public void Endpoint_rules_run_on_describe_output_and_stay_silent_on_what_it_cannot_say()
    {
        var bad = Repo.PathOf("samples", "deployed", "describe-vpc-endpoints.json");
        var good = Repo.PathOf("samples", "deployed", "describe-vpc-endpoints.correct.json");
        var context = new LintContext { Severities = new SeverityPolicy(LintMode.Strict) };
        var badResult = Linter.LintFile(bad, File.ReadAllBytes(bad), context);
        var goodResult = Linter.LintFile(good, File.ReadAllBytes(good), context);
        Assert.Equal(InputKind.Describe, badResult.Kind);
        Assert.Contains(badResult.Findings, f => f.RuleId.StartsWith("ECR0", StringComparison.Ordinal));
        Assert.DoesNotContain(goodResult.Findings, f => f.RuleId.StartsWith("ECR0", StringComparison.Ordinal));

        // Describe output has no NAT gateways, security groups or workloads: those rules need facts it lacks.
        Assert.DoesNotContain(badResult.Findings, f => f.RuleId is "ECR004" or "ECR005" or "ECR008" or "ECR012" or "ECR014" or "ECR015" or "ECR503");
    }

    [Fact]
    public void An_endpoint_fix_keeps_CRLF_line_endings()
    {
        var bad = Edit(Correct, ("      ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr\n      VpcEndpointType: Interface\n      PrivateDnsEnabled: true\n",
            "      ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr\n      VpcEndpointType: Interface\n")).Replace("\n", "\r\n");
        var fixes = Lint(bad, "t.yaml").Findings.Where(f => f.RuleId == "ECR006" && f.Fix is not null).Select(f => f.Fix!).ToList();
        var fixedText = EcrLint.Fixes.TextEdits.Apply(bad, Assert.Single(fixes).Edits);
        Assert.Contains("      SecurityGroupIds: [!Ref EndpointSg]\r\n      PrivateDnsEnabled: true\r\n  Logs:", fixedText);
        Assert.DoesNotContain(Lint(fixedText, "t.yaml").Findings, f => f.RuleId is "ECR006" or "ECR400");
        Assert.DoesNotContain("\r\r", fixedText);
        Assert.Equal(fixedText.Count(c => c == '\n'), fixedText.Split("\r\n").Length - 1);
    }
}
