using System.Text;
using CsCheck;
using EcrLint.Evaluation;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Text;

namespace EcrLint.Tests.Properties;

/// <summary>
/// The evaluator keeps IAM's invariants on random policies made of the elements endpoint policies use: an explicit
/// Deny always wins, an added Allow never takes access away, an added Deny never gives any.
/// </summary>
public class EvaluatorProperties
{
    private static readonly Gen<string> Statement = Gen.Select(
            Gen.OneOfConst("Allow", "Deny"),
            Gen.OneOfConst("\"*\"", "{\"AWS\": \"*\"}", "{\"AWS\": \"arn:aws:iam::111122223333:role/app\"}", "{\"AWS\": \"111122223333\"}", null),
            Gen.Bool,
            Gen.OneOfConst("ecr:*", "ecr:Get*", "ecr:BatchGetImage", "ecr:GetAuthorizationToken", "ecr:DeleteRepository", "ecr:Delete*", "s3:GetObject", "*", "ecr:?atchGetImage").Array[1, 3],
            Gen.Bool,
            Gen.OneOfConst("*", "arn:aws:ecr:us-east-1:111122223333:repository/app", "arn:aws:ecr:*:*:repository/*", "arn:aws:ecr:us-east-1:111122223333:repository/a*",
                "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", "arn:aws:ecr:us-east-1:111122223333:repository/${aws:username}").Array[1, 3],
            Gen.OneOfConst(null, "{\"StringEquals\": {\"aws:SourceVpce\": \"vpce-1\"}}", "{\"StringNotEquals\": {\"aws:SourceVpce\": \"vpce-1\"}}",
                "{\"Bool\": {\"aws:SecureTransport\": \"true\"}}", "{\"StringLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/app\"}}", "{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"3600\"}}"))
        .Select((effect, principal, notAction, actions, notResource, resources, condition) =>
        {
            var sb = new StringBuilder("{\"Effect\": \"").Append(effect).Append('"');
            if (principal is not null) sb.Append(", \"Principal\": ").Append(principal);
            sb.Append(notAction ? ", \"NotAction\": " : ", \"Action\": ").Append(List(actions));
            sb.Append(notResource ? ", \"NotResource\": " : ", \"Resource\": ").Append(List(resources));
            if (condition is not null) sb.Append(", \"Condition\": ").Append(condition);
            return sb.Append('}').ToString();
        });

    private static readonly Gen<EvaluationRequest> Request = Gen.Select(
            Gen.OneOfConst(RequestPrincipal.Anyone, RequestPrincipal.AwsOwned, RequestPrincipal.Arn("arn:aws:iam::111122223333:role/app"), RequestPrincipal.Arn("arn:aws:iam::444455556666:role/other")),
            Gen.OneOfConst("ecr:BatchGetImage", "ecr:GetAuthorizationToken", "ecr:DeleteRepository", "s3:GetObject", "ecr:PutImage"),
            Gen.OneOfConst("arn:aws:ecr:us-east-1:111122223333:repository/app", "arn:aws:ecr:eu-west-1:111122223333:repository/abc", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/x", "*"),
            Gen.OneOfConst(null, "vpce-1", "vpce-2"),
            Gen.Bool)
        .Select((principal, action, resource, vpce, secure) =>
        {
            var request = new EvaluationRequest(principal, action, resource);
            if (vpce is not null) request.With("aws:SourceVpce", ContextValue.Of(vpce));
            request.With("aws:SecureTransport", ContextValue.Of(secure ? "true" : "false"));
            return request;
        });

    private static readonly Gen<string[]> Statements = Statement.Array[0, 5];

    [Fact]
    public void An_explicit_deny_always_wins() =>
        Gen.Select(Statements, Request).Sample((statements, request) =>
        {
            var policy = Policy(statements);
            var result = PolicyEvaluator.Evaluate(policy, request);
            var matchingDeny = policy.Statements.Any(s => s.IsEvaluable && s.Effect == StatementEffect.Deny && PolicyEvaluator.Matches(s, request, policy.HasCurrentVersion) == Truth.True);
            Assert.Equal(matchingDeny, result.Decision == Decision.ExplicitDeny);
            if (matchingDeny) Assert.All(result.DecidingStatements, s => Assert.Equal(StatementEffect.Deny, s.Effect));
        }, iter: 5_000);

    [Fact]
    public void Adding_an_allow_never_removes_access() =>
        Gen.Select(Statements, Statement, Request).Sample((statements, extra, request) =>
        {
            var allow = extra.Replace("\"Effect\": \"Deny\"", "\"Effect\": \"Allow\"");
            var before = PolicyEvaluator.Evaluate(Policy(statements), request);
            var after = PolicyEvaluator.Evaluate(Policy(statements.Append(allow)), request);
            if (before.IsAllowed) Assert.True(after.IsAllowed);
            if (before.Decision == Decision.ExplicitDeny) Assert.Equal(Decision.ExplicitDeny, after.Decision);
        }, iter: 5_000);

    [Fact]
    public void Adding_a_deny_never_adds_access() =>
        Gen.Select(Statements, Statement, Request).Sample((statements, extra, request) =>
        {
            var deny = extra.Replace("\"Effect\": \"Allow\"", "\"Effect\": \"Deny\"");
            var before = PolicyEvaluator.Evaluate(Policy(statements), request);
            var after = PolicyEvaluator.Evaluate(Policy(statements.Append(deny)), request);
            if (!before.IsAllowed) Assert.False(after.IsAllowed);
            if (before.IsDenied) Assert.True(after.IsDenied);
        }, iter: 5_000);

    private static string List(string[] values) => "[" + string.Join(", ", values.Select(v => "\"" + v + "\"")) + "]";

    private static PolicyDocument Policy(IEnumerable<string> statements)
    {
        var text = "{\"Version\": \"2012-10-17\", \"Statement\": [" + string.Join(", ", statements) + "]}";
        var parsed = JsonParser.Parse(new SourceDocument("p.json", text));
        return PolicyBinder.Bind((JsonObject)parsed.Root!);
    }
}
