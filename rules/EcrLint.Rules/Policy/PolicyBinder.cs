using System;
using System.Collections.Generic;
using System.Globalization;
using EcrLint.Json;

namespace EcrLint.Policy;

/// <summary>
/// Reads a policy document from a JSON/YAML tree. Tolerant: wrong types and unknown names are left to the
/// grammar rules (ECR408, ECR411, ECR412); the binder keeps what it can read, and when a key is written
/// twice it uses the last one, as most JSON readers do.
/// </summary>
public static class PolicyBinder
{
    public static readonly string[] TopLevelElements = { "Version", "Id", "Statement" };

    public static readonly string[] StatementElements =
        { "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition" };

    /// <summary>True when the JSON looks like a policy document: an object with a top-level <c>Statement</c>.</summary>
    public static bool LooksLikePolicy(JsonNode? root) => root is JsonObject o && o.Get("Statement") is not null;

    public static PolicyDocument Bind(JsonObject root)
    {
        var doc = root.Document;
        var policy = new PolicyDocument(doc, root.Span, root)
        {
            Version = AsValue(root.Get("Version")?.Value),
            Id = AsValue(root.Get("Id")?.Value),
        };

        var statement = root.Get("Statement");
        if (statement is null) return policy;
        policy.StatementNameSpan = statement.NameSpan;
        policy.StatementNode = statement.Value;
        switch (statement.Value)
        {
            case JsonArray array:
                policy.StatementIsArray = true;
                foreach (var item in array.Items)
                {
                    if (item is JsonObject o) policy.Statements.Add(BindStatement(o, policy.Statements.Count));
                }

                break;
            case JsonObject single:
                policy.Statements.Add(BindStatement(single, 0));
                break;
        }

        return policy;
    }

    public static PolicyStatement BindStatement(JsonObject node, int index)
    {
        var s = new PolicyStatement(index, node.Document, node.Span, node)
        {
            Sid = AsValue(node.Get("Sid")?.Value),
        };

        var effect = node.Get("Effect");
        if (effect is not null)
        {
            s.EffectNameSpan = effect.NameSpan;
            s.EffectValue = AsValue(effect.Value);
            s.Effect = s.EffectValue?.Value switch
            {
                "Allow" => StatementEffect.Allow,
                "Deny" => StatementEffect.Deny,
                _ => StatementEffect.Invalid,
            };
        }

        s.Action = ValueList(node.Get("Action"));
        s.NotAction = ValueList(node.Get("NotAction"));
        s.Resource = ValueList(node.Get("Resource"));
        s.NotResource = ValueList(node.Get("NotResource"));
        s.Principal = Principal(node.Get("Principal"));
        s.NotPrincipal = Principal(node.Get("NotPrincipal"));

        var condition = node.Get("Condition");
        if (condition is not null)
        {
            s.ConditionSpan = condition.Value.Span;
            if (condition.Value is JsonObject ops)
            {
                foreach (var op in ops.Properties)
                {
                    if (op.Value is not JsonObject keys) continue;
                    var opValue = new PolicyValue(op.Name, node.Document, op.NameSpan);
                    foreach (var key in keys.Properties)
                    {
                        var values = ValueList(key, allowScalars: true);
                        if (values is null) continue;
                        s.Conditions.Add(new ConditionTest(opValue, new PolicyValue(key.Name, node.Document, key.NameSpan), values));
                    }
                }
            }
        }

        return s;
    }

    /// <summary>A string value (or a scalar written as text), or null.</summary>
    public static PolicyValue? AsValue(JsonNode? node, bool allowScalars = false) => node switch
    {
        JsonString s => new PolicyValue(s.Value, s.Document, s.Span, s) { IsKnown = !s.IsUnknown },
        JsonScalar sc when allowScalars && sc.Kind != JsonNodeKind.Null => new PolicyValue(sc.Raw, sc.Document, sc.Span, sc),
        _ => null,
    };

    public static PolicyValueList? ValueList(JsonProperty? property, bool allowScalars = false)
    {
        if (property is null) return null;
        var node = property.Value;
        PolicyValue[] values;
        var unknown = false;
        switch (node)
        {
            case JsonArray array:
            {
                // Sized for the usual case (every item a value); trimmed when some are not.
                values = new PolicyValue[array.Items.Count];
                var n = 0;
                foreach (var item in array.Items)
                {
                    var v = AsValue(item, allowScalars);
                    if (v is null || !v.IsKnown) unknown = true;
                    if (v is not null) values[n++] = v;
                }

                if (n < values.Length) Array.Resize(ref values, n);
                break;
            }

            default:
            {
                var v = AsValue(node, allowScalars);
                if (v is null || !v.IsKnown) unknown = true;
                values = v is null ? Array.Empty<PolicyValue>() : new[] { v };
                break;
            }
        }

        return new PolicyValueList(property.Name, values, node is JsonArray, node.Document, node.Span, property.NameSpan, node)
        {
            HasUnknownValues = unknown,
        };
    }

    private static PrincipalElement? Principal(JsonProperty? property)
    {
        if (property is null) return null;
        var node = property.Value;
        if (node is JsonString s)
        {
            return new PrincipalElement(property.Name, s.Value == "*", new List<KeyValuePair<string, PolicyValueList>>(), node.Document, node.Span, property.NameSpan, node)
            {
                IsUnknown = s.Value != "*",
            };
        }

        var entries = new List<KeyValuePair<string, PolicyValueList>>();
        if (node is JsonObject o)
        {
            foreach (var p in o.Properties)
            {
                var list = ValueList(p);
                if (list is not null) entries.Add(new KeyValuePair<string, PolicyValueList>(p.Name, list));
            }
        }

        return new PrincipalElement(property.Name, false, entries, node.Document, node.Span, property.NameSpan, node)
        {
            IsUnknown = node is not JsonObject,
        };
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
