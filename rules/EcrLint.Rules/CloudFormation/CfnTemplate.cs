using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.CloudFormation;

/// <summary>A template parameter.</summary>
public sealed class CfnParameter
{
    internal CfnParameter(JsonProperty property)
    {
        Property = property;
        var o = property.Value as JsonObject;
        Type = (o?["Type"] as JsonString)?.Value;
        Default = o?["Default"];
    }

    public string Name => Property.Name;
    public JsonProperty Property { get; }

    /// <summary><c>String</c>, <c>CommaDelimitedList</c>, <c>AWS::EC2::VPC::Id</c>, <c>List&lt;AWS::EC2::Subnet::Id&gt;</c> ...</summary>
    public string? Type { get; }

    public JsonNode? Default { get; }

    /// <summary>True for list types: <c>Ref</c> gives a list.</summary>
    public bool IsList => Type is not null && (Type == "CommaDelimitedList" || Type.StartsWith("List<", StringComparison.Ordinal)
        || Type.IndexOf("::Value<List<", StringComparison.Ordinal) >= 0 || Type.IndexOf("::Value<CommaDelimitedList", StringComparison.Ordinal) >= 0);

    /// <summary>True for SSM parameter types: the default is a parameter name, not the value.</summary>
    public bool IsSsm => Type is not null && Type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal);
}

/// <summary>A resource of a template: its logical ID (and where the key is written), type and properties.</summary>
public sealed class CfnResource
{
    internal CfnResource(JsonProperty property)
    {
        Property = property;
        Node = property.Value as JsonObject;
        TypeNode = Node?["Type"];
        Type = (TypeNode as JsonString)?.Value;
        PropertiesProperty = Node?.Get("Properties");
        Properties = PropertiesProperty?.Value as JsonObject;
        Metadata = Node?["Metadata"] as JsonObject;
        Condition = (Node?["Condition"] as JsonString)?.Value;
        var dependsOn = new List<string>();
        switch (Node?["DependsOn"])
        {
            case JsonString s:
                dependsOn.Add(s.Value);
                break;
            case JsonArray a:
                dependsOn.AddRange(a.Items.OfType<JsonString>().Select(s => s.Value));
                break;
        }

        DependsOn = dependsOn;
    }

    public string LogicalId => Property.Name;

    /// <summary>The <c>"LogicalId": {...}</c> member of <c>Resources</c>.</summary>
    public JsonProperty Property { get; }

    /// <summary>The span of the logical ID key (where findings about the whole resource point).</summary>
    public TextSpan KeySpan => Property.NameSpan;

    public SourceLocation KeyLocation => Property.NameLocation;

    /// <summary>The resource's object; null when the value is not an object.</summary>
    public JsonObject? Node { get; }

    public JsonNode? TypeNode { get; }

    /// <summary><c>AWS::EC2::VPCEndpoint</c> ...</summary>
    public string? Type { get; }

    public JsonProperty? PropertiesProperty { get; }
    public JsonObject? Properties { get; }
    public JsonObject? Metadata { get; }
    public IReadOnlyList<string> DependsOn { get; }
    public string? Condition { get; }

    /// <summary>The whole resource, key through value (suppressions cover it).</summary>
    public TextSpan Span => Property.Span;

    public JsonProperty? GetProperty(string name) => Properties?.Get(name);

    public JsonNode? this[string name] => Properties?[name];

    /// <summary>Where a default value "is written": the <c>Properties</c> key, else the logical ID.</summary>
    public SourceLocation DefaultLocation => PropertiesProperty is { } p ? p.NameLocation : KeyLocation;

    public bool Is(string type) => string.Equals(Type, type, StringComparison.Ordinal);

    public override string ToString() => $"{LogicalId} ({Type})";
}

/// <summary>
/// A CloudFormation template read from the JSON/YAML tree: parameters, mappings, conditions, resources and
/// outputs, each with its exact location.
/// </summary>
public sealed class CfnTemplate
{
    private readonly Dictionary<string, CfnResource> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CfnParameter> _parameters = new(StringComparer.Ordinal);

    private CfnTemplate(JsonObject root, bool isYaml)
    {
        Root = root;
        IsYaml = isYaml;
        ResourcesProperty = root.Get("Resources");
        var resources = new List<CfnResource>();
        if (ResourcesProperty?.Value is JsonObject ro)
        {
            foreach (var p in ro.Properties)
            {
                var r = new CfnResource(p);
                resources.Add(r);
                _resources[p.Name] = r;
            }
        }

        Resources = resources;
        if (root["Parameters"] is JsonObject po)
        {
            foreach (var p in po.Properties) _parameters[p.Name] = new CfnParameter(p);
        }

        Mappings = root["Mappings"] as JsonObject;
        Conditions = root["Conditions"] as JsonObject;
        Outputs = root["Outputs"] as JsonObject;
    }

    /// <summary>Reads a template; the tree must be an object (a template's top level).</summary>
    public static CfnTemplate Read(JsonObject root, bool isYaml = false) => new(root, isYaml);

    public JsonObject Root { get; }
    public SourceDocument Document => Root.Document;

    /// <summary>True when the template is written in YAML (fixes are written in YAML then).</summary>
    public bool IsYaml { get; }

    public JsonProperty? ResourcesProperty { get; }
    public IReadOnlyList<CfnResource> Resources { get; }
    public IReadOnlyDictionary<string, CfnParameter> Parameters => _parameters;
    public JsonObject? Mappings { get; }
    public JsonObject? Conditions { get; }
    public JsonObject? Outputs { get; }

    public CfnResource? Resource(string logicalId) => _resources.TryGetValue(logicalId, out var r) ? r : null;

    public CfnParameter? Parameter(string name) => _parameters.TryGetValue(name, out var p) ? p : null;

    public IEnumerable<CfnResource> OfType(string type) => Resources.Where(r => r.Is(type));

    /// <summary>True when the object is an intrinsic function call: one member named <c>Ref</c> or <c>Fn::*</c>.</summary>
    public static bool IsIntrinsic(JsonNode? node) =>
        node is JsonObject o && o.Properties.Count == 1 && IsIntrinsicName(o.Properties[0].Name);

    /// <summary>
    /// The JSON pointer of the node a span falls on (<see cref="JsonNavigation.FindDeepest"/>), where a YAML
    /// short form (<c>!Sub ...</c>) counts as the value it is written for, as its long form does in JSON.
    /// </summary>
    public static string PointerOf(JsonNode root, TextSpan span)
    {
        var n = JsonNavigation.FindDeepest(root, span);
        while (n.OwnerProperty?.Owner is { Tag: not null } wrapper && IsIntrinsic(wrapper) && !n.Span.Contains(span)) n = wrapper;
        return n.Pointer;
    }

    public static bool IsIntrinsicName(string name) => name == "Ref" || name.StartsWith("Fn::", StringComparison.Ordinal);
}
