using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using EcrLint.CloudFormation;
using EcrLint.Endpoints;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Text;
using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// Builds one <see cref="VpcScope"/> per VPC of a type from what <see cref="EndpointCollector"/> and
/// <see cref="CdkPolicyCollector"/> read (rules.md "Scope of endpoint-set rules": the VPC symbol an endpoint is
/// attached to, within one type). Workloads reach their VPC through their service's cluster; a workload whose VPC
/// the code does not show belongs to the type's VPC when the type has exactly one.
/// </summary>
internal sealed class EndpointScopes
{
    private readonly CompilationState _state;
    private readonly CancellationToken _ct;
    private readonly Dictionary<SourceDocument, SyntaxTree> _trees = new();
    private readonly Dictionary<SourceDocument, MappedString> _embedded = new();
    private readonly Dictionary<(SyntaxTree Tree, int Start), SourcePlace> _anchors = new();

    public EndpointScopes(CompilationState state, CancellationToken cancellationToken)
    {
        _state = state;
        _ct = cancellationToken;
    }

    /// <summary>The VPCs, in source order.</summary>
    public List<VpcScope> Scopes { get; } = new();

    /// <summary>Every endpoint model with the draft it was made from (how it is written, for code fixes).</summary>
    public Dictionary<EndpointModel, EndpointDraft> Drafts { get; } = new();

    /// <summary>
    /// The C# location of a location of the models: in the file, or inside a JSON policy string (on its exact
    /// characters); a one-character anchor of a CDK statement or policy widens to its construct.
    /// </summary>
    public Location? ToLocation(SourceLocation location)
    {
        if (_embedded.TryGetValue(location.Document, out var mapped))
            return Location.Create(mapped.Tree, mapped.ToSource(location.Span.Start, location.Span.Length));
        if (!_trees.TryGetValue(location.Document, out var tree)) return null;
        if (location.Span.Length <= 1 && _anchors.TryGetValue((tree, location.Span.Start), out var anchor)) return anchor.ToLocation();
        return Location.Create(tree, Spans.ToRoslyn(location.Span));
    }

    private SourceLocation Loc(SourcePlace place)
    {
        var doc = _state.Documents.Get(place.Tree, _ct);
        _trees[doc] = place.Tree;
        return new SourceLocation(doc, Spans.ToEngine(place.Span));
    }

    private Fact<T>? ToFact<T>(FactDraft<T>? draft) => draft is null ? null : new Fact<T>(draft.Value, draft.Place is { } p ? Loc(p) : null, draft.IsDefault);

