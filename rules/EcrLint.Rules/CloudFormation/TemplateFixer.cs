using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EcrLint.Endpoints;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.CloudFormation;

/// <summary>
/// Builds endpoint fixes as edits of the template as written (JSON or YAML): every byte outside the edit is
/// kept, inserted text follows the neighbours' indentation, line breaks and quoting.
/// </summary>
public sealed class TemplateFixer : IEndpointFixer
{
    private readonly TemplateModel _model;

    public TemplateFixer(TemplateModel model)
    {
        _model = model;
    }

    private CfnTemplate Template => _model.Template;
    private SourceDocument Doc => Template.Document;
    private string Text => Doc.Text;
    private string NewLine => Doc.PreferredNewLine;

    // ---- Private DNS ----

    public Fix? EnablePrivateDns(EndpointModel endpoint, string title)
    {
        var r = _model.ResourceOf(endpoint);
        var props = r?.Properties;
        if (r is null || props is null) return null;
        var existing = props.Get("PrivateDnsEnabled");
        if (existing is not null)
        {
            if (existing.Value is not (JsonScalar or JsonString)) return null;
            return new Fix(title, Doc, new TextEdit(existing.Value.Span, "true"), "EnablePrivateDns");
        }

        var edit = InsertProperty(props, "PrivateDnsEnabled", "true");
        return edit is null ? null : new Fix(title, Doc, edit, "EnablePrivateDns");
    }

    /// <summary>Inserts <c>name: value</c> (value already written as text) as the last member of an object.</summary>
    private TextEdit? InsertProperty(JsonObject obj, string name, string valueText)
    {
        if (!Template.IsYaml)
        {
            if (obj.Properties.Count == 0)
            {
                var style = JsonStyle.Of(Doc, Template.Root);
                return new TextEdit(new TextSpan(obj.Span.Start + 1, 0), (style.PadBraces ? " " : "") + JsonEdits.Quote(name) + style.Colon + valueText + (style.PadBraces ? " " : ""));
            }

            var last = obj.Properties[obj.Properties.Count - 1];
            var sep = SeparatorOf(obj);
            var colon = JsonStyle.Of(Doc, Template.Root).Colon;
            return new TextEdit(new TextSpan(last.Value.Span.End, 0), "," + sep + JsonEdits.Quote(name) + colon + valueText);
        }

        if (IsFlow(obj))
        {
            var close = obj.Span.End - 1;
            return obj.Properties.Count == 0
                ? new TextEdit(new TextSpan(close, 0), name + ": " + valueText)
                : new TextEdit(new TextSpan(obj.Properties[obj.Properties.Count - 1].Value.Span.End, 0), ", " + name + ": " + valueText);
        }

        if (obj.Properties.Count == 0) return null;
        var indent = KeyIndent(obj.Properties[0]);
        if (indent is null) return null;
        var at = EndOfLine(obj.Span.End);
        return new TextEdit(new TextSpan(at, 0), NewLine + indent + name + ": " + valueText);
    }

    // ---- Service name ----

    /// <summary>
    /// Sets the service name. A name containing <c>${AWS::Region}</c> is written as <c>Fn::Sub</c>
    /// (<c>!Sub</c> in YAML), so the endpoint follows the stack's region.
    /// </summary>
    public Fix? SetServiceName(EndpointModel endpoint, string serviceName, string title)
    {
        var r = _model.ResourceOf(endpoint);
        var node = r?.Properties?["ServiceName"];
        if (r is null || node is null) return null;
        var sub = serviceName.IndexOf("${", StringComparison.Ordinal) >= 0;
        if (sub && node is JsonObject o && o.Properties.Count == 1 && o.Properties[0].Name == "Fn::Sub" && o.Properties[0].Value is JsonString inner)
            return new Fix(title, Doc, new TextEdit(inner.Span, Scalar(serviceName, inner)), "SetServiceName");
        var text = sub ? SubText(serviceName) : Scalar(serviceName, node as JsonString);
        return new Fix(title, Doc, new TextEdit(node.Span, text), "SetServiceName");
    }

    /// <summary>A string written like <paramref name="like"/> (plain, single- or double-quoted in YAML; quoted in JSON).</summary>
    private string Scalar(string value, JsonString? like)
    {
        if (!Template.IsYaml) return JsonEdits.Quote(value);
        var style = like is null ? ScalarStyle.Plain : ScalarOffsets.StyleOf(like);
        if (style == ScalarStyle.SingleQuoted) return "'" + value.Replace("'", "''") + "'";
        if (style == ScalarStyle.DoubleQuoted || !IsPlainSafe(value)) return JsonEdits.Quote(value);
        return value;
    }

