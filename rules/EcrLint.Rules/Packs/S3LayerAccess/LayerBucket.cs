using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EcrLint.Evaluation;
using EcrLint.Fixes;
using EcrLint.Iam;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.S3LayerAccess;

/// <summary>How the region of a layer bucket ARN is written.</summary>
public enum LayerBucketRegionKind
{
    /// <summary>A region AWS has (<c>us-east-1</c>).</summary>
    Known,

    /// <summary>A documentation placeholder (<c>region</c>, <c>REGION</c>, <c>&lt;region&gt;</c>).</summary>
    Placeholder,

    /// <summary>Something in the region's place that is not a region (<c>us-east-9</c>).</summary>
    Unknown,

    /// <summary>No region could be found in the bucket name.</summary>
    Missing,

    /// <summary>The bucket name is a pattern (<c>prod-*-starport-layer-bucket</c>) or holds a policy variable.</summary>
    Pattern,
}

/// <summary>What is wrong with one value that mentions the ECR layer bucket, and its corrected form when that is unambiguous.</summary>
public sealed class LayerBucketArn
{
    private static readonly Regex BucketShape = new("^prod-(?<region>.+)-starport-layer-bucket$", RegexOptions.CultureInvariant);

    private LayerBucketArn(string text)
    {
        Text = text;
    }

    public string Text { get; }

    /// <summary>The problems ECR103 reports, as message clauses; empty when the ARN is well-formed.</summary>
    public List<string> Problems { get; } = new();

    public bool IsWellFormed => Problems.Count == 0;

    /// <summary>The region as written (lower-cased when it is a known region), or null.</summary>
    public string? Region { get; private set; }

    public LayerBucketRegionKind RegionKind { get; private set; }

    /// <summary>The path after the bucket (<c>/*</c>), possibly empty.</summary>
    public string Path { get; private set; } = "";

    /// <summary>The canonical ARN, when the problems can be corrected without guessing; else null.</summary>
    public string? Corrected { get; private set; }

    public static string BucketName(string region) => $"prod-{region}-starport-layer-bucket";

