using System.Diagnostics;
using EcrLint.Evaluation;

namespace EcrLint.Tests.Evaluation;

public class GlobTests
{
    [Theory]
    [InlineData("s3:GetObject", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("s3:*Object", "s3:PutObject", true)]
    [InlineData("s3:?etObject", "s3:GetObject", true)]
    [InlineData("s3:Get?bject", "s3:GetObject", true)]
    [InlineData("s3:Get??bject", "s3:GetObject", false)]
    [InlineData("*", "anything:at:all", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("", "", true)]
    [InlineData("?", "", false)]
    public void IsMatch(string pattern, string input, bool expected) => Assert.Equal(expected, new Glob(pattern, ignoreCase: false).IsMatch(input));

    [Fact]
    public void Case_is_ignored_only_when_asked()
    {
        Assert.True(Glob.Get("S3:getobject", ignoreCase: true).IsMatch("s3:GetObject"));
        Assert.True(Glob.Get("S3:get*", ignoreCase: true).IsMatch("s3:GetObject"));
        Assert.False(Glob.Get("S3:getobject", ignoreCase: false).IsMatch("s3:GetObject"));
        Assert.False(Glob.Get("arn:aws:s3:::Bucket/*", ignoreCase: false).IsMatch("arn:aws:s3:::bucket/key"));
    }

    [Theory]
    [InlineData("prod-bucket/*", "prod-bucket/", Truth.True)]
    [InlineData("prod-*/*", "prod-bucket/", Truth.True)]
    [InlineData("*", "prod-bucket/", Truth.True)]
    [InlineData("prod-bucket/?*", "prod-bucket/", Truth.True)]
    [InlineData("prod-bucket/?", "prod-bucket/", Truth.Unknown)]
    [InlineData("prod-bucket/??*", "prod-bucket/", Truth.Unknown)]
    [InlineData("prod-bucket/sha256/*", "prod-bucket/", Truth.Unknown)]
    [InlineData("prod-bucket/*.tar", "prod-bucket/", Truth.Unknown)]
    [InlineData("prod-bucket/", "prod-bucket/", Truth.False)]
    [InlineData("prod-bucket", "prod-bucket/", Truth.False)]
    [InlineData("other-bucket/*", "prod-bucket/", Truth.False)]
    public void MatchesAllWithPrefix(string pattern, string prefix, Truth expected) =>
        Assert.Equal(expected, new Glob(pattern, ignoreCase: false).MatchesAllWithPrefix(prefix));

    [Fact]
    public void Matching_never_backtracks_exponentially()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 200)) + "b";
        var input = new string('a', 5000);
        var watch = Stopwatch.StartNew();
        Assert.False(new Glob(pattern, ignoreCase: true).IsMatch(input));
        Assert.Equal(Truth.Unknown, new Glob(pattern + "/x", ignoreCase: false).MatchesAllWithPrefix(input + "/"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }
}
