using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Text;

namespace EcrLint.Packs.EcrActions;

/// <summary>A principal a policy names, as a request principal for the evaluator and as a message shows it.</summary>
internal sealed class NamedPrincipal
{
    public NamedPrincipal(RequestPrincipal request, string display)
    {
        Request = request;
        Display = display;
    }

    public RequestPrincipal Request { get; }

    public string Display { get; }
}

/// <summary>Statement-level helpers shared by the ecr-actions rules: principals, resources, and fix text.</summary>
internal static class StatementHelpers
{
    public const string AnyoneDisplay = "any principal (`\"Principal\": \"*\"`)";

    /// <summary>
    /// The principals a statement names: <c>"*"</c> and <c>{"AWS": "*"}</c> as "anyone", each other AWS value as
    /// an IAM principal, each Service value as a service principal. A statement with neither Principal nor
    /// NotPrincipal (identity policy) applies to its holder, which "anyone" stands for. A NotPrincipal names nobody.
    /// </summary>
    public static List<NamedPrincipal> PrincipalsOf(PolicyStatement s, bool includeHolder)
    {
        var result = new List<NamedPrincipal>();
        if (s.Principal is null)
        {
            if (s.NotPrincipal is null && includeHolder) result.Add(new NamedPrincipal(RequestPrincipal.Anyone, "the policy's holder"));
            return result;
        }

        if (s.Principal.IsUnknown) return result;
        if (s.Principal.IsWildcard)
        {
            result.Add(new NamedPrincipal(RequestPrincipal.Anyone, AnyoneDisplay));
            return result;
        }

        foreach (var entry in s.Principal.Entries)
        {
            foreach (var v in entry.Value.Values)
            {
                if (!v.IsKnown || v.Value.Length == 0) continue;
                if (entry.Key == "AWS")
                {
                    result.Add(v.Value == "*"
                        ? new NamedPrincipal(RequestPrincipal.Anyone, AnyoneDisplay)
                        : new NamedPrincipal(RequestPrincipal.Arn(v.Value), "`" + v.Value + "`"));
                }
                else if (entry.Key == "Service")
                {
                    result.Add(new NamedPrincipal(RequestPrincipal.Service(v.Value), "`" + v.Value + "`"));
                }
            }
        }

        return result;
    }

    /// <summary>Whether the statement's Principal/NotPrincipal takes in this principal (statements without either apply to their holder).</summary>
    public static Truth AppliesTo(PolicyStatement s, RequestPrincipal principal)
    {
        if (s.Principal is not null) return PolicyEvaluator.PrincipalMatches(s.Principal, principal);
        if (s.NotPrincipal is not null) return PolicyEvaluator.PrincipalMatches(s.NotPrincipal, principal).Not();
        return Truth.True;
    }

    /// <summary>Whether some resource of the statement covers <c>"*"</c> (the only resource registry-wide calls are checked against).</summary>
    public static Truth CoversStar(PolicyStatement s, bool variablesEnabled)
    {
        var list = s.Resource ?? s.NotResource;
        if (list is null) return Truth.True;
        var any = Truth.False;
        foreach (var v in list.Values) any = any.Or(PolicyEvaluator.ResourcePatternMatches(v.Value, "*", false, variablesEnabled));
        if (list.HasUnknownValues && any == Truth.False) any = Truth.Unknown;
        return s.Resource is not null ? any : any.Not();
    }

    /// <summary>
    /// Whether the statement would apply to <paramref name="request"/> if its Action named the requested action:
    /// its resources, principal and conditions all match. Used to tell whether adding an action to it helps.
    /// </summary>
    public static Truth WouldMatchWithAction(PolicyStatement s, EvaluationRequest request, bool variablesEnabled)
    {
        var span = s.Actions?.Span ?? new TextSpan(s.Span.Start, 0);
        var clone = new PolicyStatement(s.Index, s.Document, s.Span)
        {
            Sid = s.Sid,
            EffectValue = s.EffectValue,
            Effect = s.Effect,
            Principal = s.Principal,
            NotPrincipal = s.NotPrincipal,
            Resource = s.Resource,
            NotResource = s.NotResource,
            HasUnknownConditions = s.HasUnknownConditions,
            ConditionSpan = s.ConditionSpan,
            Action = new PolicyValueList("Action", new[] { new PolicyValue(request.Action, s.Document, span) }, false, s.Document, span, span),
        };
        clone.Conditions.AddRange(s.Conditions);
        return PolicyEvaluator.Matches(clone, request, variablesEnabled);
    }

