using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Json;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.CloudFormation;

/// <summary>
/// Suppressions written on resources: <c>Metadata: { ecrlint: { suppress: [ { id: ECR006, reason: "..." } ] } }</c>
/// suppresses that rule's findings located inside the resource. An entry that names no rule, or gives no
/// reason, suppresses nothing and is reported as an ECR400 at the entry (docs/templates.md).
/// </summary>
public static class TemplateSuppressions
{
    public static void Apply(CfnTemplate template, List<Finding> findings, LintContext context)
    {
        var problems = new List<Finding>();
        foreach (var r in template.Resources)
        {
            var ecrlint = r.Metadata?["ecrlint"];
            if (ecrlint is null) continue;
            var suppress = (ecrlint as JsonObject)?.Get("suppress");
            if (ecrlint is not JsonObject || suppress is null)
            {
                Problem(problems, context, ecrlint.Location, $"`Metadata.ecrlint` of `{r.LogicalId}` is not understood: write `suppress: [{{id: ECRnnn, reason: \"why\"}}]`.");
                continue;
            }

            var entries = suppress.Value switch
            {
                JsonArray a => a.Items.ToList(),
                JsonObject o => new List<JsonNode> { o },
                _ => null,
            };
            if (entries is null)
            {
                Problem(problems, context, suppress.Value.Location, $"`Metadata.ecrlint.suppress` of `{r.LogicalId}` is {suppress.Value.KindName}: it is a list of {{id, reason}} entries.");
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is not JsonObject e)
                {
                    Problem(problems, context, entry.Location, $"A suppression on `{r.LogicalId}` is {entry.KindName}: each entry is {{id: ECRnnn, reason: \"why\"}}.");
                    continue;
                }

                var idNode = e["id"];
                var id = (idNode as JsonString)?.Value?.Trim();
                var rule = id is null ? null : RuleCatalog.Find(id);
                if (rule is null)
                {
                    Problem(problems, context, (idNode ?? e).Location, id is null
                        ? $"A suppression on `{r.LogicalId}` has no rule `id`: it suppresses nothing; write {{id: ECRnnn, reason: \"why\"}}."
                        : $"The suppression `{id}` on `{r.LogicalId}` names no EcrLint rule: it suppresses nothing; use a rule ID such as `ECR006`.");
                    continue;
                }

                var reason = (e["reason"] as JsonString)?.Value?.Trim();
                if (string.IsNullOrEmpty(reason))
                {
                    Problem(problems, context, (idNode ?? e).Location,
                        $"The suppression of {rule.Id} on `{r.LogicalId}` has no `reason`: a suppression must say why; it suppresses nothing until it has one.");
                    continue;
                }

                foreach (var f in findings)
                {
                    if (f.IsSuppressed || f.Rule.Id != rule.Id) continue;
                    var (doc, span) = f.Location.Outer;
                    if (!ReferenceEquals(doc, template.Document) || !r.Span.Contains(span)) continue;
                    f.Suppression = new Suppression("metadata", reason!);
                }
            }
        }

        findings.AddRange(problems);
    }

    private static void Problem(List<Finding> problems, LintContext context, SourceLocation location, string message)
    {
        var severity = context.Severities.For(RuleCatalog.ECR400);
        if (severity == Severity.None) return;
        problems.Add(new Finding(RuleCatalog.ECR400, severity, message, location));
    }
}
