using System.Text.Json;
using EcrLint.Rules;

namespace EcrLint.Cli.Reporting;

/// <summary>
/// <c>{"findings":[{"ruleId","severity","file","line","column","endLine","endColumn","message","helpUri"}],"summary":{…}}</c>,
/// findings in report order; suppressed findings are counted in the summary, not listed.
/// </summary>
public static class JsonReportWriter
{
    public static void Write(RunReport report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, JsonOutput.WriterOptions);
        w.WriteStartObject();
        w.WriteStartArray("findings");
        foreach (var f in report.Active)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("severity", f.Severity.ToText());
            w.WriteString("file", f.Path);
            w.WriteNumber("line", f.Region.Line);
            w.WriteNumber("column", f.Region.Column);
            w.WriteNumber("endLine", f.Region.EndLine);
            w.WriteNumber("endColumn", f.Region.EndColumn);
            w.WriteString("message", f.Message);
            w.WriteString("helpUri", f.HelpUri);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("summary");
        w.WriteNumber("errors", report.ErrorCount);
        w.WriteNumber("warnings", report.WarningCount);
        w.WriteNumber("infos", report.InfoCount);
        w.WriteNumber("files", report.Files);
        w.WriteNumber("suppressed", report.SuppressedCount);
        w.WriteNumber("skipped", report.Skipped);
        w.WriteNumber("unreadable", report.InputErrors.Count);
        w.WriteNumber("fixesApplied", report.FixesApplied);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }
}
