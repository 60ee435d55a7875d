using EcrLint.Engine;
using EcrLint.Packs.DeleteGuard;
using EcrLint.Policy;
using EcrLint.Rules;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.DeleteGuard;

public class BrokenDeleteGuardRuleTests
{
    private const string AllowAll = """{ "Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }""";
    private const string App = "arn:aws:ecr:us-east-1:210987654321:repository/team/app";

    private static string Policy(string guard) => "{ \"Version\": \"2012-10-17\", \"Statement\": [ " + AllowAll + ", " + guard + " ] }";

    [Theory]
    [InlineData("PreventDelete")]
    [InlineData("DenyDelete")]
    [InlineData("DenyRepositoryDeletion")]
    [InlineData("NoDelete")]
    [InlineData("delete-guard")]
    public void ECR302_fires_on_the_Effect_of_a_guard_that_allows(string sid)
    {
        var result = Verify(Policy($$"""{ "Sid": "{{sid}}", "Effect": {|ECR302:"Allow"|}, "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }"""), kind: InputKind.EcrEndpoint);
        Assert.Contains("\"Effect\": \"Allow\"", Assert.Single(result.Findings, f => f.RuleId == "ECR302").Message);
    }

    [Fact]
    public void ECR302_fires_on_an_unconditional_allow_of_only_DeleteRepository_to_everyone() =>
        Verify(Policy($$"""{ "Effect": {|ECR302:"Allow"|}, "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }"""), kind: InputKind.EcrEndpoint);

    [Fact]
    public void ECR302_leaves_deliberate_grants_of_deletion_alone()
    {
        VerifyNone(Policy($$"""{ "Sid": "AdminsMayDelete", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::210987654321:role/admin" }, "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }"""), rules: ["ECR302"]);
        VerifyNone(Policy($$"""{ "Sid": "AllowDelete", "Effect": "Allow", "Principal": "*", "Action": ["ecr:DeleteRepository", "ecr:CreateRepository"], "Resource": "{{App}}" }"""), rules: ["ECR302"]);
        VerifyNone(Policy("""{ "Sid": "PreventImageDelete", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchDeleteImage", "Resource": "*" }"""), rules: ["ECR302"]);
    }

    [Fact]
    public void ECR302_fix_turns_a_guard_named_as_one_into_a_Deny()
    {
        VerifyFix("ECR302",
            Policy($$"""{ "Sid": "PreventDelete", "Effect": "Allow", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }"""),
            Policy($$"""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }"""),
            kind: InputKind.EcrEndpoint);
        Assert.Null(Findings(Policy($$"""{ "Effect": "Allow", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }"""), "ECR302", kind: InputKind.EcrEndpoint).Single().Fix);
    }

    [Theory]
    [InlineData("arn:aws:s3:::my-bucket", "an ARN of `s3`")]
    [InlineData("arn:aws:ecr-public::210987654321:repository/app", "an ARN of `ecr-public`")]
    [InlineData("arn:aws:ecr:us-east-1:210987654321:team/app", "no `repository/`")]
    [InlineData("arn:aws:ecr:us-east-1:210987654321:repository", "no `repository/`")]
    [InlineData("team/app", "not an ARN")]
    public void ECR302_fires_on_a_guard_resource_that_is_not_a_repository(string resource, string problem)
    {
        var result = Verify(Policy($$"""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": ["{{App}}", {|ECR302:"{{resource}}"|}] }"""),
            kind: InputKind.EcrEndpoint);
        Assert.Contains(problem, Assert.Single(result.Findings, f => f.RuleId == "ECR302").Message);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("arn:aws:ecr:*:*:repository/*")]
    [InlineData("arn:aws:ecr:us-east-1:210987654321:*")]
    [InlineData("arn:aws:ecr:us-east-1:210987654321:repo*")]
    [InlineData("arn:aws:ecr:region:1234567890:repository/repository_name")]
    [InlineData("arn:aws:ecr:us-east-1:210987654321:repository/${aws:username}")]
    public void ECR302_accepts_repository_arns_patterns_and_leaves_malformed_fields_to_the_grammar_rules(string resource) =>
        VerifyNone(Policy($$"""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{resource}}" }"""),
            kind: InputKind.EcrEndpoint, rules: ["ECR302"]);

