using EcrLint.Engine;
using EcrLint.Rules;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.S3LayerAccess;

public class LayerBucketAccessRuleTests
{
    private const string Region = "us-east-1";

    [Fact]
    public void ECR101_fires_on_the_Statement_key_when_nothing_grants_the_layer_bucket()
    {
        var result = Verify("""
            { "Version": "2012-10-17", {|ECR101:"Statement"|}: [
              { "Sid": "OurBucket", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-app-assets/*" }
            ] }
            """, region: Region);
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR101");
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("No statement of this S3 endpoint policy allows s3:GetObject on the ECR layer bucket `arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*`", f.Message);
        Assert.NotNull(f.Fix);
    }

    [Fact]
    public void ECR101_fires_on_an_empty_statement_list() =>
        Verify("""{ "Version": "2012-10-17", {|ECR101:"Statement"|}: [] }""", kind: InputKind.S3Endpoint);

    [Fact]
    public void ECR101_names_the_Deny_that_blocks_the_layer_bucket_and_relates_it()
    {
        var result = Verify("""
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Sid": "Layers", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" },
                { "Sid": "App", "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::my-app-assets/*" },
                {
                  "Sid": {|ECR101:"OnlyOurs"|},
                  "Effect": "Deny",
                  "Principal": "*",
                  "Action": "s3:*",
                  "Resource": "*",
                  "Condition": { "StringNotEquals": { "aws:ResourceAccount": "210987654321" } }
                }
              ]
            }
            """, region: Region);
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR101");
        Assert.StartsWith("The Deny `OnlyOurs` (line 6) blocks s3:GetObject on the ECR layer bucket `arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*`", f.Message);
        Assert.Contains("`aws:ResourceAccount`", f.Message);
        Assert.Contains("F36", f.Message);
        var related = Assert.Single(f.RelatedLocations);
        Assert.Equal(f.Location.Span, related.Location.Span);
        Assert.Contains("the Deny `OnlyOurs` (line 6)", related.Message);
        Assert.Null(f.Fix);
    }

