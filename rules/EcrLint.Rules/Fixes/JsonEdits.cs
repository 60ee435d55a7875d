using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Text;

namespace EcrLint.Fixes;

/// <summary>An ordered JSON object to render into a fix (keys keep the order given).</summary>
public sealed class JsonObjectBuilder : List<KeyValuePair<string, object>>
{
    public JsonObjectBuilder Add(string key, object value)
    {
        Add(new KeyValuePair<string, object>(key, value));
        return this;
    }
}

/// <summary>How a document writes JSON, read off the document itself, so inserted text looks like its neighbours.</summary>
public sealed class JsonStyle
{
    public string NewLine { get; set; } = "\n";
    public string IndentUnit { get; set; } = "  ";

    /// <summary>Between a key's closing quote and its value: <c>": "</c> or <c>":"</c>.</summary>
    public string Colon { get; set; } = ": ";

    /// <summary>Whether single-line objects are written <c>{ "a": 1 }</c> (padded) or <c>{"a": 1}</c>.</summary>
    public bool PadBraces { get; set; } = true;

    [System.ThreadStatic] private static SourceDocument? s_lastDocument;
    [System.ThreadStatic] private static JsonNode? s_lastRoot;
    [System.ThreadStatic] private static JsonStyle? s_lastStyle;

    /// <summary>The style of a document (read once per document and root: every fix of a large policy asks; a copy each time).</summary>
    public static JsonStyle Of(SourceDocument document, JsonNode? root)
    {
        if (!ReferenceEquals(document, s_lastDocument) || !ReferenceEquals(root, s_lastRoot) || s_lastStyle is null)
        {
            s_lastStyle = Read(document, root);
            s_lastDocument = document;
            s_lastRoot = root;
        }

        var last = s_lastStyle;
        return new JsonStyle { NewLine = last.NewLine, IndentUnit = last.IndentUnit, Colon = last.Colon, PadBraces = last.PadBraces };
    }

    private static JsonStyle Read(SourceDocument document, JsonNode? root)
    {
        var style = new JsonStyle { NewLine = document.PreferredNewLine };
        var text = document.Text;
        if (root is null) return style;
        var obj = FirstObjectWithProperty(root);
        if (obj is not null)
        {
            var p = obj.Properties[0];
            style.Colon = text.Substring(p.NameSpan.End, p.Value.Span.Start - p.NameSpan.End);
            if (style.Colon.IndexOf('\n') >= 0 || style.Colon.IndexOf('\r') >= 0 || style.Colon.Trim() != ":") style.Colon = ": ";
            style.PadBraces = obj.Span.Start + 1 < text.Length && text[obj.Span.Start + 1] == ' ';
        }

        // The indent unit: the smallest non-empty leading whitespace of a line.
        string? unit = null;
        foreach (var start in document.LineStarts)
        {
            var i = start;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
            if (i == start || i >= text.Length || text[i] == '\r' || text[i] == '\n') continue;
            var ws = text.Substring(start, i - start);
            if (unit is null || ws.Length < unit.Length) unit = ws;
        }

        if (unit is not null) style.IndentUnit = unit;
        return style;
    }

    private static JsonObject? FirstObjectWithProperty(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o when o.Properties.Count > 0:
                foreach (var p in o.Properties)
                {
                    if (p.Value is JsonObject or JsonArray)
                    {
                        var inner = FirstObjectWithProperty(p.Value);
                        if (inner is not null && inner.Properties.Count > 0) return inner;
                    }
                }

                return o;
            case JsonArray a:
                foreach (var item in a.Items)
                {
                    var inner = FirstObjectWithProperty(item);
                    if (inner is not null) return inner;
                }

                return null;
            default:
                return null;
        }
    }
}

/// <summary>Text edits on JSON documents that keep every byte outside the edited span.</summary>
public static class JsonEdits
{
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    public static TextEdit ReplaceString(JsonNode node, string newValue) => new(node.Span, Quote(newValue));

    public static TextEdit ReplaceNode(JsonNode node, string json) => new(node.Span, json);

