using System.Text;
using EcrLint.Rules;

namespace EcrLint.Cli.Reporting;

/// <summary>
/// The text report: one MSBuild canonical line per finding, <c>path(line,col): error ECR101: message [help]</c>,
/// then a summary line. Suppressed findings are counted in the summary, not listed.
/// </summary>
public static class TextReportWriter
{
    public static void Write(RunReport report, TextWriter writer)
    {
        var sb = new StringBuilder(256);
        foreach (var f in report.Active)
        {
            sb.Clear();
            sb.Append(f.Path).Append('(').Append(f.Region.Line).Append(',').Append(f.Region.Column).Append("): ")
                .Append(f.Severity.ToText()).Append(' ').Append(f.RuleId).Append(": ").Append(OneLine(f.Message))
                .Append(" [").Append(f.HelpUri).Append(']');
            writer.Write(sb.ToString());
            writer.Write('\n');
        }

        writer.Write(Summary(report));
        writer.Write('\n');
    }

    /// <summary><c>N errors, M warnings, K infos in F files</c>, then what else is non-zero.</summary>
    public static string Summary(RunReport report)
    {
        var sb = new StringBuilder();
        sb.Append(Count(report.ErrorCount, "error")).Append(", ")
            .Append(Count(report.WarningCount, "warning")).Append(", ")
            .Append(Count(report.InfoCount, "info")).Append(" in ")
            .Append(Count(report.Files, "file"));
        if (report.SuppressedCount > 0) sb.Append(", ").Append(report.SuppressedCount).Append(" suppressed");
        if (report.Skipped > 0) sb.Append(", ").Append(Count(report.Skipped, "file")).Append(" skipped (not a kind EcrLint lints)");
        var unreadable = report.InputErrors.Count(e => e.IsReadError);
        if (unreadable > 0) sb.Append(", ").Append(unreadable).Append(" unreadable");
        if (report.InputErrors.Count > unreadable) sb.Append(", ").Append(Count(report.InputErrors.Count - unreadable, "file")).Append(" not fixed (see the errors above)");
        if (report.FixesApplied > 0) sb.Append(", ").Append(Count(report.FixesApplied, "fix")).Append(report.DryRun ? " would be applied in " : " applied in ").Append(Count(report.FilesFixed, "file"));
        return sb.ToString();
    }

    private static string Count(int n, string noun) => n + " " + (n == 1 ? noun : noun == "fix" ? "fixes" : noun + "s");

    internal static string OneLine(string message) =>
        message.IndexOfAny(['\r', '\n']) < 0 ? message : message.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
}
