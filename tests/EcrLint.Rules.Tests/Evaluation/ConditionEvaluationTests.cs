using EcrLint.Evaluation;
using static EcrLint.Tests.Evaluation.Eval;

namespace EcrLint.Tests.Evaluation;

public class ConditionEvaluationTests
{
    private static readonly ContextValue Absent = ContextValue.Absent;
    private static readonly ContextValue Foreign = ContextValue.Foreign;
    private static ContextValue Of(params string[] values) => ContextValue.Of(values);

    private const Decision Yes = Decision.Allowed;
    private const Decision No = Decision.ImplicitDeny;
    private const Decision Unsure = Decision.Unknown;

    [Fact]
    public void StringEquals_and_StringNotEquals_compare_exactly()
    {
        const string eq = """{ "StringEquals": { "aws:SourceVpce": ["vpce-1", "vpce-2"] } }""";
        Assert.Equal(Yes, WithCondition(eq, ("aws:SourceVpce", Of("vpce-2"))));
        Assert.Equal(No, WithCondition(eq, ("aws:SourceVpce", Of("VPCE-2"))));
        Assert.Equal(No, WithCondition(eq, ("aws:SourceVpce", Of("vpce-*"))));
        Assert.Equal(No, WithCondition("""{ "StringEquals": { "aws:SourceVpce": "vpce-*" } }""", ("aws:SourceVpce", Of("vpce-1"))));
        const string ne = """{ "StringNotEquals": { "aws:SourceVpce": ["vpce-1", "vpce-2"] } }""";
        Assert.Equal(No, WithCondition(ne, ("aws:SourceVpce", Of("vpce-1"))));
        Assert.Equal(Yes, WithCondition(ne, ("aws:SourceVpce", Of("vpce-3"))));
    }

    [Fact]
    public void IgnoreCase_variants_ignore_case()
    {
        Assert.Equal(Yes, WithCondition("""{ "StringEqualsIgnoreCase": { "aws:PrincipalTag/team": "Platform" } }""", ("aws:PrincipalTag/team", Of("PLATFORM"))));
        Assert.Equal(No, WithCondition("""{ "StringNotEqualsIgnoreCase": { "aws:PrincipalTag/team": "Platform" } }""", ("aws:PrincipalTag/team", Of("platform"))));
    }

    [Fact]
    public void StringLike_and_StringNotLike_take_wildcards_case_sensitively()
    {
        Assert.Equal(Yes, WithCondition("""{ "StringLike": { "aws:PrincipalArn": "arn:aws:iam::*:role/ci-?" } }""", ("aws:PrincipalArn", Of("arn:aws:iam::111122223333:role/ci-1"))));
        Assert.Equal(No, WithCondition("""{ "StringLike": { "aws:PrincipalArn": "arn:aws:iam::*:role/CI-*" } }""", ("aws:PrincipalArn", Of("arn:aws:iam::111122223333:role/ci-1"))));
        Assert.Equal(No, WithCondition("""{ "StringNotLike": { "aws:PrincipalArn": "*:role/ci-*" } }""", ("aws:PrincipalArn", Of("arn:aws:iam::111122223333:role/ci-1"))));
        Assert.Equal(Yes, WithCondition("""{ "StringNotLike": { "aws:PrincipalArn": "*:role/ci-*" } }""", ("aws:PrincipalArn", Of("arn:aws:iam::111122223333:role/app"))));
    }

    [Fact]
    public void Arn_operators_compare_per_segment_with_wildcards()
    {
        const string role = "arn:aws:iam::111122223333:role/app";
        Assert.Equal(Yes, WithCondition("""{ "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/app" } }""", ("aws:PrincipalArn", Of(role))));
        Assert.Equal(Yes, WithCondition("""{ "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam::*:role/app" } }""", ("aws:PrincipalArn", Of(role))));
        Assert.Equal(Yes, WithCondition("""{ "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/*" } }""", ("aws:PrincipalArn", Of(role))));
        Assert.Equal(No, WithCondition("""{ "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::444455556666:role/*" } }""", ("aws:PrincipalArn", Of(role))));
        Assert.Equal(No, WithCondition("""{ "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam::111122223333:*" } }""", ("aws:PrincipalArn", Of(role))));
        Assert.Equal(Yes, WithCondition("""{ "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam::444455556666:*" } }""", ("aws:PrincipalArn", Of(role))));
        Assert.Equal(No, WithCondition("""{ "ArnNotEquals": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/app" } }""", ("aws:PrincipalArn", Of(role))));
    }

