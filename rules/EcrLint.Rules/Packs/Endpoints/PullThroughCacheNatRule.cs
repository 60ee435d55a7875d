using System.Collections.Generic;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR015: a pull-through cache rule in scope of a VPC with no route to the internet (no NAT gateway, or workloads
/// only in isolated subnets) that pulls images: the first pull of each image through the cache fails (F12).
/// </summary>
public sealed class PullThroughCacheNatRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR015 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        if (vpc.PullThroughCacheRules.Count == 0 || !NoInternetPath(vpc)) return;

        // Nobody pulls in a VPC without ECR endpoints and without workloads.
        if (!HasEcrEndpoint(vpc) && !PullsImages(vpc)) return;
        var related = RelianceLocation(vpc);
        foreach (var rule in vpc.PullThroughCacheRules)
        {
            var upstream = string.IsNullOrEmpty(rule.UpstreamRegistry) ? "its upstream registry" : Code(rule.UpstreamRegistry);
            context.Report(RuleCatalog.ECR015, rule.Location,
                $"The pull-through cache rule {Code(rule.Name)} caches {upstream}, but VPC {Code(vpc.Name)} has no route to the internet " +
                $"({RelianceReason(vpc)}): the first pull of each image fails over PrivateLink, later pulls work (F12). Give the VPC a NAT gateway " +
                "(public subnet and route) or warm the cache from a network that has one.",
                related: related is null ? null : new[] { related });
        }
    }
}
