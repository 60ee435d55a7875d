using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EcrLint.Endpoints;
using EcrLint.Fixes;
using EcrLint.Text;

namespace EcrLint.Rules;

/// <summary>What a <see cref="VpcRule"/> sees: one VPC (the scope of the endpoint-set rules), the run's context, and where to report.</summary>
public sealed class VpcContext
{
    private readonly List<Finding> _findings;

    public VpcContext(VpcScope vpc, LintContext settings, List<Finding> findings)
    {
        Vpc = vpc;
        Settings = settings;
        _findings = findings;
    }

    public VpcScope Vpc { get; }
    public LintContext Settings { get; }

    /// <summary>The VPC's region: what the source says (stack, manifest, service names), else <c>--region</c>, else null.</summary>
    public string? Region => Vpc.Region?.Value ?? Settings.Region;

    public bool IsEnabled(RuleDescriptor rule) => Settings.IsEnabled(rule);

    public void Report(RuleDescriptor rule, SourceLocation location, string message, Fix? fix = null, IReadOnlyList<RelatedLocation>? related = null)
    {
        var severity = Settings.Severities.For(rule);
        if (severity == Severity.None) return;
        _findings.Add(new Finding(rule, severity, message, location, related, fix));
    }
}

/// <summary>
/// A rule over the endpoint set of one VPC (ECR0xx, ECR503): a pure function from a <see cref="VpcScope"/> (built
/// by a front end: a template, C# code, a describe output) to findings. Rules never throw on odd input.
/// </summary>
public abstract class VpcRule
{
    public abstract IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public abstract void Analyze(VpcContext context);

    private static readonly Lazy<IReadOnlyList<VpcRule>> s_all = new(() =>
        typeof(VpcRule).GetTypeInfo().Assembly.GetTypes()
            .Where(t => !t.GetTypeInfo().IsAbstract && typeof(VpcRule).GetTypeInfo().IsAssignableFrom(t.GetTypeInfo()))
            .Select(t => (VpcRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Descriptors[0].Id, StringComparer.Ordinal)
            .ToList());

    /// <summary>Every VPC rule in the engine, created once.</summary>
    public static IReadOnlyList<VpcRule> All => s_all.Value;
}
