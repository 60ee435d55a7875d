using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Text;

namespace EcrLint.CloudFormation;

/// <summary>Which VPC a value names: a VPC resource of the template, a parameter, an import or a literal ID.</summary>
public sealed class VpcRef
{
    internal VpcRef(string key, string name, CfnResource? resource)
    {
        Key = key;
        Name = name;
        Resource = resource;
    }

    /// <summary><c>vpc:MyVpc</c> (a resource), <c>param:VpcId</c>, <c>import:shared-vpc</c>, <c>id:vpc-0abc</c>, <c>ref:X</c>, <c>expr:...</c>.</summary>
    public string Key { get; }

    public string Name { get; }

    /// <summary>The <c>AWS::EC2::VPC</c> resource, when the VPC is declared in the template.</summary>
    public CfnResource? Resource { get; }

    public override string ToString() => Key;
}

/// <summary>
/// What a template says about its VPCs, endpoints, workloads and policies: the <see cref="VpcScope"/>s the
/// endpoint-set rules run on (one per <c>VpcId</c> value), and the policies the policy rules run on.
/// </summary>
public sealed class TemplateModel
{
    private readonly Dictionary<EndpointModel, CfnResource> _endpointResources = new();
    private readonly Dictionary<VpcScope, VpcRef> _scopeRefs = new();

    internal TemplateModel(CfnTemplate template, CfnEvaluator evaluator)
    {
        Template = template;
        Evaluator = evaluator;
    }

    public CfnTemplate Template { get; }
    public CfnEvaluator Evaluator { get; }
    public CfnEnvironment Environment => Evaluator.Environment;

    public List<VpcScope> Vpcs { get; } = new();

    /// <summary>Every policy of the template (endpoint policies included), each with the kind the rules see it as.</summary>
    public List<EmbeddedPolicy> Policies { get; } = new();

    public CfnResource? ResourceOf(EndpointModel endpoint) => _endpointResources.TryGetValue(endpoint, out var r) ? r : null;

    public VpcRef? RefOf(VpcScope scope) => _scopeRefs.TryGetValue(scope, out var r) ? r : null;

    internal void MapEndpoint(EndpointModel e, CfnResource r) => _endpointResources[e] = r;

    internal void MapScope(VpcScope s, VpcRef r) => _scopeRefs[s] = r;

    public static TemplateModel Build(CfnTemplate template, CfnEnvironment? environment = null) =>
        new TemplateModelBuilder(template, environment ?? CfnEnvironment.Unknown).Build();
}

internal sealed class TemplateModelBuilder
{
    private const string Vpc = "AWS::EC2::VPC";
    private const string Subnet = "AWS::EC2::Subnet";

    private static readonly string[] EcsMarkers = { "ECS_CLUSTER", "/aws/service/ecs/", "/etc/ecs/" };

    private readonly CfnTemplate _t;
    private readonly CfnEvaluator _eval;
    private readonly TemplateModel _model;
    private readonly List<Scope> _scopes = new();
    private readonly Dictionary<string, Scope> _scopeByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VpcRef?> _subnetVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _subnetRouteTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VpcRef?> _routeTableVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(bool? Egress, SourceLocation Location)>> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool?> _securityGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskInfo> _tasks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tasksUsed = new(StringComparer.Ordinal);

    public TemplateModelBuilder(CfnTemplate template, CfnEnvironment environment)
    {
        _t = template;
        _eval = new CfnEvaluator(template, environment);
        _model = new TemplateModel(template, _eval);
    }

    private sealed class Scope
    {
        public Scope(VpcRef vpc) => Vpc = vpc;

        public VpcRef Vpc { get; }
        public SourceLocation? FirstReference { get; set; }
        public List<(EndpointModel Model, CfnResource Resource)> Endpoints { get; } = new();
        public List<(WorkloadModel Model, List<string> Subnets)> Workloads { get; } = new();
        public List<(bool Value, SourceLocation Location)> Egress { get; } = new();
        public bool EgressUnknown { get; set; }
        public SourceLocation? CustomDns { get; set; }
    }

    private sealed class TaskInfo
    {
        public TaskInfo(CfnResource resource) => Resource = resource;

        public CfnResource Resource { get; }
        public List<string> Compatibilities { get; } = new();
        public Fact<string?>? OperatingSystemFamily { get; set; }
        public List<ImageReference> Images { get; } = new();
        public SourceLocation? AwsLogs { get; set; }
    }

