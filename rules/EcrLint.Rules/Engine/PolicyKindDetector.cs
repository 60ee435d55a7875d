using System;
using System.Linq;
using EcrLint.Policy;

namespace EcrLint.Engine;

/// <summary>
/// The kind of a policy from its content (rules.md): all actions <c>s3:</c> = S3 endpoint policy; <c>ecr:</c>
/// actions or ECR repository ARNs = ECR endpoint policy; otherwise generic. An endpoint policy must name a
/// Principal (F31): a policy whose statements name none is an identity policy (a task role's policy that pulls
/// from ECR), not an endpoint policy.
/// </summary>
public static class PolicyKindDetector
{
    public static PolicyKind Detect(PolicyDocument policy)
    {
        var kind = DetectByActions(policy);
        if (kind.IsEndpointPolicy() && policy.Statements.Count > 0 && policy.Statements.All(s => s.Principal is null && s.NotPrincipal is null))
            return PolicyKind.Identity;
        return kind;
    }

    private static PolicyKind DetectByActions(PolicyDocument policy)
    {
        var actions = policy.Statements.SelectMany(s => (s.Action?.Values ?? Enumerable.Empty<PolicyValue>()).Concat(s.NotAction?.Values ?? Enumerable.Empty<PolicyValue>()))
            .Select(v => v.Value.Trim())
            .ToList();
        if (actions.Count > 0 && actions.All(a => a.StartsWith("s3:", StringComparison.OrdinalIgnoreCase))) return PolicyKind.S3Endpoint;
        if (actions.Any(a => a.StartsWith("ecr:", StringComparison.OrdinalIgnoreCase))) return PolicyKind.EcrEndpoint;
        var resources = policy.Statements.SelectMany(s => (s.Resource?.Values ?? Enumerable.Empty<PolicyValue>()).Concat(s.NotResource?.Values ?? Enumerable.Empty<PolicyValue>()));
        if (resources.Any(r => IsEcrRepositoryArn(r.Value))) return PolicyKind.EcrEndpoint;
        return PolicyKind.Generic;
    }

    public static bool IsEcrRepositoryArn(string value)
    {
        var parts = value.Split(new[] { ':' }, 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "ecr" && parts[5].StartsWith("repository/", StringComparison.Ordinal);
    }
}
