using EcrLint.Rules;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.EcrActions;

public class EcrWriteToEveryoneRuleTests
{
    [Fact]
    public void ECR204_fires_once_per_statement_at_the_granting_value()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "All", "Effect": "Allow", "Principal": "*", "Action": {|ECR204:"*"|}, "Resource": "*" },
              { "Sid": "Ecr", "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": [ "ecr:BatchGetImage", {|ECR204:"ecr:*"|}, "ecr:Delete*" ], "Resource": "*" },
              { "Sid": "Push", "Effect": "Allow", "Principal": "*", "Action": [ "ecr:GetAuthorizationToken", {|ECR204:"ecr:PutImage"|}, "ecr:InitiateLayerUpload" ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" },
              { "Sid": "Rest", "Effect": "Allow", "Principal": "*", {|ECR204:"NotAction"|}: "ecr:DeleteRepository", "Resource": "*" } ] }
            """);
        var all = result.Findings.First(f => f.RuleId == "ECR204");
        Assert.Contains("ecr:DeleteRepository, ecr:BatchDeleteImage, ecr:PutImage, ecr:SetRepositoryPolicy and", all.Message);
        Assert.Contains("the Allow `All` (line 2)", all.Message);
        var rest = result.Findings.Last(f => f.RuleId == "ECR204");
        Assert.Contains("(ecr:BatchDeleteImage, ecr:PutImage,", rest.Message);
    }

    [Fact]
    public void ECR204_is_silent_for_reads_named_principals_conditions_and_other_resources() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken", "ecr:Describe*", "ecr:List*" ], "Resource": "*" },
              { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/ci" }, "Action": "ecr:*", "Resource": "*" },
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalAccount": "210987654321" } } },
              { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" },
              { "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" } ] }
            """, rules: ["ECR204"]);

    [Fact]
    public void ECR204_is_off_in_recommended_mode_and_an_error_in_strict()
    {
        const string policy = """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "*" } ] }""";
        Assert.Empty(Findings(policy, "ECR204", mode: LintMode.Recommended));
        Assert.Equal(Severity.Error, Assert.Single(Findings(policy, "ECR204", mode: LintMode.Strict)).Severity);
        Assert.Equal(Severity.Info, Assert.Single(Findings(policy, "ECR204", mode: LintMode.AllInfo)).Severity);
    }

    [Fact]
    public void ECR204_applies_only_to_ECR_endpoint_policies() =>
        VerifyNone("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""", rules: ["ECR204"]);
}
