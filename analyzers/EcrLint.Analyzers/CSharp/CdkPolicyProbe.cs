using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EcrLint.Engine;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// What a code fix needs to add to a policy built with CDK types what the engine's JSON fix adds (ECR101's layer
/// bucket statement, ECR202's missing pull actions, ECR301's PreventDelete statement): the policy is written out as
/// JSON, linted with the same kind and context, the matching finding's fix is applied, and the difference is carried
/// in the diagnostic's properties (<c>EcrLint.AddActions</c>, <c>EcrLint.NewStatement</c> as JSON, and
/// <c>EcrLint.PolicyAnchor</c>, where the policy is gathered). Policies with values the code does not show are not
/// probed: their JSON would not say the same thing.
/// </summary>
internal static class CdkPolicyProbe
{
    /// <summary>The region a layer bucket statement is written with when the policy's region is not known; the code fix writes <c>Aws.REGION</c> instead.</summary>
    internal const string StandInRegion = "us-east-1";

    private static readonly HashSet<string> ProbedRules = new() { "ECR101", "ECR202", "ECR301" };

    private sealed class ProbeRun
    {
        public ProbeRun(List<Finding> original, List<Finding> probe, PolicyDocument probePolicy, bool regionStandIn)
        {
            Original = original;
            Probe = probe;
            ProbePolicy = probePolicy;
            RegionStandIn = regionStandIn;
        }

        public List<Finding> Original { get; }
        public List<Finding> Probe { get; }
        public PolicyDocument ProbePolicy { get; }
        public bool RegionStandIn { get; }
    }

    public static IEnumerable<KeyValuePair<string, string?>> Hints(Finding finding, BuiltPolicy built, LintContext context)
    {
        if (!ProbedRules.Contains(finding.RuleId)) return System.Array.Empty<KeyValuePair<string, string?>>();
        var anchor = built.Group.Anchor.Span;
        var result = new List<KeyValuePair<string, string?>>
        {
            new("EcrLint.PolicyAnchor", Invariant(anchor.Start) + ":" + Invariant(anchor.Length)),
        };

        var run = Run(built, context, finding.RuleId);
        if (run is null) return result;
        var ordinal = 0;
        foreach (var f in run.Original)
        {
            if (f.RuleId != finding.RuleId) continue;
            if (f.Location.Span == finding.Location.Span && f.Message == finding.Message) break;
            ordinal++;
        }

        var matching = run.Probe.Where(f => f.RuleId == finding.RuleId).ToList();
        if (matching.Count != run.Original.Count(f => f.RuleId == finding.RuleId) || ordinal >= matching.Count) return result;
        var fix = matching[ordinal].Fix;
        if (fix is null || !ReferenceEquals(fix.Document, run.ProbePolicy.Document)) return result;

        // The policy after the fix, statement by statement.
        var fixedText = TextEdits.Apply(run.ProbePolicy.Document.Text, fix.Edits);
        var parsed = JsonParser.Parse(new SourceDocument("probe.json", fixedText));
        if (parsed.Root is not JsonObject root) return result;
        var after = PolicyBinder.Bind(root);
        var before = run.ProbePolicy;
        if (after.Statements.Count < before.Statements.Count) return result;
        for (var i = 0; i < before.Statements.Count; i++)
        {
            var old = Values(before.Statements[i].Action);
            var added = Values(after.Statements[i].Action).Where(a => !old.Contains(a)).ToList();
            if (added.Count == 0) continue;
            result.Add(new("EcrLint.AddActions", string.Join(",", added)));
            result.Add(new("EcrLint.Statement", Invariant(i)));
        }

        for (var i = before.Statements.Count; i < after.Statements.Count; i++)
        {
            var node = after.Statements[i].Node;
            if (node is null) continue;
            result.Add(new("EcrLint.NewStatement", fixedText.Substring(node.Span.Start, node.Span.Length)));
            break;
        }

        if (run.RegionStandIn) result.Add(new("EcrLint.RegionStandIn", StandInRegion));
        result.Add(new("EcrLint.FixTitle", fix.Title));
        return result;
    }

    private static List<string> Values(PolicyValueList? list) => list is null ? new List<string>() : list.Values.Select(v => v.Value).ToList();

