namespace EcrLint.Analyzers.Tests;

/// <summary>What a code fix finds in a diagnostic's properties.</summary>
public class DiagnosticPropertiesTests
{
    [Fact]
    public async Task Json_string_fix_carries_the_edit_in_source_terms()
    {
        var source = """
            class Policies
            {
                const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:batchgetimage\",\"Resource\":\"*\"}]}";
            }
            """;
        var compilation = await Analysis.CompileAsync(new[] { ("Policies.cs", source) });
        var (diagnostics, exceptions) = await Analysis.RunAsync(compilation, new CSharpPolicyAnalyzer());
        Assert.Empty(exceptions);
        var d = Assert.Single(diagnostics, d => d.Id == "ECR208");
        var literal = "\\\"ecr:batchgetimage\\\"";
        var start = source.IndexOf(literal, StringComparison.Ordinal);
        Assert.Equal(start, d.Location.SourceSpan.Start);
        Assert.Equal(literal.Length, d.Location.SourceSpan.Length);
        Assert.Equal("JsonString", d.Properties["EcrLint.Source"]);
        Assert.Equal("CanonicalActionCasing", d.Properties["EcrLint.FixKey"]);
        Assert.Equal("1", d.Properties["EcrLint.EditCount"]);
        Assert.Equal($"{start},{literal.Length},Regular,0", d.Properties["EcrLint.Edit0"]);
        Assert.Equal("\"ecr:BatchGetImage\"", d.Properties["EcrLint.Edit0.Text"]);
    }

    [Fact]
    public async Task Json_string_fix_inside_a_constant_from_elsewhere_is_not_offered()
    {
        var names = "static class Names { public const string A = \"ecr:batchgetimage\"; }";
        var source = """
            class Policies
            {
                const string Pull = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"" + Names.A + "\",\"Resource\":\"*\"}]}";
            }
            """;
        var compilation = await Analysis.CompileAsync(new[] { ("Policies.cs", source), ("Names.cs", names) });
        var (diagnostics, _) = await Analysis.RunAsync(compilation, new CSharpPolicyAnalyzer());
        var d = Assert.Single(diagnostics, d => d.Id == "ECR208");
        Assert.False(d.Properties.ContainsKey("EcrLint.EditCount"));
        Assert.False(d.Properties.ContainsKey("EcrLint.FixKey"));
    }

    [Fact]
    public async Task Cdk_findings_carry_the_engine_replacement()
    {
        var source = """
            using System.Collections.Generic;
            using Amazon.CDK.AWS.IAM;
            static class Statements
            {
                public static PolicyStatement Pull() => new PolicyStatement(new PolicyStatementProps
                {
                    Actions = new[] { "ecr:batchgetimage", "ecr:GetDownloadUrlForLayers" },
                    Resources = new[] { "*" },
                    Conditions = new Dictionary<string, object> { ["StringEqual"] = new Dictionary<string, object> { ["aws:SourceVpce"] = "vpce-0123456789abcdef0" } },
                });
            }
            """;
        var compilation = await Analysis.CompileAsync(new[] { ("Statements.cs", source) });
        var (diagnostics, exceptions) = await Analysis.RunAsync(compilation, new CSharpPolicyAnalyzer());
        Assert.Empty(exceptions);
        var casing = Assert.Single(diagnostics, d => d.Id == "ECR208");
        Assert.Equal("Cdk", casing.Properties["EcrLint.Source"]);
        Assert.Equal("ecr:BatchGetImage", casing.Properties["EcrLint.Replacement"]);
        var unknown = Assert.Single(diagnostics, d => d.Id == "ECR201");
        Assert.Equal("ecr:GetDownloadUrlForLayer", unknown.Properties["EcrLint.Replacement"]);
        var op = Assert.Single(diagnostics, d => d.Id == "ECR413");
        Assert.Equal("StringEquals", op.Properties["EcrLint.Replacement"]);
    }
}
