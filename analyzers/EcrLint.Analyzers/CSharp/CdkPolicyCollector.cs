using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using EcrLint.Engine;
using EcrLint.Policy;
using EcrLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EcrLint.Analyzers.CSharp;

/// <summary>Statements the code puts together into one policy (an endpoint's, a role's, a document's).</summary>
internal sealed class StatementGroup
{
    public StatementGroup(NodeKey key, SourcePlace anchor, SourcePlace display)
    {
        Key = key;
        Anchor = anchor;
        Display = display;
    }

    public NodeKey Key { get; }

    /// <summary>The construct the policy belongs to (a document creation, the first <c>AddToPolicy</c> call).</summary>
    public SourcePlace Anchor { get; set; }
    public SourcePlace Display { get; set; }

    /// <summary>The kind the destination gives; null: resolve from the endpoint, else from the content.</summary>
    public PolicyKind? Kind { get; set; }

    /// <summary>The region of the endpoint's service name, when it says.</summary>
    public string? Region { get; set; }

    /// <summary>The endpoint symbol whose service decides the kind (<c>endpoint.AddToPolicy</c>).</summary>
    public ISymbol? Endpoint { get; set; }

    /// <summary>The statements, in source order; a null key is a statement the code does not show.</summary>
    public List<(SourcePlace Place, NodeKey? Statement)> Statements { get; } = new();

    public bool HasUnknownStatements { get; set; }
}

/// <summary>A policy the C# code builds with CDK types, ready for the rules.</summary>
internal sealed class BuiltPolicy
{
    public BuiltPolicy(StatementGroup group, PolicyDocument policy, PolicyKind kind, string? region)
    {
        Group = group;
        Policy = policy;
        Kind = kind;
        Region = region;
    }

    public StatementGroup Group { get; }
    public PolicyDocument Policy { get; }
    public PolicyKind Kind { get; }

    /// <summary>The region the policy's endpoint names, when it does; else the stack's applies.</summary>
    public string? Region { get; }

    /// <summary>The code-fix probes of this policy, by kind (<see cref="CdkPolicyProbe"/>): run once for all its findings.</summary>
    internal Dictionary<string, object?> ProbeRuns => System.Threading.LazyInitializer.EnsureInitialized(ref _probeRuns, () => new Dictionary<string, object?>(StringComparer.Ordinal))!;

    private Dictionary<string, object?>? _probeRuns;
}

/// <summary>
/// Collects, within one named type, the CDK IAM constructs (statements, the calls that change them, the
/// documents, endpoints, roles and policies that gather them) as operation actions see them, and builds
/// the policies at the end of the type. Actions must not keep semantic models, so everything is read when
/// the node is seen: values, spans, and the symbols constructs are stored in.
/// </summary>
internal sealed class CdkPolicyCollector
{
    private static readonly HashSet<string> InvocationNames = new(StringComparer.Ordinal)
    {
        "AddActions", "AddNotActions", "AddResources", "AddNotResources", "AddAllResources", "AddAnyPrincipal", "AddArnPrincipal",
        "AddAwsAccountPrincipal", "AddAccountRootPrincipal", "AddServicePrincipal", "AddCanonicalUserPrincipal", "AddFederatedPrincipal",
        "AddPrincipals", "AddNotPrincipals", "AddCondition", "AddConditions", "AddSourceAccountCondition", "AddSourceArnCondition",
        "AddAccountCondition", "AddStatements", "AddToPolicy", "AddToPrincipalPolicy", "AddToRolePolicy", "AddToTaskRolePolicy",
        "AddToExecutionRolePolicy", "AddToResourcePolicy", "AddInterfaceEndpoint", "AddGatewayEndpoint",
    };

    private readonly CompilationState _state;
    private readonly INamedTypeSymbol _type;
    private readonly Gathered<StatementDraft> _statements = new();
    private readonly Gathered<(NodeKey Target, SourcePlace Place, Action<StatementDraft> Apply)> _mutations = new();
    private readonly Gathered<StatementGroup> _gatherings = new();
    private readonly Gathered<(ISymbol Symbol, ServiceInfo? Service)> _endpointKinds = new();
    private readonly Gathered<(string? Region, bool InBaseCall, SourcePlace Place)> _stackRegions = new();
    private ConcurrentDictionary<SourceDocument, SyntaxTree>? _trees; // created by the first CDK construct of the type

