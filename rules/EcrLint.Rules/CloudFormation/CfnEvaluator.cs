using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EcrLint.Iam;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.CloudFormation;

/// <summary>What the linter knows about the stack a template is deployed as.</summary>
public sealed class CfnEnvironment
{
    public static CfnEnvironment Unknown { get; } = new();

    /// <summary>The stack's region (<c>--region</c>, the cdk.out manifest), or null: <c>AWS::Region</c> stays symbolic.</summary>
    public string? Region { get; init; }

    /// <summary>The stack's account, or null: <c>AWS::AccountId</c> stays symbolic.</summary>
    public string? Account { get; init; }

    public string? StackName { get; init; }

    /// <summary>The partition of <see cref="Region"/>, when the region is known.</summary>
    public PartitionInfo? PartitionInfo => Region is null ? null : IamData.Instance.PartitionOfRegion(Region);

    public string? Partition => PartitionInfo?.Name;

    public string? UrlSuffix => PartitionInfo?.DnsSuffix;
}

/// <summary>
/// Evaluates CloudFormation intrinsic functions symbolically. Pseudo parameters take the environment's values
/// when it knows them and otherwise stay symbols (<c>${AWS::Region}</c>), so that a service name built from
/// <c>AWS::Region</c> is recognised as the stack's own region. <c>Ref</c> to a parameter takes its default
/// (not for SSM parameter types, whose default is a parameter name); <c>Ref</c>/<c>Fn::GetAtt</c> to a
/// resource and <c>Fn::ImportValue</c> are symbols. <c>Fn::If</c> is known only when both branches agree.
/// Whatever cannot be known stays unknown; nothing is guessed.
/// </summary>
public sealed class CfnEvaluator
{
    private const int MaxDepth = 48;