    private string SubText(string value) =>
        Template.IsYaml ? "!Sub " + (IsPlainSafe(value) ? value : JsonEdits.Quote(value)) : "{ \"Fn::Sub\": " + JsonEdits.Quote(value) + " }";

    private static bool IsPlainSafe(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '$' or '{' or '}' or ':' or '/')
        && char.IsLetterOrDigit(value[0]) && value.IndexOf(": ", StringComparison.Ordinal) < 0 && !value.EndsWith(":", StringComparison.Ordinal);

    // ---- New endpoints ----

    /// <summary>
    /// Adds <c>AWS::EC2::VPCEndpoint</c> resources after the VPC's last endpoint. The <c>VpcId</c> is copied from a
    /// sibling endpoint (or is a <c>Ref</c> to the VPC resource); interface endpoints copy <c>SubnetIds</c> and
    /// <c>SecurityGroupIds</c> from an interface endpoint of the VPC and enable private DNS; a gateway endpoint
    /// copies <c>RouteTableIds</c> from a gateway endpoint, else takes the route tables of the VPC's subnets.
    /// When nothing can be copied (no interface endpoint to take subnets from, no route table) there is no fix.
    /// </summary>
    public Fix? AddEndpoints(VpcScope vpc, IReadOnlyList<string> services, EndpointType type, string title)
    {
        if (services.Count == 0 || type is not (EndpointType.Interface or EndpointType.Gateway)) return null;
        var siblings = vpc.Endpoints.Select(e => (Model: e, Resource: _model.ResourceOf(e))).Where(x => x.Resource?.Properties is not null).ToList();
        var vpcRef = _model.RefOf(vpc);

        // Where to insert, and whose layout to follow.
        CfnResource? anchor = siblings.OrderBy(x => x.Resource!.Span.End).LastOrDefault().Resource;
        var layout = anchor;
        string? vpcIdText = null;
        if (anchor is not null)
        {
            var vpcNode = siblings.Select(x => x.Resource!.Properties!.Get("VpcId")).FirstOrDefault(p => p is not null);
            if (vpcNode is not null) vpcIdText = CopyValue(vpcNode);
        }
        else if (vpcRef?.Resource is { } vpcResource)
        {
            anchor = vpcResource;
            layout = vpcResource;
            vpcIdText = Template.IsYaml ? "!Ref " + vpcResource.LogicalId : "{ \"Ref\": " + JsonEdits.Quote(vpcResource.LogicalId) + " }";
        }

        if (anchor is null || layout is null || vpcIdText is null) return null;

        var properties = new List<(string Name, string Value)>();
        if (type == EndpointType.Interface)
        {
            var source = siblings.FirstOrDefault(x => x.Model.IsInterface && x.Resource!.Properties!.Get("SubnetIds") is not null).Resource;
            if (source is null) return null;
            properties.Add(("VpcEndpointType", Template.IsYaml ? "Interface" : "\"Interface\""));
            properties.Add(("PrivateDnsEnabled", "true"));
            properties.Add(("VpcId", vpcIdText));
            properties.Add(("SubnetIds", CopyValue(source.Properties!.Get("SubnetIds")!)));
            var groups = source.Properties!.Get("SecurityGroupIds");
            if (groups is not null) properties.Add(("SecurityGroupIds", CopyValue(groups)));
        }
        else
        {
            var source = siblings.FirstOrDefault(x => x.Model.IsGateway && x.Resource!.Properties!.Get("RouteTableIds") is { Value: JsonArray { Items.Count: > 0 } or JsonObject }).Resource;
            string? tables = source is null ? null : CopyValue(source.Properties!.Get("RouteTableIds")!);
            tables ??= RouteTablesOf(vpcRef);
            if (tables is null) return null;
            properties.Add(("VpcEndpointType", Template.IsYaml ? "Gateway" : "\"Gateway\""));
            properties.Add(("VpcId", vpcIdText));
            properties.Add(("RouteTableIds", tables));
        }

        var prefix = ServicePrefix(vpc, services[0]);
        var used = new HashSet<string>(Template.Resources.Select(r => r.LogicalId), StringComparer.Ordinal);
        var blocks = new StringBuilder();
        foreach (var service in services)
        {
            var name = UniqueName(LogicalIdFor(service, type), used);
            var serviceName = SubText($"{prefix}.${{AWS::Region}}.{service}");
            var props = new List<(string, string)> { ("ServiceName", serviceName) };
            props.AddRange(properties);
            var block = Template.IsYaml ? RenderYaml(name, props, layout) : RenderJson(name, props, layout);
            if (block is null) return null;
            blocks.Append(block);
        }

        var at = Template.IsYaml ? EndOfLine(anchor.Span.End) : anchor.Property.Value.Span.End;
        return new Fix(title, Doc, new TextEdit(new TextSpan(at, 0), blocks.ToString()), "AddEndpoints");
    }

