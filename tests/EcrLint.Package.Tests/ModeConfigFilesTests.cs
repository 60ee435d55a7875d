using System.Text;
using EcrLint.Iam;
using EcrLint.Rules;

namespace EcrLint.Package.Tests;

/// <summary>
/// The package's generated MSBuild files: one global analyzer configuration per <c>EcrLintMode</c> and the list of
/// known regions <c>EcrLintRegion</c> is checked against. They are written from the rule catalogue and the IAM
/// data; these tests fail when they drift. Regenerate: <c>ECRLINT_REGENERATE=1 dotnet test
/// tests/EcrLint.Package.Tests --filter ModeConfigFilesTests</c>.
/// </summary>
public class ModeConfigFilesTests
{
    /// <summary>Below every configuration a user writes (a <c>.globalconfig</c> has 100, other global configurations 0).</summary>
    public const int GlobalLevel = -100;

    private static string ConfigFolder => Repo.PathOf("packaging", "EcrLint", "buildTransitive", "config");

    public static IEnumerable<object[]> Modes => new[] { new object[] { LintMode.Recommended }, new object[] { LintMode.Strict }, new object[] { LintMode.AllInfo } };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_configuration_matches_the_rule_catalogue(LintMode mode)
    {
        Check(Path.Combine(ConfigFolder, $"EcrLint.{mode.ToText()}.globalconfig"), GenerateModeConfig(mode));
    }

    [Fact]
    public void Known_regions_match_the_iam_data()
    {
        Check(Path.Combine(ConfigFolder, "EcrLint.KnownRegions.props"), GenerateKnownRegions());
    }

    [Fact]
    public void Strict_raises_warnings_and_enables_ECR204_all_info_lowers_everything_recommended_only_turns_ECR204_off()
    {
        var strict = Severities(GenerateModeConfig(LintMode.Strict));
        Assert.Equal(RuleCatalog.All.Count, strict.Count);
        Assert.Equal("error", strict["ECR204"]);
        Assert.Equal("error", strict["ECR405"]);
        Assert.Equal("suggestion", strict["ECR401"]);
        Assert.DoesNotContain("warning", strict.Values);

        var allInfo = Severities(GenerateModeConfig(LintMode.AllInfo));
        Assert.Equal(RuleCatalog.All.Count, allInfo.Count);
        Assert.All(allInfo.Values, v => Assert.Equal("suggestion", v));

        // Every other rule keeps the severity the analyzers report (its default, or the .ecrlint.json level), and
        // ECR413's unknown condition keys stay warnings.
        var recommended = Severities(GenerateModeConfig(LintMode.Recommended));
        Assert.Equal(new Dictionary<string, string> { ["ECR204"] = "none" }, recommended);
    }

    private static void Check(string path, string expected)
    {
        if (Environment.GetEnvironmentVariable("ECRLINT_REGENERATE") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), path + " is missing; run with ECRLINT_REGENERATE=1");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    private static Dictionary<string, string> Severities(string config) =>
        config.Split('\n')
            .Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            .Select(l => l.Split('='))
            .ToDictionary(p => p[0].Trim()["dotnet_diagnostic.".Length..^".severity".Length], p => p[1].Trim());

    public static string GenerateModeConfig(LintMode mode)
    {
        var sb = new StringBuilder();
        sb.Append("# Generated from EcrLint.Rules.RuleCatalog; ModeConfigFilesTests keeps it in step.\n");
        sb.Append("# Regenerate: ECRLINT_REGENERATE=1 dotnet test tests/EcrLint.Package.Tests --filter ModeConfigFilesTests\n");
        sb.Append(mode switch
        {
            LintMode.Strict => "# EcrLintMode=strict: every rule on (ECR204 too); warnings become errors.\n",
            LintMode.AllInfo => "# EcrLintMode=all-info: every rule on, as a suggestion (for adoption).\n",
            _ => "# EcrLintMode=recommended: ECR204 off; every other rule keeps the severity the analyzers report (its default,\n# or the level .ecrlint.json gives it).\n",
        });
        sb.Append("# Its global_level is below any configuration you write: your .globalconfig keys win.\n");
        sb.Append("is_global = true\n");
        sb.Append("global_level = ").Append(GlobalLevel).Append('\n');
        sb.Append('\n');
        foreach (var rule in RuleCatalog.All)
        {
            string? value = mode switch
            {
                LintMode.Strict => Roslyn(rule.SeverityIn(LintMode.Strict)),
                LintMode.AllInfo => "suggestion",
                _ => rule.OffInRecommended ? "none" : null,
            };
            if (value is null) continue;
            sb.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(value).Append('\n');
        }

        return sb.ToString();
    }

    public static string GenerateKnownRegions()
    {
        var regions = IamData.Instance.AllRegions.OrderBy(r => r, StringComparer.Ordinal);
        return "<Project>\n"
            + "  <!-- Generated from EcrLint.Rules' IAM data; ModeConfigFilesTests keeps it in step. EcrLintRegion must be one of these. -->\n"
            + "  <PropertyGroup>\n"
            + "    <_EcrLintKnownRegions>;" + string.Join(";", regions) + ";</_EcrLintKnownRegions>\n"
            + "  </PropertyGroup>\n"
            + "</Project>\n";
    }

    private static string Roslyn(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "suggestion",
        _ => "none",
    };
}
