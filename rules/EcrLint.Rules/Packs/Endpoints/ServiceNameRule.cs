using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Fixes;
using EcrLint.Iam;
using EcrLint.Policy;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR010: a malformed service name for an ECR, S3, logs or ECS endpoint: wrong shape (<c>com.amazonaws.ecr.dkr</c>,
/// <c>ecr-dkr</c>, a DNS host name), an unknown or placeholder region, or the wrong prefix for the region's
/// partition (F14). The fix writes the corrected name when the service and the region are unambiguous.
/// </summary>
public sealed class ServiceNameRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR010 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        var showsEcrUse = ShowsEcrUse(vpc);
        foreach (var e in vpc.Endpoints)
        {
            var a = ServiceNames.Of(e);
            if (a is null || (!IsEcrService(a.Service) && !showsEcrUse)) continue;
            var problems = new List<string>(a.Problems);

            // A name in the stack's own region: its prefix can still be wrong for the region the run is told about.
            var contextRegion = RegionOf(context);
            if (a.RegionKind == RegionKind.Symbolic && contextRegion is not null && ServiceNames.IsValidPrefix(a.WrittenPrefix)
                && !a.IsAmbiguousEcr && !ServiceNames.AcceptedPrefixes(contextRegion, a.Service).Contains(a.WrittenPrefix!))
                problems.Add(ServiceNames.PrefixProblem(a.WrittenPrefix!, contextRegion, a.Service));
            if (problems.Count == 0) continue;

            var corrected = Correct(a, context);
            var advice = corrected is not null
                ? $" Use {Code(corrected.Replace(ServiceNames.SymbolicRegion, context.Vpc.SymbolicRegionText))}{(corrected.Contains(ServiceNames.SymbolicRegion) ? " (the stack's own region)" : "")}."
                : " Service names read `PREFIX.REGION.SERVICE`, e.g. `com.amazonaws.us-east-1.ecr.dkr` (F14).";
            context.Report(RuleCatalog.ECR010, e.ServiceName?.Location ?? e.Location,
                $"The service name {Code(a.Text)} of endpoint {Code(e.Name)} is malformed: {string.Join("; ", problems)}.{advice}",
                corrected is null ? null : SetServiceName(context, e, corrected));
        }
    }

    /// <summary>
    /// The corrected name: the service as meant; the region as written when it is a known region, else the stack's own
    /// region (<c>${AWS::Region}</c>: an endpoint serves the region of its VPC, F8), except that a literal region with
    /// one known region at a typo's distance (<c>us-eas-1</c>) becomes that region; the prefix of the region's
    /// partition (of the run's region for the stack's region, when known). Null when the service is ambiguous.
    /// </summary>
    internal static string? Correct(ServiceNameAnalysis a, EndpointContext context)
    {
        if (a.IsAmbiguousEcr) return null;
        var region = a.RegionKind switch
        {
            RegionKind.Known => a.Region,
            RegionKind.Unknown when a.Region is not null => Suggestions.Nearest(a.Region, IamData.Instance.AllRegions, 2),
            _ => null,
        };

        string name;
        if (region is null)
        {
            var contextRegion = RegionOf(context);
            string prefix;
            if (contextRegion is not null)
            {
                var accepted = ServiceNames.AcceptedPrefixes(contextRegion, a.Service);
                prefix = a.WrittenPrefix is not null && accepted.Contains(a.WrittenPrefix) ? a.WrittenPrefix : ServiceNames.PrefixFor(contextRegion, a.Service);
            }
            else
            {
                prefix = ServiceNames.IsValidPrefix(a.WrittenPrefix) ? a.WrittenPrefix! : "com.amazonaws";
            }

            name = $"{prefix}.{ServiceNames.SymbolicRegion}.{a.Service}";
        }
        else
        {
            var accepted = ServiceNames.AcceptedPrefixes(region, a.Service);
            var prefix = a.WrittenPrefix is not null && accepted.Contains(a.WrittenPrefix) ? a.WrittenPrefix : ServiceNames.PrefixFor(region, a.Service);
            name = $"{prefix}.{region}.{a.Service}";
        }

        return string.Equals(name, a.Text, StringComparison.Ordinal) ? null : name;
    }

    private static Fix? SetServiceName(EndpointContext context, EndpointModel e, string name)
    {
        if (context.Vpc.Fixer is not { } fixer) return null;
        try
        {
            return fixer.SetServiceName(e, name, RuleCatalog.ECR010.FixTitle!);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
