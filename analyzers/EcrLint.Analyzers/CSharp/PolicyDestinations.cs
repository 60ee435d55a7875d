using System;
using System.Collections.Generic;
using System.Threading;
using EcrLint.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EcrLint.Analyzers.CSharp;

/// <summary>Where a policy written in C# goes, as far as the code shows it.</summary>
internal readonly struct PolicyDestination
{
    public PolicyDestination(bool isPolicySink, PolicyKind? kind, string? region = null)
    {
        IsPolicySink = isPolicySink;
        Kind = kind;
        Region = region;
    }

    /// <summary>The value is used as a policy document (so a value that is not one is an ECR400).</summary>
    public bool IsPolicySink { get; }

    /// <summary>The kind the destination gives (an endpoint's service, an identity); null: detect from content.</summary>
    public PolicyKind? Kind { get; }

    /// <summary>The region of the endpoint the policy is attached to, when its service name says (endpoint policies take their endpoint's region).</summary>
    public string? Region { get; }

    public static PolicyDestination None => default;
}

/// <summary>
/// Follows a policy value (a JSON string, a CDK <c>PolicyDocument</c>) to where it is used: through JSON readers
/// (<c>JsonConvert.DeserializeObject</c>, <c>JsonNode.Parse</c> ...), <c>PolicyDocument.FromJson</c>, locals and fields
/// of the same file, to a property that takes a policy: <c>CfnVPCEndpointProps.PolicyDocument</c>,
/// <c>CreateVpcEndpointRequest.PolicyDocument</c> (kind: the endpoint's service), <c>PolicyProps.Document</c>,
/// <c>RoleProps.InlinePolicies</c> (identity).
/// </summary>
internal sealed class PolicyDestinations
{
    private const int MaxSteps = 24;
    private readonly AwsSymbols _symbols;
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ISymbol> _followed = new(SymbolEqualityComparer.Default);
    private int _steps;

