using System;
using System.Runtime.CompilerServices;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.CloudFormation;

/// <summary>How a string value is written in its document, which decides how an edit inside it must be escaped.</summary>
public enum ScalarStyle
{
    /// <summary>A JSON string, or a YAML double-quoted scalar (backslash escapes).</summary>
    DoubleQuoted,

    /// <summary>A YAML single-quoted scalar (<c>''</c> is a quote).</summary>
    SingleQuoted,

    /// <summary>A YAML literal block scalar (<c>|</c>): text as written, lines indented.</summary>
    Literal,

    /// <summary>A YAML folded block scalar (<c>&gt;</c>).</summary>
    Folded,

    /// <summary>A YAML plain scalar.</summary>
    Plain,
}

/// <summary>
/// Maps every character of a string's value (escapes decoded, YAML lines folded) to its offset in the document,
/// so that a diagnostic inside a policy written as a JSON string points at the exact characters of the file.
/// </summary>
public static class ScalarOffsets
{
    private sealed class Map
    {
        public Map(int[] offsets, ScalarStyle style, bool exact)
        {
            Offsets = offsets;
            Style = style;
            Exact = exact;
        }

        public int[] Offsets { get; }
        public ScalarStyle Style { get; }
        public bool Exact { get; }
    }

    private static readonly ConditionalWeakTable<JsonString, Map> s_cache = new();

    /// <summary>
    /// The host offset of each character of <see cref="JsonString.Value"/> and of its end (<c>Value.Length + 1</c>
    /// entries). When the text cannot be aligned with the value (an alias copy, an unusual YAML form), every
    /// character maps to the start of the string and the end to its end.
    /// </summary>
    public static int[] Of(JsonString node) => Get(node).Offsets;

    /// <summary>Whether <see cref="Of"/> is exact (false: the coarse fallback).</summary>
    public static bool IsExact(JsonString node) => Get(node).Exact;

    public static ScalarStyle StyleOf(JsonString node) => Get(node).Style;

    private static Map Get(JsonString node) => s_cache.GetValue(node, Compute);

    private static Map Compute(JsonString node)
    {
        var text = node.Document.Text;
        var span = node.Span;
        var value = node.Value;
        var first = span.Length > 0 && span.Start < text.Length ? text[span.Start] : '\0';
        var style = first switch
        {
            '"' => ScalarStyle.DoubleQuoted,
            '\'' => ScalarStyle.SingleQuoted,
            '|' => ScalarStyle.Literal,
            '>' => ScalarStyle.Folded,
            _ => ScalarStyle.Plain,
        };

        int[]? offsets = null;
        try
        {
            offsets = Align(text, span, value, style);
        }
        catch (ArgumentOutOfRangeException)
        {
            offsets = null;
        }
        catch (IndexOutOfRangeException)
        {
            offsets = null;
        }

        if (offsets is not null) return new Map(offsets, style, true);

        var coarse = new int[value.Length + 1];
        var start = style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted ? Math.Min(span.End, span.Start + 1) : span.Start;
        for (var i = 0; i < value.Length; i++) coarse[i] = start;
        coarse[value.Length] = style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted ? Math.Max(start, span.End - 1) : span.End;
        return new Map(coarse, style, false);
    }

    private static int[]? Align(string text, TextSpan span, string value, ScalarStyle style)
    {
        var offsets = new int[value.Length + 1];
        var pos = span.Start;
        var end = span.End;
        switch (style)
        {
            case ScalarStyle.DoubleQuoted:
            case ScalarStyle.SingleQuoted:
                pos++;
                end--;
                break;
            case ScalarStyle.Literal:
            case ScalarStyle.Folded:
                // Skip the header line (| or > with indicators and an optional comment).
                while (pos < end && text[pos] != '\n' && text[pos] != '\r') pos++;
                pos = SkipBreak(text, pos);
                break;
        }

        if (end < pos) return null;
        var i = 0;
        while (i < value.Length)
        {
            if (pos >= end)
            {
                // Block scalars end with line breaks the document span leaves out (chomping).
                if ((style is ScalarStyle.Literal or ScalarStyle.Folded) && value.Substring(i).Trim('\n').Length == 0)
                {
                    for (; i < value.Length; i++) offsets[i] = end;
                    break;
                }

                return null;
            }

            var c = text[pos];
            var v = value[i];
            if (style == ScalarStyle.DoubleQuoted && c == '\\')
            {
                if (pos + 1 >= end) return null;
                var n = text[pos + 1];
                if (n == '\r' || n == '\n')
                {
                    // An escaped line break: nothing is produced; leading white space of the next line is dropped.
                    pos = SkipBreak(text, pos + 1);
                    while (pos < end && (text[pos] == ' ' || text[pos] == '\t')) pos++;
                    continue;
                }

                var (decoded, length) = DecodeEscape(text, pos, end);
                if (decoded is null || decoded.Length == 0 || i + decoded.Length > value.Length || string.CompareOrdinal(value, i, decoded, 0, decoded.Length) != 0) return null;
                for (var k = 0; k < decoded.Length; k++) offsets[i + k] = pos;
                i += decoded.Length;
                pos += length;
                continue;
            }

            if (style == ScalarStyle.SingleQuoted && c == '\'')
            {
                if (pos + 1 < end && text[pos + 1] == '\'' && v == '\'')
                {
                    offsets[i++] = pos;
                    pos += 2;
                    continue;
                }

                return null;
            }

            if (c == '\r' || c == '\n')
            {
                if (v == '\n' || (v == ' ' && style != ScalarStyle.Literal))
                {
                    offsets[i++] = pos;
                    pos = SkipBreak(text, pos);
                    if (v == ' ')
                    {
                        while (pos < end && (text[pos] == ' ' || text[pos] == '\t')) pos++;
                    }

                    continue;
                }

                pos = SkipBreak(text, pos);
                continue;
            }

            if (c == v)
            {
                offsets[i++] = pos++;
                continue;
            }

            if (c == ' ' || c == '\t')
            {
                pos++;
                continue;
            }

            return null;
        }

        // The end: the closing quote for quoted strings, else the end of the last character.
        offsets[value.Length] = style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted
            ? end
            : value.Length == 0 ? pos : Math.Max(offsets[value.Length - 1] + 1, Math.Min(pos, end));
        return offsets;
    }

