using EcrLint.Engine;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Tests.Rules.PolicyGrammar;

/// <summary>Policies a front end builds from other syntax (C#) have no JSON nodes: the rules still report, without JSON fixes.</summary>
public class CodeBuiltPolicyTests
{
    private static readonly SourceDocument Source = new("Stack.cs", "new PolicyStatement(...) // source text the front end points into");

    private static PolicyValue V(string value) => new(value, Source, new TextSpan(0, 3));

    private static PolicyValueList List(string name, params string[] values) =>
        new(name, values.Select(V).ToList(), values.Length > 1, Source, new TextSpan(0, 3), new TextSpan(0, 3));

    [Fact]
    public void Grammar_rules_report_on_code_built_policies_without_fixes()
    {
        var policy = new PolicyDocument(Source, new TextSpan(0, Source.Text.Length));
        var s = new PolicyStatement(0, Source, new TextSpan(0, 3))
        {
            Sid = V("Pull"),
            EffectValue = V("allow"),
            Effect = StatementEffect.Invalid,
            Principal = new PrincipalElement("Principal", false,
                new[] { new KeyValuePair<string, PolicyValueList>("AWS", List("AWS", "arn:aws:iam::1234567890:role/role_name")) }, Source, new TextSpan(0, 3), new TextSpan(0, 3)),
            Action = List("Action", "ecr:BatchGetImage", "ecr:BatchGetImage"),
            Resource = List("Resource", "arn:aws:ecr:region:210987654321:repository/app"),
        };
        s.Conditions.Add(new ConditionTest(V("StringEqual"), V("aws:SourceVpce"), List("aws:SourceVpce", "vpce-1")));
        policy.Statements.Add(s);
        policy.Statements.Add(new PolicyStatement(1, Source, new TextSpan(0, 3)) { Sid = V("Pull") });

        var findings = Linter.LintPolicy(policy, PolicyKind.EcrEndpoint, new LintContext { Severities = new SeverityPolicy(LintMode.Strict) });
        var ids = findings.Select(f => f.RuleId).Distinct().Order().ToList();
        Assert.Equal(new[] { "ECR401", "ECR403", "ECR404", "ECR405", "ECR406", "ECR407", "ECR410", "ECR413", "ECR414" }, ids);
        Assert.All(findings, f => Assert.Null(f.Fix));
    }

    [Fact]
    public void An_allow_guard_without_an_effect_value_is_reported_on_the_statement()
    {
        // CDK's default Effect is Allow; a front end may have no Effect expression to point at.
        var policy = new PolicyDocument(Source, new TextSpan(0, Source.Text.Length));
        policy.Statements.Add(new PolicyStatement(0, Source, new TextSpan(0, 3))
        {
            Sid = V("PreventDelete"),
            Effect = StatementEffect.Allow,
            Principal = new PrincipalElement("Principal", true, Array.Empty<KeyValuePair<string, PolicyValueList>>(), Source, new TextSpan(0, 3), new TextSpan(0, 3)),
            Action = List("Action", "ecr:DeleteRepository"),
            Resource = List("Resource", "arn:aws:ecr:us-east-1:210987654321:repository/app"),
        });

        var findings = Linter.LintPolicy(policy, PolicyKind.EcrEndpoint, new LintContext { Severities = new SeverityPolicy(LintMode.Strict) });
        var guard = Assert.Single(findings, f => f.RuleId == "ECR302");
        Assert.Equal(new TextSpan(0, 3), guard.Location.Span);
        Assert.Null(guard.Fix);
    }
}
