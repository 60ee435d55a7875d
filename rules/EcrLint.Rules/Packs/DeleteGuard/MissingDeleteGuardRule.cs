using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Fixes;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Packs.DeleteGuard;

/// <summary>
/// ECR301: the ECR endpoint policy lets <c>"Principal": "*"</c> call <c>ecr:DeleteRepository</c> and no Deny
/// covers it (F34). Decided by evaluating the policy for anyone deleting each repository the policy names (a
/// generic repository when it names none). A policy that has a deletion guard, even a broken one, is left to
/// ECR302-ECR304 (and to ECR201 for a misspelled action): they say what is wrong with the guard.
/// </summary>
public sealed class MissingDeleteGuardRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR301 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.EcrEndpoint;

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        if (DeleteGuards.HasGuardIntent(policy, context.Iam)) return;

        var scope = DeleteGuards.Repositories(policy.Statements);
        var requests = scope.Count > 0
            ? scope.Select(v => (Arn: v.Value, Request: DeleteGuards.DeleteRequest(v.Value))).ToList()
            : new List<(string Arn, EvaluationRequest Request)> { (null!, GenericRequest(context)) };

        // Statements whose actions cannot match ecr:DeleteRepository never take part.
        var relevant = policy.Statements.Where(s => PolicyEvaluator.MatchAction(s, DeleteGuards.DeleteRepository) != Truth.False).ToList();
        var uncovered = new List<string>();
        var allows = new List<PolicyStatement>();
        foreach (var (arn, request) in requests)
        {
            var result = PolicyEvaluator.Evaluate(relevant, request, policy.HasCurrentVersion, policy.HasUnknownStatements);
            if (!result.IsAllowed) continue;
            if (arn is not null) uncovered.Add(arn);
            foreach (var s in result.DecidingStatements)
            {
                if (!allows.Contains(s)) allows.Add(s);
            }
        }

        if (allows.Count == 0) return;

        var fix = GuardFix(policy, uncovered);
        var which = uncovered.Count == 0 ? "any repository"
            : uncovered.Count == 1 ? $"`{uncovered[0]}`"
            : string.Join(", ", uncovered.Select(a => "`" + a + "`"));
        foreach (var s in allows)
        {
            var (location, what) = ActionLocation(s);
            context.Report(RuleCatalog.ECR301, location,
                $"{DeleteGuards.Capitalized(s.Describe())} lets \"Principal\": \"*\" call ecr:DeleteRepository on {which} through the endpoint ({what}), and no Deny covers it: anyone whose IAM permissions allow it can delete repositories over this path (F34); add a \"{DeleteGuards.GuardSid}\" Deny for ecr:DeleteRepository.",
                new[] { s }, fix);
        }
    }

    /// <summary>Anyone deleting some repository of the endpoint's region and account (or any, when unknown).</summary>
    private static EvaluationRequest GenericRequest(PolicyContext context)
    {
        var region = context.Region is { } r && context.Iam.IsRegion(r) ? r : "us-east-1";
        var account = context.Account is { } a && Arn.IsAccountId(a) ? a : "000000000000";
        return new EvaluationRequest(RequestPrincipal.Anyone, DeleteGuards.DeleteRepository, $"arn:{context.Partition}:ecr:{region}:{account}:repository/")
        {
            ResourceIsPrefix = true,
        };
    }

    private static (SourceLocation Location, string What) ActionLocation(PolicyStatement s)
    {
        if (s.Action is not null)
        {
            foreach (var v in s.Action.Values)
            {
                if (PolicyEvaluator.ActionPatternMatches(v.Value, DeleteGuards.DeleteRepository)) return (v.Location, $"`{v.Value}` covers it");
            }

            return (s.Action.Location, "its Action covers it");
        }

        return (s.NotAction!.NameLocation, "\"NotAction\" leaves it in");
    }

    private static Fix? GuardFix(PolicyDocument policy, List<string> repositories)
    {
        if (policy.Root is null) return null;
        var guard = new JsonObjectBuilder();
        if (!policy.Statements.Any(s => s.Sid?.Value == DeleteGuards.GuardSid)) guard.Add("Sid", DeleteGuards.GuardSid);
        guard.Add("Effect", "Deny").Add("Principal", "*").Add("Action", DeleteGuards.DeleteRepository)
            .Add("Resource", repositories.Count == 0 ? "*" : repositories.Count == 1 ? repositories[0] : repositories.Cast<object>().ToList());
        var edit = JsonEdits.AppendStatement(policy, guard);
        return edit is null ? null : new Fix("Add a PreventDelete statement", policy.Document, edit, "AddPreventDelete");
    }
}