    private static int SkipBreak(string text, int pos)
    {
        if (pos < text.Length && text[pos] == '\r')
        {
            pos++;
            if (pos < text.Length && text[pos] == '\n') pos++;
            return pos;
        }

        if (pos < text.Length && text[pos] == '\n') pos++;
        return pos;
    }

    /// <summary>Decodes one backslash escape (JSON and YAML double-quoted): the characters it stands for and its length.</summary>
    private static (string? Value, int Length) DecodeEscape(string text, int pos, int end)
    {
        var n = text[pos + 1];
        switch (n)
        {
            case '"': return ("\"", 2);
            case '\\': return ("\\", 2);
            case '/': return ("/", 2);
            case 'b': return ("\b", 2);
            case 'f': return ("\f", 2);
            case 'n': return ("\n", 2);
            case 'r': return ("\r", 2);
            case 't':
            case '\t': return ("\t", 2);
            case '0': return ("\0", 2);
            case 'a': return ("\a", 2);
            case 'v': return ("\v", 2);
            case 'e': return ("\u001b", 2);
            case ' ': return (" ", 2);
            case 'N': return ("\u0085", 2);
            case '_': return ("\u00a0", 2);
            case 'L': return ("\u2028", 2);
            case 'P': return ("\u2029", 2);
            case 'x': return Hex(text, pos, end, 2);
            case 'u': return Hex(text, pos, end, 4);
            case 'U': return Hex(text, pos, end, 8);
            default: return (null, 0);
        }
    }

    private static (string? Value, int Length) Hex(string text, int pos, int end, int digits)
    {
        if (pos + 2 + digits > end) return (null, 0);
        var code = 0L;
        for (var k = 0; k < digits; k++)
        {
            var d = text[pos + 2 + k];
            int h;
            if (d >= '0' && d <= '9') h = d - '0';
            else if (d >= 'a' && d <= 'f') h = d - 'a' + 10;
            else if (d >= 'A' && d <= 'F') h = d - 'A' + 10;
            else return (null, 0);
            code = code * 16 + h;
        }

        if (code > 0x10FFFF) return (null, 0);
        return (code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32((int)code), 2 + digits);
    }

    /// <summary>
    /// Escapes text to be inserted into a scalar written in <paramref name="style"/>, or null when it cannot be
    /// written there safely. <paramref name="blockIndent"/> is the indentation of a block scalar's lines.
    /// </summary>
    public static string? Escape(string insert, ScalarStyle style, string newLine, string blockIndent)
    {
        switch (style)
        {
            case ScalarStyle.DoubleQuoted:
            {
                var quoted = Fixes.JsonEdits.Quote(insert);
                return quoted.Substring(1, quoted.Length - 2);
            }

            case ScalarStyle.SingleQuoted:
                if (insert.IndexOf('\n') >= 0 || insert.IndexOf('\r') >= 0) return null;
                return insert.Replace("'", "''");
            case ScalarStyle.Literal:
            {
                if (insert.IndexOf('\r') >= 0) insert = insert.Replace("\r\n", "\n").Replace('\r', '\n');
                if (insert.IndexOf('\n') < 0) return insert;
                var lines = insert.Split('\n');
                var sb = new System.Text.StringBuilder(lines[0]);
                for (var k = 1; k < lines.Length; k++) sb.Append(newLine).Append(lines[k].Length == 0 ? "" : blockIndent).Append(lines[k]);
                return sb.ToString();
            }

            default:
                return null;
        }
    }

    /// <summary>The indentation of a block scalar's content lines (its first non-empty line's leading spaces).</summary>
    public static string BlockIndent(JsonString node)
    {
        var text = node.Document.Text;
        var pos = node.Span.Start;
        while (pos < node.Span.End && text[pos] != '\n' && text[pos] != '\r') pos++;
        while (pos < node.Span.End)
        {
            pos = SkipBreak(text, pos);
            var start = pos;
            while (pos < node.Span.End && text[pos] == ' ') pos++;
            if (pos < node.Span.End && text[pos] != '\n' && text[pos] != '\r') return text.Substring(start, pos - start);
        }

        return "";
    }
}
