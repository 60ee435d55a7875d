using System.Text.Json;
using EcrLint.Cli.Configuration;
using EcrLint.Cli.Inputs;

namespace EcrLint.Cli.Tests.Unit;

/// <summary>The report is written as files are linted, in report order, without keeping every finding.</summary>
public class StreamingTests
{
    [Fact]
    public void Outcomes_are_handed_over_in_the_requested_order_whatever_the_scheduling()
    {
        using var dir = new TempDir();
        var inputs = new List<InputFile>();
        for (var i = 0; i < 60; i++)
        {
            // Files of very different sizes, so that workers finish out of order.
            var text = i % 7 == 0 ? Policies.NoVersion.Replace("\"Resource\": \"*\"", "\"Resource\": [" + string.Join(",", Enumerable.Repeat("\"*\"", 2000)) + "]") : Policies.NoVersion;
            inputs.Add(new InputFile($"f{i:00}.json", dir.File($"f{i:00}.json", text), Explicit: true));
        }

        var settings = SettingsResolver.Resolve(new CliOptions { Paths = ["."] }, dir.Path, []);
        var order = Enumerable.Range(0, inputs.Count).Reverse().ToArray();
        var emitted = new List<int>();
        new LintRunner(settings, new RunnerOptions { MaxDegreeOfParallelism = 4 }, () => [])
            .Run(inputs, order, (index, outcome) =>
            {
                Assert.Same(inputs[index], outcome.Input);
                emitted.Add(index);
            });

        Assert.Equal(order, emitted);
    }

    [Fact]
    public void A_report_file_that_is_also_an_input_is_read_before_it_is_written()
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.VariableNoVersion);
        dir.File("report.json", Policies.VariableNoVersion);

        var r = InProcess.Run(dir.Path, "a.json", "report.json", "--format", "json", "--output", "report.json");

        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(dir.Text("report.json"));
        var files = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()).ToList();
        Assert.Equal(new[] { "a.json", "report.json" }, files);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void A_report_that_cannot_be_written_is_exit_2_after_linting(string format)
    {
        using var dir = new TempDir();
        dir.File("a.json", Policies.Clean);

        var r = InProcess.Run(dir.Path, "a.json", "--format", format, "--output", "missing/folder/report.out");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ecrlint: error: cannot write the report to 'missing/folder/report.out': ", r.StdErr);
    }
}
