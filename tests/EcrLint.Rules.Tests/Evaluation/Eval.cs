using EcrLint.Evaluation;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Text;

namespace EcrLint.Tests.Evaluation;

/// <summary>Builds policies from JSON text and evaluates them.</summary>
internal static class Eval
{
    public const string Bucket = "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/";

    public static PolicyDocument Parse(string json)
    {
        var doc = new SourceDocument("policy.json", json);
        var parsed = JsonParser.Parse(doc);
        Assert.Null(parsed.Error);
        return PolicyBinder.Bind((JsonObject)parsed.Root!);
    }

    /// <summary>A policy with Version 2012-10-17 and these statements (JSON objects, comma-separated).</summary>
    public static PolicyDocument Statements(string statements) =>
        Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [\n" + statements + "\n] }");

    public static EvaluationRequest Request(string action, string resource, RequestPrincipal? principal = null, bool prefix = false) =>
        new(principal ?? RequestPrincipal.Anyone, action, resource) { ResourceIsPrefix = prefix };

    /// <summary>The ECR presigned layer download: AWS-owned, any key under the us-east-1 layer bucket, F36 keys foreign.</summary>
    public static EvaluationRequest LayerDownload()
    {
        var r = Request("s3:GetObject", Bucket, RequestPrincipal.AwsOwned, prefix: true);
        foreach (var key in new[] { "aws:ResourceAccount", "s3:ResourceAccount", "aws:ResourceOrgID", "aws:PrincipalAccount", "aws:PrincipalOrgID" })
            r.With(key, ContextValue.Foreign);
        return r;
    }

    public static EvaluationResult Run(PolicyDocument policy, EvaluationRequest request) => PolicyEvaluator.Evaluate(policy, request);

    public static Decision Decide(string statements, EvaluationRequest request) => Run(Statements(statements), request).Decision;

    /// <summary>Evaluates one Allow-everything statement with this Condition block for a request with the given context.</summary>
    public static Decision WithCondition(string condition, params (string Key, ContextValue Value)[] context)
    {
        var request = Request("s3:GetObject", "arn:aws:s3:::bucket/key");
        foreach (var (key, value) in context) request.With(key, value);
        return Decide($$"""{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {{condition}} }""", request);
    }

    public static string Sids(IEnumerable<PolicyStatement> statements) => string.Join(",", statements.Select(s => s.Sid?.Value ?? "#" + (s.Index + 1)));
}
