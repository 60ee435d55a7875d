using System.Collections.Generic;
using EcrLint.Fixes;
using EcrLint.Iam;
using EcrLint.Policy;
using EcrLint.Text;

namespace EcrLint.Rules;

/// <summary>What a <see cref="PolicyRule"/> sees: the policy, its kind, the run's context, and where to report.</summary>
public sealed class PolicyContext
{
    private readonly List<Finding> _findings;

    public PolicyContext(PolicyDocument policy, PolicyKind kind, LintContext settings, List<Finding> findings)
    {
        Policy = policy;
        Kind = kind;
        Settings = settings;
        _findings = findings;
    }

    public PolicyDocument Policy { get; }
    public PolicyKind Kind { get; }
    public LintContext Settings { get; }
    public IamData Iam => Settings.Iam;

    /// <summary>The endpoint's region: from the context (<c>--region</c>, stack, template), or null.</summary>
    public string? Region => Settings.Region;

    public string? Account => Settings.Account;

    public string Partition => Settings.Partition;

    public bool IsEnabled(RuleDescriptor rule) => Settings.IsEnabled(rule);

    public void Report(RuleDescriptor rule, SourceLocation location, string message, Fix? fix = null, IReadOnlyList<RelatedLocation>? related = null)
    {
        var severity = Settings.Severities.For(rule);
        if (severity == Severity.None) return;
        _findings.Add(new Finding(rule, severity, message, location, related, fix));
    }

    /// <summary>Reports with the statements that decided the finding as related locations.</summary>
    public void Report(RuleDescriptor rule, SourceLocation location, string message, IEnumerable<PolicyStatement> deciding, Fix? fix = null)
    {
        var related = new List<RelatedLocation>();
        foreach (var s in deciding) related.Add(new RelatedLocation(s.AnchorLocation, "decided by " + s.Describe()));
        Report(rule, location, message, fix, related);
    }
}
