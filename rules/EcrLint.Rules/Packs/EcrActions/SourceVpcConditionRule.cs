using System;
using System.Collections.Generic;
using EcrLint.Evaluation;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.EcrActions;

/// <summary>
/// ECR207: a condition on <c>aws:SourceVpc</c> or <c>aws:SourceVpce</c> that applies to
/// <c>ecr:GetAuthorizationToken</c>. Fargate calls it through an AWS-owned network interface, so the request
/// carries neither key (F37). Reported when the key's absence breaks the call: an Allow whose condition fails
/// without the key, or a Deny whose condition holds without it (<c>StringNotEquals</c> and the like).
/// </summary>
public sealed class SourceVpcConditionRule : PolicyRule
{
    private static readonly string[] Keys = { "aws:SourceVpc", "aws:SourceVpce" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR207 };

    /// <summary>
    /// Identity and generic policies only: a token call made outside the VPC does not pass through the ECR
    /// endpoint, so an endpoint policy's condition is never evaluated for it and cannot break it.
    /// </summary>
    public override bool AppliesTo(PolicyKind kind) => !kind.IsEndpointPolicy();

    public override void Analyze(PolicyContext context)
    {
        var variables = context.Policy.HasCurrentVersion;
        foreach (var s in context.Policy.Statements)
        {
            if (s.Effect is not (StatementEffect.Allow or StatementEffect.Deny) || s.Conditions.Count == 0) continue;
            if (PolicyEvaluator.MatchAction(s, ActionText.GetAuthorizationToken) != Truth.True) continue;
            foreach (var test in s.Conditions)
            {
                var key = Array.Find(Keys, k => string.Equals(k, test.Key.Value, StringComparison.OrdinalIgnoreCase));
                if (key is null) continue;

                // The Fargate request: the key is absent.
                var request = new EvaluationRequest(RequestPrincipal.Anyone, ActionText.GetAuthorizationToken, "*").With(test.Key.Value, ContextValue.Absent);
                var holds = PolicyEvaluator.EvaluateCondition(test, request, variables, out _);
                var allow = s.Effect == StatementEffect.Allow;
                if (allow ? holds != Truth.False : holds != Truth.True) continue;

                var effect = allow
                    ? $"so the condition fails and {s.Describe()} does not allow the call"
                    : $"so the condition holds and {s.Describe()} denies the call";
                context.Report(RuleCatalog.ECR207, test.Key.Location,
                    $"The condition on `{test.Key.Value}` applies to ecr:GetAuthorizationToken, which Fargate tasks call through an AWS-owned network interface outside the VPC: that request carries no {key} (F37), {effect} and image pulls fail; move ecr:GetAuthorizationToken to a statement without this condition.");
            }
        }
    }
}
