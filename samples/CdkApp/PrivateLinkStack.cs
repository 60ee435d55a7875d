using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace CdkApp;

/// <summary>
/// The same Fargate service with a complete PrivateLink setup: ecr.api and ecr.dkr with private DNS, the S3 gateway
/// endpoint whose policy allows ECR's layer bucket, the logs endpoint for awslogs, and an image from a private ECR
/// repository. EcrLint reports nothing here.
/// </summary>
public sealed class PrivateLinkStack : Stack
{
    public PrivateLinkStack(Construct scope, string id)
        : base(scope, id, new StackProps { Env = new Amazon.CDK.Environment { Account = "210987654321", Region = "us-east-1" } })
    {
        var vpc = new Vpc(this, "Vpc", new VpcProps
        {
            NatGateways = 0,
            RestrictDefaultSecurityGroup = false,
            SubnetConfiguration = new[] { new SubnetConfiguration { Name = "Isolated", SubnetType = SubnetType.PRIVATE_ISOLATED } },
        });

        vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
        vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
        vpc.AddInterfaceEndpoint("Logs", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS });
        var s3 = vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });

        // Least privilege on the S3 gateway: only ECR's layer bucket of the stack's region.
        s3.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowEcrLayerDownloads",
            Principals = new IPrincipal[] { new AnyPrincipal() },
            Actions = new[] { "s3:GetObject" },
            Resources = new[] { "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" },
        }));

        var repository = Repository.FromRepositoryName(this, "Repository", "app");
        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
        var task = new FargateTaskDefinition(this, "Task");
        task.AddContainer("Web", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromEcrRepository(repository, "1.0.0"),
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "web" }),
        });
        new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task });
    }
}
