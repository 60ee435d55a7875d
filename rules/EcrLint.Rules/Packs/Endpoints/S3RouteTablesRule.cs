using System.Collections.Generic;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>ECR013: an S3 gateway endpoint associated with no route tables (F3): nothing is routed through it.</summary>
public sealed class S3RouteTablesRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR013 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        if (!ShowsEcrUse(vpc)) return;
        foreach (var e in vpc.Endpoints)
        {
            if (ServiceOf(e) != S3 || !e.IsGateway || e.HasRouteTables is not { Value: false } tables) continue;
            var how = tables.IsDefault ? "no route tables are given" : "its route table list is empty";
            context.Report(RuleCatalog.ECR013, tables.Location ?? e.Location,
                $"The S3 gateway endpoint {Code(e.Name)} is associated with no route tables ({how}): no traffic is routed through it, so ECR layer " +
                "downloads from S3 have no path (F3). Associate the route tables of the private subnets.");
        }
    }
}
