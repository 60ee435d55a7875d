using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcrLint.Cli.Fixing;
using EcrLint.Rules;

namespace EcrLint.Cli.Tests.Scenarios;

/// <summary>The command's behaviour, run in this process (the end-to-end tests repeat the essentials as real processes).</summary>
public partial class CliScenarioTests
{
    [GeneratedRegex(@"^(?<path>[^()]+)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning|info) (?<rule>ECR\d{3}): (?<msg>.+) \[(?<help>https://\S+/ECR\d{3}\.md)\]$")]
    internal static partial Regex TextLine();

    [GeneratedRegex(@"^\d+ errors?, \d+ warnings?, \d+ infos? in \d+ files?(, .+)?$")]
    internal static partial Regex SummaryLine();

    [Fact]
    public void Exit_codes_follow_the_fail_level()
    {
        using var dir = new TempDir();
        dir.File("clean.json", Policies.Clean);
        dir.File("info.json", Policies.NoVersion);
        dir.File("error.json", Policies.VariableNoVersion);

        Assert.Equal(0, InProcess.Run(dir.Path, "clean.json").ExitCode);
        Assert.Equal(0, InProcess.Run(dir.Path, "info.json").ExitCode);
        Assert.Equal(1, InProcess.Run(dir.Path, "info.json", "--fail-level", "info").ExitCode);
        Assert.Equal(1, InProcess.Run(dir.Path, "error.json").ExitCode);
        Assert.Equal(0, InProcess.Run(dir.Path, "error.json", "--fail-level", "none").ExitCode);
        Assert.Equal(1, InProcess.Run(dir.Path, "error.json", "--fail-level", "warning").ExitCode);
        Assert.Equal(0, InProcess.Run(dir.Path, "error.json", "--mode", "all-info").ExitCode);
        Assert.Equal(1, InProcess.Run(dir.Path, "error.json", "--mode", "all-info", "--fail-level", "info").ExitCode);
    }

    [Fact]
    public void Text_report_uses_the_msbuild_form_and_a_summary()
    {
        using var dir = new TempDir();
        dir.File("p/b.json", Policies.VariableNoVersion);
        dir.File("p/a.json", Policies.NoVersion);
        dir.File("p/notes.json", "{\"title\": \"not a policy\"}");

        var r = InProcess.Run(dir.Path, "p");

        Assert.Equal(1, r.ExitCode);
        var lines = r.OutLines;
        Assert.Equal(3, lines.Length);
        var first = TextLine().Match(lines[0]);
        Assert.True(first.Success, lines[0]);
        Assert.Equal("p/a.json", first.Groups["path"].Value);
        Assert.Equal("2", first.Groups["line"].Value);
        Assert.Equal("3", first.Groups["col"].Value);
        Assert.Equal("info", first.Groups["sev"].Value);
        Assert.Equal("ECR401", first.Groups["rule"].Value);
        var second = TextLine().Match(lines[1]);
        Assert.True(second.Success, lines[1]);
        Assert.Equal("p/b.json(7,19): error ECR402", lines[1].Substring(0, "p/b.json(7,19): error ECR402".Length));
        Assert.Matches(SummaryLine(), lines[2]);
        Assert.Equal("1 error, 0 warnings, 1 info in 2 files, 1 file skipped (not a kind EcrLint lints)", lines[2]);
    }

    [Fact]
    public void Invalid_json_named_explicitly_is_ECR400()
    {
        using var dir = new TempDir();
        dir.File("bad.json", Policies.Invalid);
        var r = InProcess.Run(dir.Path, "bad.json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error ECR400", r.StdOut);
    }

    [Fact]
    public void A_missing_file_is_exit_2_and_the_other_files_are_still_reported()
    {
        using var dir = new TempDir();
        dir.File("good.json", Policies.VariableNoVersion);
        var r = InProcess.Run(dir.Path, "missing.json", "good.json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ecrlint: error: cannot read 'missing.json': no such file or folder", r.StdErr);
        Assert.Contains("good.json(7,19): error ECR402", r.StdOut);
        Assert.Contains("1 unreadable", r.StdOut);
    }

