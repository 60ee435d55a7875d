using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class ElementNameRuleTests
{
    [Fact]
    public void ECR408_fires_on_unknown_and_miscased_names() =>
        Verify("""
            { "Version": "2012-10-17", {|ECR408:"Comment"|}: "x", "Statement": [
              { {|ECR408:"effect"|}: "Allow", "Principal": "*", {|ECR408:"Actions"|}: [ "ecr:BatchGetImage" ], {|ECR408:"Resources"|}: "*" },
              { "Effect": "Deny", {|ECR408:"Princpal"|}: "*", "Action": "ecr:DeleteRepository", "Resource": "*", {|ECR408:"Version"|}: "2012-10-17", {|ECR408:"Foo"|}: 1 }
            ] }
            """, kind: InputKind.EcrEndpoint);

    [Fact]
    public void ECR408_is_silent_on_known_names() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Id": "EcrEndpointPolicy", "Statement": [
              { "Sid": "Pull", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*",
                "Condition": { "StringEquals": { "aws:PrincipalAccount": "210987654321" } } },
              { "Sid": "Guard", "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::210987654321:root" }, "NotAction": "ecr:BatchGetImage", "NotResource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR408"]);

    [Fact]
    public void ECR408_fix_renames_the_key()
    {
        VerifyFix("ECR408",
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"effect\": \"Allow\",\n      \"Principal\": \"*\",\n      \"Actions\": [\"ecr:BatchGetImage\"],\n      \"RESOURCE\": \"*\",\n      \"Condtion\": { \"Bool\": { \"aws:SecureTransport\": \"true\" } }\n    }\n  ]\n}\n",
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": \"*\",\n      \"Action\": [\"ecr:BatchGetImage\"],\n      \"Resource\": \"*\",\n      \"Condition\": { \"Bool\": { \"aws:SecureTransport\": \"true\" } }\n    }\n  ]\n}\n",
            kind: InputKind.EcrEndpoint);
        VerifyFix("ECR408",
            "{ \"Version\": \"2012-10-17\",\r\n  \"Statement\": { \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\", \"resource\": \"*\" } }\r\n",
            "{ \"Version\": \"2012-10-17\",\r\n  \"Statement\": { \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\", \"Resource\": \"*\" } }\r\n",
            kind: InputKind.EcrEndpoint);
    }

    [Fact]
    public void ECR408_does_not_fix_when_the_new_name_would_be_a_duplicate()
    {
        var findings = Findings("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "effect": "Deny", "Principal": "*", "Action": "ecr:BatchGetImage", "Actions": "ecr:GetAuthorizationToken", "Resource": "*", "resource": "*", "Resources": "*" }
            ] }
            """, "ECR408", kind: InputKind.EcrEndpoint);
        Assert.Equal(4, findings.Count);
        Assert.All(findings, f => Assert.Null(f.Fix));
        Assert.Contains("merge the two", findings[0].Message);
    }
}
