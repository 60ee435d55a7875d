using System.Text;
using EcrLint.Engine;
using EcrLint.Rules;

namespace EcrLint.Tests.CloudFormation;

public class TemplateLintTests
{
    private static FileLintResult Lint(string text, string path, bool explicitFile = true, InputKind kind = InputKind.Auto) =>
        Linter.LintFile(path, Encoding.UTF8.GetBytes(text), RuleTestHelper.Context(), kind, explicitFile);

    private static string FileText(Finding f) => f.Location.Outer.Document.Text.Substring(f.Location.FileSpan.Start, f.Location.FileSpan.Length);

    private const string Unversioned = """
        Resources:
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Metadata:
              ecrlint:
                suppress:
                  - id: ECR401
                    reason: the policy is generated and versioned elsewhere
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: arn:aws:s3:::b/*
          Writer:
            Type: AWS::IAM::ManagedPolicy
            Metadata:
              ecrlint:
                suppress:
                  - id: ECR401
                  - id: ECR999
                    reason: typo
                  - id: ecr401
                    reason: "   "
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: s3:PutObject
                    Resource: arn:aws:s3:::b/*
        """;

    [Fact]
    public void Metadata_suppressions_apply_inside_their_resource_and_bad_entries_are_reported()
    {
        var result = Lint(Unversioned, "t.yaml");
        Assert.Equal(InputKind.Template, result.Kind);
        var version = result.Findings.Where(f => f.RuleId == "ECR401").OrderBy(f => f.Location.Start.Line).ToList();
        Assert.Equal(2, version.Count);
        Assert.True(version[0].IsSuppressed);
        Assert.Equal("metadata", version[0].Suppression!.Kind);
        Assert.Equal("the policy is generated and versioned elsewhere", version[0].Suppression!.Justification);
        Assert.Equal("/Resources/Reader/Properties/PolicyDocument/Statement", version[0].Pointer);
        // The Writer's entries have no reason or name no rule: nothing is suppressed, each entry is reported.
        Assert.False(version[1].IsSuppressed);
        var problems = result.Findings.Where(f => f.RuleId == "ECR400").OrderBy(f => f.Location.Start.Line).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains("has no `reason`", problems[0].Message);
        Assert.Equal("ECR401", FileText(problems[0]));
        Assert.Contains("`ECR999`", problems[1].Message);
        Assert.Equal("ECR999", FileText(problems[1]));
        Assert.Contains("has no `reason`", problems[2].Message);
        Assert.Equal("/Resources/Writer/Metadata/ecrlint/suppress/0/id", problems[0].Pointer);
    }

    [Fact]
    public void A_yaml_alias_bomb_is_a_located_ecr400()
    {
        var sb = new StringBuilder("Resources:\n  X:\n    Type: T\nA: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
            sb.Append(char.ToUpperInvariant(c)).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + (char)(c - 1), 9))).Append("]\n");
        var f = Assert.Single(Lint(sb.ToString(), "bomb.yaml").Findings);
        Assert.Equal("ECR400", f.RuleId);
        Assert.Contains("alias bomb", f.Message);
        Assert.StartsWith("*", FileText(f));
        Assert.True(f.Location.Start.Line > 4);
    }

    [Theory]
    [InlineData("Resources:\n  X:\n    Type: [a, b\n", 4)]
    [InlineData("Resources:\n  X: {Type: T\n  Y: 1\n", 2)]
    [InlineData("Resources:\n  X:\n    Properties:\n      A: b: c\n", 4)]
    public void Malformed_yaml_is_a_located_ecr400(string text, int line)
    {
        var f = Assert.Single(Lint(text, "t.yaml").Findings);
        Assert.Equal("ECR400", f.RuleId);
        Assert.Contains("YAML", f.Message);
        Assert.Equal(line, f.Location.Start.Line);
    }

    [Fact]
    public void A_folder_walk_skips_yaml_that_is_not_a_template_but_reports_broken_templates()
    {
        var workflow = Lint("name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n", ".github/ci.yml", explicitFile: false);
        Assert.False(workflow.Recognized);
        Assert.Empty(workflow.Findings);
        var k8s = Lint("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Service\n", "k8s.yaml", explicitFile: false);
        Assert.False(k8s.Recognized);
        var broken = Lint("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: [\n", "t.yaml", explicitFile: false);
        Assert.True(broken.Recognized);
        Assert.Equal("ECR400", Assert.Single(broken.Findings).RuleId);
        var brokenJson = Lint("{ \"Resources\": { \"X\": } }", "t.json", explicitFile: false);
        Assert.Equal("ECR400", Assert.Single(brokenJson.Findings).RuleId);
    }

    [Theory]
    [InlineData("stack.template", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")]
    [InlineData("stack.template", "{ \"Resources\": { \"Q\": { \"Type\": \"AWS::SQS::Queue\" } } }")]
    [InlineData("stack.yml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n")]
    [InlineData("cdk.out/App.template.json", "{ \"Resources\": { \"Q\": { \"Type\": \"AWS::SQS::Queue\" } } }")]
    public void Templates_are_detected_in_json_and_yaml(string path, string text)
    {
        var result = Lint(text, path);
        Assert.Equal(InputKind.Template, result.Kind);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_policy_file_in_yaml_is_linted_and_json_only_fixes_are_dropped()
    {
        var result = Lint("Statement:\n  - Effect: Allow\n    Principal: '*'\n    Action: ecr:BatchGetImage\n    Resource: '*'\n", "pull.ecr-endpoint-policy.yaml");
        Assert.Equal(InputKind.EcrEndpoint, result.Kind);
        var f = Assert.Single(result.Findings, x => x.RuleId == "ECR401");
        Assert.Null(f.Fix);
    }

    [Fact]
    public void Something_that_is_not_a_template_given_as_one_is_an_ecr400()
    {
        var f = Assert.Single(Lint("{ \"Statement\": [] }", "t.json", kind: InputKind.Template).Findings);
        Assert.Equal("ECR400", f.RuleId);
        Assert.Contains("not a CloudFormation template", f.Message);
    }

    [Fact]
    public void Correct_samples_have_no_policy_findings_in_recommended_mode()
    {
        foreach (var name in new[] { "correct.fargate-privatelink.json", "correct.fargate-privatelink.yaml", "correct.ec2-privatelink.json" })
        {
            var path = Repo.PathOf("samples", "templates", name);
            var result = Linter.LintFile(path, File.ReadAllBytes(path), new LintContext { Region = "us-east-1", Account = "210987654321" });
            Assert.Equal(InputKind.Template, result.Kind);
            Assert.True(result.Findings.Count == 0, name + ":\n" + string.Join("\n", result.Findings));
        }
    }

    [Fact]
    public void Every_template_sample_is_read_without_errors()
    {
        foreach (var path in Directory.GetFiles(Repo.PathOf("samples", "templates")))
        {
            var result = Linter.LintFile(path, File.ReadAllBytes(path), new LintContext(), InputKind.Auto, explicitFile: false);
            Assert.True(result.Recognized, path);
            Assert.Equal(InputKind.Template, result.Kind);
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "ECR400");
            Assert.All(result.Findings, f => Assert.StartsWith("/Resources/", f.Pointer));
        }
    }
}
