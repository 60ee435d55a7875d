using EcrLint.Engine;
using EcrLint.Fixes;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.EcrActions;

public class EcrActionsRobustnessTests
{
    private static readonly string[] Pack = { "ECR201", "ECR202", "ECR203", "ECR204", "ECR205", "ECR206", "ECR207", "ECR208" };

    [Theory]
    [InlineData("""{ "Statement": "ecr:BatchGetImage" }""")]
    [InlineData("""{ "Statement": [] }""")]
    [InlineData("""{ "Statement": [ 1, null, "x", [ { "Action": "ecr:*" } ] ] }""")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Principal": 12, "Action": { "ecr": "BatchGetImage" }, "Resource": { "a": "b" } } }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": { "AWS": [ 1, null, "*" ] }, "Action": [ "ecr:GetAuthorizationToken", 3 ], "Resource": [ ] } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "" }, "NotAction": "ecr:DeleteRepository", "NotResource": "arn:aws:ecr:us-east-1:210987654321:repository/app", "Condition": "yes" } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "role", "Action": "ecr:GetAuthorizationToken", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app", "Condition": { "StringEquals": "aws:SourceVpce" } } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ecs-tasks.amazonaws.com", "Federated": "x" }, "Action": [ "ecr:GetAuthorizationToken", "ecr:BatchGetImage" ], "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app", "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": 3600 } } } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "NotAction": "ecr:GetAuthorizationToken", "Resource": "*", "NotResource": "*" } ] }""")]
    [InlineData("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:${aws:PrincipalTag/region}:210987654321:repository/${aws:username}" } ] }""")]
    [InlineData("""{ "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": [ "ecr:GetAuthorizationToken" ], "Resource": "*", "Condition": { "Null": { "aws:SourceVpce": "true" }, "StringNotEqualsIfExists": { "aws:SourceVpc": [ "vpc-1", 2 ] } } } ] }""")]
    public void Odd_policies_do_not_throw(string json)
    {
        foreach (var kind in new[] { InputKind.EcrEndpoint, InputKind.Identity, InputKind.Policy, InputKind.S3Endpoint })
        {
            var result = Lint(json, kind, region: "us-east-1", account: "210987654321");
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "ECR400");
            foreach (var f in result.Findings.Where(f => Pack.Contains(f.RuleId) && f.Fix is not null))
                TextEdits.Apply(json, f.Fix!.Edits); // Fixes apply cleanly.
        }
    }

    [Fact]
    public void Policies_built_without_JSON_get_findings_but_no_fixes()
    {
        var doc = new SourceDocument("Stack.cs", "new PolicyStatement(...)");
        var span = new TextSpan(0, 3);
        PolicyValue V(string s) => new(s, doc, span);
        PolicyValueList L(string name, params string[] values) => new(name, values.Select(V).ToList(), values.Length > 1, doc, span, span);
        var principal = new PrincipalElement("Principal", false,
            new List<KeyValuePair<string, PolicyValueList>> { new("AWS", L("AWS", "arn:aws:iam::210987654321:role/app")) }, doc, span, span);
        var policy = new PolicyDocument(doc, new TextSpan(0, doc.Text.Length)) { Version = V("2012-10-17") };
        policy.Statements.Add(new PolicyStatement(0, doc, span)
        {
            Effect = StatementEffect.Allow,
            EffectValue = V("Allow"),
            Principal = principal,
            Action = L("Action", "ecr:BatchGetImages", "ecr:batchgetimage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken", "ecr-public:*"),
            Resource = L("Resource", "arn:aws:ecr:us-east-1:210987654321:repository/app"),
        });
        policy.Statements.Add(new PolicyStatement(1, doc, span)
        {
            Effect = StatementEffect.Allow,
            EffectValue = V("Allow"),
            Principal = new PrincipalElement("Principal", false,
                new List<KeyValuePair<string, PolicyValueList>> { new("AWS", L("AWS", "arn:aws:iam::210987654321:role/ci")) }, doc, span, span),
            Action = L("Action", "ecr:BatchGetImage"),
            Resource = L("Resource", "*"),
        });

        var findings = Linter.LintPolicy(policy, PolicyKind.EcrEndpoint, Context(mode: LintMode.Strict));
        var ids = findings.Select(f => f.RuleId).Distinct().OrderBy(i => i).ToList();
        Assert.Equal(new[] { "ECR201", "ECR202", "ECR203", "ECR206", "ECR208" }, ids.Intersect(Pack));
        Assert.All(findings.Where(f => Pack.Contains(f.RuleId)), f => Assert.Null(f.Fix));
    }
}
