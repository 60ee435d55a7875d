using System.CommandLine;
using System.Text;
using EcrLint.Cli.Baselines;
using EcrLint.Cli.Configuration;
using EcrLint.Cli.Fixing;
using EcrLint.Cli.Inputs;
using EcrLint.Cli.Reporting;
using EcrLint.Engine;
using EcrLint.Rules;

namespace EcrLint.Cli;

/// <summary>Where a run reads and writes (the process's streams, or test doubles).</summary>
public sealed class CliConsole
{
    public CliConsole(Stream output, TextWriter error, Func<Stream> openStdin, string workingDirectory)
    {
        Output = output;
        Error = error;
        OpenStdin = openStdin;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>Standard output (reports, diffs, help).</summary>
    public Stream Output { get; }

    /// <summary>Standard error (errors, warnings, what --fix did).</summary>
    public TextWriter Error { get; }

    public Func<Stream> OpenStdin { get; }

    /// <summary>The folder relative paths are resolved against, and where configuration files are looked for.</summary>
    public string WorkingDirectory { get; }

    /// <summary>How fixed files are written (tests replace it to change a file between read and write).</summary>
    public SafeFileWriter FileWriter { get; init; } = SafeFileWriter.Default;
}

/// <summary>The exit codes of cli.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int Error = 2;
}