    public CdkPolicyCollector(CompilationState state, INamedTypeSymbol type)
    {
        _state = state;
        _type = type;
    }

    public void Register(SymbolStartAnalysisContext start)
    {
        // Operation actions: the driver's operation trees of each member, shared by every analyzer that reads them.
        start.RegisterOperationAction(OnCreation, OperationKind.ObjectCreation);
        start.RegisterOperationAction(OnInvocation, OperationKind.Invocation);
        start.RegisterOperationAction(OnAssignment, OperationKind.SimpleAssignment);
    }

    /// <summary>The tree a host document belongs to.</summary>
    public SyntaxTree? TreeOf(SourceDocument document) => _trees is not null && _trees.TryGetValue(document, out var tree) ? tree : null;

    private ConcurrentDictionary<SourceDocument, SyntaxTree> Trees => System.Threading.LazyInitializer.EnsureInitialized(ref _trees, () => new ConcurrentDictionary<SourceDocument, SyntaxTree>())!;

    private bool InScope(ISymbol? containing) => TypeScope.Contains(_type, containing);

    private CdkStatementReader Reader(SyntaxTree tree, System.Threading.CancellationToken ct)
    {
        var doc = _state.Documents.Get(tree, ct);
        Trees.TryAdd(doc, tree);
        return new CdkStatementReader(_state.Symbols, doc);
    }

