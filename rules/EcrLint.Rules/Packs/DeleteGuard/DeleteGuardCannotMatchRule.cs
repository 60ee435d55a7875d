using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.DeleteGuard;

/// <summary>
/// ECR303: a deletion guard that cannot match what goes through the endpoint: a repository ARN of another
/// region or partition than the endpoint (F8; placeholder regions are ECR407's), or a Condition, NotPrincipal or
/// specific Principal that exempts callers (F34).
/// </summary>
public sealed class DeleteGuardCannotMatchRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR303 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.EcrEndpoint;

    /// <summary>Why a guard's Resource value names repositories the endpoint never serves, or null (also used by ECR304).</summary>
    public static string? OtherRegion(PolicyContext context, PolicyValue v)
    {
        if (context.Region is not { } region || !context.Iam.IsRegion(region)) return null;
        if (!v.IsKnown || !Arn.TryParse(v.Value, out var arn) || arn.Service != "ecr") return null;
        var problems = new List<string>();
        if (arn.Region.IndexOfAny(Glob.WildcardChars) < 0 && context.Iam.IsRegion(arn.Region) && arn.Region != region)
            problems.Add($"the region `{arn.Region}`");
        if (arn.Partition.IndexOfAny(Glob.WildcardChars) < 0 && context.Iam.Partition(arn.Partition) is not null && arn.Partition != context.Partition)
            problems.Add($"the partition `{arn.Partition}`");
        return problems.Count == 0 ? null : $"{string.Join(" and ", problems)}, but the endpoint is in `{region}` ({context.Partition})";
    }

    public override void Analyze(PolicyContext context)
    {
        foreach (var s in DeleteGuards.Guards(context.Policy, context.Iam))
        {
            if (s.Resource is not null)
            {
                foreach (var v in s.Resource.Values)
                {
                    var other = OtherRegion(context, v);
                    if (other is null) continue;
                    context.Report(RuleCatalog.ECR303, v.Location,
                        $"The guard {s.Label} (line {s.Line}) names `{v.Value}`, with {other}: endpoints do not serve cross-region requests, so the guard never matches a deletion made through this endpoint (F8, F34); name the repositories of the endpoint's region.");
                }
            }

            if (s.NotPrincipal is not null)
            {
                context.Report(RuleCatalog.ECR303, new Text.SourceLocation(s.Document, s.NotPrincipal.NameSpan),
                    $"The guard {s.Label} (line {s.Line}) uses \"NotPrincipal\": the principals it names are exempt and can still delete repositories through the endpoint (F34); use \"Principal\": \"*\" (and a condition on `aws:PrincipalArn` if an exemption is really meant).");
            }
            else if (s.Principal is { IsUnknown: false } p && !p.MatchesEveryone)
            {
                context.Report(RuleCatalog.ECR303, p.Location,
                    $"The guard {s.Label} (line {s.Line}) applies only to the principals it names: every other principal the policy allows can still delete repositories through the endpoint (F34); use \"Principal\": \"*\".");
            }

            if (s.Conditions.Count > 0)
            {
                var keys = string.Join(", ", s.Conditions.Select(c => "`" + c.Key.Value + "`").Distinct());
                context.Report(RuleCatalog.ECR303, s.Conditions[0].Key.Location,
                    $"The guard {s.Label} (line {s.Line}) denies deletion only when its Condition on {keys} holds: callers for whom it does not hold can still delete repositories through the endpoint (F34); remove the condition unless the exemption is intended.");
            }
        }
    }
}
