using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class PlaceholderRuleTests
{
    [Fact]
    public void ECR407_fires_once_per_value_with_placeholders()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "region", "Effect": "Allow", "Principal": { "AWS": [ {|ECR407:"arn:aws:iam::111122223333:role/role_name"|}, {|ECR407:"123456789012"|} ] },
                "Action": "ecr:BatchGetImage", "Resource": [ {|ECR407:"arn:aws:ecr:us-east-1:111122223333:repository/<name>"|} ],
                "Condition": { "StringEquals": { "aws:SourceVpce": {|ECR407:"VPC_endpoint_ID"|} } } },
              { "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "NotResource": {|ECR407:"arn:aws:ecr:REGION:210987654321:repository/repository_name"|} }
            ] }
            """, kind: InputKind.EcrEndpoint);
        var last = result.Findings.Where(f => f.RuleId == "ECR407").OrderBy(f => f.Location.Span.Start).Last();
        Assert.Contains("`REGION`, `repository_name`", last.Message);
    }

    [Fact]
    public void ECR407_ignores_words_inside_real_names_starport_arns_and_the_users_own_account()
    {
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                "Resource": [ "arn:aws:s3:::prod-region-starport-layer-bucket/*", "arn:aws:s3:::my-region-bucket/app_role_name/*", "arn:aws:s3:::regional-data/*" ] }
            ] }
            """, rules: ["ECR407"]);
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/app" }, "Action": "ecr:BatchGetImage", "Resource": "*" }
            ] }
            """, account: "111122223333", rules: ["ECR407"]);
    }
}
