using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using EcrLint.Engine;
using EcrLint.Iam;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Configuration;

/// <summary>
/// An invalid <c>.ecrlint.json</c> (or one that cannot be read). The command line reports it and exits with 2;
/// the analyzer reports it as ECR400 on the configuration file.
/// </summary>
public sealed class EcrLintConfigException : Exception
{
    public EcrLintConfigException(string message, int line = 0, int column = 0)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line the problem is on, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column the problem is at, or 0 when unknown.</summary>
    public int Column { get; }
}

/// <summary>A suppression of <c>.ecrlint.json</c>: a rule, in files matching a glob, optionally under a JSON pointer, with a reason.</summary>
public sealed record ConfigSuppression(string Rule, PathGlob? Path, string? Pointer, string Reason)
{
    /// <summary>
    /// True when the finding is covered: same rule, the file matches <see cref="Path"/> (all files when absent),
    /// and its pointer is <see cref="Pointer"/> or lies under it (all pointers when absent).
    /// </summary>
    public bool Matches(string ruleId, string relativePath, string pointer)
    {
        if (!string.Equals(Rule, ruleId, StringComparison.OrdinalIgnoreCase)) return false;
        if (Path is not null && !Path.IsMatch(relativePath)) return false;
        if (Pointer is null) return true;
        return pointer == Pointer || (pointer.StartsWith(Pointer, StringComparison.Ordinal) && pointer.Length > Pointer.Length
            && (Pointer.EndsWith("/", StringComparison.Ordinal) || pointer[Pointer.Length] == '/'));
    }
}

/// <summary>
/// <c>.ecrlint.json</c>: <c>region</c>, <c>account</c>, <c>mode</c>, <c>severity</c> (rule ID to severity),
/// <c>exclude</c> (globs), <c>kinds</c> (glob to file kind) and <c>suppressions</c>. Globs are relative to the
/// folder holding the file; a glob without <c>/</c> matches a file name in any folder. JSON with comments and
/// trailing commas. The one reader of the format: the command line and the analyzers both use it.
/// </summary>
public sealed class EcrLintConfig
{
    public const string FileName = ".ecrlint.json";

    /// <summary>The <c>kinds</c> values (<c>--kind</c> without <c>auto</c>).</summary>
    public static readonly IReadOnlyList<string> KindNames = new[] { "ecr-endpoint", "s3-endpoint", "identity", "template", "describe", "daemon" };

    private static readonly string[] KnownKeys = { "$schema", "region", "account", "mode", "severity", "exclude", "kinds", "suppressions" };

    private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private EcrLintConfig(string fullPath)
    {
        FullPath = fullPath;
        Directory = System.IO.Path.GetDirectoryName(fullPath) ?? fullPath;
    }

    public string FullPath { get; }

    /// <summary>The folder globs and suppression paths are relative to.</summary>
    public string Directory { get; }

    public string? Region { get; private set; }
    public string? Account { get; private set; }
    public LintMode? Mode { get; private set; }

    /// <summary>Rule ID to severity; a null value (<c>"default"</c>) keeps the mode's severity.</summary>
    public IReadOnlyDictionary<string, Severity?> Severity { get; private set; } = new Dictionary<string, Severity?>();

    public IReadOnlyList<PathGlob> Exclude { get; private set; } = Array.Empty<PathGlob>();
    public IReadOnlyList<(PathGlob Glob, InputKind Kind)> Kinds { get; private set; } = Array.Empty<(PathGlob, InputKind)>();
    public IReadOnlyList<ConfigSuppression> Suppressions { get; private set; } = Array.Empty<ConfigSuppression>();

    /// <summary>Things worth saying that do not stop the run (unknown keys).</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>The 1-based line and column of each top-level key's value (to place a problem with it).</summary>
    public IReadOnlyDictionary<string, (int Line, int Column)> Positions => _positions;

    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="region"/> cannot be the region context (<paramref name="source"/> names where it came from), or null when it is a known AWS region.</summary>
    public static string? RegionProblem(string region, string source)
    {
        var iam = IamData.Instance;
        if (iam.IsRegion(region)) return null;
        var all = iam.AllRegions.OrderBy(r => r, StringComparer.Ordinal).ToList();
        var nearest = Suggestions.Nearest(region, all);
        var hint = nearest is not null ? $"did you mean '{nearest}'? " : "";
        return $"{source} '{region}' is not a known AWS region; {hint}known regions: {string.Join(", ", all)}";
    }

