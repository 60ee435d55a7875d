using EcrLint.Cli.Configuration;
using EcrLint.Engine;
using EcrLint.Rules;
using EcrLint.Configuration;

namespace EcrLint.Cli.Tests.Unit;

public class ConfigurationTests
{
    private static ResolvedSettings Resolve(TempDir dir, CliOptions? options = null, string? cwd = null) =>
        SettingsResolver.Resolve(options ?? new CliOptions(), cwd ?? dir.Path, new List<string>());

    [Fact]
    public void Reads_every_key_of_ecrlint_json()
    {
        using var dir = new TempDir();
        var path = dir.File(".ecrlint.json", """
            {
              // comments and trailing commas are accepted
              "region": "eu-west-1",
              "account": "111122223333",
              "mode": "strict",
              "severity": { "ECR401": "none", "ecr402": "warning" },
              "exclude": ["vendor/**", "*.generated.json"],
              "kinds": { "endpoints/s3/*.json": "s3-endpoint" },
              "suppressions": [ { "rule": "ECR402", "path": "legacy/*.json", "pointer": "/Statement/0", "reason": "migrating" } ],
            }
            """);
        var config = EcrLintConfig.Load(path, ".ecrlint.json");
        Assert.Equal("eu-west-1", config.Region);
        Assert.Equal("111122223333", config.Account);
        Assert.Equal(LintMode.Strict, config.Mode);
        Assert.Equal(Severity.None, config.Severity["ECR401"]);
        Assert.Equal(Severity.Warning, config.Severity["ECR402"]);
        Assert.True(config.IsExcluded(dir.Full("vendor/a/b.json")));
        Assert.True(config.IsExcluded(dir.Full("deep/x.generated.json")));
        Assert.False(config.IsExcluded(dir.Full("src/x.json")));
        Assert.Equal(InputKind.S3Endpoint, config.KindFor(dir.Full("endpoints/s3/a.json")));
        Assert.Null(config.KindFor(dir.Full("endpoints/ecr/a.json")));
        var s = Assert.Single(config.Suppressions);
        Assert.True(s.Matches("ECR402", "legacy/a.json", "/Statement/0/Resource"));
        Assert.True(s.Matches("ECR402", "legacy/a.json", "/Statement/0"));
        Assert.False(s.Matches("ECR402", "legacy/a.json", "/Statement/01"));
        Assert.False(s.Matches("ECR402", "other/a.json", "/Statement/0"));
        Assert.False(s.Matches("ECR401", "legacy/a.json", "/Statement/0"));
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void A_suppression_without_a_reason_is_a_usage_error()
    {
        var e = Assert.Throws<EcrLintConfigException>(() => EcrLintConfig.Parse("""{"suppressions":[{"rule":"ECR401","path":"*.json"}]}""", "/x/.ecrlint.json", ".ecrlint.json"));
        Assert.Contains("suppressions[0]", e.Message);
        Assert.Contains("reason", e.Message);
    }

    [Theory]
    [InlineData("""{"mode":"loose"}""", "not a mode")]
    [InlineData("""{"severity":{"ECR999":"error"}}""", "not a rule ID")]
    [InlineData("""{"severity":{"ECR401":"fatal"}}""", "not a severity")]
    [InlineData("""{"kinds":{"*.json":"banana"}}""", "not a file kind")]
    [InlineData("""{"suppressions":[{"rule":"ECR401","reason":"x","pointer":"Statement"}]}""", "not a JSON pointer")]
    [InlineData("""{"region": 5}""", "must be a string")]
    [InlineData("""[1]""", "JSON object")]
    [InlineData("""{ "region": """, "not valid JSON")]
    public void Invalid_configuration_is_a_usage_error(string text, string expected)
    {
        var e = Assert.Throws<EcrLintConfigException>(() => EcrLintConfig.Parse(text, "/x/.ecrlint.json", ".ecrlint.json"));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Unknown_keys_are_warnings()
    {
        var config = EcrLintConfig.Parse("""{"severities":{}}""", "/x/.ecrlint.json", ".ecrlint.json");
        Assert.Contains(config.Warnings, w => w.Contains("severities"));
    }

    [Fact]
    public void The_nearest_ecrlint_json_upward_is_used()
    {
        using var dir = new TempDir();
        dir.File(".ecrlint.json", """{"region":"eu-west-1"}""");
        dir.File("a/.ecrlint.json", """{"region":"us-west-2"}""");
        var cwd = dir.Dir("a/b/c");
        Assert.Equal("us-west-2", Resolve(dir, cwd: cwd).Context.Region);
        Assert.Equal("eu-west-1", Resolve(dir).Context.Region);
    }

    [Fact]
    public void Analyzer_config_files_are_read_upward_with_editorconfig_sections()
    {
        using var dir = new TempDir();
        dir.File(".globalconfig", "is_global = true\ndotnet_diagnostic.ECR401.severity = error\ndotnet_diagnostic.ECR402.severity = warning\n[*.cs]\ndotnet_diagnostic.ECR414.severity = error\n");
        dir.File("a/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.ECR405.severity = error\n[*.json]\ndotnet_diagnostic.ECR402.severity = none\n[*]\ndotnet_diagnostic.CA1000.severity = none\n");
        var cwd = dir.Dir("a/b");
        var settings = AnalyzerConfigReader.ReadUpward(cwd);
        Assert.Equal(Severity.Error, settings["ECR401"].Severity);
        Assert.Equal(Severity.None, settings["ECR402"].Severity); // .editorconfig wins over .globalconfig
        Assert.False(settings.ContainsKey("ECR414")); // a section of a .globalconfig does not count
        Assert.False(settings.ContainsKey("ECR405")); // [*.cs] does not apply to JSON files
        Assert.False(settings.ContainsKey("CA1000"));
    }

    [Fact]
    public void Editorconfig_climb_stops_at_root_and_nearest_wins()
    {
        using var dir = new TempDir();
        dir.File(".editorconfig", "[*]\ndotnet_diagnostic.ECR401.severity = error\ndotnet_diagnostic.ECR403.severity = info\n");
        dir.File("a/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.ECR402.severity = info\n");
        dir.File("a/b/.editorconfig", "[*.{json,yml}]\ndotnet_diagnostic.ECR402.severity = warning\n");
        var settings = AnalyzerConfigReader.ReadUpward(dir.Dir("a/b"));
        Assert.Equal(Severity.Warning, settings["ECR402"].Severity);
        Assert.False(settings.ContainsKey("ECR401"));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("*.json", true)]
    [InlineData("**/*.json", true)]
    [InlineData("*.{json,yaml}", true)]
    [InlineData("*.cs", false)]
    [InlineData("src/*.json", false)]
    public void Editorconfig_sections_for_json(string section, bool expected) =>
        Assert.Equal(expected, AnalyzerConfigReader.SectionAppliesToJson(section));

    [Fact]
    public void Precedence_is_command_line_then_ecrlint_json_then_analyzer_config_then_mode()
    {
        using var dir = new TempDir();
        dir.File(".globalconfig", "dotnet_diagnostic.ECR401.severity = error\ndotnet_diagnostic.ECR402.severity = warning\ndotnet_diagnostic.ECR403.severity = info\n");
        dir.File(".ecrlint.json", """{"mode":"strict","region":"eu-west-1","severity":{"ECR402":"info","ECR403":"default"}}""");

        var fromFiles = Resolve(dir);
        var p = fromFiles.Context.Severities;
        Assert.Equal(LintMode.Strict, fromFiles.Mode);
        Assert.Equal(Severity.Error, p.For(RuleCatalog.ECR401)); // .globalconfig
        Assert.Equal(Severity.Info, p.For(RuleCatalog.ECR402)); // .ecrlint.json beats .globalconfig
        Assert.Equal(Severity.Error, p.For(RuleCatalog.ECR403)); // "default": back to the mode's severity
        Assert.Equal(Severity.Error, p.For(RuleCatalog.ECR405)); // strict: warning becomes error
        Assert.Equal("eu-west-1", fromFiles.Context.Region);

        var fromCommandLine = Resolve(dir, new CliOptions { Mode = "recommended", Region = "us-east-1" });
        Assert.Equal(LintMode.Recommended, fromCommandLine.Mode);
        Assert.Equal(Severity.Warning, fromCommandLine.Context.Severities.For(RuleCatalog.ECR405));
        Assert.Equal(Severity.Error, fromCommandLine.Context.Severities.For(RuleCatalog.ECR401));
        Assert.Equal("us-east-1", fromCommandLine.Context.Region);
    }

    [Fact]
    public void All_info_mode_caps_overrides_at_info_but_lets_them_turn_rules_off()
    {
        using var dir = new TempDir();
        dir.File(".ecrlint.json", """{"severity":{"ECR402":"error","ECR401":"none"}}""");
        var p = Resolve(dir, new CliOptions { Mode = "all-info" }).Context.Severities;
        Assert.Equal(Severity.Info, p.For(RuleCatalog.ECR402));
        Assert.Equal(Severity.None, p.For(RuleCatalog.ECR401));
        Assert.Equal(Severity.Info, p.For(RuleCatalog.ECR101));
    }

    [Fact]
    public void Recommended_mode_turns_off_ECR204()
    {
        using var dir = new TempDir();
        Assert.Equal(Severity.None, Resolve(dir).Context.Severities.For(RuleCatalog.ECR204));
        Assert.Equal(Severity.Error, Resolve(dir, new CliOptions { Mode = "strict" }).Context.Severities.For(RuleCatalog.ECR204));
    }

    [Theory]
    [InlineData("us-east-7", null)]
    [InlineData("eu-wst-1", null)]
    [InlineData(null, "12345")]
    [InlineData(null, "11112222333a")]
    public void Region_and_account_are_validated(string? region, string? account)
    {
        using var dir = new TempDir();
        var e = Assert.Throws<UsageException>(() => Resolve(dir, new CliOptions { Region = region, Account = account }));
        Assert.Contains(region is not null ? "us-east-1" : "12 digits", e.Message);
    }

    [Fact]
    public void Region_and_account_from_the_config_file_are_validated_too()
    {
        using var dir = new TempDir();
        dir.File(".ecrlint.json", """{"account":"42"}""");
        var e = Assert.Throws<UsageException>(() => Resolve(dir));
        Assert.Contains("account", e.Message);
    }

    [Fact]
    public void Kind_comes_from_the_command_line_then_the_config_globs()
    {
        using var dir = new TempDir();
        dir.File(".ecrlint.json", """{"kinds":{"s3/*.json":"s3-endpoint"}}""");
        var file = new Inputs.InputFile("s3/a.json", dir.Full("s3/a.json"), true);
        Assert.Equal(InputKind.S3Endpoint, Resolve(dir).KindFor(file));
        Assert.Equal(InputKind.Identity, Resolve(dir, new CliOptions { Kind = InputKind.Identity }).KindFor(file));
        Assert.Equal(InputKind.Auto, Resolve(dir).KindFor(new Inputs.InputFile("b.json", dir.Full("b.json"), true)));
        Assert.Equal(InputKind.Auto, Resolve(dir).KindFor(Inputs.InputFile.Stdin));
    }

    [Theory]
    [InlineData("error", Severity.Error, true)]
    [InlineData("error", Severity.Warning, false)]
    [InlineData("warning", Severity.Warning, true)]
    [InlineData("info", Severity.Info, true)]
    [InlineData("none", Severity.Error, false)]
    public void Fail_level(string level, Severity severity, bool fails)
    {
        using var dir = new TempDir();
        Assert.Equal(fails, Resolve(dir, new CliOptions { FailLevel = level }).Fails(severity));
    }
}
