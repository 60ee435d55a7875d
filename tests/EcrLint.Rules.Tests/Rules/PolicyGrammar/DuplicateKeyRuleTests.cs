using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class DuplicateKeyRuleTests
{
    [Fact]
    public void ECR411_fires_on_every_later_occurrence_at_any_depth()
    {
        var result = Verify("""
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Effect": "Allow", {|ECR411:"Effect"|}: "Deny", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*",
                  "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-1", {|ECR411:"aws:SourceVpce"|}: "vpce-2" } } },
                { "Effect": "Allow", "Principal": { "AWS": "*", {|ECR411:"AWS"|}: "*", {|ECR411:"AWS"|}: "*" }, "Action": "ecr:BatchGetImage", "Resource": "*" }
              ],
              {|ECR411:"Statement"|}: []
            }
            """, kind: InputKind.EcrEndpoint);
        Assert.Contains("first on line 3", result.Findings.Single(f => f.RuleId == "ECR411" && f.Location.Start.Line == 8).Message);
    }

    [Fact]
    public void ECR411_compares_keys_exactly() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR411"]);
}
