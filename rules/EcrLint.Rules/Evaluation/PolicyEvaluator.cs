using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EcrLint.Policy;

namespace EcrLint.Evaluation;

public enum Decision
{
    /// <summary>An Allow statement matches and no Deny does.</summary>
    Allowed,

    /// <summary>A Deny statement matches.</summary>
    ExplicitDeny,

    /// <summary>No statement allows it (and none is unsure).</summary>
    ImplicitDeny,

    /// <summary>The answer depends on something the evaluator cannot decide (a condition, a computed value).</summary>
    Unknown,
}

/// <summary>Why a statement could not be decided for a request.</summary>
public sealed class UnknownReason
{
    public UnknownReason(PolicyStatement statement, string reason, PolicyValue? at)
    {
        Statement = statement;
        Reason = reason;
        At = at;
    }

    public PolicyStatement Statement { get; }
    public string Reason { get; }

    /// <summary>The value the reason is about (a condition key), when there is one.</summary>
    public PolicyValue? At { get; }

    public override string ToString() => Reason;
}

public sealed class EvaluationResult
{
    internal EvaluationResult(Decision decision, IReadOnlyList<PolicyStatement> deciding, IReadOnlyList<UnknownReason> unknowns)
    {
        Decision = decision;
        DecidingStatements = deciding;
        Unknowns = unknowns;
    }

    public Decision Decision { get; }

    /// <summary>
    /// The statements that decided: the matching Denies for <see cref="Decision.ExplicitDeny"/>, the matching
    /// Allows for <see cref="Decision.Allowed"/>, the undecidable ones for <see cref="Decision.Unknown"/>.
    /// </summary>
    public IReadOnlyList<PolicyStatement> DecidingStatements { get; }

    public IReadOnlyList<UnknownReason> Unknowns { get; }

    public bool IsAllowed => Decision == Decision.Allowed;

    /// <summary>Denied for certain, explicitly or implicitly.</summary>
    public bool IsDenied => Decision is Decision.ExplicitDeny or Decision.ImplicitDeny;

    /// <summary>"the condition StringEquals aws:SourceVpce (line 9) cannot be evaluated ..." for messages.</summary>
    public string DescribeUnknowns() => string.Join("; ", Unknowns.Select(u => u.Reason).Distinct());

    /// <summary>The first <paramref name="max"/> distinct reasons, then how many more there are.</summary>
    public string DescribeUnknowns(int max)
    {
        var reasons = Unknowns.Select(u => u.Reason).Distinct().ToList();
        if (reasons.Count <= max) return string.Join("; ", reasons);
        return string.Join("; ", reasons.Take(max)) + $"; and {reasons.Count - max} more";
    }
}

/// <summary>
/// Evaluates a policy for one request the way IAM does for a single policy: an explicit Deny wins, then any
/// Allow, else the request is implicitly denied. Statements are matched on Action/NotAction (case-insensitive
/// wildcards), Resource/NotResource (case-sensitive, ARN-segment-aware wildcards), Principal/NotPrincipal and
/// Condition (String*, Arn*, Bool, Null, ...IfExists, ForAllValues:/ForAnyValue:). Whatever cannot be decided
/// (numeric, date and IP operators on keys with values, unknown operators, policy variables, computed values)
/// makes the match Unknown, and an Unknown that could change the outcome makes the decision Unknown.
/// </summary>
public static class PolicyEvaluator
{
    public static EvaluationResult Evaluate(PolicyDocument policy, EvaluationRequest request) =>
        Evaluate(policy.Statements, request, policy.HasCurrentVersion, policy.HasUnknownStatements);

