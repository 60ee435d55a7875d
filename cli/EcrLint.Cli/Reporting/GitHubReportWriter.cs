using System.Text;
using EcrLint.Rules;

namespace EcrLint.Cli.Reporting;

/// <summary>
/// GitHub Actions workflow commands: <c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=ECR101::message</c>
/// (<c>::warning</c>, and <c>::notice</c> for info). Data escapes <c>%</c>, CR and LF; properties also <c>:</c> and <c>,</c>.
/// </summary>
public static class GitHubReportWriter
{
    public static void Write(RunReport report, TextWriter writer)
    {
        var sb = new StringBuilder(256);
        foreach (var f in report.Active)
        {
            sb.Clear();
            sb.Append("::").Append(Command(f.Severity))
                .Append(" file=").Append(EscapeProperty(f.Path.Replace('\\', '/')))
                .Append(",line=").Append(f.Region.Line)
                .Append(",col=").Append(f.Region.Column)
                .Append(",endLine=").Append(f.Region.EndLine)
                .Append(",endColumn=").Append(f.Region.EndColumn)
                .Append(",title=").Append(EscapeProperty(f.RuleId))
                .Append("::").Append(EscapeData(f.Message));
            writer.Write(sb.ToString());
            writer.Write('\n');
        }
    }

    public static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    public static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
