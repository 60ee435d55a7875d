using System.Diagnostics;
using System.Text;

namespace EcrLint.Package.Tests;

/// <summary>The outcome of a command: exit code and everything it printed.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"`{Command}` exited with {ExitCode}:\n{Output}";
}

/// <summary>
/// Runs <c>dotnet</c> (or a tool) as a child process with a clean MSBuild environment: the variables the test
/// host inherits from <c>dotnet test</c> (MSBuild's own paths and node settings) are removed, so the child
/// resolves its SDK as a developer's shell would. No node reuse and no compiler server are left behind.
/// </summary>
public static class DotnetProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string DotnetHost
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
            var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, exe))) return Path.Combine(root, exe);
            return "dotnet";
        }
    }

    public static CommandResult Dotnet(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Run(DotnetHost, workingDirectory, environment, args);

    public static CommandResult Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("_MSBuild", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || key.Equals("DOTNET_CLI_UI_LANGUAGE", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["NUGET_XMLDOC_MODE"] = "skip";
        if (environment is not null)
        {
            foreach (var (k, v) in environment) start.Environment[k] = v;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`{fileName} {string.Join(' ', args)}` did not finish in {Timeout.TotalMinutes} minutes:\n{output}");
        }

        process.WaitForExit(); // Drains the output.
        lock (output) return new CommandResult(Path.GetFileName(fileName) + " " + string.Join(' ', args), process.ExitCode, output.ToString());
    }
}
