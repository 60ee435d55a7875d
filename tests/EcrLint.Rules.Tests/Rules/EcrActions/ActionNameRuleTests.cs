using EcrLint.Engine;
using EcrLint.Rules;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.EcrActions;

public class ActionNameRuleTests
{
    [Fact]
    public void ECR201_fires_on_unknown_ecr_actions_in_Action_and_NotAction() =>
        Verify("""
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Sid": "Pull", "Effect": "Allow", "Principal": "*",
                  "Action": [ {|ECR201:"ecr:GetDownloadUrlForLayers"|}, {|ECR201:"ecr:BatchGetImages"|}, {|ECR201:"ecr:GetAuthToken"|}, "ecr:BatchCheckLayerAvailability" ],
                  "Resource": "*" },
                { "Sid": "NoWrites", "Effect": "Deny", "Principal": "*", "NotAction": {|ECR201:"ecr:Frobnicate"|}, "Resource": "*" }
              ]
            }
            """, rules: ["ECR205", "ECR208"]);

    [Fact]
    public void ECR201_fires_in_identity_policies_too() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": {|ECR201:"ECR:BatchGetImages"|}, "Resource": "*" } ] }
            """, kind: InputKind.Identity, rules: ["ECR205", "ECR208"]);

    [Fact]
    public void ECR201_is_silent_on_known_actions_and_patterns() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*",
              "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken", "ecr:Describe*", "ecr:*", "*" ], "Resource": "*" } ] }
            """, rules: ["ECR201", "ECR205", "ECR208"]);

    [Fact]
    public void ECR201_fix_uses_the_unique_nearest_action_and_keeps_the_list()
    {
        VerifyFix("ECR201",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": [\r\n        \"ecr:GetDownloadUrlForLayers\",\r\n        \"ecr:BatchGetImages\",\r\n        \"ecr:GetAuthToken\"\r\n      ],\r\n      \"Resource\": \"*\"\r\n    }\r\n  ]\r\n}\r\n",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": [\r\n        \"ecr:GetDownloadUrlForLayer\",\r\n        \"ecr:BatchGetImage\",\r\n        \"ecr:GetAuthorizationToken\"\r\n      ],\r\n      \"Resource\": \"*\"\r\n    }\r\n  ]\r\n}\r\n");
        VerifyFix("ECR201",
            """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:batchgetimages", "Resource": "*" } ] }""",
            """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" } ] }""");
    }

    [Fact]
    public void ECR201_offers_no_fix_without_a_unique_candidate()
    {
        var findings = Findings("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:Frobnicate", "Resource": "*" } ] }""", "ECR201");
        var finding = Assert.Single(findings);
        Assert.Null(finding.Fix);
        Assert.Contains("`ecr:Frobnicate`", finding.Message);
    }

    [Fact]
    public void ECR205_fires_on_malformed_actions() =>
        Verify("""
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Effect": "Allow", "Principal": "*", "Resource": "*", "Action": [
                  {|ECR205:""|},
                  {|ECR205:" ecr:BatchGetImage"|},
                  {|ECR205:"ecr:Batch GetImage"|},
                  {|ECR205:"BatchGetImage"|},
                  {|ECR205:"ecr.GetDownloadUrlForLayer"|},
                  {|ECR205:"ecr:"|},
                  {|ECR205:"ecrr:GetAuthorizationToken"|},
                  {|ECR205:"ecr:Pul*"|},
                  {|ECR205:"s3:GetObjects"|},
                  {|ECR205:"nosuchservice:*"|}
                ] }
              ]
            }
            """, rules: ["ECR201", "ECR208"]);

    [Fact]
    public void ECR205_is_silent_on_the_lone_star_and_valid_patterns() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Resource": "*",
              "Action": [ "*", "s3:Get*", "s3:*Object", "ecr:Get?uthorizationToken", "logs:CreateLogStream", "*:Describe*" ] } ] }
            """, rules: ["ECR205"]);

    [Theory]
    [InlineData(" ecr:BatchGetImage ", "ecr:BatchGetImage")]
    [InlineData("ecr: GetAuthorizationToken", "ecr:GetAuthorizationToken")]
    [InlineData("BatchGetImage", "ecr:BatchGetImage")]
    [InlineData("ecr.BatchGetImage", "ecr:BatchGetImage")]
    [InlineData("ecrr:GetDownloadUrlForLayer", "ecr:GetDownloadUrlForLayer")]
    [InlineData("s3:GetObjects", "s3:GetObject")]
    [InlineData(" * ", "*")]
    public void ECR205_fix_writes_the_valid_value(string wrong, string right) =>
        VerifyFix("ECR205",
            $$"""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": ["ecr:ListImages", "{{wrong}}"], "Resource": "*" } ] }""",
            $$"""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": ["ecr:ListImages", "{{right}}"], "Resource": "*" } ] }""");

    [Theory]
    [InlineData("GetAuthorizationToken")] // ecr, ecr-public and codeartifact have it
    [InlineData("ecr:Pul*")]
    [InlineData("")]
    [InlineData("ecr:")]
    public void ECR205_offers_no_fix_when_the_intent_is_ambiguous(string value)
    {
        var finding = Assert.Single(Findings($$"""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "{{value}}", "Resource": "*" } ] }""", "ECR205"));
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void ECR205_messages_say_what_is_wrong()
    {
        string Message(string value) => Assert.Single(Findings($$"""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "{{value}}", "Resource": "*" } ] }""", "ECR205")).Message;
        Assert.Contains("whitespace", Message("ecr:BatchGetImage "));
        Assert.Contains("no service prefix", Message("BatchGetImage"));
        Assert.Contains("not an AWS service prefix", Message("ecrr:BatchGetImage"));
        Assert.Contains("matches no `ecr` action", Message("ecr:Pul*"));
        Assert.Contains("not an action of `s3`", Message("s3:GetObjects"));
        Assert.Contains("did you mean `s3:GetObject`?", Message("s3:GetObjects"));
    }

    [Fact]
    public void ECR208_fires_on_known_actions_in_another_casing() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Resource": "*",
              "Action": [ {|ECR208:"ecr:batchgetimage"|}, {|ECR208:"ECR:BatchGetImage"|}, {|ECR208:"S3:GetObject"|}, {|ECR208:"ECR:Get*"|}, "ecr:get*", "ecr:GetAuthorizationToken", {|ECR201:"ecr:batchgetimages"|} ] } ] }
            """, rules: ["ECR205"]);

    [Fact]
    public void ECR208_fix_writes_the_canonical_casing() =>
        VerifyFix("ECR208",
            """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": ["ecr:batchgetimage", "ECR:GetDownloadUrlForLayer", "Ecr:Describe*"], "Resource": "*" } ] }""",
            """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:Describe*"], "Resource": "*" } ] }""");

    [Fact]
    public void ECR208_is_info_and_stays_on_in_recommended_mode()
    {
        var finding = Assert.Single(Findings("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:batchgetimage", "Resource": "*" } ] }""", "ECR208", mode: LintMode.Recommended));
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void Odd_input_is_skipped_without_throwing()
    {
        var huge = new string('x', 100_000);
        var result = Lint($$"""
            { "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": [ 12, null, { "a": 1 }, ["ecr:BatchGetImage"], "{{huge}}", "ecr:{{huge}}" ], "Resource": "*" },
              { "Effect": "Allow", "Action": { "x": "y" } }, { "Action": true } ] }
            """);
        Assert.Single(result.Findings, f => f.RuleId == "ECR205");
        Assert.Single(result.Findings, f => f.RuleId == "ECR201" && f.Fix is null);
    }
}
