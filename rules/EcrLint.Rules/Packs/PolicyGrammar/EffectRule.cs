using System;
using System.Collections.Generic;
using EcrLint.Fixes;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR403: an <c>Effect</c> string that is not exactly <c>Allow</c> or <c>Deny</c> (IAM values are
/// case-sensitive, F38). The fix writes the canonical value when the intent is unambiguous: the same word in
/// another casing, or a unique near miss (<c>Alow</c>). A non-string Effect is ECR412.
/// </summary>
public sealed class EffectRule : PolicyRule
{
    private static readonly string[] Effects = { "Allow", "Deny" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR403 };

    public override void Analyze(PolicyContext context)
    {
        foreach (var s in context.Policy.Statements)
        {
            var value = s.EffectValue;
            if (value is null || !value.IsKnown || value.Value is "Allow" or "Deny") continue;

            var intended = Intended(value.Value);
            Fix? fix = null;
            if (intended is not null && value.Node is not null)
                fix = new Fix($"Use \"{intended}\"", value.Document, JsonEdits.ReplaceString(value.Node, intended), "CanonicalEffect");

            var what = intended is null
                ? "use \"Allow\" or \"Deny\""
                : $"write \"{intended}\"";
            context.Report(RuleCatalog.ECR403, value.Location,
                $"The Effect `{value.Value}` of statement {s.Label} is not \"Allow\" or \"Deny\": IAM values are case-sensitive and it rejects any other Effect; {what}.",
                fix);
        }
    }

    /// <summary>The effect a wrong value stands for, or null when it is not clear.</summary>
    public static string? Intended(string value)
    {
        var trimmed = value.Trim();
        foreach (var e in Effects)
        {
            if (string.Equals(trimmed, e, StringComparison.OrdinalIgnoreCase)) return e;
        }

        return trimmed.Length == 0 ? null : Suggestions.Nearest(trimmed, Effects);
    }
}
