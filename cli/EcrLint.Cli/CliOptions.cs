using EcrLint.Engine;

namespace EcrLint.Cli;

/// <summary>The report formats of <c>--format</c>.</summary>
public enum OutputFormat
{
    Text,
    Json,
    Sarif,
    GitHub,
}

/// <summary>What the command line asked for (before configuration files are read).</summary>
public sealed class CliOptions
{
    public static readonly string[] FormatNames = ["text", "json", "sarif", "github"];
    public static readonly string[] KindNames = ["auto", "ecr-endpoint", "s3-endpoint", "identity", "template", "describe", "daemon"];
    public static readonly string[] ModeNames = ["recommended", "strict", "all-info"];
    public static readonly string[] FailLevelNames = ["error", "warning", "info", "none"];

    public IReadOnlyList<string> Paths { get; init; } = [];
    public OutputFormat Format { get; init; } = OutputFormat.Text;
    public string? Output { get; init; }
    public string? Region { get; init; }
    public string? Account { get; init; }
    public InputKind Kind { get; init; } = InputKind.Auto;

    /// <summary>Null when not given (the configuration file's mode, then <c>recommended</c>).</summary>
    public string? Mode { get; init; }

    public string FailLevel { get; init; } = "error";
    public string? Config { get; init; }
    public string? Baseline { get; init; }
    public string? WriteBaseline { get; init; }
    public bool Fix { get; init; }
    public bool DryRun { get; init; }
    public bool ListRules { get; init; }

    public static OutputFormat ParseFormat(string text) => text switch
    {
        "json" => OutputFormat.Json,
        "sarif" => OutputFormat.Sarif,
        "github" => OutputFormat.GitHub,
        _ => OutputFormat.Text,
    };
}
