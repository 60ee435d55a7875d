using System.Collections.Generic;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR404: a policy without statements; a statement without Effect, Action/NotAction or Resource/NotResource;
/// an endpoint policy statement without Principal/NotPrincipal (F31); an identity policy statement with one;
/// a statement with both an element and its Not form. An element that is present under a wrong name
/// (<c>effect</c>, <c>Actions</c>) is ECR408's finding, not a missing one here, while ECR408 is on.
/// </summary>
public sealed class RequiredElementsRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR404 };

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        var misnamedReported = context.IsEnabled(RuleCatalog.ECR408);

        if (policy.StatementNode is null && policy.Statements.Count == 0 && !policy.HasUnknownStatements)
        {
            if (!(misnamedReported && ElementNames.HasMisnamed(policy.Root, "Statement", topLevel: true)))
            {
                context.Report(RuleCatalog.ECR404, new SourceLocation(policy.Document, new TextSpan(policy.Span.Start, System.Math.Min(1, policy.Span.Length))),
                    "The policy has no \"Statement\": a policy without statements is rejected (an endpoint policy must grant something, F31); add a \"Statement\" list.");
            }

            return;
        }

        if (policy.StatementNode is JsonArray { Items.Count: 0 } empty)
        {
            context.Report(RuleCatalog.ECR404, empty.Location,
                "The \"Statement\" list is empty: IAM rejects a policy without statements (and an empty endpoint policy denies everything, F31); add a statement.");
            return;
        }

        foreach (var s in policy.Statements) AnalyzeStatement(context, s, misnamedReported);
    }

    private static void AnalyzeStatement(PolicyContext context, PolicyStatement s, bool misnamedReported)
    {
        var kind = context.Kind;
        var missing = new List<string>();

        bool Misnamed(string element) => misnamedReported && ElementNames.HasMisnamed(s.Node, element, topLevel: false);

        if (s.Effect == StatementEffect.Missing && s.EffectValue is null && !Misnamed("Effect"))
            missing.Add("\"Effect\"");
        if (s.Action is null && s.NotAction is null && !Misnamed("Action") && !Misnamed("NotAction"))
            missing.Add("\"Action\" (or \"NotAction\")");
        if (s.Resource is null && s.NotResource is null && !Misnamed("Resource") && !Misnamed("NotResource"))
            missing.Add("\"Resource\" (or \"NotResource\")");
        if (kind.IsEndpointPolicy() && s.Principal is null && s.NotPrincipal is null && !Misnamed("Principal") && !Misnamed("NotPrincipal"))
            missing.Add("\"Principal\" (or \"NotPrincipal\")");

        if (missing.Count > 0)
        {
            var list = missing.Count == 1 ? missing[0] : string.Join(", ", missing.GetRange(0, missing.Count - 1)) + " and " + missing[missing.Count - 1];
            var why = missing.Count == 1 && missing[0].StartsWith("\"Principal\"", System.StringComparison.Ordinal)
                ? $"an endpoint policy is a resource policy and each of its statements must name who it applies to (F31); add \"Principal\": \"*\" or {{\"AWS\": ...}}"
                : missing.Count == 1 ? "IAM rejects a statement without it; add it" : "IAM rejects a statement without them; add them";
            context.Report(RuleCatalog.ECR404, StatementStart(s),
                $"Statement {s.Label} (line {s.Line}) has no {list}: {why}.");
        }

        Both(context, s, "Action", s.Action?.NameSpan, "NotAction", s.NotAction?.NameSpan);
        Both(context, s, "Resource", s.Resource?.NameSpan, "NotResource", s.NotResource?.NameSpan);
        Both(context, s, "Principal", s.Principal?.NameSpan, "NotPrincipal", s.NotPrincipal?.NameSpan);

        if (kind == PolicyKind.Identity)
        {
            foreach (var p in new[] { s.Principal, s.NotPrincipal })
            {
                if (p is null) continue;
                context.Report(RuleCatalog.ECR404, new SourceLocation(p.Document, p.NameSpan),
                    $"Statement {s.Label} of an identity policy has \"{p.ElementName}\": an identity policy applies to the user, group or role it is attached to, and IAM rejects a Principal in it; remove \"{p.ElementName}\" (or lint the file as a resource or endpoint policy).");
            }
        }
    }

    private static void Both(PolicyContext context, PolicyStatement s, string element, TextSpan? elementSpan, string notElement, TextSpan? notSpan)
    {
        if (elementSpan is null || notSpan is null) return;
        context.Report(RuleCatalog.ECR404, new SourceLocation(s.Document, notSpan.Value),
            $"Statement {s.Label} (line {s.Line}) has both \"{element}\" and \"{notElement}\": IAM rejects a statement with both; keep one of them.");
    }

    private static SourceLocation StatementStart(PolicyStatement s) =>
        new(s.Document, new TextSpan(s.Span.Start, System.Math.Min(1, s.Span.Length)));
}
