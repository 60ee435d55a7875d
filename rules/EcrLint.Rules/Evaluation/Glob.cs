using System;
using System.Collections.Concurrent;
using System.Threading;

namespace EcrLint.Evaluation;

/// <summary>Three-valued truth: the evaluator says "cannot prove" rather than guess.</summary>
public enum Truth
{
    False,
    True,
    Unknown,
}

public static class TruthExtensions
{
    public static Truth And(this Truth a, Truth b) =>
        a == Truth.False || b == Truth.False ? Truth.False
        : a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown
        : Truth.True;

    public static Truth Or(this Truth a, Truth b) =>
        a == Truth.True || b == Truth.True ? Truth.True
        : a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown
        : Truth.False;

    public static Truth Not(this Truth a) => a switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown };

    public static Truth ToTruth(this bool b) => b ? Truth.True : Truth.False;
}

/// <summary>
/// An IAM wildcard pattern: <c>*</c> matches any run of characters (colons included), <c>?</c> exactly one.
/// Matching never backtracks exponentially: it runs in O(pattern × input).
/// </summary>
public sealed class Glob
{
    public static readonly char[] WildcardChars = { '*', '?' };
    private static readonly ConcurrentDictionary<(string, bool), Glob> Cache = new();
    private static int s_added;

    private readonly string _pattern;
    private readonly bool _ignoreCase;

    public Glob(string pattern, bool ignoreCase)
    {
        Pattern = pattern;
        _ignoreCase = ignoreCase;
        HasWildcards = pattern.IndexOfAny(WildcardChars) >= 0;
        _pattern = HasWildcards ? CollapseStars(pattern) : pattern;
    }

    /// <summary>A run of stars matches what one star matches; collapsing runs keeps matching fast on patterns like <c>****x</c>.</summary>
    private static string CollapseStars(string pattern)
    {
        if (pattern.IndexOf("**", StringComparison.Ordinal) < 0) return pattern;
        var sb = new System.Text.StringBuilder(pattern.Length);
        foreach (var c in pattern)
        {
            if (c == '*' && sb.Length > 0 && sb[sb.Length - 1] == '*') continue;
            sb.Append(c);
        }

        return sb.ToString();
    }

    public static Glob Get(string pattern, bool ignoreCase)
    {
        if (pattern.Length > 512) return new Glob(pattern, ignoreCase);
        if (Cache.TryGetValue((pattern, ignoreCase), out var glob)) return glob;

        // ConcurrentDictionary.Count takes every lock: count additions instead, and start over past the limit.
        if (Interlocked.Increment(ref s_added) > 10_000)
        {
            Cache.Clear();
            Interlocked.Exchange(ref s_added, 0);
        }

        return Cache.GetOrAdd((pattern, ignoreCase), k => new Glob(k.Item1, k.Item2));
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    public bool HasWildcards { get; }

    public bool IsMatch(string input)
    {
        if (!HasWildcards)
            return string.Equals(_pattern, input, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        // Classic wildcard matching with a single backtrack point per star: linear in practice, O(n*m) at worst.
        int p = 0, s = 0, star = -1, mark = 0;
        while (s < input.Length)
        {
            if (p < _pattern.Length && (_pattern[p] == '?' || Eq(_pattern[p], input[s])))
            {
                p++;
                s++;
            }
            else if (p < _pattern.Length && _pattern[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < _pattern.Length && _pattern[p] == '*') p++;
        return p == _pattern.Length;
    }

    /// <summary>
    /// Whether the pattern matches every string that starts with <paramref name="prefix"/> and goes on with at
    /// least one more character (True), none of them (False), or some but not all (Unknown).
    /// </summary>
    public Truth MatchesAllWithPrefix(string prefix)
    {
        var n = _pattern.Length;
        var states = new bool[n + 1];
        var next = new bool[n + 1];
        states[0] = true;
        Close(states);
        foreach (var c in prefix)
        {
            Array.Clear(next, 0, next.Length);
            var any = false;
            for (var i = 0; i < n; i++)
            {
                if (!states[i]) continue;
                var pc = _pattern[i];
                if (pc == '*')
                {
                    next[i] = true;
                    any = true;
                }
                else if (pc == '?' || Eq(pc, c))
                {
                    next[i + 1] = true;
                    any = true;
                }
            }

            if (!any) return Truth.False;
            Close(next);
            (states, next) = (next, states);
        }

        // After the prefix: a state whose rest is only stars covers every continuation; so does a rest of one
        // '?' then only stars, since a continuation has at least one character.
        var trailingStars = n;
        while (trailingStars > 0 && _pattern[trailingStars - 1] == '*') trailingStars--;
        var live = false;
        for (var i = 0; i <= n; i++)
        {
            if (!states[i]) continue;
            if (i < n) live = true;
            if (i < n && (i >= trailingStars || (_pattern[i] == '?' && i + 1 < n && i + 1 >= trailingStars))) return Truth.True;
        }

        return live ? Truth.Unknown : Truth.False;
    }

    private void Close(bool[] states)
    {
        for (var i = 0; i < _pattern.Length; i++)
        {
            if (states[i] && _pattern[i] == '*') states[i + 1] = true;
        }
    }

    private bool Eq(char a, char b) => a == b || (_ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    public override string ToString() => Pattern;
}
