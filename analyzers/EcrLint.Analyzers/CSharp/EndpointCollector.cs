using System;
using System.Collections.Generic;
using System.Threading;
using EcrLint.Endpoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// Collects, within one named type, what the endpoint-set rules need: VPCs (<c>new Vpc</c>: NAT gateways, subnet
/// types, gateway endpoints), endpoints (CDK L2 and L1, AWS SDK requests) with their service, type, private DNS,
/// security group and route table facts, ECS workloads (task definitions, containers' images and log drivers,
/// services, clusters, EC2 capacity) and pull-through cache rules. Everything is read when the node is seen;
/// what the code does not say stays null.
/// </summary>
internal sealed class EndpointCollector
{
    private static readonly HashSet<string> InvocationNames = new(StringComparer.Ordinal)
    {
        "AddInterfaceEndpoint", "AddGatewayEndpoint", "AddContainer", "AddCapacity", "AddAsgCapacityProvider", "AllowFrom",
        "AllowDefaultPortFrom", "AllowDefaultPortFromAnyIpv4", "AllowFromAnyIpv4", "AllowDefaultPortInternally", "AllowInternally",
    };

    private readonly CompilationState _state;
    private readonly INamedTypeSymbol _type;

    public EndpointCollector(CompilationState state, INamedTypeSymbol type)
    {
        _state = state;
        _type = type;
    }

    public Gathered<VpcDraft> Vpcs { get; } = new();
    public Gathered<EndpointDraft> Endpoints { get; } = new();
    public Gathered<(ISymbol Endpoint, FactDraft<bool?> Admits)> Allows { get; } = new();
    public Gathered<TaskDefinitionDraft> TaskDefinitions { get; } = new();
    public Gathered<ContainerDraft> Containers { get; } = new();
    public Gathered<ServiceDraft> Services { get; } = new();
    public Gathered<ClusterDraft> Clusters { get; } = new();
    public Gathered<PullThroughCacheDraft> PullThroughCacheRules { get; } = new();

    public void Register(SymbolStartAnalysisContext start)
    {
        // Operation actions: the driver's operation trees of each member, shared by every analyzer that reads them.
        start.RegisterOperationAction(OnCreation, OperationKind.ObjectCreation);
        start.RegisterOperationAction(OnInvocation, OperationKind.Invocation);
    }

    private AwsSymbols Symbols => _state.Symbols;

