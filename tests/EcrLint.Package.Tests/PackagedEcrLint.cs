using System.Globalization;
using System.Text.RegularExpressions;

namespace EcrLint.Package.Tests;

/// <summary>
/// Packs the <c>EcrLint</c> analyzer package and the <c>EcrLint.Cli</c> tool package once (Release) into a
/// temporary folder feed, with a version unique to this run so that no package cached by an earlier run is ever
/// used. Consumers are created beside it with a NuGet configuration that maps <c>EcrLint*</c> to that feed and
/// everything else to nuget.org. Everything is deleted afterwards, the run's packages in the global packages
/// folder included.
/// </summary>
public sealed partial class PackagedEcrLint : IDisposable
{
    public PackagedEcrLint()
    {
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
        Base = Path.Combine(Path.GetTempPath(), "ecrlint-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Directory.CreateDirectory(Path.Combine(Base, "feed")).FullName;
        Consumers = Directory.CreateDirectory(Path.Combine(Base, "consumers")).FullName;
        File.WriteAllText(Path.Combine(Consumers, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="ecrlint-e2e" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="ecrlint-e2e">
                  <package pattern="EcrLint" />
                  <package pattern="EcrLint.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        // Nothing above the consumers (a developer's Directory.Build.props, .editorconfig) leaks into them.
        File.WriteAllText(Path.Combine(Consumers, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Consumers, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Consumers, ".editorconfig"), "root = true\n");

        PackAnalyzers = Pack(Repo.PathOf("packaging", "EcrLint", "EcrLint.csproj"));
        PackCli = Pack(Repo.PathOf("cli", "EcrLint.Cli", "EcrLint.Cli.csproj"));
    }

    public string Version { get; }
    public string Base { get; }
    public string Feed { get; }
    public string Consumers { get; }
    public CommandResult PackAnalyzers { get; }
    public CommandResult PackCli { get; }

    public string AnalyzerPackage => Path.Combine(Feed, $"EcrLint.{Version}.nupkg");
    public string CliPackage => Path.Combine(Feed, $"EcrLint.Cli.{Version}.nupkg");

    private CommandResult Pack(string project)
    {
        var result = DotnetProcess.Dotnet(Repo.Root, null, "pack", project, "-c", "Release", "-o", Feed, "-p:PackageVersion=" + Version, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        if (result.ExitCode != 0) throw new InvalidOperationException("packing failed: " + result);
        return result;
    }

    /// <summary>A new folder for a consumer project (under the folder holding the NuGet configuration).</summary>
    public string NewConsumer(string name) => Directory.CreateDirectory(Path.Combine(Consumers, name)).FullName;

    /// <summary>A folder outside the consumers' NuGet configuration (the tool is installed from there with --add-source).</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Base, name)).FullName;

    public void Dispose()
    {
        TryDelete(Base);
        // The run's packages were extracted into the global packages folder; they are never used again.
        var locals = DotnetProcess.Dotnet(Path.GetTempPath(), null, "nuget", "locals", "global-packages", "--list");
        var match = GlobalPackagesLine().Match(locals.Output);
        if (match.Success)
        {
            var folder = match.Groups[1].Value.Trim();
            foreach (var id in new[] { "ecrlint", "ecrlint.cli" })
            {
                TryDelete(Path.Combine(folder, id, Version.ToLowerInvariant()));
                try
                {
                    if (Directory.Exists(Path.Combine(folder, id)) && !Directory.EnumerateFileSystemEntries(Path.Combine(folder, id)).Any()) Directory.Delete(Path.Combine(folder, id));
                }
                catch (IOException)
                {
                    // Another run is extracting a version there right now.
                }
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    [GeneratedRegex(@"global-packages:\s*(.+)")]
    private static partial Regex GlobalPackagesLine();
}
