using System;
using System.Collections.Generic;
using EcrLint.Fixes;
using EcrLint.Text;

namespace EcrLint.Rules;

/// <summary>A location that explains a finding (the statement that decided it).</summary>
public sealed class RelatedLocation
{
    public RelatedLocation(SourceLocation location, string message)
    {
        Location = location;
        Message = message;
    }

    public SourceLocation Location { get; }
    public string Message { get; }
}

/// <summary>Why a finding is suppressed (config, baseline, template metadata, pragma).</summary>
public sealed class Suppression
{
    public Suppression(string kind, string justification)
    {
        Kind = kind;
        Justification = justification;
    }

    /// <summary><c>config</c>, <c>baseline</c>, <c>metadata</c>.</summary>
    public string Kind { get; }
    public string Justification { get; }
}

/// <summary>One violation of a rule at a location, with its message and, where the edit is unambiguous, a fix.</summary>
public sealed class Finding
{
    public Finding(RuleDescriptor rule, Severity severity, string message, SourceLocation location, IReadOnlyList<RelatedLocation>? related = null, Fix? fix = null)
    {
        Rule = rule;
        Severity = severity;
        Message = message;
        Location = location;
        RelatedLocations = related ?? Array.Empty<RelatedLocation>();
        Fix = fix;
    }

    public RuleDescriptor Rule { get; }
    public string RuleId => Rule.Id;

    /// <summary>The effective severity (mode and overrides applied).</summary>
    public Severity Severity { get; }

    public string Message { get; }
    public SourceLocation Location { get; }
    public IReadOnlyList<RelatedLocation> RelatedLocations { get; }
    public Fix? Fix { get; }

    /// <summary>The JSON pointer (or CloudFormation logical ID path) of the node the finding is on; used by baselines and suppressions.</summary>
    public string? Pointer { get; set; }

    public Suppression? Suppression { get; set; }

    public bool IsSuppressed => Suppression is not null;

    public override string ToString() => $"{Location.Path}({Location.Start.Line},{Location.Start.Column}): {Severity.ToText()} {RuleId}: {Message}";
}
