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

    /// <summary>
    /// False when <paramref name="candidate"/> can never be what <see cref="Nearest"/> returns for
    /// <paramref name="input"/> among any candidates (neither within the distance limit nor an abbreviation):
    /// a cheap test before a search over many candidates.
    /// </summary>
    public static bool CanBeNearest(string input, string candidate, int? maxDistance = null)
    {
        var limit = maxDistance ?? Math.Max(2, input.Length / 3);
        if (Math.Abs(candidate.Length - input.Length) <= limit && Distance(input, candidate, limit) <= limit) return true;
        return IsAbbreviationOf(input, candidate);
    }

    [ThreadStatic] private static int[]? s_rows;
    [ThreadStatic] private static char[]? s_lower;

    /// <summary>Optimal string alignment distance, case-insensitive, stopping early past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        var n = a.Length;
        var m = b.Length;
        // Three rows and both strings lower-cased once, in per-thread buffers (this runs for every candidate).
        var width = m + 1;
        var rows = s_rows;
        if (rows is null || rows.Length < 3 * width) s_rows = rows = new int[Math.Max(3 * width, 192)];
        var lower = s_lower;
        if (lower is null || lower.Length < n + m) s_lower = lower = new char[Math.Max(n + m, 128)];
        for (var i = 0; i < n; i++) lower[i] = char.ToLowerInvariant(a[i]);
        for (var j = 0; j < m; j++) lower[n + j] = char.ToLowerInvariant(b[j]);

        int prev2 = 0, prev = width, cur = 2 * width;
        for (var j = 0; j <= m; j++) rows[prev + j] = j;
        for (var i = 1; i <= n; i++)
        {
            rows[cur] = i;
            var rowMin = i;
            var ai = lower[i - 1];
            for (var j = 1; j <= m; j++)
            {
                var bj = lower[n + j - 1];
                var cost = ai == bj ? 0 : 1;
                var v = Math.Min(Math.Min(rows[prev + j] + 1, rows[cur + j - 1] + 1), rows[prev + j - 1] + cost);
                if (i > 1 && j > 1 && ai == lower[n + j - 2] && lower[i - 2] == bj)
                    v = Math.Min(v, rows[prev2 + j - 2] + 1);
                rows[cur + j] = v;
                if (v < rowMin) rowMin = v;
            }

            if (rowMin > limit) return rowMin;
            (prev2, prev, cur) = (prev, cur, prev2);
        }

        return rows[prev + m];
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