    public TemplateModel Build()
    {
        // Network: subnets, route tables, routes, security groups.
        foreach (var r in _t.Resources)
        {
            switch (r.Type)
            {
                case Vpc:
                    ScopeOf(VpcOf(r)!, r.KeyLocation);
                    break;
                case Subnet:
                {
                    var vpc = VpcOf(r);
                    _subnetVpc[r.LogicalId] = vpc;
                    if (vpc is not null) ScopeOf(vpc, r.KeyLocation);
                    break;
                }

                case "AWS::EC2::RouteTable":
                    _routeTableVpc[r.LogicalId] = VpcOf(r);
                    break;
                case "AWS::EC2::SubnetRouteTableAssociation":
                {
                    var subnet = RefId(_eval.Evaluate(r.Properties, "SubnetId"));
                    var table = RefId(_eval.Evaluate(r.Properties, "RouteTableId"));
                    if (subnet is not null && table is not null) _subnetRouteTable[subnet] = table;
                    break;
                }

                case "AWS::EC2::Route":
                {
                    var table = RefId(_eval.Evaluate(r.Properties, "RouteTableId"));
                    if (table is null) break;
                    if (!_routes.TryGetValue(table, out var list)) _routes[table] = list = new List<(bool?, SourceLocation)>();
                    var egress = RouteEgress(r, out var where);
                    if (egress != false) list.Add((egress, where));
                    break;
                }

                case "AWS::EC2::SecurityGroup":
                    _securityGroups[r.LogicalId] = Combine(_securityGroups.TryGetValue(r.LogicalId, out var before) ? before : false, InlineIngress(r));
                    break;
                case "AWS::ECS::TaskDefinition":
                    _tasks[r.LogicalId] = ReadTask(r);
                    break;
            }
        }

        foreach (var r in _t.OfType("AWS::EC2::SecurityGroupIngress"))
        {
            var group = RefId(_eval.Evaluate(r.Properties, "GroupId"));
            if (group is null || !_securityGroups.ContainsKey(group)) continue;
            _securityGroups[group] = Or(_securityGroups[group], Admits443(r.Properties));
        }

        // Endpoints, in template order.
        foreach (var r in _t.OfType("AWS::EC2::VPCEndpoint"))
        {
            var model = ReadEndpoint(r, out var vpc);
            var scope = ScopeOf(vpc ?? new VpcRef("expr:?", "(VpcId missing)", null), r.KeyLocation);
            scope.Endpoints.Add((model, r));
            _model.MapEndpoint(model, r);
        }

        ReadWorkloads();
        ReadEgress();
        ReadDhcp();

        var pullThrough = _t.OfType("AWS::ECR::PullThroughCacheRule")
            .Select(r => new PullThroughCacheRuleModel(r.LogicalId, r.KeyLocation,
                (_eval.Evaluate(r.Properties, "UpstreamRegistryUrl") ?? _eval.Evaluate(r.Properties, "UpstreamRegistry"))?.Render()))
            .ToList();

        var fixer = new TemplateFixer(_model);
        foreach (var s in _scopes)
        {
            var location = s.Vpc.Resource?.KeyLocation ?? s.Endpoints.FirstOrDefault().Resource?.KeyLocation
                ?? s.Workloads.FirstOrDefault().Model?.Location ?? s.FirstReference ?? _t.Root.Location;
            var scope = new VpcScope(s.Vpc.Name, location)
            {
                Region = new Fact<string?>(_eval.Environment.Region, null),
                CustomDns = s.CustomDns,
                Fixer = fixer,
            };
            scope.Endpoints.AddRange(s.Endpoints.Select(e => e.Model));
            scope.Workloads.AddRange(s.Workloads.Select(w => w.Model));
            scope.PullThroughCacheRules.AddRange(pullThrough);
            SetEgress(s, scope);
            _model.Vpcs.Add(scope);
            _model.MapScope(scope, s.Vpc);
        }

        ReadPolicies();
        return _model;
    }

    // ---- VPC references ----

    private Scope ScopeOf(VpcRef vpc, SourceLocation where)
    {
        if (!_scopeByKey.TryGetValue(vpc.Key, out var s))
        {
            s = new Scope(vpc) { FirstReference = where };
            _scopeByKey[vpc.Key] = s;
            _scopes.Add(s);
        }

        return s;
    }

    /// <summary>The VPC of a resource: itself for a VPC, its <c>VpcId</c> property otherwise.</summary>
    private VpcRef? VpcOf(CfnResource r, int depth = 0)
    {
        if (r.Is(Vpc)) return new VpcRef("vpc:" + r.LogicalId, r.LogicalId, r);
        return ResolveVpc(_eval.Evaluate(r.Properties, "VpcId"), depth);
    }

    private VpcRef? ResolveVpc(CfnValue? v, int depth = 0)
    {
        if (v is null) return null;
        if (depth > 8) return new VpcRef("expr:" + v.Render(), v.Render(), null);
        if (v is CfnString { IsKnown: true } known) return new VpcRef("id:" + known.Text, known.Text, null);
        var symbol = (v as CfnString)?.SingleSymbol;
        switch (symbol?.Kind)
        {
            case CfnSymbolKind.Resource:
            {
                var res = _t.Resource(symbol.Name);
                if (res?.Is(Vpc) == true) return VpcOf(res);
                return new VpcRef("ref:" + symbol.Name, symbol.Name, null);
            }

            case CfnSymbolKind.Attribute when symbol.Attribute == "VpcId":
            {
                var res = _t.Resource(symbol.Name);
                if (res is null) break;
                return VpcOf(res, depth + 1);
            }

            case CfnSymbolKind.Parameter:
                return new VpcRef("param:" + symbol.Name, symbol.Name, null);
            case CfnSymbolKind.Import:
                return new VpcRef("import:" + symbol.Name, "Fn::ImportValue " + symbol.Name, null);
        }

        return new VpcRef("expr:" + v.Render(), v.Render(), null);
    }

