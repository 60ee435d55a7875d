using System;
using System.Collections.Generic;
using EcrLint.Endpoints;
using EcrLint.Fixes;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR006: an <c>ecr.dkr</c> endpoint with private DNS disabled, explicitly or by a default of false (F1, F15).
/// ECR007: the same for <c>ecr.api</c>, where it is optional but makes every client name the endpoint (F2).
/// </summary>
public sealed class PrivateDnsRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR006, RuleCatalog.ECR007 };

    public override void Analyze(EndpointContext context)
    {
        foreach (var e in context.Vpc.Endpoints)
        {
            // A gateway-typed ECR endpoint is ECR011's finding; private DNS means nothing there.
            if (IsNotInterface(e) || e.PrivateDns is not { Value: false } dns) continue;
            var service = ServiceOf(e);
            var how = dns.IsDefault ? "does not enable private DNS (the setting is omitted and defaults to false)" : "has private DNS disabled";
            var where = dns.Location ?? e.Location;
            if (service == EcrDkr)
            {
                context.Report(RuleCatalog.ECR006, where,
                    $"The {Describe(e)} {how}: docker resolves the registry host (`ACCOUNT.dkr.ecr.REGION.amazonaws.com`) to its public " +
                    "addresses and never uses the endpoint (F1). Enable private DNS.",
                    EnablePrivateDns(context, e, RuleCatalog.ECR006));
            }
            else if (service == EcrApi)
            {
                context.Report(RuleCatalog.ECR007, where,
                    $"The {Describe(e)} {how}: SDK and CLI calls to ECR go to the public endpoint unless each client passes " +
                    "`--endpoint-url https://VPCE_ID.api.ecr.REGION.vpce.amazonaws.com` (F2). Enable private DNS.",
                    EnablePrivateDns(context, e, RuleCatalog.ECR007));
            }
        }
    }

    private static Fix? EnablePrivateDns(EndpointContext context, EndpointModel e, RuleDescriptor rule)
    {
        if (context.Vpc.Fixer is not { } fixer) return null;
        try
        {
            return fixer.EnablePrivateDns(e, rule.FixTitle!);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
