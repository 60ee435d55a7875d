using System;
using System.Collections.Generic;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.Policy;

/// <summary>What a policy is for; decides which rule packs apply (rules.md, "File kinds").</summary>
public enum PolicyKind
{
    /// <summary>A policy of no particular kind (neither all-S3 nor naming ECR).</summary>
    Generic,

    /// <summary>An interface endpoint policy for ecr.api / ecr.dkr.</summary>
    EcrEndpoint,

    /// <summary>An S3 gateway endpoint policy.</summary>
    S3Endpoint,

    /// <summary>An identity policy (attached to a user, group or role): no Principal.</summary>
    Identity,
}

public static class PolicyKindExtensions
{
    public static bool IsEndpointPolicy(this PolicyKind kind) => kind is PolicyKind.EcrEndpoint or PolicyKind.S3Endpoint;

    public static string DisplayName(this PolicyKind kind) => kind switch
    {
        PolicyKind.EcrEndpoint => "ECR endpoint policy",
        PolicyKind.S3Endpoint => "S3 gateway endpoint policy",
        PolicyKind.Identity => "identity policy",
        _ => "policy",
    };
}

public enum StatementEffect
{
    Missing,
    Allow,
    Deny,
    Invalid,
}

/// <summary>
/// One value written in a policy (an action, a resource, a principal, a condition value, a Sid ...), with where
/// it is. <see cref="Node"/> is set when the policy came from JSON or YAML; front ends that build the model from
/// other syntax (C#) leave it null and point <see cref="Document"/>/<see cref="Span"/> at their own source.
/// </summary>
public sealed class PolicyValue
{
    public PolicyValue(string value, SourceDocument document, TextSpan span, JsonNode? node = null)
    {
        Value = value;
        Document = document;
        Span = span;
        Node = node;
    }

    public string Value { get; }
    public SourceDocument Document { get; }
    public TextSpan Span { get; }
    public JsonNode? Node { get; }

    /// <summary>False when the value is not a literal the front end could read (e.g. a computed C# expression).</summary>
    public bool IsKnown { get; init; } = true;

    public SourceLocation Location => new(Document, Span);

    public override string ToString() => Value;
}

/// <summary>
/// The values of an element, read-only, enumerated without an allocation (the rules loop over them for every
/// policy; an interface enumerator would be a heap object each time).
/// </summary>
public sealed class PolicyValues : IReadOnlyList<PolicyValue>
{
    private readonly PolicyValue[] _items;

    public PolicyValues(IReadOnlyList<PolicyValue> values)
    {
        if (values is PolicyValue[] array)
        {
            _items = array;
            return;
        }

        _items = new PolicyValue[values.Count];
        for (var i = 0; i < _items.Length; i++) _items[i] = values[i];
    }

    public int Count => _items.Length;

    public PolicyValue this[int index] => _items[index];

    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<PolicyValue> IEnumerable<PolicyValue>.GetEnumerator() => ((IEnumerable<PolicyValue>)_items).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public struct Enumerator
    {
        private readonly PolicyValue[] _items;
        private int _index;

        internal Enumerator(PolicyValue[] items)
        {
            _items = items;
            _index = -1;
        }

        public PolicyValue Current => _items[_index];

        public bool MoveNext() => ++_index < _items.Length;
    }
}

/// <summary>An element that holds one value or a list (<c>"Action": "x"</c> or <c>["x", "y"]</c>).</summary>
public sealed class PolicyValueList
{
    public PolicyValueList(string elementName, IReadOnlyList<PolicyValue> values, bool isArray, SourceDocument document, TextSpan span, TextSpan nameSpan, JsonNode? node = null)
    {
        ElementName = elementName;
        Values = values as PolicyValues ?? new PolicyValues(values);
        IsArray = isArray;
        Document = document;
        Span = span;
        NameSpan = nameSpan;
        Node = node;
    }

    /// <summary>The element name as written (<c>Action</c>, <c>NotResource</c> ...).</summary>
    public string ElementName { get; }
    public PolicyValues Values { get; }
    public bool IsArray { get; }
    public SourceDocument Document { get; }

    /// <summary>The span of the element's value.</summary>
    public TextSpan Span { get; }

    /// <summary>The span of the element's name (the key).</summary>
    public TextSpan NameSpan { get; }

    public JsonNode? Node { get; }

    /// <summary>True when some values could not be read (computed, non-string); the evaluator then cannot prove a no-match.</summary>
    public bool HasUnknownValues { get; init; }

    public SourceLocation Location => new(Document, Span);
    public SourceLocation NameLocation => new(Document, NameSpan);
}

/// <summary><c>Principal</c> or <c>NotPrincipal</c>: <c>"*"</c> or a map of principal types to values.</summary>
public sealed class PrincipalElement
{
    public PrincipalElement(string elementName, bool isWildcard, IReadOnlyList<KeyValuePair<string, PolicyValueList>> entries, SourceDocument document, TextSpan span, TextSpan nameSpan, JsonNode? node = null)
    {
        ElementName = elementName;
        IsWildcard = isWildcard;
        Entries = entries;
        Document = document;
        Span = span;
        NameSpan = nameSpan;
        Node = node;
    }

    public string ElementName { get; }

    /// <summary>True for <c>"Principal": "*"</c>.</summary>
    public bool IsWildcard { get; }

    /// <summary>Principal type (<c>AWS</c>, <c>Service</c>, <c>Federated</c>, <c>CanonicalUser</c>) to values.</summary>
    public IReadOnlyList<KeyValuePair<string, PolicyValueList>> Entries { get; }

