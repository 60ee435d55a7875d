using System.Collections.Generic;
using EcrLint.Endpoints;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR011: an ECR, logs or ECS service declared as a gateway endpoint (explicitly, or by CloudFormation's default
/// type), or S3 as an interface endpoint in a VPC that needs it for ECR layers and has no S3 gateway endpoint (F3).
/// </summary>
public sealed class EndpointTypeRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR011 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        var showsEcrUse = ShowsEcrUse(vpc);
        var s3ForLayers = UsesEcr(vpc) && !HasS3Gateway(vpc);
        foreach (var e in vpc.Endpoints)
        {
            var service = ServiceOf(e);
            if (service is null || e.Type is not { } type) continue;
            var where = type.Location ?? e.Location;
            if (service == S3)
            {
                if (!s3ForLayers || type.Value != EndpointType.Interface) continue;
                context.Report(RuleCatalog.ECR011, where,
                    $"The S3 endpoint {Code(e.Name)} is an interface endpoint and VPC {Code(vpc.Name)} has no S3 gateway endpoint: ECR layer downloads " +
                    "are served only by the S3 gateway endpoint on the subnets' route tables (F3). Make it a Gateway endpoint associated with the private route tables.");
                continue;
            }

            if (!IsKnownService(e) || (!IsEcrService(service) && !showsEcrUse)) continue;
            if (type.Value is not (EndpointType.Gateway or EndpointType.GatewayLoadBalancer)) continue;
            var declared = type.Value == EndpointType.GatewayLoadBalancer ? "a Gateway Load Balancer endpoint"
                : type.IsDefault ? "a Gateway endpoint by default (the type is omitted)"
                : "a Gateway endpoint";
            context.Report(RuleCatalog.ECR011, where,
                $"The {Describe(e)} is {declared}, but {Code(service)} is served only by interface endpoints (only S3 and DynamoDB have gateway endpoints) (F3). " +
                "Declare it as an Interface endpoint.");
        }
    }
}
