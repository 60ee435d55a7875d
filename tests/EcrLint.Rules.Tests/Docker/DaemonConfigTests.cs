using System.Text;
using EcrLint.Docker;
using EcrLint.Engine;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.Tests.Docker;

public class DaemonConfigTests
{
    private static JsonObject Root(string text, string path = "daemon.json") =>
        (JsonObject)JsonParser.Parse(SourceLoader.Decode(path, Encoding.UTF8.GetBytes(text)).Document).Root!;

    private static string At(SourceLocation l) => l.Outer.Document.Text.Substring(l.FileSpan.Start, l.FileSpan.Length);

    [Fact]
    public void The_aws_example_is_read_with_the_entry_span()
    {
        var path = Repo.PathOf("samples", "docker", "daemon.json");
        var text = File.ReadAllText(path);
        Assert.Equal("{ \"allow-nondistributable-artifacts\": [ \"111122223333.dkr.ecr.us-west-2.amazonaws.com\" ] }\n", text);
        var config = DaemonConfig.Read(Root(text));
        var entry = Assert.Single(config.Entries);
        Assert.Equal("111122223333.dkr.ecr.us-west-2.amazonaws.com", entry.Value);
        Assert.Equal("\"111122223333.dkr.ecr.us-west-2.amazonaws.com\"", At(entry.Location));
        Assert.True(config.IsArray);
        var result = Linter.LintFile(path, File.ReadAllBytes(path), RuleTestHelper.Context());
        Assert.Equal(InputKind.Daemon, result.Kind);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "ECR400");
    }

    [Fact]
    public void The_broken_sample_has_every_kind_of_bad_entry()
    {
        var path = Repo.PathOf("samples", "docker", "daemon.broken.json");
        var config = DaemonConfig.Read(Root(File.ReadAllText(path), path));
        Assert.Equal(5, config.Entries.Count);
        Assert.Contains(config.Entries, e => e.Value!.StartsWith("https://", StringComparison.Ordinal));
        Assert.Contains(config.Entries, e => e.Value!.Contains('/') && !e.Value.Contains("://"));
        Assert.Contains(config.Entries, e => e.Value!.EndsWith(":443", StringComparison.Ordinal));
        Assert.Equal(InputKind.Daemon, Linter.LintFile(path, File.ReadAllBytes(path), RuleTestHelper.Context()).Kind);
    }

    [Theory]
    [InlineData("daemon.json", "{ \"registry-mirrors\": [\"https://mirror.example.com\"] }", true)]
    [InlineData("config/daemon.json", "{ \"debug\": true }", true)]
    [InlineData("settings.json", "{ \"debug\": true }", false)]
    [InlineData("anything.json", "{ \"allow-nondistributable-artifacts\": [] }", true)]
    [InlineData("daemon.json", "{ \"name\": \"x\" }", false)]
    [InlineData("daemon.json", "[]", false)]
    public void Daemon_configs_are_detected_by_name_and_keys(string path, string text, bool daemon)
    {
        var root = JsonParser.Parse(SourceLoader.Decode(path, Encoding.UTF8.GetBytes(text)).Document).Root!;
        Assert.Equal(daemon, DaemonConfig.IsDaemonConfig(path, root));
        Assert.Equal(daemon, DocumentLinter.DetectKind(path, root) == InputKind.Daemon);
    }

    [Fact]
    public void Odd_values_are_kept_as_entries()
    {
        var single = DaemonConfig.Read(Root("{ \"allow-nondistributable-artifacts\": \"111122223333.dkr.ecr.us-west-2.amazonaws.com\" }"));
        Assert.False(single.IsArray);
        Assert.Single(single.Entries);
        var mixed = DaemonConfig.Read(Root("{ \"allow-nondistributable-artifacts\": [ 12, { \"a\": 1 }, \"x\" ] }"));
        Assert.Equal(new string?[] { null, null, "x" }, mixed.Entries.Select(e => e.Value));
        Assert.Empty(DaemonConfig.Read(Root("{ \"debug\": true }")).Entries);
    }
}