    /// <summary>Why <paramref name="account"/> cannot be the account context, or null when it is 12 digits.</summary>
    public static string? AccountProblem(string account, string source) =>
        account.Length == 12 && account.All(c => c >= '0' && c <= '9')
            ? null
            : $"{source} '{account}' is not an AWS account ID; it must be exactly 12 digits (e.g. 111122223333)";

    /// <summary>The nearest <c>.ecrlint.json</c> in the folder or above it, or null.</summary>
    public static string? FindUpward(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    public static EcrLintConfig Load(string fullPath, string displayPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            throw new EcrLintConfigException($"cannot read the configuration file '{displayPath}': {Reason(e)}");
        }

        return Parse(text, fullPath, displayPath);
    }

    public static EcrLintConfig Parse(string text, string fullPath, string? displayPath = null)
    {
        displayPath ??= fullPath;
        var config = new EcrLintConfig(fullPath);
        var root = ConfigJson.Parse(text, displayPath);
        if (root.Kind != ConfigJson.NodeKind.Object) throw Invalid(displayPath, "the top level must be a JSON object", root);
        foreach (var p in root.Properties)
        {
            config._positions[p.Name] = (p.Value.Line, p.Value.Column);
            if (Array.IndexOf(KnownKeys, p.Name) < 0)
                config.Warnings.Add($"unknown key '{p.Name}' in '{displayPath}' is ignored (known: {string.Join(", ", KnownKeys.Skip(1))})");
        }

        if (root.Get("region") is { } region) config.Region = String(region, displayPath, "region");
        if (root.Get("account") is { } account) config.Account = String(account, displayPath, "account");
        if (root.Get("mode") is { } mode)
        {
            var modeText = String(mode, displayPath, "mode");
            if (!SeverityNames.TryParseMode(modeText, out var m))
                throw Invalid(displayPath, $"\"mode\": '{modeText}' is not a mode (recommended, strict, all-info)", mode);
            config.Mode = m;
        }

        if (root.Get("severity") is { } severity) config.Severity = ParseSeverities(severity, displayPath);
        if (root.Get("exclude") is { } exclude)
        {
            if (exclude.Kind != ConfigJson.NodeKind.Array) throw Invalid(displayPath, "\"exclude\" must be an array of globs", exclude);
            config.Exclude = exclude.Items.Select(e => Glob(String(e, displayPath, "exclude"))).ToList();
        }

        if (root.Get("kinds") is { } kinds) config.Kinds = ParseKinds(kinds, displayPath);
        if (root.Get("suppressions") is { } suppressions) config.Suppressions = ParseSuppressions(suppressions, displayPath);
        return config;
    }

    /// <summary>The path of a file relative to <see cref="Directory"/>, with forward slashes.</summary>
    public string RelativePath(string fullPath) => GetRelativePath(Directory, fullPath);

    public bool IsExcluded(string fullPath)
    {
        if (Exclude.Count == 0) return false;
        var relative = RelativePath(fullPath);
        foreach (var glob in Exclude)
        {
            if (glob.IsMatch(relative)) return true;
        }

        return false;
    }

    /// <summary>The kind the first matching <c>kinds</c> glob gives the file, or null.</summary>
    public InputKind? KindFor(string fullPath)
    {
        if (Kinds.Count == 0) return null;
        var relative = RelativePath(fullPath);
        foreach (var (glob, kind) in Kinds)
        {
            if (glob.IsMatch(relative)) return kind;
        }

        return null;
    }

    /// <summary>The first suppression covering a finding of <paramref name="ruleId"/> at <paramref name="pointer"/> in the file, or null.</summary>
    public ConfigSuppression? SuppressionFor(string ruleId, string fullPath, string? pointer)
    {
        if (Suppressions.Count == 0) return null;
        var relative = RelativePath(fullPath);
        foreach (var s in Suppressions)
        {
            if (s.Matches(ruleId, relative, pointer ?? "")) return s;
        }

        return null;
    }