    public static EvaluationResult Evaluate(IEnumerable<PolicyStatement> statements, EvaluationRequest request, bool variablesEnabled = true, bool hasUnknownStatements = false)
    {
        var allows = new List<PolicyStatement>();
        var denies = new List<PolicyStatement>();
        var unsureAllows = new List<PolicyStatement>();
        var unsureDenies = new List<PolicyStatement>();
        var unknowns = new List<UnknownReason>();

        foreach (var s in statements)
        {
            if (!s.IsEvaluable) continue;
            var reasons = new List<UnknownReason>();
            var match = Matches(s, request, variablesEnabled, reasons);
            if (match == Truth.False) continue;
            var deny = s.Effect == StatementEffect.Deny;
            if (match == Truth.True)
            {
                (deny ? denies : allows).Add(s);
            }
            else
            {
                (deny ? unsureDenies : unsureAllows).Add(s);
                unknowns.AddRange(reasons);
            }
        }

        if (denies.Count > 0) return new EvaluationResult(Decision.ExplicitDeny, denies, Array.Empty<UnknownReason>());
        if (allows.Count > 0)
        {
            return unsureDenies.Count == 0
                ? new EvaluationResult(Decision.Allowed, allows, Array.Empty<UnknownReason>())
                : new EvaluationResult(Decision.Unknown, unsureDenies, unknowns.Where(u => u.Statement.Effect == StatementEffect.Deny).ToList());
        }

        if (unsureAllows.Count > 0)
            return new EvaluationResult(Decision.Unknown, unsureAllows, unknowns.Where(u => u.Statement.Effect == StatementEffect.Allow).ToList());
        if (hasUnknownStatements)
            return new EvaluationResult(Decision.Unknown, Array.Empty<PolicyStatement>(), Array.Empty<UnknownReason>());
        return new EvaluationResult(Decision.ImplicitDeny, Array.Empty<PolicyStatement>(), Array.Empty<UnknownReason>());
    }

    /// <summary>Whether one statement applies to the request (its Effect aside).</summary>
    public static Truth Matches(PolicyStatement s, EvaluationRequest request, bool variablesEnabled, List<UnknownReason>? reasons = null)
    {
        var result = MatchAction(s, request.Action);
        if (result == Truth.False) return Truth.False;
        if (result == Truth.Unknown) reasons?.Add(new UnknownReason(s, $"an action of {s.Describe()} is not a literal", null));
        result = result.And(MatchResource(s, request, variablesEnabled, reasons));
        if (result == Truth.False) return Truth.False;
        result = result.And(MatchPrincipal(s, request.Principal, reasons));
        if (result == Truth.False) return Truth.False;
        return result.And(MatchConditions(s, request, variablesEnabled, reasons));
    }

    public static Truth MatchAction(PolicyStatement s, string action)
    {
        var list = s.Action ?? s.NotAction;
        if (list is null) return Truth.False;
        var any = Truth.False;
        foreach (var v in list.Values) any = any.Or(ActionPatternMatches(v.Value, action).ToTruth());
        if (list.HasUnknownValues && any == Truth.False) any = Truth.Unknown;
        return s.Action is not null ? any : any.Not();
    }

    /// <summary>IAM action matching: case-insensitive, <c>*</c> and <c>?</c> wildcards.</summary>
    public static bool ActionPatternMatches(string pattern, string action) => Glob.Get(pattern, ignoreCase: true).IsMatch(action);

    /// <summary>Whether the statement's Resource/NotResource covers the request's resource (True when it has neither).</summary>
    public static Truth MatchResource(PolicyStatement s, EvaluationRequest request, bool variablesEnabled, List<UnknownReason>? reasons = null)
    {
        var list = s.Resource ?? s.NotResource;
        if (list is null) return Truth.True; // Resource is optional in some policy kinds (e.g. trust policies).
        var any = Truth.False;
        foreach (var v in list.Values)
        {
            var m = ResourcePatternMatches(v.Value, request.Resource, request.ResourceIsPrefix, variablesEnabled);
            if (m == Truth.Unknown) reasons?.Add(new UnknownReason(s, $"the resource `{v.Value}` of {s.Describe()} may or may not cover `{request.Resource}{(request.ResourceIsPrefix ? "…" : "")}`", v));
            any = any.Or(m);
        }

        if (list.HasUnknownValues && any == Truth.False)
        {
            any = Truth.Unknown;
            reasons?.Add(new UnknownReason(s, $"a resource of {s.Describe()} is not a literal", null));
        }

        return s.Resource is not null ? any : any.Not();
    }

