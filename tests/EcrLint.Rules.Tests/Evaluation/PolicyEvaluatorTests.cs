using EcrLint.Evaluation;
using static EcrLint.Tests.Evaluation.Eval;

namespace EcrLint.Tests.Evaluation;

public class PolicyEvaluatorTests
{
    private const string AllowGet = """{ "Sid": "AllowGet", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" }""";
    private const string DenyGet = """{ "Sid": "DenyGet", "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" }""";
    private static readonly EvaluationRequest GetKey = Request("s3:GetObject", "arn:aws:s3:::bucket/key");

    // ---- Decisions ----

    [Fact]
    public void An_Allow_that_matches_allows_and_decides()
    {
        var result = Run(Statements(AllowGet), GetKey);
        Assert.Equal(Decision.Allowed, result.Decision);
        Assert.True(result.IsAllowed);
        Assert.Equal("AllowGet", Sids(result.DecidingStatements));
        Assert.Empty(result.Unknowns);
    }

    [Fact]
    public void Nothing_that_matches_is_an_implicit_deny()
    {
        var result = Run(Statements(AllowGet), Request("s3:PutObject", "arn:aws:s3:::bucket/key"));
        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.True(result.IsDenied);
        Assert.Empty(result.DecidingStatements);
        Assert.Equal(Decision.ImplicitDeny, Run(Parse("""{ "Statement": [] }"""), GetKey).Decision);
        Assert.Equal(Decision.ImplicitDeny, Run(Parse("""{ "Version": "2012-10-17" }"""), GetKey).Decision);
    }

    [Fact]
    public void An_explicit_Deny_decides_alone()
    {
        var result = Run(Statements(DenyGet), GetKey);
        Assert.Equal(Decision.ExplicitDeny, result.Decision);
        Assert.Equal("DenyGet", Sids(result.DecidingStatements));
    }

    [Fact]
    public void Deny_overrides_Allow_in_any_order()
    {
        foreach (var statements in new[] { AllowGet + "," + DenyGet, DenyGet + "," + AllowGet })
        {
            var result = Run(Statements(statements), GetKey);
            Assert.Equal(Decision.ExplicitDeny, result.Decision);
            Assert.Equal("DenyGet", Sids(result.DecidingStatements));
            Assert.Empty(result.Unknowns);
        }
    }

    [Fact]
    public void Every_matching_statement_of_the_deciding_effect_is_listed()
    {
        var result = Run(Statements(AllowGet + """, { "Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }"""), GetKey);
        Assert.Equal(Decision.Allowed, result.Decision);
        Assert.Equal("AllowGet,AllowAll", Sids(result.DecidingStatements));
        var denies = Run(Statements(DenyGet + """, { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*" }"""), GetKey);
        Assert.Equal("DenyGet,#2", Sids(denies.DecidingStatements));
    }

    [Fact]
    public void An_unsure_Allow_makes_the_decision_Unknown_with_its_reasons()
    {
        var policy = Statements("""
            { "Sid": "OnlyOurVpce", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*",
              "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } } }
            """);
        var result = Run(policy, GetKey);
        Assert.Equal(Decision.Unknown, result.Decision);
        Assert.Equal("OnlyOurVpce", Sids(result.DecidingStatements));
        var reason = Assert.Single(result.Unknowns);
        Assert.Same(result.DecidingStatements[0], reason.Statement);
        Assert.Equal("aws:SourceVpce", reason.At!.Value);
        Assert.Contains("StringEquals `aws:SourceVpce` (line 3)", reason.Reason);
        Assert.Contains("the Allow `OnlyOurVpce` (line 2)", reason.Reason);
        Assert.Contains("is not known", reason.Reason);
        Assert.Equal(reason.Reason, result.DescribeUnknowns());
    }

    [Fact]
    public void Many_reasons_can_be_summarised()
    {
        var statements = string.Join(",", Enumerable.Range(1, 5).Select(i => $$"""{ "Sid": "S{{i}}", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-{{i}}" } } }"""));
        var result = Run(Statements(statements), GetKey);
        Assert.Equal(5, result.Unknowns.Count);
        Assert.Equal(5, result.DescribeUnknowns().Split("; ").Length);
        var summary = result.DescribeUnknowns(2);
        Assert.EndsWith("; and 3 more", summary);
        Assert.Contains("`S1`", summary);
        Assert.DoesNotContain("`S3`", summary);
    }

