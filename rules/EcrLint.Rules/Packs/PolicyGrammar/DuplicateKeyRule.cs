using System;
using System.Collections.Generic;
using EcrLint.Json;
using EcrLint.Rules;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR411: a key written twice in one JSON object, anywhere in the policy document (two <c>Statement</c>, two
/// <c>Effect</c>, two condition keys ...). Keys compare exactly; a key in another casing is ECR408's. Every
/// later occurrence is reported at its key, naming the line of the first.
/// </summary>
public sealed class DuplicateKeyRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR411 };

    public override bool ChecksJsonText => true;

    public override void Analyze(PolicyContext context)
    {
        if (context.Policy.Root is null) return;
        var stack = new Stack<JsonNode>();
        stack.Push(context.Policy.Root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                {
                    var first = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
                    foreach (var p in obj.Properties)
                    {
                        if (first.TryGetValue(p.Name, out var earlier))
                        {
                            context.Report(RuleCatalog.ECR411, p.NameLocation,
                                $"The key `{p.Name}` is written twice in this object (first on line {earlier.NameLocation.Start.Line}): JSON readers disagree on which one wins, so what IAM enforces may not be what a reviewer reads; keep one and merge the other into it.");
                        }
                        else
                        {
                            first[p.Name] = p;
                        }

                        stack.Push(p.Value);
                    }

                    break;
                }

                case JsonArray array:
                    foreach (var item in array.Items) stack.Push(item);
                    break;
            }
        }
    }
}
