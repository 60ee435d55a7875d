using System.Text;
using EcrLint.Engine;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.PolicyGrammar;

public class PolicySizeRuleTests
{
    /// <summary>An endpoint policy of exactly <paramref name="length"/> characters (padding whitespace inside the root object).</summary>
    private static string PolicyOfLength(int length, string newLine = "\n")
    {
        var body = "\"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\", \"Resource\": \"*\" } ]";
        var sb = new StringBuilder("{").Append(body);
        while (sb.Length < length - 1) sb.Append(sb.Length % 80 == 0 ? newLine : " ");
        sb.Length = length - 1;
        return sb.Append('}').ToString();
    }

    [Fact]
    public void ECR409_fires_at_the_opening_brace_over_20480_characters()
    {
        var text = PolicyOfLength(20_481, "\r\n");
        Assert.Equal(20_481, text.Length);
        var finding = Assert.Single(Findings(text, "ECR409", kind: InputKind.EcrEndpoint));
        Assert.Equal(0, finding.Location.Span.Start);
        Assert.Equal(1, finding.Location.Span.Length);
        Assert.Contains("20,481 characters", finding.Message);
        Assert.Single(Findings(text + "\n", "ECR409", kind: InputKind.S3Endpoint));
    }

    [Fact]
    public void ECR409_is_silent_at_the_limit_and_for_other_kinds()
    {
        VerifyNone(PolicyOfLength(20_480) + "\n\n\n", kind: InputKind.EcrEndpoint, rules: ["ECR409"]);
        VerifyNone(PolicyOfLength(30_000), kind: InputKind.Identity, rules: ["ECR409"]);
    }

    [Fact]
    public void ECR409_marks_the_brace() =>
        Verify("{|ECR409:{|}" + PolicyOfLength(25_000).Substring(1), kind: InputKind.EcrEndpoint);
}