    public void Build(EndpointCollector c, CdkPolicyCollector policies, string? stackRegion, SourcePlace? stackRegionPlace)
    {
        var built = new Dictionary<NodeKey, BuiltPolicy>();
        var endpointPolicies = new HashSet<NodeKey>();
        foreach (var d in c.Endpoints)
        {
            if (d.PolicyGroup is { } key) endpointPolicies.Add(key);
        }

        foreach (var b in policies.Build(_ct, endpointPolicies)) built[b.Group.Key] = b;
        foreach (var anchor in policies.Anchors) _anchors[anchor.Key] = anchor.Value;

        // VPCs: created in the type, or only referenced (a parameter, a property, a VPC ID): then nothing is known of them.
        var vpcs = new Dictionary<NodeKey, VpcScope>();
        var order = new List<(SourcePlace Place, VpcScope Scope)>();
        VpcScope Scope(NodeKey key, string name, SourcePlace place)
        {
            if (vpcs.TryGetValue(key, out var existing)) return existing;
            var scope = new VpcScope(name, Loc(place)) { SymbolicRegionText = "{Aws.REGION}" };
            if (stackRegion is not null) scope.Region = new Fact<string?>(stackRegion, stackRegionPlace is { } rp ? Loc(rp) : null);
            vpcs[key] = scope;
            order.Add((place, scope));
            return scope;
        }

        var created = new List<VpcDraft>(c.Vpcs);
        created.Sort((a, b) => a.Place.CompareTo(b.Place));
        foreach (var v in created)
        {
            var scope = Scope(v.Key, v.Name, v.Place);
            scope.HasNatGateway = ToFact(v.HasNatGateway);
            scope.OnlyIsolatedSubnets = v.OnlyIsolatedSubnets;
        }

        // Endpoints.
        var endpointsBySymbol = new Dictionary<ISymbol, EndpointModel>(SymbolEqualityComparer.Default);
        var endpoints = new List<EndpointDraft>(c.Endpoints);
        endpoints.Sort((a, b) => a.Place.CompareTo(b.Place));
        foreach (var d in endpoints)
        {
            if (d.Vpc is null || d.VpcUse is null) continue;
            var scope = Scope(d.Vpc, VpcName(d.Vpc), d.VpcUse.Value);
            var e = Endpoint(d, built, policies.UnknownGroups);
            scope.Endpoints.Add(e);
            Drafts[e] = d;
            if (d.StoredIn is not null) endpointsBySymbol[d.StoredIn] = e;
        }

        // endpoint.Connections.Allow*(...): the security group admits what the call allows.
        foreach (var (symbol, admits) in c.Allows)
        {
            if (!endpointsBySymbol.TryGetValue(symbol, out var e) || e.Admits443 is { Value: true }) continue;
            // A rule for a port the code does not show may admit 443: the fact is then not known.
            if (admits.Value == true) e.Admits443 = ToFact(admits);
            else if (admits.Value is null) e.Admits443 = null;
        }

        // Clusters and the VPC of each workload.
        var clusters = new Dictionary<NodeKey, ClusterDraft>();
        foreach (var cluster in c.Clusters) clusters[cluster.Key] = cluster;
        VpcScope? VpcOfCluster(NodeKey? key)
        {
            if (key is null || !clusters.TryGetValue(key, out var cluster) || cluster.Vpc is null || cluster.VpcUse is null) return null;
            return Scope(cluster.Vpc, VpcName(cluster.Vpc), cluster.VpcUse.Value);
        }

        var taskDefinitions = new Dictionary<NodeKey, TaskDefinitionDraft>();
        foreach (var td in c.TaskDefinitions) taskDefinitions[td.Key] = td;
        var containers = new Dictionary<NodeKey, List<ContainerDraft>>();
        foreach (var container in c.Containers)
        {
            if (!containers.TryGetValue(container.TaskDefinition, out var list)) containers[container.TaskDefinition] = list = new List<ContainerDraft>();
            list.Add(container);
        }

        var pending = new List<(WorkloadModel Workload, VpcScope? Vpc)>();
        var usedTaskDefinitions = new HashSet<NodeKey>();
        var services = new List<ServiceDraft>(c.Services);
        services.Sort((a, b) => a.Place.CompareTo(b.Place));
        foreach (var s in services)
        {
            var w = new WorkloadModel(s.Name, Loc(s.Place)) { LaunchType = s.LaunchType, PlatformVersion = ToFact(s.PlatformVersion) };
            if (s.TaskDefinition is { } tdKey)
            {
                usedTaskDefinitions.Add(tdKey);
                Fill(w, tdKey, taskDefinitions, containers);
            }

            pending.Add((w, VpcOfCluster(s.Cluster)));
        }

        var standalone = new List<TaskDefinitionDraft>(c.TaskDefinitions);
        standalone.Sort((a, b) => a.Place.CompareTo(b.Place));
        foreach (var td in standalone)
        {
            if (usedTaskDefinitions.Contains(td.Key)) continue;
            var w = new WorkloadModel(td.Name, Loc(td.Place)) { LaunchType = td.LaunchType };
            Fill(w, td.Key, taskDefinitions, containers);
            pending.Add((w, null));
        }

        order.Sort((a, b) => a.Place.CompareTo(b.Place));
        foreach (var (w, vpc) in pending)
        {
            var target = vpc ?? (order.Count == 1 ? order[0].Scope : null);
            target?.Workloads.Add(w);
        }

        // Pull-through cache rules are account-level: in scope of every VPC of the type.
        foreach (var rule in c.PullThroughCacheRules)
        {
            foreach (var (_, scope) in order) scope.PullThroughCacheRules.Add(new PullThroughCacheRuleModel(rule.Name, Loc(rule.Place), rule.Upstream));
        }

        foreach (var (_, scope) in order)
        {
            scope.Fixer = new CSharpEndpointFixer(this);
            Scopes.Add(scope);
        }
    }