    private static readonly string[] PseudoParameters =
        { "AWS::Region", "AWS::Partition", "AWS::AccountId", "AWS::URLSuffix", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs", "AWS::NoValue" };

    public CfnEvaluator(CfnTemplate template, CfnEnvironment? environment = null)
    {
        Template = template;
        Environment = environment ?? CfnEnvironment.Unknown;
    }

    public CfnTemplate Template { get; }
    public CfnEnvironment Environment { get; }

    public CfnValue Evaluate(JsonNode node) => Eval(node, 0);

    /// <summary>Evaluates a member of an object; null when it is absent (or removed by <c>AWS::NoValue</c>).</summary>
    public CfnValue? Evaluate(JsonObject? obj, string name)
    {
        var node = obj?[name];
        if (node is null) return null;
        var v = Evaluate(node);
        return v is CfnNoValue ? null : v;
    }

    /// <summary>The items of a list value; a single value counts as a one-item list; null when the list cannot be known.</summary>
    public static IReadOnlyList<CfnValue>? ItemsOf(CfnValue? value) => value switch
    {
        null => Array.Empty<CfnValue>(),
        CfnList l => l.Items,
        CfnUnknown => null,
        CfnNoValue => Array.Empty<CfnValue>(),
        _ => new[] { value },
    };

    private CfnValue Eval(JsonNode node, int depth)
    {
        if (depth > MaxDepth) return Unknown(node, "nesting");
        switch (node)
        {
            case JsonString s:
                return CfnString.Literal(s);
            case JsonScalar sc:
                return new CfnScalar(sc, sc.Span, sc.Kind, sc.Raw);
            case JsonArray a:
            {
                var items = new List<CfnValue>();
                foreach (var item in a.Items)
                {
                    var v = Eval(item, depth + 1);
                    if (v is not CfnNoValue) items.Add(v);
                }

                return new CfnList(a, a.Span, items);
            }

            case JsonObject o when CfnTemplate.IsIntrinsic(o):
            {
                var p = o.Properties[0];
                return EvalIntrinsic(o, p.Name, p.Value, depth);
            }

            case JsonObject o:
                return new CfnMap(o);
            default:
                return Unknown(node, "value");
        }
    }

    private CfnValue EvalIntrinsic(JsonObject node, string name, JsonNode arg, int depth)
    {
        switch (name)
        {
            case "Ref":
                return arg is JsonString r ? Ref(r.Value, node, node.Span) : Unknown(node, "Ref");
            case "Fn::Sub":
                return Sub(node, arg, depth);
            case "Fn::Join":
                return Join(node, arg, depth);
            case "Fn::Select":
                return Select(node, arg, depth);
            case "Fn::Split":
                return Split(node, arg, depth);
            case "Fn::GetAtt":
                return GetAtt(node, arg, depth);
            case "Fn::ImportValue":
            {
                var v = Eval(arg, depth + 1);
                return CfnString.OfSymbol(node, new CfnSymbol(CfnSymbolKind.Import, v.Render(), node.Span));
            }

            case "Fn::FindInMap":
                return FindInMap(node, arg, depth);
            case "Fn::If":
                return If(node, arg, depth);
            case "Fn::Base64":
            {
                var v = Eval(arg, depth + 1);
                var text = v.KnownText;
                if (text is null) return Unknown(node, "Fn::Base64");
                return new CfnString(node, node.Span, new[] { CfnStringPart.Computed(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), node.Span) });
            }

            case "Fn::GetAZs":
                return new CfnUnknown(node, node.Span, new CfnSymbol(CfnSymbolKind.Unknown, "Fn::GetAZs", node.Span), isList: true);
            case "Fn::Cidr":
                return new CfnUnknown(node, node.Span, new CfnSymbol(CfnSymbolKind.Unknown, "Fn::Cidr", node.Span), isList: true);
            case "Fn::Length":
            {
                var v = Eval(arg, depth + 1);
                return v is CfnList l ? new CfnScalar(node, node.Span, JsonNodeKind.Number, l.Items.Count.ToString(CultureInfo.InvariantCulture)) : Unknown(node, name);
            }

            case "Fn::ToJsonString":
            {
                var v = Eval(arg, depth + 1);
                var json = ToJson(v, depth + 1);
                return json is null ? Unknown(node, name) : new CfnString(node, node.Span, new[] { CfnStringPart.Computed(json, node.Span) });
            }

            default:
                return Unknown(node, name);
        }
    }

    private static CfnString Unknown(JsonNode node, string what) =>
        CfnString.OfSymbol(node, new CfnSymbol(CfnSymbolKind.Unknown, what, node.Span));

    /// <summary><c>Ref</c> to a pseudo parameter, a parameter or a resource.</summary>
    private CfnValue Ref(string name, JsonNode? node, TextSpan span)
    {
        string? known = null;
        switch (name)
        {
            case "AWS::NoValue":
                return new CfnNoValue(node, span);
            case "AWS::Region":
                known = Environment.Region;
                break;
            case "AWS::Partition":
                known = Environment.Partition;
                break;
            case "AWS::AccountId":
                known = Environment.Account;
                break;
            case "AWS::URLSuffix":
                known = Environment.UrlSuffix;
                break;
            case "AWS::StackName":
                known = Environment.StackName;
                break;
            case "AWS::NotificationARNs":
                return new CfnUnknown(node, span, new CfnSymbol(CfnSymbolKind.PseudoParameter, name, span), isList: true);
        }

        if (Array.IndexOf(PseudoParameters, name) >= 0)
        {
            return known is not null
                ? new CfnString(node, span, new[] { CfnStringPart.Computed(known, span) })
                : CfnString.OfSymbol(node, new CfnSymbol(CfnSymbolKind.PseudoParameter, name, span));
        }

        var parameter = Template.Parameter(name);
        if (parameter is not null)
        {
            var symbol = new CfnSymbol(CfnSymbolKind.Parameter, name, span);
            if (parameter.Default is null || parameter.IsSsm)
                return parameter.IsList ? new CfnUnknown(node, span, symbol, isList: true) : CfnString.OfSymbol(node, symbol);
            if (parameter.IsList)
            {
                if (parameter.Default is JsonArray) return Eval(parameter.Default, 1);
                if (parameter.Default is JsonString ds) return SplitString(node, span, CfnString.Literal(ds), ",", trim: true);
                return new CfnUnknown(node, span, symbol, isList: true);
            }

            var d = Eval(parameter.Default, 1);
            return d switch
            {
                CfnString ds => new CfnString(node, span, ds.Parts),
                CfnScalar sc => new CfnString(node, span, new[] { CfnStringPart.Computed(sc.Raw, span) }),
                _ => CfnString.OfSymbol(node, symbol),
            };
        }

        if (Template.Resource(name) is not null)
            return CfnString.OfSymbol(node, new CfnSymbol(CfnSymbolKind.Resource, name, span));
        return CfnString.OfSymbol(node, new CfnSymbol(CfnSymbolKind.Unknown, "Ref " + name, span));
    }

