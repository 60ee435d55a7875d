using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR005: ECS on EC2 instances (EC2 launch type services and tasks, EC2 capacity) in a PrivateLink-reliant VPC
/// without all of <c>ecs</c>, <c>ecs-agent</c>, <c>ecs-telemetry</c> (F4). Never for Fargate, which needs none.
/// </summary>
public sealed class MissingEcsEndpointsRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR005 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        if (!vpc.Workloads.Any(w => w.LaunchType == LaunchType.Ec2)) return;
        var missing = EcsServices.Where(s => !Has(vpc, s)).ToList();
        if (missing.Count == 0 || !IsReliant(vpc) || !ShowsEcrUse(vpc)) return;

        var what = missing.Count == 1 ? $"the {List(missing)} endpoint" : $"the {List(missing)} endpoints";
        var names = List(missing.Select(s => SuggestedName(context, s)));
        var once = new Once();
        foreach (var w in vpc.Workloads)
        {
            if (w.LaunchType != LaunchType.Ec2 || !once.First(w.Location)) continue;
            context.Report(RuleCatalog.ECR005, w.Location,
                $"{Code(w.Name)} runs on EC2 instances in VPC {Code(vpc.Name)}, which lacks {what} while {RelianceReason(vpc)}: " +
                $"the ECS agent cannot register, receive tasks or report (F4). Add {names} as interface endpoints.",
                AddEndpoints(context, missing, EndpointType.Interface, RuleCatalog.ECR005.FixTitle!));
        }
    }
}
