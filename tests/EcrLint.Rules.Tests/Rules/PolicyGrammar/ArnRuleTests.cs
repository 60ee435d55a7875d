using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class ArnRuleTests
{
    private static string Policy(string resource, string kind = "Allow") =>
        $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "{{kind}}", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": {{resource}} } ] }""";

    [Theory]
    [InlineData("\"arn:aws:ecr:us-east-1:210987654321\"", "it has 5 fields where an ARN has 6")]
    [InlineData("\"arn:aws:ecr:us-east-1:210987654321:repositry/app\"", "not `repository/NAME`")]
    [InlineData("\"arn:aws:ecr:us-east-1:21098765432:repository/app\"", "`21098765432` has 11 digits")]
    [InlineData("\"arn:aws:ecr:us-east-1:my-account:repository/app\"", "not a 12-digit account ID")]
    [InlineData("\"arn:aws:ecr:us-eats-1:210987654321:repository/app\"", "did you mean `us-east-1`?")]
    [InlineData("\"arn:amazon:ecr:us-east-1:210987654321:repository/app\"", "partition `amazon`")]
    [InlineData("\"arn:aws:ecr:cn-north-1:210987654321:repository/app\"", "partition `aws-cn`, not `aws`")]
    [InlineData("\"arn:aws:ecr::210987654321:repository/app\"", "region field is empty")]
    [InlineData("\"arn:aws:ecr:us-east-1::repository/app\"", "account field is empty")]
    [InlineData("\"arn:aws:ecr:us-east-1:210987654321:repository/Team/App\"", "not a valid repository name")]
    [InlineData("\"arn:aws:s3:us-east-1::my-bucket/*\"", "S3 bucket and object ARNs have an empty region")]
    [InlineData("\"arn:aws:s3::210987654321:my-bucket/*\"", "S3 bucket and object ARNs have an empty account")]
    [InlineData("\"my-bucket\"", "is not an ARN")]
    [InlineData("\"ARN:aws:s3:::my-bucket\"", "lower-case `arn:`")]
    public void ECR406_fires_on_the_arn_and_names_the_bad_field(string arn, string expected)
    {
        var result = Verify(Policy("{|ECR406:" + arn + "|}"), kind: InputKind.EcrEndpoint);
        Assert.Contains(expected, Assert.Single(result.Findings, f => f.RuleId == "ECR406").Message);
    }

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("\"arn:aws:ecr:us-east-1:210987654321:repository/team/app\"")]
    [InlineData("\"arn:aws:ecr:*:210987654321:repository/*\"")]
    [InlineData("\"arn:aws:ecr:us-*:*:repository/team/*\"")]
    [InlineData("\"arn:aws:ecr:us-east-1:210987654321:*\"")]
    [InlineData("\"arn:aws-cn:ecr:cn-north-1:210987654321:repository/app\"")]
    [InlineData("\"arn:aws:s3:::my-bucket/${aws:username}/*\"")]
    [InlineData("\"arn:aws:s3:::my-bucket\"")]
    [InlineData("\"arn:aws:s3:us-east-1:210987654321:accesspoint/ap\"")]
    [InlineData("\"arn:aws:iam::aws:policy/ReadOnlyAccess\"")]
    [InlineData("\"arn:aws:logs:us-east-1:210987654321:log-group:/ecs/app:*\"")]
    [InlineData("\"arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/app\"")]
    [InlineData("\"arn:aws:s3:::prod-region-starport-layer-bucket\"")]
    public void ECR406_is_silent_on_well_formed_arns(string resource) =>
        VerifyNone(Policy(resource), kind: InputKind.EcrEndpoint, rules: ["ECR406"]);

    [Fact]
    public void ECR406_checks_arn_condition_values_and_generic_principals() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": {|ECR406:"arn:aws:iam::12345:role/app"|} }, "Action": "sqs:SendMessage", "Resource": "*",
                "Condition": {
                  "ArnLike": { "aws:SourceArn": [ "*", {|ECR406:"arn:aws:sns:us-east-1:2109876543:topic"|} ] },
                  "StringEquals": { "aws:PrincipalArn": {|ECR406:"arn:aws:iam:us-east-1:210987654321"|}, "aws:SourceVpce": "vpce-1234" }
                } }
            ] }
            """);

    [Fact]
    public void ECR406_leaves_endpoint_principals_to_ECR410() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": {|ECR410:"arn:aws:iam::12345:role/app"|} }, "Action": "ecr:BatchGetImage", "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR406"]);
}
