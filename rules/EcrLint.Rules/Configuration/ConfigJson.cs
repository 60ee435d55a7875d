using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;

namespace EcrLint.Configuration;

/// <summary>
/// The JSON of <c>.ecrlint.json</c>: standard JSON plus <c>//</c> and <c>/* */</c> comments and trailing commas.
/// Single-quoted strings and unquoted names are rejected. Every node keeps its 1-based line and column, so a
/// configuration error can be placed in the file. When an object repeats a key, the last one counts.
/// </summary>
internal static class ConfigJson
{
    public enum NodeKind
    {
        Object,
        Array,
        String,
        Number,
        Boolean,
        Null,
    }

    public sealed class Property
    {
        public Property(string name, Node value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }
        public Node Value { get; }
    }

    public sealed class Node
    {
        public Node(NodeKind kind, int line, int column, string? text = null)
        {
            Kind = kind;
            Line = line;
            Column = column;
            Text = text;
        }

        public NodeKind Kind { get; }
        public int Line { get; }
        public int Column { get; }

        /// <summary>The value of a string (or the text of a scalar).</summary>
        public string? Text { get; }

        public List<Property> Properties { get; } = new();
        public List<Node> Items { get; } = new();

        /// <summary>The value of the last property with this name, or null.</summary>
        public Node? Get(string name)
        {
            for (var i = Properties.Count - 1; i >= 0; i--)
            {
                if (Properties[i].Name == name) return Properties[i].Value;
            }

            return null;
        }
    }

    public static Node Parse(string text, string displayPath)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = 64,
        };
        try
        {
            if (!ReadSkippingComments(reader)) throw NotJson(displayPath, reader);
            var root = ReadValue(reader, displayPath);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment) throw NotJson(displayPath, reader);
            }

            return root;
        }
        catch (JsonReaderException e)
        {
            throw new EcrLintConfigException(
                $"invalid configuration file '{displayPath}' at line {e.LineNumber}, column {Math.Max(1, e.LinePosition)}: it is not valid JSON",
                e.LineNumber,
                Math.Max(1, e.LinePosition));
        }
    }

    private static Node ReadValue(JsonTextReader reader, string displayPath)
    {
        var (line, column) = Position(reader);
        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
            {
                var node = new Node(NodeKind.Object, line, column);
                while (true)
                {
                    if (!ReadSkippingComments(reader)) throw NotJson(displayPath, reader);
                    if (reader.TokenType == JsonToken.EndObject) return node;
                    if (reader.TokenType != JsonToken.PropertyName || reader.QuoteChar != '"') throw NotJson(displayPath, reader);
                    var name = (string)reader.Value!;
                    if (!ReadSkippingComments(reader)) throw NotJson(displayPath, reader);
                    node.Properties.Add(new Property(name, ReadValue(reader, displayPath)));
                }
            }

            case JsonToken.StartArray:
            {
                var node = new Node(NodeKind.Array, line, column);
                while (true)
                {
                    if (!ReadSkippingComments(reader)) throw NotJson(displayPath, reader);
                    if (reader.TokenType == JsonToken.EndArray) return node;
                    node.Items.Add(ReadValue(reader, displayPath));
                }
            }

            case JsonToken.String:
                if (reader.QuoteChar != '"') throw NotJson(displayPath, reader);
                return new Node(NodeKind.String, line, column, (string)reader.Value!);
            case JsonToken.Integer:
            case JsonToken.Float:
                return new Node(NodeKind.Number, line, column, Convert.ToString(reader.Value, CultureInfo.InvariantCulture));
            case JsonToken.Boolean:
                return new Node(NodeKind.Boolean, line, column, (bool)reader.Value! ? "true" : "false");
            case JsonToken.Null:
                return new Node(NodeKind.Null, line, column, "null");
            default:
                throw NotJson(displayPath, reader);
        }
    }

    private static bool ReadSkippingComments(JsonTextReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment) return true;
        }

        return false;
    }

    /// <summary>Where the reader is (it stands just after the token it read); close enough to point at the value.</summary>
    private static (int Line, int Column) Position(JsonTextReader reader) => (reader.LineNumber, Math.Max(1, reader.LinePosition));

    private static EcrLintConfigException NotJson(string displayPath, JsonTextReader reader)
    {
        var (line, column) = Position(reader);
        return new EcrLintConfigException($"invalid configuration file '{displayPath}' at line {line}, column {column}: it is not valid JSON", line, column);
    }
}
