using System;
using System.Collections.Generic;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR406: malformed ARNs in Resource/NotResource, in the values of ARN conditions (<c>Arn*</c> operators and
/// keys such as <c>aws:SourceArn</c>, <c>aws:PrincipalArn</c>), and in the <c>AWS</c> principals of policies that
/// are not endpoint policies (ECR410 checks those). Each finding names the bad fields: field count, partition,
/// region, account (F35), S3 bucket/object ARNs with a region or account, ECR ARNs without <c>repository/</c>.
/// ARNs of the ECR layer bucket are ECR103's; <c>"*"</c> is not an ARN to check.
/// </summary>
public sealed class ArnRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR406 };

    public override void Analyze(PolicyContext context)
    {
        foreach (var s in context.Policy.Statements)
        {
            foreach (var list in new[] { s.Resource, s.NotResource })
            {
                if (list is null) continue;
                foreach (var v in list.Values)
                {
                    // A deletion guard's resource that is not a repository ARN is ECR302's finding (with its fix).
                    if (Packs.DeleteGuard.DeleteGuards.IsReportedAsGuardResource(context, s, v)) continue;
                    Check(context, v, list.ElementName, requireArn: true);
                }
            }

            foreach (var test in s.Conditions)
            {
                if (!IsArnCondition(test)) continue;
                foreach (var v in test.Values.Values) Check(context, v, $"condition `{test.Key.Value}`", requireArn: false);
            }

            if (context.Kind.IsEndpointPolicy()) continue;
            foreach (var p in new[] { s.Principal, s.NotPrincipal })
            {
                if (p is null) continue;
                foreach (var entry in p.Entries)
                {
                    if (entry.Key != "AWS") continue;
                    foreach (var v in entry.Value.Values) Check(context, v, p.ElementName, requireArn: false);
                }
            }
        }
    }

    /// <summary>An operator that compares ARNs, or a key whose values are ARNs (<c>aws:SourceArn</c>, <c>logs:LogGeneratingResourceArns</c>).</summary>
    public static bool IsArnCondition(ConditionTest test)
    {
        var op = test.Operator.Value;
        var colon = op.IndexOf(':');
        var baseOp = colon >= 0 ? op.Substring(colon + 1) : op;
        if (baseOp.StartsWith("Arn", StringComparison.Ordinal)) return true;
        var key = test.Key.Value;
        if (baseOp.StartsWith("Null", StringComparison.Ordinal) || baseOp.StartsWith("Bool", StringComparison.Ordinal)) return false;
        return key.EndsWith("Arn", StringComparison.OrdinalIgnoreCase) || key.EndsWith("Arns", StringComparison.OrdinalIgnoreCase);
    }

    private static void Check(PolicyContext context, PolicyValue v, string where, bool requireArn)
    {
        var text = v.Value;
        if (!v.IsKnown || text == "*" || Arn.MentionsStarport(text)) return;

        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (!requireArn || text.IndexOf("${", StringComparison.Ordinal) >= 0) return;
            var hint = text.StartsWith("arn:", StringComparison.OrdinalIgnoreCase)
                ? "ARNs start with lower-case `arn:`"
                : "it takes \"*\" or ARNs (`arn:partition:service:region:account:resource`)";
            context.Report(RuleCatalog.ECR406, v.Location,
                $"The {where} value `{text}` is not an ARN: {hint}; write the full ARN.");
            return;
        }

        if (ArnChecks.HasSubstitutionInFields(text)) return;
        var problems = ArnChecks.ResourceArnProblems(text, context.Iam);
        if (problems.Count == 0) return;
        context.Report(RuleCatalog.ECR406, v.Location,
            $"The ARN `{text}` is malformed: {string.Join("; ", problems)}. IAM rejects the policy or the ARN matches nothing; correct the ARN.");
    }
}