    /// <summary>
    /// <c>Path.GetRelativePath</c> for netstandard2.0, with forward slashes: the path of <paramref name="fullPath"/>
    /// seen from the folder <paramref name="directory"/> (<c>../x.json</c> for a file beside it).
    /// </summary>
    public static string GetRelativePath(string directory, string fullPath)
    {
        var comparison = IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var from = Segments(Full(directory));
        var to = Segments(Full(fullPath));
        var common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], comparison)) common++;
        if (common == 0 && from.Length > 0 && to.Length > 0 && IsWindows) return Full(fullPath).Replace('\\', '/'); // another drive
        var parts = new List<string>();
        for (var i = common; i < from.Length; i++) parts.Add("..");
        for (var i = common; i < to.Length; i++) parts.Add(to[i]);
        return parts.Count == 0 ? "." : string.Join("/", parts);

        static string Full(string path)
        {
            try
            {
                return System.IO.Path.GetFullPath(path.Length == 0 ? "." : path);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
            {
                return path;
            }
        }

        static string[] Segments(string path) => path.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
    }

    private static PathGlob Glob(string pattern) => PathGlob.CreateForConfig(pattern, ignoreCase: IsWindows);

    private static Dictionary<string, Severity?> ParseSeverities(ConfigJson.Node element, string displayPath)
    {
        if (element.Kind != ConfigJson.NodeKind.Object) throw Invalid(displayPath, "\"severity\" must be an object of rule IDs to severities", element);
        var result = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in element.Properties)
        {
            var rule = RuleCatalog.Find(p.Name) ?? throw Invalid(displayPath, $"\"severity\": '{p.Name}' is not a rule ID (see ecrlint --list-rules)", p.Value);
            var value = String(p.Value, displayPath, "severity." + p.Name);
            if (!SeverityNames.TryParse(value, out var s))
                throw Invalid(displayPath, $"\"severity\": '{value}' for {rule.Id} is not a severity (error, warning, info, none, default)", p.Value);
            result[rule.Id] = s;
        }

        return result;
    }

    private static List<(PathGlob, InputKind)> ParseKinds(ConfigJson.Node element, string displayPath)
    {
        if (element.Kind != ConfigJson.NodeKind.Object) throw Invalid(displayPath, "\"kinds\" must be an object of globs to file kinds", element);
        var result = new List<(PathGlob, InputKind)>();
        foreach (var p in element.Properties)
        {
            var value = String(p.Value, displayPath, "kinds");
            if (!InputKinds.TryParse(value, out var kind) || kind == InputKind.Auto)
                throw Invalid(displayPath, $"\"kinds\": '{value}' is not a file kind ({string.Join(", ", KindNames)})", p.Value);
            result.Add((Glob(p.Name), kind));
        }

        return result;
    }

    private static List<ConfigSuppression> ParseSuppressions(ConfigJson.Node element, string displayPath)
    {
        if (element.Kind != ConfigJson.NodeKind.Array) throw Invalid(displayPath, "\"suppressions\" must be an array", element);
        var result = new List<ConfigSuppression>();
        var index = 0;
        foreach (var item in element.Items)
        {
            var where = $"suppressions[{index}]";
            if (item.Kind != ConfigJson.NodeKind.Object) throw Invalid(displayPath, $"{where} must be an object with \"rule\", \"path\", \"pointer\" and \"reason\"", item);
            string? rule = null, path = null, pointer = null, reason = null;
            foreach (var p in item.Properties)
            {
                switch (p.Name)
                {
                    case "rule": rule = String(p.Value, displayPath, where + ".rule"); break;
                    case "path": path = String(p.Value, displayPath, where + ".path"); break;
                    case "pointer": pointer = String(p.Value, displayPath, where + ".pointer"); break;
                    case "reason": reason = String(p.Value, displayPath, where + ".reason"); break;
                    default: throw Invalid(displayPath, $"{where}: unknown key '{p.Name}' (rule, path, pointer, reason)", p.Value);
                }
            }

            if (string.IsNullOrWhiteSpace(rule)) throw Invalid(displayPath, $"{where} has no \"rule\"", item);
            var descriptor = RuleCatalog.Find(rule!) ?? throw Invalid(displayPath, $"{where}: '{rule}' is not a rule ID (see ecrlint --list-rules)", item);
            if (string.IsNullOrWhiteSpace(reason))
                throw Invalid(displayPath, $"{where} (rule {descriptor.Id}) has no \"reason\": every suppression must say why it is safe", item);
            if (pointer is not null && pointer.Length > 0 && pointer[0] != '/')
                throw Invalid(displayPath, $"{where}: \"pointer\" '{pointer}' is not a JSON pointer (it starts with /, e.g. /Statement/0/Action)", item);
            result.Add(new ConfigSuppression(descriptor.Id, path is null ? null : Glob(path), pointer, reason!.Trim()));
            index++;
        }

        return result;
    }

    private static string String(ConfigJson.Node element, string displayPath, string what) =>
        element.Kind == ConfigJson.NodeKind.String ? element.Text! : throw Invalid(displayPath, $"\"{what}\" must be a string", element);

    private static EcrLintConfigException Invalid(string displayPath, string message, ConfigJson.Node? at = null) =>
        new($"invalid configuration file '{displayPath}': {message}", at?.Line ?? 0, at?.Column ?? 0);

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or folder",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long",
        _ => e.Message,
    };
}
