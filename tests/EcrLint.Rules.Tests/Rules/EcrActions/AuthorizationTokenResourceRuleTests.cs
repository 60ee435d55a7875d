using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.EcrActions;

public class AuthorizationTokenResourceRuleTests
{
    [Fact]
    public void ECR203_fires_on_the_token_when_it_is_scoped_to_repositories() =>
        Verify("""
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Sid": "AllowPull", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" },
                  "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", {|ECR203:"ecr:GetAuthorizationToken"|} ],
                  "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" }
              ]
            }
            """);

    [Fact]
    public void ECR203_fires_on_a_wildcard_that_covers_the_token() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*",
              "Action": [ {|ECR203:"ecr:Get*"|}, "ecr:BatchGetImage" ], "Resource": [ "arn:aws:ecr:us-east-1:210987654321:repository/app", "arn:aws:ecr:us-east-1:210987654321:repository/team/*" ] } ] }
            """);

    [Fact]
    public void ECR203_fires_in_identity_policies() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": {|ECR203:"ecr:GetAuthorizationToken"|}, "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" } ] }
            """, kind: InputKind.Identity);

    [Fact]
    public void ECR203_fires_when_another_statement_gives_the_token_to_someone_else() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": [ "ecr:BatchGetImage", {|ECR203:"ecr:GetAuthorizationToken"|} ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" },
              { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/other" }, "Action": "ecr:GetAuthorizationToken", "Resource": "*" } ] }
            """);

    [Fact]
    public void ECR203_is_silent_when_the_token_is_allowed_on_star()
    {
        // In the same statement.
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": [ "ecr:BatchGetImage", "ecr:GetAuthorizationToken" ],
              "Resource": [ "arn:aws:ecr:us-east-1:210987654321:repository/app", "*" ] } ] }
            """, rules: ["ECR203"]);
        // By another statement for the same principals.
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": [ "ecr:BatchGetImage", "ecr:GetAuthorizationToken" ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" },
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:GetAuthorizationToken", "Resource": "*" } ] }
            """, rules: ["ECR203"]);
        // Not granted at all, or granted on something that is not a repository.
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": [ "ecr:BatchGetImage", "ecr:DescribeImages" ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" },
              { "Effect": "Deny", "Principal": "*", "Action": "ecr:GetAuthorizationToken", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" } ] }
            """, rules: ["ECR203"]);
    }

    [Fact]
    public void ECR203_fix_moves_the_token_to_a_star_statement_CRLF() =>
        VerifyFix("ECR203",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Sid\": \"AllowPull\",\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": { \"AWS\": \"arn:aws:iam::210987654321:role/app\" },\r\n      \"Action\": [\r\n        \"ecr:BatchGetImage\",\r\n        \"ecr:GetAuthorizationToken\",\r\n        \"ecr:GetDownloadUrlForLayer\"\r\n      ],\r\n      \"Resource\": \"arn:aws:ecr:us-east-1:210987654321:repository/app\"\r\n    }\r\n  ]\r\n}\r\n",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Sid\": \"AllowPull\",\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": { \"AWS\": \"arn:aws:iam::210987654321:role/app\" },\r\n      \"Action\": [\r\n        \"ecr:BatchGetImage\",\r\n        \"ecr:GetDownloadUrlForLayer\"\r\n      ],\r\n      \"Resource\": \"arn:aws:ecr:us-east-1:210987654321:repository/app\"\r\n    },\r\n    {\r\n      \"Sid\": \"AllowPullToken\",\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": {\r\n        \"AWS\": \"arn:aws:iam::210987654321:role/app\"\r\n      },\r\n      \"Action\": \"ecr:GetAuthorizationToken\",\r\n      \"Resource\": \"*\"\r\n    }\r\n  ]\r\n}\r\n");

    [Fact]
    public void ECR203_fix_keeps_the_condition_and_key_order_on_one_line() =>
        VerifyFix("ECR203",
            """{ "Statement": [ { "Principal": "*", "Action": [ "ecr:GetAuthorizationToken", "ecr:BatchGetImage" ], "Effect": "Allow", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app", "Condition": { "StringEquals": { "aws:PrincipalAccount": "210987654321" } } } ] }""",
            """{ "Statement": [ { "Principal": "*", "Action": [ "ecr:BatchGetImage" ], "Effect": "Allow", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app", "Condition": { "StringEquals": { "aws:PrincipalAccount": "210987654321" } } }, { "Principal": "*", "Action": "ecr:GetAuthorizationToken", "Effect": "Allow", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalAccount": "210987654321" } } } ] }""");

    [Fact]
    public void ECR203_fix_on_a_single_statement_object_wraps_it_in_a_list() =>
        VerifyFix("ECR203",
            """{ "Statement": { "Effect": "Allow", "Principal": "*", "Action": [ "ecr:BatchGetImage", "ecr:GetAuthorizationToken" ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" } }""",
            """{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": [ "ecr:BatchGetImage" ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" }, { "Effect": "Allow", "Principal": "*", "Action": "ecr:GetAuthorizationToken", "Resource": "*" }] }""");

    [Fact]
    public void ECR203_fix_sets_star_when_the_token_is_the_only_action() =>
        VerifyFix("ECR203",
            """{ "Statement": [ { "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": [ "arn:aws:ecr:us-east-1:210987654321:repository/app" ] } ] }""",
            """{ "Statement": [ { "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*" } ] }""",
            kind: InputKind.Identity);

    [Fact]
    public void ECR203_offers_no_fix_for_a_wildcard()
    {
        var finding = Assert.Single(Findings("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:Get*", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" } ] }""", "ECR203"));
        Assert.Null(finding.Fix);
        Assert.Contains("`ecr:Get*` (which covers ecr:GetAuthorizationToken)", finding.Message);
    }
}
