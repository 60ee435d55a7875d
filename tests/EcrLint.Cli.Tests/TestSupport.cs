using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace EcrLint.Cli.Tests;

/// <summary>Policies that trigger exactly one of ECR400/401/402, and one that is clean of every rule.</summary>
public static class Policies
{
    /// <summary>No Version: ECR401 (info) on the top-level object, with a fix.</summary>
    public const string NoVersion = "{\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": \"*\",\n      \"Action\": [\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\", \"ecr:GetAuthorizationToken\"],\n      \"Resource\": \"*\"\n    }\n  ]\n}\n";

    /// <summary>An identity policy with a policy variable and no Version: ECR402 (error) on the Resource value, with a fix.</summary>
    public const string VariableNoVersion = "{\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Sid\": \"ReadHome\",\n      \"Action\": \"s3:GetObject\",\n      \"Resource\": \"arn:aws:s3:::bucket/${aws:username}/*\"\n    }\n  ]\n}\n";

    /// <summary>A complete pull grant with a Version: no finding of any rule.</summary>
    public const string Clean = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": \"*\",\n      \"Action\": [\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\", \"ecr:GetAuthorizationToken\"],\n      \"Resource\": \"*\"\n    }\n  ]\n}\n";

    /// <summary>Invalid JSON: ECR400 (error) when named explicitly.</summary>
    public const string Invalid = "{\n  \"Statement\": [ {\"Effect\": \"Allow\", }\n";
}

/// <summary>A temporary folder, deleted (permissions restored first) when disposed.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ecrlint-tests", Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative, string content) => File(relative, Encoding.UTF8.GetBytes(content));

    public string File(string relative, byte[] content)
    {
        var full = Full(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, content);
        return full;
    }

    public string Dir(string relative)
    {
        var full = Full(relative);
        Directory.CreateDirectory(full);
        return full;
    }

    public string Full(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public byte[] Bytes(string relative) => System.IO.File.ReadAllBytes(Full(relative));

    public string Text(string relative) => System.IO.File.ReadAllText(Full(relative));

    public void Dispose()
    {
        try
        {
            RestorePermissions(new DirectoryInfo(Path));
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Makes every file and folder writable again (tests chmod 000 some), without following symbolic links.</summary>
    private static void RestorePermissions(DirectoryInfo dir)
    {
        File_SetMode(dir.FullName);
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = dir.EnumerateFileSystemInfos().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.LinkTarget is not null) continue;
            if (entry is DirectoryInfo sub) RestorePermissions(sub);
            else File_SetMode(entry.FullName);
        }
    }

    private static void File_SetMode(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>What a run of ecrlint printed and returned.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public string[] OutLines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}

/// <summary>Runs the command in this process (fast; for the many option combinations).</summary>
public static class InProcess
{
    public static CliResult Run(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, args);

    public static CliResult RunWithInput(string workingDirectory, byte[]? stdin, params string[] args) => RunWith(workingDirectory, stdin, null, args);

    public static CliResult RunWith(string workingDirectory, byte[]? stdin, Fixing.SafeFileWriter? writer, params string[] args)
    {
        using var output = new MemoryStream();
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, () => new MemoryStream(stdin ?? []), workingDirectory)
        {
            FileWriter = writer ?? Fixing.SafeFileWriter.Default,
        };
        var code = CliApp.Run(args, console);
        return new CliResult(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}

/// <summary>Runs the built ecrlint.dll as a separate process (<c>dotnet ecrlint.dll ...</c>).</summary>
public static class CliProcess
{
    private static readonly Lazy<string> CliPath = new(FindCli);

    public static string Dll => CliPath.Value;

    public static CliResult Run(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, args);

    public static CliResult RunWithInput(string workingDirectory, byte[]? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("ecrlint did not finish within 60 s: " + string.Join(' ', args));
        }

        return new CliResult(process.ExitCode, stdoutTask.Result, stderrTask.Result);
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }

    /// <summary>
    /// The CLI project's own build output (it has ecrlint.runtimeconfig.json and ecrlint.deps.json); the
    /// path is recorded at build time from the project reference, which also makes the build build the CLI first.
    /// </summary>
    private static string FindCli()
    {
        var recorded = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "EcrLintCliPath")?.Value;
        if (!string.IsNullOrEmpty(recorded) && File.Exists(recorded)
            && File.Exists(Path.ChangeExtension(recorded, ".runtimeconfig.json")))
            return recorded;
        var local = Path.Combine(AppContext.BaseDirectory, "ecrlint.dll");
        if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "ecrlint.runtimeconfig.json"))) return local;
        throw new FileNotFoundException($"The built ecrlint.dll was not found (recorded path: '{recorded}'); build cli/EcrLint.Cli first.");
    }
}
