using System.Text.Json;
using EcrLint.Cli.Configuration;
using EcrLint.Cli.Inputs;

namespace EcrLint.Cli.Baselines;

/// <summary>
/// What identifies a finding in a baseline: the file (relative to the baseline file's folder, forward
/// slashes), the JSON pointer of the node it is on, and the rule. Two identical findings in two files have
/// two keys; a finding that moves to another line but stays on the same node keeps its key.
/// </summary>
public sealed record BaselineKey(string File, string Pointer, string RuleId);

/// <summary>One entry of a baseline file (the message is for readers; it is not part of the key).</summary>
public sealed record BaselineEntry(string File, string Pointer, string RuleId, string Message)
{
    public BaselineKey Key => new(File, Pointer, RuleId);
}

/// <summary>
/// A baseline file: known findings that are reported as suppressed, so a project can adopt EcrLint and fail
/// only on new findings. Format: <c>{"version": 1, "findings": [{"file", "pointer", "ruleId", "message"}]}</c>.
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    private readonly HashSet<BaselineKey> _keys;

    private Baseline(string directory, HashSet<BaselineKey> keys)
    {
        Directory = directory;
        _keys = keys;
    }

    /// <summary>The folder file paths are relative to.</summary>
    public string Directory { get; }

    public int Count => _keys.Count;

    public bool Contains(BaselineKey key) => _keys.Contains(key);

    /// <summary>The key path of an input: relative to <paramref name="baselineDirectory"/>, forward slashes; <c>&lt;stdin&gt;</c> for standard input.</summary>
    public static string KeyPath(string baselineDirectory, string? fullPath) =>
        fullPath is null ? InputFile.StdinPath : Path.GetRelativePath(baselineDirectory, fullPath).Replace('\\', '/');

    public static Baseline Empty(string directory) => new(directory, new HashSet<BaselineKey>());

    public static Baseline Load(string fullPath, string displayPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (FileReader.IsIoFailure(e))
        {
            throw new UsageException($"cannot read the baseline '{displayPath}': {FileReader.Reason(e)}");
        }

        return Parse(text, Path.GetDirectoryName(fullPath)!, displayPath);
    }

    public static Baseline Parse(string text, string directory, string displayPath)
    {
        var keys = new HashSet<BaselineKey>();
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw new UsageException($"invalid baseline '{displayPath}': expected {{\"version\": 1, \"findings\": [...]}} (write one with --write-baseline)");
            if (root.TryGetProperty("version", out var version) && (version.ValueKind != JsonValueKind.Number || version.GetInt32() != FormatVersion))
                throw new UsageException($"invalid baseline '{displayPath}': version {version} is not supported (this version of ecrlint writes {FormatVersion})");
            var index = 0;
            foreach (var item in findings.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !TryString(item, "file", out var file) || !TryString(item, "ruleId", out var rule))
                    throw new UsageException($"invalid baseline '{displayPath}': findings[{index}] needs \"file\", \"pointer\" and \"ruleId\"");
                TryString(item, "pointer", out var pointer);
                keys.Add(new BaselineKey(file, pointer, rule.ToUpperInvariant()));
                index++;
            }
        }
        catch (JsonException)
        {
            throw new UsageException($"invalid baseline '{displayPath}': it is not valid JSON");
        }
        catch (InvalidOperationException)
        {
            throw new UsageException($"invalid baseline '{displayPath}': unexpected value types");
        }
        catch (FormatException)
        {
            throw new UsageException($"invalid baseline '{displayPath}': unexpected value types");
        }

        return new Baseline(directory, keys);
    }

    private static bool TryString(JsonElement item, string name, out string value)
    {
        if (item.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String)
        {
            value = e.GetString()!;
            return true;
        }

        value = "";
        return false;
    }

    /// <summary>Writes a baseline (entries sorted, duplicates of a key kept once), <c>\n</c> line ends.</summary>
    public static void Write(Stream stream, IEnumerable<BaselineEntry> entries)
    {
        var unique = new Dictionary<BaselineKey, BaselineEntry>();
        foreach (var e in entries) unique.TryAdd(e.Key, e);
        var ordered = unique.Values
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Pointer, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal);
        using var w = new Utf8JsonWriter(stream, Reporting.JsonOutput.WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("version", FormatVersion);
        w.WriteString("description", "Known EcrLint findings, reported as suppressed. Keyed on file + JSON pointer + rule. Regenerate with ecrlint --write-baseline.");
        w.WriteStartArray("findings");
        foreach (var e in ordered)
        {
            w.WriteStartObject();
            w.WriteString("file", e.File);
            w.WriteString("pointer", e.Pointer);
            w.WriteString("ruleId", e.RuleId);
            w.WriteString("message", e.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }
}