    private CfnValue GetAtt(JsonObject node, JsonNode arg, int depth)
    {
        string? resource = null;
        string? attribute = null;
        switch (arg)
        {
            case JsonArray a when a.Items.Count >= 2:
                resource = (a.Items[0] as JsonString)?.Value;
                attribute = Eval(a.Items[1], depth + 1).KnownText;
                if (attribute is null) attribute = "?";
                break;
            case JsonString s:
            {
                var dot = s.Value.IndexOf('.');
                if (dot > 0)
                {
                    resource = s.Value.Substring(0, dot);
                    attribute = s.Value.Substring(dot + 1);
                }

                break;
            }
        }

        if (resource is null || attribute is null) return Unknown(node, "Fn::GetAtt");
        return CfnString.OfSymbol(node, new CfnSymbol(CfnSymbolKind.Attribute, resource, node.Span, attribute));
    }

    private CfnValue Sub(JsonObject node, JsonNode arg, int depth)
    {
        JsonString? template;
        JsonObject? variables = null;
        switch (arg)
        {
            case JsonString s:
                template = s;
                break;
            case JsonArray a when a.Items.Count >= 1 && a.Items[0] is JsonString s:
                template = s;
                variables = a.Items.Count > 1 ? a.Items[1] as JsonObject : null;
                if (a.Items.Count > 1 && variables is null) return Unknown(node, "Fn::Sub");
                break;
            default:
                return Unknown(node, "Fn::Sub");
        }

        var text = template.Value;
        var offsets = ScalarOffsets.Of(template);
        var parts = new List<CfnStringPart>();
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0) break;
            if (open + 2 < text.Length && text[open + 2] == '!')
            {
                // ${!Literal} is the text ${Literal}.
                AddLiteral(parts, template, literalStart, open + 2 - literalStart);
                literalStart = open + 3;
                i = open + 3;
                continue;
            }

            var close = text.IndexOf('}', open + 2);
            if (close < 0) break;
            AddLiteral(parts, template, literalStart, open - literalStart);
            var name = text.Substring(open + 2, close - open - 2).Trim();
            var span = TextSpan.FromBounds(offsets[open], Math.Max(offsets[open], offsets[Math.Min(close + 1, offsets.Length - 1)]));
            CfnValue value;
            var variable = variables?[name];
            if (variable is not null)
            {
                value = Eval(variable, depth + 1);
            }
            else if (name.IndexOf('.') > 0 && Array.IndexOf(PseudoParameters, name) < 0 && Template.Parameter(name) is null)
            {
                var dot = name.IndexOf('.');
                value = CfnString.OfSymbol(null, new CfnSymbol(CfnSymbolKind.Attribute, name.Substring(0, dot), span, name.Substring(dot + 1)));
            }
            else
            {
                value = Ref(name, null, span);
            }

