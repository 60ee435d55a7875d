using System;
using System.Collections.Generic;
using System.Linq;

namespace EcrLint.Policy;

/// <summary>Finds the one candidate a misspelling most likely meant; none when two are equally likely.</summary>
public static class Suggestions
{
    /// <summary>
    /// The unique nearest candidate by case-insensitive edit distance (transpositions count as one), within
    /// <paramref name="maxDistance"/> (default: a third of the input's length, at least 2). When no candidate is
    /// that close, a candidate that contains the input's characters in order and shares its first and last
    /// word (an abbreviation such as <c>GetAuthToken</c> for <c>GetAuthorizationToken</c>) is taken, if unique.
    /// </summary>
    public static string? Nearest(string input, IEnumerable<string> candidates, int? maxDistance = null)
    {
        var list = candidates as IReadOnlyCollection<string> ?? candidates.ToList();
        var limit = maxDistance ?? Math.Max(2, input.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var c in list)
        {
            if (Math.Abs(c.Length - input.Length) > limit) continue;
            var d = Distance(input, c, limit);
            if (d > limit) continue;
            if (d < bestDistance)
            {
                best = c;
                bestDistance = d;
                tie = false;
            }
            else if (d == bestDistance && !string.Equals(best, c, StringComparison.OrdinalIgnoreCase))
            {
                tie = true;
            }
        }

        if (best is not null) return tie ? null : best;

        var abbreviations = list.Where(c => IsAbbreviationOf(input, c)).Distinct(StringComparer.OrdinalIgnoreCase).Take(2).ToList();
        return abbreviations.Count == 1 ? abbreviations[0] : null;
    }

    /// <summary>Optimal string alignment distance, case-insensitive, stopping early past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        var n = a.Length;
        var m = b.Length;
        var prev2 = new int[m + 1];
        var prev = new int[m + 1];
        var cur = new int[m + 1];
        for (var j = 0; j <= m; j++) prev[j] = j;
        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                    v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit) return rowMin;
            (prev2, prev, cur) = (prev, cur, prev2);
        }

        return prev[m];
    }

    private static bool IsAbbreviationOf(string input, string candidate)
    {
        if (input.Length >= candidate.Length) return false;
        var inWords = Words(input);
        var cWords = Words(candidate);
        if (inWords.Count < 2 || cWords.Count < 2) return false;
        if (!string.Equals(inWords[0], cWords[0], StringComparison.OrdinalIgnoreCase)) return false;
        if (!string.Equals(inWords[inWords.Count - 1], cWords[cWords.Count - 1], StringComparison.OrdinalIgnoreCase)) return false;
        var j = 0;
        foreach (var ch in candidate)
        {
            if (j < input.Length && char.ToLowerInvariant(ch) == char.ToLowerInvariant(input[j])) j++;
        }

        return j == input.Length;
    }

    /// <summary>Splits <c>ecr:GetAuthToken</c> into <c>ecr, Get, Auth, Token</c>.</summary>
    private static List<string> Words(string s)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= s.Length; i++)
        {
            if (i == s.Length || s[i] == ':' || s[i] == '-' || s[i] == '_' || (char.IsUpper(s[i]) && !char.IsUpper(s[i - 1])))
            {
                var w = s.Substring(start, i - start).Trim(':', '-', '_');
                if (w.Length > 0) words.Add(w);
                start = i;
            }
        }

        return words;
    }
}
