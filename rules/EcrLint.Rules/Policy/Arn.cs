using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace EcrLint.Policy;

/// <summary>An ARN split into its fields: <c>arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE</c>.</summary>
public sealed class Arn
{
    /// <summary>The shape of a repository name, as a regular expression (the specification of <see cref="IsRepositoryNameShape"/>; tests compare the two).</summary>
    internal static Regex RepositoryNamePattern => new(
        "^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$", RegexOptions.CultureInvariant);

    /// <summary>The layer bucket name, as a regular expression (the specification of <see cref="TryGetStarportRegion"/>).</summary>
    internal static Regex StarportBucketPattern => new(
        "^prod-(?<region>.*)-starport-layer-bucket$", RegexOptions.CultureInvariant);

    private const string StarportPrefix = "prod-";
    private const string StarportSuffix = "-starport-layer-bucket";

    private Arn(string text, string partition, string service, string region, string account, string resource)
    {
        Text = text;
        Partition = partition;
        Service = service;
        Region = region;
        Account = account;
        Resource = resource;
    }

    public string Text { get; }
    public string Partition { get; }
    public string Service { get; }
    public string Region { get; }
    public string Account { get; }

    /// <summary>Everything after the fifth colon (may hold more colons).</summary>
    public string Resource { get; }

    /// <summary>Offset of each field in <see cref="Text"/>: partition, service, region, account, resource.</summary>
    public int FieldStart(int field)
    {
        var pos = 0;
        for (var i = 0; i <= field; i++) pos = Text.IndexOf(':', pos) + 1;
        return pos;
    }

