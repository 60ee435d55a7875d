using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.CloudFormation;

/// <summary>
/// A policy found inside a larger document (a template's <c>PolicyDocument</c>, a describe output's policy
/// string), read so that the policy rules can run on it with locations in the file: an object is used in
/// place (intrinsics evaluated into a copy of the tree), a JSON string becomes an embedded document whose
/// characters map back to the file through string escapes and YAML folding.
/// </summary>
public sealed class EmbeddedPolicy
{
    private readonly List<TextSpan> _intrinsicSpans = new();
    private readonly List<(int Start, int End)> _symbolRanges = new();
    private CfnStringPart?[]? _partOfChar;
    private int[]? _indexInPart;

    private EmbeddedPolicy(string name, JsonNode hostNode, PolicyKind kind)
    {
        Name = name;
        HostNode = hostNode;
        Kind = kind;
    }

    /// <summary>How messages name it (<c>EcrDkrEndpoint PolicyDocument</c>).</summary>
    public string Name { get; }

    /// <summary>The value as written in the file.</summary>
    public JsonNode HostNode { get; }

    public PolicyKind Kind { get; internal set; }

    public PolicyDocument? Policy { get; private set; }

    /// <summary>The tree the policy was bound from (the file's own nodes, a copy, or the embedded document's tree).</summary>
    public JsonObject? Root { get; private set; }

    /// <summary>The embedded document, when the policy is a string.</summary>
    public SourceDocument? Embedded { get; private set; }

    /// <summary>True when the policy is computed and cannot be read (<c>!Ref PolicyParameter</c>, an import).</summary>
    public bool IsUnknown { get; private set; }

    /// <summary>Why the policy cannot be read (ECR400), with where.</summary>
    public List<(SourceLocation Location, string Message)> Errors { get; } = new();

    /// <summary>Canonical JSON of the policy (sorted keys) for comparing two endpoints' policies; null when unreadable.</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>For an endpoint policy: the endpoint's region when its service name says (the context for the policy rules).</summary>
    public string? Region { get; set; }

    /// <summary>True when the host file is YAML (fixes must then be YAML-safe).</summary>
    public bool HostIsYaml { get; private set; }

    public SourceLocation Location => HostNode.Location;

    /// <summary>
    /// Reads the policy at <paramref name="node"/>. <paramref name="evaluator"/> evaluates intrinsics (null for
    /// documents without them); <paramref name="kind"/> null means: detect from the content.
    /// </summary>
    public static EmbeddedPolicy Read(string name, JsonNode node, PolicyKind? kind, CfnEvaluator? evaluator, bool hostIsYaml)
    {
        var p = new EmbeddedPolicy(name, node, kind ?? PolicyKind.Generic) { HostIsYaml = hostIsYaml };
        p.Load(node, evaluator);
        if (kind is null && p.Policy is not null) p.Kind = Engine.PolicyKindDetector.Detect(p.Policy);
        return p;
    }

    private void Load(JsonNode node, CfnEvaluator? evaluator)
    {
        switch (node)
        {
            case JsonObject o when !CfnTemplate.IsIntrinsic(o):
                LoadObject(o, evaluator);
                return;
            case JsonString s when evaluator is null:
                LoadString(CfnString.Literal(s));
                return;
        }

        var value = evaluator?.Evaluate(node);
        switch (value)
        {
            case CfnString s when s.Parts.Count > 0 && s.Parts.All(part => part.Symbol is not null):
                IsUnknown = true;
                return;
            case CfnString s:
                LoadString(s);
                return;
            case CfnMap m:
                LoadObject(m.Object, evaluator);
                return;
            case CfnUnknown:
            case CfnNoValue:
                IsUnknown = true;
                return;
            default:
                Errors.Add((node.Location, $"{Name} is {node.KindName}: a policy is a JSON object with a \"Statement\", or that object as a JSON string"));
                return;
        }
    }

    private void LoadObject(JsonObject o, CfnEvaluator? evaluator)
    {
        var root = evaluator is not null && ContainsIntrinsic(o, 0) ? (JsonObject)Copy(o, evaluator, 0)! : o;
        Bind(root);
    }

