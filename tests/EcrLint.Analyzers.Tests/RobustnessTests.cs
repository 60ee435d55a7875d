using System.Text;
using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers.Tests;

/// <summary>The analyzers never throw (an exception is AD0001 in a user's build): on this repository's code and on odd, incomplete code.</summary>
public class RobustnessTests
{
    private static async Task AssertNoAnalyzerExceptions(IEnumerable<(string Path, string Text)> sources, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var compilation = await Analysis.CompileAsync(sources, kind);
        var (diagnostics, exceptions) = await Analysis.RunAsync(compilation);
        Assert.True(exceptions.Count == 0, string.Join("\n\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Every_cs_file_of_the_repository()
    {
        var files = Directory.EnumerateFiles(Repo.Root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(f => (f, File.ReadAllText(f)))
            .ToList();
        Assert.NotEmpty(files);
        await AssertNoAnalyzerExceptions(files);
    }

    [Fact]
    public async Task Incomplete_and_unresolved_code()
    {
        var sources = new (string, string)[]
        {
            ("Unfinished.cs", """
                using Amazon.CDK;
                using Amazon.CDK.AWS.EC2;
                using Amazon.CDK.AWS.IAM;
                class A : Stack
                {
                    A() : base(null, "A", new StackProps { Env = new Environment { Region = } })
                    {
                        var vpc = new Vpc(this, "V", new VpcProps { NatGateways = });
                        var ep = new InterfaceVpcEndpoint(
                        var s = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "ecr:X", , }, Principals = new IPrincipal[] { new ArnPrincipal( } });
                        s.AddActions(
                        s.AddCondition("StringEquals", new System.Collections.Generic.Dictionary<string, object> { [] = });
                        ep.AddToPolicy(s)
                        vpc.AddInterfaceEndpoint("x", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService. });
                        const string P = "{\"Statement\": [" + ;
                        const string Q = $"{{\"Statement\": [{Missing}]}}";
                """),
            ("Unresolved.cs", """
                using Amazon.CDK.AWS.IAM;
                class B
                {
                    void M()
                    {
                        var s = new PolicyStatement(new UnknownProps { Actions = new[] { "ecr:BatchGetImages" } });
                        s.AddActions(Unknown.Value, "ecr:Y");
                        var d = new PolicyDocument(new PolicyDocumentProps { Statements = statements });
                        d.AddStatements(null, s, default);
                        unknownEndpoint.AddToPolicy(s);
                        new Role(null, "r", null).AddToPolicy(s);
                        var x = new NotAType { Effect = Effect.DENY };
                        x.Sid = 1;
                        s.Effect = (Effect)7;
                        s.Sid = null;
                    }
                }
                """),
            ("Partial1.cs", """
                using Amazon.CDK.AWS.EC2;
                using Amazon.CDK.AWS.IAM;
                partial class P : Amazon.CDK.Stack
                {
                    InterfaceVpcEndpoint _ep;
                    partial void Setup();
                    P() : base(null, "P") { _ep = new InterfaceVpcEndpoint(this, "E", new InterfaceVpcEndpointProps { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER }); Setup(); }
                }
                """),
            ("Partial2.cs", """
                using Amazon.CDK.AWS.IAM;
                partial class P
                {
                    partial void Setup()
                    {
                        _ep.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Sid = "S", Actions = new[] { "ecr:BatchGetImages" }, Resources = new[] { "*" } }));
                        _ep.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Sid = "S", Actions = new[] { "ecr:BatchGetImage" }, Resources = new[] { "*" } }));
                    }
                    partial class Nested { const string J = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ecr:Nope\",\"Resource\":\"*\"}}"; }
                }
                """),
            ("Missing braces.cs", """
                namespace N
                {
                    class C
                    {
                        string S = @"{ ""Statement"": [ { ""Action"": ""ecr:*"" ";
                        string T = "\u00ZZ {\"Statement\":1}";
                        string V = "\UFFFFFFFF {\"Statement\":1}" + "\UD800DC00 {\"Statement\":[]}";
                        const string W = "\U0001F600{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:\U0001F600\",\"Resource\":\"*\"}]}";
                        string U = $@"{{ ""Statement"": {0} ";
                """),
        };
        await AssertNoAnalyzerExceptions(sources);
    }

    [Fact]
    public async Task Generated_stress_code()
    {
        var sb = new StringBuilder();
        sb.AppendLine("using System; using System.Collections.Generic; using System.Linq; using Amazon.CDK; using Amazon.CDK.AWS.EC2; using Amazon.CDK.AWS.IAM; using Constructs;");
        for (var t = 0; t < 40; t++)
        {
            sb.AppendLine($"partial class S{t % 7} : Stack {{");
            sb.AppendLine($"  S{t % 7}(Construct c, int i{t}) : base(c, \"S\") {{");
            sb.AppendLine($"    var vpc{t} = new Vpc(this, \"V{t}\", new VpcProps {{ NatGateways = {t % 2} }});");
            sb.AppendLine($"    var ep{t} = vpc{t}.AddInterfaceEndpoint(\"E{t}\", new InterfaceVpcEndpointOptions {{ Service = InterfaceVpcEndpointAwsService.ECR_DOCKER, PrivateDnsEnabled = {(t % 3 == 0 ? "false" : "true")} }});");
            sb.Append("    Func<int, Func<int, int>> f = a => b => { ");
            for (var n = 0; n < 6; n++) sb.Append($"Action l{n} = () => {{ ep{t}.AddToPolicy(new PolicyStatement(new PolicyStatementProps {{ Actions = new[] {{ \"ecr:BatchGetImage{n}\" }}, Resources = new[] {{ \"*\" }} }})); ");
            for (var n = 0; n < 6; n++) sb.Append("}; ");
            sb.AppendLine("return a + b; };");
            sb.AppendLine($"    const string J{t} = \"{{\\\"Statement\\\":[{{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"ecr:Get{t}\\\",\\\"Resource\\\":\\\"*\\\"}}]}}\";");
            sb.AppendLine($"    var sum = {string.Join(" + ", Enumerable.Range(0, 200).Select(i => "\"" + i + "\""))};");
            sb.AppendLine("  }");
            sb.AppendLine("}");
        }

        await AssertNoAnalyzerExceptions(new[] { ("Stress.cs", sb.ToString()) });
    }

    [Fact]
    public async Task Top_level_statements()
    {
        var program = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.IAM;
            var app = new App();
            var stack = new Stack(app, "S");
            var vpc = new Vpc(stack, "V", new VpcProps { NatGateways = 0 });
            var ep = vpc.AddInterfaceEndpoint("E", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
            ep.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Principals = new IPrincipal[] { new AnyPrincipal() }, Actions = new[] { "ecr:BatchGetImages" }, Resources = new[] { "*" } }));
            app.Synth();
            """;
        var compilation = await Analysis.CompileAsync(new[] { ("Program.cs", program) }, OutputKind.ConsoleApplication);
        var (diagnostics, exceptions) = await Analysis.RunAsync(compilation);
        Assert.Empty(exceptions);
        Assert.Contains(diagnostics, d => d.Id == "ECR201");
    }
}
