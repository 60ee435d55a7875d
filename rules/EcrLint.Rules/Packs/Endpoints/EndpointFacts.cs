using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Fixes;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// What the endpoint-set rules ask of a VPC: which services its endpoints stand for, whether it relies on
/// PrivateLink, whether it shows any sign of ECR use. Unknown facts (null) never count as evidence either way.
/// </summary>
internal static class EndpointFacts
{
    public const string EcrDkr = "ecr.dkr";
    public const string EcrApi = "ecr.api";
    public const string S3 = "s3";
    public const string Logs = "logs";
    public static readonly string[] EcsServices = { "ecs", "ecs-agent", "ecs-telemetry" };

    /// <summary>The service an endpoint stands for (see <see cref="ServiceNames.ServiceOf"/>).</summary>
    public static string? ServiceOf(EndpointModel e) => ServiceNames.ServiceOf(e);

    public static bool IsEcrService(string? service) => service is EcrDkr or EcrApi or ServiceNames.AmbiguousEcr;

    public static bool IsEcr(EndpointModel e) => IsEcrService(ServiceOf(e));

    /// <summary>A service the endpoint rules reason about (ECR, S3, logs, ECS), including an ambiguous <c>ecr</c>.</summary>
    public static bool IsKnownService(EndpointModel e) => ServiceOf(e) is { } s && (s == ServiceNames.AmbiguousEcr || Array.IndexOf(EndpointService.Known, s) >= 0);

    /// <summary>The VPC's endpoints for a service, whatever their declared type (a wrong type is ECR011's finding).</summary>
    public static IEnumerable<EndpointModel> OfService(VpcScope vpc, string service) => vpc.Endpoints.Where(e => ServiceOf(e) == service);

    public static bool Has(VpcScope vpc, string service) => vpc.Endpoints.Any(e => ServiceOf(e) == service);

    public static EndpointModel? FirstEcrEndpoint(VpcScope vpc) =>
        vpc.Endpoints.FirstOrDefault(e => ServiceOf(e) == EcrDkr) ?? vpc.Endpoints.FirstOrDefault(IsEcr);

    public static bool HasEcrEndpoint(VpcScope vpc) => vpc.Endpoints.Any(IsEcr);

    /// <summary>The declared type is Interface (not merely unknown).</summary>
    public static bool IsInterface(EndpointModel e) => e.Type?.Value == EndpointType.Interface;

    /// <summary>The declared type is Gateway or Gateway Load Balancer (explicitly or by default).</summary>
    public static bool IsNotInterface(EndpointModel e) => e.Type?.Value is EndpointType.Gateway or EndpointType.GatewayLoadBalancer;

    /// <summary>An S3 endpoint that is, or may be, a gateway endpoint (an unknown type is not evidence of an interface endpoint).</summary>
    public static bool IsPossibleS3Gateway(EndpointModel e) => ServiceOf(e) == S3 && !IsInterface(e) && e.Type?.Value != EndpointType.GatewayLoadBalancer;

    public static bool HasS3Gateway(VpcScope vpc) => vpc.Endpoints.Any(IsPossibleS3Gateway);

    /// <summary>No NAT gateway (known), or workloads only in isolated subnets: no route to the internet.</summary>
    public static bool NoInternetPath(VpcScope vpc) => vpc.HasNatGateway?.Value == false || vpc.OnlyIsolatedSubnets;

    /// <summary>
    /// PrivateLink-reliant (rules.md): at least one ECR endpoint (any declared type: a wrong type still shows the
    /// intent), or no NAT gateway, or only isolated subnets.
    /// </summary>
    public static bool IsReliant(VpcScope vpc) => HasEcrEndpoint(vpc) || NoInternetPath(vpc);

    public static IEnumerable<ImageReference> Images(VpcScope vpc) => vpc.Workloads.SelectMany(w => w.Images);

    public static IEnumerable<ImageReference> PrivateImages(VpcScope vpc) => Images(vpc).Where(i => i.Source == ImageSource.PrivateEcr);

