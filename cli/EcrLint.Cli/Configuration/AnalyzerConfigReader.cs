using EcrLint.Rules;

namespace EcrLint.Cli.Configuration;

/// <summary>One <c>dotnet_diagnostic.ECRnnn.severity</c> setting and the file it came from.</summary>
public sealed record SeveritySetting(string RuleId, Severity? Severity, string Source);

/// <summary>
/// Reads <c>dotnet_diagnostic.ECRnnn.severity</c> from <c>.globalconfig</c> and <c>.editorconfig</c> files in a
/// folder and its parents (simple INI parsing). In a <c>.globalconfig</c> only the keys before the first
/// section count; in an <c>.editorconfig</c> only the keys of sections that apply to every JSON file
/// (<c>[*]</c>, <c>[**]</c>, <c>[*.json]</c>, <c>[**.json]</c>, <c>[**/*.json]</c>, <c>[*.{json,...}]</c>). The nearest file
/// wins; the <c>.editorconfig</c> climb stops at <c>root = true</c>; <c>.editorconfig</c> settings win over
/// <c>.globalconfig</c> ones (as in the compiler).
/// </summary>
public static class AnalyzerConfigReader
{
    private const string Prefix = "dotnet_diagnostic.";
    private const string Suffix = ".severity";

    public static IReadOnlyDictionary<string, SeveritySetting> ReadUpward(string startDirectory, List<string>? warnings = null)
    {
        var fromEditorConfig = new Dictionary<string, SeveritySetting>(StringComparer.OrdinalIgnoreCase);
        var fromGlobalConfig = new Dictionary<string, SeveritySetting>(StringComparer.OrdinalIgnoreCase);
        var editorConfigRootSeen = false;
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (!editorConfigRootSeen)
            {
                var editorConfig = Path.Combine(dir.FullName, ".editorconfig");
                if (File.Exists(editorConfig))
                {
                    var parsed = Parse(TryReadAllText(editorConfig), editorConfig, isGlobal: false, warnings, out var isRoot);
                    foreach (var (id, s) in parsed) fromEditorConfig.TryAdd(id, s);
                    editorConfigRootSeen = isRoot;
                }
            }

            var globalConfig = Path.Combine(dir.FullName, ".globalconfig");
            if (File.Exists(globalConfig))
            {
                var parsed = Parse(TryReadAllText(globalConfig), globalConfig, isGlobal: true, warnings, out _);
                foreach (var (id, s) in parsed) fromGlobalConfig.TryAdd(id, s);
            }
        }

        foreach (var (id, s) in fromEditorConfig) fromGlobalConfig[id] = s;
        return fromGlobalConfig;
    }

    private static string TryReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (Inputs.FileReader.IsIoFailure(e))
        {
            return "";
        }
    }

    /// <summary>Parses one file; returns the EcrLint severity settings it makes (unknown IDs and values are skipped).</summary>
    public static Dictionary<string, SeveritySetting> Parse(string text, string source, bool isGlobal, List<string>? warnings, out bool isRoot)
    {
        var result = new Dictionary<string, SeveritySetting>(StringComparer.OrdinalIgnoreCase);
        isRoot = false;
        var inPreamble = true;
        var sectionApplies = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[')
            {
                inPreamble = false;
                var close = line.LastIndexOf(']');
                var section = close > 0 ? line.Substring(1, close - 1).Trim() : line.Substring(1);
                sectionApplies = !isGlobal && SectionAppliesToJson(section);
                continue;
            }

            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var key = line.Substring(0, eq).Trim();
            var value = line.Substring(eq + 1).Trim();
            if (inPreamble && !isGlobal && key.Equals("root", StringComparison.OrdinalIgnoreCase))
            {
                isRoot = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            var counts = isGlobal ? inPreamble : sectionApplies;
            if (!counts) continue;
            if (!key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)) continue;
            var id = key.Substring(Prefix.Length, key.Length - Prefix.Length - Suffix.Length);
            var rule = RuleCatalog.Find(id);
            if (rule is null) continue; // Another analyzer's diagnostic.
            if (!SeverityNames.TryParse(value, out var severity))
            {
                warnings?.Add($"'{value}' for {rule.Id} in '{source}' is not a severity; the setting is ignored");
                continue;
            }

            result[rule.Id] = new SeveritySetting(rule.Id, severity, source);
        }

        return result;
    }

    /// <summary>True for the section headers whose keys apply to every JSON file.</summary>
    public static bool SectionAppliesToJson(string section)
    {
        switch (section)
        {
            case "*":
            case "**":
            case "*.json":
            case "**.json":
            case "**/*.json":
                return true;
        }

        // [*.{json,yml}] and the like.
        var prefix = section.StartsWith("**/*.{", StringComparison.Ordinal) ? "**/*.{" : section.StartsWith("*.{", StringComparison.Ordinal) ? "*.{" : null;
        if (prefix is null || !section.EndsWith('}')) return false;
        var list = section.Substring(prefix.Length, section.Length - prefix.Length - 1);
        return list.Split(',').Any(e => e.Trim().Equals("json", StringComparison.OrdinalIgnoreCase));
    }
}
