using EcrLint.Iam;

namespace EcrLint.Rules;

/// <summary>What a run knows beyond the files: region and account context, and effective severities.</summary>
public sealed class LintContext
{
    public static LintContext Default { get; } = new();

    /// <summary>The region the endpoints are in (<c>--region</c>), when the files do not say.</summary>
    public string? Region { get; init; }

    /// <summary>The account ID (<c>--account</c>), when the files do not say.</summary>
    public string? Account { get; init; }

    public SeverityPolicy Severities { get; init; } = new();

    public IamData Iam => IamData.Instance;

    /// <summary>The partition of <see cref="Region"/> (<c>aws</c> when the region is unknown).</summary>
    public string Partition => Region is null ? "aws" : Iam.PartitionOfRegion(Region)?.Name ?? "aws";

    public bool IsEnabled(RuleDescriptor rule) => Severities.For(rule) != Severity.None;

    public bool AnyEnabled(PolicyRule rule) => AnyEnabled(rule.Descriptors);

    /// <summary>True when one of <paramref name="rules"/> is reported (asked per rule and policy: no delegate, no enumerator).</summary>
    public bool AnyEnabled(System.Collections.Generic.IReadOnlyList<RuleDescriptor> rules)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (IsEnabled(rules[i])) return true;
        }

        return false;
    }
}
