using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EcrLint.Text;

namespace EcrLint.Fixes;

/// <summary>A replacement of a span of a document's text.</summary>
public sealed class TextEdit
{
    public TextEdit(TextSpan span, string newText)
    {
        Span = span;
        NewText = newText;
    }

    public TextSpan Span { get; }
    public string NewText { get; }

    public override string ToString() => $"{Span} -> {NewText}";
}

/// <summary>A fix for one finding: a title and the edits, all in one document.</summary>
public sealed class Fix
{
    public Fix(string title, SourceDocument document, IReadOnlyList<TextEdit> edits, string? equivalenceKey = null)
    {
        Title = title;
        Document = document;
        Edits = edits;
        EquivalenceKey = equivalenceKey ?? title;
    }

    public Fix(string title, SourceDocument document, TextEdit edit, string? equivalenceKey = null)
        : this(title, document, new[] { edit }, equivalenceKey)
    {
    }

    public string Title { get; }
    public SourceDocument Document { get; }
    public IReadOnlyList<TextEdit> Edits { get; }

    /// <summary>Fixes with the same key do the same kind of edit (Roslyn FixAll groups by it).</summary>
    public string EquivalenceKey { get; }
}

public static class TextEdits
{
    /// <summary>
    /// Applies edits to a text. Edits must not overlap (two inserts at the same offset keep their order).
    /// Every character outside the edited spans is kept as it is.
    /// </summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length).ToList();
        var sb = new StringBuilder(text.Length + 64);
        var pos = 0;
        foreach (var e in ordered)
        {
            if (e.Span.Start < pos) throw new ArgumentException("Edits overlap.", nameof(edits));
            sb.Append(text, pos, e.Span.Start - pos);
            sb.Append(e.NewText);
            pos = e.Span.End;
        }

        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }

    /// <summary>Picks fixes whose edits do not overlap any already picked (earlier fixes win); returns the edits to apply.</summary>
    public static List<TextEdit> NonOverlapping(IEnumerable<Fix> fixes, out int skipped)
    {
        var picked = new List<TextEdit>();
        skipped = 0;
        foreach (var fix in fixes)
        {
            var clash = fix.Edits.Any(e => picked.Any(p => Overlaps(p.Span, e.Span)));
            if (clash)
            {
                skipped++;
                continue;
            }

            picked.AddRange(fix.Edits);
        }

        return picked;
    }

    private static bool Overlaps(TextSpan a, TextSpan b)
    {
        if (a.IsEmpty && b.IsEmpty) return a.Start == b.Start;
        if (a.IsEmpty) return a.Start > b.Start && a.Start < b.End;
        if (b.IsEmpty) return b.Start > a.Start && b.Start < a.End;
        return a.OverlapsWith(b);
    }
}