    [Fact]
    public void Json_report()
    {
        using var dir = new TempDir();
        dir.File("b.json", Policies.VariableNoVersion);
        dir.File("a.json", Policies.NoVersion);
        var r = InProcess.Run(dir.Path, "b.json", "a.json", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal("a.json", findings[0].GetProperty("file").GetString());
        var f = findings[1];
        Assert.Equal("ECR402", f.GetProperty("ruleId").GetString());
        Assert.Equal("error", f.GetProperty("severity").GetString());
        Assert.Equal("b.json", f.GetProperty("file").GetString());
        Assert.Equal(7, f.GetProperty("line").GetInt32());
        Assert.Equal(19, f.GetProperty("column").GetInt32());
        Assert.Equal(7, f.GetProperty("endLine").GetInt32());
        Assert.Equal(19 + "\"arn:aws:s3:::bucket/${aws:username}/*\"".Length, f.GetProperty("endColumn").GetInt32());
        Assert.Contains("aws:username", f.GetProperty("message").GetString());
        Assert.EndsWith("/ECR402.md", f.GetProperty("helpUri").GetString());
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("infos").GetInt32());
        Assert.Equal(2, summary.GetProperty("files").GetInt32());
    }

    [Fact]
    public void Sarif_report_is_schema_valid_with_rules_fixes_and_fingerprints()
    {
        using var dir = new TempDir();
        dir.File("dir with space/b.json", Policies.VariableNoVersion);
        dir.File("a.json", Policies.NoVersion);
        var r = InProcess.Run(dir.Path, ".", "--format", "sarif");
        Assert.Equal(1, r.ExitCode);
        SarifSchema.AssertValid(r.StdOut);

        using var doc = JsonDocument.Parse(r.StdOut);
        var run = Assert.Single(doc.RootElement.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Count, rules.Count);
        Assert.All(rules, rule =>
        {
            Assert.Matches("^ECR\\d{3}$", rule.GetProperty("id").GetString());
            Assert.NotEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()!);
            Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString());
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        });
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var ecr402 = results.Single(x => x.GetProperty("ruleId").GetString() == "ECR402");
        Assert.Equal("ECR402", rules[ecr402.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal("error", ecr402.GetProperty("level").GetString());
        var physical = ecr402.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("dir%20with%20space/b.json", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(7, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(19, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        var fix = Assert.Single(ecr402.GetProperty("fixes").EnumerateArray());
        var replacement = fix.GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.Contains("2012-10-17", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
        Assert.Equal(2, replacement.GetProperty("deletedRegion").GetProperty("startLine").GetInt32());
        Assert.Equal(32, ecr402.GetProperty("partialFingerprints").GetProperty("ecrlint/v1").GetString()!.Length);
        Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public void Sarif_fix_positions_ignore_a_bom()
    {
        using var dir = new TempDir();
        dir.File("bom.json", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Policies.NoVersion)).ToArray());
        dir.File("plain.json", Policies.NoVersion);
        var r = InProcess.Run(dir.Path, "bom.json", "plain.json", "--format", "sarif");
        SarifSchema.AssertValid(r.StdOut);
        using var doc = JsonDocument.Parse(r.StdOut);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal(results[0].GetProperty("fixes").GetRawText(), results[1].GetProperty("fixes").GetRawText().Replace("plain.json", "bom.json"));
        Assert.Equal(results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetRawText(),
            results[1].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetRawText());
    }

    [Fact]
    public void GitHub_report()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.NoVersion);
        dir.File("b,c.json", Policies.VariableNoVersion);
        var r = InProcess.Run(dir.Path, "a.json", "b,c.json", "--format", "github");
        Assert.Equal(1, r.ExitCode);
        var lines = r.OutLines;
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^::notice file=a\.json,line=2,col=3,endLine=2,endColumn=14,title=ECR401::The policy has no ""Version""", lines[0]);
        Assert.Matches(@"^::error file=b%2Cc\.json,line=7,col=19,endLine=7,endColumn=\d+,title=ECR402::.*aws:username", lines[1]);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.VariableNoVersion);
        var r = InProcess.Run(dir.Path, "a.json", "--format", "json", "--output", "out/report.json");
        Assert.Equal(2, r.ExitCode); // the folder does not exist
        Assert.Contains("cannot write the report to 'out/report.json'", r.StdErr);

        r = InProcess.Run(dir.Path, "a.json", "--format", "json", "-o", "report.json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.StdOut);
        using var doc = JsonDocument.Parse(dir.Text("report.json"));
        Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void Standard_input()
    {
        using var dir = new TempDir();
        var r = InProcess.RunWithInput(dir.Path, Encoding.UTF8.GetBytes(Policies.VariableNoVersion), "-");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("<stdin>(7,19): error ECR402: ", r.StdOut);
    }

    [Fact]
    public void No_path_is_a_usage_error_with_help()
    {
        using var dir = new TempDir();
        var r = InProcess.Run(dir.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no PATH given", r.StdErr);
        Assert.Contains("- for standard input", r.StdErr);
    }

    [Theory]
    [InlineData(new[] { "a.json", "--format", "xml" }, "xml")]
    [InlineData(new[] { "a.json", "--kind", "banana" }, "banana")]
    [InlineData(new[] { "a.json", "--region", "us-east-7" }, "known regions: ")]
    [InlineData(new[] { "a.json", "--account", "1234" }, "12 digits")]
    [InlineData(new[] { "a.json", "--dry-run" }, "--dry-run needs --fix")]
    [InlineData(new[] { "a.json", "--bogus" }, "--bogus")]
    [InlineData(new[] { "a.json", "--config", "nope.json" }, "nope.json")]
    [InlineData(new[] { "a.json", "--baseline", "nope.json" }, "nope.json")]
    public void Usage_errors_exit_2(string[] args, string expected)
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.Clean);
        var r = InProcess.Run(dir.Path, args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.StdErr);
        Assert.Equal("", r.StdOut);
    }

    [Fact]
    public void List_rules()
    {
        using var dir = new TempDir();
        var r = InProcess.Run(dir.Path, "--list-rules");
        Assert.Equal(0, r.ExitCode);
        var lines = r.OutLines;
        Assert.Equal(RuleCatalog.All.Count + 1, lines.Length);
        Assert.StartsWith("ID", lines[0]);
        Assert.Matches(@"^ECR401\s+policy-grammar\s+info\s+.+ https://\S+/ECR401\.md$", lines.Single(l => l.StartsWith("ECR401", StringComparison.Ordinal)));
        Assert.Matches(@"^ECR204\s+ecr-actions\s+off\s", lines.Single(l => l.StartsWith("ECR204", StringComparison.Ordinal)));

        var json = InProcess.Run(dir.Path, "--list-rules", "--format", "json", "--mode", "strict");
        using var doc = JsonDocument.Parse(json.StdOut);
        var ecr204 = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "ECR204");
        Assert.Equal("error", ecr204.GetProperty("severity").GetString());
        Assert.Equal("warning", ecr204.GetProperty("defaultSeverity").GetString());
    }

    [Fact]
    public void Config_file_overrides_severity_and_suppresses_with_a_reason()
    {
        using var dir = new TempDir();
        dir.File("legacy/a.json", Policies.VariableNoVersion);
        dir.File("new/a.json", Policies.VariableNoVersion);
        dir.File("vendor/x.json", Policies.VariableNoVersion);
        dir.File(".ecrlint.json", """
            {
              "severity": { "ECR401": "none" },
              "exclude": [ "vendor/**" ],
              "suppressions": [ { "rule": "ECR402", "path": "legacy/*.json", "reason": "rewritten next quarter" } ]
            }
            """);
        var r = InProcess.Run(dir.Path, ".", "--format", "sarif");
        Assert.Equal(1, r.ExitCode);
        SarifSchema.AssertValid(r.StdOut);
        using var doc = JsonDocument.Parse(r.StdOut);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var legacy = results.Single(x => x.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "legacy/a.json");
        var suppression = Assert.Single(legacy.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("rewritten next quarter", suppression.GetProperty("justification").GetString());

        var text = InProcess.Run(dir.Path, ".");
        Assert.Equal(["new/a.json"], text.OutLines.Where(l => l.Contains("ECR")).Select(l => l.Substring(0, l.IndexOf('('))));
        Assert.EndsWith("in 2 files, 1 suppressed", text.OutLines[^1]);

        dir.File(".ecrlint.json", """{"suppressions":[{"rule":"ECR402","path":"legacy/*.json"}]}""");
        var missingReason = InProcess.Run(dir.Path, ".");
        Assert.Equal(2, missingReason.ExitCode);
        Assert.Contains("has no \"reason\"", missingReason.StdErr);
    }

    [Fact]
    public void Globalconfig_severities_apply()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.NoVersion);
        dir.File(".globalconfig", "is_global = true\ndotnet_diagnostic.ECR401.severity = error\n");
        var r = InProcess.Run(dir.Path, "a.json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error ECR401", r.StdOut);
        Assert.Equal(0, InProcess.Run(dir.Path, "a.json", "--mode", "all-info").ExitCode);
    }

    [Fact]
    public void Baselines_suppress_known_findings_per_file()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.VariableNoVersion);
        var write = InProcess.Run(dir.Path, ".", "--write-baseline", "ci/baseline.json");
        Assert.Equal(2, write.ExitCode); // the folder of the baseline does not exist
        dir.Dir("ci");
        write = InProcess.Run(dir.Path, ".", "--write-baseline", "ci/baseline.json");
        Assert.Equal(0, write.ExitCode);
        Assert.Contains("wrote 1 finding to the baseline", write.StdErr);
        using (var doc = JsonDocument.Parse(dir.Text("ci/baseline.json")))
        {
            var entry = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal("../a.json", entry.GetProperty("file").GetString());
            Assert.Equal("/Statement/0/Resource", entry.GetProperty("pointer").GetString());
            Assert.Equal("ECR402", entry.GetProperty("ruleId").GetString());
        }

        var withBaseline = InProcess.Run(dir.Path, ".", "--baseline", "ci/baseline.json");
        Assert.Equal(0, withBaseline.ExitCode);
        Assert.EndsWith("in 1 file, 1 suppressed", withBaseline.OutLines[^1]);

        // The same finding in another file is new.
        dir.File("b.json", Policies.VariableNoVersion);
        var sarif = InProcess.Run(dir.Path, ".", "--baseline", "ci/baseline.json", "--format", "sarif");
        Assert.Equal(1, sarif.ExitCode);
        SarifSchema.AssertValid(sarif.StdOut);
        using var log = JsonDocument.Parse(sarif.StdOut);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.True(results[0].TryGetProperty("suppressions", out _));
        Assert.False(results[1].TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void Fix_rewrites_files_and_a_second_run_changes_nothing()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.VariableNoVersion);
        dir.File("clean.json", Policies.Clean);
        var r = InProcess.Run(dir.Path, ".", "--fix");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ecrlint: fixed 1 finding in 'a.json'", r.StdErr);
        Assert.EndsWith("in 2 files, 1 fix applied in 1 file", r.OutLines[^1]);
        var fixedText = dir.Text("a.json");
        Assert.StartsWith("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\"", fixedText);
        Assert.Equal(Policies.Clean, dir.Text("clean.json"));

        var again = InProcess.Run(dir.Path, ".", "--fix");
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("fixed", again.StdErr);
        Assert.Equal(fixedText, dir.Text("a.json"));
    }

    [Fact]
    public void Fix_leaves_suppressed_findings_and_stdin_alone()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.NoVersion);
        dir.File(".ecrlint.json", """{"suppressions":[{"rule":"ECR401","reason":"kept as the AWS page shows it"}]}""");
        var r = InProcess.RunWithInput(dir.Path, Encoding.UTF8.GetBytes(Policies.NoVersion), "a.json", "-", "--fix");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Policies.NoVersion, dir.Text("a.json"));
        Assert.Contains("<stdin> cannot be fixed", r.StdErr);
    }

    [Fact]
    public void Fix_refuses_a_file_that_changed_since_it_was_read()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.VariableNoVersion);
        var writer = new SafeFileWriter { BeforeCommit = path => File.WriteAllText(path, Policies.Clean) };
        var r = InProcess.RunWith(dir.Path, null, writer, "a.json", "--fix");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'a.json' changed since it was read", r.StdErr);
        Assert.Equal(Policies.Clean, dir.Text("a.json"));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Contains("error ECR402", r.StdOut); // what the file had when it was read
    }

    [Fact]
    public void Fix_dry_run_prints_a_diff_and_changes_nothing()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.VariableNoVersion);
        var r = InProcess.Run(dir.Path, "a.json", "--fix", "--dry-run");
        Assert.Equal(0, r.ExitCode); // nothing would remain
        Assert.Equal(Policies.VariableNoVersion, dir.Text("a.json"));
        Assert.Equal("--- a/a.json\n+++ b/a.json\n@@ -1,4 +1,5 @@\n {\n+  \"Version\": \"2012-10-17\",\n   \"Statement\": [\n     {\n       \"Effect\": \"Allow\",\n", r.StdOut);
        Assert.Contains("1 fix would be applied in 1 file", r.StdErr);
    }

    [Fact]
    public void Output_order_does_not_depend_on_scheduling()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 40; i++) dir.File($"d{i % 4}/f{i:00}.json", i % 2 == 0 ? Policies.NoVersion : Policies.VariableNoVersion);
        var first = InProcess.Run(dir.Path, ".", "--format", "json");
        for (var k = 0; k < 3; k++) Assert.Equal(first.StdOut, InProcess.Run(dir.Path, ".", "--format", "json").StdOut);
        using var doc = JsonDocument.Parse(first.StdOut);
        var files = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).ToList();
        Assert.Equal(40, files.Count);
        Assert.Equal(files.OrderBy(f => f, StringComparer.Ordinal), files);
    }

    [Fact]
    public void Kind_option_and_config_kinds_are_used()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.Clean);
        var r = InProcess.Run(dir.Path, "a.json", "--kind", "template");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ECR400", r.StdOut);
        Assert.Contains("template", r.StdOut);

        dir.File(".ecrlint.json", """{"kinds":{"*.json":"describe"}}""");
        r = InProcess.Run(dir.Path, "a.json");
        Assert.Contains("describe", r.StdOut);
        Assert.Equal(0, InProcess.Run(dir.Path, "a.json", "--kind", "ecr-endpoint").ExitCode);
    }
}
