using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Iam;

namespace EcrLint.Packs.Endpoints;

/// <summary>How the region part of a service name is written.</summary>
internal enum RegionKind
{
    /// <summary>No region at all (<c>com.amazonaws.ecr.dkr</c>).</summary>
    Missing,

    /// <summary>A region the partition data knows.</summary>
    Known,

    /// <summary><c>${AWS::Region}</c>: the stack's own region.</summary>
    Symbolic,

    /// <summary>A documentation placeholder (<c>region</c>, <c>REGION</c>, <c>&lt;region&gt;</c>).</summary>
    Placeholder,

    /// <summary>Anything else (<c>us-east-7</c>, <c>useast1</c>).</summary>
    Unknown,
}

/// <summary>
/// What a written endpoint service name means: the service it stands for (also when it is malformed, so the other
/// rules see a misspelled <c>ecr-dkr</c> endpoint as the <c>ecr.dkr</c> endpoint and only ECR010 reports the name),
/// its region, and what is wrong with its shape.
/// </summary>
internal sealed class ServiceNameAnalysis
{
    public const string SymbolicRegion = "${AWS::Region}";

    public ServiceNameAnalysis(string text, string service, string writtenService, string? region, RegionKind regionKind, string? writtenPrefix, List<string> problems)
    {
        Text = text;
        Service = service;
        WrittenService = writtenService;
        Region = region;
        RegionKind = regionKind;
        WrittenPrefix = writtenPrefix;
        Problems = problems;
    }

    /// <summary>The name analysed (symbolic regions written as <c>${AWS::Region}</c>).</summary>
    public string Text { get; }

    /// <summary>The canonical service (<c>ecr.dkr</c>, <c>s3</c> ...), or <c>ecr</c> when the name does not say which ECR endpoint.</summary>
    public string Service { get; }

    /// <summary>The service part as written (lower-cased).</summary>
    public string WrittenService { get; }

    /// <summary>The region part as written (lower-cased), null when there is none.</summary>
    public string? Region { get; }

    public RegionKind RegionKind { get; }

    /// <summary>The prefix as written (<c>com.amazonaws</c>, or something malformed), null when there is none.</summary>
    public string? WrittenPrefix { get; }

    /// <summary>What is wrong with the name, as message clauses; empty when well-formed.</summary>
    public List<string> Problems { get; }

    public bool IsAmbiguousEcr => Service == ServiceNames.AmbiguousEcr;
}

/// <summary>Reads endpoint service names, well-formed or not (ECR010 and every rule that asks which service an endpoint is).</summary>
internal static class ServiceNames
{
    /// <summary>The pseudo-service of a name that says <c>ecr</c> without <c>api</c> or <c>dkr</c>.</summary>
    public const string AmbiguousEcr = "ecr";

    public const string SymbolicRegion = ServiceNameAnalysis.SymbolicRegion;

    private const char Marker = '\u0001';

    private static readonly string[] ValidPrefixes = { "com.amazonaws", "cn.com.amazonaws", "eu.amazonaws" };

    private static readonly HashSet<string> PrefixWords = new(StringComparer.Ordinal) { "com", "cn", "eu", "amazonaws", "amazon", "aws" };

    private static readonly HashSet<string> PlaceholderRegions = new(StringComparer.Ordinal)
    {
        "region", "region-name", "region_name", "regionname", "aws-region", "aws_region", "your-region", "my-region", "xx-xxxx-x", "xx-xxxx-1",
    };

    /// <summary>The analysis of an endpoint's name, with the name fact it was computed from.</summary>
    private sealed class Cached
    {
        public Cached(Fact<string?>? @for, ServiceNameAnalysis? value)
        {
            For = @for;
            Value = value;
        }

        public Fact<string?>? For { get; }
        public ServiceNameAnalysis? Value { get; }
    }

