using EcrLint.Cli.Baselines;
using EcrLint.Cli.Configuration;
using EcrLint.Cli.Fixing;
using EcrLint.Cli.Inputs;
using EcrLint.Cli.Reporting;
using EcrLint.Engine;
using EcrLint.Rules;

namespace EcrLint.Cli;

/// <summary>What linting one input gave: small, immutable data (no document or tree is kept).</summary>
public sealed class FileOutcome
{
    public FileOutcome(InputFile input) => Input = input;

    public InputFile Input { get; }

    /// <summary>Why the input could not be read (or fixed), or null.</summary>
    public InputError? Error { get; set; }

    /// <summary>False for a file found by a walk that is not a kind EcrLint lints.</summary>
    public bool Recognized { get; set; } = true;

    public IReadOnlyList<ReportedFinding> Findings { get; set; } = [];

    /// <summary>Entries for <c>--write-baseline</c> (findings not suppressed by the configuration).</summary>
    public IReadOnlyList<BaselineEntry> BaselineEntries { get; set; } = [];

    public int FixesApplied { get; set; }

    /// <summary>True when fixes were written to the file.</summary>
    public bool Fixed { get; set; }

    /// <summary>The unified diff of <c>--fix --dry-run</c>, or null.</summary>
    public string? Diff { get; set; }
}

/// <summary>What the runner does besides linting.</summary>
public sealed class RunnerOptions
{
    public bool Fix { get; init; }
    public bool DryRun { get; init; }
    public Baseline? Baseline { get; init; }

    /// <summary>The folder of the <c>--write-baseline</c> file (entries are relative to it), or null.</summary>
    public string? WriteBaselineDirectory { get; init; }

    public SafeFileWriter Writer { get; init; } = SafeFileWriter.Default;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// Lints the inputs in parallel (one worker per processor). Each file is read, linted (and fixed), and its
/// findings reduced to <see cref="ReportedFinding"/> records at once, so memory holds one document per worker.
/// Results land in input order; reports sort them (file, line, column, rule), so output does not depend on
/// scheduling.
/// </summary>
public sealed class LintRunner
{
    private readonly ResolvedSettings _settings;
    private readonly RunnerOptions _options;
    private readonly Func<byte[]> _readStdin;

    public LintRunner(ResolvedSettings settings, RunnerOptions options, Func<byte[]> readStdin)
    {
        _settings = settings;
        _options = options;
        _readStdin = readStdin;
    }

    public FileOutcome[] Run(IReadOnlyList<InputFile> inputs)
    {
        var outcomes = new FileOutcome[inputs.Count];
        byte[]? stdin = null;
        if (inputs.Any(i => i.IsStdin)) stdin = _readStdin();
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism) },
            i => outcomes[i] = LintOne(inputs[i], stdin));
        return outcomes;
    }

    private FileOutcome LintOne(InputFile input, byte[]? stdin)
    {
        var outcome = new FileOutcome(input);
        try
        {
            byte[]? bytes;
            if (input.IsStdin)
            {
                bytes = stdin ?? [];
            }
            else
            {
                bytes = FileReader.TryRead(input.FullPath!, out var reason);
                if (bytes is null)
                {
                    outcome.Error = new InputError(input.DisplayPath, reason ?? "unknown error");
                    return outcome;
                }
            }

            var kind = _settings.KindFor(input);
            var configPath = _settings.Config is not { Suppressions.Count: > 0 } config ? null
                : input.FullPath is null ? InputFile.StdinPath : config.RelativePath(input.FullPath);
            var baselinePath = _options.Baseline is null ? null : Baseline.KeyPath(_options.Baseline.Directory, input.FullPath);

            FileLintResult result;
            if (_options.Fix && !input.IsStdin)
            {
                var fixedOutcome = FileFixer.Fix(input.DisplayPath, bytes, _settings.Context, kind, input.Explicit,
                    f => SuppressionOf(f, configPath, baselinePath) is not null);
                result = fixedOutcome.Result;
                if (fixedOutcome.Changed)
                {
                    outcome.FixesApplied = fixedOutcome.FixesApplied;
                    if (_options.DryRun)
                    {
                        outcome.Diff = UnifiedDiff.Create(fixedOutcome.OriginalText, fixedOutcome.NewText, DiffLabel("a/", input.DisplayPath), DiffLabel("b/", input.DisplayPath));
                    }
                    else
                    {
                        try
                        {
                            _options.Writer.Replace(input.FullPath!, bytes, fixedOutcome.NewBytes);
                            outcome.Fixed = true;
                        }
                        catch (Exception e) when (FileReader.IsIoFailure(e))
                        {
                            var message = e is FileChangedException
                                ? $"'{input.DisplayPath}' changed since it was read; it was not fixed (run ecrlint --fix again)"
                                : $"cannot write the fixes to '{input.DisplayPath}': {FileReader.Reason(e)}; it was not changed";
                            outcome.Error = new InputError(input.DisplayPath, FileReader.Reason(e)) { FullMessage = message };
                            outcome.FixesApplied = 0;
                            result = Linter.LintFile(input.DisplayPath, bytes, _settings.Context, kind, input.Explicit);
                        }
                    }
                }
            }
            else
            {
                result = Linter.LintFile(input.DisplayPath, bytes, _settings.Context, kind, input.Explicit);
            }

            if (!result.Recognized)
            {
                outcome.Recognized = false;
                return outcome;
            }

            var findings = new ReportedFinding[result.Findings.Count];
            List<BaselineEntry>? entries = _options.WriteBaselineDirectory is null ? null : new List<BaselineEntry>();
            var writePath = _options.WriteBaselineDirectory is null ? null : Baseline.KeyPath(_options.WriteBaselineDirectory, input.FullPath);
            for (var i = 0; i < findings.Length; i++)
            {
                var f = result.Findings[i];
                var suppression = SuppressionOf(f, configPath, baselinePath);
                if (entries is not null && suppression?.Kind != "config")
                {
                    entries.Add(new BaselineEntry(writePath!, f.Pointer ?? "", f.RuleId, f.Message));
                    suppression ??= new ReportedSuppression("baseline", "written to the new baseline");
                }

                findings[i] = ReportedFinding.From(f, suppression);
            }

            outcome.Findings = findings;
            if (entries is not null) outcome.BaselineEntries = entries;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            outcome.Error = new InputError(input.DisplayPath, e.Message) { FullMessage = $"internal error while linting '{input.DisplayPath}': {e.GetType().Name}: {e.Message}" };
        }

        return outcome;
    }

    private ReportedSuppression? SuppressionOf(Finding f, string? configPath, string? baselinePath)
    {
        var pointer = f.Pointer ?? "";
        if (_settings.Config is { } config && configPath is not null)
        {
            foreach (var s in config.Suppressions)
            {
                if (s.Matches(f.RuleId, configPath, pointer)) return new ReportedSuppression("config", s.Reason);
            }
        }

        if (_options.Baseline is { } baseline && baselinePath is not null && baseline.Contains(new BaselineKey(baselinePath, pointer, f.RuleId)))
            return new ReportedSuppression("baseline", "in the baseline");
        return null;
    }

    private static string DiffLabel(string prefix, string path) =>
        Path.IsPathFullyQualified(path) ? path : prefix + path.Replace('\\', '/');
}
