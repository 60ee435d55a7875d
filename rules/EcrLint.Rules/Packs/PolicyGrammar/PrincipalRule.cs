using System;
using System.Collections.Generic;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR410: principals endpoint policies cannot use. Interface (ECR) endpoint policies take <c>"*"</c> or
/// <c>{"AWS": ...}</c> with 12-digit account IDs or well-formed IAM/STS ARNs; other principal types
/// (<c>Service</c>, <c>Federated</c>, <c>CanonicalUser</c>) and Principal strings other than <c>"*"</c> are
/// invalid. A gateway (S3) endpoint policy needs <c>"Principal": "*"</c> and restricts callers with an
/// <c>aws:PrincipalArn</c> condition (F31, F35).
/// </summary>
public sealed class PrincipalRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR410 };

    public override bool AppliesTo(PolicyKind kind) => kind.IsEndpointPolicy();

    private const string GatewayAdvice = "use \"Principal\": \"*\" and restrict callers with a condition such as \"ArnEquals\": {\"aws:PrincipalArn\": ...}";

    public override void Analyze(PolicyContext context)
    {
        var gateway = context.Kind == PolicyKind.S3Endpoint;
        foreach (var s in context.Policy.Statements)
        {
            foreach (var p in new[] { s.Principal, s.NotPrincipal })
            {
                if (p is null || p.IsWildcard) continue;
                if (p.Node is JsonString str)
                {
                    var advice = gateway ? GatewayAdvice : $"name principals as {{\"AWS\": \"{str.Value}\"}}";
                    context.Report(RuleCatalog.ECR410, p.Location,
                        $"The {p.ElementName} `{str.Value}` of statement {s.Label} is a string other than \"*\": as a string it takes only \"*\"; {advice}.");
                    continue;
                }

                if (p.Node is not null and not JsonObject) continue; // Wrong JSON type: ECR412.

                foreach (var entry in p.Entries)
                {
                    var type = entry.Key;
                    if (type != "AWS")
                    {
                        var keySpan = entry.Value.NameSpan;
                        var fixCase = string.Equals(type, "AWS", StringComparison.OrdinalIgnoreCase) ? " (principal types are case-sensitive: write \"AWS\")" : "";
                        var advice = gateway ? GatewayAdvice : "name IAM principals with \"AWS\", or use \"*\" with a condition";
                        context.Report(RuleCatalog.ECR410, new SourceLocation(entry.Value.Document, keySpan),
                            $"The principal type `{type}` in statement {s.Label} is not accepted in this {context.Kind.DisplayName()}{fixCase}: endpoint policies take \"*\" or \"AWS\" principals; {advice}.");
                        continue;
                    }

                    foreach (var v in entry.Value.Values)
                    {
                        if (!v.IsKnown || v.Value == "*") continue;
                        if (gateway)
                        {
                            context.Report(RuleCatalog.ECR410, v.Location,
                                $"The principal `{v.Value}` in statement {s.Label} is a specific principal in an S3 gateway endpoint policy: a gateway endpoint does not identify callers that way, so the statement does not do what it says; {GatewayAdvice}.");
                            continue;
                        }

                        var problem = Problem(v.Value, context);
                        if (problem is not null)
                        {
                            context.Report(RuleCatalog.ECR410, v.Location,
                                $"The principal `{v.Value}` in statement {s.Label} is invalid: {problem}. IAM rejects the policy (F35); write a 12-digit account ID or a well-formed IAM ARN such as `arn:aws:iam::111122223333:role/NAME`.");
                        }
                    }
                }
            }
        }
    }

    private static string? Problem(string value, PolicyContext context)
    {
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (ArnChecks.HasSubstitutionInFields(value)) return null;
            var problems = ArnChecks.PrincipalArnProblems(value, context.Iam);
            return problems.Count == 0 ? null : string.Join("; ", problems);
        }

        if (Arn.AllDigits(value)) return Arn.IsAccountId(value) ? null : ArnChecks.AccountProblem(value);
        if (IsUniqueId(value) || value.IndexOf("${", StringComparison.Ordinal) >= 0) return null;
        return "it is neither a 12-digit account ID nor an ARN";
    }

    /// <summary>IAM unique IDs (<c>AIDA...</c>, <c>AROA...</c>) that IAM writes for deleted principals.</summary>
    private static bool IsUniqueId(string value)
    {
        if (value.Length < 16 || value[0] != 'A') return false;
        foreach (var c in value)
        {
            if (!(c is >= 'A' and <= 'Z' or >= '0' and <= '9')) return false;
        }

        return true;
    }
}
