using System;
using EcrLint.Iam;

namespace EcrLint.Endpoints;

/// <summary>
/// A parsed endpoint service name: <c>PREFIX.REGION.SERVICE</c>, e.g. <c>com.amazonaws.us-east-1.ecr.dkr</c>,
/// <c>cn.com.amazonaws.cn-north-1.ecr.api</c> (F14).
/// </summary>
public sealed class EndpointService : IEquatable<EndpointService>
{
    /// <summary>The services the endpoint rules reason about (suffix after the region).</summary>
    public static readonly string[] Known = { "ecr.dkr", "ecr.api", "s3", "logs", "ecs", "ecs-agent", "ecs-telemetry" };

    public EndpointService(string prefix, string? region, string service)
    {
        Prefix = prefix;
        Region = region;
        Service = service;
    }

    /// <summary><c>com.amazonaws</c>, <c>cn.com.amazonaws</c>, <c>eu.amazonaws</c>.</summary>
    public string Prefix { get; }

    /// <summary>The region part; null when the source does not say (a typed CDK service takes the stack's).</summary>
    public string? Region { get; }

    /// <summary><c>ecr.dkr</c>, <c>ecr.api</c>, <c>s3</c>, <c>logs</c> ...</summary>
    public string Service { get; }

    public bool IsEcrDkr => Service == "ecr.dkr";
    public bool IsEcrApi => Service == "ecr.api";
    public bool IsEcr => IsEcrDkr || IsEcrApi;
    public bool IsS3 => Service == "s3";

    /// <summary>A service with a region the IAM data does not know or a placeholder region is still parsed, so ECR010 can say what is wrong.</summary>
    public static EndpointService? TryParse(string name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        foreach (var prefix in new[] { "cn.com.amazonaws.", "com.amazonaws.", "eu.amazonaws." })
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = name.Substring(prefix.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0) return null;
            return new EndpointService(prefix.TrimEnd('.'), rest.Substring(0, dot), rest.Substring(dot + 1));
        }

        return null;
    }

    /// <summary>The canonical name of a service in a region: the prefix follows the region's partition (F14).</summary>
    public static string NameFor(string region, string service)
    {
        var prefix = IamData.Instance.PartitionOfRegion(region)?.ServiceNamePrefix ?? "com.amazonaws";
        // Only ECR uses the cn.com.amazonaws prefix in China; most services there use com.amazonaws.
        if (prefix == "cn.com.amazonaws" && !service.StartsWith("ecr.", StringComparison.Ordinal)) prefix = "com.amazonaws";
        return $"{prefix}.{region}.{service}";
    }

    public bool Equals(EndpointService? other) => other is not null && Prefix == other.Prefix && Region == other.Region && Service == other.Service;
    public override bool Equals(object? obj) => Equals(obj as EndpointService);
    public override int GetHashCode() => (Prefix + "|" + Region + "|" + Service).GetHashCode();

    public override string ToString() => Region is null ? Service : $"{Prefix}.{Region}.{Service}";
}
