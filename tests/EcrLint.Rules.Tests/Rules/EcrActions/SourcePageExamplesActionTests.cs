using EcrLint.Rules;
using static EcrLint.Tests.RuleTestHelper;

namespace EcrLint.Tests.Rules.EcrActions;

/// <summary>
/// The three ECR endpoint policies of the AWS page (copied exactly from the source text) are what users start
/// from: the ecr-actions rules must accept them in the recommended mode, and in strict mode report only ECR204 on
/// the allow-all statements (anyone may call write and delete actions; the page itself shows them).
/// </summary>
public class SourcePageExamplesActionTests
{
    private const string AllowPullOnly = """
        { "Statement": [{ "Sid": "AllowPull", "Principal": { "AWS": "arn:aws:iam::1234567890:role/role_name" }, "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" ], "Effect": "Allow", "Resource": "*" }] }
        """;

    private const string AllowAllWithPreventDelete = """
        { "Statement": [{ "Sid": "AllowAll", "Principal": "*", "Action": "*", "Effect": "Allow", "Resource": "*" }, { "Sid": "PreventDelete", "Principal": "*", "Action": "ecr:DeleteRepository", "Effect": "Deny", "Resource": "arn:aws:ecr:region:1234567890:repository/repository_name" } ] }
        """;

    private const string Combined = """
        { "Statement": [{ "Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }, { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "arn:aws:ecr:region:1234567890:repository/repository_name" }, { "Sid": "AllowPull", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::1234567890:role/role_name" }, "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken" ], "Resource": "*" } ] }
        """;

    private static readonly string[] EcrActionRules = { "ECR201", "ECR202", "ECR203", "ECR204", "ECR205", "ECR206", "ECR207", "ECR208" };

    public static TheoryData<string, string?, string?> Examples()
    {
        var data = new TheoryData<string, string?, string?>();
        foreach (var policy in new[] { nameof(AllowPullOnly), nameof(AllowAllWithPreventDelete), nameof(Combined) })
        {
            data.Add(policy, null, null);
            data.Add(policy, "us-east-1", "111122223333");
        }

        return data;
    }

    private static string Text(string name) => name switch
    {
        nameof(AllowPullOnly) => AllowPullOnly,
        nameof(AllowAllWithPreventDelete) => AllowAllWithPreventDelete,
        _ => Combined,
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Recommended_mode_reports_nothing_from_the_ecr_actions_pack(string name, string? region, string? account)
    {
        var result = Lint(Text(name), region: region, account: account, mode: LintMode.Recommended);
        Assert.Equal(EcrLint.Engine.InputKind.EcrEndpoint, result.Kind);
        var hits = result.Findings.Where(f => EcrActionRules.Contains(f.RuleId)).ToList();
        Assert.True(hits.Count == 0, "Unexpected findings:\n" + string.Join("\n", hits));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Strict_mode_reports_only_ECR204_on_the_allow_all_statement(string name, string? region, string? account)
    {
        var text = Text(name);
        var result = Lint(text, region: region, account: account, mode: LintMode.Strict);
        var hits = result.Findings.Where(f => EcrActionRules.Contains(f.RuleId)).ToList();
        if (name == nameof(AllowPullOnly))
        {
            Assert.True(hits.Count == 0, "Unexpected findings:\n" + string.Join("\n", hits));
            return;
        }

        var finding = Assert.Single(hits);
        Assert.Equal("ECR204", finding.RuleId);
        var allowAll = text.IndexOf("\"Sid\": \"AllowAll\"", StringComparison.Ordinal);
        var star = text.IndexOf("\"Action\": \"*\"", allowAll, StringComparison.Ordinal) + "\"Action\": ".Length;
        Assert.Equal(star, finding.Location.FileSpan.Start);
        Assert.Equal(3, finding.Location.FileSpan.Length);
        Assert.Contains("ecr:DeleteRepository", finding.Message);
    }
}
