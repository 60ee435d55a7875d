using System;
using System.Collections.Generic;
using System.IO;
using EcrLint.Text;
using Newtonsoft.Json;

namespace EcrLint.Json;

/// <summary>A located reason a document is not valid JSON.</summary>
public sealed class JsonSyntaxError
{
    public JsonSyntaxError(string message, TextSpan span)
    {
        Message = message;
        Span = span;
    }

    public string Message { get; }
    public TextSpan Span { get; }
}

public sealed class JsonParseResult
{
    internal JsonParseResult(JsonNode? root, JsonSyntaxError? error)
    {
        Root = root;
        Error = error;
    }

    /// <summary>The document's value; null when <see cref="Error"/> is set.</summary>
    public JsonNode? Root { get; }

    public JsonSyntaxError? Error { get; }
}

/// <summary>
/// Reads strict JSON (RFC 8259) into <see cref="JsonNode"/>s with exact spans. Tokens come from Newtonsoft.Json's
/// <see cref="JsonTextReader"/>; its end-of-token line positions are turned into offsets of the document, and the
/// leniencies it allows (comments, single quotes, unquoted names, trailing commas, NaN) are reported as errors
/// because IAM rejects them. Nesting deeper than <see cref="DefaultMaxDepth"/> is an error, not a stack overflow.
/// </summary>
public static class JsonParser
{
    public const int DefaultMaxDepth = 64;

    public static JsonParseResult Parse(SourceDocument document, int maxDepth = DefaultMaxDepth)
    {
        var text = document.Text;
        var lineStarts = (int[])document.LineStarts;
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = maxDepth,
            CloseInput = true,
        };

        var stack = new Stack<JsonNode>();
        string? pendingName = null;
        var pendingNameSpan = default(TextSpan);
        JsonNode? root = null;

        try
        {
            while (reader.Read())
            {
                var end = OffsetOf(lineStarts, text, reader.LineNumber, reader.LinePosition);
                JsonNode? value = null;
                switch (reader.TokenType)
                {
                    case JsonToken.StartObject:
                        value = new JsonObject(document, new TextSpan(end - 1, 1));
                        break;
                    case JsonToken.StartArray:
                        value = new JsonArray(document, new TextSpan(end - 1, 1));
                        break;
                    case JsonToken.EndObject:
                    case JsonToken.EndArray:
                    {
                        var container = stack.Pop();
                        var before = SkipWhitespaceBack(text, end - 2);
                        if (before >= 0 && text[before] == ',' && before > container.Span.Start)
                            return Fail("trailing comma before '" + text[end - 1] + "': JSON does not allow it; remove the comma", new TextSpan(before, 1));
                        container.Span = TextSpan.FromBounds(container.Span.Start, end);
                        continue;
                    }
                    case JsonToken.PropertyName:
                    {
                        var colon = SkipWhitespaceBack(text, end - 1);
                        var close = text[colon] == ':' ? SkipWhitespaceBack(text, colon - 1) : colon;
                        var error = CheckQuoted(text, close, out var open, "property name");
                        if (error is not null) return error;
                        pendingName = (string)reader.Value!;
                        pendingNameSpan = TextSpan.FromBounds(open, close + 1);
                        continue;
                    }
                    case JsonToken.String:
                    {
                        var close = end - 1;
                        var error = CheckQuoted(text, close, out var open, "string");
                        if (error is not null) return error;
                        value = new JsonString(document, TextSpan.FromBounds(open, end), (string)reader.Value!);
                        break;
                    }
                    case JsonToken.Integer:
                    case JsonToken.Float:
                    case JsonToken.Boolean:
                    case JsonToken.Null:
                    case JsonToken.Undefined:
                    {
                        var start = end;
                        while (start > 0 && IsLiteralChar(text[start - 1])) start--;
                        var raw = text.Substring(start, end - start);
                        var kind = reader.TokenType switch
                        {
                            JsonToken.Boolean => JsonNodeKind.Boolean,
                            JsonToken.Null => JsonNodeKind.Null,
                            _ => JsonNodeKind.Number,
                        };
                        if (raw.Length == 0)
                            {
                            var comma = text.IndexOf(',', Math.Max(0, end - 1));
                            return Fail("missing value: a comma with nothing before it", new TextSpan(comma >= 0 ? comma : Math.Max(0, end - 1), 1));
                        }
                        if (!IsStrictLiteral(raw, kind))
                            return Fail($"'{raw}' is not a JSON value (numbers are decimal, literals are true, false and null)", TextSpan.FromBounds(start, end));
                        value = new JsonScalar(document, TextSpan.FromBounds(start, end), kind, raw);
                        break;
                    }
                    case JsonToken.Comment:
                        return Fail("comments are not allowed in JSON; remove the comment", new TextSpan(Math.Max(0, FindCommentStart(text, end)), 2));
                    default:
                        return Fail($"unexpected {reader.TokenType} token", new TextSpan(Math.Max(0, end - 1), 0));
                }

                if (stack.Count == 0)
                {
                    root = value;
                }
                else if (stack.Peek() is JsonObject obj)
                {
                    obj.Add(pendingName!, pendingNameSpan, value);
                    pendingName = null;
                }
                else
                {
                    ((JsonArray)stack.Peek()).Add(value);
                }

                if (value is JsonObject or JsonArray) stack.Push(value);
            }
        }
        catch (JsonReaderException e)
        {
            var offset = e.LineNumber > 0 ? OffsetOf(lineStarts, text, e.LineNumber, e.LinePosition) : 0;
            // The reader reports the offending character's index, except for a mismatched closing bracket (after it).
            if (e.Message.StartsWith("JsonToken End", StringComparison.Ordinal) && offset > 0) offset--;
            offset = Math.Max(0, Math.Min(offset, text.Length));
            return Fail(Describe(e, text, offset, maxDepth), new TextSpan(offset, offset < text.Length ? 1 : 0));
        }

