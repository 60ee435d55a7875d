using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR407: documentation placeholders (<c>region</c>, <c>1234567890</c>, <c>111122223333</c>, <c>role_name</c>,
/// <c>repository_name</c>, <c>&lt;...&gt;</c> ...) left in Resource/NotResource, Principal/NotPrincipal and
/// Condition values. One finding per value, naming every placeholder in it. Sids and actions are not looked
/// at; ARNs of the ECR layer bucket are ECR103's (its placeholder region is a malformed starport ARN there).
/// </summary>
public sealed class PlaceholderRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR407 };

    public override void Analyze(PolicyContext context)
    {
        foreach (var s in context.Policy.Statements)
        {
            foreach (var list in new[] { s.Resource, s.NotResource })
            {
                if (list is null) continue;
                foreach (var v in list.Values) Check(context, v, list.ElementName);
            }

            foreach (var p in new[] { s.Principal, s.NotPrincipal })
            {
                if (p is null) continue;
                foreach (var entry in p.Entries)
                {
                    foreach (var v in entry.Value.Values) Check(context, v, p.ElementName);
                }
            }

            foreach (var test in s.Conditions)
            {
                foreach (var v in test.Values.Values) Check(context, v, $"condition `{test.Key.Value}`");
            }
        }
    }

    private static void Check(PolicyContext context, PolicyValue v, string where)
    {
        if (!v.IsKnown || Arn.MentionsStarport(v.Value)) return;
        var found = Find(v.Value, context.Account);
        if (found.Count == 0) return;
        var names = string.Join(", ", found.Select(f => "`" + f + "`"));
        context.Report(RuleCatalog.ECR407, v.Location,
            $"The {where} value `{v.Value}` still has the placeholder{(found.Count == 1 ? "" : "s")} {names} from a documentation example: it names no real {Describe(found)}, so the statement does not do what it should; replace {(found.Count == 1 ? "it" : "them")} with the real value{(found.Count == 1 ? "" : "s")}.");
    }

    /// <summary>
    /// The placeholders of a value, each once. A placeholder word counts only when it stands alone between
    /// separators (<c>:</c>, <c>/</c>, <c>.</c> ...), so that <c>my-region-bucket</c> or <c>app_role_name</c> are
    /// real names; an example account equal to the run's <c>--account</c> is the user's own.
    /// </summary>
    public static List<string> Find(string value, string? account)
    {
        var found = new List<string>();
        foreach (var (index, text) in Placeholders.Find(value))
        {
            if (text[0] != '<')
            {
                var before = index > 0 ? value[index - 1] : ' ';
                var after = index + text.Length < value.Length ? value[index + text.Length] : ' ';
                if (IsNameChar(before) || IsNameChar(after)) continue;
            }

            if (account is not null && text == account) continue;
            if (!found.Contains(text, StringComparer.Ordinal)) found.Add(text);
        }

        return found;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    private static string Describe(List<string> found)
    {
        var kinds = new List<string>();
        foreach (var f in found)
        {
            var kind = f.All(char.IsDigit) || f.StartsWith("ACCOUNT", StringComparison.Ordinal) || f == "account-id" ? "account"
                : f.Equals("region", StringComparison.OrdinalIgnoreCase) ? "region"
                : f.Equals("role_name", StringComparison.OrdinalIgnoreCase) ? "role"
                : f.Equals("repository_name", StringComparison.OrdinalIgnoreCase) ? "repository"
                : f == "VPC_endpoint_ID" ? "endpoint"
                : "value";
            if (!kinds.Contains(kind)) kinds.Add(kind);
        }

        return kinds.Count == 1 ? kinds[0] : string.Join(", ", kinds.Take(kinds.Count - 1)) + " or " + kinds[kinds.Count - 1];
    }
}
