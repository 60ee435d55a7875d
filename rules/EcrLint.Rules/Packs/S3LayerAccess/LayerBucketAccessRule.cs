using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.S3LayerAccess;

/// <summary>
/// ECR101: the S3 gateway endpoint policy does not allow ECR's layer download, decided by evaluating the policy
/// for an AWS-owned presigned <c>s3:GetObject</c> on some key of <c>prod-REGION-starport-layer-bucket</c>, with
/// the account and organisation keys foreign (F30, F36). An explicit Deny, no grant, a grant whose condition or
/// principal excludes the download, and "cannot prove" (reported as a warning, with the reasons) are told apart.
/// When a malformed or other-region layer bucket ARN (ECR103/ECR104) is the cause, those rules report it instead.
/// </summary>
public sealed class LayerBucketAccessRule : PolicyRule
{
    /// <summary>"Cannot prove": the same rule, reported as a warning (the policy may well work).</summary>
    private static readonly RuleDescriptor CannotProve = RuleCatalog.ECR101.WithDefaultSeverity(Severity.Warning);

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR101 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.S3Endpoint;

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        if (policy.StatementNode is not null and not JsonArray and not JsonObject) return; // A wrong type is ECR412's.

        // Statements whose actions cannot match s3:GetObject never take part: evaluate the others, once per region.
        var relevant = policy.Statements.Where(s => PolicyEvaluator.MatchAction(s, LayerBucket.GetObject) != Truth.False).ToList();
        // Requests for different regions differ only in the resource: regions whose bucket every statement's
        // resources match alike get the same result, so each distinct pattern of matches is evaluated once.
        var results = new Dictionary<string, EvaluationResult>(StringComparer.Ordinal);
        EvaluationResult? first = null, firstUnknown = null;
        string? firstRegion = null, unknownRegion = null;
        foreach (var r in LayerBucket.CandidateRegions(context))
        {
            var partitionOf = context.Iam.PartitionOfRegion(r)!.Name;
            var request = LayerBucket.Request(partitionOf, r);
            var signature = string.Concat(relevant.Select(s => (int)PolicyEvaluator.MatchResource(s, request, policy.HasCurrentVersion)));
            if (!results.TryGetValue(signature, out var result))
            {
                result = PolicyEvaluator.Evaluate(relevant, request, policy.HasCurrentVersion, policy.HasUnknownStatements);
                results[signature] = result;
            }

            if (result.IsAllowed) return;
            if (first is null)
            {
                first = result;
                firstRegion = r;
            }

            if (result.Decision == Decision.Unknown && firstUnknown is null)
            {
                firstUnknown = result;
                unknownRegion = r;
            }
        }

        var decided = firstUnknown ?? first;
        var region = firstUnknown is not null ? unknownRegion : firstRegion;
        if (decided is null || region is null) return;

        var known = LayerBucket.KnownRegion(context);
        var partition = context.Iam.PartitionOfRegion(region)!.Name;
        var bucket = known is not null ? $"`{LayerBucket.ObjectArn(partition, known)}`" : "`arn:aws:s3:::prod-REGION-starport-layer-bucket/*` (of any region)";

        if (decided.Decision != Decision.ExplicitDeny && CausedByLayerBucketArn(context)) return;

        var fix = decided.Decision == Decision.ExplicitDeny || decided.DecidingStatements.Any(s => s.Effect == StatementEffect.Deny)
            ? null
            : AddStatementFix(context, known);

