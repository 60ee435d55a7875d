using EcrLint.Engine;
using EcrLint.Iam;
using EcrLint.Packs.S3LayerAccess;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.S3LayerAccess;

public class LayerBucketArnRuleTests
{
    private const string Region = "us-east-1";

    private static string Policy(string resourceMarkup) =>
        "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Sid\": \"Layers\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": " + resourceMarkup + " } ] }";

    [Theory]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "add `/*`")]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "use `/*`")]
    [InlineData("arn:aws:s3:::prod-region-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "`region` is a placeholder")]
    [InlineData("arn:aws:s3:::prod-REGION-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "`REGION` is a placeholder")]
    [InlineData("arn:aws:s3:::prod-<region>-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "`<region>` is a placeholder")]
    [InlineData("arn:aws:s3:::prod-us-east-9-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "`us-east-9` is not an AWS region")]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layers-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "misspelled")]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "misspelled")]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "misspelled")]
    [InlineData("arn:aws:s3:::us-east-1-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "misspelled")]
    [InlineData("arn:aws:s3:::Prod-US-East-1-Starport-Layer-Bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "lower case")]
    [InlineData("arn:aws:s3:::starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "misspelled")]
    [InlineData("arn:aws:s3:us-east-1:111122223333:prod-us-east-1-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "the region `us-east-1` and the account `111122223333` filled in")]
    [InlineData("arn:aws:s3::111122223333:prod-us-east-1-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "the account `111122223333` filled in")]
    [InlineData("arn:aws:s3::prod-us-east-1-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "5 colon-separated fields")]
    [InlineData("prod-us-east-1-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "not an ARN")]
    [InlineData("arn:aws:s3:::prod-cn-north-1-starport-layer-bucket/*", "arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*", "partition `aws` does not match the region `cn-north-1`, which is in `aws-cn`")]
    [InlineData("arn:aws-cn:s3:::prod-us-east-1-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "partition `aws-cn`")]
    [InlineData("arn:aws:ecr:::prod-us-east-1-starport-layer-bucket/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "service is `ecr`")]
    public void ECR103_fires_on_the_arn_and_corrects_it(string arn, string corrected, string problem)
    {
        var result = Verify(Policy("{|ECR103:\"" + arn + "\"|}"), kind: InputKind.S3Endpoint, region: Region);
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR103");
        Assert.Contains(problem, f.Message);
        Assert.Contains("`" + corrected + "`", f.Message);
        VerifyFix("ECR103", Policy("\"" + arn + "\""), Policy("\"" + corrected + "\""), kind: InputKind.S3Endpoint, region: Region);
    }

    [Theory]
    [InlineData("arn:aws:s3:::prod-region-starport-layer-bucket/*")]
    [InlineData("arn:aws:s3:::prod-us-east-9-starport-layer-bucket/*")]
    [InlineData("arn:aws:s3:::starport/*")]
    public void ECR103_does_not_guess_a_region_without_one(string arn)
    {
        var f = Assert.Single(Findings(Policy("\"" + arn + "\""), "ECR103", kind: InputKind.S3Endpoint));
        Assert.Null(f.Fix);
        Assert.Contains("with the endpoint's region", f.Message);
    }

    [Fact]
    public void ECR103_keeps_the_region_written_when_it_is_a_real_one()
    {
        // The region is known, so the form is corrected without the context; a region mismatch is ECR104's, after.
        VerifyFix("ECR103", Policy("\"arn:aws:s3:::prod-eu-west-1-starport-layer-bucket\""), Policy("\"arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*\""), kind: InputKind.S3Endpoint);
    }

    [Theory]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*")]
    [InlineData("arn:aws:s3:::prod-*-starport-layer-bucket/*")]
    [InlineData("arn:aws:s3:::prod-us-*-starport-layer-bucket/*")]
    [InlineData("arn:*:s3:::prod-us-east-1-starport-layer-bucket/*")]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket*")]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/sha256/*")]
    [InlineData("arn:aws-us-gov:s3:::prod-us-gov-west-1-starport-layer-bucket/*")]
    [InlineData("arn:aws:s3:::prod-${aws:RequestedRegion}-starport-layer-bucket/*")]
    [InlineData("arn:aws:s3:*:*:prod-us-east-1-starport-layer-bucket/*")]
    public void ECR103_is_silent_on_well_formed_arns_and_patterns(string arn) =>
        VerifyNone(Policy("\"" + arn + "\""), kind: InputKind.S3Endpoint, region: Region, rules: ["ECR103"]);

    [Fact]
    public void ECR103_flags_a_pattern_that_matches_no_layer_bucket() =>
        Verify(Policy("{|ECR103:\"arn:aws:s3:::starport-*\"|}"), kind: InputKind.S3Endpoint);

    [Fact]
    public void ECR103_checks_every_value_that_mentions_starport_in_any_statement() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "Layers", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                "Resource": ["arn:aws:s3:::my-app-assets/*", {|ECR103:"arn:aws:s3:::prod-us-east-1-starport-layer-bucket"|}] },
              { "Sid": "NoWrites", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "NotResource": {|ECR103:"arn:aws:s3:::prod-region-starport-layer-bucket/*"|} }
            ] }
            """, region: Region);

    [Fact]
    public void ECR103_fix_in_a_multi_line_CRLF_file() =>
        VerifyFix("ECR103",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"s3:GetObject\",\r\n      \"Resource\": [\r\n        \"arn:aws:s3:::prod-region-starport-layer-bucket/*\"\r\n      ]\r\n    }\r\n  ]\r\n}\r\n",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"s3:GetObject\",\r\n      \"Resource\": [\r\n        \"arn:aws:s3:::prod-eu-central-1-starport-layer-bucket/*\"\r\n      ]\r\n    }\r\n  ]\r\n}\r\n",
            region: "eu-central-1");

    [Fact]
    public void ECR104_fires_when_the_only_layer_bucket_is_of_another_region()
    {
        var result = Verify(Policy("{|ECR104:\"arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*\"|}"), region: Region, rules: ["ECR101", "ECR103"]);
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR104");
        Assert.Contains("`us-west-2`", f.Message);
        Assert.Contains("the endpoint is in `us-east-1`", f.Message);
        VerifyFix("ECR104", Policy("\"arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*\""), Policy("\"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\""), region: Region);
        VerifyFix("ECR104", Policy("\"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\""), Policy("\"arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*\""), region: "cn-north-1");
    }

    [Fact]
    public void ECR104_is_silent_without_a_region_or_when_the_endpoint_region_is_granted_too()
    {
        VerifyNone(Policy("\"arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*\""), rules: ["ECR104"]);
        VerifyNone(Policy("[\"arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*\", \"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\"]"), region: Region, rules: ["ECR104"]);
        VerifyNone(Policy("\"arn:aws:s3:::prod-*-starport-layer-bucket/*\""), region: Region, rules: ["ECR104"]);
        VerifyNone(Policy("\"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\""), region: Region, rules: ["ECR104"]);
    }

    [Fact]
    public void ECR104_offers_no_fix_when_two_regions_would_collapse_into_one()
    {
        var findings = Findings(Policy("[\"arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*\", \"arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*\"]"), "ECR104", region: Region);
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Null(f.Fix));
    }

    [Fact]
    public void ECR103_and_ECR104_apply_only_to_S3_endpoint_policies() =>
        VerifyNone("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-region-starport-layer-bucket" } ] }""",
            kind: InputKind.Identity, region: Region, rules: ["ECR103", "ECR104"]);

    [Fact]
    public void Analysis_of_odd_values_never_throws()
    {
        foreach (var value in new[] { "starport", "arn:starport", "arn:aws:s3:::starport", "ARN:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "arn:aws:s3:::/starport", "arn:::::starport", "s3://prod-us-east-1-starport-layer-bucket/x", new string('*', 600) + "starport", "arn:aws:s3:::prod--starport-layer-bucket/*" })
        {
            var arn = LayerBucketArn.Analyze(value, Region, IamData.Instance);
            Assert.NotNull(arn);
            Assert.False(arn.IsWellFormed, value);
        }

        Assert.Null(LayerBucketArn.Analyze("arn:aws:s3:::my-bucket/*", Region, IamData.Instance));
        VerifyNone(Policy("[\"" + new string('*', 5000) + "starport\", 42, \"\"]"), kind: InputKind.S3Endpoint, rules: ["ECR101", "ECR102", "ECR104"]);
    }
}