    public static TextEdit RenameKey(JsonProperty property, string newName) => new(property.NameSpan, Quote(newName));

    /// <summary>The leading whitespace of the line that holds <paramref name="offset"/>.</summary>
    public static string IndentationAt(SourceDocument document, int offset)
    {
        var line = document.GetLinePosition(offset).Line;
        var start = document.LineStarts[line - 1];
        var i = start;
        var text = document.Text;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
        return text.Substring(start, i - start);
    }

    /// <summary>Renders a value (string, bool, JsonObjectBuilder, IEnumerable of values) in the document's style.</summary>
    public static string Render(object value, JsonStyle style, string indent, bool multiline)
    {
        switch (value)
        {
            case string s:
                return Quote(s);
            case bool b:
                return b ? "true" : "false";
            case JsonObjectBuilder obj:
            {
                if (obj.Count == 0) return "{}";
                if (!multiline)
                {
                    var inner = string.Join(", ", obj.Select(p => Quote(p.Key) + style.Colon + Render(p.Value, style, indent, false)));
                    return style.PadBraces ? "{ " + inner + " }" : "{" + inner + "}";
                }

                var childIndent = indent + style.IndentUnit;
                var sb = new StringBuilder("{");
                for (var i = 0; i < obj.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ",").Append(style.NewLine).Append(childIndent)
                        .Append(Quote(obj[i].Key)).Append(style.Colon).Append(Render(obj[i].Value, style, childIndent, multiline));
                }

                return sb.Append(style.NewLine).Append(indent).Append('}').ToString();
            }
            case System.Collections.IEnumerable list:
            {
                var items = list.Cast<object>().Select(v => Render(v, style, indent, false)).ToList();
                return "[" + string.Join(", ", items) + "]";
            }
            default:
                throw new ArgumentException($"Cannot render {value.GetType()}.", nameof(value));
        }
    }

    /// <summary>Inserts a property as the first or last member of an object, laid out like its siblings.</summary>
    public static TextEdit InsertProperty(JsonObject obj, string name, object value, bool atStart, JsonStyle? style = null)
    {
        var doc = obj.Document;
        style ??= JsonStyle.Of(doc, obj);
        var text = doc.Text;
        var props = obj.Properties;
        if (props.Count == 0)
        {
            var rendered = Quote(name) + style.Colon + Render(value, style, IndentationAt(doc, obj.Span.Start), false);
            return new TextEdit(new TextSpan(obj.Span.Start + 1, 0), style.PadBraces ? " " + rendered + " " : rendered);
        }

        var separator = SeparatorWhitespace(text, obj.Span.Start + 1, props.Select(p => (p.NameSpan.Start, p.Value.Span.End)).ToList());
        var multilineValue = separator.IndexOf('\n') >= 0 && value is JsonObjectBuilder;
        var indent = IndentationAt(doc, props[0].NameSpan.Start);
        var item = Quote(name) + style.Colon + Render(value, style, indent, multilineValue);
        return atStart
            ? new TextEdit(new TextSpan(props[0].NameSpan.Start, 0), item + "," + separator)
            : new TextEdit(new TextSpan(props[props.Count - 1].Value.Span.End, 0), "," + separator + item);
    }

    /// <summary>
    /// Adds values to an element that holds one value or an array: <c>"x"</c> becomes <c>["x", "y"]</c>, an
    /// array gets the new items after its last one.
    /// </summary>
    public static TextEdit AddToValueList(JsonNode list, IEnumerable<string> values, JsonStyle? style = null)
    {
        var doc = list.Document;
        style ??= JsonStyle.Of(doc, list);
        var quoted = values.Select(Quote).ToList();
        if (list is JsonArray array)
        {
            if (array.Items.Count == 0) return new TextEdit(new TextSpan(array.Span.Start + 1, 0), string.Join(", ", quoted));
            var separator = SeparatorWhitespace(doc.Text, array.Span.Start + 1, array.Items.Select(i => (i.Span.Start, i.Span.End)).ToList());
            return new TextEdit(new TextSpan(array.Items[array.Items.Count - 1].Span.End, 0), string.Concat(quoted.Select(q => "," + separator + q)));
        }

        return new TextEdit(list.Span, "[" + string.Join(", ", new[] { doc.Text.Substring(list.Span.Start, list.Span.Length) }.Concat(quoted)) + "]");
    }

    /// <summary>Removes one item of an array with the separator that belongs to it.</summary>
    public static TextEdit RemoveArrayItem(JsonArray array, int index)
    {
        var items = array.Items;
        var item = items[index];
        if (items.Count == 1) return new TextEdit(TextSpan.FromBounds(array.Span.Start + 1, array.Span.End - 1), "");
        if (index < items.Count - 1) return new TextEdit(TextSpan.FromBounds(item.Span.Start, items[index + 1].Span.Start), "");
        return new TextEdit(TextSpan.FromBounds(items[index - 1].Span.End, item.Span.End), "");
    }

    /// <summary>Adds a statement at the end of a policy's Statement list (turning a single statement into a list).</summary>
    public static TextEdit? AppendStatement(PolicyDocument policy, JsonObjectBuilder statement)
    {
        var doc = policy.Document;
        var style = JsonStyle.Of(doc, policy.Root);
        switch (policy.StatementNode)
        {
            case JsonArray array when array.Items.Count > 0:
            {
                var last = array.Items[array.Items.Count - 1];
                // The separator is read off the first two items (not the whole list: a fix is built per statement).
                var separator = SeparatorWhitespace(doc.Text, array.Span.Start + 1, array.Items.Take(2).Select(i => (i.Span.Start, i.Span.End)).ToList());
                var multiline = last is JsonObject lo && IsMultiline(doc.Text, lo.Span);
                var indent = IndentationAt(doc, last.Span.Start);
                return new TextEdit(new TextSpan(last.Span.End, 0), "," + separator + Render(statement, style, indent, multiline));
            }

            case JsonArray empty:
                return new TextEdit(new TextSpan(empty.Span.Start + 1, 0), Render(statement, style, IndentationAt(doc, empty.Span.Start), false));
            case JsonObject single:
            {
                var multiline = IsMultiline(doc.Text, single.Span);
                var indent = IndentationAt(doc, single.Span.Start);
                var existing = doc.Text.Substring(single.Span.Start, single.Span.Length);
                var separator = multiline ? "," + style.NewLine + indent : ", ";
                return new TextEdit(single.Span, "[" + existing + separator + Render(statement, style, indent, multiline) + "]");
            }

            default:
                if (policy.Root is null || policy.StatementNode is not null) return null;
                return InsertProperty(policy.Root, "Statement", new List<object> { statement }, atStart: false, style);
        }
    }

    public static bool IsMultiline(string text, TextSpan span)
    {
        for (var i = span.Start; i < span.End && i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r') return true;
        }

        return false;
    }

    /// <summary>
    /// The whitespace a container puts after the comma between items (", " on one line, ",\n    " on many):
    /// read between the first two items, else between the opening bracket and the first item.
    /// </summary>
    private static string SeparatorWhitespace(string text, int afterOpen, IReadOnlyList<(int Start, int End)> items)
    {
        // Items out of order (a YAML key that is itself a collection can end after the next item's start) give no sample.
        if (items.Count >= 2 && items[1].Start >= items[0].End)
        {
            var between = text.Substring(items[0].End, items[1].Start - items[0].End);
            var comma = between.IndexOf(',');
            if (comma >= 0)
            {
                var ws = between.Substring(comma + 1);
                if (ws.Trim().Length == 0) return ws;
            }
        }

        // A YAML block collection has no opening bracket: its first item starts the collection.
        if (items[0].Start < afterOpen) return " ";
        var lead = text.Substring(afterOpen, items[0].Start - afterOpen);
        if (lead.Trim().Length != 0) return " ";
        var nl = lead.LastIndexOf('\n');
        return nl >= 0 ? lead.Substring(lead.LastIndexOf('\r', nl) == nl - 1 && nl > 0 ? nl - 1 : nl) : " ";
    }
}