    /// <summary>The logical ID a value refers to (<c>Ref X</c>, <c>Fn::GetAtt X.Attr</c>), when it refers to a resource of the template.</summary>
    private string? RefId(CfnValue? v)
    {
        var symbol = (v as CfnString)?.SingleSymbol;
        if (symbol is null || symbol.Kind is not (CfnSymbolKind.Resource or CfnSymbolKind.Attribute)) return null;
        return _t.Resource(symbol.Name) is null ? null : symbol.Name;
    }

    // ---- Endpoints ----

    private EndpointModel ReadEndpoint(CfnResource r, out VpcRef? vpc)
    {
        var e = new EndpointModel(r.LogicalId, r.KeyLocation);
        var props = r.Properties;
        vpc = VpcOf(r);

        var serviceNode = props?["ServiceName"];
        if (serviceNode is not null)
        {
            var v = _eval.Evaluate(serviceNode);
            e.ServiceName = new Fact<string?>(v.KnownText, serviceNode.Location);
            e.Service = ParseService(v, 0);
        }

        var typeNode = props?["VpcEndpointType"];
        var typeValue = typeNode is null ? null : _eval.Evaluate(typeNode);
        if (typeNode is null || typeValue is CfnNoValue)
        {
            e.Type = new Fact<EndpointType>(EndpointType.Gateway, r.DefaultLocation, isDefault: true);
        }
        else
        {
            var type = typeValue!.KnownText switch
            {
                "Interface" => EndpointType.Interface,
                "Gateway" => EndpointType.Gateway,
                "GatewayLoadBalancer" => EndpointType.GatewayLoadBalancer,
                _ => EndpointType.Unknown,
            };
            e.Type = new Fact<EndpointType>(type, typeNode.Location);
        }

        var dnsNode = props?["PrivateDnsEnabled"];
        var dns = dnsNode is null ? null : _eval.Evaluate(dnsNode);
        e.PrivateDns = dnsNode is null || dns is CfnNoValue
            ? new Fact<bool?>(false, r.DefaultLocation, isDefault: true)
            : new Fact<bool?>(dns!.KnownBool, dnsNode.Location);

        var routesNode = props?["RouteTableIds"];
        var routes = routesNode is null ? null : _eval.Evaluate(routesNode);
        if (routesNode is null || routes is CfnNoValue)
        {
            e.HasRouteTables = new Fact<bool?>(false, r.DefaultLocation, isDefault: true);
        }
        else
        {
            var items = CfnEvaluator.ItemsOf(routes);
            e.HasRouteTables = new Fact<bool?>(items is null ? null : items.Count > 0 ? true : false, routesNode.Location);
        }

        if (e.Type.Value is EndpointType.Interface or EndpointType.Unknown)
        {
            var sgNode = props?["SecurityGroupIds"];
            var sgs = sgNode is null ? null : _eval.Evaluate(sgNode);
            if (sgNode is null || sgs is CfnNoValue)
            {
                // The VPC's default security group: its rules are not in the template.
                e.Admits443 = new Fact<bool?>(null, r.DefaultLocation, isDefault: true);
            }
            else
            {
                var items = CfnEvaluator.ItemsOf(sgs);
                bool? admits = items is null ? null : items.Count == 0 ? null : false;
                if (items is not null)
                {
                    foreach (var item in items)
                    {
                        var id = RefId(item);
                        var one = id is not null && _securityGroups.TryGetValue(id, out var a) ? a : null;
                        admits = Or(admits, one);
                    }
                }

                e.Admits443 = new Fact<bool?>(admits, sgNode.Location);
            }
        }

        var policyNode = props?["PolicyDocument"];
        if (policyNode is not null)
        {
            PolicyKind? kind = e.Service switch
            {
                { IsEcr: true } => PolicyKind.EcrEndpoint,
                { IsS3: true } when e.Type.Value == EndpointType.Gateway => PolicyKind.S3Endpoint,
                null => null,
                _ => PolicyKind.Generic,
            };
            var policy = EmbeddedPolicy.Read(r.LogicalId + " PolicyDocument", policyNode, kind, _eval, _t.IsYaml);
            policy.Region = e.Service?.Region;
            if (policy.Policy is not null || policy.Errors.Count > 0) _model.Policies.Add(policy);
            e.Policy = policy.Policy;
            e.PolicyLocation = policyNode.Location;
            e.PolicyFingerprint = policy.Fingerprint;
            e.PolicyUnknown = policy.IsUnknown;
        }

        return e;
    }

    /// <summary>
    /// The service an evaluated name stands for. A name built from <c>AWS::Region</c> (unknown) is the service in
    /// the stack's own region (<see cref="EndpointService.Region"/> null); <c>Fn::If</c> branches that name the
    /// same service give that service.
    /// </summary>
    private EndpointService? ParseService(CfnValue v, int depth)
    {
        switch (v)
        {
            case CfnString { IsKnown: true } s:
                return EndpointService.TryParse(s.Text);
            case CfnString s:
            {
                var symbols = s.Symbols.ToList();
                if (symbols.Count != 1 || symbols[0] is not { Kind: CfnSymbolKind.PseudoParameter, Name: "AWS::Region" }) return null;
                const string marker = "\u0001";
                var text = string.Concat(s.Parts.Select(p => p.Symbol is null ? p.Text : marker));
                var parsed = EndpointService.TryParse(text);
                if (parsed is null || parsed.Region != marker || parsed.Service.IndexOf(marker, StringComparison.Ordinal) >= 0) return null;
                return new EndpointService(parsed.Prefix, _eval.Environment.Region, parsed.Service);
            }

            case CfnUnknown { Alternatives.Count: > 0 } u when depth < 4:
            {
                var all = u.Alternatives.Select(a => ParseService(a, depth + 1)).ToList();
                if (all.Any(a => a is null) || all.Select(a => a!.Service).Distinct().Count() != 1) return null;
                var first = all[0]!;
                var sameRegion = all.All(a => a!.Region == first.Region);
                return new EndpointService(first.Prefix, sameRegion ? first.Region : null, first.Service);
            }

            default:
                return null;
        }
    }