    private string ServicePrefix(VpcScope vpc, string service)
    {
        if (service.StartsWith("ecr.", StringComparison.Ordinal))
        {
            var ecr = vpc.Endpoints.Select(e => e.Service).FirstOrDefault(s => s is { IsEcr: true });
            if (ecr is not null) return ecr.Prefix;
        }

        var region = _model.Environment.Region;
        if (region is null) return "com.amazonaws";
        var name = EndpointService.NameFor(region, service);
        return name.Substring(0, name.Length - region.Length - service.Length - 2);
    }

    private static string LogicalIdFor(string service, EndpointType type)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in service)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb + (type == EndpointType.Gateway ? "GatewayEndpoint" : "Endpoint");
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; used.Contains(candidate); i++) candidate = name + i;
        used.Add(candidate);
        return candidate;
    }

    /// <summary>The route tables associated with the VPC's subnets, as a list of <c>Ref</c>s; null when none.</summary>
    private string? RouteTablesOf(VpcRef? vpc)
    {
        if (vpc is null) return null;
        var tables = new List<string>();
        foreach (var table in Template.OfType("AWS::EC2::RouteTable"))
        {
            var v = _model.Evaluator.Evaluate(table.Properties, "VpcId");
            var symbol = (v as CfnString)?.SingleSymbol;
            var key = v is CfnString { IsKnown: true } k ? "id:" + k.Text
                : symbol?.Kind == CfnSymbolKind.Resource && Template.Resource(symbol.Name)?.Is("AWS::EC2::VPC") == true ? "vpc:" + symbol.Name
                : symbol?.Kind == CfnSymbolKind.Parameter ? "param:" + symbol.Name
                : symbol?.Kind == CfnSymbolKind.Import ? "import:" + symbol.Name
                : null;
            if (key != vpc.Key) continue;
            var associated = Template.OfType("AWS::EC2::SubnetRouteTableAssociation").Any(a =>
                (_model.Evaluator.Evaluate(a.Properties, "RouteTableId") as CfnString)?.SingleSymbol?.Name == table.LogicalId);
            if (associated) tables.Add(table.LogicalId);
        }

        if (tables.Count == 0) return null;
        return Template.IsYaml
            ? "[" + string.Join(", ", tables.Select(t => "!Ref " + t)) + "]"
            : "[" + string.Join(", ", tables.Select(t => "{ \"Ref\": " + JsonEdits.Quote(t) + " }")) + "]";
    }

    /// <summary>A value's text as written, to be placed after <c>Key:</c>: block values start on their own line.</summary>
    private string CopyValue(JsonProperty p)
    {
        var value = p.Value;
        var valueText = Text.Substring(value.Span.Start, value.Span.Length);
        if (!Template.IsYaml) return valueText;
        var keyLine = Doc.GetLinePosition(p.NameSpan.Start).Line;
        var valueLine = Doc.GetLinePosition(value.Span.Start).Line;
        if (valueLine == keyLine) return valueText;
        var lineStart = Doc.LineStarts[valueLine - 1];
        return "\n" + Text.Substring(lineStart, value.Span.End - lineStart);
    }

    private string? RenderYaml(string name, List<(string Name, string Value)> props, CfnResource layout)
    {
        var keyIndent = KeyIndent(layout.Property);
        var first = layout.Node?.Properties.FirstOrDefault();
        var resIndent = first is null ? null : KeyIndent(first);
        var propFirst = layout.Properties is { } lp && !IsFlow(lp) ? lp.Properties.FirstOrDefault() : null;
        var propIndent = propFirst is null ? null : KeyIndent(propFirst);
        if (keyIndent is null || resIndent is null || resIndent.Length <= keyIndent.Length) return null;
        propIndent ??= resIndent + resIndent.Substring(keyIndent.Length);
        var nl = NewLine;
        var sb = new StringBuilder();
        sb.Append(nl).Append(keyIndent).Append(name).Append(':');
        sb.Append(nl).Append(resIndent).Append("Type: AWS::EC2::VPCEndpoint");
        sb.Append(nl).Append(resIndent).Append("Properties:");
        foreach (var (key, value) in props)
        {
            sb.Append(nl).Append(propIndent).Append(key).Append(':');
            if (value.StartsWith("\n", StringComparison.Ordinal)) sb.Append(nl).Append(value.Substring(1));
            else sb.Append(' ').Append(value);
        }

        return sb.ToString();
    }

    private string? RenderJson(string name, List<(string Name, string Value)> props, CfnResource layout)
    {
        var colon = JsonStyle.Of(Doc, Template.Root).Colon;
        var node = layout.Node;
        if (node is null) return null;
        var multiline = JsonEdits.IsMultiline(Text, node.Span);
        if (!multiline)
        {
            var inner = string.Join(", ", props.Select(p => JsonEdits.Quote(p.Name) + colon + p.Value));
            return ", " + JsonEdits.Quote(name) + colon + "{ \"Type\"" + colon + "\"AWS::EC2::VPCEndpoint\", \"Properties\"" + colon + "{ " + inner + " } }";
        }

        var keyIndent = JsonEdits.IndentationAt(Doc, layout.KeySpan.Start);
        var first = node.Properties.FirstOrDefault();
        var resIndent = first is null ? keyIndent + "  " : JsonEdits.IndentationAt(Doc, first.NameSpan.Start);
        var unit = resIndent.Length > keyIndent.Length ? resIndent.Substring(keyIndent.Length) : "  ";
        var propFirst = layout.Properties?.Properties.FirstOrDefault();
        var propIndent = propFirst is not null && JsonEdits.IsMultiline(Text, layout.Properties!.Span) ? JsonEdits.IndentationAt(Doc, propFirst.NameSpan.Start) : resIndent + unit;
        var nl = NewLine;
        var sb = new StringBuilder(",");
        sb.Append(nl).Append(keyIndent).Append(JsonEdits.Quote(name)).Append(colon).Append('{');
        sb.Append(nl).Append(resIndent).Append("\"Type\"").Append(colon).Append("\"AWS::EC2::VPCEndpoint\",");
        sb.Append(nl).Append(resIndent).Append("\"Properties\"").Append(colon).Append('{');
        for (var i = 0; i < props.Count; i++)
        {
            sb.Append(nl).Append(propIndent).Append(JsonEdits.Quote(props[i].Name)).Append(colon).Append(props[i].Value).Append(i < props.Count - 1 ? "," : "");
        }

        sb.Append(nl).Append(resIndent).Append('}');
        sb.Append(nl).Append(keyIndent).Append('}');
        return sb.ToString();
    }

    // ---- Layout helpers ----

    private bool IsFlow(JsonNode node) => node.Span.Length > 0 && node.Span.Start < Text.Length && Text[node.Span.Start] == '{';

    /// <summary>The indentation before a key, when the key starts its line (block style); else null.</summary>
    private string? KeyIndent(JsonProperty p)
    {
        var start = Doc.LineStarts[Doc.GetLinePosition(p.NameSpan.Start).Line - 1];
        var ws = Text.Substring(start, p.NameSpan.Start - start);
        return ws.Trim().Length == 0 && ws.IndexOf('\t') < 0 ? ws : null;
    }

    /// <summary>The end of the line holding <paramref name="offset"/> (before its line break).</summary>
    private int EndOfLine(int offset)
    {
        var i = Math.Max(0, offset);
        while (i < Text.Length && Text[i] != '\n' && Text[i] != '\r') i++;
        return i;
    }

    private string SeparatorOf(JsonObject obj)
    {
        var props = obj.Properties;
        if (props.Count >= 2)
        {
            var between = Text.Substring(props[0].Value.Span.End, props[1].NameSpan.Start - props[0].Value.Span.End);
            var comma = between.IndexOf(',');
            if (comma >= 0 && between.Substring(comma + 1).Trim().Length == 0) return between.Substring(comma + 1);
        }

        var lead = Text.Substring(obj.Span.Start + 1, props[0].NameSpan.Start - obj.Span.Start - 1);
        if (lead.Trim().Length != 0) return " ";
        var nl = lead.LastIndexOf('\n');
        if (nl < 0) return lead.Length > 0 ? lead : " ";
        return nl > 0 && lead[nl - 1] == '\r' ? lead.Substring(nl - 1) : lead.Substring(nl);
    }
}