    /// <summary>
    /// Resource matching: case-sensitive; ARNs are compared segment by segment (a wildcard does not cross the
    /// first five colons), the resource part as a whole. Policy variables (with Version 2012-10-17) make a match
    /// that depends on them Unknown.
    /// </summary>
    public static Truth ResourcePatternMatches(string pattern, string resource, bool resourceIsPrefix = false, bool variablesEnabled = true)
    {
        if (pattern == "*") return Truth.True;
        if (pattern.IndexOfAny(Glob.WildcardChars) < 0 && !(variablesEnabled && pattern.IndexOf("${", StringComparison.Ordinal) >= 0))
        {
            // A literal names one resource: it is the request's, or (for a prefix request) one of many or none.
            if (!resourceIsPrefix) return string.Equals(pattern, resource, StringComparison.Ordinal).ToTruth();
            return pattern.Length > resource.Length && pattern.StartsWith(resource, StringComparison.Ordinal) ? Truth.Unknown : Truth.False;
        }

        var hasVariables = false;
        if (variablesEnabled && pattern.IndexOf("${", StringComparison.Ordinal) >= 0)
        {
            pattern = ReplaceVariables(pattern, out hasVariables);
        }

        var p = SplitArn(pattern);
        var r = SplitArn(resource);
        Truth result;
        if (p is null || r is null)
        {
            var g = Glob.Get(pattern, ignoreCase: false);
            result = resourceIsPrefix ? g.MatchesAllWithPrefix(resource) : g.IsMatch(resource).ToTruth();
        }
        else
        {
            result = Truth.True;
            for (var i = 0; i < 5 && result != Truth.False; i++)
            {
                result = result.And(Glob.Get(p[i], ignoreCase: false).IsMatch(r[i]).ToTruth());
            }

            if (result != Truth.False)
            {
                var g = Glob.Get(p[5], ignoreCase: false);
                result = result.And(resourceIsPrefix ? g.MatchesAllWithPrefix(r[5]) : g.IsMatch(r[5]).ToTruth());
            }
        }

        // With variables replaced by '*', a match is only possible, not certain.
        return hasVariables && result == Truth.True ? Truth.Unknown : result;
    }