    // ---- Security groups ----

    private bool? InlineIngress(CfnResource r)
    {
        var ingressNode = r.Properties?["SecurityGroupIngress"];
        if (ingressNode is null) return false;
        var items = CfnEvaluator.ItemsOf(_eval.Evaluate(ingressNode));
        if (items is null) return null;
        bool? admits = false;
        foreach (var item in items)
        {
            admits = Or(admits, item is CfnMap m ? Admits443(m.Object) : null);
        }

        return admits;
    }

    /// <summary>Whether an ingress rule admits TCP 443: protocol tcp/6/-1 and FromPort ≤ 443 ≤ ToPort.</summary>
    private bool? Admits443(JsonObject? rule)
    {
        if (rule is null) return null;
        var protocol = _eval.Evaluate(rule, "IpProtocol")?.KnownText?.Trim().ToLowerInvariant();
        if (protocol is null) return null;
        if (protocol is "-1" or "all") return true;
        if (protocol is not ("tcp" or "6")) return false;
        var from = _eval.Evaluate(rule, "FromPort")?.KnownInteger;
        var to = _eval.Evaluate(rule, "ToPort")?.KnownInteger;
        if (from is null || to is null) return null;
        if (from == -1 && to == -1) return true;
        return from <= 443 && 443 <= to;
    }

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a is null || b is null ? null : false;

    private static bool? Combine(bool? existing, bool? added) => Or(existing, added);

    // ---- Routes and egress ----

    /// <summary>Whether a route sends default traffic to the internet: true (NAT/internet gateway), false, null (cannot be known).</summary>
    private bool? RouteEgress(CfnResource route, out SourceLocation where)
    {
        var props = route.Properties;
        where = route.KeyLocation;
        var d4 = _eval.Evaluate(props, "DestinationCidrBlock");
        var d6 = _eval.Evaluate(props, "DestinationIpv6CidrBlock");
        bool? isDefault = d4?.KnownText is { } t4 ? t4.Trim() == "0.0.0.0/0"
            : d6?.KnownText is { } t6 ? t6.Trim() == "::/0"
            : d4 is null && d6 is null ? false : null;

        bool? target;
        JsonNode? targetNode;
        if ((targetNode = props?["NatGatewayId"]) is not null || (targetNode = props?["EgressOnlyInternetGatewayId"]) is not null)
        {
            target = true;
        }
        else if ((targetNode = props?["GatewayId"]) is not null)
        {
            var g = _eval.Evaluate(targetNode);
            var id = RefId(g);
            var text = g.KnownText;
            target = id is not null ? _t.Resource(id)!.Is("AWS::EC2::InternetGateway") ? true : _t.Resource(id)!.Is("AWS::EC2::VPNGateway") ? false : null
                : text is not null ? text.StartsWith("igw-", StringComparison.Ordinal) ? true : text.StartsWith("vgw-", StringComparison.Ordinal) || text == "local" ? false : null
                : null;
        }
        else if ((targetNode = props?["VpcPeeringConnectionId"]) is not null)
        {
            target = false;
        }
        else
        {
            // Transit gateway, network interface, instance, ...: central egress may exist; cannot be known.
            targetNode = props?.Properties.FirstOrDefault(p => p.Name.EndsWith("Id", StringComparison.Ordinal) && p.Name != "RouteTableId")?.Value;
            target = null;
        }

        if (targetNode is not null) where = targetNode.Location;
        if (isDefault == false || target == false) return false;
        if (isDefault == true && target == true) return true;
        return null;
    }

    private void ReadEgress()
    {
        foreach (var nat in _t.OfType("AWS::EC2::NatGateway"))
        {
            if (_eval.Evaluate(nat.Properties, "ConnectivityType")?.KnownText == "private") continue;
            var subnet = RefId(_eval.Evaluate(nat.Properties, "SubnetId"));
            var vpc = subnet is not null && _subnetVpc.TryGetValue(subnet, out var v) ? v : null;
            AddEgress(vpc, true, nat.KeyLocation);
        }

        foreach (var attach in _t.OfType("AWS::EC2::VPCGatewayAttachment"))
        {
            if (attach.Properties?["InternetGatewayId"] is null) continue;
            AddEgress(VpcOf(attach), true, attach.KeyLocation);
        }

        foreach (var (table, routes) in _routes.Select(kv => (kv.Key, kv.Value)))
        {
            var vpc = _routeTableVpc.TryGetValue(table, out var v) ? v : null;
            foreach (var (egress, where) in routes)
            {
                if (egress == true) AddEgress(vpc, true, where);
                else AddEgress(vpc, null, where);
            }
        }
    }

