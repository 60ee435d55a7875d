using System.Collections.Generic;

namespace EcrLint.Rules;

/// <summary>A rule of the catalogue (rules.md): its identity, pack, default severity, title and help link.</summary>
public sealed class RuleDescriptor
{
    public RuleDescriptor(string id, string name, string pack, Severity defaultSeverity, string title, string facts = "", string? fixTitle = null, bool offInRecommended = false)
    {
        Id = id;
        Name = name;
        Pack = pack;
        DefaultSeverity = defaultSeverity;
        Title = title;
        Facts = facts;
        FixTitle = fixTitle;
        OffInRecommended = offInRecommended;
    }

    /// <summary><c>ECR101</c>.</summary>
    public string Id { get; }

    /// <summary>A PascalCase name (SARIF <c>name</c>).</summary>
    public string Name { get; }

    /// <summary>The rule pack: <c>endpoints</c>, <c>s3-layer-access</c>, <c>ecr-actions</c>, <c>delete-guard</c>, <c>policy-grammar</c>, <c>windows</c>.</summary>
    public string Pack { get; }

    public Severity DefaultSeverity { get; }

    /// <summary>One sentence: what the rule catches.</summary>
    public string Title { get; }

    /// <summary>The facts of ecr-privatelink.md the rule enforces (<c>F30, F36</c>).</summary>
    public string Facts { get; }

    /// <summary>What the fix does, when the catalogue names one.</summary>
    public string? FixTitle { get; }

    public bool HasFix => FixTitle is not null;

    /// <summary>True for rules the <c>recommended</c> mode turns off (ECR204).</summary>
    public bool OffInRecommended { get; }

    public string HelpUri => RuleCatalog.HelpBaseUri + Id + ".md";

    /// <summary>The severity in a mode, before any per-rule override.</summary>
    public Severity SeverityIn(LintMode mode) => mode switch
    {
        LintMode.Strict => DefaultSeverity == Severity.Warning ? Severity.Error : DefaultSeverity,
        LintMode.AllInfo => Severity.Info,
        _ => OffInRecommended ? Severity.None : DefaultSeverity,
    };

    /// <summary>
    /// The same rule with another default severity, for the findings a rule reports at a lower level (ECR413's
    /// unknown condition keys are warnings). An override of the rule's ID still applies to both.
    /// </summary>
    public RuleDescriptor WithDefaultSeverity(Severity severity) =>
        new(Id, Name, Pack, severity, Title, Facts, FixTitle, OffInRecommended);

    public override string ToString() => Id;
}

/// <summary>Effective severities: a mode plus per-rule overrides (<c>dotnet_diagnostic.ECRnnn.severity</c>, config).</summary>
public sealed class SeverityPolicy
{
    public SeverityPolicy(LintMode mode = LintMode.Recommended, IReadOnlyDictionary<string, Severity>? overrides = null)
    {
        Mode = mode;
        Overrides = overrides ?? new Dictionary<string, Severity>();
    }

    public LintMode Mode { get; }
    public IReadOnlyDictionary<string, Severity> Overrides { get; }

    public Severity For(RuleDescriptor rule) => Overrides.TryGetValue(rule.Id, out var s) ? s : rule.SeverityIn(Mode);
}
