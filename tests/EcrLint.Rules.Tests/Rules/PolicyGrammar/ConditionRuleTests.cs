using EcrLint.Engine;
using EcrLint.Packs.PolicyGrammar;
using EcrLint.Rules;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class ConditionRuleTests
{
    [Fact]
    public void ECR413_fires_on_unknown_operators_and_keys()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*",
                "Condition": {
                  {|ECR413:"StringEqual"|}: { "aws:SourceVpce": "vpce-1" },
                  {|ECR413:"ForAnyValues:StringLike"|}: { "aws:PrincipalTag/team": "a*" },
                  {|ECR413:"NullIfExists"|}: { "aws:SourceVpc": "false" },
                  "StringEqualsIfExists": { {|ECR413:"aws:SourceVpcId"|}: "vpc-1", {|ECR413:"ecr:Nope"|}: "x", "ec2:Region": "us-east-1", "AWS:SOURCEVPCE": "vpce-1" },
                  "ForAllValues:StringEquals": { "aws:TagKeys": [ "team" ], {|ECR413:"SourceVpce"|}: "vpce-1" },
                  {|ECR413:"Frobnicate"|}: { }
                } }
            ] }
            """, kind: InputKind.EcrEndpoint);
        var keys = result.Findings.Where(f => f.RuleId == "ECR413" && f.Message.StartsWith("The condition key", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, keys.Count);
        Assert.All(keys, f => Assert.Equal(Severity.Error, f.Severity)); // strict mode raises warnings
        Assert.Contains("write `aws:SourceVpce`", keys.Single(f => f.Message.Contains("`SourceVpce`")).Message);
    }

    [Fact]
    public void ECR413_unknown_keys_are_warnings_and_operators_errors()
    {
        var findings = Findings("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*",
              "Condition": { "StringEqual": { "aws:SourceVpcId": "vpc-1" } } } ] }
            """, "ECR413", kind: InputKind.EcrEndpoint, mode: LintMode.Recommended);
        Assert.Equal(new[] { Severity.Error, Severity.Warning }, findings.OrderBy(f => f.Location.Span.Start).Select(f => f.Severity));
    }

    [Fact]
    public void ECR413_is_silent_on_valid_conditions() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": [ "s3:GetObject", "ecr:BatchGetImage" ], "Resource": "*",
              "Condition": {
                "ForAnyValue:StringNotLikeIfExists": { "aws:PrincipalTag/team": "x" },
                "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::210987654321:role/*" },
                "StringEquals": { "s3:ExistingObjectTag/team": "a", "ecr:ResourceTag/app": "b", "sts:ExternalId": "c", "aws:sourcevpce": "vpce-1" },
                "Null": { "aws:SourceVpc": "false" },
                "IpAddress": { "aws:SourceIp": "10.0.0.0/8" } } } ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR413"]);

    [Theory]
    [InlineData("StringEqual", "StringEquals")]
    [InlineData("stringequals", "StringEquals")]
    [InlineData("ForAnyValues:StringLike", "ForAnyValue:StringLike")]
    [InlineData("ArnLikeIfExist", "ArnLikeIfExists")]
    [InlineData("NumericLessThen", "NumericLessThan")]
    public void Nearest_operator(string wrong, string expected) => Assert.Equal(expected, ConditionRule.Nearest(wrong));

    [Fact]
    public void ECR413_fix_writes_the_nearest_operator()
    {
        VerifyFix("ECR413",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [{\r\n    \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\", \"Resource\": \"*\",\r\n    \"Condition\": {\r\n      \"StringEqual\": { \"aws:SourceVpce\": \"vpce-1\" },\r\n      \"boolIfExists\": { \"aws:SecureTransport\": \"true\" }\r\n    }\r\n  }]\r\n}\r\n",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [{\r\n    \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\", \"Resource\": \"*\",\r\n    \"Condition\": {\r\n      \"StringEquals\": { \"aws:SourceVpce\": \"vpce-1\" },\r\n      \"BoolIfExists\": { \"aws:SecureTransport\": \"true\" }\r\n    }\r\n  }]\r\n}\r\n",
            kind: InputKind.EcrEndpoint);
    }

    [Fact]
    public void ECR413_does_not_fix_into_an_existing_operator()
    {
        var finding = Assert.Single(Findings("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*",
              "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-1" }, "StringEqual": { "aws:SourceVpc": "vpc-1" } } } ] }
            """, "ECR413", kind: InputKind.EcrEndpoint));
        Assert.Null(finding.Fix);
    }
}
