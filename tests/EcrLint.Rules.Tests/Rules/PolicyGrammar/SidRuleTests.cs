using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class SidRuleTests
{
    [Fact]
    public void ECR405_fires_on_every_later_duplicate_and_names_the_first()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "Pull", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Sid": {|ECR405:"Pull"|}, "Effect": "Allow", "Principal": "*", "Action": "ecr:GetDownloadUrlForLayer", "Resource": "*" },
              { "Sid": "pull", "Effect": "Allow", "Principal": "*", "Action": "ecr:GetAuthorizationToken", "Resource": "*" },
              { "Sid": {|ECR405:"Pull"|}, "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint);
        Assert.All(result.Findings.Where(f => f.RuleId == "ECR405"), f => Assert.Contains("line 2", f.Message));
    }

    [Fact]
    public void ECR405_checks_sid_characters_in_identity_policies_only()
    {
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": {|ECR405:"Access-to-specific-bucket-only"|}, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" },
              { "Sid": {|ECR405:"Allow pull"|}, "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Sid": "AllowPull2", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*" }
            ] }
            """, kind: InputKind.Identity);
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "Access-to-specific-bucket-only", "Principal": "*", "Action": [ "s3:GetObject" ], "Effect": "Allow", "Resource": [ "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" ] }
            ] }
            """, rules: ["ECR405"]);
    }

    [Fact]
    public void ECR405_message_suggests_a_valid_sid()
    {
        var finding = Assert.Single(Findings("""{ "Statement": [ { "Sid": "allow-pull", "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*" } ] }""", "ECR405", kind: InputKind.Identity));
        Assert.Contains("`allowPull`", finding.Message);
    }
}
