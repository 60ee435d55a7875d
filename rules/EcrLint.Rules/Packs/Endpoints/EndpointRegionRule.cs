using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR009: an endpoint in another region than the VPC (the stack's region, else <c>--region</c>), or private ECR
/// images from another region than the VPC's ECR endpoints (F8). A name written with the stack's own region
/// (<c>${AWS::Region}</c>) never mismatches.
/// </summary>
public sealed class EndpointRegionRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR009 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        var vpcRegion = RegionOf(context);
        var regions = new List<(EndpointModel Endpoint, string Service, string Region)>();
        foreach (var e in vpc.Endpoints)
        {
            if (!IsKnownService(e) || ServiceOf(e) is not { } service || RegionOf(e, context) is not { } region) continue;
            regions.Add((e, service, region));
        }

        // The region the endpoints must be in: the VPC's; when the source does not say it, the region most endpoints
        // agree on (a strict majority: one stack has one region, so the others are wrong).
        var reference = vpcRegion;
        if (reference is null && regions.Count >= 3)
        {
            var top = regions.GroupBy(r => r.Region).OrderByDescending(g => g.Count()).First();
            if (top.Count() * 2 > regions.Count) reference = top.Key;
        }

        EndpointModel? ecrInVpcRegion = null;
        string? ecrRegion = null;
        foreach (var (e, service, region) in regions)
        {
            if (reference is not null && region != reference)
            {
                var canonical = service == ServiceNames.AmbiguousEcr ? null : ServiceNames.NameFor(reference, service);
                var why = vpcRegion is not null
                    ? $"VPC {Code(vpc.Name)} is in {Code(vpcRegion)}"
                    : $"the other endpoints of VPC {Code(vpc.Name)} are in {Code(reference)}";
                context.Report(RuleCatalog.ECR009, e.ServiceName?.Location ?? e.Location,
                    $"The {Describe(e)} is for {Code(region)} but {why}: endpoints serve only requests to their own region (F8)." +
                    (canonical is null ? "" : $" Use {Code(canonical)}."));
                continue;
            }

            if (IsEcrService(service) && (ecrInVpcRegion is null || (service == EcrDkr && ServiceOf(ecrInVpcRegion) != EcrDkr)))
            {
                ecrInVpcRegion = e;
                ecrRegion = region;
            }
        }

        // Private ECR images, against the region of the VPC's ECR endpoints.
        if (ecrInVpcRegion is null || ecrRegion is null) return;
        var once = new Once();
        foreach (var image in PrivateImages(vpc))
        {
            if (!ServiceNames.IsRegion(image.Region) || image.Region == ecrRegion || !once.First(image.Location)) continue;
            context.Report(RuleCatalog.ECR009, image.Location,
                $"Image {Code(image.Text ?? "(a repository reference)")} is in {Code(image.Region)}, but the ECR endpoints of VPC {Code(vpc.Name)} " +
                $"(the {Describe(ecrInVpcRegion)}) serve {Code(ecrRegion)} only: its pulls bypass them and fail without a route to the internet (F8). " +
                $"Pull from a repository in {Code(ecrRegion)} (replicate the image there).",
                related: new[] { new RelatedLocation(ecrInVpcRegion.Location, "the " + Describe(ecrInVpcRegion)) });
        }
    }
}
