using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Fixes;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR008: private ECR images run in a VPC with no route to the internet (no NAT gateway, or only isolated
/// subnets) and no endpoints at all: no path to the registry. A VPC with some endpoints but no <c>ecr.dkr</c> is
/// ECR001's finding instead.
/// </summary>
public sealed class NoPathToRegistryRule : EndpointRule
{
    private const int MaxRelated = 5;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR008 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        if (vpc.Endpoints.Count > 0 || !NoInternetPath(vpc)) return;
        var images = PrivateImages(vpc).ToList();
        if (images.Count == 0) return;

        var first = images[0];
        var what = images.Count == 1
            ? $"the private ECR image {Code(first.Text ?? "(a repository reference)")}"
            : $"{images.Count} private ECR images (first {Code(first.Text ?? "(a repository reference)")})";
        var related = images.Take(MaxRelated).Select(i => new RelatedLocation(i.Location, "private ECR image " + Code(i.Text ?? "(a repository reference)"))).ToList();
        context.Report(RuleCatalog.ECR008, vpc.Location,
            $"VPC {Code(vpc.Name)} pulls {what} but {RelianceReason(vpc)} and has no VPC endpoints: the pull has no path to the registry. " +
            $"Add the {Code(SuggestedName(context, EcrApi))} and {Code(SuggestedName(context, EcrDkr))} interface endpoints and the " +
            $"{Code(SuggestedName(context, S3))} gateway endpoint (F1, F2, F3).",
            EndpointSet(context), related);
    }

    /// <summary>Both additions in one fix, when the front end can make both (they go to the same document).</summary>
    private static Fix? EndpointSet(EndpointContext context)
    {
        var title = RuleCatalog.ECR008.FixTitle!;
        var interfaces = AddEndpoints(context, new[] { EcrApi, EcrDkr }, EndpointType.Interface, title);
        var gateway = AddEndpoints(context, new[] { S3 }, EndpointType.Gateway, title);
        if (interfaces is null || gateway is null || !ReferenceEquals(interfaces.Document, gateway.Document)) return null;
        return new Fix(title, interfaces.Document, interfaces.Edits.Concat(gateway.Edits).ToList(), "AddEndpointSet");
    }
}
