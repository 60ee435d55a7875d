using System.Text;
using EcrLint.Cli.Fixing;
using EcrLint.Engine;
using EcrLint.Rules;

namespace EcrLint.Cli.Tests.Unit;

public class FixingTests
{
    private static readonly LintContext Context = new() { Severities = new SeverityPolicy(LintMode.Recommended) };

    private static FixOutcome Fix(byte[] bytes) => FileFixer.Fix("p.json", bytes, Context, InputKind.Auto, true, _ => false);

    [Fact]
    public void Fixes_keep_every_byte_outside_the_edits_in_a_crlf_file_with_a_bom()
    {
        var text = Policies.VariableNoVersion.Replace("\n", "\r\n").Replace("  ", "\t");
        var body = Encoding.UTF8.GetBytes(text);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(body).ToArray();

        var outcome = Fix(bytes);

        Assert.True(outcome.Changed);
        Assert.Equal(1, outcome.FixesApplied);
        Assert.Equal([0xEF, 0xBB, 0xBF], outcome.NewBytes.Take(3));
        Assert.DoesNotContain(outcome.Result.Findings, f => f.RuleId is "ECR402" or "ECR401" or "ECR400");
        AssertOnlyInsertions(bytes, outcome.NewBytes);
        var newText = Encoding.UTF8.GetString(outcome.NewBytes, 3, outcome.NewBytes.Length - 3);
        Assert.Contains("\"Version\": \"2012-10-17\"", newText);
        Assert.DoesNotContain("\n", newText.Replace("\r\n", ""));
    }

    [Fact]
    public void A_second_pass_changes_nothing()
    {
        var first = Fix(Encoding.UTF8.GetBytes(Policies.NoVersion));
        Assert.True(first.Changed);
        var second = Fix(first.NewBytes);
        Assert.False(second.Changed);
        Assert.Equal(first.NewBytes, second.NewBytes);
    }

    [Fact]
    public void Suppressed_findings_are_not_fixed()
    {
        var outcome = FileFixer.Fix("p.json", Encoding.UTF8.GetBytes(Policies.NoVersion), Context, InputKind.Auto, true, f => f.RuleId == "ECR401");
        Assert.False(outcome.Changed);
    }

    [Fact]
    public void Utf16_files_keep_their_encoding()
    {
        var encoding = new UnicodeEncoding(false, true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Policies.NoVersion)).ToArray();
        var outcome = Fix(bytes);
        Assert.True(outcome.Changed);
        Assert.Equal([0xFF, 0xFE], outcome.NewBytes.Take(2));
        Assert.Contains("2012-10-17", encoding.GetString(outcome.NewBytes, 2, outcome.NewBytes.Length - 2));
    }

    [Fact]
    public void Writer_replaces_the_file_atomically_keeps_its_mode_and_leaves_no_temporary_file()
    {
        using var dir = new TempDir();
        var path = dir.File("p.json", "old");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        SafeFileWriter.Default.Replace(path, Encoding.UTF8.GetBytes("old"), Encoding.UTF8.GetBytes("new"));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["p.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Writer_refuses_a_file_that_changed_since_it_was_read()
    {
        using var dir = new TempDir();
        var path = dir.File("p.json", "old");
        var writer = new SafeFileWriter { BeforeCommit = target => File.WriteAllText(target, "changed by someone else") };

        Assert.Throws<FileChangedException>(() => writer.Replace(path, Encoding.UTF8.GetBytes("old"), Encoding.UTF8.GetBytes("new")));

        Assert.Equal("changed by someone else", File.ReadAllText(path));
        Assert.Equal(["p.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Writer_follows_a_symbolic_link_and_keeps_the_link()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var target = dir.File("real.json", "old");
        var link = dir.Full("link.json");
        File.CreateSymbolicLink(link, target);

        SafeFileWriter.Default.Replace(link, Encoding.UTF8.GetBytes("old"), Encoding.UTF8.GetBytes("new"));

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
    }

    /// <summary>The new bytes are the old ones with text inserted: removing one contiguous block gives back the old bytes.</summary>
    internal static void AssertOnlyInsertions(byte[] before, byte[] after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix]) prefix++;
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)]) suffix++;
        Assert.Equal(before.Length, prefix + suffix);
    }
}
