using EcrLint.Engine;
using EcrLint.Fixes;
using EcrLint.Rules;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules;

/// <summary>
/// The example policies of the AWS page "Amazon ECR interface VPC endpoints (AWS PrivateLink)", copied exactly
/// from its text: the allow-all + PreventDelete pattern is legitimate (no delete-guard finding), and the S3
/// example's placeholder region gets one clear finding, ECR103 on the ARN, not a pile of findings about it.
/// </summary>
public class SourcePageExamplesAccessTests
{
    public const string S3LayerBucketOnly =
        """{ "Statement": [ { "Sid": "Access-to-specific-bucket-only", "Principal": "*", "Action": [ "s3:GetObject" ], "Effect": "Allow", "Resource": ["arn:aws:s3:::prod-region-starport-layer-bucket/*"] } ] }""";

    public const string EcrAllowPull =
        """{ "Statement": [{ "Sid": "AllowPull", "Principal": { "AWS": "arn:aws:iam::1234567890:role/role_name" }, "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" ], "Effect": "Allow", "Resource": "*" }] }""";

    public const string EcrPreventDelete =
        """{ "Statement": [{ "Sid": "AllowAll", "Principal": "*", "Action": "*", "Effect": "Allow", "Resource": "*" }, { "Sid": "PreventDelete", "Principal": "*", "Action": "ecr:DeleteRepository", "Effect": "Deny", "Resource": "arn:aws:ecr:region:1234567890:repository/repository_name" } ] }""";

    public const string EcrAllowPullPreventDelete =
        """{ "Statement": [{ "Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }, { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "arn:aws:ecr:region:1234567890:repository/repository_name" }, { "Sid": "AllowPull", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::1234567890:role/role_name" }, "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" ], "Resource": "*" } ] }""";

    private const string PlaceholderArn = "\"arn:aws:s3:::prod-region-starport-layer-bucket/*\"";

    public static TheoryData<string?, string?> Contexts() => new()
    {
        { null, null },
        { "us-east-1", null },
        { "us-east-1", "210987654321" },
        { "eu-west-1", "210987654321" },
    };

    private static string TextAt(string text, Finding f) => text.Substring(f.Location.Span.Start, f.Location.Span.Length);

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_ECR_examples_get_no_delete_guard_finding(string? region, string? account)
    {
        foreach (var example in new[] { EcrAllowPull, EcrPreventDelete, EcrAllowPullPreventDelete })
        {
            var result = Lint(example, region: region, account: account, mode: LintMode.Strict);
            Assert.Equal(InputKind.EcrEndpoint, result.Kind);
            Assert.DoesNotContain(result.Findings, f => f.Rule.Pack is RuleCatalog.DeleteGuard or RuleCatalog.S3LayerAccess);
        }
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_S3_example_gets_ECR103_on_the_placeholder_arn_and_no_other_layer_finding(string? region, string? account)
    {
        var result = Lint(S3LayerBucketOnly, region: region, account: account, mode: LintMode.Strict);
        Assert.Equal(InputKind.S3Endpoint, result.Kind);
        var layer = result.Findings.Where(f => f.Rule.Pack == RuleCatalog.S3LayerAccess).ToList();
        var f = Assert.Single(layer);
        Assert.Equal("ECR103", f.RuleId);
        Assert.Equal(PlaceholderArn, TextAt(S3LayerBucketOnly, f));
        Assert.Contains("`region` is a placeholder", f.Message);
        Assert.Contains("pulls", f.Message);
        Assert.DoesNotContain(result.Findings, x => x.RuleId == "ECR101");
    }

    [Fact]
    public void The_S3_example_is_corrected_to_the_endpoint_region_and_then_works()
    {
        var fixedText = S3LayerBucketOnly.Replace("prod-region-", "prod-eu-west-1-");
        VerifyFix("ECR103", S3LayerBucketOnly, fixedText, region: "eu-west-1");
        var after = Lint(fixedText, region: "eu-west-1", mode: LintMode.Strict);
        Assert.DoesNotContain(after.Findings, f => f.Rule.Pack == RuleCatalog.S3LayerAccess);
        Assert.Null(Assert.Single(Findings(S3LayerBucketOnly, "ECR103")).Fix);
    }

    [Fact]
    public void Without_ECR103_the_S3_example_is_still_reported_once_by_ECR101()
    {
        var context = new LintContext
        {
            Region = "us-east-1",
            Severities = new SeverityPolicy(LintMode.Recommended, new Dictionary<string, Severity> { ["ECR103"] = Severity.None }),
        };
        var findings = Linter.LintFile("page.json", System.Text.Encoding.UTF8.GetBytes(S3LayerBucketOnly), context).Findings
            .Where(f => f.Rule.Pack == RuleCatalog.S3LayerAccess).ToList();
        var f = Assert.Single(findings);
        Assert.Equal("ECR101", f.RuleId);
        Assert.Equal("\"Statement\"", TextAt(S3LayerBucketOnly, f));
        Assert.NotNull(f.Fix);
        var added = TextEdits.Apply(S3LayerBucketOnly, f.Fix!.Edits);
        Assert.Contains("\"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\"", added);
    }

    [Fact]
    public void The_delete_guard_of_the_examples_protects_the_repository_it_names()
    {
        // Made concrete, the allow-all + PreventDelete pattern is a working guard: no finding either.
        var concrete = EcrAllowPullPreventDelete.Replace("region", "us-east-1").Replace("1234567890", "210987654321").Replace("repository_name", "team/app").Replace("role_name", "app");
        var result = Lint(concrete, region: "us-east-1", account: "210987654321", mode: LintMode.Strict);
        Assert.DoesNotContain(result.Findings, f => f.Rule.Pack == RuleCatalog.DeleteGuard);
        // Without the guard, ECR301 says what is missing.
        var withoutGuard = EcrAllowPull.Replace("\"Sid\": \"AllowPull\", \"Principal\": { \"AWS\": \"arn:aws:iam::1234567890:role/role_name\" }", "\"Sid\": \"AllowPull\", \"Principal\": \"*\"")
            .Replace("\"ecr:GetAuthorizationToken\" ]", "\"ecr:GetAuthorizationToken\", \"ecr:DeleteRepository\" ]");
        Assert.Single(Findings(withoutGuard, "ECR301"));
    }
}
