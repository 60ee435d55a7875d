using System;
using System.Collections.Generic;
using System.Text;
using EcrLint.Policy;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// A canonical text of a policy for comparing two endpoints' policies (ECR016), read from the model so that a
/// policy written as JSON and the same policy built with CDK statements compare equal: statements in any order,
/// values in any order, one value or a list of one alike; Sids and Version do not change what a policy allows.
/// Null when anything in the policy is not known.
/// </summary>
internal static class PolicyFingerprints
{
    public static string? Of(PolicyDocument policy)
    {
        if (policy.HasUnknownStatements) return null;
        var statements = new List<string>();
        foreach (var s in policy.Statements)
        {
            var text = Statement(s);
            if (text is null) return null;
            statements.Add(text);
        }

        statements.Sort(StringComparer.Ordinal);
        return string.Join("\n", statements);
    }

    private static string? Statement(PolicyStatement s)
    {
        if (s.HasUnknownConditions || s.EffectValue is { IsKnown: false }) return null;
        var sb = new StringBuilder();
        sb.Append(s.Effect).Append('|');
        if (!Principal(sb, "P", s.Principal) || !Principal(sb, "NP", s.NotPrincipal)) return null;
        if (!List(sb, "A", s.Action, ignoreCase: true) || !List(sb, "NA", s.NotAction, ignoreCase: true)) return null;
        if (!List(sb, "R", s.Resource, ignoreCase: false) || !List(sb, "NR", s.NotResource, ignoreCase: false)) return null;
        var conditions = new List<string>();
        foreach (var c in s.Conditions)
        {
            if (!c.Operator.IsKnown || !c.Key.IsKnown) return null;
            var values = Values(c.Values, ignoreCase: false);
            if (values is null) return null;
            conditions.Add(c.Operator.Value + ":" + c.Key.Value.ToLowerInvariant() + "=" + values);
        }

        conditions.Sort(StringComparer.Ordinal);
        sb.Append("C=").Append(string.Join(";", conditions));
        return sb.ToString();
    }

    private static bool Principal(StringBuilder sb, string name, PrincipalElement? p)
    {
        if (p is null) return true;
        if (p.IsUnknown) return false;
        if (p.IsWildcard)
        {
            sb.Append(name).Append("=*|");
            return true;
        }

        var entries = new List<string>();
        foreach (var e in p.Entries)
        {
            var values = Values(e.Value, ignoreCase: false);
            if (values is null) return false;
            entries.Add(e.Key + ":" + values);
        }

        entries.Sort(StringComparer.Ordinal);
        sb.Append(name).Append('=').Append(string.Join(";", entries)).Append('|');
        return true;
    }

    private static bool List(StringBuilder sb, string name, PolicyValueList? list, bool ignoreCase)
    {
        if (list is null) return true;
        var values = Values(list, ignoreCase);
        if (values is null) return false;
        sb.Append(name).Append('=').Append(values).Append('|');
        return true;
    }

    private static string? Values(PolicyValueList list, bool ignoreCase)
    {
        if (list.HasUnknownValues) return null;
        var values = new List<string>();
        foreach (var v in list.Values)
        {
            if (!v.IsKnown) return null;
            values.Add(ignoreCase ? v.Value.ToLowerInvariant() : v.Value);
        }

        values.Sort(StringComparer.Ordinal);
        return string.Join(",", values);
    }
}
