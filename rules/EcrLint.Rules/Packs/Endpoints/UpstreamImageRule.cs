using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR014: an ECR Public or other upstream registry image (<c>public.ecr.aws</c>, <c>docker.io</c>, <c>quay.io</c> ...)
/// pulled in a PrivateLink-reliant VPC: the endpoints serve only private ECR (F9), so a pull-through cache rule is
/// suggested. One finding per image.
/// </summary>
public sealed class UpstreamImageRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR014 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        if (!IsReliant(vpc)) return;
        var once = new Once();
        foreach (var image in Images(vpc))
        {
            if (image.Source is not (ImageSource.EcrPublic or ImageSource.Upstream) || !once.First(image.Location)) continue;
            var registry = image.Registry ?? (image.Source == ImageSource.EcrPublic ? "public.ecr.aws" : null);
            var from = registry is null ? "an upstream registry" : Code(registry);
            var served = image.Source == ImageSource.EcrPublic
                ? "the ECR endpoints do not serve ECR Public (F9)"
                : "the ECR endpoints serve only private ECR repositories (F9)";
            var consequence = NoInternetPath(vpc)
                ? $"VPC {Code(vpc.Name)} has no route to the internet ({RelianceReason(vpc)}), so the pull fails"
                : $"VPC {Code(vpc.Name)} relies on PrivateLink ({RelianceReason(vpc)}), so the pull needs an internet path";
            var rule = registry is null ? null : vpc.PullThroughCacheRules.FirstOrDefault(r => SameRegistry(r.UpstreamRegistry, registry));
            var advice = rule is not null
                ? $"Pull it through the pull-through cache rule {Code(rule.Name)}, which already caches {from}."
                : $"Cache it in ECR with a pull-through cache rule for {from} and pull it from your private registry.";
            context.Report(RuleCatalog.ECR014, image.Location,
                $"Image {Code(image.Text ?? "(unnamed)")} comes from {from}: {served}, and {consequence}. {advice}");
        }
    }

    /// <summary>Whether a pull-through cache rule's upstream (a URL or an ECR upstream name such as <c>docker-hub</c>) is the image's registry.</summary>
    internal static bool SameRegistry(string? upstream, string registry)
    {
        if (string.IsNullOrEmpty(upstream)) return false;
        var a = Normalize(upstream!);
        var b = Normalize(registry);
        return a.Length > 0 && a == b;
    }

    private static string Normalize(string registry)
    {
        var r = registry.Trim().ToLowerInvariant();
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (r.StartsWith(scheme, StringComparison.Ordinal)) r = r.Substring(scheme.Length);
        }

        r = r.TrimEnd('/');
        return r switch
        {
            "docker-hub" or "registry-1.docker.io" or "index.docker.io" or "registry.hub.docker.com" => "docker.io",
            "ecr-public" => "public.ecr.aws",
            "quay" => "quay.io",
            "k8s" => "registry.k8s.io",
            "github-container-registry" => "ghcr.io",
            "gitlab-container-registry" => "registry.gitlab.com",
            _ => r,
        };
    }
}
