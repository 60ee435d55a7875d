using System.Text.RegularExpressions;

namespace EcrLint.Cli.Tests.Scenarios;

/// <summary>
/// The synthesized output of samples/CdkApp (committed: `dotnet run` in that folder writes it): the broken stack's
/// template has its findings, the correct stack's template none.
/// </summary>
public partial class CdkAppSampleTests
{
    [GeneratedRegex(@"^(?<path>[^(]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>\w+) (?<id>ECR\d{3}):")]
    private static partial Regex FindingLine();

    private static string Root() => Repo.Root;

    [Fact]
    public void Only_the_broken_stack_template_has_findings()
    {
        var result = InProcess.Run(Root(), "samples/CdkApp/cdk.out");
        var findings = result.OutLines.Select(l => FindingLine().Match(l)).Where(m => m.Success).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, m => Assert.Equal("samples/CdkApp/cdk.out/BrokenPrivateLink.template.json", m.Groups["path"].Value));
        Assert.Equal(
            new[] { "ECR003", "ECR004", "ECR006", "ECR014", "ECR016", "ECR201", "ECR202" },
            findings.Select(m => m.Groups["id"].Value).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain("PrivateLink.template.json", result.StdOut.Replace("BrokenPrivateLink.template.json", ""), StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void The_correct_stack_template_alone_is_clean()
    {
        var result = InProcess.Run(Root(), "samples/CdkApp/cdk.out/PrivateLink.template.json", "--fail-level", "info");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotMatch(@"ECR\d{3}", result.StdOut);
    }
}
