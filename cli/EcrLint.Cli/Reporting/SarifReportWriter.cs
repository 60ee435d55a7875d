using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcrLint.Cli.Inputs;
using EcrLint.Rules;

namespace EcrLint.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0: one run; <c>tool.driver.rules</c> lists every rule of the catalogue; each result has its rule,
/// level, message, a physical location (a relative <c>uri</c> with <c>uriBaseId</c> <c>%SRCROOT%</c> for relative
/// paths), related locations, a stable partial fingerprint (rule + file + JSON pointer), fixes where a fix
/// exists, and <c>suppressions</c> (kind <c>external</c>) for findings suppressed by a baseline or .ecrlint.json.
/// Columns count UTF-16 code units (<c>columnKind</c>), as the engine does.
/// </summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRootId = "%SRCROOT%";
    public const string FingerprintKey = "ecrlint/v1";

    private static readonly Lazy<Dictionary<string, int>> RuleIndexes = new(() =>
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < RuleCatalog.All.Count; i++) map[RuleCatalog.All[i].Id] = i;
        return map;
    });

    public static void Write(RunReport report, Stream stream, string workingDirectory)
    {
        using var w = new Utf8JsonWriter(stream, JsonOutput.WriterOptions);
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        WriteTool(w);

        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", report.InputErrors.Count == 0);
        if (report.InputErrors.Count > 0)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var e in report.InputErrors)
            {
                w.WriteStartObject();
                w.WriteString("level", "error");
                w.WriteStartObject("message");
                w.WriteString("text", e.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                WriteArtifactLocation(w, e.DisplayPath);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SourceRootId);
        w.WriteString("uri", FolderUri(workingDirectory));
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteString("columnKind", "utf16CodeUnits");

        w.WriteStartArray("results");
        foreach (var f in report.Findings) WriteResult(w, f);
        w.WriteEndArray();

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteTool(Utf8JsonWriter w)
    {
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", ToolInfo.Name);
        w.WriteString("informationUri", ToolInfo.InformationUri);
        w.WriteString("semanticVersion", ToolInfo.Version);
        w.WriteString("version", ToolInfo.Version);
        w.WriteStartArray("rules");
        foreach (var rule in RuleCatalog.All)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", rule.Name);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Title);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", FullDescription(rule));
            w.WriteEndObject();
            w.WriteString("helpUri", rule.HelpUri);
            w.WriteStartObject("help");
            w.WriteString("text", $"{rule.Title} See {rule.HelpUri}");
            w.WriteString("markdown", $"{rule.Title} See [{rule.Id}]({rule.HelpUri}).");
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.DefaultSeverity));
            if (rule.OffInRecommended) w.WriteBoolean("enabled", false);
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            w.WriteStringValue(rule.Pack);
            w.WriteEndArray();
            w.WriteString("pack", rule.Pack);
            if (rule.Facts.Length > 0) w.WriteString("facts", rule.Facts);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string FullDescription(RuleDescriptor rule)
    {
        var sb = new StringBuilder(rule.Title);
        if (rule.Facts.Length > 0) sb.Append(" Facts: ").Append(rule.Facts).Append('.');
        if (rule.FixTitle is not null) sb.Append(" Fix: ").Append(rule.FixTitle).Append('.');
        return sb.ToString();
    }

    private static void WriteResult(Utf8JsonWriter w, ReportedFinding f)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        if (RuleIndexes.Value.TryGetValue(f.RuleId, out var index)) w.WriteNumber("ruleIndex", index);
        w.WriteString("level", Level(f.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", f.Message);
        w.WriteEndObject();

        w.WriteStartArray("locations");
        w.WriteStartObject();
        WritePhysicalLocation(w, f.Path, f.Region);
        w.WriteEndObject();
        w.WriteEndArray();

        if (f.Related.Count > 0)
        {
            w.WriteStartArray("relatedLocations");
            var id = 0;
            foreach (var r in f.Related)
            {
                w.WriteStartObject();
                w.WriteNumber("id", id++);
                WritePhysicalLocation(w, r.Path, r.Region);
                w.WriteStartObject("message");
                w.WriteString("text", r.Message);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartObject("partialFingerprints");
        w.WriteString(FingerprintKey, Fingerprint(f.RuleId, f.Path, f.Pointer));
        w.WriteEndObject();

        if (f.Fix is { } fix)
        {
            w.WriteStartArray("fixes");
            w.WriteStartObject();
            w.WriteStartObject("description");
            w.WriteString("text", fix.Title);
            w.WriteEndObject();
            w.WriteStartArray("artifactChanges");
            w.WriteStartObject();
            WriteArtifactLocation(w, f.Path);
            w.WriteStartArray("replacements");
            foreach (var e in fix.Edits)
            {
                w.WriteStartObject();
                w.WriteStartObject("deletedRegion");
                WriteRegionFields(w, e.Deleted);
                w.WriteEndObject();
                w.WriteStartObject("insertedContent");
                w.WriteString("text", e.Inserted);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (f.Suppression is { } s)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "external");
            w.WriteString("status", "accepted");
            w.WriteString("justification", s.Justification);
            w.WriteStartObject("properties");
            w.WriteString("source", s.Kind);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter w, string path, ReportedRegion region)
    {
        w.WriteStartObject("physicalLocation");
        WriteArtifactLocation(w, path);
        w.WriteStartObject("region");
        WriteRegionFields(w, region);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRegionFields(Utf8JsonWriter w, ReportedRegion region)
    {
        w.WriteNumber("startLine", region.Line);
        w.WriteNumber("startColumn", region.Column);
        w.WriteNumber("endLine", region.EndLine);
        w.WriteNumber("endColumn", region.EndColumn);
    }

    private static void WriteArtifactLocation(Utf8JsonWriter w, string path)
    {
        var (uri, baseId) = ArtifactUri(path);
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", uri);
        if (baseId is not null) w.WriteString("uriBaseId", baseId);
        w.WriteEndObject();
    }

    /// <summary>
    /// The SARIF <c>uri</c> of a path as shown: a relative path becomes an escaped relative reference with base
    /// <c>%SRCROOT%</c>; an absolute path a <c>file://</c> URI; standard input <c>stdin</c>.
    /// </summary>
    public static (string Uri, string? BaseId) ArtifactUri(string path)
    {
        if (path == InputFile.StdinPath) return ("stdin", null);
        if (Path.IsPathFullyQualified(path)) return (new Uri(path).AbsoluteUri, null);
        var segments = path.Replace('\\', '/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is not ("." or "..")) segments[i] = Uri.EscapeDataString(segments[i]);
        }

        return (string.Join('/', segments), SourceRootId);
    }

    private static string FolderUri(string directory)
    {
        var uri = new Uri(Path.GetFullPath(directory)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    /// <summary>SARIF level of a severity: error, warning, note (info), none.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    /// <summary>A stable fingerprint: SHA-256 of rule, file (forward slashes) and JSON pointer, 32 hex digits.</summary>
    public static string Fingerprint(string ruleId, string path, string pointer)
    {
        var bytes = Encoding.UTF8.GetBytes(ruleId + "\n" + path.Replace('\\', '/') + "\n" + pointer);
        return Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 16);
    }
}
