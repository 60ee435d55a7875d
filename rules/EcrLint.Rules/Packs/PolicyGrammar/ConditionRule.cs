using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR413: an unknown condition operator (error; the fix writes the unique nearest operator, set qualifiers
/// and <c>IfExists</c> included), and a condition key the IAM data does not know (warning): an <c>aws:</c> key
/// that is not global, or a key of ecr, ecr-public, s3, logs or ecs that those services do not define. Keys of
/// other services are not judged (the data has no keys for them). Keys compare case-insensitively (F38).
/// </summary>
public sealed class ConditionRule : PolicyRule
{
    /// <summary>The unknown-key findings are warnings (rules.md: "W for a condition key unknown to the action").</summary>
    public static readonly RuleDescriptor UnknownKey = RuleCatalog.ECR413.WithDefaultSeverity(Severity.Warning);

    private static readonly Lazy<IReadOnlyList<string>> s_operators = new(() =>
    {
        var all = new List<string>();
        foreach (var set in new[] { "", "ForAllValues:", "ForAnyValue:" })
        {
            foreach (var op in ConditionOperator.BaseOperators)
            {
                foreach (var suffix in new[] { "", "IfExists" })
                {
                    var text = set + op + suffix;
                    if (ConditionOperator.Parse(text) is not null) all.Add(text);
                }
            }
        }

        return all;
    });

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR413 };

    /// <summary>Every operator IAM accepts, qualified forms included.</summary>
    public static IReadOnlyList<string> AllOperators => s_operators.Value;

    public override void Analyze(PolicyContext context)
    {
        foreach (var s in context.Policy.Statements)
        {
            var seenOperators = new HashSet<TextSpan>();
            foreach (var test in s.Conditions)
            {
                if (seenOperators.Add(test.Operator.Span)) CheckOperator(context, s, test.Operator);
                CheckKey(context, s, test.Key);
            }

            // Operators whose keys object is empty have no test; they are still checked.
            if (s.Node?.Get("Condition")?.Value is JsonObject condition)
            {
                foreach (var op in condition.Properties)
                {
                    if (op.Value is JsonObject { Properties.Count: 0 } && seenOperators.Add(op.NameSpan))
                        CheckOperator(context, s, new PolicyValue(op.Name, s.Document, op.NameSpan));
                }
            }
        }
    }

    private static void CheckOperator(PolicyContext context, PolicyStatement s, PolicyValue op)
    {
        if (!op.IsKnown || ConditionOperator.Parse(op.Value) is not null) return;
        var nearest = Nearest(op.Value);
        Fix? fix = null;
        var property = FindOperator(s, op.Span);
        if (nearest is not null && property is not null
            && !property.Owner.Properties.Any(q => q != property && (q.Name == nearest || (ConditionOperator.Parse(q.Name) is null && Nearest(q.Name) == nearest))))
            fix = new Fix($"Use \"{nearest}\"", s.Document, JsonEdits.RenameKey(property, nearest), "UseNearestOperator");
        var todo = nearest is null ? "use an operator such as StringEquals, StringLike, ArnLike, Bool or IpAddress" : $"write \"{nearest}\"";
        context.Report(RuleCatalog.ECR413, op.Location,
            $"`{op.Value}` in statement {s.Label} is not a condition operator: IAM rejects the policy (operators are case-sensitive); {todo}.",
            fix);
    }

    private static void CheckKey(PolicyContext context, PolicyStatement s, PolicyValue key)
    {
        if (!key.IsKnown || !context.IsEnabled(UnknownKey)) return;
        var name = key.Value;
        if (context.Iam.IsKnownConditionKey(name) != false) return;

        string hint;
        if (name.IndexOf(':') < 0 && context.Iam.IsKnownConditionKey("aws:" + name) == true)
            hint = $"write `aws:{name}`";
        else if (name.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            hint = "it is not a global condition key; check the spelling against the IAM global condition keys";
        else if (name.IndexOf(':') < 0)
            hint = "condition keys are written `service:name` (`aws:SourceVpce`, `ecr:ResourceTag/team`)";
        else
            hint = $"no action of the `{name.Substring(0, name.IndexOf(':'))}` service takes it; check the spelling against the Service Authorization Reference";
        context.Report(UnknownKey, key.Location,
            $"The condition key `{name}` in statement {s.Label} is unknown: a key absent from the request makes the condition false (true for negated operators and IfExists), so the statement does not do what it says; {hint}.");
    }

    /// <summary>The unique nearest valid operator, or null.</summary>
    public static string? Nearest(string op)
    {
        var exact = AllOperators.Where(o => string.Equals(o, op, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1) return exact[0];
        return Suggestions.Nearest(op.Trim(), AllOperators);
    }

    private static JsonProperty? FindOperator(PolicyStatement s, TextSpan span)
    {
        if (s.Node?.Get("Condition")?.Value is not JsonObject condition) return null;
        foreach (var p in condition.Properties)
        {
            if (p.NameSpan == span) return p;
        }

        return null;
    }
}