    [Fact]
    public void Bool_compares_without_case()
    {
        Assert.Equal(Yes, WithCondition("""{ "Bool": { "aws:SecureTransport": "true" } }""", ("aws:SecureTransport", Of("True"))));
        Assert.Equal(No, WithCondition("""{ "Bool": { "aws:SecureTransport": "true" } }""", ("aws:SecureTransport", Of("false"))));
        Assert.Equal(Yes, WithCondition("""{ "Bool": { "aws:SecureTransport": true } }""", ("aws:SecureTransport", Of("true"))));
        Assert.Equal(No, WithCondition("""{ "Bool": { "aws:SecureTransport": "true" } }""", ("aws:SecureTransport", Absent)));
    }

    [Fact]
    public void Null_tests_presence()
    {
        const string mustBeAbsent = """{ "Null": { "aws:SourceVpce": "true" } }""";
        const string mustBePresent = """{ "Null": { "aws:SourceVpce": "false" } }""";
        Assert.Equal(Yes, WithCondition(mustBeAbsent, ("aws:SourceVpce", Absent)));
        Assert.Equal(No, WithCondition(mustBeAbsent, ("aws:SourceVpce", Of("vpce-1"))));
        Assert.Equal(No, WithCondition(mustBeAbsent, ("aws:SourceVpce", Foreign)));
        Assert.Equal(Unsure, WithCondition(mustBeAbsent));
        Assert.Equal(No, WithCondition(mustBePresent, ("aws:SourceVpce", Absent)));
        Assert.Equal(Yes, WithCondition(mustBePresent, ("aws:SourceVpce", Of("vpce-1"))));
        Assert.Equal(Yes, WithCondition("""{ "Null": { "aws:SourceVpce": true } }""", ("aws:SourceVpce", Absent)));
    }

    [Fact]
    public void An_absent_key_fails_positive_operators_and_passes_negated_ones()
    {
        Assert.Equal(No, WithCondition("""{ "StringEquals": { "aws:SourceVpce": "vpce-1" } }""", ("aws:SourceVpce", Absent)));
        Assert.Equal(No, WithCondition("""{ "StringLike": { "aws:SourceVpce": "*" } }""", ("aws:SourceVpce", Absent)));
        Assert.Equal(Yes, WithCondition("""{ "StringNotEquals": { "aws:SourceVpce": "vpce-1" } }""", ("aws:SourceVpce", Absent)));
        Assert.Equal(Yes, WithCondition("""{ "ArnNotLike": { "aws:SourceArn": "arn:*" } }""", ("aws:SourceArn", Absent)));
    }

    [Fact]
    public void IfExists_passes_an_absent_key_and_tests_a_present_one()
    {
        const string cond = """{ "StringEqualsIfExists": { "aws:SourceVpce": "vpce-1" } }""";
        Assert.Equal(Yes, WithCondition(cond, ("aws:SourceVpce", Absent)));
        Assert.Equal(Yes, WithCondition(cond, ("aws:SourceVpce", Of("vpce-1"))));
        Assert.Equal(No, WithCondition(cond, ("aws:SourceVpce", Of("vpce-2"))));
        Assert.Equal(Unsure, WithCondition(cond));
        Assert.Equal(Yes, WithCondition("""{ "NumericLessThanIfExists": { "s3:max-keys": "10" } }""", ("s3:max-keys", Absent)));
    }

    [Fact]
    public void ForAllValues_asks_every_request_value_and_is_true_without_the_key()
    {
        const string cond = """{ "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] } }""";
        Assert.Equal(Yes, WithCondition(cond, ("aws:TagKeys", Absent)));
        Assert.Equal(Yes, WithCondition(cond, ("aws:TagKeys", Of())));
        Assert.Equal(Yes, WithCondition(cond, ("aws:TagKeys", Of("team", "env"))));
        Assert.Equal(No, WithCondition(cond, ("aws:TagKeys", Of("team", "owner"))));
        // Negated: no request value may be in the set.
        const string none = """{ "ForAllValues:StringNotEquals": { "aws:TagKeys": ["secret", "admin"] } }""";
        Assert.Equal(Yes, WithCondition(none, ("aws:TagKeys", Of("team", "env"))));
        Assert.Equal(No, WithCondition(none, ("aws:TagKeys", Of("team", "admin"))));
        Assert.Equal(Yes, WithCondition(none, ("aws:TagKeys", Absent)));
    }