        if (stack.Count > 0 || pendingName is not null)
            return Fail("unexpected end of file: a closing bracket, brace or value is missing", new TextSpan(text.Length, 0));
        if (root is null)
            return Fail(text.Trim().Length == 0 ? "the file is empty: a JSON document is expected" : "no JSON value found", new TextSpan(0, 0));
        return new JsonParseResult(root, null);

        static JsonParseResult Fail(string message, TextSpan span) => new(null, new JsonSyntaxError(message, span));
    }

    private static int OffsetOf(int[] lineStarts, string text, int line, int position)
    {
        if (line < 1) return 0;
        if (line > lineStarts.Length) return text.Length;
        return Math.Min(text.Length, lineStarts[line - 1] + position);
    }

    private static int SkipWhitespaceBack(string text, int i)
    {
        while (i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) i--;
        return i;
    }

    private static JsonParseResult? CheckQuoted(string text, int close, out int open, string what)
    {
        open = close;
        if (close < 0 || close >= text.Length)
            return new JsonParseResult(null, new JsonSyntaxError($"malformed {what}", new TextSpan(Math.Max(0, Math.Min(close, text.Length)), 0)));
        var q = text[close];
        if (q == '\'')
        {
            var start = text.LastIndexOf('\'', Math.Max(0, close - 1));
            return new JsonParseResult(null, new JsonSyntaxError($"{what} in single quotes: JSON needs double quotes", TextSpan.FromBounds(Math.Max(0, start), close + 1)));
        }

        if (q != '"')
        {
            var start = close;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] != '{' && text[start - 1] != ',') start--;
            return new JsonParseResult(null, new JsonSyntaxError($"{what} without quotes: JSON needs double quotes around names and strings", TextSpan.FromBounds(start, close + 1)));
        }

        for (var i = close - 1; i >= 0; i--)
        {
            if (text[i] != '"') continue;
            var backslashes = 0;
            for (var j = i - 1; j >= 0 && text[j] == '\\'; j--) backslashes++;
            if (backslashes % 2 == 0)
            {
                open = i;
                break;
            }
        }

        for (var i = open + 1; i < close; i++)
        {
            if (text[i] < ' ')
                return new JsonParseResult(null, new JsonSyntaxError($"control character U+{(int)text[i]:X4} inside a {what}: escape it (\\n, \\t, \\u00XX)", new TextSpan(i, 1)));
        }

        return null;
    }

    private static int FindCommentStart(string text, int end)
    {
        // The reader stops after the comment; find the last "//" or "/*" that starts before its end.
        var line = text.LastIndexOf("//", Math.Max(0, end - 1), StringComparison.Ordinal);
        var block = text.LastIndexOf("/*", Math.Max(0, end - 1), StringComparison.Ordinal);
        return Math.Max(line, block);
    }

    private static bool IsLiteralChar(char c) => char.IsLetterOrDigit(c) || c == '-' || c == '+' || c == '.';

    private static bool IsStrictLiteral(string raw, JsonNodeKind kind)
    {
        switch (kind)
        {
            case JsonNodeKind.Boolean: return raw == "true" || raw == "false";
            case JsonNodeKind.Null: return raw == "null";
        }

        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        var i = 0;
        if (i < raw.Length && raw[i] == '-') i++;
        if (i >= raw.Length) return false;
        if (raw[i] == '0') i++;
        else if (raw[i] >= '1' && raw[i] <= '9') while (i < raw.Length && char.IsDigit(raw[i])) i++;
        else return false;
        if (i < raw.Length && raw[i] == '.')
        {
            i++;
            var digits = i;
            while (i < raw.Length && char.IsDigit(raw[i])) i++;
            if (i == digits) return false;
        }

        if (i < raw.Length && (raw[i] == 'e' || raw[i] == 'E'))
        {
            i++;
            if (i < raw.Length && (raw[i] == '+' || raw[i] == '-')) i++;
            var digits = i;
            while (i < raw.Length && char.IsDigit(raw[i])) i++;
            if (i == digits) return false;
        }

        return i == raw.Length;
    }

    private static string Describe(JsonReaderException e, string text, int offset, int maxDepth)
    {
        var message = e.Message;
        if (message.StartsWith("JsonToken End", StringComparison.Ordinal))
            return $"invalid JSON: '{text[offset]}' does not close the innermost open bracket";
        if (message.IndexOf("MaxDepth", StringComparison.Ordinal) >= 0)
            return $"nesting deeper than {maxDepth} levels: this is not a policy or template EcrLint can read";
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(", line ", StringComparison.Ordinal);
        if (cut > 0) message = message.Substring(0, cut);
        message = message.TrimEnd('.');
        if (offset >= text.Length && message.StartsWith("Unexpected end", StringComparison.Ordinal))
            return "unexpected end of file: a closing bracket, brace or quote is missing";
        if (message.Length > 0) message = char.ToLowerInvariant(message[0]) + message.Substring(1);
        return "invalid JSON: " + message;
    }
}
