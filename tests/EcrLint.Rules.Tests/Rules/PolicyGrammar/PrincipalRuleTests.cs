using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class PrincipalRuleTests
{
    [Fact]
    public void ECR410_fires_on_invalid_principals_of_an_ecr_endpoint_policy() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": [ {|ECR410:"arn:aws:iam::1234567890:role/app"|}, {|ECR410:"21098765432"|}, "210987654321",
                  {|ECR410:"arn:aws:iam::210987654321:role/*"|}, {|ECR410:"arn:aws:s3:::bucket"|}, {|ECR410:"my-role"|}, "AROAEXAMPLEID1234567" ] },
                "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Effect": "Allow", "Principal": { {|ECR410:"Service"|}: "ecs-tasks.amazonaws.com", {|ECR410:"aws"|}: "*" }, "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Effect": "Allow", "Principal": {|ECR410:"arn:aws:iam::210987654321:root"|}, "Action": "ecr:BatchGetImage", "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint);

    [Fact]
    public void ECR410_in_a_gateway_policy_accepts_only_everyone()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": {|ECR410:"arn:aws:iam::210987654321:role/app"|} }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" },
              { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" },
              { "Effect": "Allow", "Principal": {|ECR410:"210987654321"|}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" }
            ] }
            """, kind: InputKind.S3Endpoint);
        Assert.All(result.Findings.Where(f => f.RuleId == "ECR410"), f => Assert.Contains("aws:PrincipalArn", f.Message));
    }

    [Fact]
    public void ECR410_is_silent_on_valid_principals_and_other_kinds()
    {
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" },
              { "Effect": "Allow", "Principal": { "AWS": [ "210987654321", "arn:aws:iam::210987654321:root", "arn:aws:sts::210987654321:assumed-role/app/session", "arn:aws-cn:iam::210987654321:role/path/app" ] },
                "Action": "ecr:GetDownloadUrlForLayer", "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR410"]);
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ecs-tasks.amazonaws.com" }, "Action": "sts:AssumeRole" } ] }
            """, rules: ["ECR410"]);
    }
}