/// <summary>The <c>ecrlint</c> command: parses the command line, resolves settings, lints, reports.</summary>
public static class CliApp
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static int Run(string[] args, CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Files, folders (searched recursively for *.json, *.yaml, *.yml), globs (samples/**/*.json), or - for standard input.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "The report format.",
            DefaultValueFactory = _ => "text",
            HelpName = string.Join('|', CliOptions.FormatNames),
        };
        format.AcceptOnlyFromAmong(CliOptions.FormatNames);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };
        var region = new Option<string?>("--region") { Description = "The endpoints' region, when the files do not say (e.g. us-east-1).", HelpName = "REGION" };
        var account = new Option<string?>("--account") { Description = "The AWS account ID (12 digits), when the files do not say.", HelpName = "ID" };
        var kind = new Option<string>("--kind")
        {
            Description = "Lint every file as this kind instead of detecting it.",
            DefaultValueFactory = _ => "auto",
            HelpName = string.Join('|', CliOptions.KindNames),
        };
        kind.AcceptOnlyFromAmong(CliOptions.KindNames);
        var mode = new Option<string?>("--mode")
        {
            Description = "Rule pack mode: recommended (default), strict (warnings become errors), all-info (everything as info).",
            HelpName = string.Join('|', CliOptions.ModeNames),
        };
        mode.AcceptOnlyFromAmong(CliOptions.ModeNames);
        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Exit with 1 when a finding of this severity or higher is reported.",
            DefaultValueFactory = _ => "error",
            HelpName = string.Join('|', CliOptions.FailLevelNames),
        };
        failLevel.AcceptOnlyFromAmong(CliOptions.FailLevelNames);
        var config = new Option<string?>("--config") { Description = "The configuration file (default: the nearest .ecrlint.json upward from the current folder).", HelpName = "FILE" };
        var baseline = new Option<string?>("--baseline") { Description = "Report the findings listed in FILE as suppressed.", HelpName = "FILE" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write every current finding to FILE (a baseline for --baseline).", HelpName = "FILE" };
        var fix = new Option<bool>("--fix") { Description = "Apply the safe fixes in place, then report what remains." };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --fix: print the fixes as a unified diff and change nothing." };
        var listRules = new Option<bool>("--list-rules") { Description = "List every rule: ID, pack, severity, title, help link." };

        var root = new RootCommand("EcrLint: lints Amazon ECR over AWS PrivateLink setups (endpoint policies, S3 gateway endpoint policies, IAM actions).")
        {
            paths, format, output, region, account, kind, mode, failLevel, config, baseline, writeBaseline, fix, dryRun, listRules,
        };

        root.SetAction(parseResult =>
        {
            var separator = Array.IndexOf(args, "--");
            var unknown = (parseResult.GetValue(paths) ?? []).FirstOrDefault(p => p.Length > 1 && p[0] == '-' && (separator < 0 || Array.IndexOf(args, p, separator + 1) < 0));
            if (unknown is not null)
            {
                console.Error.Write($"ecrlint: error: unknown option '{unknown}' (a file whose name starts with - can be given as ./{unknown}, or after --)\n");
                console.Error.Write("Usage: ecrlint [PATH ...] [options]; run 'ecrlint --help' for the options.\n");
                return ExitCodes.Error;
            }

            InputKinds.TryParse(parseResult.GetValue(kind) ?? "auto", out var inputKind);
            var options = new CliOptions
            {
                Paths = parseResult.GetValue(paths) ?? [],
                Format = CliOptions.ParseFormat(parseResult.GetValue(format) ?? "text"),
                Output = parseResult.GetValue(output),
                Region = parseResult.GetValue(region),
                Account = parseResult.GetValue(account),
                Kind = inputKind,
                Mode = parseResult.GetValue(mode),
                FailLevel = parseResult.GetValue(failLevel) ?? "error",
                Config = parseResult.GetValue(config),
                Baseline = parseResult.GetValue(baseline),
                WriteBaseline = parseResult.GetValue(writeBaseline),
                Fix = parseResult.GetValue(fix),
                DryRun = parseResult.GetValue(dryRun),
                ListRules = parseResult.GetValue(listRules),
            };
            return Execute(options, console);
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) console.Error.Write($"ecrlint: error: {error.Message}\n");
            console.Error.Write("Usage: ecrlint [PATH ...] [options]; run 'ecrlint --help' for the options.\n");
            return ExitCodes.Error;
        }

        var helpWriter = new StreamWriter(console.Output, Utf8NoBom, 4096, leaveOpen: true) { NewLine = "\n" };
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = helpWriter, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        finally
        {
            helpWriter.Flush();
            helpWriter.Dispose();
        }
    }

    /// <summary>Runs with parsed options; returns the exit code.</summary>
    public static int Execute(CliOptions options, CliConsole console)
    {
        var err = console.Error;
        try
        {
            if (options.DryRun && !options.Fix) throw new UsageException("--dry-run needs --fix (ecrlint --fix --dry-run PATH prints the fixes as a diff)");
            var warnings = new List<string>();
            var settings = SettingsResolver.Resolve(options, console.WorkingDirectory, warnings);
            foreach (var w in warnings) err.Write($"ecrlint: warning: {w}\n");

            if (options.ListRules)
            {
                return WriteOutput(options, console, stream =>
                {
                    if (options.Format == OutputFormat.Json)
                    {
                        RuleListWriter.WriteJson(settings.Context.Severities, stream);
                    }
                    else
                    {
                        using var writer = new StreamWriter(stream, Utf8NoBom, 4096, leaveOpen: true);
                        RuleListWriter.WriteText(settings.Context.Severities, writer);
                    }
                }) ? ExitCodes.Success : ExitCodes.Error;
            }

            if (options.Paths.Count == 0)
            {
                throw new UsageException(
                    "no PATH given. Usage: ecrlint [PATH ...] [options], where PATH is a file, a folder (searched recursively), " +
                    "a glob such as 'policies/**/*.json', or - for standard input. Example: ecrlint . --region us-east-1. " +
                    "Run 'ecrlint --help' for the options, 'ecrlint --list-rules' for the rules.");
            }

            Baseline? loadedBaseline = null;
            if (options.Baseline is not null)
            {
                var full = Path.GetFullPath(options.Baseline, console.WorkingDirectory);
                if (!File.Exists(full)) throw new UsageException($"cannot read the baseline '{options.Baseline}': no such file (create one with --write-baseline)");
                loadedBaseline = Baseline.Load(full, options.Baseline);
            }

            string? writeBaselineFull = options.WriteBaseline is null ? null : Path.GetFullPath(options.WriteBaseline, console.WorkingDirectory);

            // The tool's own files (report, baselines, configuration) are never linted by a walk.
            var ownFiles = new HashSet<string>(new[] { options.Output, options.Baseline, options.WriteBaseline }
                .Where(p => p is not null).Select(p => Path.GetFullPath(p!, console.WorkingDirectory)), StringComparer.Ordinal);
            if (settings.Config is not null) ownFiles.Add(settings.Config.FullPath);
            var expanded = new PathExpander(console.WorkingDirectory, full => ownFiles.Contains(full) || settings.IsExcluded(full)).Expand(options.Paths);
            if (options.Fix && expanded.Files.Any(f => f.IsStdin))
                err.Write("ecrlint: warning: <stdin> cannot be fixed (fixes are written to files); it is linted only\n");

            var runner = new LintRunner(settings, new RunnerOptions
            {
                Fix = options.Fix,
                DryRun = options.DryRun,
                Baseline = loadedBaseline,
                WriteBaselineDirectory = writeBaselineFull is null ? null : Path.GetDirectoryName(writeBaselineFull),
                Writer = console.FileWriter,
            }, () => ReadAll(console.OpenStdin()));
            var outcomes = runner.Run(expanded.Files);

            var errors = new List<InputError>(expanded.Errors);
            var findings = new List<ReportedFinding>();
            int files = 0, skipped = 0, fixesApplied = 0, filesFixed = 0;
            foreach (var o in outcomes)
            {
                if (o.Error is not null) errors.Add(o.Error);
                if (o.Error is not null && o.Findings.Count == 0) continue;
                if (!o.Recognized)
                {
                    skipped++;
                    continue;
                }

                files++;
                findings.AddRange(o.Findings);
                if (o.FixesApplied > 0)
                {
                    fixesApplied += o.FixesApplied;
                    filesFixed++;
                }
            }

            findings.Sort(ReportedFinding.Compare);
            foreach (var e in errors) err.Write($"ecrlint: error: {e.Message}\n");
            if (options.Fix && !options.DryRun)
            {
                foreach (var o in outcomes.Where(o => o.Fixed).OrderBy(o => o.Input.DisplayPath, StringComparer.Ordinal))
                    err.Write($"ecrlint: fixed {o.FixesApplied} {(o.FixesApplied == 1 ? "finding" : "findings")} in '{o.Input.DisplayPath}'\n");
            }

            var report = new RunReport(findings, errors, files, skipped, fixesApplied, filesFixed, options.DryRun);
            var ok = true;

            if (writeBaselineFull is not null)
            {
                var entries = outcomes.SelectMany(o => o.BaselineEntries).ToList();
                try
                {
                    using var stream = new FileStream(writeBaselineFull, FileMode.Create, FileAccess.Write);
                    Baseline.Write(stream, entries);
                    err.Write($"ecrlint: wrote {entries.Count} {(entries.Count == 1 ? "finding" : "findings")} to the baseline '{options.WriteBaseline}'\n");
                }
                catch (Exception e) when (FileReader.IsIoFailure(e))
                {
                    err.Write($"ecrlint: error: cannot write the baseline '{options.WriteBaseline}': {FileReader.Reason(e)}\n");
                    ok = false;
                }
            }

            if (options.DryRun)
            {
                var diffs = new StringBuilder();
                foreach (var o in outcomes.Where(o => o.Diff is not null).OrderBy(o => o.Input.DisplayPath, StringComparer.Ordinal)) diffs.Append(o.Diff);
                var bytes = Utf8NoBom.GetBytes(diffs.ToString());
                console.Output.Write(bytes);
                // The report of what would remain goes to --output, or to standard error (standard output holds the diff).
                if (options.Output is not null) ok &= WriteOutput(options, console, s => WriteReport(options.Format, report, s, console.WorkingDirectory));
                else
                {
                    using var buffer = new MemoryStream();
                    WriteReport(options.Format, report, buffer, console.WorkingDirectory);
                    err.Write(Utf8NoBom.GetString(buffer.ToArray()));
                }
            }
            else
            {
                ok &= WriteOutput(options, console, s => WriteReport(options.Format, report, s, console.WorkingDirectory));
            }

            if (errors.Count > 0 || !ok) return ExitCodes.Error;
            return report.Active.Any(f => settings.Fails(f.Severity)) ? ExitCodes.Findings : ExitCodes.Success;
        }
        catch (UsageException e)
        {
            err.Write($"ecrlint: error: {e.Message}\n");
            return ExitCodes.Error;
        }
    }

    public static void WriteReport(OutputFormat format, RunReport report, Stream stream, string workingDirectory)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonReportWriter.Write(report, stream);
                break;
            case OutputFormat.Sarif:
                SarifReportWriter.Write(report, stream, workingDirectory);
                break;
            default:
                using (var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true))
                {
                    if (format == OutputFormat.GitHub) GitHubReportWriter.Write(report, writer);
                    else TextReportWriter.Write(report, writer);
                }

                break;
        }
    }

    /// <summary>Writes to <c>--output</c> when given, else to standard output. False (and a message) when the file cannot be written.</summary>
    private static bool WriteOutput(CliOptions options, CliConsole console, Action<Stream> write)
    {
        if (options.Output is null)
        {
            write(console.Output);
            console.Output.Flush();
            return true;
        }

        var full = Path.GetFullPath(options.Output, console.WorkingDirectory);
        try
        {
            using var stream = new FileStream(full, FileMode.Create, FileAccess.Write);
            write(stream);
            return true;
        }
        catch (Exception e) when (FileReader.IsIoFailure(e))
        {
            console.Error.Write($"ecrlint: error: cannot write the report to '{options.Output}': {FileReader.Reason(e)}\n");
            return false;
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
