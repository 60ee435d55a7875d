using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.DeleteGuard;

public class MissingDeleteGuardRuleTests
{
    private const string App = "arn:aws:ecr:us-east-1:210987654321:repository/team/app";

    [Fact]
    public void ECR301_fires_on_the_action_of_an_allow_all_without_a_guard()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": {|ECR301:"*"|}, "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint);
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR301");
        Assert.StartsWith("The Allow `AllowAll` (line 2) lets \"Principal\": \"*\" call ecr:DeleteRepository on any repository", f.Message);
        var related = Assert.Single(f.RelatedLocations);
        Assert.Contains("the Allow `AllowAll` (line 2)", related.Message);
        Assert.NotNull(f.Fix);
    }

    [Theory]
    [InlineData("\"ecr:*\"")]
    [InlineData("\"ecr:Delete*\"")]
    [InlineData("\"ECR:deleterepository\"")]
    public void ECR301_fires_on_wildcards_that_cover_DeleteRepository(string action) =>
        Verify($$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": ["ecr:BatchGetImage", {|ECR301:{{action}}|}], "Resource": "{{App}}" } ] }""");

    [Fact]
    public void ECR301_fires_on_NotAction_that_leaves_DeleteRepository_in() =>
        Verify("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", {|ECR301:"NotAction"|}: "ecr:PutImage", "Resource": "*" } ] }""", kind: InputKind.EcrEndpoint);

    [Fact]
    public void ECR301_is_silent_when_a_Deny_covers_the_repositories_or_only_named_principals_are_allowed()
    {
        VerifyNone($$"""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" },
              { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR301"]);
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" },
              { "Effect": "Deny", "Principal": "*", "Action": "ecr:Delete*", "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR301"]);
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/admin" }, "Action": "ecr:*", "Resource": "*" }
            ] }
            """, rules: ["ECR301"]);
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken"], "Resource": "*" }
            ] }
            """, rules: ["ECR301"]);
    }

    [Fact]
    public void ECR301_is_silent_when_it_cannot_prove_that_anyone_may_delete() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalAccount": "210987654321" } } }
            ] }
            """, rules: ["ECR301"]);

    [Fact]
    public void ECR301_leaves_a_broken_guard_to_ECR302()
    {
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" },
              { "Sid": "PreventDelete", "Effect": {|ECR302:"Allow"|}, "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR301"]);
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" },
              { "Sid": "Guard", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepositry", "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR301", "ECR302"]);
    }

    [Fact]
    public void ECR301_fix_appends_PreventDelete_for_the_repositories_in_scope()
    {
        VerifyFix("ECR301",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Sid\": \"AllowAll\",\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"*\",\r\n      \"Resource\": \"*\"\r\n    }\r\n  ]\r\n}\r\n",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Sid\": \"AllowAll\",\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"*\",\r\n      \"Resource\": \"*\"\r\n    },\r\n    {\r\n      \"Sid\": \"PreventDelete\",\r\n      \"Effect\": \"Deny\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"ecr:DeleteRepository\",\r\n      \"Resource\": \"*\"\r\n    }\r\n  ]\r\n}\r\n",
            kind: InputKind.EcrEndpoint);
        VerifyFix("ECR301",
            $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": ["{{App}}", "arn:aws:ecr:us-east-1:210987654321:repository/web-*"] } ] }""",
            $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": ["{{App}}", "arn:aws:ecr:us-east-1:210987654321:repository/web-*"] }, { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": ["{{App}}", "arn:aws:ecr:us-east-1:210987654321:repository/web-*"] } ] }""");
        VerifyFix("ECR301",
            $$"""{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "{{App}}" } }""",
            $$"""{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "{{App}}" }, { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }] }""");
    }

    [Fact]
    public void ECR301_applies_only_to_ECR_endpoint_policies() =>
        VerifyNone("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""", kind: InputKind.S3Endpoint, rules: ["ECR301"]);
}
