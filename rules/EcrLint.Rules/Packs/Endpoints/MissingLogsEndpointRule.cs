using System.Collections.Generic;
using EcrLint.Endpoints;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>ECR004: tasks with the <c>awslogs</c> log driver in a PrivateLink-reliant VPC without a <c>logs</c> endpoint (F6).</summary>
public sealed class MissingLogsEndpointRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR004 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        if (Has(vpc, Logs) || !IsReliant(vpc) || !ShowsEcrUse(vpc)) return;
        var once = new Once();
        foreach (var w in vpc.Workloads)
        {
            if (w.AwsLogs is not { } where || !once.First(where)) continue;
            context.Report(RuleCatalog.ECR004, where,
                $"{Code(w.Name)} sends its logs with the `awslogs` driver, but VPC {Code(vpc.Name)} has no `logs` endpoint while " +
                $"{RelianceReason(vpc)}: CloudWatch Logs cannot be reached (F6). Add the {Code(SuggestedName(context, Logs))} interface endpoint.",
                AddEndpoints(context, new[] { Logs }, EndpointType.Interface, RuleCatalog.ECR004.FixTitle!));
        }
    }
}
