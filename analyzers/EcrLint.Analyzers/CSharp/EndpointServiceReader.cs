using System;
using EcrLint.Endpoints;
using EcrLint.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EcrLint.Analyzers.CSharp;

/// <summary>What C# code says about an endpoint's service.</summary>
internal sealed class ServiceInfo
{
    /// <summary>The full service name when written (<c>com.amazonaws.us-east-1.ecr.dkr</c>); null for a typed CDK service.</summary>
    public string? Name { get; init; }

    /// <summary>The service, when known (from a typed CDK member, a parsed name, or a name whose region is computed).</summary>
    public EndpointService? Service { get; init; }

    /// <summary>A custom CDK <c>InterfaceVpcEndpointService</c>: private DNS defaults to false (F15).</summary>
    public bool IsCustomCdkService { get; init; }

    /// <summary>A <c>GatewayVpcEndpointAwsService</c>.</summary>
    public bool IsGatewayService { get; init; }

    /// <summary>The expression that names the service.</summary>
    public IOperation? Operation { get; init; }

    /// <summary>True when the expression is a constant string written in the code (for ECR010's correction).</summary>
    public bool IsLiteral { get; init; }

    /// <summary>The policy kind an endpoint policy of this service has (rules.md: "the kind comes from the endpoint's service").</summary>
    public PolicyKind? PolicyKind => Service is null ? null
        : Service.IsEcr ? EcrLint.Policy.PolicyKind.EcrEndpoint
        : Service.IsS3 ? EcrLint.Policy.PolicyKind.S3Endpoint
        : EcrLint.Policy.PolicyKind.Generic;
}

/// <summary>Reads an endpoint's service from CDK service objects (F15) and service name strings (L1, SDK).</summary>
internal static class EndpointServiceReader
{
    /// <summary>The service of a CDK <c>Service</c> property value (an <c>IInterfaceVpcEndpointService</c>/<c>IGatewayVpcEndpointService</c>).</summary>
    public static ServiceInfo? ReadCdkService(IOperation? value, AwsSymbols symbols)
    {
        if (value is null) return null;
        var op = Ops.Unwrap(value);
        switch (op)
        {
            case IMemberReferenceOperation { Member.IsStatic: true } member when AwsSymbols.Is(member.Member.ContainingType, symbols.InterfaceVpcEndpointAwsService):
            {
                var service = AwsServiceName(member.Member.Name);
                return new ServiceInfo { Service = service is null ? null : new EndpointService("com.amazonaws", null, service), Operation = op };
            }

            case IMemberReferenceOperation { Member.IsStatic: true } member when AwsSymbols.Is(member.Member.ContainingType, symbols.GatewayVpcEndpointAwsService):
            {
                var service = member.Member.Name switch
                {
                    "S3" => "s3",
                    "DYNAMODB" => "dynamodb",
                    "S3_EXPRESS" => "s3express",
                    _ => null,
                };
                return new ServiceInfo { Service = service is null ? null : new EndpointService("com.amazonaws", null, service), IsGatewayService = true, Operation = op };
            }

            case IObjectCreationOperation creation when AwsSymbols.Is(creation.Type, symbols.InterfaceVpcEndpointAwsService):
            {
                // new InterfaceVpcEndpointAwsService("ecr.dkr", prefix?, port?, props?): the short name.
                var name = Ops.ConstantString(Ops.Argument(creation.Arguments, 0));
                return new ServiceInfo { Service = name is null ? null : new EndpointService("com.amazonaws", null, name), Operation = op };
            }

            case IObjectCreationOperation creation when AwsSymbols.Is(creation.Type, symbols.GatewayVpcEndpointAwsService):
            {
                var name = Ops.ConstantString(Ops.Argument(creation.Arguments, 0));
                return new ServiceInfo { Service = name is null ? null : new EndpointService("com.amazonaws", null, name), IsGatewayService = true, Operation = op };
            }

            case IObjectCreationOperation creation when AwsSymbols.Is(creation.Type, symbols.InterfaceVpcEndpointService):
            {
                // A custom service: the full name, and private DNS off unless set (F15).
                var nameOp = Ops.Argument(creation.Arguments, 0);
                var info = nameOp is null ? null : ReadServiceName(nameOp);
                return new ServiceInfo
                {
                    Name = info?.Name,
                    Service = info?.Service,
                    IsLiteral = info?.IsLiteral ?? false,
                    IsCustomCdkService = true,
                    Operation = nameOp ?? op,
                };
            }

            default:
                return null;
        }
    }

    /// <summary>
    /// The service of a service name string (<c>CfnVPCEndpointProps.ServiceName</c>, <c>CreateVpcEndpointRequest.ServiceName</c>,
    /// the name of a custom CDK service). A name whose region is computed (<c>$"com.amazonaws.{Region}.ecr.dkr"</c>)
    /// still tells the service.
    /// </summary>
    public static ServiceInfo? ReadServiceName(IOperation? value)
    {
        if (value is null) return null;
        var op = Ops.Unwrap(value);
        var constant = Ops.ConstantString(op) ?? Ops.ConstantString(value);
        if (constant is not null)
            return new ServiceInfo { Name = constant, Service = EndpointService.TryParse(constant), Operation = op, IsLiteral = true };

        var tail = Tail(op);
        if (tail is null) return new ServiceInfo { Operation = op };
        // "com.amazonaws." + region + ".ecr.dkr": the text after the last computed part names the service.
        var service = tail.StartsWith(".", StringComparison.Ordinal) ? tail.Substring(1) : null;
        if (service is null || service.Length == 0) return new ServiceInfo { Operation = op };
        var prefix = Head(op) is { } head && head.StartsWith("cn.com.amazonaws", StringComparison.Ordinal) ? "cn.com.amazonaws"
            : Head(op) is { } h2 && h2.StartsWith("eu.amazonaws", StringComparison.Ordinal) ? "eu.amazonaws" : "com.amazonaws";
        return new ServiceInfo { Service = new EndpointService(prefix, null, service), Operation = op };
    }

    /// <summary>The constant text at the end of an interpolation or concatenation.</summary>
    private static string? Tail(IOperation op)
    {
        switch (op)
        {
            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                return interpolated.Parts[interpolated.Parts.Length - 1] is IInterpolatedStringTextOperation text ? Ops.ConstantString(text.Text) : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return Ops.ConstantString(binary.RightOperand) ?? Ops.ConstantString(Ops.Unwrap(binary.RightOperand));
            default:
                return null;
        }
    }

    private static string? Head(IOperation op)
    {
        switch (op)
        {
            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                return interpolated.Parts[0] is IInterpolatedStringTextOperation text ? Ops.ConstantString(text.Text) : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
            {
                var left = Ops.Unwrap(binary.LeftOperand);
                return Ops.ConstantString(left) ?? Head(left);
            }

            default:
                return null;
        }
    }

    /// <summary>The service suffix of an <c>InterfaceVpcEndpointAwsService</c> member (F15).</summary>
    public static string? AwsServiceName(string member) => member switch
    {
        "ECR" => "ecr.api",
        "ECR_DOCKER" => "ecr.dkr",
        "CLOUDWATCH_LOGS" => "logs",
        "ECS" => "ecs",
        "ECS_AGENT" => "ecs-agent",
        "ECS_TELEMETRY" => "ecs-telemetry",
        "S3" => "s3",
        "STS" => "sts",
        "SSM" => "ssm",
        "SECRETS_MANAGER" => "secretsmanager",
        "KMS" => "kms",
        _ => member.Length == 0 ? null : member.ToLowerInvariant().Replace('_', '-'),
    };
}
