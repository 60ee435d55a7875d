using System;
using System.Collections.Generic;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.EcrActions;

/// <summary>
/// ECR206: <c>ecr-public:</c> actions in an ECR endpoint policy. The ECR interface endpoints do not serve Amazon
/// ECR Public (F9), so the entry has no effect there and suggests a path that does not exist.
/// </summary>
public sealed class EcrPublicActionRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR206 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.EcrEndpoint;

    public override void Analyze(PolicyContext context)
    {
        foreach (var s in context.Policy.Statements)
        {
            foreach (var value in ActionText.ActionValues(s))
            {
                if (!string.Equals(ActionText.ServiceOf(value.Value), "ecr-public", StringComparison.OrdinalIgnoreCase)) continue;
                context.Report(RuleCatalog.ECR206, value.Location,
                    $"`{value.Value.Trim()}` has no effect in an ECR endpoint policy: the ECR interface endpoints do not serve Amazon ECR Public (F9), so public images cannot be pulled through them; remove it, and host the public image in a private repository with a pull-through cache rule.");
            }
        }
    }
}
