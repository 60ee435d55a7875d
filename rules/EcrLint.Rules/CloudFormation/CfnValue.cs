using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.CloudFormation;

/// <summary>What a symbolic part of a value stands for.</summary>
public enum CfnSymbolKind
{
    /// <summary><c>AWS::Region</c>, <c>AWS::AccountId</c> ... when the context does not know it.</summary>
    PseudoParameter,

    /// <summary>A template parameter without a usable default.</summary>
    Parameter,

    /// <summary><c>Ref</c> to a resource of the template (its physical ID).</summary>
    Resource,

    /// <summary><c>Fn::GetAtt</c>.</summary>
    Attribute,

    /// <summary><c>Fn::ImportValue</c>.</summary>
    Import,

    /// <summary>Anything else that cannot be known (<c>Fn::If</c> with different branches, <c>Fn::Cidr</c> ...).</summary>
    Unknown,
}

/// <summary>A value that stays symbolic: the stack's region, a resource's ID, an imported value.</summary>
public sealed class CfnSymbol
{
    public CfnSymbol(CfnSymbolKind kind, string name, TextSpan span, string? attribute = null)
    {
        Kind = kind;
        Name = name;
        Span = span;
        Attribute = attribute;
    }

    public CfnSymbolKind Kind { get; }

    /// <summary>The pseudo parameter, parameter, logical ID or import name; for <see cref="CfnSymbolKind.Unknown"/> the function.</summary>
    public string Name { get; }

    /// <summary>For <see cref="CfnSymbolKind.Attribute"/>: the attribute (<c>VpcId</c>, <c>GroupId</c>).</summary>
    public string? Attribute { get; }

    /// <summary>Where the expression is written.</summary>
    public TextSpan Span { get; }

    /// <summary>A stable key: <c>Ref:MyVpc</c>, <c>GetAtt:Sg.GroupId</c>, <c>Import:shared-vpc</c>, <c>Param:VpcId</c>.</summary>
    public string Key => Kind switch
    {
        CfnSymbolKind.PseudoParameter => "Pseudo:" + Name,
        CfnSymbolKind.Parameter => "Param:" + Name,
        CfnSymbolKind.Resource => "Ref:" + Name,
        CfnSymbolKind.Attribute => "GetAtt:" + Name + "." + Attribute,
        CfnSymbolKind.Import => "Import:" + Name,
        _ => "Unknown:" + Name,
    };

    /// <summary>How the symbol reads inside a rendered string: the <c>Fn::Sub</c> form (<c>${AWS::Region}</c>).</summary>
    public string Render()
    {
        var inner = Kind switch
        {
            CfnSymbolKind.Attribute => Name + "." + Attribute,
            CfnSymbolKind.Import => "ImportValue:" + Name,
            _ => Name,
        };
        var sb = new StringBuilder("${");
        foreach (var c in inner)
        {
            // Renderings go inside JSON text: never a quote, backslash or control character.
            sb.Append(c is '"' or '\\' or '}' || c < ' ' ? '_' : c);
        }

        return sb.Append('}').ToString();
    }

    public override string ToString() => Render();
}

/// <summary>The result of evaluating a template value (intrinsics applied as far as they can be known).</summary>
public abstract class CfnValue
{
    protected CfnValue(JsonNode? node, TextSpan span)
    {
        Node = node;
        Span = span;
    }

    /// <summary>The expression the value comes from.</summary>
    public JsonNode? Node { get; }

    public TextSpan Span { get; }

    /// <summary>True when every part of the value is known.</summary>
    public abstract bool IsKnown { get; }

    /// <summary>A text for messages and comparisons; symbolic parts as <c>${...}</c>.</summary>
    public abstract string Render();

    public override string ToString() => Render();

    /// <summary>The text of a known string or scalar, else null.</summary>
    public string? KnownText => this switch
    {
        CfnString { IsKnown: true } s => s.Text,
        CfnScalar sc when sc.Kind != JsonNodeKind.Null => sc.Raw,
        _ => null,
    };

