using System.Text;
using System.Text.Json;
using EcrLint.Cli.Tests.Scenarios;
using EcrLint.Cli.Tests.Unit;

namespace EcrLint.Cli.Tests.EndToEnd;

/// <summary>
/// Runs the built <c>ecrlint.dll</c> as a separate process, as CI does: exit codes, every format, files that
/// cannot be read, standard input, folder walks, --list-rules, --fix and --fix --dry-run.
/// </summary>
public class EndToEndTests
{
    private static CliResult Run(TempDir dir, params string[] args) => CliProcess.Run(dir.Path, args);

    [Fact]
    public void Exit_codes_0_1_2_and_text_lines()
    {
        using var dir = new TempDir();
        dir.File("clean.json", Policies.Clean);
        dir.File("info.json", Policies.NoVersion);
        dir.File("bad.json", Policies.VariableNoVersion);

        var clean = Run(dir, "clean.json", "info.json");
        Assert.Equal(0, clean.ExitCode);
        Assert.Matches(CliScenarioTests.TextLine(), clean.OutLines[0]);
        Assert.Equal("0 errors, 0 warnings, 1 info in 2 files", clean.OutLines[^1]);

        var failing = Run(dir, "bad.json", "clean.json");
        Assert.Equal(1, failing.ExitCode);
        var match = CliScenarioTests.TextLine().Match(failing.OutLines[0]);
        Assert.True(match.Success, failing.ToString());
        Assert.Equal("bad.json", match.Groups["path"].Value);
        Assert.Equal("ECR402", match.Groups["rule"].Value);
        Assert.Matches(CliScenarioTests.SummaryLine(), failing.OutLines[^1]);

        var usage = Run(dir);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("no PATH given", usage.StdErr);
    }

    [Fact]
    public void Fail_level_and_all_info_mode()
    {
        using var dir = new TempDir();
        dir.File("info.json", Policies.NoVersion);
        dir.File("bad.json", Policies.VariableNoVersion);
        Assert.Equal(1, Run(dir, ".", "--fail-level", "info").ExitCode);
        var allInfo = Run(dir, ".", "--mode", "all-info");
        Assert.Equal(0, allInfo.ExitCode);
        Assert.Contains("bad.json(7,19): info ECR402", allInfo.StdOut);
    }

