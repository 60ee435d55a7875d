using System;
using System.Collections.Generic;
using EcrLint.Fixes;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.EcrActions;

/// <summary>
/// Checks every Action and NotAction value of every policy against the IAM data, in one pass:
/// ECR201 an <c>ecr:</c> action the data does not know; ECR205 a malformed action (empty, whitespace, no
/// <c>service:</c> prefix, unknown service, a wildcard that matches nothing, an unknown action of another
/// service); ECR208 a known action not in AWS's casing. Each value gets at most one of the three.
/// </summary>
public sealed class ActionNameRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR201, RuleCatalog.ECR205, RuleCatalog.ECR208 };

    public override void Analyze(PolicyContext context)
    {
        var iam = context.Iam;
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var value in ActionText.ActionValues(statement))
            {
                var info = ActionText.Classify(value.Value, iam);
                switch (info.Problem)
                {
                    case ActionProblem.None:
                        CheckCasing(context, value, info);
                        break;
                    case ActionProblem.UnknownEcrAction:
                        ReportUnknownEcrAction(context, value, info);
                        break;
                    default:
                        ReportMalformed(context, value, info);
                        break;
                }
            }
        }
    }

    private static void ReportUnknownEcrAction(PolicyContext context, PolicyValue value, ActionInfo info)
    {
        var rule = RuleCatalog.ECR201;
        if (!context.IsEnabled(rule)) return;
        var suggestion = ActionText.Suggest(info, context.Iam);
        var advice = suggestion is not null
            ? $"did you mean `{suggestion}`?"
            : "check the name against the Amazon ECR actions of the Service Authorization Reference.";
        context.Report(rule, value.Location,
            $"`{value.Value}` is not an Amazon ECR action: IAM matches no request to an action it does not know, so this entry allows or denies nothing; {advice}",
            ReplaceFix(rule, value, suggestion, "UseNearestAction"));
    }

    private static void ReportMalformed(PolicyContext context, PolicyValue value, ActionInfo info)
    {
        var rule = RuleCatalog.ECR205;
        if (!context.IsEnabled(rule)) return;
        var suggestion = ActionText.Suggest(info, context.Iam);
        var v = value.Value;
        string message;
        switch (info.Problem)
        {
            case ActionProblem.Empty:
                message = "An empty action matches no request: remove it, or write the action as `service:Action`.";
                break;
            case ActionProblem.Whitespace:
                message = $"`{Printable(v)}` contains whitespace: IAM does not trim action names, so this entry matches no request; "
                    + (suggestion is not null ? $"write `{suggestion}`." : "remove the whitespace and check the name.");
                break;
            case ActionProblem.NoServicePrefix:
                message = $"`{v}` has no service prefix: actions are written `service:Action` (only a lone `*` stands for every action), so this entry matches no request; "
                    + (suggestion is not null ? $"write `{suggestion}`." : "add the service prefix (`ecr:`, `s3:` ...).");
                break;
            case ActionProblem.EmptyActionName:
                message = $"`{v}` has no action name after the prefix, so it matches no request; write `{info.Service}:ActionName`, or `{info.Service}:*` for every action of the service.";
                break;
            case ActionProblem.UnknownService:
                message = $"`{info.Service}` in `{v}` is not an AWS service prefix, so this entry matches no request; "
                    + (suggestion is not null ? $"did you mean `{suggestion}`?" : "check the prefix (`ecr`, `ecr-public`, `s3`, `logs` ...).");
                break;
            case ActionProblem.PatternMatchesNothing:
                message = $"The wildcard pattern `{v}` matches no {(info.Service is { } s && s.IndexOfAny(Evaluation.Glob.WildcardChars) < 0 ? "`" + s.ToLowerInvariant() + "` " : "")}action, so this entry allows or denies nothing; check the spelling of the fixed part.";
                break;
            default:
                message = $"`{v}` is not an action of `{info.Service!.ToLowerInvariant()}`: IAM matches no request to an action it does not know, so this entry allows or denies nothing; "
                    + (suggestion is not null ? $"did you mean `{suggestion}`?" : "check the name against the Service Authorization Reference.");
                break;
        }

        context.Report(rule, value.Location, message, ReplaceFix(rule, value, suggestion, "UseNearestAction"));
    }

    private static void CheckCasing(PolicyContext context, PolicyValue value, ActionInfo info)
    {
        var rule = RuleCatalog.ECR208;
        var canonical = info.Action?.FullName ?? ActionText.CanonicalPattern(info);
        if (canonical is null || string.Equals(canonical, value.Value, StringComparison.Ordinal)) return;
        if (!context.IsEnabled(rule)) return;
        context.Report(rule, value.Location,
            $"`{value.Value}` is not written as AWS writes it (`{canonical}`): IAM matches action names case-insensitively (F38), so it works, but the canonical casing keeps policies searchable and consistent; write `{canonical}`.",
            ReplaceFix(rule, value, canonical, "CanonicalActionCasing"));
    }

    private static Fix? ReplaceFix(RuleDescriptor rule, PolicyValue value, string? replacement, string key)
    {
        if (replacement is null || value.Node is null || replacement == value.Value) return null;
        return new Fix($"{rule.FixTitle}: `{replacement}`", value.Document, JsonEdits.ReplaceString(value.Node, replacement), key);
    }

    /// <summary>Shows tabs and line breaks inside backquotes as escapes.</summary>
    private static string Printable(string value) =>
        value.Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");
}
