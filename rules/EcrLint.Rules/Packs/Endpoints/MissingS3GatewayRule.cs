using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Rules;
using static EcrLint.Packs.Endpoints.EndpointFacts;

namespace EcrLint.Packs.Endpoints;

/// <summary>
/// ECR003: a VPC with ECR endpoints and no S3 gateway endpoint (F3). Layers are downloaded from S3 after the
/// manifest comes from ECR; an S3 interface endpoint does not serve them.
/// </summary>
public sealed class MissingS3GatewayRule : EndpointRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR003 };

    public override void Analyze(EndpointContext context)
    {
        var vpc = context.Vpc;
        if (!HasEcrEndpoint(vpc) || HasS3Gateway(vpc)) return;

        var s3Interface = OfService(vpc, S3).FirstOrDefault(IsInterface);
        var ecr = FirstEcrEndpoint(vpc)!;
        var related = new List<RelatedLocation> { new(ecr.Location, "the " + Describe(ecr)) };
        var note = "";
        if (s3Interface is not null)
        {
            note = $"; the S3 interface endpoint {Code(s3Interface.Name)} does not count, the layer downloads need the gateway endpoint on the route tables";
            related.Add(new RelatedLocation(s3Interface.Location, "the S3 interface endpoint " + Code(s3Interface.Name)));
        }

        context.Report(RuleCatalog.ECR003, vpc.Location,
            $"VPC {Code(vpc.Name)} has ECR endpoints but no S3 gateway endpoint: image layers are downloaded from S3, so pulls fail " +
            $"after the manifest (F3){note}. Add the {Code(SuggestedName(context, S3))} gateway endpoint on the private subnets' route tables.",
            AddEndpoints(context, new[] { S3 }, EndpointType.Gateway, RuleCatalog.ECR003.FixTitle!),
            related);
    }
}