    /// <summary>ECR is (or may be) used: an ECR endpoint, a private ECR image or one of unknown origin, a pull-through cache rule.</summary>
    public static bool UsesEcr(VpcScope vpc) =>
        HasEcrEndpoint(vpc) || vpc.PullThroughCacheRules.Count > 0 || Images(vpc).Any(i => i.Source is ImageSource.PrivateEcr or ImageSource.Unknown);

    /// <summary>Images are pulled in the VPC at all.</summary>
    public static bool PullsImages(VpcScope vpc) => vpc.Workloads.Any(w => w.Images.Count > 0);

    /// <summary>rules.md: endpoint-set rules never fire on a VPC with no sign of ECR use.</summary>
    public static bool ShowsEcrUse(VpcScope vpc) => UsesEcr(vpc) || PullsImages(vpc);

    /// <summary>Why the VPC counts as PrivateLink-reliant, for messages: "it has no NAT gateway".</summary>
    public static string RelianceReason(VpcScope vpc)
    {
        if (vpc.HasNatGateway?.Value == false) return "it has no NAT gateway";
        if (vpc.OnlyIsolatedSubnets) return "its workloads run only in isolated subnets";
        var ecr = FirstEcrEndpoint(vpc);
        return ecr is null ? "it relies on PrivateLink" : $"it reaches ECR through the {Describe(ecr)}";
    }

    /// <summary>Where the reliance is written, for a related location.</summary>
    public static RelatedLocation? RelianceLocation(VpcScope vpc)
    {
        if (vpc.HasNatGateway is { Value: false, Location: { } nat }) return new RelatedLocation(nat, "no NAT gateway");
        if (vpc.OnlyIsolatedSubnets) return null;
        var ecr = FirstEcrEndpoint(vpc);
        return ecr is null ? null : new RelatedLocation(ecr.Location, "the " + Describe(ecr));
    }

    /// <summary>"`ecr.dkr` endpoint `EcrDkrEndpoint`".</summary>
    public static string Describe(EndpointModel e)
    {
        var service = ServiceOf(e);
        return service is null ? $"endpoint {Code(e.Name)}" : $"{Code(service)} endpoint {Code(e.Name)}";
    }

    public static string Code(string? text) => "`" + (text ?? "?") + "`";

    /// <summary>"`A`, `B` and `C`".</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items.Select(Code).ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1],
        };
    }

    /// <summary>The VPC's region as the rules use it: the stack's, else the run's <c>--region</c>; null when neither is a known region.</summary>
    public static string? RegionOf(EndpointContext context) => ServiceNames.IsRegion(context.Region) ? context.Region : null;

    /// <summary>The region of an endpoint's service: as written when it is a known region; the VPC's when written as the stack's region.</summary>
    public static string? RegionOf(EndpointModel e, EndpointContext context)
    {
        var analysis = ServiceNames.Of(e);
        if (analysis is not null)
        {
            return analysis.RegionKind switch
            {
                RegionKind.Known => analysis.Region,
                RegionKind.Symbolic => RegionOf(context),
                _ => null,
            };
        }

        if (e.ServiceName is null && e.Service is { } typed) return ServiceNames.IsRegion(typed.Region) ? typed.Region : RegionOf(context);
        return null;
    }

    /// <summary>The full name to suggest for a new endpoint (<c>com.amazonaws.us-east-1.logs</c>, or with REGION when unknown).</summary>
    public static string SuggestedName(EndpointContext context, string service)
    {
        var region = RegionOf(context);
        return region is null ? $"com.amazonaws.REGION.{service}" : EndpointService.NameFor(region, service);
    }

    /// <summary>Adds endpoints through the front end's fixer, when it has one.</summary>
    public static Fix? AddEndpoints(EndpointContext context, IReadOnlyList<string> services, EndpointType type, string title)
    {
        var fixer = context.Vpc.Fixer;
        if (fixer is null) return null;
        try
        {
            return fixer.AddEndpoints(context.Vpc, services, type, title);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Reports once per location: workloads that share a task definition point at the same place.</summary>
    public sealed class Once
    {
        private readonly HashSet<(string, int, int)> _seen = new();

        public bool First(SourceLocation location)
        {
            var span = location.FileSpan;
            return _seen.Add((location.Path, span.Start, span.End));
        }
    }
}
