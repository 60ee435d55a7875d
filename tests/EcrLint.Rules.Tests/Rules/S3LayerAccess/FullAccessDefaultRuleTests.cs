using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.S3LayerAccess;

public class FullAccessDefaultRuleTests
{
    [Theory]
    [InlineData("""{ {|ECR106:"Statement"|}: [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""")]
    [InlineData("""{ "Version": "2008-10-17", {|ECR106:"Statement"|}: [ { "Sid": "Default", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""")]
    [InlineData("""{ "Version": "2012-10-17", {|ECR106:"Statement"|}: { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": ["s3:*"], "Resource": ["*"] } }""")]
    public void ECR106_fires_on_the_full_access_default(string markup) =>
        Verify(markup, kind: InputKind.S3Endpoint, region: "us-east-1", rules: ["ECR105", "ECR107"]);

    [Fact]
    public void ECR106_suggests_the_layer_bucket_statement_and_offers_no_fix()
    {
        var f = Assert.Single(Findings("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""", "ECR106", kind: InputKind.S3Endpoint, region: "eu-west-1"));
        Assert.Contains("`arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*`", f.Message);
        Assert.Contains("F31", f.Message);
        Assert.Null(f.Fix);
    }

    [Theory]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalAccount": "210987654321" } } } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }, { "Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObject", "Resource": "*" } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "210987654321" }, "Action": "*", "Resource": "*" } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "arn:aws:s3:::*" } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*" } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "NotAction": "s3:DeleteObject", "Resource": "*" } ] }""")]
    public void ECR106_is_silent_on_anything_else(string text) =>
        VerifyNone(text, kind: InputKind.S3Endpoint, rules: ["ECR106"]);

    [Fact]
    public void ECR106_applies_only_to_S3_endpoint_policies() =>
        VerifyNone("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""", kind: InputKind.EcrEndpoint, rules: ["ECR106"]);
}
