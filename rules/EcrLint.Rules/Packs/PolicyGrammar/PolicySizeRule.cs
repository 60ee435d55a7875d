using System.Collections.Generic;
using System.Globalization;
using EcrLint.Engine;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR409: an endpoint policy longer than 20,480 characters, whitespace included (F31). The policy's own text
/// is counted (the root object from its opening to its closing brace), not the file around it.
/// </summary>
public sealed class PolicySizeRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR409 };

    public override bool ChecksJsonText => true;

    public override bool AppliesTo(PolicyKind kind) => kind.IsEndpointPolicy();

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        var length = policy.Span.Length;
        if (length <= Linter.MaxEndpointPolicyLength) return;
        var size = length.ToString("N0", CultureInfo.InvariantCulture);
        var max = Linter.MaxEndpointPolicyLength.ToString("N0", CultureInfo.InvariantCulture);
        context.Report(RuleCatalog.ECR409, new SourceLocation(policy.Document, new TextSpan(policy.Span.Start, System.Math.Min(1, length))),
            $"The {context.Kind.DisplayName()} is {size} characters long: AWS rejects endpoint policies over {max} characters, whitespace included (F31); remove indentation and merge statements, or move grants into identity policies.");
    }
}