    [Fact]
    public void An_unsure_Deny_makes_an_Allow_Unknown_but_not_an_implicit_deny()
    {
        const string maybeDeny = """{ "Sid": "MaybeDeny", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": { "StringNotEquals": { "aws:SourceVpc": "vpc-1" } } }""";
        var result = Run(Statements(AllowGet + "," + maybeDeny), GetKey);
        Assert.Equal(Decision.Unknown, result.Decision);
        Assert.Equal("MaybeDeny", Sids(result.DecidingStatements));
        Assert.All(result.Unknowns, u => Assert.Equal("MaybeDeny", u.Statement.Sid!.Value));

        Assert.Equal(Decision.ImplicitDeny, Run(Statements(maybeDeny), GetKey).Decision);
    }

    [Fact]
    public void A_certain_Deny_wins_over_unsure_statements_and_reports_no_unknowns()
    {
        const string maybeAllow = """{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceVpc": "vpc-1" } } }""";
        var result = Run(Statements(maybeAllow + "," + DenyGet), GetKey);
        Assert.Equal(Decision.ExplicitDeny, result.Decision);
        Assert.Empty(result.Unknowns);
    }

    [Fact]
    public void A_policy_with_unreadable_statements_cannot_prove_a_deny()
    {
        var policy = Statements(AllowGet);
        policy.HasUnknownStatements = true;
        Assert.Equal(Decision.Unknown, Run(policy, Request("s3:PutObject", "arn:aws:s3:::bucket/key")).Decision);
        Assert.Equal(Decision.Allowed, Run(policy, GetKey).Decision);
    }

    [Fact]
    public void Statements_that_cannot_be_evaluated_are_skipped()
    {
        Assert.Equal(Decision.ImplicitDeny, Decide("""{ "Effect": "allow", "Principal": "*", "Action": "*", "Resource": "*" }""", GetKey));
        Assert.Equal(Decision.ImplicitDeny, Decide("""{ "Principal": "*", "Action": "*", "Resource": "*" }""", GetKey));
        Assert.Equal(Decision.ImplicitDeny, Decide("""{ "Effect": "Allow", "Principal": "*", "Action": "*", "NotAction": "s3:PutObject", "Resource": "*" }""", GetKey));
        Assert.Equal(Decision.ImplicitDeny, Decide("""{ "Effect": "Allow", "Principal": "*", "Resource": "*" }""", GetKey));
    }

    // ---- Actions ----

    [Theory]
    [InlineData("s3:GetObject", true)]
    [InlineData("S3:getobject", true)]
    [InlineData("s3:Get*", true)]
    [InlineData("s3:*", true)]
    [InlineData("*", true)]
    [InlineData("s3:?etObject", true)]
    [InlineData("s3:GET?BJECT", true)]
    [InlineData("s3:Put*", false)]
    [InlineData("s3:GetObjectAcl", false)]
    [InlineData("ecr:GetObject", false)]
    public void Actions_match_case_insensitively_with_wildcards(string action, bool allowed) =>
        Assert.Equal(allowed ? Decision.Allowed : Decision.ImplicitDeny,
            Decide($$"""{ "Effect": "Allow", "Principal": "*", "Action": ["s3:ListBucket", "{{action}}"], "Resource": "*" }""", GetKey));

    [Fact]
    public void NotAction_matches_every_other_action()
    {
        Assert.Equal(Decision.Allowed, Decide("""{ "Effect": "Allow", "Principal": "*", "NotAction": "s3:PutObject", "Resource": "*" }""", GetKey));
        Assert.Equal(Decision.ImplicitDeny, Decide("""{ "Effect": "Allow", "Principal": "*", "NotAction": ["s3:Put*", "s3:get*"], "Resource": "*" }""", GetKey));
        Assert.Equal(Decision.ExplicitDeny, Decide("""
            { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" },
            { "Effect": "Deny", "Principal": "*", "NotAction": "s3:ListBucket", "Resource": "*" }
            """, GetKey));
    }

    // ---- Resources ----

    [Theory]
    [InlineData("*", Decision.Allowed)]
    [InlineData("arn:aws:s3:::bucket/key", Decision.Allowed)]
    [InlineData("arn:aws:s3:::bucket/*", Decision.Allowed)]
    [InlineData("arn:aws:s3:::buck?t/k?y", Decision.Allowed)]
    [InlineData("arn:aws:s3:::*", Decision.Allowed)]
    [InlineData("arn:*:s3:::bucket/key", Decision.Allowed)]
    [InlineData("arn:aws:s3:::Bucket/key", Decision.ImplicitDeny)]
    [InlineData("arn:aws:s3:::bucket/KEY", Decision.ImplicitDeny)]
    [InlineData("arn:aws:s3:::bucket", Decision.ImplicitDeny)]
    [InlineData("arn:aws-cn:s3:::bucket/key", Decision.ImplicitDeny)]
    [InlineData("bucket/key", Decision.ImplicitDeny)]
    public void Resources_match_case_sensitively_with_wildcards(string resource, Decision expected) =>
        Assert.Equal(expected, Decide($$"""{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "{{resource}}" }""", GetKey));

