using System.Reflection;
using CsCheck;
using EcrLint.Evaluation;
using EcrLint.Iam;
using EcrLint.Policy;

namespace EcrLint.Tests.Properties;

/// <summary>
/// Code rewritten for speed gives what the straightforward version gave: the edit distance, the nearest-candidate
/// shortcut, resource matching field by field, and the IAM data read service by service on first use.
/// </summary>
public class RewriteEquivalenceTests
{
    [Fact]
    public void Edit_distance_equals_the_textbook_computation() =>
        Gen.Select(Gens.StringOf("abcAB:-xé", 12), Gens.StringOf("abcAB:-xé", 12), Gen.Int[0, 14])
            .Sample((a, b, limit) =>
            {
                var full = ReferenceDistance(a, b);
                Assert.Equal(full, Suggestions.Distance(a, b));
                // With a limit the computation may stop early, but only past the limit.
                var limited = Suggestions.Distance(a, b, limit);
                if (full <= limit) Assert.Equal(full, limited);
                else Assert.True(limited > limit);
            }, iter: 20_000);

    [Fact]
    public void A_candidate_that_is_nearest_always_passes_the_shortcut()
    {
        var ecr = IamData.Instance.ActionsOf("ecr").Select(a => a.FullName).ToList();
        Gen.OneOf(
                Gen.OneOfConst(ecr.ToArray()).SelectMany(a => Gen.Int[0, a.Length - 1].SelectMany(i => Gen.Char["abcdeRrXyz:"].Select(c => Mutate(a, i, c)))),
                Gens.Pieces(5, "ecr:", "Delete", "Del", "Repository", "Repo", "Get", "Auth", "Token", "s", "x"))
            .Sample(input =>
            {
                var nearest = Suggestions.Nearest(input, ecr);
                if (nearest is not null) Assert.True(Suggestions.CanBeNearest(input, nearest), $"{input} -> {nearest}");
            }, iter: 5_000);
    }

    [Fact]
    public void Resource_matching_in_place_equals_matching_split_fields()
    {
        var field = Gens.Pieces(3, "a", "b", "*", "?", "1", "aws", "ecr", "s3", "**", "${aws:username}", "$");
        var arn = Gen.Select(field, field, field, field, field, Gens.Pieces(4, "repository/", "a", "*", "/", ":", "?", "b"))
            .Select((p, s, r, a, x, rest) => $"arn:{p}:{s}:{r}:{a}:{rest}{x}");
        var anything = Gen.OneOf(arn, Gens.Pieces(6, "arn:", "a", ":", "*", "?", "b"), Gen.Const("*"));
        Gen.Select(anything, anything, Gen.Bool, Gen.Bool).Sample((pattern, resource, prefix, variables) =>
        {
            Assert.Equal(ReferenceResourcePatternMatches(pattern, resource, prefix, variables),
                PolicyEvaluator.ResourcePatternMatches(pattern, resource, prefix, variables));
        }, iter: 20_000);
    }

    [Fact]
    public void Iam_data_read_on_demand_equals_the_whole_file_read_at_once()
    {
        // The original reading: every action of iam-actions.txt, then the details file in order.
        var expected = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Resource("iam-actions.txt"))
        {
            var tab = line.IndexOf('\t');
            expected[line.Substring(0, tab)] = line.Substring(tab + 1).Split(',').Where(n => n.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        foreach (var line in Resource("iam-action-details.txt"))
        {
            var name = line.Split('\t')[0];
            var colon = name.IndexOf(':');
            if (!expected.TryGetValue(name.Substring(0, colon), out var actions)) expected[name.Substring(0, colon)] = actions = new List<string>();
            if (!actions.Contains(name.Substring(colon + 1), StringComparer.OrdinalIgnoreCase)) actions.Add(name.Substring(colon + 1));
        }

        var data = IamData.Instance;
        Assert.Equal(expected.Keys, data.ServicePrefixes);
        foreach (var (service, actions) in expected)
            Assert.Equal(actions.Select(a => service + ":" + a), data.ActionsOf(service).Select(a => a.FullName));
        Assert.Equal(expected.Values.Sum(v => v.Count), data.Match("*").Count());
        Assert.Equal(expected.Keys.Where(k => k.StartsWith("ecr", StringComparison.Ordinal)).Sum(k => expected[k].Count), data.Match("ecr*:*").Count());
    }

    private static string Mutate(string s, int i, char c) => (i % 3) switch
    {
        0 => s.Remove(i, 1),
        1 => s.Insert(i, c.ToString()),
        _ => s.Substring(0, i) + c + s.Substring(i + 1),
    };

    private static IEnumerable<string> Resource(string name)
    {
        using var stream = typeof(IamData).Assembly.GetManifestResourceStream("EcrLint.Data." + name)!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#') yield return line;
        }
    }

    /// <summary>Optimal string alignment distance, case-insensitive, over the whole matrix.</summary>
    private static int ReferenceDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Resource matching as first written: both ARNs split into six fields, each field a glob.</summary>
    private static Truth ReferenceResourcePatternMatches(string pattern, string resource, bool resourceIsPrefix, bool variablesEnabled)
    {
        if (pattern == "*") return Truth.True;
        if (pattern.IndexOfAny(Glob.WildcardChars) < 0 && !(variablesEnabled && pattern.IndexOf("${", StringComparison.Ordinal) >= 0))
        {
            if (!resourceIsPrefix) return string.Equals(pattern, resource, StringComparison.Ordinal).ToTruth();
            return pattern.Length > resource.Length && pattern.StartsWith(resource, StringComparison.Ordinal) ? Truth.Unknown : Truth.False;
        }

        var hasVariables = false;
        if (variablesEnabled && pattern.IndexOf("${", StringComparison.Ordinal) >= 0)
        {
            var replace = typeof(PolicyEvaluator).GetMethod("ReplaceVariables", BindingFlags.NonPublic | BindingFlags.Static)!;
            var args = new object?[] { pattern, false };
            pattern = (string)replace.Invoke(null, args)!;
            hasVariables = (bool)args[1]!;
        }

        static string[]? Split(string arn)
        {
            if (!arn.StartsWith("arn:", StringComparison.Ordinal)) return null;
            var parts = arn.Split(new[] { ':' }, 6);
            return parts.Length == 6 ? parts : null;
        }

        var p = Split(pattern);
        var r = Split(resource);
        Truth result;
        if (p is null || r is null)
        {
            var g = new Glob(pattern, ignoreCase: false);
            result = resourceIsPrefix ? g.MatchesAllWithPrefix(resource) : g.IsMatch(resource).ToTruth();
        }
        else
        {
            result = Truth.True;
            for (var i = 0; i < 5 && result != Truth.False; i++) result = result.And(new Glob(p[i], ignoreCase: false).IsMatch(r[i]).ToTruth());
            if (result != Truth.False)
            {
                var g = new Glob(p[5], ignoreCase: false);
                result = result.And(resourceIsPrefix ? g.MatchesAllWithPrefix(r[5]) : g.IsMatch(r[5]).ToTruth());
            }
        }

        return hasVariables && result == Truth.True ? Truth.Unknown : result;
    }
}
