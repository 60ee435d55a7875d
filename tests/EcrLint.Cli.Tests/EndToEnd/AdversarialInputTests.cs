using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace EcrLint.Cli.Tests.EndToEnd;

/// <summary>
/// Hostile inputs through the built command as a process: each gives a located error (or a correct lint), never a
/// stack trace or a hang, the exit code is 1 or 2, and the other files of the run are still linted and reported.
/// An unreadable file (mode 000, or a dangling link when the tests run as root, who reads any file) is in
/// EndToEndTests; the engine-level cases (nesting, decoding, aliases) are also pinned in the rules tests.
/// </summary>
public class AdversarialInputTests
{
    [Fact]
    public void Hostile_files_named_together_are_each_reported_and_the_good_file_is_linted()
    {
        using var dir = new TempDir();
        dir.File("good.json", Policies.VariableNoVersion);
        dir.File("deep-array.json", new string('[', 200_000) + new string(']', 200_000));
        dir.File("deep-object.json", string.Concat(Enumerable.Repeat("{\"a\":", 200_000)) + "1" + new string('}', 200_000));
        var random = new Random(7);
        var binary = new byte[4096];
        random.NextBytes(binary);
        binary[0] = 0x7B; // '{', then garbage: looks like JSON to a quick glance.
        binary[1] = 0xC3;
        binary[2] = 0x28; // An invalid UTF-8 sequence at byte offset 1.
        dir.File("binary.json", binary);
        // "{\n  \"a\": \"x" is 11 bytes: the bad byte is at offset 11, line 2, column 10.
        dir.File("invalid-utf8.json", Encoding.UTF8.GetBytes("{\n  \"a\": \"x").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray());
        dir.File("utf16.json", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Policies.VariableNoVersion)).ToArray());
        dir.File("nul.json", Encoding.UTF8.GetBytes("{\n  \"Statement\": [\0]\n}\n"));
        dir.File("empty.json", "");
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++) bomb.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + (char)(c - 1), 9))).Append("]\n");
        dir.File("bomb.yaml", bomb.ToString());
        // 30 MB: a real policy padded with 30 MB of blanks (read, decoded and parsed whole; the finding keeps its place).
        dir.File("big.json", Policies.VariableNoVersion.TrimEnd('\n', '}') + new string(' ', 30 * 1024 * 1024) + "}\n");
        // A folder named like a policy is walked like any folder.
        dir.File("x.json/inner.json", Policies.VariableNoVersion);

        var sw = Stopwatch.StartNew();
        var r = CliProcess.Run(dir.Path, "good.json", "deep-array.json", "deep-object.json", "binary.json", "invalid-utf8.json", "utf16.json",
            "nul.json", "empty.json", "bomb.yaml", "big.json", "x.json");

        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), $"took {sw.Elapsed}");
        Assert.Equal(1, r.ExitCode);
        AssertNoCrash(r);
        AssertLine(r, @"^good\.json\(7,19\): error ECR402: ");
        AssertLine(r, @"^deep-array\.json\(1,\d+\): error ECR400: nesting deeper than 64 levels");
        AssertLine(r, @"^deep-object\.json\(1,\d+\): error ECR400: nesting deeper than 64 levels");
        AssertLine(r, @"^binary\.json\(1,2\): error ECR400: the file is not valid UTF-8 \(byte 0xC3 at byte offset 1\)");
        AssertLine(r, @"^invalid-utf8\.json\(2,10\): error ECR400: the file is not valid UTF-8 \(byte 0xC3 at byte offset 11\)");
        AssertLine(r, @"^utf16\.json\(7,19\): error ECR402: ");
        AssertLine(r, @"^nul\.json\(2,17\): error ECR400: the file contains a NUL character");
        AssertLine(r, @"^empty\.json\(1,1\): error ECR400: the file is empty");
        AssertLine(r, @"^bomb\.yaml\(\d+,\d+\): error ECR400: YAML aliases expand to more than");
        AssertLine(r, @"^big\.json\(7,19\): error ECR402: ");
        AssertLine(r, @"^x\.json/inner\.json\(7,19\): error ECR402: ");
        Assert.Matches(@"in 11 files$", r.OutLines[^1]);
    }

    [Fact]
    public void A_named_pipe_found_by_a_walk_is_reported_not_opened()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/mkfifo")) return;
        using var dir = new TempDir();
        dir.File("repo/good.json", Policies.VariableNoVersion);
        dir.Dir("repo");
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", dir.Full("repo/pipe.json"))) mkfifo.WaitForExit();

        // Opening a pipe that nobody writes to waits forever: the run must end anyway.
        var r = CliProcess.Run(dir.Path, "repo");

        Assert.Equal(2, r.ExitCode);
        AssertNoCrash(r);
        Assert.Contains("ecrlint: error: cannot read 'repo/pipe.json': it is a named pipe, not a regular file (name it on the command line to read it)", r.StdErr);
        AssertLine(r, @"^repo/good\.json\(7,19\): error ECR402: ");
        Assert.EndsWith("in 1 file, 1 unreadable", r.OutLines[^1]);
    }

    [Fact]
    public void A_symbolic_link_loop_in_a_walk_ends_and_every_real_file_is_linted_once()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        dir.File("repo/a.json", Policies.VariableNoVersion);
        dir.File("repo/sub/b.json", Policies.VariableNoVersion);
        Directory.CreateSymbolicLink(dir.Full("repo/sub/up"), dir.Full("repo"));
        Directory.CreateSymbolicLink(dir.Full("repo/self"), ".");

        var sw = Stopwatch.StartNew();
        var r = CliProcess.Run(dir.Path, "repo");

        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"took {sw.Elapsed}");
        Assert.Equal(1, r.ExitCode);
        AssertNoCrash(r);
        AssertLine(r, @"^repo/a\.json\(7,19\): error ECR402: ");
        AssertLine(r, @"^repo/sub/b\.json\(7,19\): error ECR402: ");
        Assert.EndsWith("in 2 files", r.OutLines[^1]);
    }

    [Fact]
    public void An_endless_device_named_by_mistake_is_refused_past_the_size_cap()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/zero")) return;
        using var dir = new TempDir();
        dir.File("good.json", Policies.VariableNoVersion);

        var r = CliProcess.Run(dir.Path, "/dev/zero", "good.json");

        Assert.Equal(2, r.ExitCode);
        AssertNoCrash(r);
        Assert.Contains("ecrlint: error: cannot read '/dev/zero': it is larger than 64 MiB, more than any policy or template", r.StdErr);
        AssertLine(r, @"^good\.json\(7,19\): error ECR402: ");
    }

    [Fact]
    public void A_policy_of_many_statements_is_linted_in_time_proportional_to_its_size()
    {
        using var dir = new TempDir();
        // About 3 MB: 15,000 statements that each grant the token on a repository (ECR203 on every one, each with a fix).
        var statements = Enumerable.Range(0, 15_000).Select(i =>
            $"{{\"Sid\": \"S{i}\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": [\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\", \"ecr:GetAuthorizationToken\"], \"Resource\": \"arn:aws:ecr:us-east-1:111122223333:repository/app{i}\"}}");
        dir.File("many.json", "{\"Version\": \"2012-10-17\", \"Statement\": [\n" + string.Join(",\n", statements) + "\n]}\n");
        dir.File("good.json", Policies.VariableNoVersion);

        var sw = Stopwatch.StartNew();
        var r = CliProcess.Run(dir.Path, "many.json", "good.json", "--format", "json");

        // Quadratic work took minutes at this size; linear work takes seconds even on a busy machine.
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(45), $"took {sw.Elapsed}");
        Assert.Equal(1, r.ExitCode);
        AssertNoCrash(r);
        Assert.Contains("\"file\": \"good.json\"", r.StdOut);
        Assert.True(Regex.Matches(r.StdOut, "\"ruleId\": \"ECR203\"").Count == 15_000);
    }

    private static void AssertLine(CliResult r, string pattern) =>
        Assert.True(r.OutLines.Any(l => Regex.IsMatch(l, pattern)), $"no line matches {pattern}\n{Shorten(r)}");

    private static void AssertNoCrash(CliResult r)
    {
        foreach (var text in new[] { r.StdOut, r.StdErr })
        {
            Assert.DoesNotContain("   at ", text);
            Assert.DoesNotContain("Exception", text);
            Assert.DoesNotContain("internal error", text);
        }
    }

    private static string Shorten(CliResult r) => r.ToString().Length > 4000 ? r.ToString().Substring(0, 4000) : r.ToString();
}