    public PolicyDestinations(AwsSymbols symbols, SemanticModel model, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _model = model;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Where a JSON string goes.</summary>
    public PolicyDestination OfJsonString(IOperation op) => Walk(op, document: false);

    /// <summary>Where a CDK <c>PolicyDocument</c> (a creation or a <c>FromJson</c> call) goes.</summary>
    public PolicyDestination OfDocument(IOperation op) => Walk(op, document: true);

    private PolicyDestination Walk(IOperation op, bool document)
    {
        var current = op;
        while (current.Parent is { } parent && _steps++ < MaxSteps)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    current = parent;
                    continue;

                case IArgumentOperation { Parent: IInvocationOperation invocation }:
                {
                    var method = invocation.TargetMethod;
                    if (method.Name == "FromJson" && AwsSymbols.Is(method.ContainingType, _symbols.PolicyDocument))
                    {
                        var found = Walk(invocation, document: true);
                        return new PolicyDestination(true, found.Kind, found.Region);
                    }

                    if (!document && IsJsonReader(method))
                    {
                        current = invocation;
                        continue;
                    }

                    return PolicyDestination.None;
                }

                case IPropertyReferenceOperation { Property.Name: "RootElement" } rootElement when rootElement.Instance == current:
                    current = parent;
                    continue;

                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                {
                    var target = Ops.Unwrap(assignment.Target);
                    if (target is IPropertyReferenceOperation property && assignment.Parent is IObjectOrCollectionInitializerOperation init)
                    {
                        if (property.Property.IsIndexer)
                        {
                            // ["name"] = document inside a dictionary initializer (RoleProps.InlinePolicies).
                            if (init.Parent is IObjectCreationOperation dictionary && document)
                            {
                                current = dictionary;
                                continue;
                            }

                            return PolicyDestination.None;
                        }

                        return FromProperty(property.Property, init.Parent as IObjectCreationOperation, document);
                    }

                    if (target is IPropertyReferenceOperation setter && setter.Instance is not null)
                        return FromProperty(setter.Property, null, document);
                    if (Ops.ReferencedSymbol(target) is { } stored) return FollowSymbol(stored, document);
                    return PolicyDestination.None;
                }

                case IInvocationOperation { IsImplicit: true, TargetMethod.Name: "Add" } add when document && add.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation dictionary }:
                    // { "name", document } inside a dictionary collection initializer.
                    current = dictionary;
                    continue;

                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return FollowSymbol(declarator.Symbol, document);

                case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                    return FollowSymbol(field.InitializedFields[0], document);

                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                    return FollowSymbol(property.InitializedProperties[0], document);

                default:
                    return PolicyDestination.None;
            }
        }

        return PolicyDestination.None;
    }

    private PolicyDestination FromProperty(IPropertySymbol property, IObjectCreationOperation? owner, bool document)
    {
        var type = property.ContainingType;
        switch (property.Name)
        {
            case "PolicyDocument" when AwsSymbols.Is(type, _symbols.CreateVpcEndpointRequest) || AwsSymbols.Is(type, _symbols.CfnVpcEndpointProps) || AwsSymbols.Is(type, _symbols.CfnVpcEndpoint):
            {
                var service = EndpointServiceReader.ReadServiceName(Ops.AssignedValue(owner, "ServiceName"));
                return new PolicyDestination(true, service?.PolicyKind, service?.Service?.Region);
            }

            case "PolicyDocument" when AwsSymbols.Is(type, _symbols.ModifyVpcEndpointRequest):
                return new PolicyDestination(true, null);
            case "Document" when AwsSymbols.Is(type, _symbols.IamPolicyProps) || AwsSymbols.Is(type, _symbols.IamManagedPolicyProps):
                return new PolicyDestination(true, PolicyKind.Identity);
            case "InlinePolicies" when document && AwsSymbols.Is(type, _symbols.IamRoleProps):
                return new PolicyDestination(true, PolicyKind.Identity);
            default:
                return PolicyDestination.None;
        }
    }

    /// <summary>Follows a local, field or property of this file to its uses.</summary>
    private PolicyDestination FollowSymbol(ISymbol symbol, bool document)
    {
        if (!_followed.Add(symbol)) return PolicyDestination.None;
        var scope = Scope(symbol);
        if (scope is null) return PolicyDestination.None;
        var name = symbol.Name;
        var best = PolicyDestination.None;
        var uses = 0;
        foreach (var id in IdentifiersNamed(scope, name))
        {
            if (!SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(id, _cancellationToken).Symbol, symbol)) continue;
            if (++uses > 16 || _steps > MaxSteps) break;
            SyntaxNode reference = id.Parent is MemberAccessExpressionSyntax m && m.Name == id ? m : id;
            if (_model.GetOperation(reference, _cancellationToken) is not { } op) continue;
            var found = Walk(op, document);
            if (found.Kind is not null) return found;
            if (found.IsPolicySink) best = found;
        }

        return best;
    }

    /// <summary>
    /// The identifiers of a scope written as <paramref name="name"/>, in source order: found in the scope's text and
    /// then as tokens, which is much cheaper than visiting every node of a large member.
    /// </summary>
    private IEnumerable<IdentifierNameSyntax> IdentifiersNamed(SyntaxNode scope, string name)
    {
        var span = scope.Span;
        var text = scope.SyntaxTree.GetText(_cancellationToken).ToString(span);
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal))
        {
            if (i > 0 && IsIdentifierChar(text[i - 1])) continue;
            if (i + name.Length < text.Length && IsIdentifierChar(text[i + name.Length])) continue;
            var token = scope.FindToken(span.Start + i);
            if (token.Parent is IdentifierNameSyntax id && id.Identifier.ValueText == name && id.Identifier.SpanStart <= span.Start + i) yield return id;
        }

        static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
    }

    /// <summary>Where the uses of a symbol can be: the member of a local, the type of a field or property (this file only).</summary>
    private SyntaxNode? Scope(ISymbol symbol)
    {
        var tree = _model.SyntaxTree;
        if (symbol is ILocalSymbol)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != tree) continue;
                for (var node = reference.GetSyntax(_cancellationToken); node is not null; node = node.Parent)
                {
                    if (node is MemberDeclarationSyntax or LocalFunctionStatementSyntax or GlobalStatementSyntax) return node is GlobalStatementSyntax ? node.Parent : node;
                }
            }

            return null;
        }

        if (symbol is IFieldSymbol or IPropertySymbol)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != tree) continue;
                for (var node = reference.GetSyntax(_cancellationToken); node is not null; node = node.Parent)
                {
                    if (node is TypeDeclarationSyntax) return node;
                }
            }
        }

        return null;
    }

    private static bool IsJsonReader(IMethodSymbol method)
    {
        if (method.ReturnsVoid) return false;
        switch (method.Name)
        {
            case "Parse":
            case "Deserialize":
            case "DeserializeObject":
            case "DeserializeAnonymousType":
            case "FromObject":
                return true;
            default:
                return false;
        }
    }
}