    public SourceDocument Document { get; }
    public TextSpan Span { get; }
    public TextSpan NameSpan { get; }
    public JsonNode? Node { get; }

    /// <summary>True when the front end could not read the principal (computed C# expression).</summary>
    public bool IsUnknown { get; init; }

    /// <summary>True for <c>"*"</c> or <c>{"AWS": "*"}</c>: every principal.</summary>
    public bool MatchesEveryone
    {
        get
        {
            if (IsWildcard) return true;
            foreach (var e in Entries)
            {
                if (e.Key == "AWS")
                {
                    foreach (var v in e.Value.Values)
                    {
                        if (v.Value == "*") return true;
                    }
                }
            }

            return false;
        }
    }

    public SourceLocation Location => new(Document, Span);
}

/// <summary>One <c>operator → key → values</c> test of a Condition block.</summary>
public sealed class ConditionTest
{
    public ConditionTest(PolicyValue op, PolicyValue key, PolicyValueList values)
    {
        Operator = op;
        Key = key;
        Values = values;
    }

    /// <summary>The operator as written, e.g. <c>ForAnyValue:StringLikeIfExists</c>.</summary>
    public PolicyValue Operator { get; }

    public PolicyValue Key { get; }

    public PolicyValueList Values { get; }
}

public sealed class PolicyStatement
{
    public PolicyStatement(int index, SourceDocument document, TextSpan span, JsonObject? node = null)
    {
        Index = index;
        Document = document;
        Span = span;
        Node = node;
    }

    /// <summary>0-based position in the Statement list.</summary>
    public int Index { get; }
    public SourceDocument Document { get; }
    public TextSpan Span { get; }
    public JsonObject? Node { get; }

    public PolicyValue? Sid { get; set; }
    public PolicyValue? EffectValue { get; set; }
    public StatementEffect Effect { get; set; }

    /// <summary>The span of the <c>Effect</c> key, when present.</summary>
    public TextSpan? EffectNameSpan { get; set; }

    public PrincipalElement? Principal { get; set; }
    public PrincipalElement? NotPrincipal { get; set; }
    public PolicyValueList? Action { get; set; }
    public PolicyValueList? NotAction { get; set; }
    public PolicyValueList? Resource { get; set; }
    public PolicyValueList? NotResource { get; set; }

    public List<ConditionTest> Conditions { get; } = new();

    /// <summary>The span of the <c>Condition</c> element's value, when present.</summary>
    public TextSpan? ConditionSpan { get; set; }

    /// <summary>True when a condition could not be read (computed C# expression).</summary>
    public bool HasUnknownConditions { get; set; }

    public PolicyValueList? Actions => Action ?? NotAction;
    public PolicyValueList? Resources => Resource ?? NotResource;

    /// <summary>How a message names this statement: its Sid in backquotes, or its position.</summary>
    public string Label => Sid is { Value.Length: > 0 } ? "`" + Sid.Value + "`" : "#" + (Index + 1);

    /// <summary>1-based line of the statement's start in the file (for messages).</summary>
    public int Line => new SourceLocation(Document, Span).Start.Line;

    /// <summary>Where a finding about the whole statement points: its Sid, else its Effect, else its opening brace.</summary>
    public SourceLocation AnchorLocation =>
        Sid is not null ? Sid.Location
        : EffectValue is not null ? EffectValue.Location
        : new SourceLocation(Document, new TextSpan(Span.Start, Math.Min(1, Span.Length)));

    /// <summary>"the Deny `OnlyOurs` (line 12)".</summary>
    public string Describe() => $"the {(Effect == StatementEffect.Deny ? "Deny" : Effect == StatementEffect.Allow ? "Allow" : "statement")} {Label} (line {Line})";

    /// <summary>The statement's main entries (Action/NotAction, Resource/NotResource, Principal/NotPrincipal) are well-formed enough to evaluate.</summary>
    public bool IsEvaluable => Effect is StatementEffect.Allow or StatementEffect.Deny
        && (Action is null) != (NotAction is null)
        && !(Resource is not null && NotResource is not null)
        && !(Principal is not null && NotPrincipal is not null);
}

public sealed class PolicyDocument
{
    public PolicyDocument(SourceDocument document, TextSpan span, JsonObject? root = null)
    {
        Document = document;
        Span = span;
        Root = root;
    }

    public SourceDocument Document { get; }

    /// <summary>The span of the whole policy (for a file: the root object).</summary>
    public TextSpan Span { get; }

    /// <summary>The JSON object the policy was read from, when it came from JSON/YAML.</summary>
    public JsonObject? Root { get; }

    public PolicyValue? Version { get; set; }
    public PolicyValue? Id { get; set; }

    /// <summary>The span of the <c>Statement</c> key, when present.</summary>
    public TextSpan? StatementNameSpan { get; set; }

    /// <summary>The value of the <c>Statement</c> element (object or array), when present.</summary>
    public JsonNode? StatementNode { get; set; }

    public bool StatementIsArray { get; set; }

    public List<PolicyStatement> Statements { get; } = new();

    /// <summary>True when the front end could not read every statement (computed C#); absence of a grant is then not proof.</summary>
    public bool HasUnknownStatements { get; set; }

    public bool HasCurrentVersion => Version?.Value == "2012-10-17";

    public SourceLocation Location => new(Document, Span);

    /// <summary>Where a finding about the whole policy points: the <c>Statement</c> key, else the policy's start.</summary>
    public SourceLocation AnchorLocation =>
        StatementNameSpan is { } s ? new SourceLocation(Document, s) : new SourceLocation(Document, new TextSpan(Span.Start, Math.Min(1, Span.Length)));
}
