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
        // Without LINQ: this runs for every policy the analyzers build in C#.
        var any = false;
        var allS3 = true;
        var anyEcr = false;
        foreach (var s in policy.Statements)
        {
            Scan(s.Action, ref any, ref allS3, ref anyEcr);
            Scan(s.NotAction, ref any, ref allS3, ref anyEcr);
        }

        if (any && allS3) return PolicyKind.S3Endpoint;
        if (anyEcr) return PolicyKind.EcrEndpoint;
        foreach (var s in policy.Statements)
        {
            if (AnyEcrRepository(s.Resource) || AnyEcrRepository(s.NotResource)) return PolicyKind.EcrEndpoint;
        }

        return PolicyKind.Generic;

        static void Scan(PolicyValueList? list, ref bool any, ref bool allS3, ref bool anyEcr)
        {
            if (list is null) return;
            foreach (var v in list.Values)
            {
                var a = v.Value.Trim();
                any = true;
                if (!a.StartsWith("s3:", StringComparison.OrdinalIgnoreCase)) allS3 = false;
                if (a.StartsWith("ecr:", StringComparison.OrdinalIgnoreCase)) anyEcr = true;
            }
        }

        static bool AnyEcrRepository(PolicyValueList? list)
        {
            if (list is null) return false;
            foreach (var v in list.Values)
            {
                if (IsEcrRepositoryArn(v.Value)) return true;
            }

            return false;
        }
    }

    public static bool IsEcrRepositoryArn(string value)
    {
        var parts = value.Split(new[] { ':' }, 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "ecr" && parts[5].StartsWith("repository/", StringComparison.Ordinal);
    }
}
