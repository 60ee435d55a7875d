using System.Collections.Generic;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.S3LayerAccess;

/// <summary>
/// ECR106: the S3 gateway endpoint policy is the full-access default (F31): suggest the least-privilege policy
/// (F30). No fix in policy files: replacing full access changes what every workload in the VPC can reach in S3.
/// </summary>
public sealed class FullAccessDefaultRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR106 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.S3Endpoint;

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        if (!LayerBucket.IsFullAccessDefault(policy)) return;
        var region = LayerBucket.KnownRegion(context);
        var bucket = region is null ? "arn:aws:s3:::prod-REGION-starport-layer-bucket/*" : LayerBucket.ObjectArn(context.Partition, region);
        context.Report(RuleCatalog.ECR106, policy.AnchorLocation,
            $"This S3 gateway endpoint policy is the full-access default: every principal in the VPC reaches every bucket through the endpoint (F31). ECR pulls need only s3:GetObject on `{bucket}` to \"Principal\": \"*\" (F30); consider a least-privilege policy that grants that and the buckets your workloads use.");
    }
}
