using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.EcrActions;

public class PullSetRuleTests
{
    [Fact]
    public void ECR202_fires_on_the_Action_of_the_statement_that_allows_the_others()
    {
        var result = Verify("""
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Sid": "AllowPull", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" },
                  {|ECR202:"Action"|}: [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer" ],
                  "Resource": "*" }
              ]
            }
            """);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "ECR202");
        Assert.Contains("`arn:aws:iam::210987654321:role/app` is allowed ecr:BatchGetImage and ecr:GetDownloadUrlForLayer but not ecr:GetAuthorizationToken (no statement allows it)", finding.Message);
        Assert.Contains(finding.RelatedLocations, r => r.Message.Contains("the Allow `AllowPull` (line 4)"));
    }

    [Fact]
    public void ECR202_evaluates_across_statements_and_wildcards() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "Token", "Effect": "Allow", "Principal": "*", "Action": "ecr:GetAuthorizationToken", "Resource": "*" },
              { "Sid": "Layers", "Effect": "Allow", "Principal": "*", {|ECR202:"Action"|}: "ecr:Get*", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" } ] }
            """);

    [Fact]
    public void ECR202_names_the_Deny_that_blocks_an_action()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "AllowPull", "Effect": "Allow", "Principal": "*", {|ECR202:"Action"|}: [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" ], "Resource": "*" },
              { "Sid": "NoLayers", "Effect": "Deny", "Principal": "*", "Action": "ecr:GetDownloadUrlForLayer", "Resource": "*" } ] }
            """);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "ECR202");
        Assert.Contains("the Deny `NoLayers` (line 3) denies it", finding.Message);
        Assert.Null(finding.Fix);
        Assert.Equal(2, finding.RelatedLocations.Count);
    }

    [Fact]
    public void ECR202_is_silent_on_complete_pull_sets() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "AllowPull", "Effect": "Allow", "Principal": { "AWS": [ "arn:aws:iam::210987654321:role/app", "arn:aws:iam::210987654321:role/ci" ] },
                "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability" ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" },
              { "Sid": "AllowToken", "Effect": "Allow", "Principal": { "AWS": [ "arn:aws:iam::210987654321:role/app", "arn:aws:iam::210987654321:role/ci" ] },
                "Action": "ecr:GetAuthorizationToken", "Resource": "*" },
              { "Sid": "Describe", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/ops" }, "Action": "ecr:DescribeRepositories", "Resource": "*" } ] }
            """, rules: ["ECR202"]);

    [Fact]
    public void ECR202_does_not_report_what_only_a_condition_decides()
    {
        // The token depends on aws:PrincipalOrgID, which the evaluator cannot know: not a finding.
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer" ], "Resource": "*" },
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:GetAuthorizationToken", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-abc123" } } } ] }
            """, rules: ["ECR202"]);

        // A definite gap is reported, and what cannot be proven is said in the message.
        var finding = Assert.Single(Findings("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:GetAuthorizationToken", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-abc123" } } } ] }
            """, "ECR202"));
        Assert.Contains("but not ecr:GetDownloadUrlForLayer", finding.Message);
        Assert.Contains("whether ecr:GetAuthorizationToken is allowed cannot be proven", finding.Message);
        Assert.Contains("aws:PrincipalOrgID", finding.Message);
    }

    [Fact]
    public void ECR202_leaves_a_repository_scoped_token_to_ECR203() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", {|ECR203:"ecr:GetAuthorizationToken"|} ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" } ] }
            """, rules: ["ECR202"]);

    [Fact]
    public void ECR202_applies_only_to_ECR_endpoint_policies() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*" } ] }
            """, kind: InputKind.Identity, rules: ["ECR202"]);

    [Fact]
    public void ECR202_uses_the_context_repository_when_the_policy_names_none()
    {
        // The Deny covers the context's repository only: with --region/--account it decides, without it does not match.
        const string policy = """
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" ], "Resource": "*" },
              { "Effect": "Deny", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/*" } ] }
            """;
        Assert.Single(Findings(policy, "ECR202", region: "us-east-1", account: "210987654321"));
        Assert.Empty(Findings(policy, "ECR202", region: "eu-west-1", account: "210987654321"));
    }

    [Fact]
    public void ECR202_fix_adds_the_missing_actions_to_the_statement_CRLF() =>
        VerifyFix("ECR202",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Sid\": \"AllowPull\",\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": { \"AWS\": \"arn:aws:iam::210987654321:role/app\" },\r\n      \"Action\": [\r\n        \"ecr:BatchGetImage\",\r\n        \"ecr:GetAuthorizationToken\"\r\n      ],\r\n      \"Resource\": \"*\"\r\n    }\r\n  ]\r\n}\r\n",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Sid\": \"AllowPull\",\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": { \"AWS\": \"arn:aws:iam::210987654321:role/app\" },\r\n      \"Action\": [\r\n        \"ecr:BatchGetImage\",\r\n        \"ecr:GetAuthorizationToken\",\r\n        \"ecr:GetDownloadUrlForLayer\"\r\n      ],\r\n      \"Resource\": \"*\"\r\n    }\r\n  ]\r\n}\r\n");

    [Fact]
    public void ECR202_fix_turns_a_single_action_into_a_list() =>
        VerifyFix("ECR202",
            """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:GetAuthorizationToken", "Resource": "*" } ] }""",
            """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], "Resource": "*" } ] }""");

    [Fact]
    public void ECR202_fix_adds_a_token_statement_when_the_statement_is_scoped_to_repositories() =>
        VerifyFix("ECR202",
            """{ "Statement": [ { "Sid": "AllowPull", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": [ "ecr:BatchGetImage" ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" } ] }""",
            """{ "Statement": [ { "Sid": "AllowPull", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer" ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" }, { "Sid": "AllowPullToken", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": "ecr:GetAuthorizationToken", "Resource": "*" } ] }""");

    [Fact]
    public void ECR202_leaves_misspelled_pull_actions_to_ECR201_and_ECR205()
    {
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": [ {|ECR201:"ecr:BatchGetImages"|}, {|ECR205:" ecr:GetDownloadUrlForLayer"|}, "ecr:GetAuthorizationToken" ], "Resource": "*" } ] }
            """, rules: ["ECR202"]);
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": [ "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" ], "Resource": "*" },
              { "Effect": "Allow", "Principal": "*", "Action": {|ECR201:"ecr:BatchGetImages"|}, "Resource": "*" } ] }
            """, rules: ["ECR202"]);
    }

    [Fact]
    public void ECR202_says_which_actions_a_Deny_blocks_and_which_nothing_allows()
    {
        var finding = Assert.Single(Findings("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "Pull", "Effect": "Allow", "Principal": "*", "Action": [ "ecr:BatchGetImage", "ecr:GetAuthorizationToken" ], "Resource": "*" },
              { "Sid": "NoManifests", "Effect": "Deny", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/secret" },
              { "Sid": "Secret", "Effect": "Allow", "Principal": "*", "Action": "ecr:DescribeImages", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/secret" },
              { "Sid": "Typo", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": "ecr:GetDownloadUrlForLayers", "Resource": "*" } ] }
            """, "ECR202"), f => f.Message.StartsWith("Any principal", StringComparison.Ordinal));
        Assert.Contains("the Deny `NoManifests` (line 3) denies ecr:BatchGetImage; no statement allows ecr:GetDownloadUrlForLayer", finding.Message);
        Assert.Null(finding.Fix);
    }
}