    private void OnCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol || !TypeScope.Contains(_type, context.ContainingSymbol)) return;
        var ct = context.CancellationToken;
        var type = creation.Type;
        var s = Symbols;
        if (AwsSymbols.Is(type, s.Vpc)) ReadVpc(creation);
        else if (AwsSymbols.Is(type, s.InterfaceVpcEndpoint)) ReadL2Endpoint(creation, Ops.Creation(Ops.Argument(creation.Arguments, 2)), Ops.Argument(creation.Arguments, 1), gateway: false, vpc: null);
        else if (AwsSymbols.Is(type, s.GatewayVpcEndpoint)) ReadL2Endpoint(creation, Ops.Creation(Ops.Argument(creation.Arguments, 2)), Ops.Argument(creation.Arguments, 1), gateway: true, vpc: null);
        else if (AwsSymbols.Is(type, s.CfnVpcEndpoint)) ReadL1Endpoint(creation, creation.SemanticModel!, ct);
        else if (AwsSymbols.Is(type, s.CreateVpcEndpointRequest)) ReadSdkRequest(creation, creation.SemanticModel!, ct);
        else if (AwsSymbols.Is(type, s.FargateTaskDefinition)) ReadTaskDefinition(creation, LaunchType.Fargate);
        else if (AwsSymbols.Is(type, s.Ec2TaskDefinition)) ReadTaskDefinition(creation, LaunchType.Ec2);
        else if (AwsSymbols.Is(type, s.FargateService)) ReadService(creation, LaunchType.Fargate);
        else if (AwsSymbols.Is(type, s.Ec2Service)) ReadService(creation, LaunchType.Ec2);
        else if (AwsSymbols.Is(type, s.Cluster)) ReadCluster(creation);
        else if (AwsSymbols.Is(type, s.CfnPullThroughCacheRule)) ReadPullThroughCache(creation);
    }

    private void OnInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!InvocationNames.Contains(invocation.TargetMethod.Name)) return;
        if (invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } syntax) return;
        if (!TypeScope.Contains(_type, context.ContainingSymbol)) return;
        var method = invocation.TargetMethod;
        var receiver = invocation.Instance;
        if (receiver is null) return;
        var s = Symbols;
        switch (method.Name)
        {
            case "AddInterfaceEndpoint" or "AddGatewayEndpoint" when AwsSymbols.Implements(method.ContainingType, s.IVpc):
                ReadL2Endpoint(invocation, Ops.Creation(Ops.Argument(invocation.Arguments, 1)), Ops.Argument(invocation.Arguments, 0), method.Name == "AddGatewayEndpoint", receiver);
                return;
            case "AddContainer" when AwsSymbols.Is(method.ContainingType, s.TaskDefinition):
                ReadContainer(NodeKey.For("taskdef", receiver), Ops.Creation(Ops.Argument(invocation.Arguments, 1)));
                return;
            case "AddCapacity" or "AddAsgCapacityProvider" when AwsSymbols.Is(method.ContainingType, s.Cluster):
            {
                var id = Ops.ConstantString(Ops.Argument(invocation.Arguments, 0));
                Services.Enqueue(new ServiceDraft(id ?? method.Name, new SourcePlace(syntax.SyntaxTree, member.Span), LaunchType.Ec2) { Cluster = NodeKey.For("cluster", receiver) });
                return;
            }

            default:
                if (AwsSymbols.Is(method.ContainingType, s.Connections)) ReadAllow(invocation, member);
                return;
        }
    }

    /// <summary>A construct's name: its id (<c>new Vpc(this, "Vpc")</c>), else the symbol it is stored in.</summary>
    private static string NameOf(IOperation? id, ISymbol? stored, string fallback) =>
        Ops.ConstantString(id) is { Length: > 0 } text ? text : stored?.Name ?? fallback;

    /// <summary><c>new Vpc</c> for a creation, <c>vpc.AddInterfaceEndpoint</c> for a call: where findings about the construct go.</summary>
    private static SourcePlace Display(IOperation op) => op.Syntax switch
    {
        ObjectCreationExpressionSyntax o => new SourcePlace(o.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(o.NewKeyword.SpanStart, o.Type.Span.End)),
        ImplicitObjectCreationExpressionSyntax i => new SourcePlace(i.SyntaxTree, i.NewKeyword.Span),
        InvocationExpressionSyntax { Expression: { } e } => new SourcePlace(e.SyntaxTree, e.Span),
        var other => SourcePlace.Of(other),
    };

    private static SourcePlace Place(IOperation op) => SourcePlace.Of(Ops.Unwrap(op).Syntax);

    // ---------------------------------------------------------------- VPCs

    private void ReadVpc(IObjectCreationOperation creation)
    {
        var stored = Ops.StoredIn(creation);
        var key = stored is not null ? NodeKey.Of("vpc", stored) : NodeKey.Of("vpc", creation.Syntax);
        var place = stored is not null && stored.Locations.Length > 0 && stored.Locations[0].SourceTree is { } tree
            ? new SourcePlace(tree, stored.Locations[0].SourceSpan)
            : Display(creation);
        var vpc = new VpcDraft(key, stored?.Name ?? NameOf(Ops.Argument(creation.Arguments, 1), null, "vpc"), place);
        var propsArg = Ops.Argument(creation.Arguments, 2);
        var props = Ops.Creation(propsArg);
        var display = Display(creation);
        if (propsArg is not null && props is null && Ops.Unwrap(propsArg).ConstantValue is not { HasValue: true, Value: null })
        {
            // Props from elsewhere: nothing is known.
            Vpcs.Enqueue(vpc);
            return;
        }

        // Subnet types: CDK creates NAT gateways only for PRIVATE_WITH_EGRESS subnets (the default configuration has them).
        bool? hasEgress = true;
        var subnets = Ops.AssignedValue(props, "SubnetConfiguration");
        if (subnets is not null)
        {
            hasEgress = null;
            var elements = Ops.Elements(subnets);
            if (elements is not null && elements.Count > 0)
            {
                var isolated = 0;
                var egress = false;
                var known = true;
                foreach (var e in elements)
                {
                    var subnetType = Ops.AssignedValue(Ops.Creation(e), "SubnetType");
                    var typeName = subnetType is null ? null : Ops.Unwrap(subnetType) is IFieldReferenceOperation f && AwsSymbols.Is(f.Field.ContainingType, Symbols.SubnetType) ? f.Field.Name : null;
                    if (typeName is null)
                    {
                        known = false;
                        continue;
                    }

                    if (typeName == "PRIVATE_ISOLATED") isolated++;
                    if (typeName is "PRIVATE_WITH_EGRESS" or "PRIVATE_WITH_NAT") egress = true;
                }

                if (known)
                {
                    hasEgress = egress;
                    vpc.OnlyIsolatedSubnets = isolated == elements.Count;
                }
                else if (egress)
                {
                    hasEgress = true;
                }
            }
        }

        var nat = Ops.Assignment(props, "NatGateways");
        if (nat is not null)
        {
            var count = Ops.ConstantNumber(nat.Value);
            vpc.HasNatGateway = count is null ? null : new FactDraft<bool?>(count > 0, Place(nat.Value));
        }
        else if (hasEgress is { } e)
        {
            vpc.HasNatGateway = new FactDraft<bool?>(e, display, isDefault: true);
        }

        if (Ops.AssignedValue(props, "GatewayEndpoints") is { } gateways && Ops.Creation(gateways) is { Initializer: { } init })
        {
            foreach (var entry in init.Initializers)
            {
                IOperation? name = null, options = null;
                switch (entry)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } a:
                        name = indexer.Arguments[0].Value;
                        options = a.Value;
                        break;
                    case IInvocationOperation { Arguments.Length: 2 } add:
                        name = add.Arguments[0].Value;
                        options = add.Arguments[1].Value;
                        break;
                }

                if (options is null) continue;
                var endpoint = new EndpointDraft(Ops.ConstantString(name) ?? "gateway", Place(options), EndpointApi.CdkL2) { Vpc = key, VpcUse = place };
                ReadGatewayOptions(endpoint, Ops.Creation(options), Place(options));
                Endpoints.Enqueue(endpoint);
            }
        }

        Vpcs.Enqueue(vpc);
    }

    // ---------------------------------------------------------------- endpoints

    /// <summary>
    /// <c>new InterfaceVpcEndpoint(scope, id, props)</c>, <c>new GatewayVpcEndpoint(...)</c>, <c>vpc.AddInterfaceEndpoint(id, options)</c>,
    /// <c>vpc.AddGatewayEndpoint(id, options)</c>.
    /// </summary>
    private void ReadL2Endpoint(IOperation construct, IObjectCreationOperation? props, IOperation? id, bool gateway, IOperation? vpc)
    {
        var stored = Ops.StoredIn(construct);
        var display = Display(construct);
        var endpoint = new EndpointDraft(NameOf(id, stored, gateway ? "gateway endpoint" : "interface endpoint"), display, EndpointApi.CdkL2) { StoredIn = stored };
        vpc ??= Ops.AssignedValue(props, "Vpc");
        if (vpc is not null)
        {
            endpoint.Vpc = NodeKey.For("vpc", vpc);
            endpoint.VpcUse = Place(vpc);
        }

        if (stored is not null) endpoint.PolicyGroup = NodeKey.Of("endpoint", stored);
        if (gateway) ReadGatewayOptions(endpoint, props, display);
        else ReadInterfaceOptions(endpoint, props, display);
        Endpoints.Enqueue(endpoint);
    }

    private void ReadInterfaceOptions(EndpointDraft endpoint, IObjectCreationOperation? props, SourcePlace display)
    {
        endpoint.Type = new FactDraft<EndpointType>(EndpointType.Interface, display);
        if (props is null)
        {
            // Options from elsewhere: the service and settings are not known.
            endpoint.PrivateDns = null;
            return;
        }

        var serviceOp = Ops.AssignedValue(props, "Service");
        var service = EndpointServiceReader.ReadCdkService(serviceOp, Symbols);
        endpoint.Service = service;
        if (service?.IsCustomCdkService == true)
        {
            var nameOp = service.Operation;
            endpoint.ServiceName = new FactDraft<string?>(nameOp is null ? null : ServiceNameText(nameOp), nameOp is null ? null : Place(nameOp));
        }

        var dns = Ops.AssignedValue(props, "PrivateDnsEnabled");
        if (dns is not null)
        {
            var value = Ops.ConstantBool(dns);
            endpoint.PrivateDns = new FactDraft<bool?>(value, Place(dns));
        }
        else if (service is not null)
        {
            // F15: AWS services default to private DNS on, a custom InterfaceVpcEndpointService to off.
            endpoint.PrivateDns = new FactDraft<bool?>(!service.IsCustomCdkService, display, isDefault: true);
        }

        var open = Ops.AssignedValue(props, "Open");
        if (open is null) endpoint.Admits443 = new FactDraft<bool?>(true, display, isDefault: true);
        else if (Ops.ConstantBool(open) is { } isOpen) endpoint.Admits443 = new FactDraft<bool?>(isOpen, Place(open));
    }

    private void ReadGatewayOptions(EndpointDraft endpoint, IObjectCreationOperation? props, SourcePlace display)
    {
        endpoint.Type = new FactDraft<EndpointType>(EndpointType.Gateway, display);
        if (props is null) return;
        endpoint.Service = EndpointServiceReader.ReadCdkService(Ops.AssignedValue(props, "Service"), Symbols);
        var subnets = Ops.AssignedValue(props, "Subnets");
        if (subnets is null)
        {
            // CDK routes a gateway endpoint from every subnet of the VPC by default.
            endpoint.HasRouteTables = new FactDraft<bool?>(true, display, isDefault: true);
        }
        else if (Ops.Elements(subnets) is { } list)
        {
            endpoint.HasRouteTables = new FactDraft<bool?>(list.Count > 0, Place(subnets));
        }
    }

    private void ReadL1Endpoint(IObjectCreationOperation creation, SemanticModel model, CancellationToken ct)
    {
        var stored = Ops.StoredIn(creation);
        var display = Display(creation);
        var endpoint = new EndpointDraft(NameOf(Ops.Argument(creation.Arguments, 1), stored, "endpoint"), display, EndpointApi.CdkL1) { StoredIn = stored };
        var props = Ops.Creation(Ops.Argument(creation.Arguments, 2));
        if (props is null) return;
        ReadRequestLike(endpoint, props, display, model, ct, isSdk: false);
        Endpoints.Enqueue(endpoint);
    }

    private void ReadSdkRequest(IObjectCreationOperation creation, SemanticModel model, CancellationToken ct)
    {
        var display = Display(creation);
        var endpoint = new EndpointDraft("CreateVpcEndpointRequest", display, EndpointApi.Sdk) { StoredIn = Ops.StoredIn(creation) };
        ReadRequestLike(endpoint, creation, display, model, ct, isSdk: true);
        Endpoints.Enqueue(endpoint);
    }

    /// <summary>
    /// <c>CfnVPCEndpointProps</c> and <c>CreateVpcEndpointRequest</c> share their shape: VpcId, ServiceName, VpcEndpointType
    /// (default Gateway), PrivateDnsEnabled (default false, F15 and rules.md), RouteTableIds, PolicyDocument.
    /// </summary>
    private void ReadRequestLike(EndpointDraft endpoint, IObjectCreationOperation props, SourcePlace display, SemanticModel model, CancellationToken ct, bool isSdk)
    {
        var vpcId = Ops.AssignedValue(props, "VpcId");
        if (vpcId is not null)
        {
            endpoint.Vpc = VpcKeyOfId(vpcId);
            endpoint.VpcUse = Place(vpcId);
        }

        var nameOp = Ops.AssignedValue(props, "ServiceName");
        if (nameOp is not null)
        {
            endpoint.Service = EndpointServiceReader.ReadServiceName(nameOp);
            endpoint.ServiceName = new FactDraft<string?>(ServiceNameText(nameOp), Place(nameOp));
        }

        var typeOp = Ops.AssignedValue(props, "VpcEndpointType");
        if (typeOp is null)
        {
            endpoint.Type = new FactDraft<EndpointType>(EndpointType.Gateway, display, isDefault: true);
        }
        else
        {
            var text = Ops.ConstantString(typeOp) ?? Ops.ConstantString(Ops.Unwrap(typeOp))
                ?? (Ops.Unwrap(typeOp) is IMemberReferenceOperation { Member.IsStatic: true } m && AwsSymbols.Is(m.Member.ContainingType, Symbols.SdkVpcEndpointType) ? m.Member.Name : null);
            var type = text?.Trim().ToLowerInvariant() switch
            {
                "interface" => EndpointType.Interface,
                "gateway" => EndpointType.Gateway,
                "gatewayloadbalancer" => EndpointType.GatewayLoadBalancer,
                null => (EndpointType?)null,
                _ => EndpointType.Unknown,
            };
            if (type is { } t) endpoint.Type = new FactDraft<EndpointType>(t, Place(typeOp));
        }

        var dns = Ops.AssignedValue(props, "PrivateDnsEnabled");
        endpoint.PrivateDns = dns is null
            ? new FactDraft<bool?>(false, display, isDefault: true)
            : new FactDraft<bool?>(Ops.ConstantBool(dns), Place(dns));

        var routes = Ops.AssignedValue(props, "RouteTableIds");
        if (routes is null)
        {
            endpoint.HasRouteTables = new FactDraft<bool?>(false, display, isDefault: true);
        }
        else
        {
            var count = Ops.Elements(routes)?.Count ?? (Ops.Creation(routes) is { Initializer: { } init } && Ops.Creation(routes)!.Arguments.Length == 0 ? init.Initializers.Length : (int?)null);
            if (count is { } c) endpoint.HasRouteTables = new FactDraft<bool?>(c > 0, Place(routes));
        }

        var policy = Ops.AssignedValue(props, "PolicyDocument");
        if (policy is not null)
        {
            endpoint.PolicyPlace = Place(policy);
            var json = PolicyText(policy, model, ct, 0);
            if (json is not null)
            {
                endpoint.PolicyJson = MappedString.Read(json, model, ct);
                endpoint.PolicyUnknown = endpoint.PolicyJson is null;
            }
            else if (!isSdk && Ops.Unwrap(policy) is IObjectCreationOperation doc && AwsSymbols.Is(doc.Type, Symbols.PolicyDocument))
            {
                endpoint.PolicyGroup = Ops.StoredIn(doc) is { } s ? NodeKey.Of("doc", s) : NodeKey.Of("doc", doc.Syntax);
            }
            else if (!isSdk && Ops.ReferencedSymbol(policy) is { } symbol && AwsSymbols.Is(Ops.Unwrap(policy).Type, Symbols.PolicyDocument))
            {
                endpoint.PolicyGroup = NodeKey.Of("doc", symbol);
            }
            else
            {
                endpoint.PolicyUnknown = true;
            }
        }
    }

    /// <summary>
    /// The VPC a <c>VpcId</c> names: <c>vpc.VpcId</c> is the <c>vpc</c> symbol (so L1 and L2 endpoints of one VPC meet),
    /// a literal is that VPC ID, anything else is the expression's symbol.
    /// </summary>
    private static NodeKey VpcKeyOfId(IOperation value)
    {
        var op = Ops.Unwrap(value);
        if (op is IPropertyReferenceOperation { Property.Name: "VpcId", Instance: { } instance } && Ops.ReferencedSymbol(instance) is { } vpc) return NodeKey.Of("vpc", vpc);
        if (Ops.ConstantString(op) is { } id) return NodeKey.Named("vpcid:" + id);
        return NodeKey.For("vpc", op);
    }

    /// <summary>
    /// A service name as the rules read it: the constant, or an interpolation whose only computed part is the stack's region
    /// (<c>$"com.amazonaws.{this.Region}.ecr.dkr"</c>, <c>Aws.REGION</c>) written as <c>${AWS::Region}</c>; null otherwise.
    /// </summary>
    private string? ServiceNameText(IOperation op)
    {
        op = Ops.Unwrap(op);
        if (Ops.ConstantString(op) is { } constant) return constant;
        switch (op)
        {
            case IInterpolatedStringOperation interpolated:
            {
                var sb = new System.Text.StringBuilder();
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            sb.Append(Ops.ConstantString(text.Text));
                            break;
                        case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                            var inner = ServiceNameText(hole.Expression);
                            if (inner is null) return null;
                            sb.Append(inner);
                            break;
                        default:
                            return null;
                    }
                }

                return sb.ToString();
            }

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return ServiceNameText(binary.LeftOperand) is { } left && ServiceNameText(binary.RightOperand) is { } right ? left + right : null;
            case IPropertyReferenceOperation { Property.Name: "Region" } region when AwsSymbols.Is(region.Property.ContainingType, Symbols.Stack):
                return "${AWS::Region}";
            case IMemberReferenceOperation { Member: { IsStatic: true, Name: "REGION" } member } when member.ContainingType.ToDisplayString() == "Amazon.CDK.Aws":
                return "${AWS::Region}";
            default:
                return null;
        }
    }

    /// <summary>The string expression that holds a policy's JSON: a constant, through JSON readers, <c>PolicyDocument.FromJson</c> and locals.</summary>
    private static Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? PolicyText(IOperation value, SemanticModel model, CancellationToken ct, int depth)
    {
        if (depth > 8) return null;
        var op = Ops.Unwrap(value);
        if (Ops.ConstantString(op) is not null) return op.Syntax as Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax;
        switch (op)
        {
            case IInvocationOperation { Arguments.Length: >= 1 } invocation when invocation.TargetMethod.Name is "FromJson" or "Parse" or "Deserialize" or "DeserializeObject":
                return PolicyText(invocation.Arguments[0].Value, model, ct, depth + 1);
            case ILocalReferenceOperation local when local.Local.DeclaringSyntaxReferences.Length == 1:
            {
                var reference = local.Local.DeclaringSyntaxReferences[0];
                if (reference.SyntaxTree != model.SyntaxTree) return null;
                if (reference.GetSyntax(ct) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }) return null;
                return model.GetOperation(initializer, ct) is { } init ? PolicyText(init, model, ct, depth + 1) : null;
            }

            default:
                return null;
        }
    }

    private void ReadAllow(IInvocationOperation invocation, MemberAccessExpressionSyntax member)
    {
        var name = invocation.TargetMethod.Name;
        if (name.IndexOf("From", StringComparison.Ordinal) < 0 && name.IndexOf("Internally", StringComparison.Ordinal) < 0) return;
        // endpoint.Connections.AllowFrom(...): the endpoint is the instance of the Connections property.
        if (Ops.Unwrap(invocation.Instance!) is not IPropertyReferenceOperation { Property.Name: "Connections", Instance: { } endpoint }) return;
        if (Ops.ReferencedSymbol(endpoint) is not { } symbol) return;
        bool? admits = true;
        if (name.IndexOf("DefaultPort", StringComparison.Ordinal) < 0)
        {
            var port = Ops.Argument(invocation.Arguments, "port") ?? Ops.Argument(invocation.Arguments, name.EndsWith("AnyIpv4", StringComparison.Ordinal) ? 0 : 1);
            admits = port is null ? null : Admits443(port);
        }

        Allows.Enqueue((symbol, new FactDraft<bool?>(admits, new SourcePlace(member.SyntaxTree, invocation.Syntax.Span))));
    }

    /// <summary>Whether a <c>Port</c> expression covers TCP 443: <c>Port.Tcp(443)</c>, <c>Port.HTTPS</c>, a range, all TCP or all traffic; null when not known.</summary>
    private static bool? Admits443(IOperation port)
    {
        switch (Ops.Unwrap(port))
        {
            case IInvocationOperation { TargetMethod.Name: "Tcp" } tcp:
                return Ops.ConstantNumber(Ops.Argument(tcp.Arguments, 0)) is { } p ? p == 443 : null;
            case IInvocationOperation { TargetMethod.Name: "TcpRange" } range:
                return Ops.ConstantNumber(Ops.Argument(range.Arguments, 0)) is { } from && Ops.ConstantNumber(Ops.Argument(range.Arguments, 1)) is { } to ? from <= 443 && 443 <= to : null;
            case IInvocationOperation { TargetMethod.Name: "AllTcp" or "AllTraffic" }:
                return true;
            case IInvocationOperation { TargetMethod.Name: "AllUdp" or "AllIcmp" or "AllIcmpV6" or "Udp" or "UdpRange" or "IcmpPing" }:
                return false;
            case IMemberReferenceOperation { Member: { IsStatic: true } m }:
                return m.Name == "HTTPS" ? true : m.Name is "HTTP" or "SSH" or "DNS_TCP" or "DNS_UDP" or "RDP" or "SMTP" ? false : null;
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------- ECS and ECR

    private void ReadTaskDefinition(IObjectCreationOperation creation, LaunchType launch)
    {
        var stored = Ops.StoredIn(creation);
        var key = stored is not null ? NodeKey.Of("taskdef", stored) : NodeKey.Of("taskdef", creation.Syntax);
        var draft = new TaskDefinitionDraft(key, NameOf(Ops.Argument(creation.Arguments, 1), stored, "task definition"), Display(creation), launch);
        var props = Ops.Creation(Ops.Argument(creation.Arguments, 2));
        var os = Ops.AssignedValue(Ops.Creation(Ops.AssignedValue(props, "RuntimePlatform")), "OperatingSystemFamily");
        if (os is not null)
        {
            var family = Ops.Unwrap(os) switch
            {
                IMemberReferenceOperation { Member.IsStatic: true } m when AwsSymbols.Is(m.Member.ContainingType, Symbols.OperatingSystemFamily) => m.Member.Name,
                IInvocationOperation { TargetMethod.Name: "Of" } of => Ops.ConstantString(Ops.Argument(of.Arguments, 0)),
                _ => null,
            };
            draft.OperatingSystemFamily = new FactDraft<string?>(family, Place(os));
        }

        TaskDefinitions.Enqueue(draft);
    }

    private void ReadContainer(NodeKey taskDefinition, IObjectCreationOperation? options)
    {
        if (options is null) return;
        var container = new ContainerDraft(taskDefinition);
        if (Ops.AssignedValue(options, "Image") is { } image) container.Images.Add(ReadImage(image));
        if (Ops.AssignedValue(options, "Logging") is { } logging && IsAwsLogs(logging)) container.AwsLogs = Place(logging);
        Containers.Enqueue(container);
    }

    private bool IsAwsLogs(IOperation logging) => Ops.Unwrap(logging) switch
    {
        IInvocationOperation { TargetMethod: { Name: "AwsLogs", IsStatic: true } m } => AwsSymbols.Is(m.ContainingType, Symbols.LogDrivers) || AwsSymbols.Is(m.ContainingType, Symbols.LogDriver),
        IObjectCreationOperation c => c.Type?.Name == "AwsLogDriver",
        _ => false,
    };

    /// <summary>Where an image comes from: <c>ContainerImage.FromEcrRepository</c> and image assets are private ECR, <c>FromRegistry</c> is classified by its host.</summary>
    private ImageDraft ReadImage(IOperation image)
    {
        var place = Place(image);
        if (Ops.Unwrap(image) is IInvocationOperation { TargetMethod: { IsStatic: true } method } call && AwsSymbols.Is(method.ContainingType, Symbols.ContainerImage))
        {
            switch (method.Name)
            {
                case "FromEcrRepository":
                case "FromAsset":
                case "FromDockerImageAsset":
                case "FromTarball":
                    return new ImageDraft(null, ImageSource.PrivateEcr, place);
                case "FromRegistry":
                {
                    var arg = Ops.Argument(call.Arguments, 0);
                    var text = Ops.ConstantString(arg) ?? (arg is null ? null : Ops.ConstantString(Ops.Unwrap(arg)));
                    if (text is not null) return new ImageDraft(text, ImageSource.Unknown, arg is null ? place : Place(arg));
                    // A computed URI: an ECR registry host in its literal text is enough to tell.
                    if (arg is not null && Ops.Unwrap(arg) is IInterpolatedStringOperation interpolated)
                    {
                        foreach (var part in interpolated.Parts)
                        {
                            if (part is IInterpolatedStringTextOperation t && Ops.ConstantString(t.Text) is { } literal && literal.IndexOf(".dkr.ecr.", StringComparison.OrdinalIgnoreCase) >= 0)
                                return new ImageDraft(null, ImageSource.PrivateEcr, Place(arg));
                        }
                    }

                    return new ImageDraft(null, ImageSource.Unknown, place);
                }
            }
        }

        return new ImageDraft(null, ImageSource.Unknown, place);
    }

    private void ReadService(IObjectCreationOperation creation, LaunchType launch)
    {
        var stored = Ops.StoredIn(creation);
        var draft = new ServiceDraft(NameOf(Ops.Argument(creation.Arguments, 1), stored, "service"), Display(creation), launch);
        var props = Ops.Creation(Ops.Argument(creation.Arguments, 2));
        if (Ops.AssignedValue(props, "TaskDefinition") is { } td) draft.TaskDefinition = NodeKey.For("taskdef", td);
        if (Ops.AssignedValue(props, "Cluster") is { } cluster) draft.Cluster = NodeKey.For("cluster", cluster);
        var platform = Ops.AssignedValue(props, "PlatformVersion");
        if (platform is not null)
        {
            var version = Ops.Unwrap(platform) is IFieldReferenceOperation f && AwsSymbols.Is(f.Field.ContainingType, Symbols.FargatePlatformVersion)
                ? PlatformVersionText(f.Field.Name)
                : null;
            draft.PlatformVersion = new FactDraft<string?>(version, Place(platform));
        }

        Services.Enqueue(draft);
    }

    /// <summary><c>VERSION1_3</c> is platform <c>1.3.0</c>; <c>LATEST</c> stays.</summary>
    internal static string PlatformVersionText(string member)
    {
        if (!member.StartsWith("VERSION", StringComparison.Ordinal)) return member;
        var parts = member.Substring("VERSION".Length).Split('_');
        return parts.Length == 2 ? parts[0] + "." + parts[1] + ".0" : member;
    }

    private void ReadCluster(IObjectCreationOperation creation)
    {
        var stored = Ops.StoredIn(creation);
        var key = stored is not null ? NodeKey.Of("cluster", stored) : NodeKey.Of("cluster", creation.Syntax);
        var draft = new ClusterDraft(key);
        var props = Ops.Creation(Ops.Argument(creation.Arguments, 2));
        if (Ops.AssignedValue(props, "Vpc") is { } vpc)
        {
            draft.Vpc = NodeKey.For("vpc", vpc);
            draft.VpcUse = Place(vpc);
        }

        if (Ops.AssignedValue(props, "Capacity") is { } capacity && Ops.Unwrap(capacity).ConstantValue is not { HasValue: true, Value: null })
            Services.Enqueue(new ServiceDraft(NameOf(Ops.Argument(creation.Arguments, 1), stored, "cluster") + " capacity", Place(capacity), LaunchType.Ec2) { Cluster = key });
        Clusters.Enqueue(draft);
    }

    private void ReadPullThroughCache(IObjectCreationOperation creation)
    {
        var props = Ops.Creation(Ops.Argument(creation.Arguments, 2));
        var upstream = Ops.ConstantString(Ops.AssignedValue(props, "UpstreamRegistryUrl")) ?? Ops.ConstantString(Ops.AssignedValue(props, "UpstreamRegistry"));
        PullThroughCacheRules.Enqueue(new PullThroughCacheDraft(NameOf(Ops.Argument(creation.Arguments, 1), Ops.StoredIn(creation), "pull-through cache rule"), Display(creation), upstream));
    }
}
