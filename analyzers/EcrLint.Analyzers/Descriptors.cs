using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using EcrLint.Rules;
using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers;

/// <summary>Looks up the Roslyn descriptor of a rule.</summary>
internal static class Descriptors
{
    private static readonly Dictionary<string, DiagnosticDescriptor> s_byRule =
        typeof(DiagnosticDescriptors).GetTypeInfo().DeclaredFields
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToDictionary(d => d.Id);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = s_byRule.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>The descriptors of some rules (an analyzer declares only what it reports).</summary>
    public static ImmutableArray<DiagnosticDescriptor> For(Func<RuleDescriptor, bool> predicate) =>
        All.Where(d => RuleCatalog.Find(d.Id) is { } r && predicate(r)).ToImmutableArray();

    public static DiagnosticDescriptor Get(RuleDescriptor rule) => s_byRule[rule.Id];

    public static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