    [Fact]
    public void Json_format()
    {
        using var dir = new TempDir();
        dir.File("p/b.json", Policies.VariableNoVersion);
        dir.File("p/a.json", Policies.NoVersion);
        var r = Run(dir, "p", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["p/a.json", "p/b.json"], findings.Select(f => f.GetProperty("file").GetString()));
        foreach (var name in new[] { "ruleId", "severity", "file", "line", "column", "endLine", "endColumn", "message", "helpUri" })
            Assert.True(findings[0].TryGetProperty(name, out _), name);
        Assert.Equal(2, doc.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Fact]
    public void Sarif_format_written_with_output_is_schema_valid()
    {
        using var dir = new TempDir();
        dir.File("policies/a.json", Policies.VariableNoVersion);
        dir.File("policies/b.json", Policies.NoVersion);
        var r = Run(dir, "policies/**/*.json", "--format", "sarif", "--output", "report.sarif");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.StdOut);
        var sarif = dir.Text("report.sarif");
        SarifSchema.AssertValid(sarif);
        using var doc = JsonDocument.Parse(sarif);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, x => Assert.True(x.TryGetProperty("fixes", out _)));
    }

    [Fact]
    public void GitHub_format()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.VariableNoVersion);
        var r = Run(dir, "a.json", "--format", "github");
        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.OutLines);
        Assert.Matches(@"^::error file=a\.json,line=7,col=19,endLine=7,endColumn=\d+,title=ECR402::The policy variable", line);
    }

    [Fact]
    public void Unreadable_and_missing_files_are_exit_2_while_the_good_file_is_reported()
    {
        using var dir = new TempDir();
        dir.File("good.json", Policies.VariableNoVersion);
        string unreadable;
        string reason;
        if (!OperatingSystem.IsWindows() && !Environment.IsPrivilegedProcess)
        {
            unreadable = "locked.json";
            File.SetUnixFileMode(dir.File(unreadable, Policies.Clean), UnixFileMode.None);
            reason = "permission denied";
        }
        else
        {
            // Root reads any file: use a symbolic link to nowhere instead.
            unreadable = "dangling.json";
            File.CreateSymbolicLink(dir.Full(unreadable), dir.Full("nowhere.json"));
            reason = "symbolic link";
        }

        var r = Run(dir, unreadable, "missing.json", "good.json");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"ecrlint: error: cannot read '{unreadable}': ", r.StdErr);
        Assert.Contains(reason, r.StdErr);
        Assert.Contains("ecrlint: error: cannot read 'missing.json': no such file or folder", r.StdErr);
        Assert.StartsWith("good.json(7,19): error ECR402", r.StdOut);
        Assert.EndsWith("in 1 file, 2 unreadable", r.OutLines[^1]);
    }

    [Fact]
    public void Standard_input()
    {
        using var dir = new TempDir();
        var r = CliProcess.RunWithInput(dir.Path, Encoding.UTF8.GetBytes(Policies.NoVersion), "-", "--fail-level", "info");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("<stdin>(2,3): info ECR401", r.StdOut);
    }

    [Fact]
    public void Folder_walk_with_a_symbolic_link_loop()
    {
        using var dir = new TempDir();
        dir.File("repo/a.json", Policies.VariableNoVersion);
        dir.File("repo/sub/b.json", Policies.NoVersion);
        dir.File("repo/node_modules/c.json", Policies.VariableNoVersion);
        dir.File("repo/sub/readme.json", "{\"name\": \"not a policy\"}");
        if (!OperatingSystem.IsWindows()) Directory.CreateSymbolicLink(dir.Full("repo/sub/loop"), dir.Full("repo"));

        var r = Run(dir, "repo");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(3, r.OutLines.Length);
        Assert.StartsWith("repo/a.json(7,19): error ECR402", r.OutLines[0]);
        Assert.StartsWith("repo/sub/b.json(2,3): info ECR401", r.OutLines[1]);
        Assert.Equal("1 error, 0 warnings, 1 info in 2 files, 1 file skipped (not a kind EcrLint lints)", r.OutLines[2]);
    }

    [Fact]
    public void List_rules_and_version()
    {
        using var dir = new TempDir();
        var r = Run(dir, "--list-rules");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Rules.RuleCatalog.All.Count + 1, r.OutLines.Length);
        Assert.Contains(r.OutLines, l => l.StartsWith("ECR402  policy-grammar", StringComparison.Ordinal) && l.EndsWith("/ECR402.md", StringComparison.Ordinal));

        var version = Run(dir, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.StdOut.Trim());
    }

    [Fact]
    public void Fix_keeps_every_byte_outside_the_edits_is_idempotent_and_keeps_the_file_mode()
    {
        using var dir = new TempDir();
        var crlf = Encoding.UTF8.GetBytes(Policies.VariableNoVersion.Replace("\n", "\r\n").Replace("  ", "\t"));
        var original = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(crlf).ToArray();
        var path = dir.File("crlf-bom.json", original);
        dir.File("lf.json", Policies.NoVersion);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.UserExecute;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);

        var first = Run(dir, ".", "--fix");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("fixed 1 finding in 'crlf-bom.json'", first.StdErr);
        Assert.Contains("fixed 1 finding in 'lf.json'", first.StdErr);
        var after = dir.Bytes("crlf-bom.json");
        Assert.Equal([0xEF, 0xBB, 0xBF], after.Take(3));
        FixingTests.AssertOnlyInsertions(original, after);
        var text = Encoding.UTF8.GetString(after, 3, after.Length - 3);
        Assert.Contains("\"Version\"", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        if (!OperatingSystem.IsWindows()) Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Equal("0 errors, 0 warnings, 0 infos in 2 files, 2 fixes applied in 2 files", first.OutLines[^1]);

        var lfAfter = dir.Bytes("lf.json");
        var second = Run(dir, ".", "--fix");
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("fixed", second.StdErr);
        Assert.Equal(after, dir.Bytes("crlf-bom.json"));
        Assert.Equal(lfAfter, dir.Bytes("lf.json"));
    }

    [Fact]
    public void Fix_dry_run_prints_a_unified_diff_and_changes_nothing()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.VariableNoVersion);
        var before = dir.Bytes("a.json");

        var r = Run(dir, "a.json", "--fix", "--dry-run");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(before, dir.Bytes("a.json"));
        var lines = r.StdOut.Split('\n');
        Assert.Equal("--- a/a.json", lines[0]);
        Assert.Equal("+++ b/a.json", lines[1]);
        Assert.Equal("@@ -1,4 +1,5 @@", lines[2]);
        Assert.Contains("+  \"Version\": \"2012-10-17\",", lines);
        Assert.Contains("1 fix would be applied in 1 file", r.StdErr);
    }
}
