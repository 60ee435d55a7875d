using EcrLint.CodeFixes;

namespace EcrLint.Analyzers.Tests.CodeFixes;

/// <summary>ECR001-ECR005: the missing endpoints are added next to the VPC's existing ones, in their style.</summary>
public class AddEndpointCodeFixTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        """;

    private static string Stack(string body) => Usings + $$"""
        class AppStack : Stack
        {
            AppStack(Construct scope) : base(scope, "App", new StackProps { Env = new Amazon.CDK.Environment { Region = "us-east-1" } })
            {
        {{body}}
            }
        }
        """;

    private static Task Verify(string source, string fixedSource, string? key = null, int? iterations = null) =>
        CodeFixVerify.FixAsync<EndpointAnalyzer, AddEndpointCodeFixProvider>(source, fixedSource, key, iterations);

    [Fact]
    public Task ECR002_adds_ecr_api_after_the_last_endpoint_with_the_VPC_method() => Verify(Stack("""
                var {|ECR002:vpc|} = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
                var name = "next";
        """), Stack("""
                var vpc = new Vpc(this, "Vpc", new VpcProps { NatGateways = 0 });
                vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR_DOCKER });
                vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
                vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });
                var name = "next";
        """));
}
