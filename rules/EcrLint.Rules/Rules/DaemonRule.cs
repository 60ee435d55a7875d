using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EcrLint.Docker;
using EcrLint.Fixes;
using EcrLint.Text;

namespace EcrLint.Rules;

/// <summary>What a <see cref="DaemonRule"/> sees: one Docker <c>daemon.json</c>, the run's context, and where to report.</summary>
public sealed class DaemonContext
{
    private readonly List<Finding> _findings;

    public DaemonContext(DaemonConfig config, LintContext settings, List<Finding> findings)
    {
        Config = config;
        Settings = settings;
        _findings = findings;
    }

    public DaemonConfig Config { get; }
    public LintContext Settings { get; }

    public bool IsEnabled(RuleDescriptor rule) => Settings.IsEnabled(rule);

    public void Report(RuleDescriptor rule, SourceLocation location, string message, Fix? fix = null, IReadOnlyList<RelatedLocation>? related = null)
    {
        var severity = Settings.Severities.For(rule);
        if (severity == Severity.None) return;
        _findings.Add(new Finding(rule, severity, message, location, related, fix));
    }
}

/// <summary>A rule over a Docker <c>daemon.json</c> (ECR501, ECR502). Rules never throw on odd input.</summary>
public abstract class DaemonRule
{
    public abstract IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public abstract void Analyze(DaemonContext context);

    private static readonly Lazy<IReadOnlyList<DaemonRule>> s_all = new(() =>
        typeof(DaemonRule).GetTypeInfo().Assembly.GetTypes()
            .Where(t => !t.GetTypeInfo().IsAbstract && typeof(DaemonRule).GetTypeInfo().IsAssignableFrom(t.GetTypeInfo()))
            .Select(t => (DaemonRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Descriptors[0].Id, StringComparer.Ordinal)
            .ToList());

    /// <summary>Every daemon rule in the engine, created once.</summary>
    public static IReadOnlyList<DaemonRule> All => s_all.Value;
}
