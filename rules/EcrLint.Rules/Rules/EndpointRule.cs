using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EcrLint.Endpoints;
using EcrLint.Fixes;
using EcrLint.Text;

namespace EcrLint.Rules;

/// <summary>
/// A rule over one VPC's endpoint set (pack <c>endpoints</c>, ECR0xx, and ECR503): a small pure function from a
/// <see cref="VpcScope"/> to findings. Front ends (templates, describe output, C#) build the scope; the rule
/// never looks at syntax.
/// </summary>
public abstract class EndpointRule
{
    public abstract IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public abstract void Analyze(EndpointContext context);

    private static readonly Lazy<IReadOnlyList<EndpointRule>> s_all = new(() =>
        typeof(EndpointRule).GetTypeInfo().Assembly.GetTypes()
            .Where(t => !t.GetTypeInfo().IsAbstract && typeof(EndpointRule).GetTypeInfo().IsAssignableFrom(t.GetTypeInfo()))
            .Select(t => (EndpointRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Descriptors[0].Id, StringComparer.Ordinal)
            .ToList());

    /// <summary>Every endpoint rule in the engine, created once.</summary>
    public static IReadOnlyList<EndpointRule> All => s_all.Value;

    /// <summary>Runs every enabled endpoint rule on a VPC.</summary>
    public static List<Finding> Run(VpcScope vpc, LintContext settings)
    {
        var findings = new List<Finding>();
        var context = new EndpointContext(vpc, settings, findings);
        foreach (var rule in All)
        {
            if (settings.AnyEnabled(rule.Descriptors)) rule.Analyze(context);
        }

        return findings;
    }
}

/// <summary>What an <see cref="EndpointRule"/> sees: one VPC, the run's context, and where to report.</summary>
public sealed class EndpointContext
{
    private readonly List<Finding> _findings;

    public EndpointContext(VpcScope vpc, LintContext settings, List<Finding> findings)
    {
        Vpc = vpc;
        Settings = settings;
        _findings = findings;
    }

    public VpcScope Vpc { get; }
    public LintContext Settings { get; }

    /// <summary>The region of the stack/template (the VPC's), else the run's <c>--region</c>.</summary>
    public string? Region => Vpc.Region?.Value ?? Settings.Region;

    public bool IsEnabled(RuleDescriptor rule) => Settings.IsEnabled(rule);

    public void Report(RuleDescriptor rule, SourceLocation location, string message, Fix? fix = null, IReadOnlyList<RelatedLocation>? related = null)
    {
        var severity = Settings.Severities.For(rule);
        if (severity == Severity.None) return;
        _findings.Add(new Finding(rule, severity, message, location, related, fix));
    }
}
