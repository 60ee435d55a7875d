using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.S3LayerAccess;

public class LayerBucketGrantRuleTests
{
    private const string Layers = "\"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\"";

    [Theory]
    [InlineData("s3:*")]
    [InlineData("s3:Get*")]
    [InlineData("s3:PutObject")]
    [InlineData("s3:GetObject*")]
    [InlineData("*")]
    public void ECR102_fires_on_each_action_beyond_GetObject(string action) =>
        Verify($$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", {|ECR102:"{{action}}"|}], "Resource": {{Layers}} } ] }""",
            kind: InputKind.S3Endpoint);

    [Fact]
    public void ECR102_names_what_is_granted()
    {
        var f = Assert.Single(Findings($$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": {{Layers}} } ] }""", "ECR102"));
        Assert.StartsWith("`s3:PutObject` grants `s3:PutObject` on the ECR layer bucket", f.Message);
        Assert.Contains("narrow Action to \"s3:GetObject\"", f.Message);
    }

    [Theory]
    [InlineData("\"s3:GetObject\"")]
    [InlineData("[\"s3:getobject\"]")]
    [InlineData("\"s3:GetObjec?\"")]
    public void ECR102_is_silent_on_GetObject_alone(string action) =>
        VerifyNone($$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": {{action}}, "Resource": {{Layers}} } ] }""", rules: ["ECR102"]);

    [Fact]
    public void ECR102_is_silent_on_statements_that_do_not_name_the_layer_bucket_or_deny() =>
        VerifyNone($$"""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": {{Layers}} },
              { "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::my-app-assets/*" },
              { "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": {{Layers}} }
            ] }
            """, rules: ["ECR102"]);

    [Fact]
    public void ECR102_fires_on_NotAction() =>
        Verify($$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", {|ECR102:"NotAction"|}: "s3:DeleteObject", "Resource": {{Layers}} } ] }""",
            kind: InputKind.S3Endpoint);

    [Fact]
    public void ECR102_fix_narrows_Action_when_the_statement_is_only_for_the_layer_bucket()
    {
        VerifyFix("ECR102",
            $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": {{Layers}} } ] }""",
            $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": {{Layers}} } ] }""");
        VerifyFix("ECR102",
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": \"*\",\n      \"Action\": [\n        \"s3:GetObject\",\n        \"s3:PutObject\",\n        \"s3:ListBucket\"\n      ],\n      \"Resource\": [\"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\", \"arn:aws:s3:::prod-us-east-1-starport-layer-bucket\"]\n    }\n  ]\n}\n",
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": \"*\",\n      \"Action\": [\"s3:GetObject\"],\n      \"Resource\": [\"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*\", \"arn:aws:s3:::prod-us-east-1-starport-layer-bucket\"]\n    }\n  ]\n}\n");
        VerifyFix("ECR102",
            $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": [ "s3:Get*" ], "Resource": {{Layers}} } ] }""",
            $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": [ "s3:GetObject" ], "Resource": {{Layers}} } ] }""");
    }

    [Fact]
    public void ECR102_offers_no_fix_when_the_statement_also_grants_other_buckets()
    {
        var f = Assert.Single(Findings($$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": [{{Layers}}, "arn:aws:s3:::my-app-assets/*"] } ] }""", "ECR102"));
        Assert.Null(f.Fix);
        Assert.Contains("a statement of its own", f.Message);
    }
}