    [Fact]
    public void ForAnyValue_asks_some_request_value_and_is_false_without_the_key()
    {
        const string cond = """{ "ForAnyValue:StringLike": { "aws:TagKeys": "team*" } }""";
        Assert.Equal(No, WithCondition(cond, ("aws:TagKeys", Absent)));
        Assert.Equal(No, WithCondition(cond, ("aws:TagKeys", Of())));
        Assert.Equal(Yes, WithCondition(cond, ("aws:TagKeys", Of("env", "team-a"))));
        Assert.Equal(No, WithCondition(cond, ("aws:TagKeys", Of("env"))));
        // Negated: some request value is outside the set.
        const string some = """{ "ForAnyValue:StringNotEquals": { "aws:TagKeys": ["team", "env"] } }""";
        Assert.Equal(Yes, WithCondition(some, ("aws:TagKeys", Of("team", "owner"))));
        Assert.Equal(No, WithCondition(some, ("aws:TagKeys", Of("team", "env"))));
        Assert.Equal(No, WithCondition(some, ("aws:TagKeys", Absent)));
        Assert.Equal(Yes, WithCondition("""{ "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": "team" } }""", ("aws:TagKeys", Absent)));
    }

    [Fact]
    public void A_foreign_value_equals_no_literal_and_matches_only_match_all_patterns()
    {
        Assert.Equal(No, WithCondition("""{ "StringEquals": { "aws:ResourceAccount": "111122223333" } }""", ("aws:ResourceAccount", Foreign)));
        Assert.Equal(Yes, WithCondition("""{ "StringNotEquals": { "aws:ResourceAccount": ["111122223333", "444455556666"] } }""", ("aws:ResourceAccount", Foreign)));
        Assert.Equal(No, WithCondition("""{ "StringLike": { "aws:PrincipalOrgID": "o-*" } }""", ("aws:PrincipalOrgID", Foreign)));
        Assert.Equal(Yes, WithCondition("""{ "StringLike": { "aws:PrincipalOrgID": "*" } }""", ("aws:PrincipalOrgID", Foreign)));
        Assert.Equal(No, WithCondition("""{ "StringEquals": { "aws:PrincipalOrgID": "*" } }""", ("aws:PrincipalOrgID", Foreign)));
        Assert.Equal(No, WithCondition("""{ "ForAnyValue:StringEquals": { "aws:PrincipalOrgID": "o-a" } }""", ("aws:PrincipalOrgID", Foreign)));
        Assert.Equal(Yes, WithCondition("""{ "ForAllValues:StringNotEquals": { "aws:PrincipalOrgID": "o-a" } }""", ("aws:PrincipalOrgID", Foreign)));
        Assert.Equal(Yes, WithCondition("""{ "Null": { "aws:PrincipalOrgID": "false" } }""", ("aws:PrincipalOrgID", Foreign)));
    }

    [Fact]
    public void A_foreign_value_against_a_policy_variable_is_unknown()
    {
        var request = Request("s3:GetObject", "arn:aws:s3:::bucket/key").With("aws:ResourceAccount", Foreign);
        var result = Run(Statements("""{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceAccount": "${aws:PrincipalAccount}" } } }"""), request);
        Assert.Equal(Unsure, result.Decision);
        Assert.Contains("policy variable", result.DescribeUnknowns());
    }

    [Fact]
    public void Unknown_context_values_are_unknown_with_the_key_in_the_reason()
    {
        var result = Run(Statements("""{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-1" } } }"""),
            Request("s3:GetObject", "arn:aws:s3:::bucket/key"));
        Assert.Equal(Unsure, result.Decision);
        Assert.Contains("the request's `aws:SourceVpce` is not known", result.DescribeUnknowns());

        var absentByDefault = new EvaluationRequest(RequestPrincipal.Anyone, "s3:GetObject", "*") { DefaultContextValue = ContextValue.Absent };
        Assert.Equal(No, Decide("""{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-1" } } }""", absentByDefault));
    }

    [Fact]
    public void Policy_variables_in_condition_values_are_unknown_only_with_the_current_version()
    {
        const string statement = """{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalTag/owner": "${aws:username}" } } }""";
        var request = Request("s3:GetObject", "*").With("aws:PrincipalTag/owner", Of("alice"));
        var result = Run(Statements(statement), request);
        Assert.Equal(Unsure, result.Decision);
        Assert.Contains("policy variable", result.DescribeUnknowns());
        Assert.Equal(No, Run(Parse("{ \"Statement\": [" + statement + "] }"), request).Decision);
        Assert.Equal(Yes, Run(Parse("{ \"Statement\": [" + statement + "] }"), Request("s3:GetObject", "*").With("aws:PrincipalTag/owner", Of("${aws:username}"))).Decision);
        // A variable inside a pattern that cannot match whatever it stands for is a certain no.
        Assert.Equal(No, Decide("""{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringLike": { "aws:PrincipalTag/owner": "team-${aws:username}" } } }""", request));
    }