            parts.AddRange(ToParts(value, span));
            i = close + 1;
            literalStart = i;
        }

        AddLiteral(parts, template, literalStart, text.Length - literalStart);
        return new CfnString(node, node.Span, parts);
    }

    private static void AddLiteral(List<CfnStringPart> parts, JsonString source, int index, int length)
    {
        if (length > 0) parts.Add(CfnStringPart.FromSource(source, index, length));
    }

    /// <summary>A value as pieces of a string (<c>Fn::Join</c>, <c>Fn::Sub</c>).</summary>
    private static IEnumerable<CfnStringPart> ToParts(CfnValue value, TextSpan span) => value switch
    {
        CfnString s => s.Parts,
        CfnScalar sc when sc.Kind != JsonNodeKind.Null => new[] { CfnStringPart.Computed(sc.Raw, sc.Node is null ? span : sc.Span) },
        CfnNoValue => Array.Empty<CfnStringPart>(),
        CfnUnknown u => new[] { CfnStringPart.OfSymbol(u.Symbol) },
        _ => new[] { CfnStringPart.OfSymbol(new CfnSymbol(CfnSymbolKind.Unknown, "value", span)) },
    };

    private CfnValue Join(JsonObject node, JsonNode arg, int depth)
    {
        if (arg is not JsonArray a || a.Items.Count != 2) return Unknown(node, "Fn::Join");
        var delimiter = Eval(a.Items[0], depth + 1);
        var delimiterText = delimiter.KnownText;
        if (delimiterText is null) return Unknown(node, "Fn::Join");
        var list = Eval(a.Items[1], depth + 1);
        if (list is not CfnList l)
            return CfnString.OfSymbol(node, list is CfnUnknown u ? u.Symbol : new CfnSymbol(CfnSymbolKind.Unknown, "Fn::Join", node.Span));
        var parts = new List<CfnStringPart>();
        var first = true;
        foreach (var item in l.Items)
        {
            if (item is CfnNoValue) continue;
            if (!first && delimiterText.Length > 0)
            {
                parts.Add(a.Items[0] is JsonString ds ? CfnStringPart.FromSource(ds, 0, ds.Value.Length) : CfnStringPart.Computed(delimiterText, a.Items[0].Span));
            }

            first = false;
            parts.AddRange(ToParts(item, item.Span));
        }

        return new CfnString(node, node.Span, parts);
    }

    private CfnValue Select(JsonObject node, JsonNode arg, int depth)
    {
        if (arg is not JsonArray a || a.Items.Count != 2) return Unknown(node, "Fn::Select");
        var index = Eval(a.Items[0], depth + 1).KnownInteger;
        var list = Eval(a.Items[1], depth + 1);
        if (index is null || list is not CfnList l || index < 0 || index >= l.Items.Count)
            return CfnString.OfSymbol(node, new CfnSymbol(CfnSymbolKind.Unknown, "Fn::Select", node.Span));
        return l.Items[(int)index.Value];
    }

    private CfnValue Split(JsonObject node, JsonNode arg, int depth)
    {
        if (arg is not JsonArray a || a.Items.Count != 2) return new CfnUnknown(node, node.Span, new CfnSymbol(CfnSymbolKind.Unknown, "Fn::Split", node.Span), isList: true);
        var delimiter = Eval(a.Items[0], depth + 1).KnownText;
        var source = Eval(a.Items[1], depth + 1);
        if (delimiter is null || delimiter.Length == 0 || source is not CfnString { IsKnown: true } s)
            return new CfnUnknown(node, node.Span, new CfnSymbol(CfnSymbolKind.Unknown, "Fn::Split", node.Span), isList: true);
        return SplitString(node, node.Span, s, delimiter, trim: false);
    }

    private static CfnList SplitString(JsonNode? node, TextSpan span, CfnString s, string delimiter, bool trim)
    {
        var text = s.Text;
        var items = new List<CfnValue>();
        var start = 0;
        while (true)
        {
            var at = text.IndexOf(delimiter, start, StringComparison.Ordinal);
            var end = at < 0 ? text.Length : at;
            var a = start;
            var b = end;
            if (trim)
            {
                while (a < b && char.IsWhiteSpace(text[a])) a++;
                while (b > a && char.IsWhiteSpace(text[b - 1])) b--;
            }

            items.Add(Slice(s, a, b - a));
            if (at < 0) break;
            start = at + delimiter.Length;
        }

        return new CfnList(node, span, items);
    }

    /// <summary>A substring of a string value, keeping each character's mapping to the file.</summary>
    public static CfnString Slice(CfnString s, int start, int length)
    {
        var parts = new List<CfnStringPart>();
        var pos = 0;
        foreach (var p in s.Parts)
        {
            var pStart = pos;
            var pEnd = pos + p.Text.Length;
            pos = pEnd;
            var a = Math.Max(pStart, start);
            var b = Math.Min(pEnd, start + length);
            if (a >= b) continue;
            if (p.Symbol is not null) parts.Add(p);
            else if (p.Source is not null) parts.Add(CfnStringPart.FromSource(p.Source, p.SourceIndex + (a - pStart), b - a));
            else parts.Add(CfnStringPart.Computed(p.Text.Substring(a - pStart, b - a), p.Span));
        }

        var spanStart = parts.Count > 0 ? parts[0].OffsetOf(0) : s.Span.Start;
        var spanEnd = parts.Count > 0 ? parts[parts.Count - 1].OffsetOf(parts[parts.Count - 1].Text.Length) : spanStart;
        return new CfnString(null, TextSpan.FromBounds(spanStart, Math.Max(spanStart, spanEnd)), parts);
    }

    private CfnValue FindInMap(JsonObject node, JsonNode arg, int depth)
    {
        if (arg is not JsonArray a || a.Items.Count < 3) return Unknown(node, "Fn::FindInMap");
        var mapName = Eval(a.Items[0], depth + 1).KnownText;
        var top = Eval(a.Items[1], depth + 1).KnownText;
        var second = Eval(a.Items[2], depth + 1).KnownText;
        var map = mapName is null ? null : Template.Mappings?[mapName] as JsonObject;
        if (map is null || second is null) return Default();
        if (top is not null)
        {
            var found = (map[top] as JsonObject)?[second];
            return found is null ? Default() : Rebase(Eval(found, depth + 1), node);
        }

        // The top-level key cannot be known (e.g. the region): known only when every entry agrees.
        CfnValue? agreed = null;
        foreach (var entry in map.Properties)
        {
            var v = (entry.Value as JsonObject)?[second];
            if (v is null) return Default();
            var ev = Eval(v, depth + 1);
            if (agreed is null) agreed = ev;
            else if (!Equivalent(agreed, ev)) return Default();
        }

        return agreed is null ? Default() : Rebase(agreed, node);

        CfnValue Default()
        {
            // The optional fourth argument: {"DefaultValue": ...} (AWS::LanguageExtensions).
            if (a.Items.Count >= 4 && a.Items[3] is JsonObject d && d["DefaultValue"] is { } dv) return Rebase(Eval(dv, depth + 1), node);
            return Unknown(node, "Fn::FindInMap");
        }
    }

    private static CfnValue Rebase(CfnValue v, JsonNode node) => v switch
    {
        CfnString s => new CfnString(node, node.Span, s.Parts),
        CfnScalar sc => new CfnScalar(node, node.Span, sc.Kind, sc.Raw),
        _ => v,
    };

    private CfnValue If(JsonObject node, JsonNode arg, int depth)
    {
        if (arg is not JsonArray a || a.Items.Count != 3) return Unknown(node, "Fn::If");
        var condition = (a.Items[0] as JsonString)?.Value ?? "?";
        var yes = Eval(a.Items[1], depth + 1);
        var no = Eval(a.Items[2], depth + 1);
        if (Equivalent(yes, no)) return yes;
        var isList = yes is CfnList or CfnUnknown { IsList: true } || no is CfnList or CfnUnknown { IsList: true };
        return new CfnUnknown(node, node.Span, new CfnSymbol(CfnSymbolKind.Unknown, "Fn::If " + condition, node.Span), isList, new[] { yes, no });
    }

    /// <summary>True when two values are certainly the same (symbols compare by name).</summary>
    public static bool Equivalent(CfnValue a, CfnValue b)
    {
        switch (a)
        {
            case CfnString sa when b is CfnString sb:
                return sa.Text == sb.Text && sa.IsKnown == sb.IsKnown && sa.Symbols.All(s => s.Kind != CfnSymbolKind.Unknown);
            case CfnScalar xa when b is CfnScalar xb:
                return xa.Kind == xb.Kind && xa.Raw == xb.Raw;
            case CfnNoValue when b is CfnNoValue:
                return true;
            case CfnList la when b is CfnList lb:
                if (la.Items.Count != lb.Items.Count) return false;
                for (var i = 0; i < la.Items.Count; i++)
                {
                    if (!Equivalent(la.Items[i], lb.Items[i])) return false;
                }

                return true;
            case CfnMap ma when b is CfnMap mb:
                return ReferenceEquals(ma.Object, mb.Object) || CfnJson.Canonical(ma.Object) == CfnJson.Canonical(mb.Object);
            default:
                return false;
        }
    }

    /// <summary>A known value as JSON text (for <c>Fn::ToJsonString</c>), else null.</summary>
    private string? ToJson(CfnValue v, int depth)
    {
        if (depth > MaxDepth) return null;
        switch (v)
        {
            case CfnString s when s.IsKnown:
                return Fixes.JsonEdits.Quote(s.Text);
            case CfnScalar sc:
                return sc.Raw;
            case CfnList l:
            {
                var items = new List<string>();
                foreach (var i in l.Items)
                {
                    var t = ToJson(i, depth + 1);
                    if (t is null) return null;
                    items.Add(t);
                }

                return "[" + string.Join(",", items) + "]";
            }

            case CfnMap m:
            {
                var members = new List<string>();
                foreach (var p in m.Object.Properties)
                {
                    var pv = Eval(p.Value, depth + 1);
                    if (pv is CfnNoValue) continue;
                    var t = ToJson(pv, depth + 1);
                    if (t is null) return null;
                    members.Add(Fixes.JsonEdits.Quote(p.Name) + ":" + t);
                }

                return "{" + string.Join(",", members) + "}";
            }

            default:
                return null;
        }
    }
}

/// <summary>Canonical JSON text of a tree (sorted keys, no white space): for comparing policies.</summary>
public static class CfnJson
{
    public static string Canonical(JsonNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb, 0);
        return sb.ToString();
    }

    private static void Write(JsonNode node, StringBuilder sb, int depth)
    {
        if (depth > 200)
        {
            sb.Append("null");
            return;
        }

        switch (node)
        {
            case JsonObject o:
            {
                sb.Append('{');
                var first = true;
                // The last occurrence of a key wins, as readers keep it.
                var members = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
                foreach (var p in o.Properties) members[p.Name] = p.Value;
                foreach (var key in members.Keys.OrderBy(k => k, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append(Fixes.JsonEdits.Quote(key)).Append(':');
                    Write(members[key], sb, depth + 1);
                }

                sb.Append('}');
                break;
            }

            case JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(a.Items[i], sb, depth + 1);
                }

                sb.Append(']');
                break;
            case JsonString s:
                sb.Append(Fixes.JsonEdits.Quote(s.Value));
                break;
            case JsonScalar sc:
                sb.Append(sc.Raw);
                break;
        }
    }
}
