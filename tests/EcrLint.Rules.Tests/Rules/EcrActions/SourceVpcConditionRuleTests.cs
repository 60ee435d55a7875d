using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.EcrActions;

public class SourceVpcConditionRuleTests
{
    [Fact]
    public void ECR207_fires_on_the_condition_key_of_a_statement_that_allows_the_token()
    {
        var result = Verify("""
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Sid": "Pull", "Effect": "Allow", "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" ], "Resource": "*",
                  "Condition": { "StringEquals": { {|ECR207:"aws:SourceVpce"|}: "vpce-0123456789abcdef0" } } },
                { "Sid": "Any", "Effect": "Allow", "Action": "ecr:*", "Resource": "*",
                  "Condition": { "ForAnyValue:StringLike": { {|ECR207:"aws:sourcevpc"|}: "vpc-*" } } }
              ]
            }
            """, kind: InputKind.Identity);
        Assert.Contains("carries no aws:SourceVpce (F37)", result.Findings.First(f => f.RuleId == "ECR207").Message);
    }

    [Fact]
    public void ECR207_fires_on_a_Deny_that_applies_when_the_key_is_missing() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Action": "ecr:*", "Resource": "*" },
              { "Effect": "Deny", "Action": "ecr:*", "Resource": "*", "Condition": { "StringNotEquals": { {|ECR207:"aws:SourceVpce"|}: "vpce-0123456789abcdef0" } } } ] }
            """, kind: InputKind.Identity);

    [Fact]
    public void ECR207_is_silent_when_the_condition_does_not_touch_the_token_or_tolerates_its_absence() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*" },
              { "Effect": "Allow", "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer" ], "Resource": "*", "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-0123456789abcdef0" } } },
              { "Effect": "Allow", "Action": "ecr:*", "Resource": "*", "Condition": { "StringEqualsIfExists": { "aws:SourceVpc": "vpc-0123456789abcdef0" } } },
              { "Effect": "Deny", "Action": "ecr:*", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-0fedcba9876543210" } } },
              { "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalAccount": "210987654321" } } } ] }
            """, kind: InputKind.Identity, rules: ["ECR207"]);
}