    /// <summary>Splits a string that starts with <c>arn:</c> and has at least six fields.</summary>
    public static bool TryParse(string text, out Arn arn)
    {
        arn = null!;
        if (!text.StartsWith("arn:", StringComparison.Ordinal)) return false;
        var parts = text.Split(new[] { ':' }, 6);
        if (parts.Length < 6) return false;
        arn = new Arn(text, parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>The number of colon-separated fields before the resource part would be complete (for messages).</summary>
    public static int FieldCount(string text) => text.Split(':').Length;

    public static bool IsAccountId(string value) => value.Length == 12 && AllDigits(value);

    public static bool AllDigits(string value)
    {
        if (value.Length == 0) return false;
        foreach (var c in value)
        {
            if (c < '0' || c > '9') return false;
        }

        return true;
    }

    /// <summary>Valid ECR repository name (F35): lower-case parts separated by <c>. _ -</c>, namespaces with <c>/</c>, 2-256 characters.</summary>
    public static bool IsValidRepositoryName(string name) => name.Length >= 2 && name.Length <= 256 && IsRepositoryNameShape(name);

    /// <summary>
    /// <see cref="RepositoryNamePattern"/> without a regular expression: parts of <c>[a-z0-9]</c> runs joined by
    /// single <c>. _ -</c>, parts joined by <c>/</c> (a final line feed is allowed, as <c>$</c> allows it).
    /// </summary>
    internal static bool IsRepositoryNameShape(string name)
    {
        var end = name.Length > 0 && name[name.Length - 1] == '\n' ? name.Length - 1 : name.Length;
        var afterAlphanumeric = false;
        for (var i = 0; i < end; i++)
        {
            var c = name[i];
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            {
                afterAlphanumeric = true;
            }
            else if (c is '.' or '_' or '-' or '/')
            {
                if (!afterAlphanumeric) return false;
                afterAlphanumeric = false;
            }
            else
            {
                return false;
            }
        }

        return afterAlphanumeric;
    }

    /// <summary>True for an ECR repository ARN (<c>arn:*:ecr:*:*:repository/...</c>).</summary>
    public bool IsEcrRepository => Service == "ecr" && Resource.StartsWith("repository/", StringComparison.Ordinal);

    /// <summary>For an S3 ARN, the bucket name (before the first <c>/</c>).</summary>
    public string S3Bucket
    {
        get
        {
            var slash = Resource.IndexOf('/');
            return slash < 0 ? Resource : Resource.Substring(0, slash);
        }
    }

    /// <summary>
    /// When <paramref name="bucket"/> is an ECR layer bucket name (<c>prod-REGION-starport-layer-bucket</c>), its
    /// region part (possibly a placeholder or wildcard).
    /// </summary>
    public static bool TryGetStarportRegion(string bucket, out string region) => TryGetStarportRegion(bucket, 0, out region);

    /// <summary>
    /// <c>^prod-(?&lt;region&gt;.*)-starport-layer-bucket$</c> (or <c>.+</c> with <paramref name="minRegionLength"/> 1) without a
    /// regular expression: the region is what lies between the prefix and the suffix, without a line feed (a final
    /// line feed after the suffix is allowed, as <c>$</c> allows it).
    /// </summary>
    internal static bool TryGetStarportRegion(string bucket, int minRegionLength, out string region)
    {
        region = "";
        var end = bucket.Length > 0 && bucket[bucket.Length - 1] == '\n' ? bucket.Length - 1 : bucket.Length;
        var regionEnd = end - StarportSuffix.Length;
        if (regionEnd - StarportPrefix.Length < minRegionLength
            || !bucket.StartsWith(StarportPrefix, StringComparison.Ordinal)
            || string.CompareOrdinal(bucket, regionEnd, StarportSuffix, 0, StarportSuffix.Length) != 0)
            return false;
        var found = bucket.Substring(StarportPrefix.Length, regionEnd - StarportPrefix.Length);
        if (found.IndexOf('\n') >= 0) return false;
        region = found;
        return true;
    }

    /// <summary>True when the value mentions the starport bucket at all (even misspelled or with wrong fields).</summary>
    public static bool MentionsStarport(string value) => value.IndexOf("starport", StringComparison.OrdinalIgnoreCase) >= 0;

    public static string StarportBucketArn(string partition, string region) => $"arn:{partition}:s3:::prod-{region}-starport-layer-bucket/*";

    public override string ToString() => Text;
}

/// <summary>Documentation placeholders left in real values (ECR407; the source page's own examples have them).</summary>
public static class Placeholders
{
    /// <summary>What <see cref="Find"/> matches, as a regular expression (the specification of the matcher; tests compare the two).</summary>
    internal static Regex Pattern => new(
        @"(?<![A-Za-z0-9])(?:region|REGION|Region|<[^<>]+>|1234567890|111122223333|123456789012|role_name|repository_name|VPC_endpoint_ID|ACCOUNT_ID|ACCOUNT|account-id|REPOSITORY_NAME|ROLE_NAME)(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant);

    // The alternatives of Pattern in its order (null: the <...> alternative), and the characters they start with.
    private static readonly string?[] Alternatives =
    {
        "region", "REGION", "Region", null, "1234567890", "111122223333", "123456789012", "role_name", "repository_name",
        "VPC_endpoint_ID", "ACCOUNT_ID", "ACCOUNT", "account-id", "REPOSITORY_NAME", "ROLE_NAME",
    };

    private static readonly char[] FirstChars = { 'r', 'R', '<', '1', 'V', 'A', 'a' };

    /// <summary>Every placeholder in a value, with its offset in the value (the matches of <see cref="Pattern"/>, found without it).</summary>
    public static IEnumerable<(int Index, string Text)> Find(string value)
    {
        List<(int, string)>? found = null;
        var i = value.IndexOfAny(FirstChars);
        while (i >= 0)
        {
            var end = MatchAt(value, i);
            if (end > i)
            {
                (found ??= new List<(int, string)>()).Add((i, value.Substring(i, end - i)));
                if (end >= value.Length) break;
                i = value.IndexOfAny(FirstChars, end);
            }
            else
            {
                i = i + 1 < value.Length ? value.IndexOfAny(FirstChars, i + 1) : -1;
            }
        }

        return found ?? (IEnumerable<(int, string)>)Array.Empty<(int, string)>();
    }

    /// <summary>The end of the placeholder that starts at <paramref name="i"/>, or -1 (alternatives tried in order, as the regular expression does).</summary>
    private static int MatchAt(string value, int i)
    {
        if (i > 0 && IsAsciiLetterOrDigit(value[i - 1])) return -1;
        foreach (var alternative in Alternatives)
        {
            int end;
            if (alternative is null)
            {
                if (value[i] != '<') continue;
                var j = i + 1;
                while (j < value.Length && value[j] != '<' && value[j] != '>') j++;
                if (j == i + 1 || j >= value.Length || value[j] != '>') continue;
                end = j + 1;
            }
            else
            {
                if (value.Length - i < alternative.Length || string.CompareOrdinal(value, i, alternative, 0, alternative.Length) != 0) continue;
                end = i + alternative.Length;
            }

            if (end < value.Length && IsAsciiLetterOrDigit(value[end])) continue;
            return end;
        }

        return -1;
    }

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

    public static bool IsPlaceholderRegion(string region) =>
        region is "region" or "REGION" or "Region" or "REGION_NAME" or "region-name" || (region.StartsWith("<", StringComparison.Ordinal) && region.EndsWith(">", StringComparison.Ordinal));
}