    [Theory]
    [InlineData("arn:aws:ecr:*:111122223333:repository/*", true)]
    [InlineData("arn:aws:ecr:us-east-?:111122223333:repository/team/*", true)]
    [InlineData("arn:aws:*:us-east-1:111122223333:repository/team/app", true)]
    [InlineData("arn:aws:ecr:us-west-2:111122223333:repository/*", false)]
    [InlineData("arn:aws:ecr:*:444455556666:repository/*", false)]
    [InlineData("arn:aws:ecr:us-east-1:111122223333:repository/team", false)]
    public void Resource_wildcards_work_per_arn_segment(string pattern, bool matches)
    {
        var request = Request("ecr:DeleteRepository", "arn:aws:ecr:us-east-1:111122223333:repository/team/app");
        Assert.Equal(matches ? Truth.True : Truth.False, PolicyEvaluator.ResourcePatternMatches(pattern, request.Resource));
        Assert.Equal(matches ? Decision.Allowed : Decision.ImplicitDeny,
            Decide($$"""{ "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "{{pattern}}" }""", request));
    }

    [Fact]
    public void A_wildcard_in_one_segment_does_not_swallow_the_colons_of_the_next()
    {
        // As one string, `*` would eat "us-east-1:444455556666"; per segment the account differs.
        Assert.Equal(Truth.False, PolicyEvaluator.ResourcePatternMatches(
            "arn:aws:ecr:*:111122223333:repository/app", "arn:aws:ecr:us-east-1:444455556666:111122223333:repository/app"));
        // The resource part keeps its colons.
        Assert.Equal(Truth.True, PolicyEvaluator.ResourcePatternMatches("arn:aws:logs:*:*:log-group:*", "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:x"));
    }

