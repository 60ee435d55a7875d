using System.Text;
using EcrLint.CloudFormation;
using EcrLint.Engine;
using EcrLint.Rules;

namespace EcrLint.Tests.CloudFormation;

public sealed class CloudAssemblyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ecrlint-cdk-" + Guid.NewGuid().ToString("N"));

    public CloudAssemblyTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "cdk.out", "assembly-Prod"));
        Directory.CreateDirectory(Path.Combine(_dir, "cdk.out", "asset.0123abcd"));
        Write("cdk.out/manifest.json", """
            {
              "version": "36.0.0",
              "artifacts": {
                "Network": { "type": "aws:cloudformation:stack", "environment": "aws://210987654321/eu-west-1",
                  "properties": { "templateFile": "Network.template.json", "stackName": "network-stack" } },
                "Agnostic": { "type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
                  "properties": { "templateFile": "Agnostic.template.json" } },
                "Network.assets": { "type": "cdk:asset-manifest", "properties": { "file": "Network.assets.json" } },
                "Tree": { "type": "cdk:tree", "properties": { "file": "tree.json" } },
                "assembly-Prod": { "type": "cdk:cloud-assembly", "properties": { "directoryName": "assembly-Prod", "displayName": "Prod" } }
              }
            }
            """);
        Write("cdk.out/assembly-Prod/manifest.json", """
            { "version": "36.0.0", "artifacts": { "ProdApp": { "type": "aws:cloudformation:stack", "environment": "aws://111111111111/ap-southeast-2",
              "properties": { "templateFile": "ProdApp.template.json" } } } }
            """);
        const string template = """
            {
              "Resources": {
                "Policy": { "Type": "AWS::IAM::ManagedPolicy", "Properties": { "PolicyDocument": {
                  "Statement": [ { "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": { "Fn::Sub": "arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/app" } } ] } } },
                "Dkr": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": "vpc-1", "VpcEndpointType": "Interface", "PrivateDnsEnabled": true,
                  "ServiceName": { "Fn::Join": ["", ["com.amazonaws.", { "Ref": "AWS::Region" }, ".ecr.dkr"]] } } }
              }
            }
            """;
        Write("cdk.out/Network.template.json", template);
        Write("cdk.out/Agnostic.template.json", template);
        Write("cdk.out/assembly-Prod/ProdApp.template.json", template);
        Write("cdk.out/Network.assets.json", "{ \"version\": \"36.0.0\", \"files\": {} }");
        Write("cdk.out/tree.json", "{ \"version\": \"tree-0.1\", \"tree\": { \"id\": \"App\" } }");
        Write("cdk.out/asset.0123abcd/template.json", "{ \"Resources\": { \"X\": { \"Type\": \"AWS::IAM::ManagedPolicy\", \"Properties\": { \"PolicyDocument\": { \"Statement\": [] } } } } }");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string PathOf(string relative) => Path.Combine(_dir, relative.Replace('/', Path.DirectorySeparatorChar));

    private void Write(string relative, string text) => File.WriteAllText(PathOf(relative), text);

    [Theory]
    [InlineData("aws://210987654321/eu-west-1", "210987654321", "eu-west-1")]
    [InlineData("aws://unknown-account/unknown-region", null, null)]
    [InlineData("aws://210987654321/unknown-region", "210987654321", null)]
    [InlineData("aws://${Token[AWS.AccountId.1]}/${Token[AWS.Region.2]}", null, null)]
    [InlineData("gcp://x/y", null, null)]
    [InlineData(null, null, null)]
    public void Environments_are_parsed(string? env, string? account, string? region)
    {
        Assert.Equal((account, region), CloudAssembly.ParseEnvironment(env));
    }

    [Fact]
    public void A_folder_walk_learns_which_templates_to_lint_and_with_which_environment()
    {
        Assert.Null(CloudAssembly.Plan(_dir));
        var plan = CloudAssembly.Plan(PathOf("cdk.out"));
        Assert.NotNull(plan);
        Assert.True(CloudAssembly.IsCloudAssembly(PathOf("cdk.out")));
        Assert.Equal(new[] { "Network", "Agnostic", "ProdApp" }, plan!.Stacks.Select(s => s.ArtifactId));
        var network = plan.Stacks[0];
        Assert.Equal(Path.GetFullPath(PathOf("cdk.out/Network.template.json")), Path.GetFullPath(network.TemplatePath));
        Assert.Equal(("210987654321", "eu-west-1", "network-stack"), (network.Account, network.Region, network.StackName));
        Assert.Equal((null, null), (plan.Stacks[1].Account, plan.Stacks[1].Region));
        Assert.Equal("ap-southeast-2", plan.Stacks[2].Region);
        Assert.True(File.Exists(plan.Stacks[2].TemplatePath));
        Assert.DoesNotContain(plan.Stacks, s => s.TemplatePath.Contains("asset."));
    }

    [Fact]
    public void Linting_an_assembly_uses_each_stacks_region_and_account()
    {
        var results = DocumentLinter.LintCloudAssembly(PathOf("cdk.out"), new LintContext { Region = "us-east-1", Severities = new SeverityPolicy(LintMode.Strict) });
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal(InputKind.Template, r.Kind));
        Assert.All(results, r => Assert.Contains(r.Findings, f => f.RuleId == "ECR401"));
    }

    [Fact]
    public void A_template_in_an_assembly_takes_its_environment_from_the_manifest()
    {
        var stack = CloudAssembly.StackFor(PathOf("cdk.out/Network.template.json"));
        Assert.Equal("eu-west-1", stack!.Region);
        Assert.Null(CloudAssembly.StackFor(PathOf("cdk.out/tree.json")));
        Assert.Null(CloudAssembly.StackFor(Path.Combine(_dir, "nothing.template.json")));

        var (_, root) = TemplateTestHelper.Parse(File.ReadAllText(PathOf("cdk.out/Network.template.json")), "t.json");
        var model = TemplateModel.Build(CfnTemplate.Read(root), new CfnEnvironment { Region = stack.Region, Account = stack.Account });
        Assert.Equal("eu-west-1", TemplateTestHelper.Endpoint(model, "Dkr").Service!.Region);
        Assert.Equal("arn:aws:ecr:eu-west-1:210987654321:repository/app", model.Policies.Single().Policy!.Statements[0].Resource!.Values[0].Value);
    }

    [Fact]
    public void LintFile_on_a_manifest_lints_every_stack_and_a_walk_skips_it()
    {
        var manifest = PathOf("cdk.out/manifest.json");
        var result = Linter.LintFile(manifest, File.ReadAllBytes(manifest), RuleTestHelper.Context());
        Assert.Equal(InputKind.Template, result.Kind);
        Assert.Equal(3, result.Findings.Count(f => f.RuleId == "ECR401"));
        Assert.Contains(result.Findings, f => f.Location.Path.EndsWith("ProdApp.template.json", StringComparison.Ordinal));
        var walked = Linter.LintFile(manifest, File.ReadAllBytes(manifest), RuleTestHelper.Context(), InputKind.Auto, explicitFile: false);
        Assert.False(walked.Recognized);
        Assert.Empty(walked.Findings);
        foreach (var other in new[] { "cdk.out/tree.json", "cdk.out/Network.assets.json" })
            Assert.False(Linter.LintFile(other, File.ReadAllBytes(PathOf(other)), RuleTestHelper.Context(), InputKind.Auto, explicitFile: false).Recognized);
    }

    [Fact]
    public void A_missing_template_is_a_read_error_not_a_crash()
    {
        File.Delete(PathOf("cdk.out/Agnostic.template.json"));
        var results = DocumentLinter.LintCloudAssembly(PathOf("cdk.out"), new LintContext());
        Assert.NotNull(results[1].ReadError);
        Assert.Null(results[0].ReadError);
    }
}
