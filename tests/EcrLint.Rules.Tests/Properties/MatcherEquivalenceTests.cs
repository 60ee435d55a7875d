using System.Text.RegularExpressions;
using CsCheck;
using EcrLint.Packs.DeleteGuard;
using EcrLint.Policy;

namespace EcrLint.Tests.Properties;

/// <summary>
/// The matchers written by hand for speed (no regular expression to build at start-up or to interpret per value)
/// find exactly what the regular expressions that specify them find.
/// </summary>
public class MatcherEquivalenceTests
{
    private static readonly Regex PlaceholderPattern = Placeholders.Pattern;
    private static readonly Regex RepositoryNamePattern = Arn.RepositoryNamePattern;
    private static readonly Regex StarportPattern = Arn.StarportBucketPattern;
    private static readonly Regex BucketShapePattern = Packs.S3LayerAccess.LayerBucketArn.BucketShapePattern;
    private static readonly Regex GuardSidPattern = DeleteGuards.GuardSidPattern;

    [Fact]
    public void Placeholders_are_the_matches_of_their_pattern() =>
        Gen.OneOf(
                Gens.Pieces(8, "region", "REGION", "Region", "<", ">", "<region>", "1234567890", "111122223333", "123456789012", "role_name",
                    "repository_name", "VPC_endpoint_ID", "ACCOUNT_ID", "ACCOUNT", "account-id", "REPOSITORY_NAME", "ROLE_NAME", "a", "Z", "7", ":", "/", "-", "_", " ", "\n", "é"),
                Gens.StringOf("<>rRegionACOUNT_ID1230a:/-\n"),
                Gens.AnyString())
            .Sample(value =>
            {
                var expected = PlaceholderPattern.Matches(value).Select(m => (m.Index, m.Value)).ToList();
                Assert.Equal(expected, Placeholders.Find(value).ToList());
            }, iter: 20_000);

    [Fact]
    public void Repository_names_are_the_matches_of_their_pattern() =>
        Gen.OneOf(Gens.StringOf("ab09._-/\nA ", 12), Gens.Pieces(6, "team", "/", ".", "_", "-", "app", "x1", "\n", "A"))
            .Sample(name => Assert.Equal(RepositoryNamePattern.IsMatch(name), Arn.IsRepositoryNameShape(name)), iter: 20_000);

    [Fact]
    public void Layer_bucket_regions_are_the_matches_of_their_patterns() =>
        Gen.OneOf(
                Gens.Pieces(6, "prod-", "-starport-layer-bucket", "us-east-1", "region", "-", "\n", "starport", "x", ""),
                Gens.StringOf("prod-starlayeruckt1\n", 30))
            .Sample(bucket =>
            {
                var any = StarportPattern.Match(bucket);
                Assert.Equal(any.Success, Arn.TryGetStarportRegion(bucket, out var region));
                Assert.Equal(any.Success ? any.Groups["region"].Value : "", region);
                var some = BucketShapePattern.Match(bucket);
                Assert.Equal(some.Success, Arn.TryGetStarportRegion(bucket, 1, out var nonEmpty));
                if (some.Success) Assert.Equal(some.Groups["region"].Value, nonEmpty);
            }, iter: 20_000);

    [Fact]
    public void Guard_sids_are_the_matches_of_their_pattern() =>
        Gen.OneOf(
                Gens.Pieces(7, "Prevent", "deny", "BLOCK", "protect", "Guard", "forbid", "disallow", "stop", "No", "lock", "repo", "Repository", "Delete",
                    "delet", "Deletion", "_", "-", " ", "x", "9", "é", "\u212A", "\u017F", "ı", "İ", "\u0301"),
                Gens.AnyString(20))
            .Sample(sid => Assert.Equal(GuardSidPattern.IsMatch(sid), DeleteGuards.IsGuardSid(sid)), iter: 20_000);

    [Fact]
    public void Case_folding_and_word_characters_agree_with_the_regex_engine_for_every_char()
    {
        // Every letter the guard pattern spells, matched case-insensitively the way the pattern does.
        var letters = "preventdnyblockstgufbiasrl".Distinct().ToArray();
        var classes = letters.ToDictionary(c => c, c => new Regex("^" + c + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        var word = new Regex(@"^\w$");
        var separator = new Regex(@"^[\W_]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var ch = (char)i;
            var text = ch.ToString();
            foreach (var letter in letters)
                Assert.True(classes[letter].IsMatch(text) == (DeleteGuards.Fold(ch) == letter), $"U+{i:X4} against '{letter}'");
            Assert.True(word.IsMatch(text) == DeleteGuards.IsWordChar(ch), $"\\w U+{i:X4}");
            Assert.True(separator.IsMatch(text) == DeleteGuards.IsSeparator(ch), $"[\\W_] U+{i:X4}");
        }
    }

    [Fact]
    public void The_delet_prefilter_never_hides_a_match()
    {
        // SidSaysGuard runs the matcher only on Sids that hold "delet" (ordinal, ignoring case): every match does.
        Gens.AnyString(20).Sample(sid =>
        {
            if (GuardSidPattern.IsMatch(sid)) Assert.True(sid.IndexOf("delet", StringComparison.OrdinalIgnoreCase) >= 0);
        }, iter: 5_000);
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var ch = (char)i;
            foreach (var letter in "delt")
            {
                var regex = Regex.IsMatch(ch.ToString(), "^" + letter + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                var ordinal = string.Equals(ch.ToString(), letter.ToString(), StringComparison.OrdinalIgnoreCase);
                Assert.True(regex == ordinal, $"U+{i:X4} against '{letter}'");
            }
        }
    }
}
