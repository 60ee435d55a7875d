using EcrLint.Rules;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

/// <summary>
/// The example endpoint policies of the AWS page "Amazon ECR interface VPC endpoints (AWS PrivateLink)", exactly
/// as its Italian edition gives them: the grammar pack reports the 10-digit account, the placeholders and the
/// missing Version, and nothing else.
/// </summary>
public class SourcePageExamplesGrammarTests
{
    private const string AllowPull =
        """{ "Statement": [{ "Sid": "AllowPull", "Principal": { "AWS": "arn:aws:iam::1234567890:role/role_name" }, "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" ], "Effect": "Allow", "Resource": "*" }] }""";

    private const string PreventDelete =
        """{ "Statement": [{ "Sid": "AllowAll", "Principal": "*", "Action": "*", "Effect": "Allow", "Resource": "*" }, { "Sid": "PreventDelete", "Principal": "*", "Action": "ecr:DeleteRepository", "Effect": "Deny", "Resource": "arn:aws:ecr:region:1234567890:repository/repository_name" } ] }""";

    private const string Combined =
        """{ "Statement": [{ "Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }, { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "arn:aws:ecr:region:1234567890:repository/repository_name" }, { "Sid": "AllowPull", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::1234567890:role/role_name" }, "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" ], "Resource": "*" } ] }""";

    private const string S3LayerBucketOnly =
        """{ "Statement": [ { "Sid": "Access-to-specific-bucket-only", "Principal": "*", "Action": [ "s3:GetObject" ], "Effect": "Allow", "Resource": ["arn:aws:s3:::prod-region-starport-layer-bucket/*"] } ] }""";

    private const string PrincipalArn = "\"arn:aws:iam::1234567890:role/role_name\"";
    private const string GuardArn = "\"arn:aws:ecr:region:1234567890:repository/repository_name\"";

    private static List<(string Rule, string Text)> GrammarFindings(string policy, LintMode mode) =>
        Lint(policy, mode: mode).Findings
            .Where(f => f.Rule.Pack == RuleCatalog.PolicyGrammar)
            .Select(f => (f.RuleId, policy.Substring(f.Location.Span.Start, f.Location.Span.Length)))
            .OrderBy(x => x.RuleId, StringComparer.Ordinal).ThenBy(x => x.Item2, StringComparer.Ordinal)
            .ToList();

    private static List<(string Rule, string Text)> Sorted(params (string Rule, string Text)[] expected) =>
        expected.OrderBy(x => x.Rule, StringComparer.Ordinal).ThenBy(x => x.Text, StringComparer.Ordinal).ToList();

    public static TheoryData<LintMode> Modes => new() { LintMode.Recommended, LintMode.Strict };

    [Theory]
    [MemberData(nameof(Modes))]
    public void AllowPull_example(LintMode mode) =>
        Assert.Equal(
            Sorted(("ECR401", "\"Statement\""), ("ECR407", PrincipalArn), ("ECR410", PrincipalArn)),
            GrammarFindings(AllowPull, mode));

    [Theory]
    [MemberData(nameof(Modes))]
    public void PreventDelete_example(LintMode mode) =>
        Assert.Equal(
            Sorted(("ECR401", "\"Statement\""), ("ECR406", GuardArn), ("ECR407", GuardArn)),
            GrammarFindings(PreventDelete, mode));

    [Theory]
    [MemberData(nameof(Modes))]
    public void Combined_example(LintMode mode) =>
        Assert.Equal(
            Sorted(("ECR401", "\"Statement\""), ("ECR406", GuardArn), ("ECR407", GuardArn), ("ECR407", PrincipalArn), ("ECR410", PrincipalArn)),
            GrammarFindings(Combined, mode));

    [Fact]
    public void S3_example_gets_only_the_missing_version_from_the_grammar_pack() =>
        Assert.Equal(Sorted(("ECR401", "\"Statement\"")), GrammarFindings(S3LayerBucketOnly, LintMode.Strict));

    [Fact]
    public void Messages_name_the_bad_fields_and_placeholders()
    {
        var findings = Lint(Combined).Findings;
        var principal = Assert.Single(findings, f => f.RuleId == "ECR410");
        Assert.Contains("`1234567890` has 10 digits, not 12", principal.Message);
        var arn = Assert.Single(findings, f => f.RuleId == "ECR406");
        Assert.Contains("the region `region` is not an AWS region", arn.Message);
        Assert.Contains("the account `1234567890` has 10 digits, not 12", arn.Message);
        var placeholders = findings.Where(f => f.RuleId == "ECR407").Select(f => f.Message).ToList();
        Assert.Contains(placeholders, m => m.Contains("`region`, `1234567890`, `repository_name`"));
        Assert.Contains(placeholders, m => m.Contains("`1234567890`, `role_name`"));
        Assert.Equal(Severity.Info, Assert.Single(Lint(Combined, mode: LintMode.Recommended).Findings, f => f.RuleId == "ECR401").Severity);
    }
}