        switch (decided.Decision)
        {
            case Decision.ExplicitDeny:
            {
                var deny = decided.DecidingStatements[0];
                var foreign = ForeignKeysIn(deny).ToList();
                var why = foreign.Count > 0
                    ? $": its condition on {string.Join(", ", foreign.Select(k => "`" + k + "`"))} holds for the AWS-owned layer bucket and ECR's presigned downloads, which belong to no account or organisation of yours (F36)"
                    : "";
                context.Report(RuleCatalog.ECR101, deny.AnchorLocation,
                    $"{LayerBucket.Capitalized(deny.Describe())} blocks s3:GetObject on the ECR layer bucket {bucket}{why}. Image pulls through this endpoint fail (F30); exclude the layer bucket from the Deny.",
                    decided.DecidingStatements);
                break;
            }

            case Decision.Unknown:
            {
                var reasons = decided.Unknowns.Count > 0 ? decided.DescribeUnknowns(3) : "some statements could not be read";
                var location = decided.DecidingStatements.Count > 0 ? decided.DecidingStatements[0].AnchorLocation : policy.AnchorLocation;
                context.Report(CannotProve, location,
                    $"EcrLint cannot prove that this S3 endpoint policy allows s3:GetObject on the ECR layer bucket {bucket}: {reasons}. If it does not, image pulls fail (F30, F36); a statement that allows it to \"Principal\": \"*\" without conditions removes the doubt.",
                    decided.DecidingStatements, fix);
                break;
            }

            default:
            {
                var request = LayerBucket.Request(partition, known ?? region);
                var near = NearMiss(policy, request, out var why);
                if (near is not null)
                {
                    context.Report(RuleCatalog.ECR101, near.AnchorLocation,
                        $"{LayerBucket.Capitalized(near.Describe())} covers the ECR layer bucket {bucket}, but {why}, so layer downloads are denied and image pulls through this endpoint fail (F30, F36); allow s3:GetObject on the layer bucket to \"Principal\": \"*\" without that restriction.",
                        new[] { near }, fix);
                }
                else
                {
                    context.Report(RuleCatalog.ECR101, policy.AnchorLocation,
                        $"No statement of this S3 endpoint policy allows s3:GetObject on the ECR layer bucket {bucket}: image pulls through this endpoint fail (F30); allow it to \"Principal\": \"*\".",
                        fix);
                }

                break;
            }
        }
    }

    /// <summary>An Allow whose actions and resources cover the download but whose principal or a condition excludes it.</summary>
    private static PolicyStatement? NearMiss(PolicyDocument policy, EvaluationRequest request, out string why)
    {
        why = "";
        foreach (var s in policy.Statements)
        {
            if (s.Effect != StatementEffect.Allow || !s.IsEvaluable || s.Resource is null) continue;
            if (PolicyEvaluator.MatchAction(s, request.Action) != Truth.True) continue;
            if (!s.Resource.Values.Any(v => PolicyEvaluator.ResourcePatternMatches(v.Value, request.Resource, true, policy.HasCurrentVersion) == Truth.True)) continue;

            if (s.Principal is not null && PolicyEvaluator.PrincipalMatches(s.Principal, request.Principal) == Truth.False)
            {
                why = "its Principal names only specific principals and the downloads are made by an AWS-owned one (a gateway endpoint policy needs \"Principal\": \"*\")";
                return s;
            }

            foreach (var test in s.Conditions)
            {
                if (PolicyEvaluator.EvaluateCondition(test, request, policy.HasCurrentVersion, out _) != Truth.False) continue;
                var foreign = LayerBucket.ForeignKeys.Any(k => string.Equals(k, test.Key.Value, StringComparison.OrdinalIgnoreCase));
                why = foreign
                    ? $"its condition {test.Operator.Value} `{test.Key.Value}` (line {test.Key.Location.Start.Line}) cannot hold: the bucket is AWS-owned and ECR's presigned downloads belong to no account or organisation of yours"
                    : $"its condition {test.Operator.Value} `{test.Key.Value}` (line {test.Key.Location.Start.Line}) does not hold for ECR's presigned downloads";
                return s;
            }
        }

        return null;
    }

    private static IEnumerable<string> ForeignKeysIn(PolicyStatement s) =>
        s.Conditions.Select(c => c.Key.Value)
            .Where(k => LayerBucket.ForeignKeys.Any(f => string.Equals(f, k, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True when an Allow meant to grant the layer bucket names it with an ARN ECR103 or ECR104 reports: that
    /// finding (on the ARN, with its fix) is the one a user needs, not a second one about the outcome.
    /// </summary>
    private static bool CausedByLayerBucketArn(PolicyContext context)
    {
        var malformedReported = context.IsEnabled(RuleCatalog.ECR103);
        var otherRegionReported = context.IsEnabled(RuleCatalog.ECR104);
        return LayerBucketArnRule.Inspect(context).Any(i =>
            i.Statement.Effect == StatementEffect.Allow && i.List == i.Statement.Resource
            && PolicyEvaluator.MatchAction(i.Statement, LayerBucket.GetObject) != Truth.False
            && ((i.Malformed && malformedReported) || (i.OtherRegion && otherRegionReported)));
    }

    private static Fix? AddStatementFix(PolicyContext context, string? region)
    {
        var policy = context.Policy;
        if (region is null || policy.Root is null) return null;
        var partition = context.Iam.PartitionOfRegion(region)!.Name;
        var edit = JsonEdits.AppendStatement(policy, LayerBucket.Statement(policy, partition, region));
        return edit is null ? null : new Fix("Add a statement that allows s3:GetObject on the ECR layer bucket", policy.Document, edit, "AddLayerBucketStatement");
    }
}
