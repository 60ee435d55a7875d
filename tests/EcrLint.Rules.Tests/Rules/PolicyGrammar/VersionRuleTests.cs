using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class VersionRuleTests
{
    [Fact]
    public void ECR401_fires_on_the_Statement_key_when_Version_is_missing() =>
        Verify("""
            { {|ECR401:"Statement"|}: [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" } ] }
            """);

    [Fact]
    public void ECR401_is_silent_with_a_Version() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" } ] }
            """, rules: ["ECR401", "ECR402"]);

    [Fact]
    public void ECR401_fix_adds_the_version_first_in_the_documents_style()
    {
        VerifyFix("ECR401",
            "{\r\n  \"Statement\": [\r\n    { \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"ecr:DeleteRepository\", \"Resource\": \"*\" }\r\n  ]\r\n}\r\n",
            "{\r\n  \"Version\": \"2012-10-17\",\r\n  \"Statement\": [\r\n    { \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"ecr:DeleteRepository\", \"Resource\": \"*\" }\r\n  ]\r\n}\r\n");
        VerifyFix("ECR401",
            """{ "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" } ] }""",
            """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" } ] }""");
    }

    [Fact]
    public void ECR402_fires_on_the_value_with_a_variable()
    {
        Verify("""
            {
              "Statement": [
                { "Effect": "Allow", "Action": "s3:GetObject", "Resource": {|ECR402:"arn:aws:s3:::home/${aws:username}/*"|} }
              ]
            }
            """, kind: EcrLint.Engine.InputKind.Identity, rules: ["ECR401"]);
        Verify("""
            { "Version": "2008-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": { "StringEquals": { "aws:PrincipalTag/team": {|ECR402:"${aws:username}"|} } } } ] }
            """, kind: EcrLint.Engine.InputKind.Identity);
    }

    [Fact]
    public void ECR402_ignores_escapes_and_current_version()
    {
        VerifyNone("""
            { "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${*}" } ] }
            """, kind: EcrLint.Engine.InputKind.Identity, rules: ["ECR402"]);
        VerifyNone("""
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*" } ] }
            """, kind: EcrLint.Engine.InputKind.Identity, rules: ["ECR402"]);
    }

    [Fact]
    public void ECR402_fix_corrects_an_old_version() =>
        VerifyFix("ECR402",
            """{ "Version": "2008-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*" } ] }""",
            """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*" } ] }""",
            kind: EcrLint.Engine.InputKind.Identity);

    [Fact]
    public void A_Version_of_the_wrong_type_is_ECR412_and_never_gets_a_second_Version()
    {
        Verify("""
            { "Version": {|ECR412:2012|}, "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
            """, kind: EcrLint.Engine.InputKind.Identity, rules: ["ECR401"]);
        var variable = Assert.Single(Findings("""
            { "Version": [ "2012-10-17" ], "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*" } ] }
            """, "ECR402", kind: EcrLint.Engine.InputKind.Identity));
        Assert.Null(variable.Fix);
        Assert.Contains("\"Version\" is not a string", variable.Message);
    }
}
