using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class RequiredElementsRuleTests
{
    [Fact]
    public void ECR404_fires_at_the_statement_brace_for_missing_elements() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              {|ECR404:{|} "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" },
              {|ECR404:{|} "Effect": "Allow", "Principal": "*", "Resource": "*" },
              {|ECR404:{|} "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage" },
              {|ECR404:{|} "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint);

    [Fact]
    public void ECR404_names_every_missing_element_in_one_finding()
    {
        var finding = Assert.Single(Findings("""{ "Statement": [ { "Sid": "Empty" } ] }""", "ECR404", kind: InputKind.S3Endpoint));
        Assert.Contains("\"Effect\", \"Action\" (or \"NotAction\"), \"Resource\" (or \"NotResource\") and \"Principal\" (or \"NotPrincipal\")", finding.Message);
    }

    [Fact]
    public void ECR404_fires_at_the_Not_key_when_both_forms_are_present() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Deny", "Principal": "*", {|ECR404:"NotPrincipal"|}: { "AWS": "arn:aws:iam::210987654321:root" },
                "Action": "ecr:DeleteRepository", {|ECR404:"NotAction"|}: "ecr:BatchGetImage",
                "Resource": "*", {|ECR404:"NotResource"|}: "arn:aws:ecr:us-east-1:210987654321:repository/app" }
            ] }
            """, kind: InputKind.EcrEndpoint);

    [Fact]
    public void ECR404_principal_is_required_in_endpoint_policies_only()
    {
        const string NoPrincipal = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" } ] }""";
        Assert.Single(Findings(NoPrincipal, "ECR404", kind: InputKind.S3Endpoint));
        VerifyNone(NoPrincipal, kind: InputKind.Identity, rules: ["ECR404"]);
        VerifyNone(NoPrincipal, rules: ["ECR404"]); // no Principal anywhere: detected as an identity policy
        VerifyNone("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*" } ] }""", rules: ["ECR404"]); // generic
    }

    [Fact]
    public void ECR404_rejects_a_principal_in_an_identity_policy() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", {|ECR404:"Principal"|}: "*", "Action": "ecr:BatchGetImage", "Resource": "*" }
            ] }
            """, kind: InputKind.Identity);

    [Fact]
    public void ECR404_fires_on_an_empty_or_missing_statement_list()
    {
        Verify("""{ "Version": "2012-10-17", "Statement": {|ECR404:[ ]|} }""", kind: InputKind.EcrEndpoint);
        Verify("""{|ECR404:{|} "Version": "2012-10-17" }""", kind: InputKind.EcrEndpoint);
    }

    [Fact]
    public void ECR404_leaves_misnamed_elements_to_ECR408() =>
        Verify("""
            { "Version": "2012-10-17", "Statement": [
              { {|ECR408:"effect"|}: "Allow", "Principal": "*", {|ECR408:"Actions"|}: [ "ecr:BatchGetImage" ], {|ECR408:"Resouce"|}: "*" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR404"]);

    [Fact]
    public void ECR404_leaves_a_misnamed_Statement_to_ECR408() =>
        Verify("""
            { "Version": "2012-10-17", {|ECR408:"Statements"|}: [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" } ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR404"]);

    [Fact]
    public void ECR404_is_silent_on_complete_statements()
    {
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/app" }, "Action": [ "ecr:BatchGetImage" ], "Resource": "*" },
              { "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::210987654321:root" }, "NotAction": "ecr:BatchGetImage", "NotResource": "*" }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR404"]);
        VerifyNone("""{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Action": "logs:CreateLogStream", "Resource": "*" } }""",
            kind: InputKind.Identity, rules: ["ECR404"]);
    }
}
