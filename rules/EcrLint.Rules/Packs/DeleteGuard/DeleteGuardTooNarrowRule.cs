using System.Collections.Generic;
using System.Linq;
using EcrLint.Fixes;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.DeleteGuard;

/// <summary>
/// ECR304: the deletion guards cover fewer repositories than the policy's scope, the repository ARNs its Allow
/// statements name (<c>"*"</c> defines no scope) (F34). The fix adds the missing repositories to the first guard
/// whose resources ECR302/ECR303 do not report.
/// </summary>
public sealed class DeleteGuardTooNarrowRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR304 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.EcrEndpoint;

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        var guards = DeleteGuards.Guards(policy, context.Iam);
        if (guards.Count == 0) return;
        var target = guards.FirstOrDefault(g => g.Resource is not null
            && g.Resource.Values.All(v => DeleteGuards.ResourceProblem(v) is null && DeleteGuardCannotMatchRule.OtherRegion(context, v) is null));
        if (target is null) return;

        var scope = DeleteGuards.Repositories(policy.Statements.Where(s => s.Effect == StatementEffect.Allow));
        var uncovered = scope.Where(repo => !guards.Any(g => DeleteGuards.Covers(g, repo.Value, policy.HasCurrentVersion))).Select(v => v.Value).ToList();
        if (uncovered.Count == 0) return;

        var resource = target.Resource!;
        Fix? fix = resource.Node is null ? null
            : new Fix("Add the repositories to the guard", target.Document, JsonEdits.AddToValueList(resource.Node, uncovered), "ExtendGuard");
        var list = string.Join(", ", uncovered.Select(a => "`" + a + "`"));
        context.Report(RuleCatalog.ECR304, resource.Location,
            $"The guard {target.Label} (line {target.Line}) does not cover {list}, which the policy's Allow statements name: {(uncovered.Count == 1 ? "it" : "they")} can still be deleted through the endpoint (F34); add {(uncovered.Count == 1 ? "it" : "them")} to the guard's Resource.",
            fix);
    }
}
