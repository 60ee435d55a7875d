using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Rules;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR408: element names IAM does not know, at the top level (<c>Version</c>, <c>Id</c>, <c>Statement</c>) and in
/// statements (<c>Sid</c>, <c>Effect</c>, <c>Principal</c> ...). Names are case-sensitive (F38). The fix renames
/// the key when the intent is unambiguous (another casing, a plural, a unique near miss) and the new name is
/// not already in the object.
/// </summary>
public sealed class ElementNameRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR408 };

    public override bool ChecksJsonText => true;

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        if (policy.Root is null) return;
        CheckObject(context, policy.Root, topLevel: true, where: "the policy");
        foreach (var s in policy.Statements)
        {
            if (s.Node is not null) CheckObject(context, s.Node, topLevel: false, where: $"statement {s.Label}");
        }
    }

    private static void CheckObject(PolicyContext context, JsonObject obj, bool topLevel, string where)
    {
        var props = obj.Properties;
        var intended = props.Select(p => ElementNames.Intended(p.Name, topLevel)).ToList();
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            if (ElementNames.IsKnown(p.Name, topLevel)) continue;

            var target = intended[i];
            var name = "`" + p.Name + "`";
            if (target is null)
            {
                var misplaced = ElementNames.IsKnown(p.Name, !topLevel);
                var known = string.Join(", ", ElementNames.Known(topLevel));
                var message = misplaced
                    ? $"The element {name} in {where} belongs {(topLevel ? "inside a statement" : "at the top level of the policy")}: IAM rejects it here; move it."
                    : $"The element {name} in {where} is not a policy element: IAM rejects unknown elements; use one of {known}, or remove it.";
                context.Report(RuleCatalog.ECR408, p.NameLocation, message);
                continue;
            }

            var clash = props.Where((q, j) => j != i && (q.Name == target || intended[j] == target)).ToList();
            var how = string.Equals(p.Name, target, StringComparison.OrdinalIgnoreCase) ? "element names are case-sensitive" : "it is not a policy element";
            Fix? fix = null;
            string todo;
            if (clash.Count == 0)
            {
                fix = new Fix($"Rename to \"{target}\"", obj.Document, JsonEdits.RenameKey(p, target), "RenameElement");
                todo = $"rename it to \"{target}\"";
            }
            else
            {
                var other = clash[0];
                todo = $"it stands for \"{target}\", which {where} also has as `{other.Name}` (line {other.NameLocation.Start.Line}); merge the two";
            }

            context.Report(RuleCatalog.ECR408, p.NameLocation,
                $"The element {name} in {where} is not \"{target}\": {how}, and IAM rejects an unknown element; {todo}.",
                fix);
        }
    }
}
