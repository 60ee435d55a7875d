using System.Collections.Generic;
using System.Linq;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR017: a VPC with custom DHCP DNS servers whose endpoints rely on private DNS, which only the Amazon-provided
/// resolver answers; custom servers need conditional forwarding (F10).
/// </summary>
public sealed class CustomDnsRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR017 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        if (vpc.CustomDns is not { } where || !ShowsEcrUse(vpc)) return;
        var relying = vpc.Endpoints.Where(e => IsKnownService(e) && !IsNotInterface(e) && e.PrivateDns?.Value == true).ToList();
        if (relying.Count == 0) return;
        var names = List(relying.Select(e => e.Name));
        context.Report(RuleCatalog.ECR017, where,
            $"VPC {Code(vpc.Name)} uses custom DNS servers and its endpoint{(relying.Count == 1 ? "" : "s")} {names} rel{(relying.Count == 1 ? "ies" : "y")} on private DNS, " +
            "which only the Amazon-provided resolver answers: without conditional forwarding of the services' domains to the Route 53 Resolver, " +
            "clients resolve public addresses (F10). Forward them, or use the Amazon-provided DNS.",
            related: relying.Select(e => new RelatedLocation(e.PrivateDns?.Location ?? e.Location, "the " + Describe(e))).ToList());
    }
}