    private static ProbeRun? Run(BuiltPolicy built, LintContext context, string ruleId)
    {
        // ECR101's statement names the layer bucket of a region: probed with a stand-in when the region is not known.
        var standIn = ruleId == "ECR101" && context.Region is null;
        var key = standIn ? "standin" : "";
        var runs = built.ProbeRuns;
        lock (runs)
        {
            if (runs.TryGetValue(key, out var cached)) return (ProbeRun?)cached;
            var run = Create(built, standIn ? new LintContext { Region = StandInRegion, Account = context.Account, Severities = context.Severities } : context, context, standIn);
            runs[key] = run;
            return run;
        }
    }

    private static ProbeRun? Create(BuiltPolicy built, LintContext probeContext, LintContext context, bool standIn)
    {
        var policy = built.Policy;
        var json = Render(policy);
        if (json is null) return null;
        var doc = new SourceDocument("probe.json", json);
        var parsed = JsonParser.Parse(doc);
        if (parsed.Root is not JsonObject root) return null;
        var probePolicy = PolicyBinder.Bind(root);
        var original = Linter.LintPolicy(policy, built.Kind, context, builtWithTypes: true).ToList();
        var probe = Linter.LintPolicy(probePolicy, built.Kind, probeContext).ToList();
        return new ProbeRun(original, probe, probePolicy, standIn);
    }

    /// <summary>The policy as JSON, one statement per line; null when some value is not known.</summary>
    internal static string? Render(PolicyDocument policy)
    {
        if (policy.HasUnknownStatements) return null;
        var statements = new List<object>();
        foreach (var s in policy.Statements)
        {
            if (s.HasUnknownConditions || s.EffectValue is { IsKnown: false } || s.Effect is not (StatementEffect.Allow or StatementEffect.Deny)) return null;
            var o = new JsonObjectBuilder();
            if (s.Sid is { } sid)
            {
                if (!sid.IsKnown) return null;
                o.Add("Sid", sid.Value);
            }

            o.Add("Effect", s.Effect == StatementEffect.Deny ? "Deny" : "Allow");
            if (!AddPrincipal(o, s.Principal) || !AddPrincipal(o, s.NotPrincipal)) return null;
            if (!AddList(o, s.Action) || !AddList(o, s.NotAction) || !AddList(o, s.Resource) || !AddList(o, s.NotResource)) return null;
            if (s.Conditions.Count > 0)
            {
                var condition = new JsonObjectBuilder();
                foreach (var test in s.Conditions)
                {
                    if (!test.Operator.IsKnown || !test.Key.IsKnown || test.Values.HasUnknownValues || test.Values.Values.Any(v => !v.IsKnown)) return null;
                    var block = condition.FirstOrDefault(p => p.Key == test.Operator.Value).Value as JsonObjectBuilder;
                    if (block is null)
                    {
                        block = new JsonObjectBuilder();
                        condition.Add(test.Operator.Value, block);
                    }

                    block.Add(test.Key.Value, test.Values.Values.Select(v => (object)v.Value).ToList());
                }

                o.Add("Condition", condition);
            }

            statements.Add(o);
        }

        var style = new JsonStyle { NewLine = "\n", IndentUnit = "  ", Colon = ": ", PadBraces = false };
        var lines = statements.Select(s => "    " + JsonEdits.Render(s, style, "    ", false));
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + string.Join(",\n", lines) + "\n  ]\n}\n";
    }

    private static bool AddPrincipal(JsonObjectBuilder o, PrincipalElement? principal)
    {
        if (principal is null) return true;
        if (principal.IsUnknown) return false;
        if (principal.IsWildcard)
        {
            o.Add(principal.ElementName, "*");
            return true;
        }

        var map = new JsonObjectBuilder();
        foreach (var e in principal.Entries)
        {
            if (e.Value.HasUnknownValues || e.Value.Values.Any(v => !v.IsKnown)) return false;
            map.Add(e.Key, e.Value.Values.Select(v => (object)v.Value).ToList());
        }

        o.Add(principal.ElementName, map);
        return true;
    }

    private static bool AddList(JsonObjectBuilder o, PolicyValueList? list)
    {
        if (list is null) return true;
        if (list.HasUnknownValues || list.Values.Any(v => !v.IsKnown)) return false;
        o.Add(list.ElementName, list.Values.Select(v => (object)v.Value).ToList());
        return true;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