    /// <summary>
    /// The name of an endpoint as the source writes it: the literal text, or for a name built from the stack's
    /// region (<c>!Sub com.amazonaws.${AWS::Region}.ecr.dkr</c>) the parsed service with <c>${AWS::Region}</c>.
    /// Null when the service is given by a typed API (nothing is written to be malformed) or cannot be known.
    /// </summary>
    public static string? WrittenName(EndpointModel e)
    {
        if (e.ServiceName is null) return null;
        if (e.ServiceName.Value is { } text) return WrittenWithStackRegion(e) ? Resymbolize(text, e.Service?.Region) : text;
        if (e.Service is { } s) return s.Region is null ? $"{s.Prefix}.{SymbolicRegion}.{s.Service}" : s.ToString();
        return null;
    }

    /// <summary>
    /// Whether the source writes the name with the stack's region (<c>${AWS::Region}</c>, <c>Ref: AWS::Region</c>) even
    /// though the front end substituted the region it was told (<c>--region</c>, a cdk.out environment): the name then
    /// keeps following the stack, and a correction must too.
    /// </summary>
    private static bool WrittenWithStackRegion(EndpointModel e)
    {
        if (e.ServiceName?.Location is not { } location) return false;
        var (doc, span) = location.Outer;
        if (span.Start < 0 || span.End > doc.Text.Length || span.Length > 4096) return false;
        return doc.Text.IndexOf("AWS::Region", span.Start, span.Length, StringComparison.Ordinal) >= 0;
    }

    private static string Resymbolize(string text, string? region)
    {
        if (!IsRegion(region)) return text;
        var i = text.IndexOf("." + region + ".", StringComparison.Ordinal);
        return i < 0 ? text : text.Substring(0, i + 1) + SymbolicRegion + text.Substring(i + 1 + region!.Length);
    }

    /// <summary>The analysis of an endpoint's written name (cached per endpoint), null when there is none or it is not an ECR/S3/logs/ECS name.</summary>
    public static ServiceNameAnalysis? Of(EndpointModel e)
    {
        if (e.ServiceNameAnalysisCache is Cached cached && ReferenceEquals(cached.For, e.ServiceName)) return cached.Value;
        ServiceNameAnalysis? result = null;
        var name = WrittenName(e);
        if (name is not null)
        {
            try
            {
                result = Analyze(name);
            }
            catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidOperationException)
            {
                result = null;
            }
        }

        // A race between threads only computes the same result twice.
        e.ServiceNameAnalysisCache = new Cached(e.ServiceName, result);