    [Fact]
    public void ECR101_blames_a_Deny_with_NotResource_that_leaves_out_the_layer_bucket() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*" },
              { "Sid": {|ECR101:"OnlyAssets"|}, "Effect": "Deny", "Principal": "*", "Action": "s3:*", "NotResource": ["arn:aws:s3:::my-app-assets", "arn:aws:s3:::my-app-assets/*"] }
            ] }
            """, kind: InputKind.S3Endpoint);

    [Fact]
    public void ECR101_is_silent_when_the_Deny_leaves_the_layer_bucket_out() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*" },
              { "Sid": "OnlyAssetsAndLayers", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                "NotResource": ["arn:aws:s3:::my-app-assets/*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"] }
            ] }
            """, kind: InputKind.S3Endpoint, region: Region, rules: ["ECR101"]);

    [Fact]
    public void ECR101_points_at_a_grant_whose_condition_pins_the_organisation()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": {|ECR101:"LayersInOurOrg"|}, "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*",
                "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }
            ] }
            """, region: Region);
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR101");
        Assert.Contains("The Allow `LayersInOurOrg` (line 2) covers the ECR layer bucket", f.Message);
        Assert.Contains("StringEquals `aws:PrincipalOrgID` (line 4) cannot hold", f.Message);
        Assert.Single(f.RelatedLocations);
    }

    [Fact]
    public void ECR101_points_at_a_grant_to_a_specific_principal() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": {|ECR101:"Layers"|}, "Effect": "Allow", "Principal": { "AWS": "210987654321" }, "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" }
            ] }
            """, region: Region);

    [Fact]
    public void ECR101_reports_what_it_cannot_prove_as_a_warning_with_the_reasons()
    {
        var result = Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": {|ECR101:"ThroughOurEndpoint"|}, "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*",
                "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-0a1b2c3d4e5f67890" } } }
            ] }
            """, region: Region, mode: LintMode.Recommended);
        var f = Assert.Single(result.Findings, f => f.RuleId == "ECR101");
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.StartsWith("EcrLint cannot prove that this S3 endpoint policy allows s3:GetObject on the ECR layer bucket", f.Message);
        Assert.Contains("the condition StringEquals `aws:SourceVpce` (line 3) of the Allow `ThroughOurEndpoint` (line 2) cannot be evaluated", f.Message);
        Assert.NotNull(f.Fix);
        Assert.Equal(Severity.Error, Findings(result.Document!.Text, "ECR101", region: Region, mode: LintMode.Strict).Single().Severity);
    }

    [Fact]
    public void ECR101_cannot_prove_with_an_unknown_operator()
    {
        var f = Assert.Single(Findings("""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "Layers", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-*-starport-layer-bucket/*",
                "Condition": { "StringEqual": { "aws:SourceVpce": "vpce-0a1b2c3d4e5f67890" } } }
            ] }
            """, "ECR101"));
        Assert.Contains("`StringEqual` is not a condition operator", f.Message);
        Assert.Contains("(of any region)", f.Message);
        Assert.Null(f.Fix);
    }

    [Theory]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", Region)]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", null)]
    [InlineData("arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*", null)]
    [InlineData("arn:aws:s3:::prod-*-starport-layer-bucket/*", Region)]
    [InlineData("arn:aws:s3:::prod-*-starport-layer-bucket/*", null)]
    [InlineData("arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*", "cn-north-1")]
    [InlineData("arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*", null)]
    [InlineData("arn:aws:s3:::*", Region)]
    public void ECR101_is_silent_when_the_layer_bucket_is_granted(string resource, string? region) =>
        VerifyNone($$"""
            { "Version": "2012-10-17", "Statement": [
              { "Sid": "Layers", "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::my-app-assets/*", "{{resource}}"] }
            ] }
            """, region: region, rules: ["ECR101"]);

    [Fact]
    public void ECR101_is_silent_on_the_full_access_default() =>
        VerifyNone("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""",
            kind: InputKind.S3Endpoint, region: Region, rules: ["ECR101"]);

    [Fact]
    public void ECR101_leaves_a_malformed_or_other_region_layer_bucket_arn_to_ECR103_and_ECR104()
    {
        const string placeholder = """{ "Statement": [ { "Sid": "Layers", "Principal": "*", "Action": [ "s3:GetObject" ], "Effect": "Allow", "Resource": [{|ECR103:"arn:aws:s3:::prod-region-starport-layer-bucket/*"|}] } ] }""";
        Verify(placeholder, rules: ["ECR101", "ECR104"]);
        Verify(placeholder, region: Region, rules: ["ECR101", "ECR104"]);
        Verify("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": {|ECR104:"arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*"|} } ] }""",
            region: Region, rules: ["ECR101", "ECR103"]);
        // With ECR103 turned off, ECR101 reports the outcome itself.
        var off = new LintContext { Region = Region, Severities = new SeverityPolicy(LintMode.Recommended, new Dictionary<string, Severity> { ["ECR103"] = Severity.None }) };
        var text = placeholder.Replace("{|ECR103:", "").Replace("|}", "");
        var findings = Linter.LintFile("p.json", System.Text.Encoding.UTF8.GetBytes(text), off).Findings;
        Assert.Contains(findings, f => f.RuleId == "ECR101");
    }

    [Fact]
    public void ECR101_fix_appends_the_layer_bucket_statement_in_the_files_style()
    {
        VerifyFix("ECR101",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Sid\": \"OurBucket\",\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"s3:GetObject\",\r\n      \"Resource\": \"arn:aws:s3:::my-app-assets/*\"\r\n    }\r\n  ]\r\n}\r\n",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    {\r\n      \"Sid\": \"OurBucket\",\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"s3:GetObject\",\r\n      \"Resource\": \"arn:aws:s3:::my-app-assets/*\"\r\n    },\r\n    {\r\n      \"Sid\": \"AllowEcrLayerDownloads\",\r\n      \"Effect\": \"Allow\",\r\n      \"Principal\": \"*\",\r\n      \"Action\": \"s3:GetObject\",\r\n      \"Resource\": \"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\"\r\n    }\r\n  ]\r\n}\r\n",
            region: Region);
        VerifyFix("ECR101",
            """{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-app-assets/*" } }""",
            """{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-app-assets/*" }, { "Sid": "AllowEcrLayerDownloads", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws-cn:s3:::prod-cn-northwest-1-starport-layer-bucket/*" }] }""",
            region: "cn-northwest-1");
    }

    [Fact]
    public void ECR101_fix_does_not_repeat_a_Sid()
    {
        VerifyFix("ECR101",
            """{ "Version": "2012-10-17", "Statement": [ { "Sid": "AllowEcrLayerDownloads", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-app-assets/*" } ] }""",
            """{ "Version": "2012-10-17", "Statement": [ { "Sid": "AllowEcrLayerDownloads", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-app-assets/*" }, { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" } ] }""",
            region: Region);
    }

    [Fact]
    public void ECR101_offers_no_fix_without_a_region_or_against_a_Deny()
    {
        Assert.Null(Assert.Single(Findings("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-app-assets/*" } ] }""", "ECR101")).Fix);
        Assert.Null(Assert.Single(Findings("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" },
              { "Sid": "NoLayers", "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-*" }
            ] }
            """, "ECR101", region: Region)).Fix);
    }

    [Fact]
    public void ECR101_applies_only_to_S3_endpoint_policies() =>
        VerifyNone("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-app-assets/*" } ] }""",
            kind: InputKind.Identity, region: Region, rules: ["ECR101"]);
}
