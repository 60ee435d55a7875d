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
            Duplicates(context, s.Action, "action", StringComparer.OrdinalIgnoreCase);
            Duplicates(context, s.NotAction, "action", StringComparer.OrdinalIgnoreCase);
            Duplicates(context, s.Resource, "resource", StringComparer.Ordinal);
            Duplicates(context, s.NotResource, "resource", StringComparer.Ordinal);
        }

        var comparable = new List<Shape>();
        foreach (var st in statements)
        {
            if (IsComparable(st)) comparable.Add(new Shape(st));
        }

        // A lone statement covers no other.
        if (comparable.Count < 2) return;
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
        }

        /// <summary>The values in their first order, each once (ordinal), lower-cased when asked.</summary>
        private static string[] DistinctValues(PolicyValueList list, bool lowerCase)
        {
            var result = new List<string>(list.Values.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var v in list.Values)
            {
                var text = lowerCase ? v.Value.ToLowerInvariant() : v.Value;
                if (seen.Add(text)) result.Add(text);
            }

            return result.ToArray();
        }

        private string? _condition;
        private string[]? _actions;
        private string[]? _resources;
        private string[]?[]? _resourceFields;

        public PolicyStatement Statement { get; }
        public string Principal { get; }

        // The rest is computed when a pair of statements gets that far (most pairs differ in effect or principal).
        public string Condition => _condition ??= ConditionKey(Statement);

        /// <summary>In lower case: actions compare case-insensitively.</summary>
        public string[] Actions => _actions ??= DistinctValues(Statement.Action!, lowerCase: true);

        public string[] Resources => _resources ??= DistinctValues(Statement.Resource!, lowerCase: false);

        /// <summary>For each resource that is an ARN: its six fields (the sixth is the whole resource part); else null.</summary>
        public string[]?[] ResourceFields
        {
            get
            {
                if (_resourceFields is not null) return _resourceFields;
                var resources = Resources;
                var fields = new string[]?[resources.Length];
                for (var i = 0; i < resources.Length; i++)
                {
                    var split = resources[i].Split(ArnSeparator, 6);
                    if (split.Length == 6 && split[0] == "arn") fields[i] = split;
                }

                return _resourceFields = fields;
            }
        }
    }

    private static readonly char[] ArnSeparator = { ':' };

    private static void Duplicates(PolicyContext context, PolicyValueList? list, string what, StringComparer comparer)
    {
        if (list is null || list.Values.Count < 2) return;
        // The first known value of each text (under the comparer), in order: a linear search for the usual short
        // lists, a table for long ones.
        var first = new List<PolicyValue>(list.Values.Count);
        var table = list.Values.Count > 16 ? new Dictionary<string, PolicyValue>(comparer) : null;
        foreach (var v in list.Values)
        {
            if (!v.IsKnown) continue;
            PolicyValue? earlier = null;
            if (table is not null)
            {
                if (table.TryGetValue(v.Value, out var found)) earlier = found;
            }
            else
            {
                foreach (var f in first)
                {
                    if (comparer.Equals(f.Value, v.Value))
                    {
                        earlier = f;
                        break;
                    }
                }
            }

            if (earlier is null)
            {
                first.Add(v);
                table?.Add(v.Value, v);
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
        // Actions first: they are cheaper to compare, and most pairs of statements differ in them.
        foreach (var x in a.Actions)
        {
            if (!AnyActionCovers(b.Actions, x)) return false;
        }

        for (var i = 0; i < a.Resources.Length; i++)
        {
            if (!AnyResourceCovers(b, a, i)) return false;
        }

        return true;
    }

    private static bool AnyActionCovers(string[] patterns, string value)
    {
        foreach (var p in patterns)
        {
            if (PatternCovers(p, value, ignoreCase: false)) return true;
        }

        return false;
    }

    private static bool AnyResourceCovers(Shape b, Shape a, int index)
    {
        var value = a.Resources[index];
        for (var i = 0; i < b.Resources.Length; i++)
        {
            var pattern = b.Resources[i];
            // The same text or "*" covers without the ARN fields; they are split only for a pattern with wildcards.
            if (pattern == "*" || pattern == value) return true;
            if (pattern.IndexOfAny(Glob.WildcardChars) < 0) continue;
            if (ResourceCovers(pattern, b.ResourceFields[i], value, a.ResourceFields[index])) return true;
        }

        return false;
    }

    private static string PrincipalKey(PrincipalElement? p)
    {
        if (p is null) return "";
        if (p.IsWildcard) return "*";
        if (p.Entries.Count == 1 && p.Entries[0].Value.Values.Count == 1) return p.Entries[0].Key + "=" + p.Entries[0].Value.Values[0].Value;
        return string.Join(";", p.Entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Key + "=" + string.Join(",", e.Value.Values.Select(v => v.Value).OrderBy(v => v, StringComparer.Ordinal))));
    }

    private static string ConditionKey(PolicyStatement s) =>
        string.Join(";", s.Conditions
            .Select(c => c.Operator.Value + "|" + c.Key.Value.ToLowerInvariant() + "|" + string.Join(",", c.Values.Values.Select(v => v.Value).OrderBy(v => v, StringComparer.Ordinal)))
            .OrderBy(t => t, StringComparer.Ordinal));

    /// <summary>Resources compare field by field when both are ARNs (a wildcard does not cross the first five colons).</summary>
    private static bool ResourceCovers(string b, string[]? pb, string a, string[]? pa)
    {
        if (b == "*" || a == b) return true;
        if (b.IndexOfAny(Glob.WildcardChars) < 0) return false;
        if (pb is not null && pa is not null)
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
