using System.Diagnostics;
using System.Text;
using EcrLint.Engine;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules;

/// <summary>The s3-layer-access and delete-guard rules on odd input: no exception, no fix without JSON nodes, bounded time.</summary>
public class AccessRulesRobustnessTests
{
    private static readonly string[] OddPolicies =
    {
        """{ "Statement": "x" }""",
        """{ "Statement": 5 }""",
        """{ "Statement": [1, "a", null, [], {}] }""",
        """{ "Statement": {} }""",
        """{ "Statement": [ { "Effect": ["Allow"], "Principal": 5, "Action": { "a": 1 }, "Resource": 7 } ] }""",
        """{ "Statement": [ { "Effect": "Allow", "Principal": { "AWS": 5 }, "Action": ["s3:GetObject", null], "Resource": [null, "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"] } ] }""",
        """{ "Statement": [ { "Effect": "Deny", "Principal": "*", "NotPrincipal": "*", "Action": "ecr:DeleteRepository", "NotAction": "s3:*", "Resource": "*", "NotResource": "*" } ] }""",
        """{ "Statement": [ { "Sid": 12, "Effect": "Deny", "Principal": [], "Action": "ecr:DeleteRepository", "Resource": ["", ":", "arn:", "arn:aws:ecr"] } ] }""",
        """{ "Statement": [ { "Sid": "PreventDelete", "Effect": "Allow", "Condition": "x" } ] }""",
        """{ "Statement": [ { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": [], "Resource": [], "Condition": { "StringEquals": "x", "Bool": { "k": {} }, "ForAnyValue:Null": { "k": "true" } } } ] }""",
        """{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "starport" }, { "Effect": "Deny", "Principal": { "AWS": ["*", 1] }, "Action": "*", "NotResource": ["arn:aws:s3:::prod-${aws:username}-starport-layer-bucket"] } ] }""",
        """{ "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ecr.amazonaws.com", "CanonicalUser": "x" }, "Action": "ecr:*", "Resource": "arn:aws:ecr:*:*:repository/*" } ] }""",
    };

    public static TheoryData<int, InputKind> Cases()
    {
        var data = new TheoryData<int, InputKind>();
        for (var i = 0; i < OddPolicies.Length; i++)
        {
            data.Add(i, InputKind.S3Endpoint);
            data.Add(i, InputKind.EcrEndpoint);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Odd_policies_do_not_throw(int index, InputKind kind)
    {
        foreach (var region in new[] { null, "us-east-1", "not-a-region" })
        {
            var result = Lint(OddPolicies[index], kind: kind, region: region, account: "210987654321");
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "ECR400");
        }
    }

    [Fact]
    public void Huge_policies_are_linted_quickly()
    {
        var sb = new StringBuilder("{ \"Version\": \"2012-10-17\", \"Statement\": [");
        for (var i = 0; i < 400; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append($$"""{ "Sid": "S{{i}}", "Effect": "{{(i % 7 == 0 ? "Deny" : "Allow")}}", "Principal": "*", "Action": ["s3:GetObject", "ecr:Batch*"], "Resource": ["arn:aws:s3:::bucket-{{i}}/*", "arn:aws:ecr:us-east-1:210987654321:repository/r{{i}}", "{{new string('*', 300)}}x{{i}}"], "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-{{i}}" } } }""");
        }

        sb.Append("] }");
        var watch = Stopwatch.StartNew();
        foreach (var kind in new[] { InputKind.S3Endpoint, InputKind.EcrEndpoint })
        {
            Lint(sb.ToString(), kind: kind);
            Lint(sb.ToString(), kind: kind, region: "us-east-1");
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }

    [Fact]
    public void Policies_built_without_JSON_get_findings_without_fixes()
    {
        var doc = new SourceDocument("Stack.cs", "new PolicyStatement(...)");
        var span = new TextSpan(0, 3);
        PolicyValue V(string value) => new(value, doc, span);
        PolicyValueList L(string name, params string[] values) => new(name, values.Select(V).ToList(), values.Length > 1, doc, span, span);

        PolicyDocument Policy(params PolicyStatement[] statements)
        {
            var p = new PolicyDocument(doc, span);
            p.Statements.AddRange(statements);
            return p;
        }

        PolicyStatement S(int index, string effect, string action, string resource, string? sid = null) => new(index, doc, span)
        {
            Sid = sid is null ? null : V(sid),
            EffectValue = V(effect),
            Effect = effect == "Allow" ? StatementEffect.Allow : StatementEffect.Deny,
            Principal = new PrincipalElement("Principal", true, new List<KeyValuePair<string, PolicyValueList>>(), doc, span, span),
            Action = L("Action", action),
            Resource = L("Resource", resource),
        };

        var context = new LintContext { Region = "us-east-1", Account = "210987654321", Severities = new SeverityPolicy(LintMode.Strict) };
        var s3 = Linter.LintPolicy(Policy(S(0, "Allow", "s3:*", "arn:aws:s3:::prod-region-starport-layer-bucket")), PolicyKind.S3Endpoint, context);
        Assert.Contains(s3, f => f.RuleId == "ECR103");
        Assert.Contains(s3, f => f.RuleId == "ECR102");
        Assert.All(s3, f => Assert.Null(f.Fix));

        var ecr = Linter.LintPolicy(Policy(S(0, "Allow", "*", "*"), S(1, "Allow", "ecr:DeleteRepository", "arn:aws:s3:::b", "PreventDelete")), PolicyKind.EcrEndpoint, context);
        Assert.Contains(ecr, f => f.RuleId == "ECR302");
        Assert.All(ecr, f => Assert.Null(f.Fix));
        var missing = Linter.LintPolicy(Policy(S(0, "Allow", "*", "*")), PolicyKind.EcrEndpoint, context);
        Assert.Null(Assert.Single(missing, f => f.RuleId == "ECR301").Fix);

        var unknown = Policy(S(0, "Allow", "s3:GetObject", "arn:aws:s3:::other/*"));
        unknown.HasUnknownStatements = true;
        var f101 = Assert.Single(Linter.LintPolicy(unknown, PolicyKind.S3Endpoint, context), f => f.RuleId == "ECR101");
        Assert.Contains("some statements could not be read", f101.Message);
    }
}
