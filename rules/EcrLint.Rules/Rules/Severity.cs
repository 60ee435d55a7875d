using System;

namespace EcrLint.Rules;

/// <summary>How serious a finding is. <see cref="None"/> turns a rule off.</summary>
public enum Severity
{
    None = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>Rule pack modes (rules.md, "Modes").</summary>
public enum LintMode
{
    /// <summary>Everything at its default severity except the rules marked off in recommended (ECR204).</summary>
    Recommended,

    /// <summary>Every rule; warnings become errors.</summary>
    Strict,

    /// <summary>Every rule, all as info (for adoption).</summary>
    AllInfo,
}

public static class SeverityNames
{
    public static string ToText(this Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "none",
    };

    /// <summary>Parses both EcrLint's names and the .editorconfig names (<c>suggestion</c>, <c>silent</c>, <c>default</c> returns null).</summary>
    public static bool TryParse(string text, out Severity? severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "info":
            case "suggestion": severity = Severity.Info; return true;
            case "none":
            case "silent":
            case "hidden":
            case "off": severity = Severity.None; return true;
            case "default": severity = null; return true;
            default: severity = null; return false;
        }
    }

    public static bool TryParseMode(string text, out LintMode mode)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "recommended": mode = LintMode.Recommended; return true;
            case "strict": mode = LintMode.Strict; return true;
            case "all-info": mode = LintMode.AllInfo; return true;
            default: mode = LintMode.Recommended; return false;
        }
    }

    public static string ToText(this LintMode mode) => mode switch
    {
        LintMode.Strict => "strict",
        LintMode.AllInfo => "all-info",
        _ => "recommended",
    };

    public static Severity Parse(string text) =>
        TryParse(text, out var s) && s.HasValue ? s.Value : throw new FormatException($"'{text}' is not a severity (error, warning, info, none).");
}
