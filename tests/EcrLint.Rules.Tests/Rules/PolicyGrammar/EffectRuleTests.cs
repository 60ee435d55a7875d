using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class EffectRuleTests
{
    [Fact]
    public void ECR403_fires_on_each_wrong_effect_value() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": {|ECR403:"allow"|}, "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Effect": {|ECR403:"ALLOW"|}, "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Effect": {|ECR403:"Alow"|}, "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Effect": {|ECR403:"Permit"|}, "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Effect": {|ECR403:""|}, "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" }
            ] }
            """);

    [Fact]
    public void ECR403_is_silent_on_Allow_and_Deny_and_leaves_non_strings_to_ECR412() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" },
              { "Effect": {|ECR412:["Allow"]|}, "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" }
            ] }
            """, rules: ["ECR403"]);

    [Fact]
    public void ECR403_offers_a_fix_only_when_the_intent_is_clear()
    {
        var findings = Findings("""
            { "Statement": [ { "Effect": "Permit", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" },
                             { "Effect": "deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" } ] }
            """, "ECR403");
        Assert.Equal(2, findings.Count);
        Assert.Null(findings[0].Fix);
        Assert.Contains("use \"Allow\" or \"Deny\"", findings[0].Message);
        Assert.NotNull(findings[1].Fix);
        Assert.Contains("`deny`", findings[1].Message);
    }

    [Fact]
    public void ECR403_fix_writes_the_canonical_value()
    {
        VerifyFix("ECR403",
            "{\r\n  \"Statement\": [\r\n    {\r\n      \"Effect\": \"allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"ecr:BatchGetImage\",\r\n      \"Resource\": \"*\"\r\n    },\r\n    {\r\n      \"Effect\": \"Dny\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"ecr:DeleteRepository\",\r\n      \"Resource\": \"*\"\r\n    }\r\n  ]\r\n}\r\n",
            "{\r\n  \"Statement\": [\r\n    {\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"ecr:BatchGetImage\",\r\n      \"Resource\": \"*\"\r\n    },\r\n    {\r\n      \"Effect\": \"Deny\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"ecr:DeleteRepository\",\r\n      \"Resource\": \"*\"\r\n    }\r\n  ]\r\n}\r\n");
        VerifyFix("ECR403",
            """{ "Statement": { "Effect": "Alow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" } }""",
            """{ "Statement": { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" } }""");
    }
}
