using EcrLint.Engine;
using EcrLint.Packs.PolicyGrammar;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class RedundancyRuleTests
{
    [Fact]
    public void ECR414_fires_on_duplicate_list_items() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*",
                "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", {|ECR414:"ecr:batchgetimage"|}, {|ECR414:"ecr:BatchGetImage"|} ],
                "Resource": [ "arn:aws:ecr:us-east-1:210987654321:repository/app", "arn:aws:ecr:us-east-1:210987654321:repository/App",
                              {|ECR414:"arn:aws:ecr:us-east-1:210987654321:repository/app"|} ] }
            ] }
            """, kind: InputKind.EcrEndpoint);

    [Fact]
    public void ECR414_fires_on_a_statement_covered_by_another_and_names_it()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "AllowEcr", "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "arn:aws:ecr:*:210987654321:repository/*" },
              { "Sid": {|ECR414:"AllowPull"|}, "Effect": "Allow", "Principal": "*", "Action": [ "ecr:BatchGetImage", "ecr:Get*" ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/team/app",
                "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-1" } } },
              { "Sid": "Same1", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" },
              { "Sid": {|ECR414:"Same2"|}, "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint);
        var covered = result.Findings.First(f => f.RuleId == "ECR414");
        Assert.Contains("the Allow `AllowEcr` (line 2)", covered.Message);
        Assert.Null(covered.Fix);
        Assert.Single(covered.RelatedLocations);
    }

    [Fact]
    public void ECR414_is_silent_when_coverage_is_not_proven() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "AllowAll", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:root" }, "Action": "*", "Resource": "*" },
              { "Sid": "AllowPull", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": [ "ecr:BatchGetImage" ], "Resource": "*" },
              { "Sid": "Conditional", "Effect": "Allow", "Principal": "*", "Action": "ecr:Get*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "true" } } },
              { "Sid": "Narrower", "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } },
              { "Sid": "Deny", "Effect": "Deny", "Principal": "*", "NotAction": "ecr:BatchGetImage", "Resource": "*" },
              { "Sid": "DenyAgain", "Effect": "Deny", "Principal": "*", "NotAction": "ecr:BatchGetImage", "Resource": "*" },
              { "Sid": "Question", "Effect": "Deny", "Principal": "*", "Action": "ecr:?", "Resource": "*" },
              { "Sid": "Star", "Effect": "Deny", "Principal": "*", "Action": "ecr:*", "Resource": "arn:aws:ecr:*" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR414"]);

    [Theory]
    [InlineData("ecr:*", "ecr:Get*", true)]
    [InlineData("*", "ecr:Get*", true)]
    [InlineData("ecr:Get*", "ecr:GetAuthorizationToken", true)]
    [InlineData("ecr:?", "ecr:*", false)]
    [InlineData("ecr:Get*Token", "ecr:Get*", false)]
    [InlineData("ecr:*Image", "ecr:Batch?etImage", true)]
    public void Pattern_coverage(string covering, string covered, bool expected) =>
        Assert.Equal(expected, RedundancyRule.PatternCovers(covering, covered, ignoreCase: true));

    [Fact]
    public void ECR414_fix_removes_the_duplicate_item()
    {
        VerifyFix("ECR414",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [{\r\n    \"Effect\": \"Allow\", \"Principal\": \"*\",\r\n    \"Action\": [\r\n      \"ecr:BatchGetImage\",\r\n      \"ecr:BatchGetImage\",\r\n      \"ecr:GetDownloadUrlForLayer\",\r\n      \"ecr:BatchGetImage\"\r\n    ],\r\n    \"Resource\": \"*\"\r\n  }]\r\n}\r\n",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [{\r\n    \"Effect\": \"Allow\", \"Principal\": \"*\",\r\n    \"Action\": [\r\n      \"ecr:BatchGetImage\",\r\n      \"ecr:GetDownloadUrlForLayer\"\r\n    ],\r\n    \"Resource\": \"*\"\r\n  }]\r\n}\r\n",
            kind: InputKind.EcrEndpoint);
        VerifyFix("ECR414",
            """{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": [ "*", "*" ] } }""",
            """{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": [ "*" ] } }""",
            kind: InputKind.EcrEndpoint);
    }
}