    private void AddEgress(VpcRef? vpc, bool? egress, SourceLocation where)
    {
        var targets = vpc is not null ? new[] { ScopeOf(vpc, where) }
            : _scopes.Count == 1 ? new[] { _scopes[0] }
            : _scopes.ToArray();
        var sure = vpc is not null || _scopes.Count == 1;
        foreach (var scope in targets)
        {
            if (egress == true && sure) scope.Egress.Add((true, where));
            else scope.EgressUnknown = true;
        }
    }

    private void SetEgress(Scope s, VpcScope scope)
    {
        if (s.Egress.Count > 0)
        {
            scope.HasNatGateway = new Fact<bool?>(true, s.Egress[0].Location);
        }
        else if (s.Vpc.Resource is not null && !s.EgressUnknown)
        {
            // The template declares the VPC and shows no route to the internet.
            scope.HasNatGateway = new Fact<bool?>(false, s.Vpc.Resource.KeyLocation);
        }
        else
        {
            scope.HasNatGateway = new Fact<bool?>(null, scope.Location);
        }

        // Isolated: the subnets the workloads use (all subnets of the VPC when no workload names any) have no
        // route to the internet.
        var subnets = s.Workloads.SelectMany(w => w.Subnets).Distinct().ToList();
        if (subnets.Count == 0) subnets = _subnetVpc.Where(kv => kv.Value?.Key == s.Vpc.Key).Select(kv => kv.Key).ToList();
        scope.OnlyIsolatedSubnets = subnets.Count > 0 && subnets.All(id => IsIsolated(id, s) == true);
    }

    private bool? IsIsolated(string subnet, Scope s)
    {
        if (!_subnetRouteTable.TryGetValue(subnet, out var table))
        {
            // The VPC's main route table: a template cannot add routes to it.
            return s.Vpc.Resource is not null ? true : null;
        }

        if (!_routeTableVpc.ContainsKey(table)) return null;
        if (!_routes.TryGetValue(table, out var routes)) return true;
        if (routes.Any(r => r.Egress == true)) return false;
        return routes.Any(r => r.Egress is null) ? null : true;
    }

    // ---- DHCP ----

    private void ReadDhcp()
    {
        var custom = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var options in _t.OfType("AWS::EC2::DHCPOptions"))
        {
            var node = options.Properties?["DomainNameServers"];
            if (node is null) continue;
            var items = CfnEvaluator.ItemsOf(_eval.Evaluate(node));
            if (items is null) continue;
            foreach (var item in items)
            {
                var text = item.KnownText;
                if (text is null || string.Equals(text.Trim(), "AmazonProvidedDNS", StringComparison.OrdinalIgnoreCase)) continue;
                custom[options.LogicalId] = new SourceLocation(_t.Document, item.Span);
                break;
            }
        }

