using System;
using System.Collections.Generic;
using System.Text;

namespace EcrLint.Text;

/// <summary>
/// The text of one input as written. Offsets are UTF-16 code units into <see cref="Text"/>, which excludes
/// a byte-order mark. Lines break at CRLF, CR and LF (as JSON readers count them); columns count characters,
/// so a tab is one column. A document can also be a piece of a host document (a JSON policy inside a C#
/// string literal); its offsets then map into the host.
/// </summary>
public sealed class SourceDocument
{
    private int[]? _lineStarts;
    private readonly int[]? _hostOffsets;

    public SourceDocument(string path, string text, Encoding? encoding = null, bool hasBom = false)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Encoding = encoding ?? new UTF8Encoding(false);
        HasBom = hasBom;
    }

    private SourceDocument(SourceDocument host, string text, int[] hostOffsets)
    {
        Path = host.Path;
        Text = text;
        Encoding = host.Encoding;
        Host = host;
        _hostOffsets = hostOffsets;
    }

    /// <summary>The path as the user gave it (or as the host reports it).</summary>
    public string Path { get; }

    public string Text { get; }

    public Encoding Encoding { get; }

    public bool HasBom { get; }

    /// <summary>The document this one is embedded in, if any.</summary>
    public SourceDocument? Host { get; }

    /// <summary>
    /// Creates a document for text embedded in this one (for example the value of a string literal).
    /// <paramref name="hostOffsets"/> has <c>text.Length + 1</c> entries: the host offset of every character
    /// of <paramref name="text"/> and of its end.
    /// </summary>
    public SourceDocument CreateEmbedded(string text, int[] hostOffsets)
    {
        if (hostOffsets.Length != text.Length + 1) throw new ArgumentException("One offset per character plus the end is needed.", nameof(hostOffsets));
        return new SourceDocument(this, text, hostOffsets);
    }

    /// <summary>Maps a span of this document to the outermost document that holds it.</summary>
    public (SourceDocument Document, TextSpan Span) ToOutermost(TextSpan span)
    {
        var doc = this;
        while (doc.Host is not null && doc._hostOffsets is not null)
        {
            var start = doc._hostOffsets[Math.Min(span.Start, doc._hostOffsets.Length - 1)];
            int end;
            if (span.IsEmpty)
            {
                end = start;
            }
            else
            {
                // The end of a span is the end of its last character, which may be an escape sequence.
                var lastIndex = Math.Min(span.End - 1, doc._hostOffsets.Length - 2);
                end = Math.Max(start, doc._hostOffsets[lastIndex + 1]);
            }

            span = TextSpan.FromBounds(start, end);
            doc = doc.Host;
        }

        return (doc, span);
    }

    public IReadOnlyList<int> LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    /// <summary>The 1-based line and column of an offset of this document (not mapped to a host).</summary>
    public LinePosition GetLinePosition(int offset)
    {
        var starts = (int[])LineStarts;
        if (offset < 0) offset = 0;
        if (offset > Text.Length) offset = Text.Length;
        var line = Array.BinarySearch(starts, offset);
        if (line < 0) line = ~line - 1;
        return new LinePosition(line + 1, offset - starts[line] + 1);
    }

    /// <summary>The offset of a 1-based line and column; clamps to the text.</summary>
    public int GetOffset(int line, int column)
    {
        var starts = (int[])LineStarts;
        if (line < 1) return 0;
        if (line > starts.Length) return Text.Length;
        return Math.Min(Text.Length, starts[line - 1] + Math.Max(0, column - 1));
    }

    private string? _preferredNewLine;

    /// <summary>The line break style the document uses most (for inserted text); counted once (every fix asks).</summary>
    public string PreferredNewLine => _preferredNewLine ??= CountPreferredNewLine();

    private string CountPreferredNewLine()
    {
        {
            var crlf = 0;
            var lf = 0;
            for (var i = 0; i < Text.Length; i++)
            {
                if (Text[i] == '\n')
                {
                    if (i > 0 && Text[i - 1] == '\r') crlf++;
                    else lf++;
                }
            }

            return crlf > lf ? "\r\n" : "\n";
        }
    }

    public SourceLocation GetLocation(TextSpan span) => new(this, span);

    internal static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
