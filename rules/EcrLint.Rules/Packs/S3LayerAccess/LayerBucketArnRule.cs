using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Fixes;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.S3LayerAccess;

/// <summary>
/// ECR103: a value that mentions the ECR layer bucket (<c>starport</c>) but is not a well-formed
/// <c>arn:PARTITION:s3:::prod-REGION-starport-layer-bucket/*</c> (F30, F35). ECR104: a well-formed layer bucket
/// ARN of another region than the endpoint's, when the policy grants the endpoint region's bucket nowhere (F8).
/// </summary>
public sealed class LayerBucketArnRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR103, RuleCatalog.ECR104 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.S3Endpoint;

    /// <summary>One layer bucket value and what this rule says about it.</summary>
    public sealed class Inspection
    {
        public Inspection(PolicyStatement statement, PolicyValueList list, PolicyValue value, LayerBucketArn arn, bool otherRegion)
        {
            Statement = statement;
            List = list;
            Value = value;
            Arn = arn;
            OtherRegion = otherRegion;
        }

        public PolicyStatement Statement { get; }
        public PolicyValueList List { get; }
        public PolicyValue Value { get; }
        public LayerBucketArn Arn { get; }

        /// <summary>ECR104: well-formed, in a region other than the endpoint's, and the endpoint region's bucket is granted nowhere.</summary>
        public bool OtherRegion { get; }

        /// <summary>ECR103 reports it.</summary>
        public bool Malformed => !Arn.IsWellFormed;
    }

    /// <summary>Every layer bucket value of the policy with its ECR103/ECR104 verdict (also used by ECR101 to stay silent about the same cause).</summary>
    public static List<Inspection> Inspect(PolicyContext context)
    {
        var region = LayerBucket.KnownRegion(context);
        var values = LayerBucket.Values(context.Policy).ToList();
        var arns = values.Select(v => LayerBucketArn.Analyze(v.Value.Value, region, context.Iam)!).ToList();

        var endpointBucketGranted = true;
        if (region is not null)
        {
            var prefix = LayerBucket.ObjectPrefix(context.Iam.PartitionOfRegion(region)!.Name, region);
            endpointBucketGranted = values.Any(v => v.Statement.Effect == StatementEffect.Allow && v.List == v.Statement.Resource
                && PolicyEvaluator.ResourcePatternMatches(v.Value.Value, prefix, resourceIsPrefix: true, variablesEnabled: context.Policy.HasCurrentVersion) != Truth.False);
        }

        var result = new List<Inspection>();
        for (var i = 0; i < values.Count; i++)
        {
            var (s, list, v) = values[i];
            var arn = arns[i];
            var otherRegion = !endpointBucketGranted && arn.IsWellFormed && arn.RegionKind == LayerBucketRegionKind.Known && arn.Region != region
                && s.Effect == StatementEffect.Allow && list == s.Resource;
            result.Add(new Inspection(s, list, v, arn, otherRegion));
        }

        return result;
    }

    public override void Analyze(PolicyContext context)
    {
        var inspections = Inspect(context);
        var region = LayerBucket.KnownRegion(context);
        var otherRegion = inspections.Where(i => i.OtherRegion).ToList();

        foreach (var i in inspections)
        {
            var v = i.Value;
            if (i.Malformed)
            {
                var corrected = i.Arn.Corrected;
                var todo = corrected is not null ? $"use `{corrected}`"
                    : "write `arn:aws:s3:::prod-REGION-starport-layer-bucket/*` with the endpoint's region (`aws-cn`/`aws-us-gov` partitions for China/GovCloud regions)";
                Fix? fix = corrected is not null && v.Node is not null
                    ? new Fix($"Use `{corrected}`", v.Document, JsonEdits.ReplaceString(v.Node, corrected), "CorrectLayerBucketArn")
                    : null;
                context.Report(RuleCatalog.ECR103, v.Location,
                    $"The ECR layer bucket ARN `{v.Value}` is malformed: {string.Join("; ", i.Arn.Problems)}. Image pulls read layers from this bucket, so they fail (F30); {todo}.",
                    fix);
            }
            else if (i.OtherRegion)
            {
                var partition = context.Iam.PartitionOfRegion(region!)!.Name;
                var corrected = LayerBucket.ObjectPrefix(partition, region!) + (i.Arn.Path.Length > 1 ? i.Arn.Path.Substring(1) : "*");
                Fix? fix = otherRegion.Count == 1 && v.Node is not null
                    ? new Fix($"Use `{corrected}`", v.Document, JsonEdits.ReplaceString(v.Node, corrected), "UseEndpointRegionLayerBucket")
                    : null;
                context.Report(RuleCatalog.ECR104, v.Location,
                    $"`{v.Value}` is the ECR layer bucket of `{i.Arn.Region}`, but the endpoint is in `{region}` and pulls through it read `{LayerBucket.ObjectArn(partition, region!)}`: the policy grants that bucket nowhere, so pulls fail (F8, F30); use the endpoint's region.",
                    fix);
            }
        }
    }
}
