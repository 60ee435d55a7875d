using System.Text;
using System.Text.Json;
using EcrLint.Rules;

namespace EcrLint.Cli.Reporting;

/// <summary>
/// <c>--list-rules</c>: every rule of the catalogue with its pack, its severity in this run (mode and overrides
/// applied; <c>off</c> when disabled), its title and help link. <c>--format json</c> writes a JSON array.
/// </summary>
public static class RuleListWriter
{
    public static void WriteText(SeverityPolicy severities, TextWriter writer)
    {
        var rules = RuleCatalog.All;
        var packWidth = Math.Max(4, rules.Max(r => r.Pack.Length));
        var sb = new StringBuilder();
        sb.Append("ID      ").Append("PACK".PadRight(packWidth + 2)).Append("SEVERITY  TITLE\n");
        foreach (var rule in rules)
        {
            sb.Append(rule.Id.PadRight(8))
                .Append(rule.Pack.PadRight(packWidth + 2))
                .Append(SeverityText(severities.For(rule)).PadRight(10))
                .Append(rule.Title)
                .Append(' ').Append(rule.HelpUri)
                .Append('\n');
        }

        writer.Write(sb.ToString());
    }

    public static void WriteJson(SeverityPolicy severities, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, JsonOutput.WriterOptions);
        w.WriteStartArray();
        foreach (var rule in RuleCatalog.All)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", rule.Name);
            w.WriteString("pack", rule.Pack);
            w.WriteString("severity", severities.For(rule).ToText());
            w.WriteString("defaultSeverity", rule.DefaultSeverity.ToText());
            w.WriteString("title", rule.Title);
            w.WriteBoolean("hasFix", rule.HasFix);
            w.WriteString("helpUri", rule.HelpUri);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static string SeverityText(Severity severity) => severity == Severity.None ? "off" : severity.ToText();
}
