namespace EcrLint.Text;

/// <summary>A span in a document, resolvable to the file as written (line, column, end line, end column).</summary>
public sealed class SourceLocation
{
    private LinePosition? _start;
    private LinePosition? _end;
    private (SourceDocument Document, TextSpan Span)? _outer;

    public SourceLocation(SourceDocument document, TextSpan span)
    {
        Document = document;
        Span = span;
    }

    /// <summary>The document the span refers to (may be embedded in a host).</summary>
    public SourceDocument Document { get; }

    public TextSpan Span { get; }

    /// <summary>The outermost document (the file) and the span in it.</summary>
    public (SourceDocument Document, TextSpan Span) Outer => _outer ??= Document.ToOutermost(Span);

    public string Path => Outer.Document.Path;

    public TextSpan FileSpan => Outer.Span;

    public LinePosition Start => _start ??= Outer.Document.GetLinePosition(Outer.Span.Start);

    public LinePosition End => _end ??= Outer.Document.GetLinePosition(Outer.Span.End);

    public override string ToString() => $"{Path}{Start}";
}
