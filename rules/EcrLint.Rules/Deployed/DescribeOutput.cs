using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.CloudFormation;
using EcrLint.Endpoints;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Text;

namespace EcrLint.Deployed;

/// <summary>What a describe output shows: one <see cref="VpcScope"/> per <c>VpcId</c>, and the endpoint policies.</summary>
public sealed class DeployedModel
{
    public List<VpcScope> Vpcs { get; } = new();

    /// <summary>The endpoint policies (JSON strings in the output), each with the region of its endpoint.</summary>
    public List<EmbeddedPolicy> Policies { get; } = new();
}

/// <summary>
/// Reads the JSON of <c>aws ec2 describe-vpc-endpoints</c> (deployed state). Endpoints in the states
/// <c>deleted</c>, <c>deleting</c>, <c>rejected</c>, <c>failed</c> and <c>expired</c> serve nothing and are left out.
/// The output does not show NAT gateways, route tables' routes, security group rules or workloads: those facts
/// stay unknown (null).
/// </summary>
public static class DescribeOutput
{
    private static readonly string[] InactiveStates = { "deleted", "deleting", "rejected", "failed", "expired" };

    public static bool IsDescribeOutput(JsonNode root) => root is JsonObject o && o["VpcEndpoints"] is JsonArray;

    public static DeployedModel Read(JsonObject root)
    {
        var model = new DeployedModel();
        var scopes = new Dictionary<string, VpcScope>(StringComparer.Ordinal);
        if (root["VpcEndpoints"] is not JsonArray endpoints) return model;
        foreach (var item in endpoints.Items.OfType<JsonObject>())
        {
            var state = (item["State"] as JsonString)?.Value;
            if (state is not null && InactiveStates.Contains(state, StringComparer.OrdinalIgnoreCase)) continue;
            var vpcNode = item["VpcId"];
            var vpcId = (vpcNode as JsonString)?.Value ?? "(VpcId missing)";
            var idNode = item.Get("VpcEndpointId");
            var name = (idNode?.Value as JsonString)?.Value ?? "endpoint #" + (item.Index + 1);
            var location = idNode?.Value.Location ?? new SourceLocation(item.Document, new TextSpan(item.Span.Start, 1));
            if (!scopes.TryGetValue(vpcId, out var scope))
            {
                scope = new VpcScope(vpcId, vpcNode?.Location ?? location)
                {
                    HasNatGateway = new Fact<bool?>(null, null),
                };
                scopes[vpcId] = scope;
                model.Vpcs.Add(scope);
            }

            var e = ReadEndpoint(item, name, location);
            scope.Endpoints.Add(e);
            if (scope.Region is null && e.Service?.Region is { } region) scope.Region = new Fact<string?>(region, e.ServiceName?.Location);

            if (item["PolicyDocument"] is JsonString policyText)
            {
                PolicyKind? kind = e.Service switch
                {
                    { IsEcr: true } => PolicyKind.EcrEndpoint,
                    { IsS3: true } when e.IsGateway => PolicyKind.S3Endpoint,
                    null => null,
                    _ => PolicyKind.Generic,
                };
                var policy = EmbeddedPolicy.Read(name + " PolicyDocument", policyText, kind, null, hostIsYaml: false);
                policy.Region = e.Service?.Region;
                e.Policy = policy.Policy;
                e.PolicyLocation = policyText.Location;
                e.PolicyFingerprint = policy.Fingerprint;
                model.Policies.Add(policy);
            }
        }

        return model;
    }

    private static EndpointModel ReadEndpoint(JsonObject item, string name, SourceLocation location)
    {
        var e = new EndpointModel(name, location);
        var serviceNode = item["ServiceName"];
        if (serviceNode is JsonString sn)
        {
            e.ServiceName = new Fact<string?>(sn.Value, sn.Location);
            e.Service = EndpointService.TryParse(sn.Value);
        }

        var typeNode = item["VpcEndpointType"];
        var type = (typeNode as JsonString)?.Value switch
        {
            "Interface" => EndpointType.Interface,
            "Gateway" => EndpointType.Gateway,
            "GatewayLoadBalancer" => EndpointType.GatewayLoadBalancer,
            _ => EndpointType.Unknown,
        };
        e.Type = new Fact<EndpointType>(type, typeNode?.Location ?? location);

        var dnsNode = item["PrivateDnsEnabled"];
        e.PrivateDns = new Fact<bool?>(dnsNode is JsonScalar { Kind: JsonNodeKind.Boolean } b ? b.Raw == "true" : null, dnsNode?.Location ?? location);

        var routesNode = item["RouteTableIds"];
        e.HasRouteTables = new Fact<bool?>(routesNode is JsonArray routes ? routes.Items.Count > 0 : routesNode is null ? false : null, routesNode?.Location ?? location);

        if (type is EndpointType.Interface or EndpointType.Unknown)
        {
            // Security group rules are not part of the output.
            var groups = item["Groups"];
            e.Admits443 = new Fact<bool?>(null, groups?.Location ?? location);
        }

        return e;
    }
}