    [Theory]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", Decision.Allowed)]
    [InlineData("arn:aws:s3:::prod-*-starport-layer-bucket/*", Decision.Allowed)]
    [InlineData("arn:aws:s3:::*", Decision.Allowed)]
    [InlineData("arn:aws:s3:::*/*", Decision.Allowed)]
    [InlineData("*", Decision.Allowed)]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/?*", Decision.Allowed)]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket", Decision.ImplicitDeny)]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/", Decision.ImplicitDeny)]
    [InlineData("arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*", Decision.ImplicitDeny)]
    [InlineData("arn:aws:s3:::prod-region-starport-layer-bucket/*", Decision.ImplicitDeny)]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/sha256/*", Decision.Unknown)]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/sha256/0123", Decision.Unknown)]
    [InlineData("arn:aws:s3:::prod-us-east-1-starport-layer-bucket-old/*", Decision.ImplicitDeny)]
    public void A_prefix_request_matches_only_patterns_that_cover_every_key(string resource, Decision expected)
    {
        var result = Run(Statements($$"""{ "Sid": "Layers", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "{{resource}}" }"""), LayerDownload());
        Assert.Equal(expected, result.Decision);
        if (expected == Decision.Unknown)
            Assert.Contains("may or may not cover `" + Bucket + "…`", Assert.Single(result.Unknowns).Reason);
    }

    [Fact]
    public void NotResource_excludes_what_it_names()
    {
        Assert.Equal(Decision.ImplicitDeny, Decide("""{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::prod-*-starport-layer-bucket/*" }""", LayerDownload()));
        Assert.Equal(Decision.Allowed, Decide("""{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "NotResource": ["arn:aws:s3:::secret/*"] }""", LayerDownload()));
        Assert.Equal(Decision.Unknown, Decide("""{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/secret/*" }""", LayerDownload()));
        Assert.Equal(Decision.ExplicitDeny, Decide("""
            { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" },
            { "Sid": "OnlyLayers", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "NotResource": "arn:aws:s3:::my-bucket/*" }
            """, LayerDownload()));
    }

    [Fact]
    public void Policy_variables_in_resources_are_unknown_with_Version_and_literal_without()
    {
        var request = Request("s3:GetObject", "arn:aws:s3:::home/alice/notes");
        const string statement = """{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*" }""";
        Assert.Equal(Decision.Unknown, Decide(statement, request));
        Assert.Equal(Decision.ImplicitDeny, Run(Parse("{ \"Statement\": [" + statement + "] }"), request).Decision);
        Assert.Equal(Decision.ImplicitDeny, Decide(statement, Request("s3:GetObject", "arn:aws:s3:::other/alice/notes")));
        // ${*} is an escaped literal star, not a variable.
        Assert.Equal(Decision.Allowed, Decide("""{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${*}" }""", Request("s3:GetObject", "arn:aws:s3:::home/x")));
    }

    // ---- Principals ----

    public static TheoryData<string, string, bool> PrincipalCases() => new()
    {
        { "\"*\"", "anyone", true },
        { "\"*\"", "aws-owned", true },
        { "\"*\"", "role", true },
        { "{ \"AWS\": \"*\" }", "anyone", true },
        { "{ \"AWS\": [\"*\"] }", "aws-owned", true },
        { "{ \"AWS\": \"111122223333\" }", "role", true },
        { "{ \"AWS\": \"111122223333\" }", "other-role", false },
        { "{ \"AWS\": \"111122223333\" }", "anyone", false },
        { "{ \"AWS\": \"111122223333\" }", "aws-owned", false },
        { "{ \"AWS\": \"arn:aws:iam::111122223333:root\" }", "role", true },
        { "{ \"AWS\": \"arn:aws:iam::111122223333:root\" }", "other-role", false },
        { "{ \"AWS\": \"arn:aws:iam::111122223333:role/app\" }", "role", true },
        { "{ \"AWS\": \"arn:aws:iam::111122223333:role/other\" }", "role", false },
        { "{ \"AWS\": [\"arn:aws:iam::444455556666:role/x\", \"arn:aws:iam::111122223333:role/app\"] }", "role", true },
        { "{ \"Service\": \"ecr.amazonaws.com\" }", "service", true },
        { "{ \"Service\": \"ecr.amazonaws.com\" }", "anyone", false },
        { "{ \"AWS\": \"arn:aws:iam::111122223333:role/app\" }", "service", false },
    };

    private static RequestPrincipal Who(string who) => who switch
    {
        "anyone" => RequestPrincipal.Anyone,
        "aws-owned" => RequestPrincipal.AwsOwned,
        "role" => RequestPrincipal.Arn("arn:aws:iam::111122223333:role/app"),
        "other-role" => RequestPrincipal.Arn("arn:aws:iam::444455556666:role/app"),
        _ => RequestPrincipal.Service("ecr.amazonaws.com"),
    };

    [Theory]
    [MemberData(nameof(PrincipalCases))]
    public void Principal_matches(string principal, string who, bool matches)
    {
        var request = Request("ecr:BatchGetImage", "*", Who(who));
        Assert.Equal(matches ? Decision.Allowed : Decision.ImplicitDeny,
            Decide($$"""{ "Effect": "Allow", "Principal": {{principal}}, "Action": "ecr:*", "Resource": "*" }""", request));
    }

    [Theory]
    [MemberData(nameof(PrincipalCases))]
    public void NotPrincipal_matches_everyone_else(string principal, string who, bool excluded)
    {
        var request = Request("ecr:DeleteRepository", "*", Who(who));
        Assert.Equal(excluded ? Decision.Allowed : Decision.ExplicitDeny, Decide($$"""
            { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" },
            { "Sid": "OnlyThem", "Effect": "Deny", "NotPrincipal": {{principal}}, "Action": "ecr:DeleteRepository", "Resource": "*" }
            """, request));
    }

    [Fact]
    public void A_principal_that_cannot_be_read_is_unknown()
    {
        var result = Run(Statements("""{ "Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": "*", "Resource": "*" }"""), GetKey);
        Assert.Equal(Decision.Unknown, result.Decision);
        Assert.Contains("the Principal of the Allow #1 (line 2) cannot be read", result.DescribeUnknowns());
    }

    [Fact]
    public void A_statement_without_Principal_applies_to_its_holder()
    {
        Assert.Equal(Decision.Allowed, Decide("""{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }""", GetKey));
    }

    [Fact]
    public void Non_literal_values_are_unknown()
    {
        var result = Run(Statements("""{ "Sid": "Odd", "Effect": "Allow", "Principal": "*", "Action": ["s3:PutObject", 7], "Resource": "*" }"""), GetKey);
        Assert.Equal(Decision.Unknown, result.Decision);
        Assert.Contains("an action of the Allow `Odd` (line 2) is not a literal", result.DescribeUnknowns());
        result = Run(Statements("""{ "Sid": "Odd", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": [{ "Ref": "B" }] }"""), GetKey);
        Assert.Equal(Decision.Unknown, result.Decision);
        Assert.Contains("a resource of the Allow `Odd` (line 2) is not a literal", result.DescribeUnknowns());
        Assert.Equal(Decision.Allowed, Decide("""{ "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", 7], "Resource": "*" }""", GetKey));
    }
}