    private void LoadString(CfnString s)
    {
        var text = s.Text;
        var offsets = new int[text.Length + 1];
        _partOfChar = new CfnStringPart?[text.Length + 1];
        _indexInPart = new int[text.Length + 1];
        var pos = 0;
        foreach (var part in s.Parts)
        {
            var len = part.Text.Length;
            for (var k = 0; k < len; k++)
            {
                offsets[pos + k] = part.OffsetOf(k);
                _partOfChar[pos + k] = part;
                _indexInPart[pos + k] = k;
            }

            if (part.Symbol is not null) _symbolRanges.Add((pos, pos + len));
            pos += len;
        }

        offsets[text.Length] = s.Parts.Count > 0 ? s.Parts[s.Parts.Count - 1].OffsetOf(s.Parts[s.Parts.Count - 1].Text.Length) : HostNode.Span.End;
        // Offsets must not go backwards for the mapping of spans to work; parts from elsewhere (a parameter's
        // default, a Sub variable) may map before earlier parts, which only makes their spans coarse.
        var host = HostNode.Document;
        Embedded = host.CreateEmbedded(text, offsets);
        var parsed = JsonParser.Parse(Embedded);
        if (parsed.Error is not null)
        {
            var e = parsed.Error.Span;
            if (_symbolRanges.Any(r => e.Start >= r.Start - 1 && e.Start <= r.End + 1))
            {
                // The JSON is broken only where a value is substituted (a whole statement from a parameter).
                IsUnknown = true;
                return;
            }

            Errors.Add((new SourceLocation(Embedded, e), $"{Name} is not valid JSON: {parsed.Error.Message}"));
            return;
        }

        if (parsed.Root is not JsonObject root)
        {
            Errors.Add((new SourceLocation(Embedded, new TextSpan(parsed.Root!.Span.Start, Math.Min(1, parsed.Root.Span.Length))),
                $"{Name} is {parsed.Root.KindName} in JSON: a policy is a JSON object with a \"Statement\""));
            return;
        }

        if (_symbolRanges.Count > 0) MarkUnknown(root);
        Bind(root);
    }

    private void Bind(JsonObject root)
    {
        if (!PolicyBinder.LooksLikePolicy(root))
        {
            var where = root.Properties.Count > 0 ? root.Properties[0].NameLocation : new SourceLocation(root.Document, new TextSpan(root.Span.Start, Math.Min(1, root.Span.Length)));
            Errors.Add((where, $"{Name} is not a policy document: there is no \"Statement\""));
            return;
        }

        Root = root;
        var policy = PolicyBinder.Bind(root);
        foreach (var s in policy.Statements)
        {
            for (var i = s.Conditions.Count - 1; i >= 0; i--)
            {
                var c = s.Conditions[i];
                if (IsSymbolic(c.Operator.Span, c.Operator.Document) || IsSymbolic(c.Key.Span, c.Key.Document))
                {
                    s.Conditions.RemoveAt(i);
                    s.HasUnknownConditions = true;
                }
            }

            if (s.EffectValue is { IsKnown: false }) policy.HasUnknownStatements = true;
        }

        if (policy.StatementNode is JsonString { IsUnknown: true }) policy.HasUnknownStatements = true;
        if (policy.StatementNode is JsonArray items && items.Items.Any(i => i is JsonString { IsUnknown: true })) policy.HasUnknownStatements = true;
        Policy = policy;
        Fingerprint = CfnJson.Canonical(root);
    }

    private bool IsSymbolic(TextSpan span, SourceDocument doc)
    {
        if (!ReferenceEquals(doc, Embedded)) return false;
        return _symbolRanges.Any(r => span.Start < r.End && r.Start < span.End);
    }

