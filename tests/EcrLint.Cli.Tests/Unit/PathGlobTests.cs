using EcrLint.Configuration;

namespace EcrLint.Cli.Tests.Unit;

public class PathGlobTests
{
    [Theory]
    [InlineData("**/*.json", "a.json", true)]
    [InlineData("**/*.json", "x/y/z/a.json", true)]
    [InlineData("**/*.json", "x/a.yaml", false)]
    [InlineData("samples/**/*.json", "samples/a.json", true)]
    [InlineData("samples/**/*.json", "samples/p/q/a.json", true)]
    [InlineData("samples/**/*.json", "other/samples/a.json", false)]
    [InlineData("*.json", "a.json", true)]
    [InlineData("*.json", "x/a.json", false)]
    [InlineData("a?c.json", "abc.json", true)]
    [InlineData("a?c.json", "ac.json", false)]
    [InlineData("a?c.json", "a/c.json", false)]
    [InlineData("*", "anything", true)]
    [InlineData("x/**", "x/a/b", true)]
    [InlineData("x/**", "x", true)]
    [InlineData("x/**/y/*.json", "x/y/a.json", true)]
    [InlineData("x/**/y/*.json", "x/1/2/y/a.json", true)]
    [InlineData("x/**/y/*.json", "x/1/2/z/a.json", false)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b", "xxaxxbxxc", false)]
    [InlineData("./p/*.json", "p/a.json", true)]
    [InlineData("p\\*.json", "p/a.json", true)]
    [InlineData("p/*.json", "p\\a.json", true)]
    [InlineData("**/**/*.json", "a/b.json", true)]
    public void Matches_whole_relative_paths(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, PathGlob.Create(pattern).IsMatch(path));
    }

    [Theory]
    [InlineData("*.s3.json", "a.s3.json", true)]
    [InlineData("*.s3.json", "deep/er/a.s3.json", true)]
    [InlineData("vendor/**", "vendor/x/a.json", true)]
    [InlineData("vendor/**", "src/vendor/a.json", false)]
    [InlineData("legacy.json", "x/legacy.json", true)]
    public void Config_globs_without_a_slash_match_names_in_any_folder(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, PathGlob.CreateForConfig(pattern).IsMatch(path));
    }

    [Fact]
    public void Matching_is_case_sensitive_unless_asked()
    {
        Assert.False(PathGlob.Create("*.JSON").IsMatch("a.json"));
        Assert.True(PathGlob.Create("*.JSON", ignoreCase: true).IsMatch("a.json"));
    }

    [Fact]
    public void Star_runs_do_not_backtrack_exponentially()
    {
        var text = new string('a', 5000);
        Assert.False(PathGlob.SegmentMatch("*a*a*a*a*a*a*a*a*b", text));
    }

    [Theory]
    [InlineData("a*.json", true)]
    [InlineData("a?.json", true)]
    [InlineData("a.json", false)]
    public void Detects_wildcards(string text, bool expected) => Assert.Equal(expected, PathGlob.HasWildcard(text));
}
