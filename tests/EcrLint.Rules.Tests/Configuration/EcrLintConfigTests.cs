using EcrLint.Configuration;
using EcrLint.Rules;

namespace EcrLint.Tests.Configuration;

/// <summary>
/// The shared <c>.ecrlint.json</c> reader (the command line's behaviour is covered by its own tests): strict JSON
/// plus comments and trailing commas, positions for errors, paths relative to the file's folder.
/// </summary>
public class EcrLintConfigTests
{
    private static readonly string Root = OperatingSystem.IsWindows() ? @"C:\repo" : "/repo";
    private static readonly string ConfigPath = Path.Combine(Root, ".ecrlint.json");

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var config = EcrLintConfig.Parse("{ /* ctx */ \"region\": \"eu-west-1\", // trailing\n \"exclude\": [\"a/**\",], }\n// end\n", ConfigPath);
        Assert.Equal("eu-west-1", config.Region);
        Assert.Single(config.Exclude);
    }

    [Theory]
    [InlineData("{ 'region': \"eu-west-1\" }")]
    [InlineData("{ region: \"eu-west-1\" }")]
    [InlineData("{ \"region\": 'eu-west-1' }")]
    [InlineData("{ \"region\": \"eu-west-1\" } {}")]
    [InlineData("{ \"region\": ")]
    [InlineData("")]
    public void Other_json_leniencies_are_errors(string text)
    {
        var e = Assert.Throws<EcrLintConfigException>(() => EcrLintConfig.Parse(text, ConfigPath, ".ecrlint.json"));
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Errors_carry_the_line_of_the_offending_value()
    {
        var e = Assert.Throws<EcrLintConfigException>(() => EcrLintConfig.Parse("{\n  \"region\": \"eu-west-1\",\n  \"suppressions\": [\n    { \"rule\": \"ECR401\" }\n  ]\n}\n", ConfigPath, ".ecrlint.json"));
        Assert.Contains("suppressions[0] (rule ECR401) has no \"reason\"", e.Message);
        Assert.Equal(4, e.Line);
        Assert.True(e.Column >= 1);
    }

    [Fact]
    public void The_last_of_duplicate_keys_counts()
    {
        var config = EcrLintConfig.Parse("{ \"region\": \"eu-west-1\", \"region\": \"us-east-1\" }", ConfigPath);
        Assert.Equal("us-east-1", config.Region);
    }

    [Fact]
    public void Suppressions_match_paths_relative_to_the_config_folder()
    {
        var config = EcrLintConfig.Parse("""
            { "suppressions": [
                { "rule": "ECR403", "path": "policies/*.json", "pointer": "/Statement/0", "reason": "legacy" },
                { "rule": "ECR401", "reason": "everywhere" } ] }
            """, ConfigPath);
        var file = Path.Combine(Root, "policies", "a.json");
        Assert.Equal("legacy", config.SuppressionFor("ECR403", file, "/Statement/0/Effect")?.Reason);
        Assert.Null(config.SuppressionFor("ECR403", file, "/Statement/1/Effect"));
        Assert.Null(config.SuppressionFor("ECR403", Path.Combine(Root, "other", "a.json"), "/Statement/0"));
        Assert.Equal("everywhere", config.SuppressionFor("ECR401", Path.Combine(Root, "deep", "x", "b.json"), null)?.Reason);
        Assert.Null(config.SuppressionFor("ECR402", file, "/Statement/0"));
    }

    [Fact]
    public void Severity_mode_and_kinds_are_read()
    {
        var config = EcrLintConfig.Parse("""{ "mode": "all-info", "severity": { "ecr401": "error", "ECR402": "default" }, "kinds": { "net/*.json": "s3-endpoint" } }""", ConfigPath);
        Assert.Equal(LintMode.AllInfo, config.Mode);
        Assert.Equal(Severity.Error, config.Severity["ECR401"]);
        Assert.Null(config.Severity["ECR402"]);
        Assert.Equal(EcrLint.Engine.InputKind.S3Endpoint, config.KindFor(Path.Combine(Root, "net", "a.json")));
    }

    [Theory]
    [InlineData("a.json", "a.json")]
    [InlineData("x/y/a.json", "x/y/a.json")]
    [InlineData("../a.json", "../a.json")]
    [InlineData("../other/a.json", "../other/a.json")]
    public void Relative_paths_use_forward_slashes(string relative, string expected)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        Assert.Equal(expected, EcrLintConfig.GetRelativePath(Root, full));
    }
}
