using System.Text.Json;
using EcrLint.Cli.Inputs;
using EcrLint.Engine;
using EcrLint.Rules;

namespace EcrLint.Cli.Configuration;

/// <summary>A problem with the command line or a configuration file: reported on stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

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
            && (Pointer.EndsWith('/') || pointer[Pointer.Length] == '/'));
    }
}

/// <summary>
/// <c>.ecrlint.json</c>: <c>region</c>, <c>account</c>, <c>mode</c>, <c>severity</c> (rule ID to severity),
/// <c>exclude</c> (globs), <c>kinds</c> (glob to file kind) and <c>suppressions</c>. Globs are relative to the
/// folder holding the file; a glob without <c>/</c> matches a file name in any folder.
/// </summary>
public sealed class EcrLintConfig
{
    public const string FileName = ".ecrlint.json";

    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly string[] KnownKeys = ["$schema", "region", "account", "mode", "severity", "exclude", "kinds", "suppressions"];

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

    public IReadOnlyList<PathGlob> Exclude { get; private set; } = [];
    public IReadOnlyList<(PathGlob Glob, InputKind Kind)> Kinds { get; private set; } = [];
    public IReadOnlyList<ConfigSuppression> Suppressions { get; private set; } = [];

    /// <summary>Things worth saying that do not stop the run (unknown keys).</summary>
    public List<string> Warnings { get; } = new();

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
        catch (Exception e) when (FileReader.IsIoFailure(e))
        {
            throw new UsageException($"cannot read the configuration file '{displayPath}': {FileReader.Reason(e)}");
        }

        return Parse(text, fullPath, displayPath);
    }

    public static EcrLintConfig Parse(string text, string fullPath, string? displayPath = null)
    {
        displayPath ??= fullPath;
        var config = new EcrLintConfig(fullPath);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, JsonOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new UsageException($"invalid configuration file '{displayPath}'{where}: it is not valid JSON");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Invalid(displayPath, "the top level must be a JSON object");
            foreach (var p in root.EnumerateObject())
            {
                if (Array.IndexOf(KnownKeys, p.Name) < 0)
                    config.Warnings.Add($"unknown key '{p.Name}' in '{displayPath}' is ignored (known: {string.Join(", ", KnownKeys.Skip(1))})");
            }

            if (root.TryGetProperty("region", out var region)) config.Region = String(region, displayPath, "region");
            if (root.TryGetProperty("account", out var account)) config.Account = String(account, displayPath, "account");
            if (root.TryGetProperty("mode", out var mode))
            {
                var text2 = String(mode, displayPath, "mode");
                if (!SeverityNames.TryParseMode(text2, out var m))
                    throw Invalid(displayPath, $"\"mode\": '{text2}' is not a mode (recommended, strict, all-info)");
                config.Mode = m;
            }

            if (root.TryGetProperty("severity", out var severity)) config.Severity = ParseSeverities(severity, displayPath);
            if (root.TryGetProperty("exclude", out var exclude))
            {
                if (exclude.ValueKind != JsonValueKind.Array) throw Invalid(displayPath, "\"exclude\" must be an array of globs");
                config.Exclude = exclude.EnumerateArray().Select(e => Glob(String(e, displayPath, "exclude"))).ToList();
            }

            if (root.TryGetProperty("kinds", out var kinds)) config.Kinds = ParseKinds(kinds, displayPath);
            if (root.TryGetProperty("suppressions", out var suppressions)) config.Suppressions = ParseSuppressions(suppressions, displayPath);
        }

        return config;
    }

    /// <summary>The path of a file relative to <see cref="Directory"/>, with forward slashes.</summary>
    public string RelativePath(string fullPath) => System.IO.Path.GetRelativePath(Directory, fullPath).Replace('\\', '/');

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

    private static PathGlob Glob(string pattern) => PathGlob.CreateForConfig(pattern, ignoreCase: OperatingSystem.IsWindows());

    private static Dictionary<string, Severity?> ParseSeverities(JsonElement element, string displayPath)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Invalid(displayPath, "\"severity\" must be an object of rule IDs to severities");
        var result = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in element.EnumerateObject())
        {
            var rule = RuleCatalog.Find(p.Name) ?? throw Invalid(displayPath, $"\"severity\": '{p.Name}' is not a rule ID (see ecrlint --list-rules)");
            var value = String(p.Value, displayPath, "severity." + p.Name);
            if (!SeverityNames.TryParse(value, out var s))
                throw Invalid(displayPath, $"\"severity\": '{value}' for {rule.Id} is not a severity (error, warning, info, none, default)");
            result[rule.Id] = s;
        }

        return result;
    }

    private static List<(PathGlob, InputKind)> ParseKinds(JsonElement element, string displayPath)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Invalid(displayPath, "\"kinds\" must be an object of globs to file kinds");
        var result = new List<(PathGlob, InputKind)>();
        foreach (var p in element.EnumerateObject())
        {
            var value = String(p.Value, displayPath, "kinds");
            if (!InputKinds.TryParse(value, out var kind) || kind == InputKind.Auto)
                throw Invalid(displayPath, $"\"kinds\": '{value}' is not a file kind ({string.Join(", ", CliOptions.KindNames.Skip(1))})");
            result.Add((Glob(p.Name), kind));
        }

        return result;
    }

    private static List<ConfigSuppression> ParseSuppressions(JsonElement element, string displayPath)
    {
        if (element.ValueKind != JsonValueKind.Array) throw Invalid(displayPath, "\"suppressions\" must be an array");
        var result = new List<ConfigSuppression>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var where = $"suppressions[{index}]";
            if (item.ValueKind != JsonValueKind.Object) throw Invalid(displayPath, $"{where} must be an object with \"rule\", \"path\", \"pointer\" and \"reason\"");
            string? rule = null, path = null, pointer = null, reason = null;
            foreach (var p in item.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "rule": rule = String(p.Value, displayPath, where + ".rule"); break;
                    case "path": path = String(p.Value, displayPath, where + ".path"); break;
                    case "pointer": pointer = String(p.Value, displayPath, where + ".pointer"); break;
                    case "reason": reason = String(p.Value, displayPath, where + ".reason"); break;
                    default: throw Invalid(displayPath, $"{where}: unknown key '{p.Name}' (rule, path, pointer, reason)");
                }
            }

            if (string.IsNullOrWhiteSpace(rule)) throw Invalid(displayPath, $"{where} has no \"rule\"");
            var descriptor = RuleCatalog.Find(rule) ?? throw Invalid(displayPath, $"{where}: '{rule}' is not a rule ID (see ecrlint --list-rules)");
            if (string.IsNullOrWhiteSpace(reason))
                throw Invalid(displayPath, $"{where} (rule {descriptor.Id}) has no \"reason\": every suppression must say why it is safe");
            if (pointer is not null && pointer.Length > 0 && pointer[0] != '/')
                throw Invalid(displayPath, $"{where}: \"pointer\" '{pointer}' is not a JSON pointer (it starts with /, e.g. /Statement/0/Action)");
            result.Add(new ConfigSuppression(descriptor.Id, path is null ? null : Glob(path), pointer, reason!.Trim()));
            index++;
        }

        return result;
    }

    private static string String(JsonElement element, string displayPath, string what) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Invalid(displayPath, $"\"{what}\" must be a string");

    private static UsageException Invalid(string displayPath, string message) => new($"invalid configuration file '{displayPath}': {message}");
}
