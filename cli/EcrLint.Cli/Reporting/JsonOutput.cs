using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcrLint.Rules;

namespace EcrLint.Cli.Reporting;

/// <summary>Shared settings of the JSON-based outputs (reports, baselines).</summary>
public static class JsonOutput
{
    /// <summary>Indented, <c>\n</c> line ends, no HTML escaping (the output is not embedded in HTML).</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>What the tool says about itself.</summary>
public static class ToolInfo
{
    public const string Name = "EcrLint";
    public const string InformationUri = "https://github.com/ecrlint/ecrlint";

    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var info = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(info)) info = typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return info;
    }

    public static string SeverityText(Severity severity) => severity.ToText();
}