        return result;
    }

    /// <summary>
    /// The service an endpoint stands for: one of <see cref="EndpointService.Known"/>, <see cref="AmbiguousEcr"/>, or
    /// null (another service, or not knowable).
    /// </summary>
    public static string? ServiceOf(EndpointModel e)
    {
        if (e.ServiceName is null || (e.ServiceName.Value is null && e.Service is null))
            return e.Service is { } typed && Array.IndexOf(EndpointService.Known, typed.Service) >= 0 ? typed.Service : null;
        return Of(e)?.Service;
    }

    /// <summary>The canonical service a written service part stands for; null when it is no ECR/S3/logs/ECS spelling.</summary>
    public static string? Canonical(string written)
    {
        var s = written.Replace('_', '-');
        switch (s)
        {
            case "ecr.dkr":
            case "ecr-dkr":
            case "ecrdkr":
            case "dkr.ecr":
            case "dkr-ecr":
            case "ecr.docker":
            case "ecr-docker":
                return "ecr.dkr";
            case "ecr.api":
            case "ecr-api":
            case "ecrapi":
            case "api.ecr":
            case "api-ecr":
                return "ecr.api";
            case "ecr":
                return AmbiguousEcr;
            case "s3":
                return "s3";
            case "logs":
            case "cloudwatch-logs":
            case "cloudwatch.logs":
            case "cloudwatchlogs":
                return "logs";
            case "ecs":
                return "ecs";
            case "ecs-agent":
            case "ecs.agent":
            case "ecsagent":
                return "ecs-agent";
            case "ecs-telemetry":
            case "ecs.telemetry":
            case "ecstelemetry":
                return "ecs-telemetry";
            default:
                return null;
        }
    }

    /// <summary>Reads a written name; null when it does not look like an ECR, S3, logs or ECS endpoint service name.</summary>
    public static ServiceNameAnalysis? Analyze(string name)
    {
        if (name.Length == 0 || name.Length > 512) return null;
        var problems = new List<string>();

        // The stack's region, however it is cased, is one opaque label.
        var work = ReplaceIgnoreCase(name, SymbolicRegion, Marker.ToString());
        var trimmed = work.Trim();
        var hasWhitespace = trimmed.Length != work.Length || trimmed.Any(char.IsWhiteSpace);
        work = new string(trimmed.Where(c => !char.IsWhiteSpace(c)).ToArray());

        var hostForm = false;
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (work.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                work = work.Substring(scheme.Length);
                hostForm = true;
            }
        }

        work = work.TrimEnd('/');
        var original = work.Split('.').ToList();
        var emptyLabels = original.RemoveAll(t => t.Length == 0) > 0;
        if (original.Count == 0) return null;
        var tokens = original.Select(t => t.ToLowerInvariant()).ToList();

        // A DNS host name (dkr.ecr.us-east-1.amazonaws.com) instead of a service name.
        foreach (var suffix in new[] { new[] { "amazonaws", "com", "cn" }, new[] { "amazonaws", "com" }, new[] { "amazonaws", "eu" } })
        {
            if (tokens.Count > suffix.Length && tokens.Skip(tokens.Count - suffix.Length).SequenceEqual(suffix))
            {
                tokens.RemoveRange(tokens.Count - suffix.Length, suffix.Length);
                original.RemoveRange(original.Count - suffix.Length, suffix.Length);
                hostForm = true;
                break;
            }
        }

        var p = 0;
        while (p < tokens.Count && PrefixWords.Contains(tokens[p])) p++;
        var prefix = p == 0 ? null : string.Join(".", tokens.Take(p));
        var rest = tokens.Skip(p).ToList();
        if (rest.Count == 0) return null;

        // SERVICE at the end, after at most one region label; else REGION after the service.
        string? service = null;
        string? written = null;
        string? region = null;
        var regionIndex = -1;
        var regionAfter = false;
        for (var k = 0; k <= Math.Min(1, rest.Count - 1); k++)
        {
            var candidate = string.Join(".", rest.Skip(k));
            var canonical = Canonical(candidate);
            if (canonical is null) continue;
            service = canonical;
            written = candidate;
            region = k == 0 ? null : rest[0];
            regionIndex = k == 0 ? -1 : p;
            break;
        }

        if (service is null && rest.Count >= 2)
        {
            var candidate = string.Join(".", rest.Take(rest.Count - 1));
            var canonical = Canonical(candidate);
            if (canonical is not null && LooksLikeRegion(rest[rest.Count - 1]))
            {
                service = canonical;
                written = candidate;
                region = rest[rest.Count - 1];
                regionIndex = tokens.Count - 1;
                regionAfter = true;
            }
        }

        if (service is null || written is null) return null;

        var regionKind = ClassifyRegion(region);
        var displayRegion = regionIndex < 0 ? null : original[regionIndex].Replace(Marker.ToString(), SymbolicRegion);

        // Upper case outside the region (a placeholder region is reported as such, however it is cased).
        var upper = original.Where((t, i) => i != regionIndex || regionKind == RegionKind.Known).Any(t => t.Any(char.IsUpper));

        if (hasWhitespace) problems.Add("it contains whitespace");
        if (hostForm) problems.Add("it is a DNS host name, not a service name");
        if (emptyLabels) problems.Add("it has an empty label (`..`)");
        if (prefix is null)
        {
            if (!hostForm) problems.Add("it lacks the `com.amazonaws.` prefix");
        }
        else if (Array.IndexOf(ValidPrefixes, prefix) < 0)
        {
            problems.Add($"`{prefix}` is not a service name prefix");
        }
        else if (regionKind == RegionKind.Known && !AcceptedPrefixes(region!, service).Contains(prefix))
        {
            problems.Add(PrefixProblem(prefix, region!, service));
        }

        switch (regionKind)
        {
            case RegionKind.Missing:
                problems.Add("it has no region");
                break;
            case RegionKind.Placeholder:
                problems.Add($"the region `{displayRegion}` is a placeholder");
                break;
            case RegionKind.Unknown:
                problems.Add($"`{displayRegion}` is not a known region");
                break;
        }

        if (regionAfter && !hostForm) problems.Add("the region comes after the service");
        if (service == AmbiguousEcr) problems.Add("`ecr` names neither ECR endpoint: `ecr.api` (the ECR API) or `ecr.dkr` (the registry)");
        else if (written != service && !hostForm) problems.Add($"the service is written `{written}` instead of `{service}`");
        if (upper) problems.Add("service names are lower case");

        return new ServiceNameAnalysis(name, service, written, regionKind == RegionKind.Known ? region : displayRegion, regionKind, prefix, problems);
    }

    /// <summary>The prefixes that may precede a service in a region (F14): ECR takes exactly its partition's; S3, logs and ECS also <c>com.amazonaws</c>.</summary>
    public static IReadOnlyList<string> AcceptedPrefixes(string region, string service)
    {
        var canonical = PrefixFor(region, service);
        if (service.StartsWith("ecr", StringComparison.Ordinal)) return new[] { canonical };
        var partition = IamData.Instance.PartitionOfRegion(region)?.ServiceNamePrefix;
        return new[] { canonical, partition ?? canonical, "com.amazonaws" }.Distinct().ToList();
    }

    /// <summary>The canonical prefix of a service in a region (<see cref="EndpointService.NameFor"/>).</summary>
    public static string PrefixFor(string region, string service)
    {
        var name = EndpointService.NameFor(region, service == AmbiguousEcr ? "ecr.dkr" : service);
        var cut = name.IndexOf("." + region + ".", StringComparison.Ordinal);
        return cut > 0 ? name.Substring(0, cut) : "com.amazonaws";
    }

    public static string PrefixProblem(string prefix, string region, string service)
    {
        var partition = IamData.Instance.PartitionOfRegion(region)?.Name ?? "aws";
        return $"in `{region}` (partition `{partition}`) the prefix is `{PrefixFor(region, service)}`, not `{prefix}` (F14)";
    }

    /// <summary>The name a service has in a region, or in the stack's region when <paramref name="region"/> is null.</summary>
    public static string NameFor(string? region, string service, string? prefix = null) =>
        region is null || !IamData.Instance.IsRegion(region)
            ? $"{prefix ?? "com.amazonaws"}.{region ?? SymbolicRegion}.{service}"
            : EndpointService.NameFor(region, service);

    public static bool IsValidPrefix(string? prefix) => prefix is not null && Array.IndexOf(ValidPrefixes, prefix) >= 0;

    public static bool IsRegion(string? region) => region is not null && IamData.Instance.IsRegion(region);

    private static RegionKind ClassifyRegion(string? region)
    {
        if (region is null || region.Length == 0) return RegionKind.Missing;
        if (region == Marker.ToString()) return RegionKind.Symbolic;
        if (IamData.Instance.IsRegion(region)) return RegionKind.Known;
        if (PlaceholderRegions.Contains(region) || (region.StartsWith("<", StringComparison.Ordinal) && region.EndsWith(">", StringComparison.Ordinal))
            || (region.StartsWith("{", StringComparison.Ordinal) && region.EndsWith("}", StringComparison.Ordinal))
            || (region.StartsWith("${", StringComparison.Ordinal) && region.EndsWith("}", StringComparison.Ordinal)))
            return RegionKind.Placeholder;
        return RegionKind.Unknown;
    }

    private static bool LooksLikeRegion(string label) =>
        label == Marker.ToString() || IamData.Instance.IsRegion(label) || ClassifyRegion(label) == RegionKind.Placeholder
        || (label.Length >= 6 && label.Count(c => c == '-') >= 2 && char.IsDigit(label[label.Length - 1]));

    private static string ReplaceIgnoreCase(string text, string find, string replacement)
    {
        var i = text.IndexOf(find, StringComparison.OrdinalIgnoreCase);
        if (i < 0) return text;
        var sb = new System.Text.StringBuilder();
        var from = 0;
        while (i >= 0)
        {
            sb.Append(text, from, i - from).Append(replacement);
            from = i + find.Length;
            i = text.IndexOf(find, from, StringComparison.OrdinalIgnoreCase);
        }

        return sb.Append(text, from, text.Length - from).ToString();
    }
}
