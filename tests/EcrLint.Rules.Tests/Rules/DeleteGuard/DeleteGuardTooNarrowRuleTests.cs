using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.DeleteGuard;

public class DeleteGuardTooNarrowRuleTests
{
    private const string Api = "arn:aws:ecr:us-east-1:210987654321:repository/team/api";
    private const string App = "arn:aws:ecr:us-east-1:210987654321:repository/team/app";

    [Fact]
    public void ECR304_fires_on_the_guard_resource_when_an_allowed_repository_is_not_covered()
    {
        var result = Verify($$"""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" },
              { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": {|ECR304:"{{App}}"|} },
              { "Sid": "AllowPull", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], "Resource": ["{{App}}", "{{Api}}"] }
            ] }
            """);
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR304");
        Assert.Contains($"does not cover `{Api}`", f.Message);
    }

    [Fact]
    public void ECR304_is_silent_when_the_guards_cover_the_scope_or_there_is_no_scope()
    {
        VerifyNone($$"""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": ["{{App}}", "{{Api}}"] },
              { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/team/*" }
            ] }
            """, rules: ["ECR304"]);
        VerifyNone($$"""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": ["{{App}}", "arn:aws:ecr:us-east-1:210987654321:repository/team/*"] },
              { "Sid": "PreventApp", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" },
              { "Sid": "PreventTeam", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "arn:aws:ecr:*:210987654321:repository/team/*" }
            ] }
            """, rules: ["ECR304"]);
        VerifyNone($$"""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" },
              { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }
            ] }
            """, rules: ["ECR304"]);
    }

    [Fact]
    public void ECR304_leaves_guards_with_broken_resources_to_ECR302_and_ECR303() =>
        VerifyNone($$"""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "{{App}}" },
              { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "arn:aws:ecr:us-west-2:210987654321:repository/team/app" }
            ] }
            """, region: "us-east-1", rules: ["ECR304"]);

    [Fact]
    public void ECR304_fix_extends_the_guard()
    {
        VerifyFix("ECR304",
            $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": ["{{App}}", "{{Api}}"] }, { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" } ] }""",
            $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": ["{{App}}", "{{Api}}"] }, { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": ["{{App}}", "{{Api}}"] } ] }""");
        VerifyFix("ECR304",
            $"{{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {{ \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:*\", \"Resource\": [\"{App}\", \"{Api}\"] }},\r\n    {{\r\n      \"Sid\": \"PreventDelete\",\r\n      \"Effect\": \"Deny\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"ecr:DeleteRepository\",\r\n      \"Resource\": [\r\n        \"{App}\"\r\n      ]\r\n    }}\r\n  ]\r\n}}\r\n",
            $"{{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {{ \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:*\", \"Resource\": [\"{App}\", \"{Api}\"] }},\r\n    {{\r\n      \"Sid\": \"PreventDelete\",\r\n      \"Effect\": \"Deny\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"ecr:DeleteRepository\",\r\n      \"Resource\": [\r\n        \"{App}\",\r\n        \"{Api}\"\r\n      ]\r\n    }}\r\n  ]\r\n}}\r\n");
    }
}