    /// <summary>
    /// A statement that allows one action on <c>"*"</c> to the same principals and under the same conditions as
    /// <paramref name="model"/>, with keys in the model's order. Null when the model's Principal or Condition
    /// holds JSON the fix cannot reproduce exactly (numbers, nulls) or the model did not come from JSON.
    /// </summary>
    public static JsonObjectBuilder? StarStatementLike(PolicyDocument policy, PolicyStatement model, string action)
    {
        if (model.Node is null) return null;
        var builder = new JsonObjectBuilder();
        var wrote = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in model.Node.Properties)
        {
            if (!wrote.Add(p.Name)) continue;
            switch (p.Name)
            {
                case "Sid":
                    var sid = NewSid(policy, model, "Token");
                    if (sid is not null) builder.Add("Sid", sid);
                    break;
                case "Effect":
                    builder.Add("Effect", "Allow");
                    break;
                case "Principal":
                    if (!TryCopy(p.Value, out var principal)) return null;
                    builder.Add("Principal", principal);
                    break;
                case "Action":
                    builder.Add("Action", action);
                    break;
                case "Resource":
                    builder.Add("Resource", "*");
                    break;
                case "Condition":
                    if (!TryCopy(p.Value, out var condition)) return null;
                    builder.Add("Condition", condition);
                    break;
                case "NotPrincipal":
                    // The copy would allow the token to everyone but these; do not guess.
                    return null;
            }
        }

        foreach (var required in new[] { "Effect", "Action", "Resource" })
        {
            if (!builder.Any(kv => kv.Key == required)) builder.Add(required, required == "Effect" ? "Allow" : required == "Action" ? action : "*");
        }

        return builder;
    }

    /// <summary><c>{Sid}{suffix}</c> when the model has a Sid and no statement has that one yet; else null.</summary>
    private static string? NewSid(PolicyDocument policy, PolicyStatement model, string suffix)
    {
        if (model.Sid is not { Value.Length: > 0 } sid) return null;
        var candidate = sid.Value + suffix;
        return SidsOf(policy).Contains(candidate) ? null : candidate;
    }

    [ThreadStatic] private static PolicyDocument? s_sidsPolicy;
    [ThreadStatic] private static HashSet<string>? s_sids;

    /// <summary>The Sids of a policy, gathered once per policy (a fix is built for every statement of a large policy).</summary>
    private static HashSet<string> SidsOf(PolicyDocument policy)
    {
        if (ReferenceEquals(s_sidsPolicy, policy) && s_sids is not null) return s_sids;
        var sids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in policy.Statements)
        {
            if (s.Sid?.Value is { } value) sids.Add(value);
        }

        s_sidsPolicy = policy;
        s_sids = sids;
        return sids;
    }

    /// <summary>Converts JSON into values <see cref="JsonEdits.Render"/> writes back identically (strings, booleans, arrays, objects).</summary>
    public static bool TryCopy(JsonNode node, out object value)
    {
        value = null!;
        switch (node)
        {
            case JsonString s:
                value = s.Value;
                return true;
            case JsonScalar { Kind: JsonNodeKind.Boolean } b:
                value = b.Raw == "true";
                return true;
            case JsonArray a:
            {
                var items = new List<object>();
                foreach (var item in a.Items)
                {
                    if (item is JsonObject or JsonArray || !TryCopy(item, out var v)) return false;
                    items.Add(v);
                }

                value = items;
                return true;
            }

            case JsonObject o:
            {
                var obj = new JsonObjectBuilder();
                foreach (var p in o.Properties)
                {
                    if (!TryCopy(p.Value, out var v)) return false;
                    obj.Add(p.Name, v);
                }

                value = obj;
                return true;
            }

            default:
                return false;
        }
    }

    /// <summary>
    /// Makes a fix's edits non-overlapping: when one edit replaces a span that holds another (appending a statement
    /// to a policy whose Statement is a single object rewrites that object), the inner edit is applied inside the
    /// outer one's new text. Null when the edits overlap in a way that cannot be merged.
    /// </summary>
    public static List<TextEdit>? Combine(string text, IEnumerable<TextEdit> edits)
    {
        var list = edits.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = 0; j < list.Count; j++)
            {
                if (i == j) continue;
                var outer = list[i];
                var inner = list[j];
                if (!Overlap(outer.Span, inner.Span)) continue;
                if (!(outer.Span.Contains(inner.Span) && outer.Span.Length > inner.Span.Length))
                {
                    if (inner.Span.Contains(outer.Span) && inner.Span.Length > outer.Span.Length) continue; // Merged when i and j swap.
                    return null;
                }

                var original = text.Substring(outer.Span.Start, outer.Span.Length);
                var at = outer.NewText.IndexOf(original, StringComparison.Ordinal);
                if (at < 0 || outer.NewText.IndexOf(original, at + 1, StringComparison.Ordinal) >= 0) return null;
                var rel = inner.Span.Start - outer.Span.Start;
                var updated = original.Substring(0, rel) + inner.NewText + original.Substring(rel + inner.Span.Length);
                list[i] = new TextEdit(outer.Span, outer.NewText.Substring(0, at) + updated + outer.NewText.Substring(at + original.Length));
                list.RemoveAt(j);
                return Combine(text, list);
            }
        }

        return list;
    }

    private static bool Overlap(TextSpan a, TextSpan b)
    {
        if (a.IsEmpty && b.IsEmpty) return a.Start == b.Start;
        if (a.IsEmpty) return a.Start > b.Start && a.Start < b.End;
        if (b.IsEmpty) return b.Start > a.Start && b.Start < a.End;
        return a.OverlapsWith(b);
    }

    /// <summary>"`a`, `b` and `c`".</summary>
    public static string JoinAnd(IReadOnlyList<string> items)
    {
        if (items.Count == 0) return "";
        if (items.Count == 1) return items[0];
        return string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
    }
}
