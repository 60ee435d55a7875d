using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EcrLint.Configuration;
using EcrLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.Analyzers;

/// <summary>
/// What an analyzer run knows beyond the code: region and account from the MSBuild properties made visible to
/// the compiler (<c>build_property.EcrLintRegion</c>, <c>build_property.EcrLintAccount</c>), and the
/// <c>.ecrlint.json</c> files passed as AdditionalFiles (read by the same code as the command line).
/// <para>
/// Severities: the analyzers report every rule at its default severity, or at the level <c>.ecrlint.json</c>'s
/// <c>severity</c> gives it; a rule set to <c>none</c> there is not reported at all. The compiler then applies
/// <c>dotnet_diagnostic.ECRnnn.severity</c> (a <c>.globalconfig</c>, and the global configuration the
/// <c>EcrLintMode</c> property selects) on top: a key in force for a rule decides its level. Rules disabled by
/// default (ECR204) are reported too, and dropped by the compiler unless configured.
/// </para>
/// </summary>
internal sealed class AnalyzerSettings
{
    private readonly IReadOnlyList<ConfigFile> _configs;

    private AnalyzerSettings(LintContext baseContext, LintContext context, IReadOnlyList<ConfigFile> configs, ConfigFile? projectConfig)
    {
        BaseContext = baseContext;
        Context = context;
        _configs = configs;
        ProjectConfig = projectConfig;
    }

    /// <summary>The context from the MSBuild properties alone (for files no <c>.ecrlint.json</c> applies to).</summary>
    public LintContext BaseContext { get; }

    /// <summary>The context for code of the project (C#): MSBuild properties, then the project's <c>.ecrlint.json</c>.</summary>
    public LintContext Context { get; }

    /// <summary>The <c>.ecrlint.json</c> that applies to the project as a whole (the nearest one at or above the project folder).</summary>
    public ConfigFile? ProjectConfig { get; }

    /// <summary>Every <c>.ecrlint.json</c> passed as an AdditionalFile.</summary>
    public IReadOnlyList<ConfigFile> Configs => _configs;

    /// <summary>
    /// The lint context from the MSBuild properties alone: every rule at its default severity (the compiler
    /// applies the configured ones). Kept for analyzers that do not read <c>.ecrlint.json</c>.
    /// </summary>
    public static LintContext Read(AnalyzerConfigOptions options)
    {
        var (region, account) = ReadProperties(options);
        return new LintContext { Region = region, Account = account, Severities = Severities(null) };
    }

    /// <summary>The settings of a compilation: MSBuild properties and the <c>.ecrlint.json</c> AdditionalFiles.</summary>
    public static AnalyzerSettings Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var (region, account) = ReadProperties(global);
        var configs = new List<ConfigFile>();
        foreach (var file in options.AdditionalFiles)
        {
            if (!IsConfigFile(file.Path)) continue;
            configs.Add(ConfigFile.Read(file, region, account, cancellationToken));
        }

        global.TryGetValue("build_property.ProjectDir", out var projectDir);
        var projectConfig = string.IsNullOrWhiteSpace(projectDir) ? (configs.Count == 1 ? configs[0] : null) : Nearest(configs, projectDir!);
        var baseContext = new LintContext { Region = region, Account = account, Severities = Severities(null) };
        return new AnalyzerSettings(baseContext, projectConfig?.Context ?? baseContext, configs, projectConfig);
    }

    /// <summary>The <c>.ecrlint.json</c> that applies to a file: the nearest one in its folder or above, or null.</summary>
    public ConfigFile? ConfigFor(string path)
    {
        if (_configs.Count == 0) return null;
        return Nearest(_configs, Path.GetDirectoryName(path) ?? "");
    }

    /// <summary>True for a file named <c>.ecrlint.json</c>.</summary>
    public static bool IsConfigFile(string path) =>
        string.Equals(Path.GetFileName(path), EcrLintConfig.FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The configuration in <paramref name="directory"/> or the nearest folder above it.</summary>
    private static ConfigFile? Nearest(IReadOnlyList<ConfigFile> configs, string directory)
    {
        ConfigFile? best = null;
        var bestLength = -1;
        var dir = Normalize(directory);
        foreach (var config in configs)
        {
            var configDir = Normalize(Path.GetDirectoryName(config.File.Path) ?? "");
            if (configDir.Length <= bestLength) continue;
            if (dir.Equals(configDir, PathComparison) || dir.StartsWith(configDir + "/", PathComparison) || configDir.Length == 0 || configDir == "/")
            {
                best = config;
                bestLength = configDir.Length;
            }
        }

        return best;
    }

    private static StringComparison PathComparison =>
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        return p.Length > 1 ? p.TrimEnd('/') : p;
    }

    private static (string? Region, string? Account) ReadProperties(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.EcrLintRegion", out var region);
        options.TryGetValue("build_property.EcrLintAccount", out var account);
        return (string.IsNullOrWhiteSpace(region) ? null : region!.Trim(), string.IsNullOrWhiteSpace(account) ? null : account!.Trim());
    }

    /// <summary>Every rule at its default severity (ECR204 included: the compiler drops it unless configured), then <c>.ecrlint.json</c>'s levels.</summary>
    internal static SeverityPolicy Severities(EcrLintConfig? config)
    {
        var overrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in RuleCatalog.All)
        {
            if (rule.OffInRecommended) overrides[rule.Id] = rule.DefaultSeverity;
        }

        if (config is not null)
        {
            foreach (var pair in config.Severity)
            {
                if (pair.Value is { } s) overrides[pair.Key] = s;
            }
        }

        return new SeverityPolicy(LintMode.Recommended, overrides);
    }
}

