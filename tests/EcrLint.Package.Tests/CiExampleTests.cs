using YamlDotNet.RepresentationModel;

namespace EcrLint.Package.Tests;

/// <summary>
/// docs/ci/github-actions.yml installs the tool, runs the SARIF command the end-to-end test runs against the
/// installed tool, and uploads the report; the README shows the same command.
/// </summary>
public class CiExampleTests
{
    public const string LintCommand = "ecrlint --format sarif --output ecrlint.sarif .";

    [Fact]
    public void Workflow_installs_the_tool_lints_to_sarif_and_uploads_it()
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(Repo.PathOf("docs", "ci", "github-actions.yml")))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var permissions = (YamlMappingNode)root["permissions"];
        Assert.Equal("write", ((YamlScalarNode)permissions["security-events"]).Value);

        var job = (YamlMappingNode)((YamlMappingNode)root["jobs"]).Children.Single().Value;
        var steps = ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>().ToList();
        string? Value(YamlMappingNode step, string key) => step.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;

        var install = steps.FindIndex(s => Value(s, "run") is { } run && run.Contains("dotnet tool install", StringComparison.Ordinal) && run.Contains("EcrLint.Cli", StringComparison.Ordinal));
        var lint = steps.FindIndex(s => Value(s, "run")?.Trim() == LintCommand);
        var upload = steps.FindIndex(s => Value(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        Assert.True(install >= 0 && lint > install && upload > lint, "install, lint and upload steps in that order");
        var with = (YamlMappingNode)steps[upload]["with"];
        Assert.Equal("ecrlint.sarif", ((YamlScalarNode)with["sarif_file"]).Value);
        Assert.Contains("!cancelled()", Value(steps[upload], "if"), StringComparison.Ordinal); // uploads when lint fails the job too
    }

    [Fact]
    public void Readme_shows_the_package_install_and_the_ci_command()
    {
        var readme = File.ReadAllText(Repo.PathOf("README.md"));
        Assert.Contains("\n    dotnet add package EcrLint\n", readme, StringComparison.Ordinal);
        Assert.Contains("\n    " + LintCommand + "\n", readme, StringComparison.Ordinal);
        Assert.Contains("docs/ci/github-actions.yml", readme, StringComparison.Ordinal);
        // The quick start keeps its two commands, each as a plain indented line.
        Assert.Contains("\n    dotnet run --project cli/EcrLint.Cli -- samples\n", readme, StringComparison.Ordinal);
        Assert.Contains("\n    dotnet test EcrLint.sln\n", readme, StringComparison.Ordinal);
    }
}
