using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EcrLint.Json;
using EcrLint.Text;
using Microsoft.CodeAnalysis;

namespace EcrLint.CodeFixes;

/// <summary>
/// Writes a policy statement given as JSON (the statement the engine's fix adds) as a CDK
/// <c>new PolicyStatement(new PolicyStatementProps { ... })</c>, with type names as they bind at the insertion point.
/// Returns null for what CDK's typed principals cannot say plainly (federated principals, non-string values).
/// </summary>
internal sealed class CdkStatementWriter
{
    private const string Iam = "Amazon.CDK.AWS.IAM";
    private readonly SemanticModel? _model;
    private readonly int _position;

    public CdkStatementWriter(SemanticModel? model, int position)
    {
        _model = model;
        _position = position;
    }

    /// <summary>A resource written with <c>Aws.PARTITION</c>/<c>Aws.REGION</c> in place of a stand-in region's layer bucket.</summary>
    public string? RegionStandIn { get; set; }

    private string T(string name) => SyntaxText.TypeName(_model, _position, Iam, name);

    /// <summary>The statement as multi-line C# (lines separated by "\n", indented by <paramref name="unit"/>), or null.</summary>
    public string? Write(string json, string unit)
    {
        var parsed = JsonParser.Parse(new SourceDocument("statement.json", json));
        if (parsed.Root is not JsonObject statement) return null;
        var lines = new List<string>();
        foreach (var p in statement.Properties)
        {
            string? line;
            switch (p.Name)
            {
                case "Sid":
                    line = p.Value is JsonString sid ? "Sid = " + SyntaxText.Literal(sid.Value) : null;
                    break;
                case "Effect":
                    if (p.Value is not JsonString effect) return null;
                    if (effect.Value == "Allow") continue;
                    line = effect.Value == "Deny" ? $"Effect = {T("Effect")}.DENY" : null;
                    break;
                case "Principal":
                case "NotPrincipal":
                    line = Principals(p.Value) is { } principals ? (p.Name == "Principal" ? "Principals" : "NotPrincipals") + " = " + principals : null;
                    break;
                case "Action":
                case "NotAction":
                case "Resource":
                case "NotResource":
                    line = Strings(p.Value) is { } values ? p.Name + "s = " + values : null;
                    break;
                case "Condition":
                    line = Conditions(p.Value) is { } conditions ? "Conditions = " + conditions : null;
                    break;
                default:
                    return null;
            }

            if (line is null) return null;
            lines.Add(unit + line + ",");
        }

        var sb = new StringBuilder();
        sb.Append("new ").Append(T("PolicyStatement")).Append("(new ").Append(T("PolicyStatementProps")).Append('\n');
        sb.Append("{\n");
        foreach (var l in lines) sb.Append(l).Append('\n');
        sb.Append("})");
        return sb.ToString();
    }

    private string? Principals(JsonNode node)
    {
        var items = new List<string>();
        switch (node)
        {
            case JsonString { Value: "*" }:
                items.Add($"new {T("AnyPrincipal")}()");
                break;
            case JsonObject map:
                foreach (var entry in map.Properties)
                {
                    var values = entry.Value switch
                    {
                        JsonString s => new List<string> { s.Value },
                        JsonArray a when a.Items.All(i => i is JsonString) => a.Items.Cast<JsonString>().Select(s => s.Value).ToList(),
                        _ => null,
                    };
                    if (values is null) return null;
                    foreach (var v in values)
                    {
                        var principal = entry.Name switch
                        {
                            "AWS" when v == "*" => $"new {T("AnyPrincipal")}()",
                            "AWS" when v.Length == 12 && v.All(char.IsDigit) => $"new {T("AccountPrincipal")}({SyntaxText.Literal(v)})",
                            "AWS" => $"new {T("ArnPrincipal")}({SyntaxText.Literal(v)})",
                            "Service" => $"new {T("ServicePrincipal")}({SyntaxText.Literal(v)})",
                            "CanonicalUser" => $"new {T("CanonicalUserPrincipal")}({SyntaxText.Literal(v)})",
                            _ => null,
                        };
                        if (principal is null) return null;
                        items.Add(principal);
                    }
                }

                break;
            default:
                return null;
        }

        return $"new {T("IPrincipal")}[] {{ {string.Join(", ", items)} }}";
    }

    private string? Strings(JsonNode node)
    {
        var values = node switch
        {
            JsonString s => new List<string> { s.Value },
            JsonArray a when a.Items.All(i => i is JsonString) => a.Items.Cast<JsonString>().Select(s => s.Value).ToList(),
            _ => null,
        };
        return values is null ? null : "new[] { " + string.Join(", ", values.Select(Value)) + " }";
    }

    private string Value(string value)
    {
        if (RegionStandIn is { } region && value.StartsWith("arn:", StringComparison.Ordinal)
            && value.IndexOf("prod-" + region + "-starport-layer-bucket", StringComparison.Ordinal) >= 0)
        {
            // arn:PARTITION:s3:::prod-REGION-starport-layer-bucket/* in the stack's own partition and region.
            var aws = SyntaxText.TypeName(_model, _position, "Amazon.CDK", "Aws");
            var rest = value.Substring(value.IndexOf(":s3:::", StringComparison.Ordinal)).Replace("prod-" + region + "-", "prod-{" + aws + ".REGION}-");
            return "$\"arn:{" + aws + ".PARTITION}" + rest.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        }

        return SyntaxText.Literal(value);
    }

    private string? Conditions(JsonNode node)
    {
        if (node is not JsonObject operators) return null;
        var dictionary = SyntaxText.TypeName(_model, _position, "System.Collections.Generic", "Dictionary") + "<string, object>";
        var blocks = new List<string>();
        foreach (var op in operators.Properties)
        {
            if (op.Value is not JsonObject keys) return null;
            var entries = new List<string>();
            foreach (var key in keys.Properties)
            {
                var value = key.Value switch
                {
                    JsonString s => SyntaxText.Literal(s.Value),
                    JsonArray a when a.Items.All(i => i is JsonString) => "new[] { " + string.Join(", ", a.Items.Cast<JsonString>().Select(s => SyntaxText.Literal(s.Value))) + " }",
                    _ => null,
                };
                if (value is null) return null;
                entries.Add($"[{SyntaxText.Literal(key.Name)}] = {value}");
            }

            blocks.Add($"[{SyntaxText.Literal(op.Name)}] = new {dictionary} {{ {string.Join(", ", entries)} }}");
        }

        return $"new {dictionary} {{ {string.Join(", ", blocks)} }}";
    }
}