/// <summary>One <c>.ecrlint.json</c> AdditionalFile: the configuration, or the problem that makes it invalid.</summary>
internal sealed class ConfigFile
{
    private ConfigFile(AdditionalText file, EcrLintConfig? config, LintContext context, EcrLintConfigException? error, SourceText? text)
    {
        File = file;
        Config = config;
        Context = context;
        Error = error;
        Text = text;
    }

    public AdditionalText File { get; }

    /// <summary>The configuration; null when the file is invalid (it then changes nothing).</summary>
    public EcrLintConfig? Config { get; }

    /// <summary>The lint context for files under it: MSBuild region/account, else the file's; its severity levels.</summary>
    public LintContext Context { get; }

    /// <summary>Why the file is invalid (reported as ECR400 on the file), or null.</summary>
    public EcrLintConfigException? Error { get; }

    private SourceText? Text { get; }

    public static ConfigFile Read(AdditionalText file, string? region, string? account, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        var fallback = new LintContext { Region = region, Account = account, Severities = AnalyzerSettings.Severities(null) };
        if (text is null) return new ConfigFile(file, null, fallback, new EcrLintConfigException($"cannot read the configuration file '{file.Path}'"), null);
        EcrLintConfig config;
        try
        {
            config = EcrLintConfig.Parse(text.ToString(), file.Path, file.Path);
            if (region is null && config.Region is not null && EcrLintConfig.RegionProblem(config.Region, "\"region\"") is { } regionProblem)
                throw At(config, "region", $"invalid configuration file '{file.Path}': {regionProblem}");
            if (account is null && config.Account is not null && EcrLintConfig.AccountProblem(config.Account, "\"account\"") is { } accountProblem)
                throw At(config, "account", $"invalid configuration file '{file.Path}': {accountProblem}");
        }
        catch (EcrLintConfigException e)
        {
            return new ConfigFile(file, null, fallback, e, text);
        }

        var context = new LintContext
        {
            Region = region ?? config.Region,
            Account = account ?? config.Account,
            Severities = AnalyzerSettings.Severities(config),
        };
        return new ConfigFile(file, config, context, null, text);

        static EcrLintConfigException At(EcrLintConfig config, string key, string message)
        {
            var (line, column) = config.Positions.TryGetValue(key, out var p) ? p : (0, 0);
            return new EcrLintConfigException(message, line, column);
        }
    }

    /// <summary>Where to report <see cref="Error"/>: its line and column in the file (the file's start when unknown).</summary>
    public Location ErrorLocation()
    {
        if (Text is null || Text.Length == 0) return Location.Create(File.Path, default, default);
        var line = Math.Min(Math.Max(1, Error?.Line ?? 1), Text.Lines.Count) - 1;
        var textLine = Text.Lines[line];
        var column = Math.Min(Math.Max(1, Error?.Column ?? 1) - 1, textLine.End - textLine.Start);
        var start = textLine.Start + column;
        var length = start < textLine.End ? 1 : 0;
        var position = new LinePosition(line, column);
        return Location.Create(File.Path, new TextSpan(start, length), new LinePositionSpan(position, new LinePosition(line, column + length)));
    }
}
