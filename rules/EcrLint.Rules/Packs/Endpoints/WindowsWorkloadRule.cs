using System.Collections.Generic;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR503 (pack <c>windows</c>): Windows containers (OS family <c>WINDOWS_SERVER_*</c>) in a PrivateLink-reliant
/// VPC: their foreign base layers come from Microsoft unless they were pushed to ECR (F20).
/// </summary>
public sealed class WindowsWorkloadRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR503 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        if (!IsReliant(vpc)) return;
        var once = new Once();
        foreach (var w in vpc.Workloads)
        {
            if (!w.IsWindows) continue;
            var where = w.OperatingSystemFamily?.Location ?? w.Location;
            if (!once.First(where)) continue;
            var reach = NoInternetPath(vpc) ? "which this VPC cannot reach" : "which the endpoints do not serve";
            context.Report(RuleCatalog.ECR503, where,
                $"{Code(w.Name)} runs Windows containers ({Code(w.OperatingSystemFamily?.Value)}) in VPC {Code(vpc.Name)} while {RelianceReason(vpc)}: " +
                $"Windows base layers are foreign layers: unless they were pushed to ECR, they are pulled from Microsoft's infrastructure, {reach} (F20). " +
                "Push the base layers to your ECR repository along with the image.");
        }
    }
}
