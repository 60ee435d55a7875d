using System.Text;
using System.Text.Json;

namespace EcrLint.Cli.Reporting;

/// <summary>
/// A report written as the run goes: <see cref="Add"/> takes every finding (suppressed ones included) in report
/// order (file, line, column, rule), <see cref="End"/> the counts and unreadable files, known only at the end.
/// Findings are not kept, so a run's memory does not grow with the number of files linted.
/// </summary>
public abstract class ReportSink : IDisposable
{
    public abstract void Add(ReportedFinding finding);

    /// <summary>Ends the report; <paramref name="summary"/> gives the counts (its findings are not read).</summary>
    public abstract void End(RunReport summary);

    public virtual void Dispose()
    {
    }

    /// <summary>Writes a whole report held in memory.</summary>
    public static void WriteAll(ReportSink sink, RunReport report)
    {
        foreach (var f in report.Findings) sink.Add(f);
        sink.End(report);
    }

    /// <summary>The sink of a format, writing to <paramref name="stream"/> (left open).</summary>
    public static ReportSink Create(OutputFormat format, Stream stream, string workingDirectory) => format switch
    {
        OutputFormat.Json => new JsonReportSink(stream),
        OutputFormat.Sarif => new SarifReportSink(stream, workingDirectory),
        OutputFormat.GitHub => new GitHubReportSink(new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true), ownsWriter: true),
        _ => new TextReportSink(new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true), ownsWriter: true),
    };
}

/// <summary>A sink that writes nothing (the report could not be opened; the run still counts).</summary>
public sealed class NullReportSink : ReportSink
{
    public override void Add(ReportedFinding finding)
    {
    }

    public override void End(RunReport summary)
    {
    }
}

public sealed class TextReportSink(TextWriter writer, bool ownsWriter = false) : ReportSink
{
    private readonly StringBuilder _sb = new(256);

    public override void Add(ReportedFinding finding)
    {
        if (!finding.IsSuppressed) TextReportWriter.WriteFinding(writer, _sb, finding);
    }

    public override void End(RunReport summary)
    {
        writer.Write(TextReportWriter.Summary(summary));
        writer.Write('\n');
        writer.Flush();
    }

    public override void Dispose()
    {
        if (ownsWriter) writer.Dispose();
    }
}

public sealed class GitHubReportSink(TextWriter writer, bool ownsWriter = false) : ReportSink
{
    private readonly StringBuilder _sb = new(256);

    public override void Add(ReportedFinding finding)
    {
        if (!finding.IsSuppressed) GitHubReportWriter.WriteFinding(writer, _sb, finding);
    }

    public override void End(RunReport summary) => writer.Flush();

    public override void Dispose()
    {
        if (ownsWriter) writer.Dispose();
    }
}

public sealed class JsonReportSink : ReportSink
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _w;

    public JsonReportSink(Stream stream)
    {
        _stream = stream;
        _w = new Utf8JsonWriter(stream, JsonOutput.WriterOptions);
        _w.WriteStartObject();
        _w.WriteStartArray("findings");
    }

    public override void Add(ReportedFinding finding)
    {
        if (finding.IsSuppressed) return;
        JsonReportWriter.WriteFinding(_w, finding);
        if (_w.BytesPending > 1 << 16) _w.Flush();
    }

    public override void End(RunReport summary)
    {
        _w.WriteEndArray();
        JsonReportWriter.WriteSummary(_w, summary);
        _w.WriteEndObject();
        _w.Flush();
        _stream.WriteByte((byte)'\n');
    }

    public override void Dispose() => _w.Dispose();
}

public sealed class SarifReportSink : ReportSink
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _w;

    public SarifReportSink(Stream stream, string workingDirectory)
    {
        _stream = stream;
        _w = new Utf8JsonWriter(stream, JsonOutput.WriterOptions);
        SarifReportWriter.WriteStart(_w, workingDirectory);
    }

    public override void Add(ReportedFinding finding)
    {
        SarifReportWriter.WriteResult(_w, finding);
        if (_w.BytesPending > 1 << 16) _w.Flush();
    }

    public override void End(RunReport summary)
    {
        SarifReportWriter.WriteEnd(_w, summary);
        _w.Flush();
        _stream.WriteByte((byte)'\n');
    }

    public override void Dispose() => _w.Dispose();
}