    private static string VpcName(NodeKey key) =>
        key.Symbol?.Name ?? (key.Space.StartsWith("vpcid:", StringComparison.Ordinal) ? key.Space.Substring("vpcid:".Length) : "vpc");

    private EndpointModel Endpoint(EndpointDraft d, Dictionary<NodeKey, BuiltPolicy> built, HashSet<NodeKey> unknownGroups)
    {
        var e = new EndpointModel(d.Name, Loc(d.Place))
        {
            Service = d.Service?.Service,
            ServiceName = ToFact(d.ServiceName),
            Type = ToFact(d.Type),
            PrivateDns = ToFact(d.PrivateDns),
            Admits443 = ToFact(d.Admits443),
            HasRouteTables = ToFact(d.HasRouteTables),
        };

        if (d.PolicyGroup is { } group && built.TryGetValue(group, out var policy))
        {
            e.Policy = policy.Policy;
            e.PolicyLocation = d.PolicyPlace is { } p ? Loc(p) : Loc(policy.Group.Display);
            e.PolicyFingerprint = PolicyFingerprints.Of(policy.Policy);
            e.PolicyUnknown = e.PolicyFingerprint is null;
        }
        else if (d.PolicyGroup is { } unknown && unknownGroups.Contains(unknown))
        {
            e.PolicyLocation = d.PolicyPlace is { } p ? Loc(p) : null;
            e.PolicyUnknown = true;
        }
        else if (d.PolicyJson is { } json && d.PolicyPlace is { } place)
        {
            e.PolicyLocation = Loc(place);
            var host = _state.Documents.Get(json.Tree, _ct);
            _trees[host] = json.Tree;
            var doc = host.CreateEmbedded(json.Value, json.HostOffsets());
            _embedded[doc] = json;
            var parsed = JsonParser.Parse(doc);
            if (parsed.Root is JsonObject root && PolicyBinder.LooksLikePolicy(root))
            {
                e.Policy = PolicyBinder.Bind(root);
                e.PolicyFingerprint = PolicyFingerprints.Of(e.Policy);
            }

            e.PolicyUnknown = e.PolicyFingerprint is null;
        }
        else if (d.PolicyUnknown || d.PolicyPlace is not null)
        {
            e.PolicyLocation = d.PolicyPlace is { } p ? Loc(p) : null;
            e.PolicyUnknown = true;
        }

        return e;
    }

    private void Fill(WorkloadModel w, NodeKey tdKey, Dictionary<NodeKey, TaskDefinitionDraft> taskDefinitions, Dictionary<NodeKey, List<ContainerDraft>> containers)
    {
        if (taskDefinitions.TryGetValue(tdKey, out var td))
        {
            w.OperatingSystemFamily = ToFact(td.OperatingSystemFamily);
            if (w.LaunchType == LaunchType.Unknown) w.LaunchType = td.LaunchType;
        }

        if (!containers.TryGetValue(tdKey, out var list)) return;
        foreach (var container in list)
        {
            if (w.AwsLogs is null && container.AwsLogs is { } logs) w.AwsLogs = Loc(logs);
            foreach (var image in container.Images)
            {
                var location = Loc(image.Place);
                w.Images.Add(image.Text is not null ? ImageClassifier.Classify(image.Text, location) : new ImageReference(null, image.Source, location));
            }
        }
    }