    private void MarkUnknown(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var p in o.Properties) MarkUnknown(p.Value);
                break;
            case JsonArray a:
                foreach (var i in a.Items) MarkUnknown(i);
                break;
            case JsonString s:
                if (IsSymbolic(s.Span, s.Document)) s.IsUnknown = true;
                break;
        }
    }

    private static bool ContainsIntrinsic(JsonNode node, int depth)
    {
        if (depth > 64) return false;
        switch (node)
        {
            case JsonObject o:
                if (CfnTemplate.IsIntrinsic(o)) return true;
                foreach (var p in o.Properties)
                {
                    if (ContainsIntrinsic(p.Value, depth + 1)) return true;
                }

                return false;
            case JsonArray a:
                foreach (var i in a.Items)
                {
                    if (ContainsIntrinsic(i, depth + 1)) return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>A copy of the tree with intrinsics replaced by their values (null: removed by <c>AWS::NoValue</c>).</summary>
    private JsonNode? Copy(JsonNode node, CfnEvaluator evaluator, int depth)
    {
        var doc = node.Document;
        switch (node)
        {
            case JsonObject o when CfnTemplate.IsIntrinsic(o) && depth > 0:
            {
                _intrinsicSpans.Add(o.Span);
                return ToNode(evaluator.Evaluate(o), o, evaluator, depth);
            }

            case JsonObject o:
            {
                var copy = new JsonObject(doc, o.Span) { Tag = o.Tag };
                foreach (var p in o.Properties)
                {
                    var v = Copy(p.Value, evaluator, depth + 1);
                    if (v is not null) copy.Add(p.Name, p.NameSpan, v);
                }

                return copy;
            }

            case JsonArray a:
            {
                var copy = new JsonArray(doc, a.Span) { Tag = a.Tag };
                foreach (var i in a.Items)
                {
                    var v = Copy(i, evaluator, depth + 1);
                    if (v is not null) copy.Add(v);
                }

                return copy;
            }

            case JsonString s:
                return new JsonString(doc, s.Span, s.Value) { IsQuoted = s.IsQuoted, Tag = s.Tag };
            case JsonScalar sc:
                return new JsonScalar(doc, sc.Span, sc.Kind, sc.Raw) { Tag = sc.Tag };
            default:
                return null;
        }
    }

    private JsonNode? ToNode(CfnValue value, JsonNode at, CfnEvaluator evaluator, int depth)
    {
        var doc = at.Document;
        switch (value)
        {
            case CfnNoValue:
                return null;
            case CfnString s:
                return new JsonString(doc, at.Span, s.Text) { IsUnknown = !s.IsKnown };
            case CfnScalar sc:
                return new JsonScalar(doc, at.Span, sc.Kind, sc.Raw);
            case CfnList l:
            {
                var array = new JsonArray(doc, at.Span);
                foreach (var item in l.Items)
                {
                    var n = item.Node is JsonObject io && !CfnTemplate.IsIntrinsic(io) ? Copy(io, evaluator, depth + 1) : ToNode(item, at, evaluator, depth + 1);
                    if (n is not null) array.Add(n);
                }

                return array;
            }

            case CfnMap m:
                return Copy(m.Object, evaluator, depth + 1);
            default:
                return new JsonString(doc, at.Span, value.Render()) { IsUnknown = true };
        }
    }

    /// <summary>
    /// A rule's fix made to work in the file: edits of an embedded document are moved into the host string
    /// (escaped for its style), edits touching an evaluated intrinsic are refused, and in YAML only edits that
    /// are valid YAML are kept. Null when the fix cannot be applied safely.
    /// </summary>
    public Fix? Translate(Fix fix)
    {
        if (Embedded is not null && ReferenceEquals(fix.Document, Embedded)) return TranslateEmbedded(fix);
        if (fix.Document.Host is not null) return null;
        foreach (var e in fix.Edits)
        {
            foreach (var s in _intrinsicSpans)
            {
                if (Touches(e.Span, s)) return null;
            }
        }

        if (HostIsYaml && Root is not null && !YamlFixes.AreSafe(fix.Edits, Root)) return null;
        return fix;
    }

    private static bool Touches(TextSpan edit, TextSpan intrinsic)
    {
        if (edit.IsEmpty) return edit.Start > intrinsic.Start && edit.Start < intrinsic.End;
        if (edit.Start <= intrinsic.Start && edit.End >= intrinsic.End && !(edit.Start == intrinsic.Start && edit.End == intrinsic.End)) return false;
        return edit.Start < intrinsic.End && intrinsic.Start < edit.End;
    }

    private Fix? TranslateEmbedded(Fix fix)
    {
        var host = HostNode.Document;
        var edits = new List<TextEdit>();
        foreach (var e in fix.Edits)
        {
            var t = TranslateEdit(e, host);
            if (t is null) return null;
            edits.Add(t);
        }

        return new Fix(fix.Title, host, edits, fix.EquivalenceKey);
    }

    private TextEdit? TranslateEdit(TextEdit e, SourceDocument host)
    {
        if (_partOfChar is null || _indexInPart is null) return null;
        var len = _partOfChar.Length - 1;
        CfnStringPart? part;
        int start, end;
        if (e.Span.IsEmpty)
        {
            var at = e.Span.Start;
            if (at < len && _partOfChar[at] is { Source: not null } p1)
            {
                part = p1;
                start = end = p1.OffsetOf(_indexInPart[at]);
            }
            else if (at > 0 && _partOfChar[at - 1] is { Source: not null } p0)
            {
                part = p0;
                start = end = p0.OffsetOf(_indexInPart[at - 1] + 1);
            }
            else
            {
                return null;
            }
        }
        else
        {
            var first = _partOfChar[e.Span.Start];
            var last = _partOfChar[e.Span.End - 1];
            if (first is null || first.Source is null || !ReferenceEquals(first, last)) return null;
            part = first;
            start = first.OffsetOf(_indexInPart[e.Span.Start]);
            end = first.OffsetOf(_indexInPart[e.Span.End - 1] + 1);
        }

        var source = part.Source!;
        if (!ScalarOffsets.IsExact(source) || end < start) return null;
        if (e.NewText.IndexOf("${", StringComparison.Ordinal) >= 0 && IsSubTemplate(source)) return null;
        var style = ScalarOffsets.StyleOf(source);
        var escaped = ScalarOffsets.Escape(e.NewText, style, host.PreferredNewLine, style == ScalarStyle.Literal ? ScalarOffsets.BlockIndent(source) : "");
        return escaped is null ? null : new TextEdit(TextSpan.FromBounds(start, end), escaped);
    }

    private static bool IsSubTemplate(JsonString s) =>
        s.OwnerProperty?.Name == "Fn::Sub" || (s.Parent is JsonArray a && s.Index == 0 && a.OwnerProperty?.Name == "Fn::Sub");

    /// <summary>The JSON pointer of a location: the file's pointer, extended inside an embedded policy.</summary>
    public string? PointerOf(SourceLocation location, JsonNode fileRoot)
    {
        if (Embedded is not null && ReferenceEquals(location.Document, Embedded) && Root is not null)
            return HostNode.Pointer + JsonNavigation.FindDeepest(Root, location.Span).Pointer;
        return null;
    }
}

/// <summary>Which JSON edits are also valid YAML edits.</summary>
public static class YamlFixes
{
    /// <summary>
    /// True when every edit is safe in a YAML document: it replaces exactly one scalar or key with single-line
    /// text, or it is inside a flow collection (<c>[...]</c>, <c>{...}</c>) and adds no line break.
    /// </summary>
    public static bool AreSafe(IEnumerable<TextEdit> edits, JsonNode root)
    {
        foreach (var e in edits)
        {
            if (e.NewText.IndexOf('\n') >= 0 || e.NewText.IndexOf('\r') >= 0) return false;
            if (!IsSafe(e.Span, root)) return false;
        }

        return true;
    }

    private static bool IsSafe(TextSpan span, JsonNode root)
    {
        var text = root.Document.Text;
        var node = root;
        while (true)
        {
            if (node.Span == span && node is JsonString or JsonScalar) return true;
            if (node is JsonObject or JsonArray)
            {
                var flow = node.Span.Length > 0 && node.Span.Start < text.Length && (text[node.Span.Start] == '[' || text[node.Span.Start] == '{');
                if (flow && span.Start > node.Span.Start && span.End < node.Span.End) return true;
            }

            JsonNode? next = null;
            switch (node)
            {
                case JsonObject o:
                    foreach (var p in o.Properties)
                    {
                        if (p.NameSpan == span) return true;
                        if (p.Value.Span.Contains(span)) next = p.Value;
                    }

                    break;
                case JsonArray a:
                    foreach (var i in a.Items)
                    {
                        if (i.Span.Contains(span)) next = i;
                    }

                    break;
            }

            if (next is null || ReferenceEquals(next, node)) return false;
            node = next;
        }
    }

    /// <summary>The same finding with another fix (or none).</summary>
    public static Finding WithFix(Finding f, Fix? fix) =>
        ReferenceEquals(f.Fix, fix) ? f : new Finding(f.Rule, f.Severity, f.Message, f.Location, f.RelatedLocations, fix) { Pointer = f.Pointer, Suppression = f.Suppression };
}
