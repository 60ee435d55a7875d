using EcrLint.Cli.Reporting;

namespace EcrLint.Cli.Tests.Unit;

public class ReportFormatTests
{
    [Fact]
    public void GitHub_escapes_data_and_properties()
    {
        Assert.Equal("100%25 a%0D%0Ab: c, d", GitHubReportWriter.EscapeData("100% a\r\nb: c, d"));
        Assert.Equal("dir%3Ax%2Cy%25.json", GitHubReportWriter.EscapeProperty("dir:x,y%.json"));
    }

    [Theory]
    [InlineData("a/b.json", "a/b.json", "%SRCROOT%")]
    [InlineData("a b/c#d.json", "a%20b/c%23d.json", "%SRCROOT%")]
    [InlineData("../x.json", "../x.json", "%SRCROOT%")]
    [InlineData("a\\b.json", "a/b.json", "%SRCROOT%")]
    [InlineData("<stdin>", "stdin", null)]
    public void Sarif_uris(string path, string uri, string? baseId)
    {
        Assert.Equal((uri, baseId), SarifReportWriter.ArtifactUri(path));
    }

    [Fact]
    public void Sarif_uri_of_an_absolute_path_is_a_file_uri()
    {
        var (uri, baseId) = SarifReportWriter.ArtifactUri(Path.Combine(Path.GetTempPath(), "x y.json"));
        Assert.StartsWith("file:///", uri);
        Assert.EndsWith("x%20y.json", uri);
        Assert.Null(baseId);
    }

    [Fact]
    public void Fingerprints_depend_on_rule_file_and_pointer_only()
    {
        var a = SarifReportWriter.Fingerprint("ECR401", "a.json", "");
        Assert.Equal(a, SarifReportWriter.Fingerprint("ECR401", "a.json", ""));
        Assert.Equal(a, SarifReportWriter.Fingerprint("ECR401", "a.json".Replace('/', '\\'), ""));
        Assert.NotEqual(a, SarifReportWriter.Fingerprint("ECR401", "b.json", ""));
        Assert.NotEqual(a, SarifReportWriter.Fingerprint("ECR402", "a.json", ""));
        Assert.NotEqual(a, SarifReportWriter.Fingerprint("ECR401", "a.json", "/Statement"));
        Assert.Equal(32, a.Length);
    }

    [Fact]
    public void Summary_mentions_what_is_not_zero()
    {
        var report = new RunReport([], [new Inputs.InputError("x.json", "no such file or folder")], files: 3, skipped: 2);
        Assert.Equal("0 errors, 0 warnings, 0 infos in 3 files, 2 files skipped (not a kind EcrLint lints), 1 unreadable", TextReportWriter.Summary(report));
        Assert.Equal("0 errors, 0 warnings, 0 infos in 1 file", TextReportWriter.Summary(new RunReport([], [], 1, 0)));
    }
}
