using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR016: the <c>ecr.api</c> and <c>ecr.dkr</c> endpoints of one VPC carry different policies (F32). An endpoint
/// without a policy has the full-access default (F31), so an explicit full-access policy equals none. A policy whose
/// content cannot be known (computed, unreadable) is never compared.
/// </summary>
public sealed class EndpointPolicyConsistencyRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR016 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        var api = OfService(vpc, EcrApi).FirstOrDefault();
        if (api is null || Key(api) is not { } apiKey) return;
        foreach (var dkr in OfService(vpc, EcrDkr))
        {
            if (Key(dkr) is not { } dkrKey || dkrKey == apiKey) continue;
            var dkrHas = dkr.PolicyLocation is not null;
            var apiHas = api.PolicyLocation is not null;
            var what = dkrHas && apiHas ? $"the {Describe(dkr)} and the {Describe(api)} carry different policies"
                : dkrHas ? $"the {Describe(dkr)} has a policy but the {Describe(api)} has none (full access by default)"
                : $"the {Describe(api)} has a policy but the {Describe(dkr)} has none (full access by default)";
            context.Report(RuleCatalog.ECR016, Where(dkr),
                $"In VPC {Code(vpc.Name)}, {what}: a pull goes through both, and AWS recommends one policy attached to both ECR endpoints (F32). " +
                "Attach the same policy to both.",
                related: new[] { new RelatedLocation(Where(api), "the " + Describe(api)) });
        }
    }

    /// <summary>The policy's anchor (its <c>Statement</c> key, as the policy rules use), else where it is attached, else the endpoint.</summary>
    private static SourceLocation Where(EndpointModel e) => e.Policy?.AnchorLocation ?? e.PolicyLocation ?? e.Location;

    private const string FullAccess = "\u0001full-access";

    /// <summary>What the policy is, for comparing: its fingerprint; none and the full-access default alike; null when not knowable.</summary>
    private static string? Key(EndpointModel e)
    {
        if (e.PolicyUnknown) return null;
        if (e.PolicyLocation is null) return FullAccess;
        if (e.Policy is { } p && IsFullAccess(p)) return FullAccess;
        return e.PolicyFingerprint;
    }

    /// <summary><c>{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}</c>, the default (F31).</summary>
    internal static bool IsFullAccess(PolicyDocument p)
    {
        if (p.HasUnknownStatements || p.Statements.Count != 1) return false;
        var s = p.Statements[0];
        return s.Effect == StatementEffect.Allow && s.Principal is { MatchesEveryone: true, IsUnknown: false } && s.NotPrincipal is null
            && IsStar(s.Action) && s.NotAction is null && IsStar(s.Resource) && s.NotResource is null
            && s.Conditions.Count == 0 && s.ConditionSpan is null && !s.HasUnknownConditions;
    }

    private static bool IsStar(PolicyValueList? list) =>
        list is not null && !list.HasUnknownValues && list.Values.Count > 0 && list.Values.All(v => v.IsKnown && v.Value == "*");
}
