using System.Collections.Generic;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR412: a policy element of the wrong JSON type. Version, Id, Sid and Effect are strings; Action, NotAction,
/// Resource and NotResource a string or an array of strings; Principal and NotPrincipal <c>"*"</c> or an object
/// of strings or string arrays; Condition an object of objects whose values are strings, booleans, numbers or
/// arrays of them; Statement an object or an array of objects. The location is the wrongly typed value (the
/// array item, when one item of an array is wrong). Every element is checked where it is written, duplicates
/// included; unknown element names are ECR408's.
/// </summary>
public sealed class ElementTypeRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR412 };

    public override bool ChecksJsonText => true;

    public override void Analyze(PolicyContext context)
    {
        var root = context.Policy.Root;
        if (root is null) return;
        foreach (var p in root.Properties)
        {
            switch (p.Name)
            {
                case "Version":
                case "Id":
                    RequireString(context, p, "the policy");
                    break;
                case "Statement":
                    CheckStatements(context, p);
                    break;
            }
        }
    }

    private static void CheckStatements(PolicyContext context, JsonProperty statement)
    {
        switch (statement.Value)
        {
            case JsonObject single:
                CheckStatement(context, single, "the statement");
                break;
            case JsonArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    var item = array.Items[i];
                    if (item is JsonObject o) CheckStatement(context, o, $"statement #{i + 1}");
                    else Report(context, item, $"Item {i + 1} of \"Statement\" is {item.KindName}: each statement is a JSON object {{\"Effect\": ..., \"Action\": ..., ...}}; write it as one.");
                }

                break;
            default:
                Report(context, statement.Value, $"\"Statement\" is {statement.Value.KindName}: it must be an object (one statement) or an array of statement objects; write it as [ {{ ... }} ].");
                break;
        }
    }

    private static void CheckStatement(PolicyContext context, JsonObject statement, string where)
    {
        if (statement.Get("Sid")?.Value is JsonString sid && sid.Value.Length > 0) where = $"statement `{sid.Value}`";
        foreach (var p in statement.Properties)
        {
            switch (p.Name)
            {
                case "Sid":
                case "Effect":
                    RequireString(context, p, where);
                    break;
                case "Action":
                case "NotAction":
                case "Resource":
                case "NotResource":
                    RequireStrings(context, p.Value, p.Name, where);
                    break;
                case "Principal":
                case "NotPrincipal":
                    CheckPrincipal(context, p, where);
                    break;
                case "Condition":
                    CheckCondition(context, p, where);
                    break;
            }
        }
    }

    private static void RequireString(PolicyContext context, JsonProperty p, string where)
    {
        if (p.Value is JsonString) return;
        var hint = p.Name == "Version" ? "write \"2012-10-17\"" : p.Value is JsonArray ? "keep one value" : "write it in quotes";
        Report(context, p.Value, $"\"{p.Name}\" of {where} is {p.Value.KindName}{Raw(p.Value)}: it must be a string; {hint}.");
    }

    /// <summary>A string or an array of strings.</summary>
    private static void RequireStrings(PolicyContext context, JsonNode value, string element, string where)
    {
        switch (value)
        {
            case JsonString:
                return;
            case JsonArray array:
                foreach (var item in array.Items)
                {
                    if (item is not JsonString)
                        Report(context, item, $"An item of \"{element}\" in {where} is {item.KindName}{Raw(item)}: \"{element}\" takes strings only; write it as a string.");
                }

                return;
            default:
                Report(context, value, $"\"{element}\" of {where} is {value.KindName}: it must be a string or an array of strings; write [\"...\", \"...\"].");
                return;
        }
    }

    private static void CheckPrincipal(PolicyContext context, JsonProperty p, string where)
    {
        switch (p.Value)
        {
            case JsonString s:
                // "arn:..." as a string: an endpoint policy's ECR410 explains it; elsewhere it is this rule's.
                if (s.Value != "*" && !context.Kind.IsEndpointPolicy())
                    Report(context, s, $"\"{p.Name}\" of {where} is the string `{s.Value}`: a Principal string can only be \"*\"; name principals in an object such as {{\"AWS\": \"{s.Value}\"}}.");
                return;
            case JsonObject o:
                foreach (var entry in o.Properties) RequireStrings(context, entry.Value, p.Name + "." + entry.Name, where);
                return;
            default:
                Report(context, p.Value, $"\"{p.Name}\" of {where} is {p.Value.KindName}: it must be \"*\" or an object such as {{\"AWS\": [\"...\"]}}; rewrite it so.");
                return;
        }
    }

    private static void CheckCondition(PolicyContext context, JsonProperty p, string where)
    {
        if (p.Value is not JsonObject operators)
        {
            Report(context, p.Value, $"\"Condition\" of {where} is {p.Value.KindName}: it must be an object of operators, e.g. {{\"StringEquals\": {{\"aws:SourceVpce\": \"vpce-...\"}}}}; rewrite it so.");
            return;
        }

        foreach (var op in operators.Properties)
        {
            if (op.Value is not JsonObject keys)
            {
                Report(context, op.Value, $"The condition operator `{op.Name}` of {where} holds {op.Value.KindName}: it must hold an object of condition keys to values, e.g. {{\"aws:SourceVpce\": \"vpce-...\"}}; rewrite it so.");
                continue;
            }

            foreach (var key in keys.Properties)
            {
                switch (key.Value)
                {
                    case JsonString:
                    case JsonScalar { Kind: JsonNodeKind.Boolean or JsonNodeKind.Number }:
                        break;
                    case JsonArray array:
                        foreach (var item in array.Items)
                        {
                            if (!IsConditionScalar(item))
                                Report(context, item, $"A value of the condition `{key.Name}` in {where} is {item.KindName}: condition values are strings, booleans or numbers; write it as one.");
                        }

                        break;
                    default:
                        Report(context, key.Value, $"The condition `{key.Name}` of {where} has {key.Value.KindName} as its value: condition values are strings, booleans, numbers or arrays of them; rewrite it so.");
                        break;
                }
            }
        }
    }

    private static bool IsConditionScalar(JsonNode node) => node is JsonString or JsonScalar { Kind: JsonNodeKind.Boolean or JsonNodeKind.Number };

    /// <summary>" (`2012`)" for a number or boolean, to name the offending value.</summary>
    private static string Raw(JsonNode node) => node is JsonScalar { Kind: JsonNodeKind.Number or JsonNodeKind.Boolean } sc ? $" (`{sc.Raw}`)" : "";

    private static void Report(PolicyContext context, JsonNode node, string message) =>
        context.Report(RuleCatalog.ECR412, node.Location, message);
}
