using System.Collections.Generic;
using System.Globalization;
using System.Text;
using EcrLint.Text;

namespace EcrLint.Json;

public enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A value of a JSON (or YAML) document with its exact span in the source. Objects keep every property,
/// duplicates included, in source order.
/// </summary>
public abstract class JsonNode
{
    protected JsonNode(SourceDocument document, TextSpan span)
    {
        Document = document;
        Span = span;
    }

    public abstract JsonNodeKind Kind { get; }

    public SourceDocument Document { get; }

    /// <summary>The span of the whole value as written (quotes and brackets included).</summary>
    public TextSpan Span { get; internal set; }

    public JsonNode? Parent { get; internal set; }

    /// <summary>The property this value belongs to, when its parent is an object.</summary>
    public JsonProperty? OwnerProperty { get; internal set; }

    /// <summary>The index in the parent array, or -1.</summary>
    public int Index { get; internal set; } = -1;

    /// <summary>For YAML: the tag written on the node (<c>!Ref</c>, <c>!Sub</c> ...), or null.</summary>
    public string? Tag { get; internal set; }

    public SourceLocation Location => new(Document, Span);

    /// <summary>The RFC 6901 JSON pointer of this node (e.g. <c>/Statement/0/Action</c>).</summary>
    public string Pointer
    {
        get
        {
            var segments = new List<string>();
            for (var n = this; n.Parent is not null; n = n.Parent)
            {
                if (n.OwnerProperty is not null) segments.Add(Escape(n.OwnerProperty.Name));
                else segments.Add(n.Index.ToString(CultureInfo.InvariantCulture));
            }

            if (segments.Count == 0) return "";
            var sb = new StringBuilder();
            for (var i = segments.Count - 1; i >= 0; i--) sb.Append('/').Append(segments[i]);
            return sb.ToString();
        }
    }

    public string KindName => Kind switch
    {
        JsonNodeKind.Object => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.String => "a string",
        JsonNodeKind.Number => "a number",
        JsonNodeKind.Boolean => "a boolean",
        _ => "null",
    };

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}

public sealed class JsonProperty
{
    internal JsonProperty(string name, TextSpan nameSpan, JsonNode value, JsonObject owner)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
        Owner = owner;
    }

    public string Name { get; }

    /// <summary>The span of the key as written, quotes included.</summary>
    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }

    public JsonObject Owner { get; }

    /// <summary>From the first character of the key to the end of the value.</summary>
    public TextSpan Span => TextSpan.FromBounds(NameSpan.Start, Value.Span.End);

    public SourceLocation NameLocation => new(Owner.Document, NameSpan);
}

public sealed class JsonObject : JsonNode
{
    private readonly List<JsonProperty> _properties = new();

    public JsonObject(SourceDocument document, TextSpan span) : base(document, span) { }

    public override JsonNodeKind Kind => JsonNodeKind.Object;

    public IReadOnlyList<JsonProperty> Properties => _properties;

    internal JsonProperty Add(string name, TextSpan nameSpan, JsonNode value)
    {
        var p = new JsonProperty(name, nameSpan, value, this);
        value.Parent = this;
        value.OwnerProperty = p;
        _properties.Add(p);
        ChildrenInOrder = null;
        return p;
    }

    /// <summary>Whether the properties' spans follow each other without overlapping (see <see cref="JsonNavigation"/>); null until asked.</summary>
    internal bool? ChildrenInOrder { get; set; }

    /// <summary>The last property with exactly this name (the one most JSON readers keep), or null.</summary>
    public JsonProperty? Get(string name)
    {
        for (var i = _properties.Count - 1; i >= 0; i--)
        {
            if (_properties[i].Name == name) return _properties[i];
        }

        return null;
    }

    public JsonNode? this[string name] => Get(name)?.Value;
}

public sealed class JsonArray : JsonNode
{
    private readonly List<JsonNode> _items = new();

    public JsonArray(SourceDocument document, TextSpan span) : base(document, span) { }

    public override JsonNodeKind Kind => JsonNodeKind.Array;

    public IReadOnlyList<JsonNode> Items => _items;

    internal void Add(JsonNode item)
    {
        item.Parent = this;
        item.Index = _items.Count;
        _items.Add(item);
        ChildrenInOrder = null;
    }

    /// <summary>Whether the items' spans follow each other without overlapping (see <see cref="JsonNavigation"/>); null until asked.</summary>
    internal bool? ChildrenInOrder { get; set; }
}

public sealed class JsonString : JsonNode
{
    public JsonString(SourceDocument document, TextSpan span, string value) : base(document, span) => Value = value;

    public override JsonNodeKind Kind => JsonNodeKind.String;

    /// <summary>The unescaped value.</summary>
    public string Value { get; }

    /// <summary>True when the value is written between quotes (always in JSON; YAML may use plain scalars).</summary>
    public bool IsQuoted { get; internal set; } = true;

    /// <summary>
    /// True for a value a front end computed but cannot know (a CloudFormation intrinsic such as
    /// <c>!Sub arn:aws:ecr:${AWS::Region}:...</c> when the region is unknown): <see cref="Value"/> is only a
    /// rendering for messages, and the policy binder marks it unknown.
    /// </summary>
    public bool IsUnknown { get; internal set; }
}

/// <summary>A number, boolean or null.</summary>
public sealed class JsonScalar : JsonNode
{
    private readonly JsonNodeKind _kind;

    public JsonScalar(SourceDocument document, TextSpan span, JsonNodeKind kind, string raw) : base(document, span)
    {
        _kind = kind;
        Raw = raw;
    }

    public override JsonNodeKind Kind => _kind;

    /// <summary>The token as written (<c>12</c>, <c>true</c>, <c>null</c>).</summary>
    public string Raw { get; }
}