    [Theory]
    [InlineData("NumericLessThan", "s3:max-keys", "10")]
    [InlineData("DateGreaterThan", "aws:CurrentTime", "2020-01-01T00:00:00Z")]
    [InlineData("IpAddress", "aws:SourceIp", "10.0.0.0/8")]
    [InlineData("BinaryEquals", "aws:SomeBinary", "QmluYXJ5")]
    public void Numeric_date_ip_and_binary_operators_are_unknown_when_the_key_has_a_value(string op, string key, string value)
    {
        var request = Request("s3:GetObject", "*").With(key, Of("x"));
        var result = Run(Statements($$"""{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "{{op}}": { "{{key}}": "{{value}}" } } }"""), request);
        Assert.Equal(Unsure, result.Decision);
        Assert.Contains(op + " is not evaluated by EcrLint", result.DescribeUnknowns());
        Assert.Equal(Unsure, WithCondition($$"""{ "{{op}}": { "{{key}}": "{{value}}" } }""", (key, Foreign)));
    }

    [Fact]
    public void Undecidable_operators_are_decided_when_the_key_is_absent()
    {
        Assert.Equal(No, WithCondition("""{ "NumericLessThan": { "s3:max-keys": "10" } }""", ("s3:max-keys", Absent)));
        Assert.Equal(No, WithCondition("""{ "DateGreaterThan": { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }""", ("aws:CurrentTime", Absent)));
        Assert.Equal(No, WithCondition("""{ "IpAddress": { "aws:SourceIp": "10.0.0.0/8" } }""", ("aws:SourceIp", Absent)));
        Assert.Equal(Yes, WithCondition("""{ "NotIpAddress": { "aws:SourceIp": "10.0.0.0/8" } }""", ("aws:SourceIp", Absent)));
        Assert.Equal(Yes, WithCondition("""{ "NumericNotEquals": { "s3:max-keys": "10" } }""", ("s3:max-keys", Absent)));
    }

    [Fact]
    public void An_unknown_operator_is_unknown_with_a_reason()
    {
        var result = Run(Statements("""
            { "Sid": "Typo", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*",
              "Condition": { "StringEqual": { "aws:SourceVpce": "vpce-1" } } }
            """), Request("s3:GetObject", "*").With("aws:SourceVpce", Of("vpce-1")));
        Assert.Equal(Unsure, result.Decision);
        var reason = Assert.Single(result.Unknowns);
        Assert.Equal("the condition StringEqual `aws:SourceVpce` (line 3) of the Allow `Typo` (line 2) cannot be evaluated: `StringEqual` is not a condition operator", reason.Reason);
    }

    [Fact]
    public void Keys_are_anded_values_are_ored_and_keys_are_case_insensitive()
    {
        const string cond = """{ "StringEquals": { "aws:SourceVpce": ["vpce-1", "vpce-2"], "AWS:PrincipalTag/Team": "a" }, "Bool": { "aws:SecureTransport": "true" } }""";
        Assert.Equal(Yes, WithCondition(cond, ("aws:sourcevpce", Of("vpce-2")), ("aws:PrincipalTag/team", Of("a")), ("aws:SecureTransport", Of("true"))));
        Assert.Equal(No, WithCondition(cond, ("aws:sourcevpce", Of("vpce-2")), ("aws:PrincipalTag/team", Of("b")), ("aws:SecureTransport", Of("true"))));
        // One false condition decides even when another is unknown.
        Assert.Equal(No, WithCondition(cond, ("aws:sourcevpce", Of("vpce-3"))));
        Assert.Equal(Unsure, WithCondition(cond, ("aws:sourcevpce", Of("vpce-1")), ("aws:SecureTransport", Of("true"))));
    }

    [Fact]
    public void The_layer_download_fails_conditions_that_pin_account_or_organisation()
    {
        foreach (var key in new[] { "aws:ResourceAccount", "s3:ResourceAccount", "aws:ResourceOrgID", "aws:PrincipalAccount", "aws:PrincipalOrgID" })
        {
            var allow = Run(Statements($$"""{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "{{key}}": "111122223333" } } }"""), LayerDownload());
            Assert.Equal(No, allow.Decision);
            var deny = Run(Statements($$"""
                { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" },
                { "Sid": "OnlyOurs", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": { "StringNotEquals": { "{{key}}": "111122223333" } } }
                """), LayerDownload());
            Assert.Equal(Decision.ExplicitDeny, deny.Decision);
            Assert.Equal("OnlyOurs", Sids(deny.DecidingStatements));
        }
    }
}
