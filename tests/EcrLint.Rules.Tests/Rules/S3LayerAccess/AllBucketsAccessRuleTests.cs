using EcrLint.Engine;
using EcrLint.Rules;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.S3LayerAccess;

public class AllBucketsAccessRuleTests
{
    private const string LayerStatement = """{ "Sid": "Layers", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" }""";

    [Theory]
    [InlineData("*")]
    [InlineData("arn:aws:s3:::*")]
    [InlineData("arn:aws:s3:::*/*")]
    [InlineData("arn:*:s3:::*")]
    public void ECR105_fires_on_a_resource_that_covers_every_bucket(string resource)
    {
        var result = Verify($$"""{ "Version": "2012-10-17", "Statement": [ {{LayerStatement}}, { "Sid": "ReadAll", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": {|ECR105:"{{resource}}"|} } ] }""",
            kind: InputKind.S3Endpoint, rules: ["ECR106"]);
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR105");
        Assert.Contains("the Allow `ReadAll` (line 1)", f.Message);
        Assert.Single(f.RelatedLocations);
    }

    [Fact]
    public void ECR105_fires_for_AWS_star_and_NotResource()
    {
        Verify("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:Get*", "Resource": ["arn:aws:s3:::my-app-assets/*", {|ECR105:"arn:aws:s3:::*/*"|}] } ] }""");
        Verify("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", {|ECR105:"NotResource"|}: "arn:aws:s3:::secrets/*" } ] }""");
    }

    [Fact]
    public void ECR105_is_silent_on_named_buckets_conditions_specific_principals_denies_and_the_default()
    {
        VerifyNone($$"""{ "Version": "2012-10-17", "Statement": [ {{LayerStatement}}, { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-app-*/*" } ] }""", rules: ["ECR105"]);
        VerifyNone("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalAccount": "210987654321" } } } ] }""", rules: ["ECR105"]);
        VerifyNone("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "210987654321" }, "Action": "s3:GetObject", "Resource": "*" } ] }""", rules: ["ECR105"]);
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" },
              { "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "NotResource": ["arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "arn:aws:s3:::my-app-assets/*"] }
            ] }
            """, rules: ["ECR105"]);
        VerifyNone("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""", kind: InputKind.S3Endpoint, rules: ["ECR105", "ECR107"]);
        VerifyNone("""{ "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:*", "Resource": "*" } ] }""", kind: InputKind.S3Endpoint, rules: ["ECR105", "ECR107"]);
    }

    [Fact]
    public void ECR105_checks_the_partitions_the_policy_names_without_a_region() =>
        Verify("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": {|ECR105:"arn:aws-cn:s3:::*"|} } ] }""");

    [Fact]
    public void ECR107_fires_on_each_action_that_writes_or_deletes_on_every_bucket()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "Everything", "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", {|ECR107:"s3:PutObject"|}, {|ECR107:"s3:*Object"|}], "Resource": {|ECR105:"arn:aws:s3:::*"|} }
            ] }
            """);
        var star = Assert.Single(result.Findings, f => f.RuleId == "ECR107" && f.Message.StartsWith("`s3:*Object`"));
        Assert.Contains("write and delete objects in every bucket (`arn:aws:s3:::*`)", star.Message);
        Assert.Contains("the Allow `Everything` (line 2)", star.Message);
        Assert.Equal(Severity.Warning, Findings(result.Document!.Text, "ECR107", mode: LintMode.Recommended)[0].Severity);
    }

    [Fact]
    public void ECR107_fires_on_NotAction_and_on_delete_only()
    {
        Verify("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", {|ECR107:"NotAction"|}: "s3:GetObject", "Resource": "*" } ] }""", kind: InputKind.S3Endpoint);
        var f = Assert.Single(Findings("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:DeleteObject", "Resource": "*" } ] }""", "ECR107"));
        Assert.Contains("lets every principal in the VPC delete objects", f.Message);
    }

    [Fact]
    public void ECR107_is_silent_on_reads_named_buckets_and_conditions()
    {
        VerifyNone("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:Get*", "Resource": "*" } ] }""", rules: ["ECR107"]);
        VerifyNone("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::my-app-assets/*" } ] }""", rules: ["ECR107"]);
        VerifyNone("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceAccount": "210987654321" } } } ] }""", rules: ["ECR107"]);
    }
}
