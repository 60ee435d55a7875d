using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Fixes;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.DeleteGuard;

/// <summary>
/// ECR302: a statement aimed at <c>ecr:DeleteRepository</c> (by its Action, or by a Sid such as
/// <c>PreventDelete</c>) that cannot guard: Effect Allow, an action that is not ecr:DeleteRepository, a resource
/// that is not an ECR repository ARN, or no Principal (F34). A misspelled <c>ecr:</c> action is ECR201's (on the
/// same token, with the same correction) unless ECR201 is turned off; placeholders and malformed fields inside a
/// repository ARN are ECR406/ECR407's.
/// </summary>
public sealed class BrokenDeleteGuardRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR302 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.EcrEndpoint;

    public override void Analyze(PolicyContext context)
    {
        var iam = context.Iam;
        foreach (var s in context.Policy.Statements)
        {
            if (!DeleteGuards.IsAimed(s, iam)) continue;
            if (s.Effect == StatementEffect.Allow)
            {
                if (DeleteGuards.IsInvertedGuard(s, iam)) ReportAllow(context, s);
                continue;
            }

            if (s.Effect != StatementEffect.Deny) continue; // A missing or invalid Effect is ECR403/ECR404's.
            CheckActions(context, s);
            CheckResources(context, s);
            CheckPrincipal(context, s);
        }
    }

    private static void ReportAllow(PolicyContext context, PolicyStatement s)
    {
        // A statement built from code may set Allow without an Effect value to point at (the CDK default).
        var v = s.EffectValue;
        var location = v?.Location ?? s.AnchorLocation;
        var why = DeleteGuards.SidSaysGuard(s) ? $"its Sid `{s.Sid!.Value}` says it prevents deletion" : "it allows only ecr:DeleteRepository, to everyone";
        Fix? fix = DeleteGuards.SidSaysGuard(s) && v?.Node is not null
            ? new Fix("Use \"Deny\"", v.Document, JsonEdits.ReplaceString(v.Node, "Deny"), "GuardEffectDeny")
            : null;
        context.Report(RuleCatalog.ECR302, location,
            $"{DeleteGuards.Capitalized(s.Describe())} is a deletion guard ({why}) with \"Effect\": \"Allow\": it grants repository deletion instead of preventing it (F34); use \"Deny\".",
            fix);
    }

    private static void CheckActions(PolicyContext context, PolicyStatement s)
    {
        if (s.Action is null || PolicyEvaluator.MatchAction(s, DeleteGuards.DeleteRepository) != Truth.False) return;
        var ecr201Reports = context.IsEnabled(RuleCatalog.ECR201);
        foreach (var v in s.Action.Values)
        {
            if (DeleteGuards.IsMisspelledDeleteRepository(v.Value, context.Iam))
            {
                if (ecr201Reports) continue;
                context.Report(RuleCatalog.ECR302, v.Location,
                    $"`{v.Value}` is not an action, so the guard {s.Label} (line {s.Line}) denies nothing and repositories can still be deleted (F34); use `{DeleteGuards.DeleteRepository}`.",
                    v.Node is null ? null : new Fix($"Use `{DeleteGuards.DeleteRepository}`", v.Document, JsonEdits.ReplaceString(v.Node, DeleteGuards.DeleteRepository), "GuardAction"));
            }
            else if (DeleteGuards.SidSaysGuard(s) && v.Value.StartsWith(DeleteGuards.DeleteRepository, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(v.Value, DeleteGuards.DeleteRepository, StringComparison.OrdinalIgnoreCase) && context.Iam.TryGetAction(v.Value, out var other))
            {
                context.Report(RuleCatalog.ECR302, v.Location,
                    $"The guard {s.Label} (line {s.Line}) denies `{other.FullName}`, which is not ecr:DeleteRepository: repositories can still be deleted (F34); add `{DeleteGuards.DeleteRepository}` to its Action.",
                    s.Action.Node is null ? null : new Fix($"Add `{DeleteGuards.DeleteRepository}`", s.Document, JsonEdits.AddToValueList(s.Action.Node, new[] { DeleteGuards.DeleteRepository }), "GuardAddAction"));
            }
        }
    }

    private static void CheckResources(PolicyContext context, PolicyStatement s)
    {
        if (s.Resource is null) return;
        foreach (var v in s.Resource.Values)
        {
            var problem = DeleteGuards.ResourceProblem(v);
            if (problem is null) continue;
            var corrected = Corrected(context, v.Value);
            Fix? fix = corrected is not null && v.Node is not null
                ? new Fix($"Use `{corrected}`", v.Document, JsonEdits.ReplaceString(v.Node, corrected), "GuardRepositoryArn")
                : null;
            var todo = corrected is not null ? $"use `{corrected}`" : "name the repositories as `arn:PARTITION:ecr:REGION:ACCOUNT:repository/NAME` (or \"*\")";
            context.Report(RuleCatalog.ECR302, v.Location,
                $"{problem}: the guard {s.Label} (line {s.Line}) never matches a repository, so repositories can still be deleted (F34); {todo}.",
                fix);
        }
    }

    private static void CheckPrincipal(PolicyContext context, PolicyStatement s)
    {
        if (s.Principal is not null || s.NotPrincipal is not null) return;
        Fix? fix = s.Node is null ? null
            : new Fix("Add \"Principal\": \"*\"", s.Document, JsonEdits.InsertProperty(s.Node, "Principal", "*", atStart: false), "GuardPrincipal");
        context.Report(RuleCatalog.ECR302, s.AnchorLocation,
            $"The guard {s.Label} (line {s.Line}) has no Principal: an endpoint policy statement needs one, so the policy is rejected and the guard is not in force (F31, F34); add \"Principal\": \"*\".",
            fix);
    }

    /// <summary>A repository ARN for a bare repository name (endpoint region and account known) or an ECR ARN that lacks <c>repository/</c>.</summary>
    private static string? Corrected(PolicyContext context, string value)
    {
        if (!value.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (!Arn.IsValidRepositoryName(value) || context.Region is not { } region || !context.Iam.IsRegion(region)
                || context.Account is not { } account || !Arn.IsAccountId(account)) return null;
            return $"arn:{context.Partition}:ecr:{region}:{account}:repository/{value}";
        }

        if (Arn.TryParse(value, out var arn) && arn.Service == "ecr" && Arn.IsValidRepositoryName(arn.Resource))
            return $"arn:{arn.Partition}:ecr:{arn.Region}:{arn.Account}:repository/{arn.Resource}";
        return null;
    }
}
