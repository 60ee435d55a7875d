using System.Text;
using System.Text.Json;
using EcrLint.Cli.Inputs;
using EcrLint.Cli.Reporting;
using EcrLint.Rules;

namespace EcrLint.Cli.Tests.Unit;

/// <summary>SARIF parts no rule produces yet (related locations, multi-edit fixes, unreadable files) are schema-valid too.</summary>
public class SarifWriterTests
{
    [Fact]
    public void Related_locations_fixes_suppressions_and_notifications_are_schema_valid()
    {
        var finding = new ReportedFinding("policies/a b.json", "ECR301", Severity.Warning, "The guard is missing.",
            new ReportedRegion(3, 5, 3, 20), "/Statement/0/Action",
            [new ReportedRelated("policies/a b.json", new ReportedRegion(10, 3, 14, 4), "decided by the Allow `AllowAll` (line 10)")],
            new ReportedFix("Add the PreventDelete statement", [
                new ReportedEdit(new ReportedRegion(2, 1, 2, 1), "  \"Version\": \"2012-10-17\",\n"),
                new ReportedEdit(new ReportedRegion(15, 3, 15, 3), ",\n    { \"Sid\": \"PreventDelete\" }"),
            ]),
            new ReportedSuppression("baseline", "in the baseline"));
        var unsuppressed = finding with { RuleId = "ECR999", Suppression = null, Fix = null, Related = [] };
        var report = new RunReport([finding, unsuppressed], [new InputError("gone.json", "no such file or folder")], files: 1, skipped: 0);

        using var stream = new MemoryStream();
        SarifReportWriter.Write(report, stream, Path.GetTempPath());
        var sarif = Encoding.UTF8.GetString(stream.ToArray());

        SarifSchema.AssertValid(sarif);
        using var doc = JsonDocument.Parse(sarif);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.False(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        Assert.Contains("gone.json", run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString());
        var result = run.GetProperty("results")[0];
        var related = Assert.Single(result.GetProperty("relatedLocations").EnumerateArray());
        Assert.StartsWith("decided by", related.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(2, result.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements").GetArrayLength());
        Assert.Equal("external", result.GetProperty("suppressions")[0].GetProperty("kind").GetString());
        Assert.False(run.GetProperty("results")[1].TryGetProperty("ruleIndex", out _)); // unknown IDs get no index
    }
}
