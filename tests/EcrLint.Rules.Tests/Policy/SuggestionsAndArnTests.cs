using EcrLint.Iam;
using EcrLint.Policy;

namespace EcrLint.Tests.Policy;

public class SuggestionsAndArnTests
{
    private static string? NearestEcr(string name) =>
        Suggestions.Nearest(name, IamData.Instance.ActionsOf("ecr").Select(a => a.FullName));

    [Theory]
    [InlineData("ecr:GetDownloadUrlForLayers", "ecr:GetDownloadUrlForLayer")]
    [InlineData("ecr:BatchGetImages", "ecr:BatchGetImage")]
    [InlineData("ecr:GetAuthToken", "ecr:GetAuthorizationToken")]
    [InlineData("ecr:DeleteRepositry", "ecr:DeleteRepository")]
    public void Nearest_ecr_action(string wrong, string expected) => Assert.Equal(expected, NearestEcr(wrong));

    [Fact]
    public void No_suggestion_when_nothing_is_close_or_two_are_equally_close()
    {
        Assert.Null(NearestEcr("ecr:Frobnicate"));
        Assert.Null(Suggestions.Nearest("ab", new[] { "ac", "ad" }));
    }

    [Fact]
    public void Arn_fields()
    {
        Assert.True(Arn.TryParse("arn:aws:ecr:us-east-1:111122223333:repository/team/app", out var arn));
        Assert.Equal("aws", arn.Partition);
        Assert.Equal("ecr", arn.Service);
        Assert.Equal("us-east-1", arn.Region);
        Assert.Equal("111122223333", arn.Account);
        Assert.Equal("repository/team/app", arn.Resource);
        Assert.True(arn.IsEcrRepository);
        Assert.Equal(arn.Text.IndexOf("111122223333", StringComparison.Ordinal), arn.FieldStart(3));
        Assert.False(Arn.TryParse("arn:aws:s3::bucket", out _));
        Assert.True(Arn.TryGetStarportRegion("prod-us-west-2-starport-layer-bucket", out var region));
        Assert.Equal("us-west-2", region);
        Assert.True(Arn.IsValidRepositoryName("team/app-1"));
        Assert.False(Arn.IsValidRepositoryName("Team/App"));
    }

    [Fact]
    public void Placeholders_are_found_as_words()
    {
        var found = Placeholders.Find("arn:aws:ecr:region:1234567890:repository/repository_name").Select(p => p.Text).ToList();
        Assert.Equal(new[] { "region", "1234567890", "repository_name" }, found);
        Assert.Empty(Placeholders.Find("arn:aws:ecr:us-east-1:210987654321:repository/regional-app"));
        Assert.Equal(new[] { "<region>" }, Placeholders.Find("com.amazonaws.<region>.ecr.dkr").Select(p => p.Text));
    }
}
