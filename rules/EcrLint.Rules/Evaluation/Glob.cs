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
    private static readonly ConcurrentDictionary<string, Glob> CaseSensitiveCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Glob> IgnoreCaseCache = new(StringComparer.Ordinal);
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

    private static readonly Func<string, Glob> s_createIgnoreCase = p => new Glob(p, ignoreCase: true);
    private static readonly Func<string, Glob> s_createCaseSensitive = p => new Glob(p, ignoreCase: false);

    public static Glob Get(string pattern, bool ignoreCase)
    {
        if (pattern.Length > 512) return new Glob(pattern, ignoreCase);
        var cache = ignoreCase ? IgnoreCaseCache : CaseSensitiveCache;
        if (cache.TryGetValue(pattern, out var glob)) return glob;

        // ConcurrentDictionary.Count takes every lock: count additions instead, and start over past the limit.
        if (Interlocked.Increment(ref s_added) > 10_000)
        {
            CaseSensitiveCache.Clear();
            IgnoreCaseCache.Clear();
            Interlocked.Exchange(ref s_added, 0);
        }

        return cache.GetOrAdd(pattern, ignoreCase ? s_createIgnoreCase : s_createCaseSensitive);
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    public bool HasWildcards { get; }

    public bool IsMatch(string input)
    {
        if (!HasWildcards)
            return string.Equals(_pattern, input, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        return Match(_pattern, 0, _pattern.Length, input, 0, input.Length, _ignoreCase);
    }

    /// <summary>
    /// <see cref="IsMatch"/> of a case-sensitive pattern without runs of stars, given as the range
    /// [<paramref name="ps"/>, <paramref name="pe"/>) of <paramref name="pattern"/>, on the range
    /// [<paramref name="s0"/>, <paramref name="se"/>) of <paramref name="input"/> (the same steps, in place).
    /// </summary>
    internal static bool IsMatchRange(string pattern, int ps, int pe, string input, int s0, int se) =>
        Match(pattern, ps, pe, input, s0, se, ignoreCase: false);

    /// <summary>
    /// Classic wildcard matching with a single backtrack point per star (linear in practice, O(n*m) at worst) of
    /// the range [<paramref name="ps"/>, <paramref name="pe"/>) of a pattern on a range of the input.
    /// </summary>
    private static bool Match(string pattern, int ps, int pe, string input, int s0, int se, bool ignoreCase)
    {
        int p = ps, s = s0, star = -1, mark = 0;
        while (s < se)
        {
            if (p < pe && (pattern[p] == '?' || Eq(pattern[p], input[s], ignoreCase)))
            {
                p++;
                s++;
            }
            else if (p < pe && pattern[p] == '*')
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

        while (p < pe && pattern[p] == '*') p++;
        return p == pe;
    }

    /// <summary>
    /// Whether the pattern matches every string that starts with <paramref name="prefix"/> and goes on with at
    /// least one more character (True), none of them (False), or some but not all (Unknown).
    /// </summary>
    public Truth MatchesAllWithPrefix(string prefix)
    {
        var n = _pattern.Length;
        // Two rows of n + 1 states in per-thread buffers (this runs for every statement of every evaluation).
        var states = RentStates(ref s_states, n + 1);
        var next = RentStates(ref s_next, n + 1);
        states[0] = true;
        Close(states);
        foreach (var c in prefix)
        {
            Array.Clear(next, 0, n + 1);
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

    [ThreadStatic] private static bool[]? s_states;
    [ThreadStatic] private static bool[]? s_next;

    /// <summary>A cleared buffer of at least <paramref name="length"/> states (only the first <paramref name="length"/> are used).</summary>
    private static bool[] RentStates(ref bool[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new bool[Math.Max(length, 64)];
        else Array.Clear(buffer, 0, length);
        return buffer;
    }

    private void Close(bool[] states)
    {
        for (var i = 0; i < _pattern.Length; i++)
        {
            if (states[i] && _pattern[i] == '*') states[i + 1] = true;
        }
    }

    private bool Eq(char a, char b) => Eq(a, b, _ignoreCase);

    private static bool Eq(char a, char b, bool ignoreCase) => a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    public override string ToString() => Pattern;
}
