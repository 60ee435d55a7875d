using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.Windows;

public class NondistributableArtifactsRuleTests
{
    private const InputKind Daemon = InputKind.Daemon;

    [Fact]
    public void ECR501_fires_on_each_entry_that_is_not_a_bare_ECR_host()
    {
        var result = Verify("""
            {
              "allow-nondistributable-artifacts": [
                {|ECR501:"https://111122223333.dkr.ecr.us-west-2.amazonaws.com"|},
                {|ECR501:"111122223333.dkr.ecr.us-west-2.amazonaws.com/windows-app"|},
                {|ECR501:"111122223333.dkr.ecr.us-west-2.amazonaws.com:443"|},
                {|ECR501:"111122223333.dkr.ecr.us-west-2.amazonaws.co"|},
                {|ECR501:"myregistry.example.com"|},
                {|ECR501:"11112222333.dkr.ecr.us-west-2.amazonaws.com"|},
                {|ECR501:"111122223333.dkr.ecr.us-west-9.amazonaws.com"|},
                {|ECR501:"111122223333.dkr.ecr.cn-north-1.amazonaws.com"|},
                {|ECR501:42|},
                "111122223333.dkr.ecr.us-west-2.amazonaws.com",
                "111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn",
                "111122223333.dkr.ecr-fips.us-gov-west-1.amazonaws.com"
              ]
            }
            """, kind: Daemon);
        var messages = result.Findings.Where(f => f.RuleId == "ECR501").Select(f => f.Message).ToList();
        Assert.Contains(messages, m => m.Contains("it has a scheme (`https://`)") && m.EndsWith("Use the bare host `111122223333.dkr.ecr.us-west-2.amazonaws.com`."));
        Assert.Contains(messages, m => m.Contains("it has a path (`/windows-app`)"));
        Assert.Contains(messages, m => m.Contains("it has a port (`:443`)"));
        Assert.Contains(messages, m => m.Contains("the domain `amazonaws.co` is not `amazonaws.com`") || m.Contains("does not have the shape"));
        Assert.Contains(messages, m => m.Contains("`myregistry.example.com` is not an ECR registry host"));
        Assert.Contains(messages, m => m.Contains("the account `11112222333` is not 12 digits"));
        Assert.Contains(messages, m => m.Contains("`us-west-9` is not a known region"));
        Assert.Contains(messages, m => m.Contains("the domain `amazonaws.com` is not `amazonaws.com.cn`"));
        Assert.Contains(messages, m => m.Contains("is a number, not a registry host"));
    }

    [Fact]
    public void ECR501_is_silent_on_the_aws_example()
    {
        VerifyNone("""{ "allow-nondistributable-artifacts": [ "111122223333.dkr.ecr.us-west-2.amazonaws.com" ] }""", kind: Daemon, rules: ["ECR501"]);
        VerifyNone("""{ "debug": true }""", kind: Daemon, rules: ["ECR501", "ECR502"]);
    }

    [Fact]
    public void ECR501_fix_strips_scheme_path_and_port_to_the_host()
    {
        VerifyFix("ECR501",
            "{\r\n  \"allow-nondistributable-artifacts\": [\r\n    \"https://111122223333.dkr.ecr.us-west-2.amazonaws.com/\",\r\n    \"111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:443\",\r\n    \"111122223333.DKR.ECR.us-east-1.amazonaws.com:443\"\r\n  ]\r\n}\r\n",
            "{\r\n  \"allow-nondistributable-artifacts\": [\r\n    \"111122223333.dkr.ecr.us-west-2.amazonaws.com\",\r\n    \"111122223333.dkr.ecr.eu-west-1.amazonaws.com\",\r\n    \"111122223333.dkr.ecr.us-east-1.amazonaws.com\"\r\n  ]\r\n}\r\n",
            kind: Daemon);
    }

    [Fact]
    public void ECR501_offers_no_fix_for_a_host_that_is_not_ECR()
    {
        var f = Assert.Single(Findings("""{ "allow-nondistributable-artifacts": [ "https://myregistry.example.com/x" ] }""", "ECR501", kind: Daemon));
        Assert.Null(f.Fix);
    }

    [Fact]
    public void ECR501_fires_on_a_single_string_and_wraps_it_in_an_array()
    {
        Verify("""{ "allow-nondistributable-artifacts": {|ECR501:"111122223333.dkr.ecr.us-west-2.amazonaws.com"|} }""", kind: Daemon);
        VerifyFix("ECR501",
            """{ "allow-nondistributable-artifacts": "111122223333.dkr.ecr.us-west-2.amazonaws.com" }""",
            """{ "allow-nondistributable-artifacts": ["111122223333.dkr.ecr.us-west-2.amazonaws.com"] }""",
            kind: Daemon);
    }

    [Fact]
    public void ECR502_fires_on_the_key_when_the_option_is_used()
    {
        var result = Verify("""{ {|ECR502:"allow-nondistributable-artifacts"|}: [ "111122223333.dkr.ecr.us-west-2.amazonaws.com" ] }""", kind: Daemon);
        Assert.Contains("Docker Engine 28 deprecated it", Assert.Single(result.Findings, f => f.RuleId == "ECR502").Message);
    }

    [Fact]
    public void ECR502_is_silent_without_the_option_or_with_an_empty_list()
    {
        VerifyNone("""{ "allow-nondistributable-artifacts": [] }""", kind: Daemon, rules: ["ECR501", "ECR502"]);
        VerifyNone("""{ "log-driver": "json-file" }""", kind: Daemon, rules: ["ECR502"]);
    }

    [Fact]
    public void The_samples_behave()
    {
        foreach (var (name, ecr501) in new[] { ("daemon.json", 0), ("daemon.broken.json", 5) })
        {
            var path = Repo.PathOf("samples", "docker", name);
            var result = Linter.LintFile(path, File.ReadAllBytes(path), Context());
            Assert.Equal(ecr501, result.Findings.Count(f => f.RuleId == "ECR501"));
            Assert.Single(result.Findings, f => f.RuleId == "ECR502");
        }
    }
}
