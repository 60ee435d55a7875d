using System;
using System.Collections.Generic;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR405: a Sid used by an earlier statement of the same policy (every later one is reported, naming the
/// first), and, in identity policies, a Sid with characters other than <c>[A-Za-z0-9]</c>. Resource and
/// endpoint policies accept more (the source page's own <c>Access-to-specific-bucket-only</c>).
/// </summary>
public sealed class SidRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR405 };

    public override void Analyze(PolicyContext context)
    {
        var first = new Dictionary<string, PolicyStatement>(StringComparer.Ordinal);
        foreach (var s in context.Policy.Statements)
        {
            var sid = s.Sid;
            if (sid is null || !sid.IsKnown || sid.Value.Length == 0) continue;

            if (first.TryGetValue(sid.Value, out var earlier))
            {
                context.Report(RuleCatalog.ECR405, sid.Location,
                    $"The Sid `{sid.Value}` is already used by the statement on line {earlier.Line}: Sids must be unique within a policy (IAM rejects duplicates, and anything that names statements by Sid becomes ambiguous); rename one of them.");
            }
            else
            {
                first[sid.Value] = s;
            }

            if (context.Kind == PolicyKind.Identity)
            {
                var bad = FirstInvalidChar(sid.Value);
                if (bad >= 0)
                {
                    context.Report(RuleCatalog.ECR405, sid.Location,
                        $"The Sid `{sid.Value}` has the character `{sid.Value[bad]}`: identity policies accept only letters and digits in a Sid (IAM rejects the policy); write it as `{Cleaned(sid.Value)}`.");
                }
            }
        }
    }

    private static int FirstInvalidChar(string sid)
    {
        for (var i = 0; i < sid.Length; i++)
        {
            if (!IsAlphanumeric(sid[i])) return i;
        }

        return -1;
    }

    private static bool IsAlphanumeric(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9';

    /// <summary><c>Access-to-bucket</c> → <c>AccessToBucket</c>, for the message.</summary>
    private static string Cleaned(string sid)
    {
        var sb = new System.Text.StringBuilder();
        var upper = false;
        foreach (var c in sid)
        {
            if (!IsAlphanumeric(c))
            {
                upper = sb.Length > 0;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.Length == 0 ? "Statement1" : sb.ToString();
    }
}
