using System;
using System.Collections.Generic;
using EcrLint.Policy;
using EcrLint.Text;
using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers.CSharp;

/// <summary>Identifies what C# code stores a construct in: a symbol (local, field, property, parameter), or the expression itself.</summary>
internal sealed class NodeKey : IEquatable<NodeKey>
{
    private NodeKey(string space, ISymbol? symbol, SyntaxTree? tree, int start)
    {
        Space = space;
        Symbol = symbol;
        Tree = tree;
        Start = start;
    }

    /// <summary>What the key is for (statements of an endpoint, of an identity, of a document ...).</summary>
    public string Space { get; }
    public ISymbol? Symbol { get; }
    public SyntaxTree? Tree { get; }
    public int Start { get; }

    public static NodeKey Of(string space, ISymbol symbol) => new(space, symbol, null, -1);

    public static NodeKey Of(string space, SyntaxNode node) => new(space, null, node.SyntaxTree, node.SpanStart);

    public static NodeKey Of(string space, SourcePlace place) => new(space, null, place.Tree, place.Span.Start);

    /// <summary>A key that is only a name (a VPC written as a literal VPC ID).</summary>
    public static NodeKey Named(string space) => new(space, null, null, -1);

    /// <summary>The symbol <paramref name="op"/> refers to or, for any other expression, the expression.</summary>
    public static NodeKey For(string space, IOperation op) =>
        Ops.ReferencedSymbol(op) is { } symbol ? Of(space, symbol) : Of(space, Ops.Unwrap(op).Syntax);

    public bool Equals(NodeKey? other) =>
        other is not null && Space == other.Space && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol) && Tree == other.Tree && Start == other.Start;

    public override bool Equals(object? obj) => Equals(obj as NodeKey);

    public override int GetHashCode() =>
        unchecked((Space.GetHashCode() * 397) ^ (Symbol is null ? (Tree?.GetHashCode() ?? 0) ^ Start : SymbolEqualityComparer.Default.GetHashCode(Symbol)));

    public override string ToString() => Space + ":" + (Symbol?.Name ?? Start.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>A place in a C# file: the tree and a span (kept so a construct found in one action can be reported from another).</summary>
internal readonly struct SourcePlace
{
    public SourcePlace(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        Tree = tree;
        Span = span;
    }

    public SyntaxTree Tree { get; }
    public Microsoft.CodeAnalysis.Text.TextSpan Span { get; }

    public static SourcePlace Of(SyntaxNode node) => new(node.SyntaxTree, node.Span);

    public Location ToLocation() => Location.Create(Tree, Span);

    /// <summary>Orders places by file and position (source order within a type).</summary>
    public int CompareTo(SourcePlace other)
    {
        var byPath = string.CompareOrdinal(Tree.FilePath, other.Tree.FilePath);
        return byPath != 0 ? byPath : Span.Start.CompareTo(other.Span.Start);
    }
}

/// <summary>A value list being built (CDK <c>Actions</c> plus later <c>AddActions</c> calls).</summary>
internal sealed class ListDraft
{
    public ListDraft(string element, SourceDocument document, TextSpan span, TextSpan nameSpan)
    {
        Element = element;
        Document = document;
        Span = span;
        NameSpan = nameSpan;
    }

    public string Element { get; }
    public SourceDocument Document { get; }
    public TextSpan Span { get; }
    public TextSpan NameSpan { get; }
    public List<PolicyValue> Values { get; } = new();
    public bool HasUnknownValues { get; set; }

    public PolicyValueList Build() => new(Element, Values.ToArray(), true, Document, Span, NameSpan) { HasUnknownValues = HasUnknownValues };
}

internal sealed class PrincipalDraft
{
    public PrincipalDraft(string element, SourceDocument document, TextSpan span, TextSpan nameSpan)
    {
        Element = element;
        Document = document;
        Span = span;
        NameSpan = nameSpan;
    }

    public string Element { get; }
    public SourceDocument Document { get; }
    public TextSpan Span { get; }
    public TextSpan NameSpan { get; }
    public bool IsWildcard { get; set; }
    public bool IsUnknown { get; set; }
    public List<KeyValuePair<string, ListDraft>> Entries { get; } = new();

    public ListDraft Entry(string type, SourceDocument document, TextSpan span)
    {
        foreach (var e in Entries)
        {
            if (e.Key == type) return e.Value;
        }

        var list = new ListDraft(type, document, span, span);
        Entries.Add(new KeyValuePair<string, ListDraft>(type, list));
        return list;
    }

    public PrincipalElement Build()
    {
        var entries = new List<KeyValuePair<string, PolicyValueList>>();
        if (!IsWildcard)
        {
            foreach (var e in Entries) entries.Add(new KeyValuePair<string, PolicyValueList>(e.Key, e.Value.Build()));
        }

        return new PrincipalElement(Element, IsWildcard, entries, Document, Span, NameSpan) { IsUnknown = IsUnknown && !IsWildcard };
    }
}

/// <summary>A CDK <c>PolicyStatement</c> as the code builds it: its props, then setters and <c>Add*</c> calls.</summary>
internal sealed class StatementDraft
{
    public StatementDraft(SourceDocument document, SourcePlace place, SourcePlace display)
    {
        Document = document;
        Place = place;
        Display = display;
    }

    public SourceDocument Document { get; }

    /// <summary>The <c>new PolicyStatement(...)</c> expression.</summary>
    public SourcePlace Place { get; }

    /// <summary>Where findings about the whole statement go: <c>new PolicyStatement</c>.</summary>
    public SourcePlace Display { get; }

    /// <summary>The symbol the statement is stored in, when any.</summary>
    public ISymbol? StoredIn { get; set; }

    /// <summary>The props are not readable (a variable): nothing can be said about the statement.</summary>
    public bool IsOpaque { get; set; }

    public PolicyValue? Sid { get; set; }
    public PolicyValue? EffectValue { get; set; }

    /// <summary>CDK's default is Allow.</summary>
    public StatementEffect Effect { get; set; } = StatementEffect.Allow;

    public bool HasUnknownEffect { get; set; }
    public ListDraft? Action { get; set; }
    public ListDraft? NotAction { get; set; }
    public ListDraft? Resource { get; set; }
    public ListDraft? NotResource { get; set; }
    public PrincipalDraft? Principal { get; set; }
    public PrincipalDraft? NotPrincipal { get; set; }
    public List<ConditionTest> Conditions { get; } = new();
    public TextSpan? ConditionSpan { get; set; }
    public bool HasUnknownConditions { get; set; }

    public PolicyStatement Build(int index)
    {
        var s = new PolicyStatement(index, Document, Spans.ToEngine(Place.Span))
        {
            Sid = Sid,
            // An omitted Effect is CDK's default Allow, written nowhere: it stands on the statement's creation.
            EffectValue = EffectValue ?? new PolicyValue("Allow", Document, Spans.ToEngine(Display.Span)),
            Effect = Effect,
            Action = Action?.Build(),
            NotAction = NotAction?.Build(),
            Resource = Resource?.Build(),
            NotResource = NotResource?.Build(),
            Principal = Principal?.Build(),
            NotPrincipal = NotPrincipal?.Build(),
            ConditionSpan = ConditionSpan,
            HasUnknownConditions = HasUnknownConditions,
        };
        s.Conditions.AddRange(Conditions);
        return s;
    }
}

internal static class Spans
{
    public static TextSpan ToEngine(Microsoft.CodeAnalysis.Text.TextSpan span) => new(span.Start, span.Length);

    public static Microsoft.CodeAnalysis.Text.TextSpan ToRoslyn(TextSpan span) => new(span.Start, span.Length);
}
