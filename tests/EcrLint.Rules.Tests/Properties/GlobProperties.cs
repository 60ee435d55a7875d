using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using EcrLint.Evaluation;

namespace EcrLint.Tests.Properties;

/// <summary>
/// IAM wildcard matching agrees with a regular expression built from the pattern (<c>*</c> is <c>.*</c>, <c>?</c> is
/// <c>.</c>), for inputs that are values (they hold no <c>*</c>); a prefix answer of True or False is never wrong
/// about a continuation.
/// </summary>
public class GlobProperties
{
    private static Regex Reference(string pattern, bool ignoreCase)
    {
        var sb = new StringBuilder("^");
        foreach (var c in pattern) sb.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
        return new Regex(sb.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
    }

    [Fact]
    public void IsMatch_agrees_with_the_regular_expression() =>
        Gen.Select(Gens.StringOf("aAb*?:/", 8), Gens.StringOf("aAbB?:/x", 10), Gen.Bool)
            .Sample((pattern, input, ignoreCase) =>
                Assert.Equal(Reference(pattern, ignoreCase).IsMatch(input), new Glob(pattern, ignoreCase).IsMatch(input)), iter: 50_000);

    [Fact]
    public void Cached_globs_match_like_new_ones() =>
        Gen.Select(Gens.StringOf("ab**?:", 8), Gens.StringOf("ab:x", 8), Gen.Bool)
            .Sample((pattern, input, ignoreCase) => Assert.Equal(new Glob(pattern, ignoreCase).IsMatch(input), Glob.Get(pattern, ignoreCase).IsMatch(input)), iter: 10_000);

    [Fact]
    public void MatchesAllWithPrefix_is_never_wrong_about_a_continuation()
    {
        const string alphabet = "ab/x";
        var continuations = new List<string>();
        void Add(string s, int depth)
        {
            if (s.Length > 0) continuations.Add(s);
            if (depth == 0) return;
            foreach (var c in alphabet) Add(s + c, depth - 1);
        }

        Add("", 3);
        Gen.Select(Gens.StringOf("ab/*?", 7), Gens.StringOf("ab/", 4)).Sample((pattern, prefix) =>
        {
            var answer = new Glob(pattern, ignoreCase: false).MatchesAllWithPrefix(prefix);
            var reference = Reference(pattern, ignoreCase: false);
            if (answer == Truth.True) Assert.All(continuations, c => Assert.True(reference.IsMatch(prefix + c), $"{pattern} on {prefix}{c}"));
            if (answer == Truth.False) Assert.All(continuations, c => Assert.False(reference.IsMatch(prefix + c), $"{pattern} on {prefix}{c}"));
        }, iter: 5_000);
    }
}