    private void OnCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!IsReadCreation(creation.Type) || !InScope(context.ContainingSymbol)) return;
        var symbols = _state.Symbols;
        var type = creation.Type;
        var ct = context.CancellationToken;
        if (AwsSymbols.Is(type, symbols.PolicyStatement))
        {
            var draft = Reader(creation.Syntax.SyntaxTree, ct).ReadCreation(creation);
            draft.StoredIn = Ops.StoredIn(creation);
            _statements.Enqueue(draft);
        }
        else if (AwsSymbols.Is(type, symbols.PolicyDocument))
        {
            var group = NewGroup(Ops.StoredIn(creation) is { } s ? NodeKey.Of("doc", s) : NodeKey.Of("doc", creation.Syntax), creation.Syntax, DisplayOf(creation.Syntax));
            var destination = new PolicyDestinations(symbols, creation.SemanticModel!, ct).OfDocument(creation);
            group.Kind = destination.Kind;
            group.Region = destination.Region;
            var props = Ops.Creation(Ops.Argument(creation.Arguments, 0));
            AddStatements(group, Ops.AssignedValue(props, "Statements"), isParams: false);
            _gatherings.Enqueue(group);
        }
        else if (AwsSymbols.Is(type, symbols.IamPolicy) || AwsSymbols.Is(type, symbols.IamManagedPolicy))
        {
            var props = Ops.Creation(Ops.Argument(creation.Arguments, 2));
            var statements = Ops.AssignedValue(props, "Statements");
            if (statements is null) return;
            var group = NewGroup(Ops.StoredIn(creation) is { } s ? NodeKey.Of("identity", s) : NodeKey.Of("identity", creation.Syntax), creation.Syntax, DisplayOf(creation.Syntax));
            group.Kind = PolicyKind.Identity;
            AddStatements(group, statements, isParams: false);
            _gatherings.Enqueue(group);
        }
        else if (AwsSymbols.Is(type, symbols.InterfaceVpcEndpoint) || AwsSymbols.Is(type, symbols.GatewayVpcEndpoint))
        {
            if (Ops.StoredIn(creation) is not { } stored) return;
            var props = Ops.Creation(Ops.Argument(creation.Arguments, 2));
            _endpointKinds.Enqueue((stored, EndpointServiceReader.ReadCdkService(Ops.AssignedValue(props, "Service"), symbols)));
        }
        else if (AwsSymbols.Is(type, symbols.StackProps))
        {
            var region = StackRegionOf(creation, symbols, out var regionPlace);
            _stackRegions.Enqueue((region, creation.Syntax.FirstAncestorOrSelf<ConstructorInitializerSyntax>() is not null, regionPlace ?? SourcePlace.Of(creation.Syntax)));
        }
    }

    /// <summary>The region of <c>new StackProps { Env = new Environment { Region = "..." } }</c>; null when not a constant.</summary>
    public static string? StackRegionOf(IObjectCreationOperation stackProps, AwsSymbols symbols, out SourcePlace? place)
    {
        place = null;
        var env = Ops.Creation(Ops.AssignedValue(stackProps, "Env"));
        if (env is null || !AwsSymbols.Is(env.Type, symbols.CdkEnvironment)) return null;
        var value = Ops.AssignedValue(env, "Region");
        var region = Ops.ConstantString(value);
        if (string.IsNullOrWhiteSpace(region)) return null;
        place = SourcePlace.Of(Ops.Unwrap(value!).Syntax);
        return region!.Trim();
    }

    /// <summary>
    /// The stack's region (<c>Env.Region</c> of the <c>base(scope, id, props)</c> call, else of the type's only
    /// <c>StackProps</c>); null when the code does not say or says two things.
    /// </summary>
    public string? StackRegion() => StackRegion(out _);

    public string? StackRegion(out SourcePlace? place)
    {
        (string? Region, SourcePlace Place)? fromBase = null;
        (string? Region, SourcePlace Place)? other = null;
        var ambiguous = false;
        foreach (var (region, inBase, at) in _stackRegions)
        {
            if (inBase)
            {
                fromBase ??= (region, at);
                continue;
            }

            if (other is not null && region != other.Value.Region) ambiguous = true;
            other ??= (region, at);
        }

        var chosen = fromBase ?? (ambiguous ? null : other);
        place = chosen?.Region is null ? null : chosen.Value.Place;
        return chosen?.Region;
    }

    private void OnInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var name = invocation.TargetMethod.Name;
        if (!InvocationNames.Contains(name) || invocation.Syntax is not InvocationExpressionSyntax invocationSyntax) return;
        if (!InScope(context.ContainingSymbol)) return;
        var ct = context.CancellationToken;
        var symbols = _state.Symbols;
        var method = invocation.TargetMethod;
        var receiver = invocation.Instance;
        var place = SourcePlace.Of(invocationSyntax);

        if (!method.IsStatic && AwsSymbols.Is(method.ContainingType, symbols.PolicyStatement))
        {
            if (Ops.ReferencedSymbol(receiver) is not { } target) return;
            var apply = Reader(invocationSyntax.SyntaxTree, ct).ReadMutation(invocation);
            if (apply is not null) _mutations.Enqueue((NodeKey.Of("stmt", target), place, apply));
            return;
        }

        if (receiver is null) return;
        var display = new SourcePlace(invocationSyntax.SyntaxTree, invocationSyntax.Expression.Span);
        switch (name)
        {
            case "AddToPolicy" when AwsSymbols.Is(method.ContainingType, symbols.VpcEndpoint):
            {
                var group = NewGroup(NodeKey.For("endpoint", receiver), invocationSyntax, display);
                var endpoint = Ops.Unwrap(receiver);
                if (Ops.ReferencedSymbol(receiver) is { } symbol)
                {
                    group.Endpoint = symbol;
                }
                else
                {
                    var service = EndpointServiceOf(endpoint);
                    group.Kind = service?.PolicyKind;
                    group.Region = service?.Service?.Region;
                }
                AddStatements(group, Ops.Argument(invocation.Arguments, 0), isParams: false);
                _gatherings.Enqueue(group);
                return;
            }

            case "AddStatements" when AwsSymbols.Is(method.ContainingType, symbols.PolicyDocument):
            {
                var group = NewGroup(NodeKey.For("doc", receiver), invocationSyntax, display);
                AddStatementArguments(group, invocation.Arguments);
                _gatherings.Enqueue(group);
                return;
            }

            case "AddToPolicy" or "AddToPrincipalPolicy" or "AddToRolePolicy" or "AddToTaskRolePolicy" or "AddToExecutionRolePolicy" or "AddStatements" or "AddToResourcePolicy":
            {
                if (!TakesStatements(method)) return;
                var space = name switch
                {
                    "AddToTaskRolePolicy" => "identity:task",
                    "AddToExecutionRolePolicy" => "identity:execution",
                    "AddToResourcePolicy" => "resource",
                    _ => "identity",
                };
                var group = NewGroup(NodeKey.For(space, receiver), invocationSyntax, display);
                group.Kind = space == "resource" ? PolicyKind.Generic : PolicyKind.Identity;
                AddStatementArguments(group, invocation.Arguments);
                _gatherings.Enqueue(group);
                return;
            }

            case "AddInterfaceEndpoint" or "AddGatewayEndpoint" when AwsSymbols.Implements(method.ContainingType, symbols.IVpc):
            {
                if (Ops.StoredIn(invocation) is not { } stored) return;
                _endpointKinds.Enqueue((stored, EndpointServiceOf(invocation)));
                return;
            }
        }
    }

    private void OnAssignment(OperationAnalysisContext context)
    {
        if (context.Operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } op) return;
        if (property.Property.Name is not ("Effect" or "Sid") || op.Syntax is not AssignmentExpressionSyntax assignment) return;
        if (assignment.Parent is InitializerExpressionSyntax || assignment.Left is not MemberAccessExpressionSyntax) return;
        if (!InScope(context.ContainingSymbol)) return;
        var ct = context.CancellationToken;
        if (!AwsSymbols.Is(property.Property.ContainingType, _state.Symbols.PolicyStatement)) return;
        if (Ops.ReferencedSymbol(property.Instance) is not { } target) return;
        var apply = Reader(assignment.SyntaxTree, ct).ReadSetter(property.Property, op.Value);
        if (apply is not null) _mutations.Enqueue((NodeKey.Of("stmt", target), SourcePlace.Of(assignment), apply));
    }

    private static StatementGroup NewGroup(NodeKey key, SyntaxNode anchor, SourcePlace display) => new(key, SourcePlace.Of(anchor), display);

    private static SourcePlace DisplayOf(SyntaxNode creation) => creation switch
    {
        ObjectCreationExpressionSyntax o => new SourcePlace(creation.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(o.NewKeyword.SpanStart, o.Type.Span.End)),
        ImplicitObjectCreationExpressionSyntax i => new SourcePlace(creation.SyntaxTree, i.NewKeyword.Span),
        _ => SourcePlace.Of(creation),
    };

    private bool TakesStatements(IMethodSymbol method)
    {
        foreach (var p in method.Parameters)
        {
            var t = p.Type is IArrayTypeSymbol array ? array.ElementType : p.Type;
            if (AwsSymbols.Is(t, _state.Symbols.PolicyStatement)) return true;
        }

        return false;
    }

    /// <summary>The statements of an array (<c>Statements = new[] { ... }</c>) or a single argument.</summary>
    private void AddStatements(StatementGroup group, IOperation? value, bool isParams)
    {
        if (value is null) return;
        var elements = Ops.Elements(value);
        if (elements is null)
        {
            if (isParams || Ops.Unwrap(value).Type is IArrayTypeSymbol)
            {
                group.HasUnknownStatements = true;
                return;
            }

            elements = new[] { value };
        }

        foreach (var e in elements) group.Statements.Add((SourcePlace.Of(Ops.Unwrap(e).Syntax), StatementKey(e)));
    }

    private void AddStatementArguments(StatementGroup group, IEnumerable<IArgumentOperation> arguments)
    {
        foreach (var a in arguments)
        {
            if (a.ArgumentKind == ArgumentKind.DefaultValue) continue;
            var t = a.Parameter?.Type is IArrayTypeSymbol array ? array.ElementType : a.Parameter?.Type;
            if (!AwsSymbols.Is(t, _state.Symbols.PolicyStatement)) continue;
            AddStatements(group, a.Value, isParams: a.Parameter!.IsParams || a.Parameter.Type is IArrayTypeSymbol);
        }
    }

    /// <summary>The key of a statement expression: an inline creation, or the symbol it is read from; null when neither.</summary>
    private NodeKey? StatementKey(IOperation op)
    {
        var u = Ops.Unwrap(op);
        if (u is IObjectCreationOperation c && AwsSymbols.Is(c.Type, _state.Symbols.PolicyStatement)) return NodeKey.Of("stmt", c.Syntax);
        return Ops.ReferencedSymbol(u) is { } s ? NodeKey.Of("stmt", s) : null;
    }

    /// <summary>The service of an endpoint created or added by <paramref name="op"/>, when the code shows it.</summary>
    private ServiceInfo? EndpointServiceOf(IOperation op)
    {
        var symbols = _state.Symbols;
        switch (op)
        {
            case IObjectCreationOperation c when AwsSymbols.Is(c.Type, symbols.InterfaceVpcEndpoint) || AwsSymbols.Is(c.Type, symbols.GatewayVpcEndpoint):
                return EndpointServiceReader.ReadCdkService(Ops.AssignedValue(Ops.Creation(Ops.Argument(c.Arguments, 2)), "Service"), symbols);
            case IInvocationOperation i when i.TargetMethod.Name is "AddInterfaceEndpoint" or "AddGatewayEndpoint":
                return EndpointServiceReader.ReadCdkService(Ops.AssignedValue(Ops.Creation(Ops.Argument(i.Arguments, 1)), "Service"), symbols);
            default:
                return null;
        }
    }

    /// <summary>Places that stand for a statement or a policy in findings (<c>new PolicyStatement</c>, <c>endpoint.AddToPolicy</c>), by their start.</summary>
    public Dictionary<(SyntaxTree Tree, int Start), SourcePlace> Anchors { get; } = new();

    /// <summary>Groups the code gives only statements it does not show (a statement from a parameter): a policy whose content is unknown.</summary>
    public HashSet<NodeKey> UnknownGroups { get; } = new();

    /// <summary>Builds the policies of the type: every group, and every statement no group takes (a generic policy of its own).</summary>
    public List<BuiltPolicy> Build(System.Threading.CancellationToken ct) => Build(ct, null);

    /// <summary>
    /// Builds only the groups of these keys (the endpoint analysis needs its endpoints' policies, not the type's
    /// identity policies); no statement becomes a policy of its own.
    /// </summary>
    public List<BuiltPolicy> Build(System.Threading.CancellationToken ct, HashSet<NodeKey>? only)
    {
        if (only is { Count: 0 }) return new List<BuiltPolicy>();
        var byKey = new Dictionary<NodeKey, List<StatementDraft>>();
        void Index(NodeKey key, StatementDraft d)
        {
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = new List<StatementDraft>();
            list.Add(d);
        }

        var drafts = new List<StatementDraft>(_statements);
        drafts.Sort((a, b) => a.Place.CompareTo(b.Place));
        foreach (var d in drafts)
        {
            Anchors[(d.Place.Tree, d.Place.Span.Start)] = d.Display;
            Index(NodeKey.Of("stmt", d.Place), d);
            if (d.StoredIn is not null) Index(NodeKey.Of("stmt", d.StoredIn), d);
        }

        var mutations = new List<(NodeKey Target, SourcePlace Place, Action<StatementDraft> Apply)>(_mutations);
        mutations.Sort((a, b) => a.Place.CompareTo(b.Place));
        foreach (var m in mutations)
        {
            if (!byKey.TryGetValue(m.Target, out var targets)) continue;
            foreach (var d in targets) m.Apply(d);
        }

        var endpointServices = new Dictionary<ISymbol, ServiceInfo?>(SymbolEqualityComparer.Default);
        foreach (var (symbol, service) in _endpointKinds)
        {
            if (!endpointServices.TryGetValue(symbol, out var existing) || existing is null) endpointServices[symbol] = service;
        }

        // Merge the gatherings of one key (a document created with statements and given more with AddStatements).
        var gatherings = new List<StatementGroup>(_gatherings);
        gatherings.Sort((a, b) => a.Anchor.CompareTo(b.Anchor));
        var groups = new Dictionary<NodeKey, StatementGroup>();
        var order = new List<StatementGroup>();
        foreach (var g in gatherings)
        {
            if (!groups.TryGetValue(g.Key, out var group))
            {
                groups[g.Key] = g;
                order.Add(g);
                continue;
            }

            // A creation anchors the policy better than a later call.
            if (g.Key.Space == "doc" && g.Kind is not null) group.Kind ??= g.Kind;
            group.Kind ??= g.Kind;
            group.Region ??= g.Region;
            group.Endpoint ??= g.Endpoint;
            group.HasUnknownStatements |= g.HasUnknownStatements;
            group.Statements.AddRange(g.Statements);
        }

        var used = new HashSet<StatementDraft>();
        var built = new List<BuiltPolicy>();
        foreach (var group in order)
        {
            ct.ThrowIfCancellationRequested();
            if (only is not null && !only.Contains(group.Key)) continue;
            var statements = new List<StatementDraft>();
            var unknown = group.HasUnknownStatements;
            foreach (var (_, key) in group.Statements)
            {
                if (key is null || !byKey.TryGetValue(key, out var found))
                {
                    unknown = true;
                    continue;
                }

                foreach (var d in found)
                {
                    used.Add(d);
                    if (d.IsOpaque) unknown = true;
                    else if (!statements.Contains(d)) statements.Add(d);
                }
            }

            if (statements.Count == 0)
            {
                if (unknown) UnknownGroups.Add(group.Key);
                continue;
            }
            var kind = group.Kind;
            var region = group.Region;
            if (group.Endpoint is not null && endpointServices.TryGetValue(group.Endpoint, out var service))
            {
                kind ??= service?.PolicyKind;
                region ??= service?.Service?.Region;
            }

            built.Add(Assemble(group, statements, unknown, kind, region, ct));
        }

        foreach (var d in drafts)
        {
            if (only is not null) break;
            if (used.Contains(d) || d.IsOpaque) continue;
            var group = new StatementGroup(NodeKey.Of("single", d.Place), d.Place, d.Display) { Kind = PolicyKind.Generic };
            built.Add(Assemble(group, new List<StatementDraft> { d }, false, PolicyKind.Generic, null, ct));
        }

        return built;
    }

    private BuiltPolicy Assemble(StatementGroup group, List<StatementDraft> statements, bool unknown, PolicyKind? kind, string? region, System.Threading.CancellationToken ct)
    {
        var doc = _state.Documents.Get(group.Anchor.Tree, ct);
        Trees.TryAdd(doc, group.Anchor.Tree);
        if (!Anchors.ContainsKey((group.Anchor.Tree, group.Anchor.Span.Start))) Anchors[(group.Anchor.Tree, group.Anchor.Span.Start)] = group.Display;
        var span = Spans.ToEngine(group.Anchor.Span);
        var policy = new PolicyDocument(doc, span)
        {
            // CDK always writes "Version": "2012-10-17".
            Version = new PolicyValue("2012-10-17", doc, span),
            StatementIsArray = true,
            HasUnknownStatements = unknown,
        };
        for (var i = 0; i < statements.Count; i++) policy.Statements.Add(statements[i].Build(i));
        return new BuiltPolicy(group, policy, kind ?? PolicyKindDetector.Detect(policy), region);
    }

    /// <summary>A creation of one of the CDK types read here (or of a type derived from one).</summary>
    private bool IsReadCreation(ITypeSymbol? type)
    {
        var s = _state.Symbols;
        for (var t = type; t is not null; t = t.BaseType)
        {
            var d = t.OriginalDefinition;
            if (Same(d, s.PolicyStatement) || Same(d, s.PolicyDocument) || Same(d, s.IamPolicy) || Same(d, s.IamManagedPolicy)
                || Same(d, s.InterfaceVpcEndpoint) || Same(d, s.GatewayVpcEndpoint) || Same(d, s.StackProps)) return true;
        }

        return false;

        static bool Same(ITypeSymbol a, INamedTypeSymbol? b) => b is not null && SymbolEqualityComparer.Default.Equals(a, b);
    }
}
