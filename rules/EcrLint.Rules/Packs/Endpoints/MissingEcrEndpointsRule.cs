using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR001: a PrivateLink-reliant VPC without an <c>ecr.dkr</c> endpoint (F1). ECR002: <c>ecr.dkr</c> without
/// <c>ecr.api</c> (F2, F5), unless every workload is Fargate Linux pinned to platform 1.3.0 or earlier.
/// </summary>
public sealed class MissingEcrEndpointsRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR001, RuleCatalog.ECR002 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        if (context.IsEnabled(RuleCatalog.ECR001)) MissingEcrDkr(context, vpc);
        if (context.IsEnabled(RuleCatalog.ECR002)) MissingEcrApi(context, vpc);
    }

    private static void MissingEcrDkr(EndpointContext context, VpcScope vpc)
    {
        // A VPC without any endpoint is ECR008's case: one finding for one cause.
        if (vpc.Endpoints.Count == 0 || Has(vpc, EcrDkr) || !IsReliant(vpc) || !UsesEcr(vpc)) return;
        var related = RelianceLocation(vpc);
        context.Report(RuleCatalog.ECR001, vpc.Location,
            $"VPC {Code(vpc.Name)} has no `ecr.dkr` interface endpoint while {RelianceReason(vpc)}: docker pulls and pushes " +
            $"(the Docker Registry API) have no path to the registry (F1). Add the {Code(SuggestedName(context, EcrDkr))} interface endpoint with private DNS enabled.",
            AddEndpoints(context, new[] { EcrDkr }, EndpointType.Interface, RuleCatalog.ECR001.FixTitle!),
            related is null ? null : new[] { related });
    }

    private static void MissingEcrApi(EndpointContext context, VpcScope vpc)
    {
        var dkr = OfService(vpc, EcrDkr).FirstOrDefault();
        if (dkr is null || Has(vpc, EcrApi)) return;

        string? because = null;
        if (vpc.Workloads.Count > 0)
        {
            foreach (var w in vpc.Workloads)
            {
                var reason = WhyItNeedsEcrApi(w);
                if (reason is null) continue;
                because = $", and {Code(w.Name)} {reason}, which needs it (F5)";
                break;
            }

            // Every workload is Fargate Linux on platform 1.3.0 or earlier, or cannot be told apart from one.
            if (because is null) return;
        }

        context.Report(RuleCatalog.ECR002, vpc.Location,
            $"VPC {Code(vpc.Name)} has the {Describe(dkr)} but no `ecr.api` endpoint: registry authentication (`ecr:GetAuthorizationToken`) " +
            $"and ECR API calls have no path (F2){because}. Add the {Code(SuggestedName(context, EcrApi))} interface endpoint.",
            AddEndpoints(context, new[] { EcrApi }, EndpointType.Interface, RuleCatalog.ECR002.FixTitle!),
            new[] { new RelatedLocation(dkr.Location, "the " + Describe(dkr)) });
    }

    /// <summary>
    /// Why a workload needs <c>ecr.api</c> (F5), or null when it does not (Fargate Linux pinned to 1.3.0 or earlier) or
    /// the source does not say enough to tell (a computed platform version).
    /// </summary>
    internal static string? WhyItNeedsEcrApi(WorkloadModel w)
    {
        if (w.IsWindows) return $"runs Windows containers ({Code(w.OperatingSystemFamily?.Value)})";
        switch (w.LaunchType)
        {
            case LaunchType.Ec2:
                return "runs on EC2 instances";
            case LaunchType.External:
                return "runs on external instances";
        }

        var platform = w.PlatformVersion;
        if (platform is null)
        {
            return w.LaunchType == LaunchType.Fargate
                ? "uses the latest Fargate platform (no platform version is pinned)"
                : "pins no Fargate platform version of 1.3.0 or earlier";
        }

        if (platform.Value is not { } text) return null;
        var version = text.Trim();
        if (version.Equals("LATEST", StringComparison.OrdinalIgnoreCase)) return $"uses Fargate platform {Code(text)}";
        if (version.StartsWith("v", StringComparison.OrdinalIgnoreCase)) version = version.Substring(1);
        if (!Version.TryParse(version, out var parsed)) return null;
        if (parsed > new Version(1, 3, 0)) return $"uses Fargate platform {Code(text)}";

        // 1.3.0 or earlier: exempt when it is known to be Fargate; an unknown launch type cannot be told apart.
        return null;
    }
}
