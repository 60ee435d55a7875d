using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.DeleteGuard;

public class DeleteGuardCannotMatchRuleTests
{
    private const string AllowAll = """{ "Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }""";

    private static string Policy(string guard) => "{ \"Version\": \"2012-10-17\", \"Statement\": [ " + AllowAll + ", " + guard + " ] }";

    [Theory]
    [InlineData("arn:aws:ecr:us-west-2:210987654321:repository/app", "the region `us-west-2`")]
    [InlineData("arn:aws-cn:ecr:cn-north-1:210987654321:repository/app", "the region `cn-north-1` and the partition `aws-cn`")]
    [InlineData("arn:aws-us-gov:ecr:*:210987654321:repository/app", "the partition `aws-us-gov`")]
    public void ECR303_fires_on_a_guard_resource_of_another_region_or_partition(string resource, string what)
    {
        var result = Verify(Policy($$"""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": ["arn:aws:ecr:us-east-1:210987654321:repository/api", {|ECR303:"{{resource}}"|}] }"""),
            region: "us-east-1");
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR303");
        Assert.Contains(what, f.Message);
        Assert.Contains("the endpoint is in `us-east-1`", f.Message);
    }

    [Theory]
    [InlineData("arn:aws:ecr:us-east-1:210987654321:repository/app", "us-east-1")]
    [InlineData("arn:aws:ecr:*:210987654321:repository/app", "us-east-1")]
    [InlineData("arn:aws:ecr:region:1234567890:repository/repository_name", "us-east-1")]
    [InlineData("arn:aws:ecr:us-west-2:210987654321:repository/app", null)]
    [InlineData("*", "us-east-1")]
    public void ECR303_is_silent_on_the_endpoint_region_wildcards_placeholders_and_without_a_region(string resource, string? region) =>
        VerifyNone(Policy($$"""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{resource}}" }"""),
            region: region, rules: ["ECR303"]);

    [Fact]
    public void ECR303_fires_on_NotPrincipal_a_specific_Principal_and_a_Condition()
    {
        Verify(Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", {|ECR303:"NotPrincipal"|}: { "AWS": "arn:aws:iam::210987654321:role/admin" }, "Action": "ecr:DeleteRepository", "Resource": "*" }"""));
        Verify(Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": {|ECR303:{ "AWS": "arn:aws:iam::210987654321:role/ci" }|}, "Action": "ecr:DeleteRepository", "Resource": "*" }"""));
        var result = Verify(Policy("""
            { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*",
              "Condition": { "StringNotLike": { {|ECR303:"aws:PrincipalArn"|}: "arn:aws:iam::210987654321:role/breakglass" }, "Bool": { "aws:MultiFactorAuthPresent": "false" } } }
            """));
        Assert.Contains("`aws:PrincipalArn`, `aws:MultiFactorAuthPresent`", Assert.Single(result.Findings, f => f.RuleId == "ECR303").Message);
    }

    [Fact]
    public void ECR303_is_silent_on_the_source_pattern_and_on_other_Denies()
    {
        VerifyNone(Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": { "AWS": "*" }, "Action": "ecr:DeleteRepository", "Resource": "*" }"""), region: "us-east-1", rules: ["ECR303"]);
        VerifyNone(Policy("""{ "Sid": "OnlyOurOrg", "Effect": "Deny", "Principal": "*", "Action": "ecr:*", "Resource": "*", "Condition": { "StringNotEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }"""), rules: ["ECR303"]);
        VerifyNone(Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*", "Condition": {} }"""), kind: InputKind.EcrEndpoint, rules: ["ECR303"]);
    }
}
