using System;
using System.Collections.Concurrent;

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

    private readonly string _pattern;
    private readonly bool _ignoreCase;

    public Glob(string pattern, bool ignoreCase)
    {
        _pattern = pattern;
        _ignoreCase = ignoreCase;
        HasWildcards = pattern.IndexOfAny(WildcardChars) >= 0;
    }

    public static Glob Get(string pattern, bool ignoreCase)
    {
        if (pattern.Length > 512) return new Glob(pattern, ignoreCase);
        if (Cache.Count > 10_000) Cache.Clear();
        return Cache.GetOrAdd((pattern, ignoreCase), k => new Glob(k.Item1, k.Item2));
    }

    public string Pattern => _pattern;

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

    public override string ToString() => _pattern;
}
