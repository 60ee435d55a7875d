using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class ElementTypeRuleTests
{
    [Fact]
    public void ECR412_fires_on_the_wrongly_typed_value() =>
        Verify("""
            { "Version": {|ECR412:2012|}, "Id": {|ECR412:null|}, "Statement": [
              { "Sid": {|ECR412:1|}, "Effect": {|ECR412:["Allow"]|}, "Principal": "*", "Action": {|ECR412:{ "ecr": "BatchGetImage" }|}, "Resource": [ "*", {|ECR412:7|} ] },
              { "Effect": "Allow", "Principal": {|ECR412:["*"]|}, "NotAction": [ {|ECR412:["ecr:BatchGetImage"]|} ], "NotResource": {|ECR412:true|} },
              { "Effect": "Allow", "Principal": { "AWS": {|ECR412:210987654321|} }, "Action": "ecr:BatchGetImage", "Resource": "*",
                "Condition": { "StringEquals": {|ECR412:"aws:SourceVpce"|}, "Bool": { "aws:SecureTransport": true, "aws:ViaAWSService": {|ECR412:{ "x": 1 }|} },
                               "NumericLessThan": { "aws:MultiFactorAuthAge": [ 3600, {|ECR412:null|} ] } } },
              {|ECR412:"Effect: Allow"|}
            ] }
            """, kind: InputKind.EcrEndpoint);

    [Fact]
    public void ECR412_fires_on_a_statement_that_is_not_an_object_or_array() =>
        Verify("""{ "Version": "2012-10-17", "Statement": {|ECR412:"Allow everything"|} }""", kind: InputKind.EcrEndpoint);

    [Fact]
    public void ECR412_reports_a_principal_string_outside_endpoint_policies()
    {
        Verify("""{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Principal": {|ECR412:"arn:aws:iam::210987654321:root"|}, "Action": "sqs:SendMessage", "Resource": "*" } }""");
        VerifyNone("""{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Principal": "arn:aws:iam::210987654321:root", "Action": "ecr:BatchGetImage", "Resource": "*" } }""",
            kind: InputKind.EcrEndpoint, rules: ["ECR412"]);
    }

    [Fact]
    public void ECR412_is_silent_on_well_typed_policies() =>
        VerifyNone("""
            { "Version": "2012-10-17", "Id": "p", "Statement": [
              { "Sid": "A", "Effect": "Allow", "Principal": { "AWS": [ "arn:aws:iam::210987654321:root" ] }, "Action": [ "ecr:BatchGetImage" ], "Resource": "*",
                "Condition": { "Bool": { "aws:SecureTransport": true }, "NumericLessThan": { "aws:MultiFactorAuthAge": 3600 }, "StringEquals": { "aws:SourceVpce": [ "vpce-1", "vpce-2" ] } } }
            ] }
            """, kind: InputKind.EcrEndpoint, rules: ["ECR412"]);
}