    private static string[]? SplitArn(string arn)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal)) return null;
        var parts = arn.Split(new[] { ':' }, 6);
        return parts.Length == 6 ? parts : null;
    }

    private static Truth MatchPrincipal(PolicyStatement s, RequestPrincipal principal, List<UnknownReason>? reasons)
    {
        if (s.Principal is null && s.NotPrincipal is null) return Truth.True; // Identity policy: it applies to its holder.
        var element = s.Principal ?? s.NotPrincipal!;
        var m = PrincipalMatches(element, principal);
        if (m == Truth.Unknown) reasons?.Add(new UnknownReason(s, $"the {element.ElementName} of {s.Describe()} cannot be read", null));
        return s.Principal is not null ? m : m.Not();
    }

    public static Truth PrincipalMatches(PrincipalElement element, RequestPrincipal principal)
    {
        if (element.IsWildcard) return Truth.True;
        if (element.IsUnknown) return Truth.Unknown;
        var any = Truth.False;
        foreach (var entry in element.Entries)
        {
            foreach (var v in entry.Value.Values)
            {
                any = any.Or(PrincipalValueMatches(entry.Key, v.Value, principal));
            }

            if (entry.Value.HasUnknownValues && any == Truth.False) any = Truth.Unknown;
        }

        return any;
    }

    private static Truth PrincipalValueMatches(string type, string value, RequestPrincipal principal)
    {
        if (type == "AWS" && value == "*") return Truth.True;
        switch (principal.Kind)
        {
            case RequestPrincipalKind.Anyone:
            case RequestPrincipalKind.AwsOwned:
                return Truth.False;
            case RequestPrincipalKind.Service:
                return (type == "Service" && string.Equals(value, principal.Value, StringComparison.OrdinalIgnoreCase)).ToTruth();
            default:
                if (type != "AWS") return Truth.False;
                if (value == principal.Value) return Truth.True;
                // A 12-digit account or the account's root ARN stands for every principal of that account.
                var account = value.Length == 12 && value.All(char.IsDigit) ? value
                    : value.StartsWith("arn:", StringComparison.Ordinal) && value.EndsWith(":root", StringComparison.Ordinal) ? value.Split(':')[4]
                    : null;
                return (account is not null && account == principal.Account).ToTruth();
        }
    }

    private static Truth MatchConditions(PolicyStatement s, EvaluationRequest request, bool variablesEnabled, List<UnknownReason>? reasons)
    {
        var result = Truth.True;
        if (s.HasUnknownConditions)
        {
            reasons?.Add(new UnknownReason(s, $"a condition of {s.Describe()} is not a literal", null));
            result = Truth.Unknown;
        }

        foreach (var test in s.Conditions)
        {
            var m = EvaluateCondition(test, request, variablesEnabled, out var why);
            if (m == Truth.Unknown)
            {
                var line = test.Key.Location.Start.Line;
                reasons?.Add(new UnknownReason(s, $"the condition {test.Operator.Value} `{test.Key.Value}` (line {line}) of {s.Describe()} cannot be evaluated{(why is null ? "" : ": " + why)}", test.Key));
            }

            result = result.And(m);
            if (result == Truth.False) return Truth.False;
        }

        return result;
    }

    /// <summary>Evaluates one condition test against the request.</summary>
    public static Truth EvaluateCondition(ConditionTest test, EvaluationRequest request, bool variablesEnabled, out string? why)
    {
        why = null;
        var op = ConditionOperator.Parse(test.Operator.Value);
        if (op is null)
        {
            why = $"`{test.Operator.Value}` is not a condition operator";
            return Truth.Unknown;
        }

        var context = request.Lookup(test.Key.Value);
        var values = test.Values.Values;

        if (op.Base == "Null")
        {
            // "Null": "true" means the key must be absent.
            var wantAbsent = Truth.False;
            foreach (var v in values) wantAbsent = wantAbsent.Or(string.Equals(v.Value, "true", StringComparison.OrdinalIgnoreCase).ToTruth());
            if (test.Values.HasUnknownValues && wantAbsent == Truth.False) return Unsure(out why, "a value is not a literal");
            return context.Kind switch
            {
                ContextValueKind.Absent => wantAbsent,
                ContextValueKind.Unknown => Unsure(out why, $"`{test.Key.Value}` may or may not be in the request"),
                _ => wantAbsent.Not(),
            };
        }

        if (context.Kind == ContextValueKind.Absent)
        {
            if (op.IfExists) return Truth.True;
            if (op.Set == SetOperator.ForAllValues) return Truth.True;
            if (op.Set == SetOperator.ForAnyValue) return Truth.False;
            return op.Negated.ToTruth();
        }

        if (context.Kind == ContextValueKind.Unknown)
            return Unsure(out why, $"the request's `{test.Key.Value}` is not known");

        if (!op.IsDecidable)
            return Unsure(out why, $"{op.Base} is not evaluated by EcrLint");

        if (test.Values.HasUnknownValues) return Unsure(out why, "a value is not a literal");

        // The result for one request value: does it match any of the policy's values (positive form)?
        Truth MatchOne(string requestValue)
        {
            var any = Truth.False;
            foreach (var v in values)
            {
                any = any.Or(ValueMatches(op, v.Value, requestValue, variablesEnabled));
                if (any == Truth.True) break;
            }

            return any;
        }

        // A negated operator is the negation of its positive form for each request value; the set qualifiers
        // then ask that all (ForAllValues) or any (ForAnyValue) request value passes.
        Truth Test(Truth positive) => op.Negated ? positive.Not() : positive;

        if (context.Kind == ContextValueKind.Foreign)
        {
            // A value nobody wrote: it matches only patterns that match anything; a policy variable may stand
            // for the same foreign value (aws:ResourceAccount = ${aws:PrincipalAccount}), so that is unsure.
            var positive = Truth.False;
            foreach (var v in values)
            {
                if (op.IsPattern && v.Value.Trim('*').Length == 0 && v.Value.Length > 0) positive = Truth.True;
                else if (variablesEnabled && ContainsVariable(v.Value)) positive = positive.Or(Truth.Unknown);
            }

            if (positive == Truth.Unknown) why = "the request's value of `" + test.Key.Value + "` is not known and a policy variable may equal it";
            return Test(positive);
        }

        var requestValues = context.Values;
        Truth result;
        switch (op.Set)
        {
            case SetOperator.ForAllValues:
                result = Truth.True;
                foreach (var rv in requestValues) result = result.And(Test(MatchOne(rv)));
                break;
            case SetOperator.ForAnyValue:
                result = Truth.False;
                foreach (var rv in requestValues) result = result.Or(Test(MatchOne(rv)));
                break;
            default:
            {
                var positive = Truth.False;
                foreach (var rv in requestValues) positive = positive.Or(MatchOne(rv));
                result = Test(positive);
                break;
            }
        }

        if (result == Truth.Unknown) why = "it compares with a policy variable whose value is not known";
        return result;
    }

    private static bool ContainsVariable(string value)
    {
        ReplaceVariables(value, out var hasVariables);
        return hasVariables;
    }

    private static Truth Unsure(out string? why, string reason)
    {
        why = reason;
        return Truth.Unknown;
    }

    private static Truth ValueMatches(ConditionOperator op, string policyValue, string requestValue, bool variablesEnabled)
    {
        var hasVariables = false;
        if (variablesEnabled && policyValue.IndexOf("${", StringComparison.Ordinal) >= 0)
        {
            policyValue = ReplaceVariables(policyValue, out hasVariables);
            if (hasVariables && !op.IsPattern)
            {
                // A variable in an exact comparison: equal only if the variable's value happens to fit.
                return Glob.Get(policyValue, op.IgnoreCase).IsMatch(requestValue) ? Truth.Unknown : Truth.False;
            }
        }

        Truth result;
        switch (op.Base)
        {
            case "StringEquals":
            case "StringNotEquals":
                result = string.Equals(policyValue, requestValue, StringComparison.Ordinal).ToTruth();
                break;
            case "StringEqualsIgnoreCase":
            case "StringNotEqualsIgnoreCase":
                result = string.Equals(policyValue, requestValue, StringComparison.OrdinalIgnoreCase).ToTruth();
                break;
            case "Bool":
                result = string.Equals(policyValue, requestValue, StringComparison.OrdinalIgnoreCase).ToTruth();
                break;
            case "ArnEquals":
            case "ArnNotEquals":
            case "ArnLike":
            case "ArnNotLike":
                result = ResourcePatternMatches(policyValue, requestValue, false, false);
                break;
            default:
                result = Glob.Get(policyValue, ignoreCase: false).IsMatch(requestValue).ToTruth();
                break;
        }

        return hasVariables && result == Truth.True ? Truth.Unknown : result;
    }

    /// <summary>Replaces policy variables by <c>*</c>; keeps the escapes <c>${*}</c>, <c>${?}</c>, <c>${$}</c> as their characters.</summary>
    internal static string ReplaceVariables(string value, out bool hasVariables)
    {
        hasVariables = false;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                var close = value.IndexOf('}', i + 2);
                if (close > 0)
                {
                    var name = value.Substring(i + 2, close - i - 2);
                    if (name is "*" or "?" or "$")
                    {
                        // An escaped wildcard is a literal character; '*' and '?' literals are rare enough to match loosely.
                        sb.Append(name);
                    }
                    else
                    {
                        hasVariables = true;
                        sb.Append('*');
                    }

                    i = close;
                    continue;
                }
            }

            sb.Append(value[i]);
        }

        return sb.ToString();
    }
}
