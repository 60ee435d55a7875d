using System;
using System.Collections.Generic;
using System.IO;
using EcrLint.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EcrLint.Json;

/// <summary>
/// Reads YAML (a CloudFormation template, a policy) into the same <see cref="JsonNode"/> tree as JSON, with
/// exact spans. Only YamlDotNet's event parser is used: no object is ever created from a tag (no type
/// activation). CloudFormation short-form tags become their long form (<c>!Ref X</c> is read as
/// <c>{"Ref": "X"}</c>, <c>!GetAtt A.B</c> as <c>{"Fn::GetAtt": ["A", "B"]}</c>) and keep the tag in
/// <see cref="JsonNode.Tag"/>. Aliases are expanded by copying, with a bound on the nodes they may create,
/// so an alias bomb is an error, not an out-of-memory.
/// </summary>
public static class YamlParser
{
    public const int DefaultMaxDepth = 64;

    /// <summary>The most nodes alias expansion may create in one document.</summary>
    public const int DefaultMaxAliasNodes = 100_000;

    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
        ["!Sub"] = "Fn::Sub",
        ["!GetAtt"] = "Fn::GetAtt",
        ["!Join"] = "Fn::Join",
        ["!Select"] = "Fn::Select",
        ["!Split"] = "Fn::Split",
        ["!If"] = "Fn::If",
        ["!ImportValue"] = "Fn::ImportValue",
        ["!Cidr"] = "Fn::Cidr",
        ["!FindInMap"] = "Fn::FindInMap",
        ["!Base64"] = "Fn::Base64",
        ["!GetAZs"] = "Fn::GetAZs",
        ["!Equals"] = "Fn::Equals",
        ["!And"] = "Fn::And",
        ["!Or"] = "Fn::Or",
        ["!Not"] = "Fn::Not",
        ["!Transform"] = "Fn::Transform",
        ["!ToJsonString"] = "Fn::ToJsonString",
        ["!Length"] = "Fn::Length",
    };

    /// <summary>True when the tag is a CloudFormation short-form intrinsic.</summary>
    public static bool IsIntrinsicTag(string tag) => ShortForms.ContainsKey(tag);

    public static JsonParseResult Parse(SourceDocument document, int maxDepth = DefaultMaxDepth, int maxAliasNodes = DefaultMaxAliasNodes)
    {
        var reader = new Reader(document, maxDepth, maxAliasNodes);
        try
        {
            return reader.Run();
        }
        catch (YamlException e)
        {
            var offset = (int)Math.Min(document.Text.Length, Math.Max(0, e.Start.Index));
            return new JsonParseResult(null, new JsonSyntaxError("invalid YAML: " + Clean(e.Message), new TextSpan(offset, 0)));
        }
        catch (LimitException e)
        {
            return new JsonParseResult(null, new JsonSyntaxError(e.Message, e.Span));
        }
        catch (ArgumentException e)
        {
            // YamlDotNet rejects some tags (`!!]`: "Global tags must be valid URIs") with an ArgumentException.
            var message = e.Message;
            var parameter = message.IndexOf(" (Parameter ", StringComparison.Ordinal);
            if (parameter > 0) message = message.Substring(0, parameter);
            return new JsonParseResult(null, new JsonSyntaxError("invalid YAML: " + Clean(message), new TextSpan(reader.LastOffset, 0)));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some malformed input (an unclosed flow mapping) without a YamlException.
            return new JsonParseResult(null, new JsonSyntaxError("invalid YAML: the text after this point cannot be read (an unclosed bracket, brace or quote?)", new TextSpan(reader.LastOffset, 0)));
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): ".
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0) message = message.Substring(cut + 3);
        message = message.TrimEnd('.');
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message.Substring(1) : message;
    }

    private sealed class LimitException : Exception
    {
        public LimitException(string message, TextSpan span) : base(message) => Span = span;
        public TextSpan Span { get; }
    }

    private sealed class Reader
    {
        private readonly SourceDocument _doc;
        private readonly string _text;
        private readonly int _maxDepth;
        private readonly int _maxAliasNodes;
        private readonly Parser _parser;
        private readonly Dictionary<string, JsonNode> _anchors = new(StringComparer.Ordinal);
        private int _aliasNodes;

        public Reader(SourceDocument doc, int maxDepth, int maxAliasNodes)
        {
            _doc = doc;
            _text = doc.Text;
            _maxDepth = maxDepth;
            _maxAliasNodes = maxAliasNodes;
            _parser = new Parser(new StringReader(doc.Text));
        }

        /// <summary>The end of the last event read (where reading stopped).</summary>
        public int LastOffset => _parser.Current is { } e ? Clamp(e.End.Index) : 0;

        public JsonParseResult Run()
        {
            Expect<StreamStart>();
            if (_parser.Current is StreamEnd || !_parser.MoveNext() || _parser.Current is StreamEnd)
                return Fail("the file is empty: a YAML document is expected", new TextSpan(0, 0));
            if (_parser.Current is not DocumentStart) return Fail("a YAML document is expected", At(_parser.Current!));
            _parser.MoveNext();
            var root = ReadNode(0);
            if (_parser.Current is not DocumentEnd) return Fail("unexpected content after the document", At(_parser.Current!));
            _parser.MoveNext();
            if (_parser.Current is DocumentStart ds)
                return Fail("a second YAML document: a template or policy file holds exactly one", At(ds));
            return new JsonParseResult(root, null);
        }

        private static JsonParseResult Fail(string message, TextSpan span) => new(null, new JsonSyntaxError(message, span));

        private void Expect<T>()
            where T : ParsingEvent
        {
            if (!_parser.MoveNext() || _parser.Current is not T) throw new YamlException(_parser.Current?.Start ?? Mark.Empty, _parser.Current?.End ?? Mark.Empty, "unexpected YAML structure");
        }

        private TextSpan At(ParsingEvent e) => new(Clamp(e.Start.Index), 0);

        private int Clamp(long index) => (int)Math.Max(0, Math.Min(_text.Length, index));

        private JsonNode ReadNode(int depth)
        {
            var e = _parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
            if (depth > _maxDepth) throw new LimitException($"nesting deeper than {_maxDepth} levels: this is not a template or policy EcrLint can read", At(e));

            switch (e)
            {
                case AnchorAlias alias:
                {
                    _parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                        throw new LimitException($"alias *{alias.Value.Value} refers to no anchor", TextSpan.FromBounds(Clamp(alias.Start.Index), Clamp(alias.End.Index)));
                    return Copy(target, TextSpan.FromBounds(Clamp(alias.Start.Index), Clamp(alias.End.Index)));
                }

                case Scalar scalar:
                {
                    _parser.MoveNext();
                    var node = ScalarNode(scalar);
                    return Tagged(node, scalar);
                }

                case SequenceStart seq:
                {
                    var start = seq.Tag.IsEmpty && seq.Anchor.IsEmpty ? Clamp(seq.Start.Index) : SkipProperties(Clamp(seq.Start.Index), _text.Length);
                    var array = new JsonArray(_doc, new TextSpan(start, 0));
                    _parser.MoveNext();
                    var end = Clamp(seq.End.Index);
                    while (_parser.Current is not SequenceEnd)
                    {
                        var item = ReadNode(depth + 1);
                        array.Add(item);
                        end = Math.Max(end, item.Span.End);
                    }

                    end = CloseEnd(_parser.Current, ']', end);
                    _parser.MoveNext();
                    array.Span = TextSpan.FromBounds(start, end);
                    return Tagged(array, seq);
                }

                case MappingStart map:
                {
                    var start = map.Tag.IsEmpty && map.Anchor.IsEmpty ? Clamp(map.Start.Index) : SkipProperties(Clamp(map.Start.Index), _text.Length);
                    var obj = new JsonObject(_doc, new TextSpan(start, 0));
                    _parser.MoveNext();
                    var end = Clamp(map.End.Index);
                    while (_parser.Current is not MappingEnd)
                    {
                        if (_parser.Current is not Scalar key)
                            throw new LimitException("a mapping key that is not a plain value: templates and policies use text keys", At(_parser.Current!));
                        _parser.MoveNext();
                        var keySpan = TextSpan.FromBounds(Clamp(key.Start.Index), Clamp(key.End.Index));
                        var value = ReadNode(depth + 1);
                        obj.Add(key.Value, keySpan, value);
                        end = Math.Max(end, value.Span.End);
                    }

                    end = CloseEnd(_parser.Current, '}', end);
                    _parser.MoveNext();
                    obj.Span = TextSpan.FromBounds(start, end);
                    return Tagged(obj, map);
                }

                default:
                    throw new YamlException(e.Start, e.End, "unexpected YAML structure");
            }
        }

        /// <summary>Flow collections end after their bracket; block collections at their last child.</summary>
        private int CloseEnd(ParsingEvent? endEvent, char bracket, int lastChildEnd)
        {
            if (endEvent is null) return lastChildEnd;
            var i = Clamp(endEvent.Start.Index);
            return i < _text.Length && _text[i] == bracket ? i + 1 : lastChildEnd;
        }

        private JsonNode ScalarNode(Scalar s)
        {
            var start = Clamp(s.Start.Index);
            var end = Clamp(s.End.Index);
            var valueStart = start;
            // The event's span starts at the tag or anchor; the value's span starts at the value.
            if (!s.Tag.IsEmpty || !s.Anchor.IsEmpty) valueStart = SkipProperties(start, end);
            if (s.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            {
                while (end > valueStart && (_text[end - 1] == '\n' || _text[end - 1] == '\r' || _text[end - 1] == ' ')) end--;
            }

            var span = TextSpan.FromBounds(valueStart, Math.Max(valueStart, end));
            if (s.Style == ScalarStyle.Plain && s.Tag.IsEmpty)
            {
                var v = s.Value;
                if (v is "true" or "false" or "True" or "False" or "TRUE" or "FALSE")
                    return new JsonScalar(_doc, span, JsonNodeKind.Boolean, v.ToLowerInvariant());
                if (v is "null" or "Null" or "NULL" or "~" || v.Length == 0)
                    return new JsonScalar(_doc, span, JsonNodeKind.Null, "null");
                if (IsNumber(v)) return new JsonScalar(_doc, span, JsonNodeKind.Number, v);
            }

            return new JsonString(_doc, span, s.Value) { IsQuoted = s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted };
        }

        private int SkipProperties(int start, int end)
        {
            var i = start;
            // Skip "!Tag" and "&anchor" tokens and the spaces after them.
            while (i < end && (_text[i] == '!' || _text[i] == '&'))
            {
                while (i < end && !char.IsWhiteSpace(_text[i])) i++;
                while (i < end && (_text[i] == ' ' || _text[i] == '\t' || _text[i] == '\r' || _text[i] == '\n')) i++;
            }

            return i;
        }

        private JsonNode Tagged(JsonNode node, NodeEvent e)
        {
            if (!e.Anchor.IsEmpty)
            {
                _anchors[e.Anchor.Value] = node;
            }

            if (e.Tag.IsEmpty) return node;
            var tag = e.Tag.Value;
            node.Tag = tag;
            if (!ShortForms.TryGetValue(tag, out var longForm)) return node;

            // !GetAtt A.B is the string form of ["A", "B"].
            if (longForm == "Fn::GetAtt" && node is JsonString s)
            {
                var dot = s.Value.IndexOf('.');
                if (dot > 0)
                {
                    var pair = new JsonArray(_doc, s.Span);
                    pair.Add(new JsonString(_doc, s.Span, s.Value.Substring(0, dot)));
                    pair.Add(new JsonString(_doc, s.Span, s.Value.Substring(dot + 1)));
                    node = pair;
                }
            }

            var wrapper = new JsonObject(_doc, TextSpan.FromBounds(Clamp(e.Start.Index), node.Span.End)) { Tag = tag };
            var tagSpan = new TextSpan(Clamp(e.Start.Index), Math.Min(tag.Length, Math.Max(0, node.Span.End - Clamp(e.Start.Index))));
            wrapper.Add(longForm, tagSpan, node);
            return wrapper;
        }

        private JsonNode Copy(JsonNode node, TextSpan aliasSpan)
        {
            if (++_aliasNodes > _maxAliasNodes)
                throw new LimitException($"YAML aliases expand to more than {_maxAliasNodes:N0} nodes (an alias bomb?): EcrLint does not read this file", aliasSpan);
            switch (node)
            {
                case JsonObject o:
                {
                    var copy = new JsonObject(_doc, aliasSpan) { Tag = o.Tag };
                    foreach (var p in o.Properties) copy.Add(p.Name, aliasSpan, Copy(p.Value, aliasSpan));
                    return copy;
                }

                case JsonArray a:
                {
                    var copy = new JsonArray(_doc, aliasSpan) { Tag = a.Tag };
                    foreach (var item in a.Items) copy.Add(Copy(item, aliasSpan));
                    return copy;
                }

                case JsonString s:
                    return new JsonString(_doc, aliasSpan, s.Value) { Tag = s.Tag, IsQuoted = s.IsQuoted };
                case JsonScalar sc:
                    return new JsonScalar(_doc, aliasSpan, sc.Kind, sc.Raw) { Tag = sc.Tag };
                default:
                    throw new InvalidOperationException();
            }
        }

        private static bool IsNumber(string v)
        {
            var i = 0;
            if (i < v.Length && (v[i] == '-' || v[i] == '+')) i++;
            var digits = 0;
            while (i < v.Length && char.IsDigit(v[i])) { i++; digits++; }
            if (i < v.Length && v[i] == '.')
            {
                i++;
                while (i < v.Length && char.IsDigit(v[i])) { i++; digits++; }
            }

            if (digits == 0) return false;
            if (i < v.Length && (v[i] == 'e' || v[i] == 'E'))
            {
                i++;
                if (i < v.Length && (v[i] == '-' || v[i] == '+')) i++;
                var exp = 0;
                while (i < v.Length && char.IsDigit(v[i])) { i++; exp++; }
                if (exp == 0) return false;
            }

            return i == v.Length;
        }
    }
}
