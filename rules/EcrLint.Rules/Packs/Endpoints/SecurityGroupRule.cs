using System.Collections.Generic;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR012: an interface endpoint (ECR, S3, logs, ECS) whose security groups do not admit TCP 443 from the VPC (F7):
/// CDK <c>Open = false</c> with no <c>Connections.Allow*</c>, a template security group without a 443 ingress.
/// </summary>
public sealed class SecurityGroupRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR012 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        var showsEcrUse = ShowsEcrUse(vpc);
        foreach (var e in vpc.Endpoints)
        {
            if (IsNotInterface(e) || e.Admits443 is not { Value: false } admits || !IsKnownService(e)) continue;
            if (!IsEcr(e) && !showsEcrUse) continue;
            context.Report(RuleCatalog.ECR012, admits.Location ?? e.Location,
                $"The security groups of the {Describe(e)} do not admit TCP 443: clients in the private subnets cannot connect to the endpoint (F7). " +
                "Allow inbound TCP 443 from the VPC's CIDR (or the private subnets).");
        }
    }
}
