using EcrLint.Cli.Inputs;
using EcrLint.Engine;
using EcrLint.Iam;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Configuration;

namespace EcrLint.Cli.Configuration;

/// <summary>The settings a run uses, every source applied.</summary>
public sealed class ResolvedSettings
{
    public required LintContext Context { get; init; }
    public required LintMode Mode { get; init; }

    /// <summary>The lowest severity that fails the run; <see cref="Severity.None"/> for <c>--fail-level none</c>.</summary>
    public required Severity FailLevel { get; init; }

    /// <summary><c>--kind</c> (Auto when not given).</summary>
    public InputKind KindOverride { get; init; }

    public EcrLintConfig? Config { get; init; }

    /// <summary>The per-rule severities in force and where each came from (for <c>--list-rules</c> and tests).</summary>
    public IReadOnlyDictionary<string, SeveritySetting> Overrides { get; init; } = new Dictionary<string, SeveritySetting>();

    /// <summary>The kind to lint a file as: <c>--kind</c>, then the config's <c>kinds</c> globs, then Auto (file name, then content).</summary>
    public InputKind KindFor(InputFile file)
    {
        if (KindOverride != InputKind.Auto) return KindOverride;
        if (Config is not null && file.FullPath is not null && Config.KindFor(file.FullPath) is { } kind) return kind;
        return InputKind.Auto;
    }

    public bool IsExcluded(string fullPath) => Config?.IsExcluded(fullPath) == true;

    /// <summary>True when a severity reaches the fail level.</summary>
    public bool Fails(Severity severity) => FailLevel != Severity.None && severity != Severity.None && severity >= FailLevel;
}

/// <summary>
/// Resolves the settings. Precedence: the command line, then <c>.ecrlint.json</c> (<c>--config</c>, or the
/// nearest one upward from the working folder), then <c>dotnet_diagnostic.ECRnnn.severity</c> of
/// <c>.editorconfig</c>/<c>.globalconfig</c> files upward from the working folder, then the mode's default.
/// In <c>all-info</c> mode no override raises a rule above info (it may still turn it off).
/// </summary>
public static class SettingsResolver
{
    public static ResolvedSettings Resolve(CliOptions options, string workingDirectory, List<string> warnings)
    {
        EcrLintConfig? config = null;
        if (options.Config is not null)
        {
            var full = Path.GetFullPath(options.Config, workingDirectory);
            if (!File.Exists(full)) throw new UsageException($"cannot read the configuration file '{options.Config}': no such file");
            config = LoadConfig(full, options.Config);
        }
        else if (EcrLintConfig.FindUpward(workingDirectory) is { } found)
        {
            config = LoadConfig(found, Path.GetRelativePath(workingDirectory, found));
        }

        if (config is not null) warnings.AddRange(config.Warnings);

        LintMode mode;
        if (options.Mode is not null)
        {
            if (!SeverityNames.TryParseMode(options.Mode, out mode))
                throw new UsageException($"--mode '{options.Mode}' is not a mode; use one of: {string.Join(", ", CliOptions.ModeNames)}");
        }
        else
        {
            mode = config?.Mode ?? LintMode.Recommended;
        }

        var failLevel = ParseFailLevel(options.FailLevel);
        var region = options.Region ?? config?.Region;
        var account = options.Account ?? config?.Account;
        var regionSource = options.Region is not null ? "--region" : "\"region\" in " + config?.FullPath;
        var accountSource = options.Account is not null ? "--account" : "\"account\" in " + config?.FullPath;
        if (region is not null) ValidateRegion(region, regionSource);
        if (account is not null) ValidateAccount(account, accountSource);

        var overrides = new Dictionary<string, SeveritySetting>(AnalyzerConfigReader.ReadUpward(workingDirectory, warnings), StringComparer.OrdinalIgnoreCase);
        if (config is not null)
        {
            foreach (var (id, severity) in config.Severity) overrides[id] = new SeveritySetting(id, severity, config.FullPath);
        }

        var effective = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, setting) in overrides)
        {
            if (setting.Severity is not { } s) continue; // "default": the mode decides.
            if (mode == LintMode.AllInfo && s > Severity.Info) s = Severity.Info;
            effective[id] = s;
        }

        return new ResolvedSettings
        {
            Context = new LintContext { Region = region, Account = account, Severities = new SeverityPolicy(mode, effective) },
            Mode = mode,
            FailLevel = failLevel,
            KindOverride = options.Kind,
            Config = config,
            Overrides = overrides,
        };
    }

    /// <summary>Reads <c>.ecrlint.json</c> with the shared reader; an invalid file is a usage error.</summary>
    public static EcrLintConfig LoadConfig(string fullPath, string displayPath)
    {
        try
        {
            return EcrLintConfig.Load(fullPath, displayPath);
        }
        catch (EcrLintConfigException e)
        {
            throw new UsageException(e.Message);
        }
    }

    public static Severity ParseFailLevel(string text) => text.Trim().ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        "none" => Severity.None,
        _ => throw new UsageException($"--fail-level '{text}' is not a level; use one of: {string.Join(", ", CliOptions.FailLevelNames)}"),
    };

    public static void ValidateRegion(string region, string source)
    {
        if (EcrLintConfig.RegionProblem(region, source) is { } problem) throw new UsageException(problem);
    }

    public static void ValidateAccount(string account, string source)
    {
        if (EcrLintConfig.AccountProblem(account, source) is { } problem) throw new UsageException(problem);
    }
}