    /// <summary>
    /// Checks a value that mentions <c>starport</c> (null otherwise). <paramref name="contextRegion"/> (the
    /// endpoint's region) stands in for a placeholder, unknown or missing region in the correction.
    /// </summary>
    public static LayerBucketArn? Analyze(string value, string? contextRegion, IamData iam)
    {
        if (!Arn.MentionsStarport(value)) return null;
        var result = new LayerBucketArn(value);
        if (value.IndexOf("${", StringComparison.Ordinal) >= 0)
        {
            // A policy variable (or an unresolved template substitution) decides the value: nothing to check.
            result.RegionKind = LayerBucketRegionKind.Pattern;
            return result;
        }

        var problems = result.Problems;
        string? partition = null;
        string? service = null;
        string regionField = "", accountField = "", resource;
        if (value.StartsWith("arn:", StringComparison.OrdinalIgnoreCase))
        {
            if (!value.StartsWith("arn:", StringComparison.Ordinal)) problems.Add("ARNs start with lower-case `arn:`");
            var parts = value.Split(new[] { ':' }, 6);
            if (parts.Length == 6)
            {
                partition = parts[1];
                service = parts[2];
                regionField = parts[3];
                accountField = parts[4];
                resource = parts[5];
            }
            else
            {
                problems.Add($"it has {parts.Length} colon-separated fields where an S3 ARN has 6 (`arn:PARTITION:s3:::BUCKET/*`)");
                if (parts.Length >= 3) partition = parts[1];
                if (parts.Length >= 4) service = parts[2];
                resource = parts[parts.Length - 1];
            }
        }
        else
        {
            problems.Add("it is not an ARN (`arn:PARTITION:s3:::BUCKET/*`)");
            resource = value.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? value.Substring(5) : value;
        }

        if (service is not null && !Glob.Get(service, ignoreCase: false).IsMatch("s3"))
            problems.Add($"its service is `{service}`, not `s3`");
        var filled = new List<string>();
        if (!IsEmptyOrStars(regionField)) filled.Add($"the region `{regionField}`");
        if (!IsEmptyOrStars(accountField)) filled.Add($"the account `{accountField}`");
        if (filled.Count > 0) problems.Add($"it has {string.Join(" and ", filled)} filled in, but S3 bucket ARNs leave both empty (`arn:aws:s3:::BUCKET/*`)");

        var slash = resource.IndexOf('/');
        var bucket = slash < 0 ? resource : resource.Substring(0, slash);
        var path = slash < 0 ? "" : resource.Substring(slash);
        result.Path = path;

        string? written = null;
        if (bucket.IndexOfAny(Glob.WildcardChars) >= 0)
        {
            result.RegionKind = LayerBucketRegionKind.Pattern;
            var g = Glob.Get(bucket, ignoreCase: false);
            if (!iam.AllRegions.Any(r => g.IsMatch(BucketName(r))))
                problems.Add($"the bucket pattern `{bucket}` matches no ECR layer bucket (`prod-REGION-starport-layer-bucket`)");
        }
        else
        {
            var m = BucketShape.Match(bucket);
            written = m.Success ? m.Groups["region"].Value : FindRegion(bucket, iam) ?? FindPlaceholder(bucket);
            if (written is null)
            {
                result.RegionKind = LayerBucketRegionKind.Missing;
            }
            else if (iam.IsRegion(written.ToLowerInvariant()))
            {
                result.RegionKind = LayerBucketRegionKind.Known;
                result.Region = written.ToLowerInvariant();
            }
            else
            {
                result.RegionKind = Placeholders.IsPlaceholderRegion(written) || Placeholders.Find(written).Any()
                    ? LayerBucketRegionKind.Placeholder
                    : LayerBucketRegionKind.Unknown;
                result.Region = written;
            }

            var expected = result.Region is null ? null : BucketName(result.Region);
            if (expected is null || !string.Equals(bucket, expected, StringComparison.Ordinal))
                problems.Add($"the bucket name `{bucket}` is misspelled: ECR layers are in `prod-REGION-starport-layer-bucket` (lower case)");
            if (result.RegionKind == LayerBucketRegionKind.Placeholder)
                problems.Add($"`{written}` is a placeholder, not a region");
            else if (result.RegionKind == LayerBucketRegionKind.Unknown)
                problems.Add($"`{written}` is not an AWS region");
        }

        if (path.Length == 0 && !bucket.EndsWith("*", StringComparison.Ordinal))
            problems.Add("it names the bucket, not its objects: s3:GetObject needs the objects, add `/*`");
        else if (path == "/")
            problems.Add("it ends with `/`: use `/*` to cover every layer object");

        if (partition is not null && partition.IndexOfAny(Glob.WildcardChars) < 0)
        {
            if (result.RegionKind == LayerBucketRegionKind.Known)
            {
                var expectedPartition = iam.PartitionOfRegion(result.Region!)!.Name;
                if (partition != expectedPartition)
                    problems.Add($"its partition `{partition}` does not match the region `{result.Region}`, which is in `{expectedPartition}`");
            }
            else if (iam.Partition(partition) is null)
            {
                problems.Add($"`{partition}` is not an AWS partition");
            }
        }

        if (problems.Count > 0 && result.RegionKind != LayerBucketRegionKind.Pattern)
        {
            var region = result.RegionKind == LayerBucketRegionKind.Known ? result.Region : contextRegion;
            if (region is not null && iam.PartitionOfRegion(region) is { } p)
            {
                var corrected = $"arn:{p.Name}:s3:::{BucketName(region)}{(path is "" or "/" ? "/*" : path)}";
                if (corrected != value) result.Corrected = corrected;
            }
        }

        return result;
    }

    private static bool IsEmptyOrStars(string field) => field.Trim('*').Length == 0;

    /// <summary>The longest known region written in the bucket name between dashes (case-insensitive).</summary>
    private static string? FindRegion(string bucket, IamData iam)
    {
        string? best = null;
        foreach (var r in iam.AllRegions)
        {
            var i = bucket.IndexOf(r, StringComparison.OrdinalIgnoreCase);
            if (i < 0) continue;
            var end = i + r.Length;
            var bounded = (i == 0 || bucket[i - 1] == '-') && (end == bucket.Length || bucket[end] == '-');
            if (bounded && (best is null || r.Length > best.Length)) best = bucket.Substring(i, r.Length);
        }

        return best;
    }

    private static string? FindPlaceholder(string bucket)
    {
        foreach (var (_, text) in Placeholders.Find(bucket)) return text;
        return null;
    }
}

/// <summary>The request ECR makes to the layer bucket, and what the s3-layer-access rules share.</summary>
public static class LayerBucket
{
    public const string GetObject = "s3:GetObject";

    /// <summary>The Sid of the statement the ECR101 fix adds.</summary>
    public const string StatementSid = "AllowEcrLayerDownloads";

    /// <summary>Keys that pin the resource's or principal's account or organisation: foreign for a layer download (F36).</summary>
    public static readonly IReadOnlyList<string> ForeignKeys = new[]
    {
        "aws:ResourceAccount", "s3:ResourceAccount", "aws:ResourceOrgID", "aws:PrincipalAccount", "aws:PrincipalOrgID",
    };

    public static string ObjectPrefix(string partition, string region) => $"arn:{partition}:s3:::{LayerBucketArn.BucketName(region)}/";

    public static string ObjectArn(string partition, string region) => ObjectPrefix(partition, region) + "*";

    /// <summary>
    /// An AWS-owned principal downloading some layer object (key unknown) with a presigned URL: the account and
    /// organisation keys hold values no policy names; every other key is unknown.
    /// </summary>
    public static EvaluationRequest Request(string partition, string region)
    {
        var request = new EvaluationRequest(RequestPrincipal.AwsOwned, GetObject, ObjectPrefix(partition, region)) { ResourceIsPrefix = true };
        foreach (var key in ForeignKeys) request.With(key, ContextValue.Foreign);
        return request;
    }

    /// <summary>The endpoint's region when the context gives a known one, else null.</summary>
    public static string? KnownRegion(PolicyContext context) =>
        context.Region is { } r && context.Iam.IsRegion(r) ? r : null;

    /// <summary>
    /// The regions whose layer bucket the policy must allow: the endpoint's when known; otherwise the known
    /// regions the policy's layer bucket ARNs name, then every other region (any one allowed is enough).
    /// </summary>
    public static IEnumerable<string> CandidateRegions(PolicyContext context)
    {
        if (KnownRegion(context) is { } region)
        {
            yield return region;
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in Values(context.Policy))
        {
            var arn = LayerBucketArn.Analyze(v.Value.Value, null, context.Iam);
            if (arn is { RegionKind: LayerBucketRegionKind.Known } && seen.Add(arn.Region!)) yield return arn.Region!;
        }

        foreach (var p in context.Iam.Partitions)
        {
            foreach (var r in p.Regions)
            {
                if (seen.Add(r)) yield return r;
            }
        }
    }

    /// <summary>Every Resource/NotResource value of every statement that mentions the layer bucket.</summary>
    public static IEnumerable<(PolicyStatement Statement, PolicyValueList List, PolicyValue Value)> Values(PolicyDocument policy)
    {
        foreach (var s in policy.Statements)
        {
            foreach (var list in new[] { s.Resource, s.NotResource })
            {
                if (list is null) continue;
                foreach (var v in list.Values)
                {
                    if (v.IsKnown && Arn.MentionsStarport(v.Value)) yield return (s, list, v);
                }
            }
        }
    }

    /// <summary>
    /// The full-access default of F31: one Allow statement for everyone (<c>"*"</c> or <c>{"AWS": "*"}</c>),
    /// Action <c>*</c> (or <c>s3:*</c>, the same in an S3 endpoint policy), Resource <c>*</c>, no Condition.
    /// </summary>
    public static bool IsFullAccessDefault(PolicyDocument policy)
    {
        if (policy.HasUnknownStatements || policy.Statements.Count != 1) return false;
        if (policy.StatementNode is Json.JsonArray array && array.Items.Count != 1) return false;
        var s = policy.Statements[0];
        return s.Effect == StatementEffect.Allow
            && s.Principal is { IsUnknown: false } principal && principal.MatchesEveryone && s.NotPrincipal is null
            && s.Action is { HasUnknownValues: false } action && action.Values.Count > 0
            && action.Values.All(v => v.Value is "*" || string.Equals(v.Value, "s3:*", StringComparison.OrdinalIgnoreCase))
            && s.NotAction is null
            && s.Resource is { HasUnknownValues: false } resource && resource.Values.Count > 0 && resource.Values.All(v => v.Value == "*")
            && s.NotResource is null
            && s.Conditions.Count == 0 && !s.HasUnknownConditions && s.ConditionSpan is null;
    }

    /// <summary>The least-privilege statement for the layer bucket (F30).</summary>
    public static JsonObjectBuilder Statement(PolicyDocument policy, string partition, string region)
    {
        var statement = new JsonObjectBuilder();
        if (!policy.Statements.Any(s => s.Sid?.Value == StatementSid)) statement.Add("Sid", StatementSid);
        return statement.Add("Effect", "Allow").Add("Principal", "*").Add("Action", GetObject).Add("Resource", ObjectArn(partition, region));
    }

    /// <summary>"The Deny `X` (line 3)" from "the Deny `X` (line 3)".</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
