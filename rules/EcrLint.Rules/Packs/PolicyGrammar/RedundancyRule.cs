using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR414: redundant content. The same action twice in one list (actions compare case-insensitively), the
/// same resource twice in one list (exactly), and a statement wholly covered by another of the same effect:
/// same Principal, every action and every resource matched by the other's (wildcards count), and the other
/// has no Condition or the same one. Statements with NotAction, NotResource or NotPrincipal are not compared.
/// The fix removes a duplicate list item; a covered statement is only reported (which one to keep is a choice).
/// </summary>
public sealed class RedundancyRule : PolicyRule
{
    /// <summary>
    /// Statements are compared pairwise; beyond this many coverage is not checked. Endpoint policies (20,480
    /// characters) and IAM identity policies (at most 10,240) cannot hold that many statements.
    /// </summary>
    private const int MaxComparedStatements = 250;

    /// <summary>Patterns longer than this product of lengths are compared only for equality.</summary>
    private const long MaxPatternWork = 1_000_000;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR414 };

    public override void Analyze(PolicyContext context)
    {
        var statements = context.Policy.Statements;
        foreach (var s in statements)
        {
            foreach (var list in new[] { s.Action, s.NotAction }) Duplicates(context, list, "action", StringComparer.OrdinalIgnoreCase);
            foreach (var list in new[] { s.Resource, s.NotResource }) Duplicates(context, list, "resource", StringComparer.Ordinal);
        }

        var comparable = statements.Where(IsComparable).Select(st => new Shape(st)).ToList();
        if (comparable.Count > MaxComparedStatements) return;
        foreach (var a in comparable)
        {
            foreach (var b in comparable)
            {
                if (ReferenceEquals(a, b) || !Covers(b, a)) continue;
                if (b.Statement.Index > a.Statement.Index && Covers(a, b)) continue; // The same statement twice: the later one is reported.
                var s = a.Statement;
                var by = b.Statement;
                context.Report(RuleCatalog.ECR414, s.AnchorLocation,
                    $"Statement {s.Label} (line {s.Line}) is wholly covered by {by.Describe()}: same effect and principal, every action and resource of it is already matched there{(by.Conditions.Count > 0 ? " under the same condition" : "")}; remove it or merge what differs.",
                    new[] { by });
                break;
            }
        }
    }

    /// <summary>What coverage compares, computed once per statement.</summary>
    private sealed class Shape
    {
        public Shape(PolicyStatement s)
        {
            Statement = s;
            Principal = PrincipalKey(s.Principal);
            Condition = ConditionKey(s);
            Actions = s.Action!.Values.Select(v => v.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
            Resources = s.Resource!.Values.Select(v => v.Value).Distinct(StringComparer.Ordinal).ToArray();
        }

        public PolicyStatement Statement { get; }
        public string Principal { get; }
        public string Condition { get; }
        /// <summary>In lower case: actions compare case-insensitively.</summary>
        public string[] Actions { get; }
        public string[] Resources { get; }
    }

    private static void Duplicates(PolicyContext context, PolicyValueList? list, string what, StringComparer comparer)
    {
        if (list is null) return;
        var first = new Dictionary<string, PolicyValue>(comparer);
        foreach (var v in list.Values)
        {
            if (!v.IsKnown) continue;
            if (!first.TryGetValue(v.Value, out var earlier))
            {
                first[v.Value] = v;
                continue;
            }

            Fix? fix = null;
            if (v.Node is { Parent: JsonArray array } node)
                fix = new Fix($"Remove the duplicate {what}", v.Document, JsonEdits.RemoveArrayItem(array, node.Index), "RemoveDuplicate");
            var same = earlier.Value == v.Value ? "" : $" (as `{earlier.Value}`)";
            context.Report(RuleCatalog.ECR414, v.Location,
                $"The {what} `{v.Value}` is already in this \"{list.ElementName}\" list{same} on line {earlier.Location.Start.Line}: the duplicate changes nothing; remove it.",
                fix);
        }
    }

    private static bool IsComparable(PolicyStatement s) =>
        s.Effect is StatementEffect.Allow or StatementEffect.Deny
        && s.Action is { HasUnknownValues: false, Values.Count: > 0 } && s.NotAction is null
        && s.Resource is { HasUnknownValues: false, Values.Count: > 0 } && s.NotResource is null
        && s.NotPrincipal is null && s.Principal is not { IsUnknown: true }
        && (s.Principal is null || s.Principal.Entries.All(e => !e.Value.HasUnknownValues))
        && !s.HasUnknownConditions && (s.ConditionSpan is null || s.Conditions.Count > 0)
        && s.Action.Values.All(v => v.IsKnown) && s.Resource.Values.All(v => v.IsKnown);

    /// <summary>True when <paramref name="b"/> matches every request <paramref name="a"/> matches (same effect).</summary>
    private static bool Covers(Shape b, Shape a)
    {
        if (a.Statement.Effect != b.Statement.Effect || a.Principal != b.Principal) return false;
        if (b.Condition.Length > 0 && a.Condition != b.Condition) return false;
        foreach (var x in a.Resources)
        {
            if (!AnyCovers(b.Resources, x, resource: true)) return false;
        }

        foreach (var x in a.Actions)
        {
            if (!AnyCovers(b.Actions, x, resource: false)) return false;
        }

        return true;
    }

    private static bool AnyCovers(string[] patterns, string value, bool resource)
    {
        foreach (var p in patterns)
        {
            if (resource ? ResourceCovers(p, value) : PatternCovers(p, value, ignoreCase: false)) return true;
        }

        return false;
    }

    private static string PrincipalKey(PrincipalElement? p)
    {
        if (p is null) return "";
        if (p.IsWildcard) return "*";
        return string.Join(";", p.Entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Key + "=" + string.Join(",", e.Value.Values.Select(v => v.Value).OrderBy(v => v, StringComparer.Ordinal))));
    }

    private static string ConditionKey(PolicyStatement s) =>
        string.Join(";", s.Conditions
            .Select(c => c.Operator.Value + "|" + c.Key.Value.ToLowerInvariant() + "|" + string.Join(",", c.Values.Values.Select(v => v.Value).OrderBy(v => v, StringComparer.Ordinal)))
            .OrderBy(t => t, StringComparer.Ordinal));

    /// <summary>Resources compare field by field when both are ARNs (a wildcard does not cross the first five colons).</summary>
    private static bool ResourceCovers(string b, string a)
    {
        if (b == "*" || a == b) return true;
        if (b.IndexOfAny(Glob.WildcardChars) < 0) return false;
        var pb = b.Split(new[] { ':' }, 6);
        var pa = a.Split(new[] { ':' }, 6);
        if (pb.Length == 6 && pa.Length == 6 && pb[0] == "arn" && pa[0] == "arn")
        {
            for (var i = 0; i < 6; i++)
            {
                if (!PatternCovers(pb[i], pa[i], ignoreCase: false)) return false;
            }

            return true;
        }

        return PatternCovers(b, a, ignoreCase: false);
    }

    /// <summary>
    /// True when every string the pattern <paramref name="a"/> matches is matched by the pattern <paramref name="b"/>:
    /// a wildcard of <paramref name="a"/> can only be absorbed by a <c>*</c> of <paramref name="b"/> (or a <c>?</c> by a <c>?</c>).
    /// </summary>
    public static bool PatternCovers(string b, string a, bool ignoreCase)
    {
        if (ignoreCase)
        {
            a = a.ToLowerInvariant();
            b = b.ToLowerInvariant();
        }

        if (a == b || b == "*") return true;
        var firstWildcard = b.IndexOfAny(Glob.WildcardChars);
        if (firstWildcard < 0 || (long)a.Length * b.Length > MaxPatternWork) return false;

        // The literal text before b's first and after its last wildcard must be a's own prefix and suffix.
        var lastWildcard = b.LastIndexOfAny(Glob.WildcardChars);
        var suffix = b.Length - lastWildcard - 1;
        if (a.Length < firstWildcard + suffix
            || string.CompareOrdinal(a, 0, b, 0, firstWildcard) != 0
            || string.CompareOrdinal(a, a.Length - suffix, b, lastWildcard + 1, suffix) != 0)
            return false;
        var n = b.Length;
        var m = a.Length;
        var prev = new bool[m + 1];
        var cur = new bool[m + 1];
        prev[0] = true;
        for (var i = 1; i <= n; i++)
        {
            var pc = b[i - 1];
            cur[0] = pc == '*' && prev[0];
            for (var j = 1; j <= m; j++)
            {
                var ac = a[j - 1];
                cur[j] = pc switch
                {
                    '*' => prev[j] || cur[j - 1],
                    '?' => ac != '*' && prev[j - 1],
                    _ => ac == pc && prev[j - 1],
                };
            }

            (prev, cur) = (cur, prev);
        }

        return prev[m];
    }
}