    /// <summary>A known boolean (<c>true</c>, <c>"false"</c>), else null.</summary>
    public bool? KnownBool
    {
        get
        {
            var t = KnownText;
            if (t is null) return null;
            if (string.Equals(t, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(t, "false", StringComparison.OrdinalIgnoreCase)) return false;
            return null;
        }
    }

    /// <summary>A known integer (<c>443</c>, <c>"443"</c>), else null.</summary>
    public long? KnownInteger
    {
        get
        {
            var t = KnownText;
            return t is not null && long.TryParse(t.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
    }
}

/// <summary>One piece of a string: literal text (mapped to the file) or a symbol.</summary>
public sealed class CfnStringPart
{
    private CfnStringPart(string text, JsonString? source, int sourceIndex, TextSpan span, CfnSymbol? symbol)
    {
        Text = text;
        Source = source;
        SourceIndex = sourceIndex;
        Span = span;
        Symbol = symbol;
    }

    /// <summary>Literal text taken from a string written in the document (characters map one by one).</summary>
    public static CfnStringPart FromSource(JsonString source, int index, int length) =>
        new(source.Value.Substring(index, length), source, index, source.Span, null);

    /// <summary>Literal text that comes from an expression as a whole (a substituted region, a number).</summary>
    public static CfnStringPart Computed(string text, TextSpan span) => new(text, null, 0, span, null);

    public static CfnStringPart OfSymbol(CfnSymbol symbol) => new(symbol.Render(), null, 0, symbol.Span, symbol);

    /// <summary>The literal text, or the symbol's rendering.</summary>
    public string Text { get; }

    /// <summary>The string node the text is a piece of, when it is one.</summary>
    public JsonString? Source { get; }

    public int SourceIndex { get; }

    /// <summary>The expression's span (for computed text and symbols).</summary>
    public TextSpan Span { get; }

    public CfnSymbol? Symbol { get; }

    public bool IsLiteral => Symbol is null;

    /// <summary>The document offset of character <paramref name="k"/> of <see cref="Text"/> (k = length: the end).</summary>
    public int OffsetOf(int k)
    {
        if (Source is not null)
        {
            var map = ScalarOffsets.Of(Source);
            var idx = Math.Max(0, Math.Min(map.Length - 1, SourceIndex + k));
            return map[idx];
        }

        return k >= Text.Length ? Span.End : Span.Start;
    }

    public override string ToString() => Text;
}

/// <summary>A string value: literal and symbolic parts.</summary>
public sealed class CfnString : CfnValue
{
    public CfnString(JsonNode? node, TextSpan span, IReadOnlyList<CfnStringPart> parts) : base(node, span)
    {
        Parts = parts;
    }

    public IReadOnlyList<CfnStringPart> Parts { get; }

    public override bool IsKnown => Parts.All(p => p.IsLiteral);

    /// <summary>The concatenated text (symbols rendered).</summary>
    public string Text => string.Concat(Parts.Select(p => p.Text));

    public override string Render() => Text;

    /// <summary>The only part when it is a symbol (<c>!Ref MyVpc</c>), else null.</summary>
    public CfnSymbol? SingleSymbol => Parts.Count == 1 ? Parts[0].Symbol : null;

    public IEnumerable<CfnSymbol> Symbols => Parts.Where(p => p.Symbol is not null).Select(p => p.Symbol!);

    public static CfnString Literal(JsonString node) =>
        new(node, node.Span, node.Value.Length == 0 ? Array.Empty<CfnStringPart>() : new[] { CfnStringPart.FromSource(node, 0, node.Value.Length) });

    public static CfnString OfSymbol(JsonNode? node, CfnSymbol symbol) => new(node, symbol.Span, new[] { CfnStringPart.OfSymbol(symbol) });
}

/// <summary>A number, boolean or null.</summary>
public sealed class CfnScalar : CfnValue
{
    public CfnScalar(JsonNode? node, TextSpan span, JsonNodeKind kind, string raw) : base(node, span)
    {
        Kind = kind;
        Raw = raw;
    }

    public JsonNodeKind Kind { get; }
    public string Raw { get; }
    public override bool IsKnown => true;
    public override string Render() => Raw;
}

/// <summary>A list (an array, a split string, a list parameter's default).</summary>
public sealed class CfnList : CfnValue
{
    public CfnList(JsonNode? node, TextSpan span, IReadOnlyList<CfnValue> items) : base(node, span)
    {
        Items = items;
    }

    public IReadOnlyList<CfnValue> Items { get; }
    public override bool IsKnown => Items.All(i => i.IsKnown);
    public override string Render() => "[" + string.Join(", ", Items.Select(i => i.Render())) + "]";
}

/// <summary>An object that is not an intrinsic function; its members are evaluated on demand.</summary>
public sealed class CfnMap : CfnValue
{
    public CfnMap(JsonObject node) : base(node, node.Span)
    {
        Object = node;
    }

    public JsonObject Object { get; }

    /// <summary>A map is known as far as its intrinsics are; callers evaluate members.</summary>
    public override bool IsKnown => true;

    public override string Render() => "{" + string.Join(", ", Object.Properties.Select(p => p.Name)) + "}";
}

/// <summary>A value that cannot be known, not even as a string with symbolic parts (a list parameter without default, <c>Fn::Cidr</c>, <c>Fn::If</c> whose branches differ).</summary>
public sealed class CfnUnknown : CfnValue
{
    public CfnUnknown(JsonNode? node, TextSpan span, CfnSymbol symbol, bool isList = false, IReadOnlyList<CfnValue>? alternatives = null) : base(node, span)
    {
        Symbol = symbol;
        IsList = isList;
        Alternatives = alternatives ?? Array.Empty<CfnValue>();
    }

    public CfnSymbol Symbol { get; }

    /// <summary>True when the value is known to be a list.</summary>
    public bool IsList { get; }

    /// <summary>For <c>Fn::If</c>: the values of the branches (each may be chosen).</summary>
    public IReadOnlyList<CfnValue> Alternatives { get; }

    public override bool IsKnown => false;
    public override string Render() => Symbol.Render();
}

/// <summary><c>Ref: AWS::NoValue</c>: the property is removed.</summary>
public sealed class CfnNoValue : CfnValue
{
    public CfnNoValue(JsonNode? node, TextSpan span) : base(node, span) { }

    public override bool IsKnown => true;
    public override string Render() => "${AWS::NoValue}";
}
