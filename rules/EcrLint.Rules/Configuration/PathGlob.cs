using System;
using System.Collections.Generic;

namespace EcrLint.Configuration;

/// <summary>
/// A path pattern: <c>**</c> matches any number of folders (zero included), <c>*</c> any characters within
/// one path segment, <c>?</c> one character within a segment. Segments are separated by <c>/</c> (a <c>\</c>
/// in a pattern or path is read as <c>/</c>). Compiled once, matched without regular expressions.
/// </summary>
public sealed class PathGlob
{
    private readonly string[] _segments;
    private readonly StringComparison _comparison;

    private PathGlob(string pattern, string[] segments, bool matchNameAnywhere, bool ignoreCase)
    {
        Pattern = pattern;
        _segments = segments;
        MatchesNameAnywhere = matchNameAnywhere;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    public string Pattern { get; }

    /// <summary>True for a pattern without <c>/</c> read the .gitignore way: it matches a file name at any depth.</summary>
    public bool MatchesNameAnywhere { get; }

    /// <summary>The pattern's segments, <c>**</c> included.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>True when the text has a wildcard (<c>*</c> or <c>?</c>).</summary>
    public static bool HasWildcard(string text) => text.IndexOfAny(Wildcards) >= 0;

    private static readonly char[] Wildcards = { '*', '?' };

    /// <summary>Compiles a pattern matched against whole relative paths (<c>samples/**/*.json</c>).</summary>
    public static PathGlob Create(string pattern, bool ignoreCase = false) =>
        new(pattern, Split(pattern), matchNameAnywhere: false, ignoreCase);

    /// <summary>
    /// Compiles a pattern of a configuration file: a pattern without <c>/</c> (<c>*.json</c>) matches the file
    /// name in any folder, as in .gitignore; a pattern with <c>/</c> is matched against the whole relative path.
    /// </summary>
    public static PathGlob CreateForConfig(string pattern, bool ignoreCase = false)
    {
        var segments = Split(pattern);
        if (segments.Length == 1 && segments[0] != "**")
            return new PathGlob(pattern, new[] { "**", segments[0] }, matchNameAnywhere: true, ignoreCase);
        return new PathGlob(pattern, segments, matchNameAnywhere: false, ignoreCase);
    }

    /// <summary>Matches a relative path (<c>/</c> or <c>\</c> separated).</summary>
    public bool IsMatch(string relativePath) => IsMatch(Split(relativePath), 0, 0);

    private static string[] Split(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal)) normalized = normalized.Substring(2);
        var parts = normalized.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        // Collapse runs of ** (they match the same thing as one).
        var list = new List<string>(parts.Length);
        foreach (var p in parts)
        {
            if (p == ".") continue;
            if (p == "**" && list.Count > 0 && list[list.Count - 1] == "**") continue;
            list.Add(p);
        }

        return list.ToArray();
    }

    private bool IsMatch(string[] path, int pi, int si)
    {
        while (true)
        {
            if (si == _segments.Length) return pi == path.Length;
            var seg = _segments[si];
            if (seg == "**")
            {
                if (si == _segments.Length - 1) return true;
                for (var k = pi; k <= path.Length; k++)
                {
                    if (IsMatch(path, k, si + 1)) return true;
                }

                return false;
            }

            if (pi == path.Length || !SegmentMatch(seg, path[pi], _comparison)) return false;
            pi++;
            si++;
        }
    }

    /// <summary>Matches one segment with <c>*</c> and <c>?</c> (iterative, linear backtracking on the last <c>*</c>).</summary>
    public static bool SegmentMatch(string pattern, string text, StringComparison comparison = StringComparison.Ordinal)
    {
        var ignoreCase = comparison == StringComparison.OrdinalIgnoreCase;
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], text[t], ignoreCase)) && pattern[p] != '*')
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    private static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    public override string ToString() => Pattern;
}