    [Fact]
    public void ECR302_fix_completes_a_repository_arn_when_it_is_unambiguous()
    {
        VerifyFix("ECR302",
            Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "arn:aws:ecr:us-east-1:210987654321:team/app" }"""),
            Policy($$"""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }"""),
            kind: InputKind.EcrEndpoint);
        VerifyFix("ECR302",
            Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": ["team/app"] }"""),
            Policy($$"""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": ["{{App}}"] }"""),
            kind: InputKind.EcrEndpoint, region: "us-east-1", account: "210987654321");
        Assert.Null(Findings(Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "team/app" }"""), "ECR302", kind: InputKind.EcrEndpoint, region: "us-east-1").Single().Fix);
        Assert.Null(Findings(Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "arn:aws:s3:::bucket" }"""), "ECR302", kind: InputKind.EcrEndpoint).Single().Fix);
    }

    [Fact]
    public void ECR302_tells_other_rules_which_guard_resources_it_reports()
    {
        var text = Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": ["arn:aws:ecr:us-east-1:210987654321:team/app", "arn:aws:ecr:us-east-1:210987654321:repository/team/api"] }""");
        var policy = EcrLint.Tests.Evaluation.Eval.Parse(text);
        var guard = policy.Statements[1];
        var ecr = new PolicyContext(policy, PolicyKind.EcrEndpoint, new LintContext(), new List<Finding>());
        Assert.True(DeleteGuards.IsReportedAsGuardResource(ecr, guard, guard.Resource!.Values[0]));
        Assert.False(DeleteGuards.IsReportedAsGuardResource(ecr, guard, guard.Resource!.Values[1]));
        var s3 = new PolicyContext(policy, PolicyKind.S3Endpoint, new LintContext(), new List<Finding>());
        Assert.False(DeleteGuards.IsReportedAsGuardResource(s3, guard, guard.Resource!.Values[0]));
    }

    [Fact]
    public void ECR302_fires_on_a_guard_without_Principal_and_adds_one()
    {
        Verify(Policy($$"""{ "Sid": {|ECR302:"PreventDelete"|}, "Effect": "Deny", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }"""), kind: InputKind.EcrEndpoint);
        Verify(Policy($$"""{ "Effect": {|ECR302:"Deny"|}, "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }"""), kind: InputKind.EcrEndpoint);
        VerifyFix("ECR302",
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"PreventDelete\",\n      \"Effect\": \"Deny\",\n      \"Action\": \"ecr:DeleteRepository\",\n      \"Resource\": \"*\"\n    }\n  ]\n}\n",
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"PreventDelete\",\n      \"Effect\": \"Deny\",\n      \"Action\": \"ecr:DeleteRepository\",\n      \"Resource\": \"*\",\n      \"Principal\": \"*\"\n    }\n  ]\n}\n",
            kind: InputKind.EcrEndpoint);
    }

    [Fact]
    public void ECR302_leaves_a_misspelled_action_to_ECR201_unless_ECR201_is_off()
    {
        var text = Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepositry", "Resource": "*" }""");
        VerifyNone(text, kind: InputKind.EcrEndpoint, rules: ["ECR302", "ECR301"]);

        var off = new LintContext { Severities = new SeverityPolicy(LintMode.Recommended, new Dictionary<string, Severity> { ["ECR201"] = Severity.None }) };
        var findings = Linter.LintFile("p.ecr-endpoint-policy.json", System.Text.Encoding.UTF8.GetBytes(text), off).Findings;
        var f = Assert.Single(findings, f => f.RuleId == "ECR302");
        Assert.Equal("\"ecr:DeleteRepositry\"", text.Substring(f.Location.Span.Start, f.Location.Span.Length));
        Assert.NotNull(f.Fix);
    }

    [Fact]
    public void ECR302_fires_when_a_guard_denies_a_neighbouring_action_instead()
    {
        Verify(Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": [{|ECR302:"ecr:DeleteRepositoryPolicy"|}], "Resource": "*" }"""), kind: InputKind.EcrEndpoint);
        VerifyFix("ECR302",
            Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": ["ecr:DeleteRepositoryPolicy"], "Resource": "*" }"""),
            Policy("""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": ["ecr:DeleteRepositoryPolicy", "ecr:DeleteRepository"], "Resource": "*" }"""),
            kind: InputKind.EcrEndpoint);
    }

    [Fact]
    public void ECR302_is_silent_on_a_sound_guard_and_outside_ECR_endpoint_policies()
    {
        VerifyNone(Policy($$"""{ "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "{{App}}" }"""), rules: ["ECR302"]);
        VerifyNone(Policy("""{ "Sid": "PreventDelete", "Effect": "Allow", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "arn:aws:s3:::b" }"""), kind: InputKind.S3Endpoint, rules: ["ECR302"]);
    }
}
