using System.Collections.Generic;
using EcrLint.Rules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EcrLint.Analyzers;

/// <summary>
/// The lint context an analyzer run uses: region and account from MSBuild properties made visible to the
/// compiler (<c>build_property.EcrLintRegion</c>, <c>build_property.EcrLintAccount</c>). Every rule reports
/// at its default severity; the compiler applies <c>dotnet_diagnostic.ECRnnn.severity</c> and the shipped
/// mode configurations on top.
/// </summary>
internal static class AnalyzerSettings
{
    private static readonly SeverityPolicy AllRules = new(LintMode.Recommended, new Dictionary<string, Severity>
    {
        // Off in the recommended mode by being disabled by default; the compiler drops it unless configured.
        ["ECR204"] = RuleCatalog.ECR204.DefaultSeverity,
    });

    public static LintContext Read(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.EcrLintRegion", out var region);
        options.TryGetValue("build_property.EcrLintAccount", out var account);
        return new LintContext
        {
            Region = string.IsNullOrWhiteSpace(region) ? null : region!.Trim(),
            Account = string.IsNullOrWhiteSpace(account) ? null : account!.Trim(),
            Severities = AllRules,
        };
    }
}
