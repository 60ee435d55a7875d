using System.Text;
using EcrLint.Cli.Baselines;
using EcrLint.Cli.Configuration;

namespace EcrLint.Cli.Tests.Unit;

public class BaselineTests
{
    [Fact]
    public void Keys_are_file_pointer_and_rule()
    {
        var a = new BaselineKey("a/x.json", "/Statement/0/Resource", "ECR402");
        Assert.Equal(a, new BaselineKey("a/x.json", "/Statement/0/Resource", "ECR402"));
        Assert.NotEqual(a, new BaselineKey("b/x.json", "/Statement/0/Resource", "ECR402"));
        Assert.NotEqual(a, new BaselineKey("a/x.json", "/Statement/1/Resource", "ECR402"));
        Assert.NotEqual(a, new BaselineKey("a/x.json", "/Statement/0/Resource", "ECR401"));
    }

    [Fact]
    public void Key_paths_are_relative_to_the_baseline_folder_with_forward_slashes()
    {
        var root = Path.Combine(Path.GetTempPath(), "proj");
        Assert.Equal("samples/a.json", Baseline.KeyPath(root, Path.Combine(root, "samples", "a.json")));
        Assert.Equal("../other/a.json", Baseline.KeyPath(Path.Combine(root, "ci"), Path.Combine(root, "other", "a.json")));
        Assert.Equal("<stdin>", Baseline.KeyPath(root, null));
    }

    [Fact]
    public void Written_baselines_read_back_and_identical_findings_in_two_files_stay_apart()
    {
        var entries = new[]
        {
            new BaselineEntry("b.json", "", "ECR401", "no Version"),
            new BaselineEntry("a.json", "", "ECR401", "no Version"),
            new BaselineEntry("a.json", "", "ECR401", "no Version"),
        };
        using var stream = new MemoryStream();
        Baseline.Write(stream, entries);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.True(text.IndexOf("a.json", StringComparison.Ordinal) < text.IndexOf("b.json", StringComparison.Ordinal), "entries are sorted");
        Assert.DoesNotContain("\r", text);

        var baseline = Baseline.Parse(text, "/proj", "baseline.json");
        Assert.Equal(2, baseline.Count);
        Assert.True(baseline.Contains(new BaselineKey("a.json", "", "ECR401")));
        Assert.True(baseline.Contains(new BaselineKey("b.json", "", "ECR401")));
        Assert.False(baseline.Contains(new BaselineKey("c.json", "", "ECR401")));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"findings": 3}""")]
    [InlineData("""{"version": 2, "findings": []}""")]
    [InlineData("""{"findings": [{"pointer": ""}]}""")]
    [InlineData("nope")]
    public void Invalid_baselines_are_usage_errors(string text)
    {
        Assert.Throws<UsageException>(() => Baseline.Parse(text, "/proj", "baseline.json"));
    }
}
