using EcrLint.Engine;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Text;

namespace EcrLint.Tests.Policy;

public class PolicyKindDetectorTests
{
    private static PolicyKind Detect(string json)
    {
        var doc = new SourceDocument("p.json", json);
        return PolicyKindDetector.Detect(PolicyBinder.Bind((JsonObject)JsonParser.Parse(doc).Root!));
    }

    [Theory]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" } ] }""", PolicyKind.S3Endpoint)]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": ["ecr:BatchGetImage", "s3:GetObject"], "Resource": "*" } ] }""", PolicyKind.EcrEndpoint)]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "arn:aws:ecr:us-east-1:210987654321:repository/app" } ] }""", PolicyKind.EcrEndpoint)]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""", PolicyKind.Generic)]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }""", PolicyKind.Identity)]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetAuthorizationToken"], "Resource": "*" } ] }""", PolicyKind.Identity)]
    [InlineData("""{ "Statement": [ { "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" } ] }""", PolicyKind.Generic)]
    public void Kind_from_content(string json, PolicyKind expected) => Assert.Equal(expected, Detect(json));
}
