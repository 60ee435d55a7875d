using EcrLint.Engine;
using EcrLint.Rules;

namespace EcrLint.Tests.Samples;

/// <summary>
/// What a user who feeds the AWS page's example endpoint policies gets: the 10-digit account flagged, the
/// region/role_name/repository_name placeholders flagged, no complaint about allow-all + PreventDelete.
/// </summary>
public class AwsPageExampleTests
{
    private static List<Finding> Lint(string name, LintMode mode = LintMode.Recommended)
    {
        var path = Repo.PathOf("samples", "policies", "aws-page", name);
        return Linter.LintFile(path, File.ReadAllBytes(path), new LintContext { Severities = new SeverityPolicy(mode) }).Findings;
    }

    private static string TextAt(Finding f) => f.Location.Document.Text.Substring(f.Location.Span.Start, f.Location.Span.Length);

    [Theory]
    [InlineData("ecr-endpoint-allow-pull.json")]
    [InlineData("ecr-endpoint-allow-pull-prevent-delete.json")]
    public void Ten_digit_account_in_the_principal_is_flagged(string name)
    {
        var findings = Lint(name);
        Assert.Contains(findings, f => f.RuleId == "ECR410" && TextAt(f) == "\"arn:aws:iam::1234567890:role/role_name\"" && f.Message.Contains("1234567890"));
        Assert.Contains(findings, f => f.RuleId == "ECR407" && TextAt(f) == "\"arn:aws:iam::1234567890:role/role_name\"" && f.Message.Contains("role_name"));
    }

    [Theory]
    [InlineData("ecr-endpoint-prevent-delete.json")]
    [InlineData("ecr-endpoint-allow-pull-prevent-delete.json")]
    public void Placeholders_in_the_guard_arn_are_flagged_and_the_pattern_is_accepted(string name)
    {
        var findings = Lint(name);
        var arn = "\"arn:aws:ecr:region:1234567890:repository/repository_name\"";
        var placeholder = Assert.Single(findings, f => f.RuleId == "ECR407" && TextAt(f) == arn);
        Assert.Contains("region", placeholder.Message);
        Assert.Contains("repository_name", placeholder.Message);
        Assert.Contains(findings, f => f.RuleId == "ECR406" && TextAt(f) == arn);
        Assert.DoesNotContain(findings, f => f.RuleId is "ECR301" or "ECR302" or "ECR303" or "ECR304" or "ECR204");
    }

    [Fact]
    public void S3_example_placeholder_region_is_flagged()
    {
        var findings = Lint("s3-endpoint-layer-bucket-only.json");
        Assert.Contains(findings, f => f.RuleId == "ECR103" && TextAt(f) == "\"arn:aws:s3:::prod-region-starport-layer-bucket/*\"");
    }

    [Fact]
    public void Every_example_misses_its_version()
    {
        foreach (var path in Directory.GetFiles(Repo.PathOf("samples", "policies", "aws-page")))
        {
            var findings = Linter.LintFile(path, File.ReadAllBytes(path), new LintContext()).Findings;
            Assert.Contains(findings, f => f.RuleId == "ECR401");
        }
    }
}
