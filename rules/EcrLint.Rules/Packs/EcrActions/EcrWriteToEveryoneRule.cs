using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Iam;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Packs.EcrActions;

/// <summary>
/// ECR204 (off in the recommended mode): an ECR endpoint policy statement that allows write, delete or
/// permissions-management ECR actions (by the IAM data's access level; <c>ecr:*</c>, <c>ecr:Delete*</c> and
/// <c>*</c> count) to <c>"Principal": "*"</c> with no Condition. Reported once per statement, at the value that
/// grants them. Deny statements elsewhere are not subtracted: the statement itself is what is broad.
/// </summary>
public sealed class EcrWriteToEveryoneRule : PolicyRule
{
    /// <summary>Shown first in messages, when granted: the actions a reader recognizes as dangerous.</summary>
    private static readonly string[] Notable =
    {
        "ecr:DeleteRepository", "ecr:BatchDeleteImage", "ecr:PutImage", "ecr:SetRepositoryPolicy", "ecr:DeleteRepositoryPolicy", "ecr:PutRegistryPolicy",
    };

    private static IReadOnlyList<IamAction>? s_writeActions;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR204 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.EcrEndpoint;

    /// <summary>The ECR actions of the Write or Permissions management access level.</summary>
    internal static IReadOnlyList<IamAction> WriteActions(IamData iam) =>
        s_writeActions ??= iam.ActionsOf("ecr")
            .Where(a => (a.AccessLevel & (AccessLevel.Write | AccessLevel.PermissionsManagement)) != 0)
            .OrderBy(a => a.FullName, StringComparer.Ordinal)
            .ToList();

    public override void Analyze(PolicyContext context)
    {
        var writes = WriteActions(context.Iam);
        foreach (var s in context.Policy.Statements)
        {
            if (s.Effect != StatementEffect.Allow || !s.IsEvaluable) continue;
            if (s.Principal is not { MatchesEveryone: true } || s.Principal.IsUnknown) continue;
            if (HasCondition(s) || !MayCoverEcr(s)) continue;

            var granted = writes.Where(a => PolicyEvaluator.MatchAction(s, a.FullName) == Truth.True).Select(a => a.FullName).ToList();
            if (granted.Count == 0) continue;

            SourceLocation location;
            string grantedBy;
            if (s.Action is not null)
            {
                var value = s.Action.Values.FirstOrDefault(v => granted.Any(a => PolicyEvaluator.ActionPatternMatches(v.Value, a)));
                if (value is null) continue;
                location = value.Location;
                grantedBy = $"`{value.Value}`";
            }
            else
            {
                location = s.NotAction!.NameLocation;
                grantedBy = "This NotAction";
            }

            var shown = Notable.Where(granted.Contains).Concat(granted.Where(a => !Notable.Contains(a))).Take(4).ToList();
            var list = string.Join(", ", shown) + (granted.Count > shown.Count ? $" and {granted.Count - shown.Count} more" : "");
            context.Report(RuleCatalog.ECR204, location,
                $"{grantedBy} in {s.Describe()} lets every principal (\"Principal\": \"*\", no Condition) call write, delete or permissions-management ECR actions through the endpoint ({list}): anyone who reaches the endpoint can change or delete images and repositories; allow only what the VPC needs (the pull actions), name the principals, or add a Condition.");
        }
    }

    /// <summary>A Condition with at least one test (an empty <c>{}</c> restricts nothing).</summary>
    private static bool HasCondition(PolicyStatement s)
    {
        if (s.Conditions.Count > 0 || s.HasUnknownConditions) return true;
        if (s.ConditionSpan is null) return false;
        var node = s.Node?.Get("Condition")?.Value;
        return !(node is JsonObject o && o.Properties.Count == 0);
    }

    /// <summary>False when the statement's resources can hold no ECR resource (an S3 bucket ARN only).</summary>
    private static bool MayCoverEcr(PolicyStatement s)
    {
        if (s.Resource is null || s.Resource.HasUnknownValues) return true;
        foreach (var v in s.Resource.Values)
        {
            if (PolicyEvaluator.ResourcePatternMatches(v.Value, "*", false, false) != Truth.False) return true;
            var parts = v.Value.Split(new[] { ':' }, 6);
            if (parts.Length >= 3 && parts[0] == "arn" && Glob.Get(parts[2], ignoreCase: false).IsMatch("ecr")) return true;
        }

        return false;
    }
}
