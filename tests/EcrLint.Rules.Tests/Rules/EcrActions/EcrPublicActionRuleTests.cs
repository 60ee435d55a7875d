using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.EcrActions;

public class EcrPublicActionRuleTests
{
    [Fact]
    public void ECR206_fires_on_ecr_public_actions_in_an_ECR_endpoint_policy() =>
        Verify("""
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Effect": "Allow", "Principal": "*", "Resource": "*",
                  "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken", {|ECR206:"ecr-public:GetAuthorizationToken"|}, {|ECR206:"ECR-PUBLIC:*"|} ] }
              ]
            }
            """);

    [Fact]
    public void ECR206_is_silent_on_ecr_actions_and_in_other_policy_kinds()
    {
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": [ "ecr:BatchGetImage", "ecr:*" ], "Resource": "*" } ] }
            """, rules: ["ECR206"]);
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "ecr:GetAuthorizationToken", "ecr-public:GetAuthorizationToken", "sts:GetServiceBearerToken" ], "Resource": "*" } ] }
            """, kind: InputKind.Identity, rules: ["ECR206"]);
    }
}