    /// <summary>What a C# code fix needs for each endpoint fix the rules ask for (the edits are the code fix's: this records the intent).</summary>
    internal sealed class CSharpEndpointFixer : IEndpointFixer
    {
        private readonly EndpointScopes _owner;

        public CSharpEndpointFixer(EndpointScopes owner)
        {
            _owner = owner;
        }

        public Dictionary<Fix, Dictionary<string, string?>> Intents { get; } = new();

        public Fix? AddEndpoints(VpcScope vpc, IReadOnlyList<string> services, EndpointType type, string title)
        {
            var api = EndpointApi.CdkL2;
            foreach (var e in vpc.Endpoints)
            {
                if (_owner.Drafts.TryGetValue(e, out var d))
                {
                    api = d.Api;
                    break;
                }
            }

            var intent = new Dictionary<string, string?>
            {
                ["EcrLint.FixKind"] = "AddEndpoint",
                ["EcrLint.Services"] = string.Join(",", services),
                ["EcrLint.EndpointType"] = type.ToString(),
                ["EcrLint.Vpc"] = vpc.Name,
                ["EcrLint.Api"] = api.ToString(),
            };
            AddEndpointPlaces(vpc, intent);
            return Record(vpc.Location.Document, title, "AddEndpoint", intent);
        }

        /// <summary>Where the VPC's endpoints are written (the file of the last one, "start:length" in source order): the code fix adds next to them, in their style.</summary>
        private void AddEndpointPlaces(VpcScope vpc, Dictionary<string, string?> intent)
        {
            SyntaxTree? tree = null;
            var places = new List<SourcePlace>();
            foreach (var e in vpc.Endpoints)
            {
                if (_owner.Drafts.TryGetValue(e, out var d)) places.Add(d.Place);
            }

            if (places.Count == 0) return;
            places.Sort((a, b) => a.CompareTo(b));
            tree = places[places.Count - 1].Tree;
            var spans = new List<string>();
            foreach (var p in places)
            {
                if (p.Tree == tree) spans.Add(Invariant(p.Span.Start) + ":" + Invariant(p.Span.Length));
            }

            intent["EcrLint.EndpointFile"] = tree.FilePath;
            intent["EcrLint.EndpointSpans"] = string.Join(",", spans);
        }

        public Fix? EnablePrivateDns(EndpointModel endpoint, string title)
        {
            _owner.Drafts.TryGetValue(endpoint, out var d);
            return Record(endpoint.Location.Document, title, "EnablePrivateDns", new Dictionary<string, string?>
            {
                ["EcrLint.FixKind"] = "EnablePrivateDns",
                ["EcrLint.Endpoint"] = endpoint.Name,
                ["EcrLint.Api"] = d?.Api.ToString(),
                ["EcrLint.PrivateDnsOmitted"] = endpoint.PrivateDns?.IsDefault == true ? "true" : "false",
                ["EcrLint.CustomService"] = d?.Service?.IsCustomCdkService == true ? "true" : "false",
            });
        }

        public Fix? SetServiceName(EndpointModel endpoint, string serviceName, string title)
        {
            _owner.Drafts.TryGetValue(endpoint, out var d);
            // Only a literal written in the code can be replaced.
            if (d?.Service is not { IsLiteral: true } && d?.ServiceName?.Value is null) return null;
            return Record(endpoint.Location.Document, title, "SetServiceName", new Dictionary<string, string?>
            {
                ["EcrLint.FixKind"] = "SetServiceName",
                ["EcrLint.ServiceName"] = serviceName,
                ["EcrLint.Endpoint"] = endpoint.Name,
                ["EcrLint.Api"] = d?.Api.ToString(),
            });
        }

        private Fix Record(SourceDocument document, string title, string key, Dictionary<string, string?> intent)
        {
            var fix = new Fix(title, document, Array.Empty<TextEdit>(), key);
            Intents[fix] = intent;
            return fix;
        }
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