        foreach (var assoc in _t.OfType("AWS::EC2::VPCDHCPOptionsAssociation"))
        {
            var options = RefId(_eval.Evaluate(assoc.Properties, "DhcpOptionsId"));
            if (options is null || !custom.TryGetValue(options, out var where)) continue;
            var vpc = VpcOf(assoc);
            if (vpc is null) continue;
            ScopeOf(vpc, assoc.KeyLocation).CustomDns ??= where;
        }
    }

    // ---- Workloads ----

    private TaskInfo ReadTask(CfnResource r)
    {
        var info = new TaskInfo(r);
        var compat = CfnEvaluator.ItemsOf(_eval.Evaluate(r.Properties, "RequiresCompatibilities"));
        if (compat is not null) info.Compatibilities.AddRange(compat.Select(c => c.KnownText?.ToUpperInvariant() ?? "?"));
        var platform = _eval.Evaluate(r.Properties, "RuntimePlatform") as CfnMap;
        var osNode = platform?.Object["OperatingSystemFamily"];
        if (osNode is not null) info.OperatingSystemFamily = new Fact<string?>(_eval.Evaluate(osNode).KnownText, osNode.Location);
        var containers = CfnEvaluator.ItemsOf(_eval.Evaluate(r.Properties, "ContainerDefinitions")) ?? Array.Empty<CfnValue>();
        foreach (var c in containers.OfType<CfnMap>())
        {
            var imageNode = c.Object["Image"];
            if (imageNode is not null)
                info.Images.Add(ImageClassifier.Classify(_eval.Evaluate(imageNode), imageNode.Location, _eval.Environment.Region));
            if (_eval.Evaluate(c.Object, "LogConfiguration") is CfnMap log && log.Object["LogDriver"] is { } driver
                && string.Equals(_eval.Evaluate(driver).KnownText, "awslogs", StringComparison.Ordinal))
                info.AwsLogs ??= driver.Location;
        }

        return info;
    }

    private void ReadWorkloads()
    {
        var clusterVpcs = ClusterVpcs();
        var unplaced = new List<(WorkloadModel, List<string>)>();

        foreach (var svc in _t.OfType("AWS::ECS::Service"))
        {
            var p = svc.Properties;
            var network = (_eval.Evaluate(p, "NetworkConfiguration") as CfnMap)?.Object;
            var awsvpc = network is null ? null : (_eval.Evaluate(network, "AwsvpcConfiguration") ?? _eval.Evaluate(network, "AwsVpcConfiguration")) as CfnMap;
            AddServiceLike(svc.LogicalId, svc.KeyLocation, p?["LaunchType"], p?["PlatformVersion"], p?["CapacityProviderStrategy"],
                awsvpc?.Object["Subnets"], p?["TaskDefinition"], p?["Cluster"], clusterVpcs, unplaced);
        }

        // Scheduled tasks (EventBridge rules with ECS targets).
        foreach (var rule in _t.OfType("AWS::Events::Rule"))
        {
            var targets = CfnEvaluator.ItemsOf(_eval.Evaluate(rule.Properties, "Targets")) ?? Array.Empty<CfnValue>();
            foreach (var target in targets.OfType<CfnMap>())
            {
                if (_eval.Evaluate(target.Object, "EcsParameters") is not CfnMap ecs) continue;
                var network = (_eval.Evaluate(ecs.Object, "NetworkConfiguration") as CfnMap)?.Object;
                var awsvpc = network is null ? null : (_eval.Evaluate(network, "AwsVpcConfiguration") ?? _eval.Evaluate(network, "AwsvpcConfiguration")) as CfnMap;
                var id = _eval.Evaluate(target.Object, "Id")?.KnownText;
                AddServiceLike(rule.LogicalId + (id is null ? "" : "/" + id), rule.KeyLocation, ecs.Object["LaunchType"], ecs.Object["PlatformVersion"],
                    ecs.Object["CapacityProviderStrategy"], awsvpc?.Object["Subnets"], ecs.Object["TaskDefinitionArn"], target.Object["Arn"], clusterVpcs, unplaced);
            }
        }

        // Task definitions no service of the template runs.
        foreach (var task in _tasks.Values.Where(t => !_tasksUsed.Contains(t.Resource.LogicalId)))
        {
            var w = new WorkloadModel(task.Resource.LogicalId, task.Resource.KeyLocation) { LaunchType = FromCompatibilities(task.Compatibilities, clusterKnown: false) };
            Join(w, task);
            unplaced.Add((w, new List<string>()));
        }

        // EC2 capacity for ECS: Auto Scaling groups and instances that join a cluster.
        var capacityGroups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cp in _t.OfType("AWS::ECS::CapacityProvider"))
        {
            var provider = _eval.Evaluate(cp.Properties, "AutoScalingGroupProvider") as CfnMap;
            var asg = RefId(provider is null ? null : _eval.Evaluate(provider.Object, "AutoScalingGroupArn"));
            if (asg is not null) capacityGroups.Add(asg);
        }

        foreach (var asg in _t.OfType("AWS::AutoScaling::AutoScalingGroup"))
        {
            if (!capacityGroups.Contains(asg.LogicalId) && !JoinsEcs(asg, 0)) continue;
            var subnets = SubnetIds(_eval.Evaluate(asg.Properties, "VPCZoneIdentifier"));
            Place(new WorkloadModel(asg.LogicalId, asg.KeyLocation) { LaunchType = LaunchType.Ec2 }, subnets, null, unplaced);
        }

        foreach (var instance in _t.OfType("AWS::EC2::Instance"))
        {
            if (!JoinsEcs(instance, 0)) continue;
            var subnets = SubnetIds(_eval.Evaluate(instance.Properties, "SubnetId"));
            if (subnets.Count == 0 && _eval.Evaluate(instance.Properties, "NetworkInterfaces") is CfnList nis)
                subnets = nis.Items.OfType<CfnMap>().SelectMany(n => SubnetIds(_eval.Evaluate(n.Object, "SubnetId"))).ToList();
            Place(new WorkloadModel(instance.LogicalId, instance.KeyLocation) { LaunchType = LaunchType.Ec2 }, subnets, null, unplaced);
        }

        // A template with exactly one VPC: workloads whose network cannot be resolved run in it.
        if (_scopes.Count == 1)
        {
            foreach (var w in unplaced) _scopes[0].Workloads.Add(w);
        }
    }

    private void AddServiceLike(string name, SourceLocation location, JsonNode? launchTypeNode, JsonNode? platformNode, JsonNode? strategyNode,
        JsonNode? subnetsNode, JsonNode? taskNode, JsonNode? clusterNode, Dictionary<string, List<VpcRef>> clusterVpcs, List<(WorkloadModel, List<string>)> unplaced)
    {
        var w = new WorkloadModel(name, location);
        var taskId = RefId(taskNode is null ? null : _eval.Evaluate(taskNode));
        var task = taskId is not null && _tasks.TryGetValue(taskId, out var t) ? t : null;
        if (task is not null)
        {
            _tasksUsed.Add(taskId!);
            Join(w, task);
        }

        var clusterId = RefId(clusterNode is null ? null : _eval.Evaluate(clusterNode));
        var cluster = clusterId is null ? null : _t.Resource(clusterId);
        if (cluster is not null && !cluster.Is("AWS::ECS::Cluster")) cluster = null;

        if (launchTypeNode is not null)
        {
            w.LaunchType = _eval.Evaluate(launchTypeNode).KnownText switch
            {
                "FARGATE" => LaunchType.Fargate,
                "EC2" => LaunchType.Ec2,
                "EXTERNAL" => LaunchType.External,
                _ => LaunchType.Unknown,
            };
        }
        else if (strategyNode is not null)
        {
            w.LaunchType = FromStrategy(_eval.Evaluate(strategyNode));
        }
        else if (cluster is not null && DefaultStrategy(cluster) is { } strategy)
        {
            w.LaunchType = FromStrategy(strategy);
        }
        else
        {
            w.LaunchType = FromCompatibilities(task?.Compatibilities ?? new List<string>(), clusterKnown: cluster is not null && task is not null);
        }

        if (platformNode is not null)
        {
            var v = _eval.Evaluate(platformNode);
            if (v is not CfnNoValue) w.PlatformVersion = new Fact<string?>(v.KnownText, platformNode.Location);
        }

        var subnets = SubnetIds(subnetsNode is null ? null : _eval.Evaluate(subnetsNode));
        VpcRef? fallback = null;
        if (clusterId is not null && clusterVpcs.TryGetValue(clusterId, out var vpcs) && vpcs.Select(v => v.Key).Distinct().Count() == 1) fallback = vpcs[0];
        Place(w, subnets, fallback, unplaced);
    }

    private static void Join(WorkloadModel w, TaskInfo task)
    {
        w.OperatingSystemFamily = task.OperatingSystemFamily;
        w.AwsLogs = task.AwsLogs;
        w.Images.AddRange(task.Images);
    }

    private void Place(WorkloadModel w, List<string> subnets, VpcRef? fallback, List<(WorkloadModel, List<string>)> unplaced)
    {
        var vpc = subnets.Select(s => _subnetVpc.TryGetValue(s, out var v) ? v : null).FirstOrDefault(v => v is not null) ?? fallback;
        if (vpc is null)
        {
            unplaced.Add((w, subnets));
            return;
        }

        ScopeOf(vpc, w.Location).Workloads.Add((w, subnets.Where(s => _subnetVpc.ContainsKey(s)).ToList()));
    }

    /// <summary>The subnets of the template a list value names.</summary>
    private List<string> SubnetIds(CfnValue? v)
    {
        var items = CfnEvaluator.ItemsOf(v) ?? Array.Empty<CfnValue>();
        var ids = new List<string>();
        foreach (var item in items)
        {
            if (item is CfnString s && s.IsKnown && s.Text.IndexOf(',') > 0)
            {
                // VPCZoneIdentifier may be one comma-separated string.
                continue;
            }

            var id = RefId(item);
            if (id is not null && _t.Resource(id)!.Is(Subnet)) ids.Add(id);
        }

        return ids;
    }

    private static LaunchType FromCompatibilities(List<string> compat, bool clusterKnown)
    {
        var known = compat.Where(c => c != "?").Distinct().ToList();
        if (known.Count == 1 && known.Count == compat.Count)
        {
            return known[0] switch
            {
                "FARGATE" => LaunchType.Fargate,
                "EC2" => LaunchType.Ec2,
                "EXTERNAL" => LaunchType.External,
                _ => LaunchType.Unknown,
            };
        }

        // Without a launch type or capacity provider, ECS runs the service with the EC2 launch type.
        return clusterKnown && compat.Contains("EC2") ? LaunchType.Ec2 : LaunchType.Unknown;
    }

    private static LaunchType FromStrategy(CfnValue strategy)
    {
        var items = CfnEvaluator.ItemsOf(strategy);
        if (items is null || items.Count == 0) return LaunchType.Unknown;
        var fargate = 0;
        var other = 0;
        foreach (var item in items)
        {
            var provider = item is CfnMap m ? m.Object["CapacityProvider"] : null;
            var text = provider is JsonString ps ? ps.Value : null;
            if (text is "FARGATE" or "FARGATE_SPOT") fargate++;
            else if (provider is not null) other++;
            else return LaunchType.Unknown;
        }

        return fargate > 0 && other == 0 ? LaunchType.Fargate : other > 0 && fargate == 0 ? LaunchType.Ec2 : LaunchType.Unknown;
    }

    private CfnValue? DefaultStrategy(CfnResource cluster)
    {
        var own = _eval.Evaluate(cluster.Properties, "DefaultCapacityProviderStrategy");
        if (own is not null) return own;
        foreach (var a in _t.OfType("AWS::ECS::ClusterCapacityProviderAssociations"))
        {
            if (RefId(_eval.Evaluate(a.Properties, "Cluster")) != cluster.LogicalId) continue;
            var s = _eval.Evaluate(a.Properties, "DefaultCapacityProviderStrategy");
            if (s is not null) return s;
        }

        return null;
    }

    /// <summary>The VPCs of each cluster's EC2 capacity (capacity provider → Auto Scaling group → subnets).</summary>
    private Dictionary<string, List<VpcRef>> ClusterVpcs()
    {
        var result = new Dictionary<string, List<VpcRef>>(StringComparer.Ordinal);
        var providerVpc = new Dictionary<string, VpcRef>(StringComparer.Ordinal);
        foreach (var cp in _t.OfType("AWS::ECS::CapacityProvider"))
        {
            var provider = _eval.Evaluate(cp.Properties, "AutoScalingGroupProvider") as CfnMap;
            var asg = RefId(provider is null ? null : _eval.Evaluate(provider.Object, "AutoScalingGroupArn"));
            if (asg is null) continue;
            var vpc = SubnetIds(_eval.Evaluate(_t.Resource(asg)!.Properties, "VPCZoneIdentifier"))
                .Select(s => _subnetVpc.TryGetValue(s, out var v) ? v : null).FirstOrDefault(v => v is not null);
            if (vpc is not null) providerVpc[cp.LogicalId] = vpc;
        }

        void Add(string? cluster, CfnValue? providers)
        {
            if (cluster is null) return;
            foreach (var p in CfnEvaluator.ItemsOf(providers) ?? Array.Empty<CfnValue>())
            {
                var id = RefId(p);
                if (id is null || !providerVpc.TryGetValue(id, out var vpc)) continue;
                if (!result.TryGetValue(cluster, out var list)) result[cluster] = list = new List<VpcRef>();
                list.Add(vpc);
            }
        }

        foreach (var c in _t.OfType("AWS::ECS::Cluster")) Add(c.LogicalId, _eval.Evaluate(c.Properties, "CapacityProviders"));
        foreach (var a in _t.OfType("AWS::ECS::ClusterCapacityProviderAssociations"))
            Add(RefId(_eval.Evaluate(a.Properties, "Cluster")), _eval.Evaluate(a.Properties, "CapacityProviders"));
        return result;
    }

    /// <summary>True when an instance or Auto Scaling group (or the launch template/configuration it uses) joins an ECS cluster.</summary>
    private bool JoinsEcs(CfnResource r, int depth)
    {
        if (depth > 3) return false;
        var text = _t.Document.Text.Substring(r.Span.Start, r.Span.Length);
        if (EcsMarkers.Any(m => text.IndexOf(m, StringComparison.Ordinal) >= 0)) return true;
        foreach (var id in ReferencedIds(r.Properties, 0))
        {
            var other = _t.Resource(id);
            if (other is not null && other.Type is "AWS::AutoScaling::LaunchConfiguration" or "AWS::EC2::LaunchTemplate" && JoinsEcs(other, depth + 1)) return true;
            var parameter = _t.Parameter(id);
            if (parameter?.Default is JsonString d && EcsMarkers.Any(m => d.Value.IndexOf(m, StringComparison.Ordinal) >= 0)) return true;
        }

        return false;
    }

    private IEnumerable<string> ReferencedIds(JsonNode? node, int depth)
    {
        if (node is null || depth > 32) yield break;
        switch (node)
        {
            case JsonObject o when o.Properties.Count == 1 && o.Properties[0].Name == "Ref" && o.Properties[0].Value is JsonString r:
                yield return r.Value;
                break;
            case JsonObject o when o.Properties.Count == 1 && o.Properties[0].Name == "Fn::GetAtt" && o.Properties[0].Value is JsonArray a && a.Items.Count > 0 && a.Items[0] is JsonString g:
                yield return g.Value;
                break;
            case JsonObject o:
                foreach (var p in o.Properties)
                {
                    foreach (var id in ReferencedIds(p.Value, depth + 1)) yield return id;
                }

                break;
            case JsonArray a:
                foreach (var i in a.Items)
                {
                    foreach (var id in ReferencedIds(i, depth + 1)) yield return id;
                }

                break;
        }
    }

    // ---- Policies ----

    private void ReadPolicies()
    {
        foreach (var r in _t.Resources)
        {
            switch (r.Type)
            {
                case "AWS::IAM::Policy":
                case "AWS::IAM::ManagedPolicy":
                    AddPolicy(r, r.Properties?["PolicyDocument"], "PolicyDocument", PolicyKind.Identity);
                    break;
                case "AWS::IAM::Role":
                case "AWS::IAM::User":
                case "AWS::IAM::Group":
                {
                    // AssumeRolePolicyDocument is a trust policy: no Resource by design, nothing about ECR; not linted.
                    var policies = CfnEvaluator.ItemsOf(_eval.Evaluate(r.Properties, "Policies")) ?? Array.Empty<CfnValue>();
                    foreach (var item in policies.OfType<CfnMap>())
                    {
                        var policyName = _eval.Evaluate(item.Object, "PolicyName")?.KnownText;
                        AddPolicy(r, item.Object["PolicyDocument"], policyName is null ? "Policies" : $"policy `{policyName}`", PolicyKind.Identity);
                    }

                    break;
                }

                case "AWS::ECR::Repository":
                    AddPolicy(r, r.Properties?["RepositoryPolicyText"], "RepositoryPolicyText", PolicyKind.Generic);
                    break;
                case "AWS::ECR::RegistryPolicy":
                    AddPolicy(r, r.Properties?["PolicyText"], "PolicyText", PolicyKind.Generic);
                    break;
                case "AWS::S3::BucketPolicy":
                    AddPolicy(r, r.Properties?["PolicyDocument"], "PolicyDocument", PolicyKind.Generic);
                    break;
            }
        }
    }

    private void AddPolicy(CfnResource r, JsonNode? node, string what, PolicyKind kind)
    {
        if (node is null) return;
        var policy = EmbeddedPolicy.Read(r.LogicalId + " " + what, node, kind, _eval, _t.IsYaml);
        if (policy.Policy is not null || policy.Errors.Count > 0) _model.Policies.Add(policy);
    }
}
