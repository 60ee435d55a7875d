using System.Linq;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace CdkApp;

/// <summary>
/// A Fargate service in a VPC without NAT gateways whose PrivateLink setup is wrong in several ways. Each defect is
/// marked with the rule that reports it (README.md lists what the build and the command line print).
/// </summary>
public sealed class BrokenPrivateLinkStack : Stack
{
    /// <summary>The ecr.api endpoint's policy, as JSON: a misspelled pull action (ECR201) and not the ecr.dkr endpoint's policy (ECR016).</summary>
    private const string EcrApiPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "AllowPull",
              "Effect": "Allow",
              "Principal": "*",
              "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayers", "ecr:GetAuthorizationToken"],
              "Resource": "*"
            }
          ]
        }
        """;

    public BrokenPrivateLinkStack(Construct scope, string id)
        : base(scope, id, new StackProps { Env = new Amazon.CDK.Environment { Account = "210987654321", Region = "us-east-1" } })
    {
        // No NAT gateway and only isolated subnets: every pull goes through the endpoints. No S3 gateway endpoint (ECR003).
        var vpc = new Vpc(this, "Vpc", new VpcProps
        {
            NatGateways = 0,
            RestrictDefaultSecurityGroup = false,
            SubnetConfiguration = new[] { new SubnetConfiguration { Name = "Isolated", SubnetType = SubnetType.PRIVATE_ISOLATED } },
        });

        // Private DNS off: docker resolves the registry to its public address and never uses the endpoint (ECR006).
        var docker = vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions
        {
            Service = InterfaceVpcEndpointAwsService.ECR_DOCKER,
            PrivateDnsEnabled = false,
        });

        // Part of the pull set only: no ecr:GetAuthorizationToken (ECR202).
        docker.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowPull",
            Principals = new IPrincipal[] { new AnyPrincipal() },
            Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer" },
            Resources = new[] { "arn:aws:ecr:us-east-1:210987654321:repository/app" },
        }));

        new CfnVPCEndpoint(this, "EcrApi", new CfnVPCEndpointProps
        {
            VpcId = vpc.VpcId,
            ServiceName = "com.amazonaws.us-east-1.ecr.api",
            VpcEndpointType = "Interface",
            PrivateDnsEnabled = true,
            SubnetIds = vpc.IsolatedSubnets.Select(s => s.SubnetId).ToArray(),
            SecurityGroupIds = new[] { docker.Connections.SecurityGroups[0].SecurityGroupId },
            PolicyDocument = PolicyJson.Parse(EcrApiPolicy),
        });

        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
        var task = new FargateTaskDefinition(this, "Task");
        task.AddContainer("Web", new ContainerDefinitionOptions
        {
            // An ECR Public image: a pull-through cache rule would keep it inside the VPC (ECR014).
            Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27"),
            // awslogs without a logs endpoint: the task cannot send its logs (ECR004).
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "web" }),
        });
        new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task });
    }
}
