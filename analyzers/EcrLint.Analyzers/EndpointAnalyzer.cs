using System.Collections.Immutable;
using EcrLint.Analyzers.CSharp;
using EcrLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EcrLint.Analyzers;

/// <summary>
/// The endpoint set of each VPC a C# type builds (rules.md "Scope of endpoint-set rules"): AWS CDK L2 and L1 VPC
/// endpoints, VPCs (NAT gateways, subnet types), ECS task definitions, services and clusters, pull-through cache
/// rules, and AWS SDK for .NET <c>CreateVpcEndpointRequest</c>s. Reports per type, so findings show in the editor as
/// the code is typed, on the C# expression of the fact (the <c>PrivateDnsEnabled</c> value, the VPC for a missing
/// endpoint), with what a code fix needs in the diagnostic's properties.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EndpointAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.For(IsEndpointRule);

    /// <summary>The rules over a VPC's endpoint set: pack endpoints and ECR503 (Windows workloads in a PrivateLink-reliant VPC).</summary>
    internal static bool IsEndpointRule(RuleDescriptor rule) => rule.Pack == "endpoints" || rule.Id == "ECR503";

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        if (SupportedDiagnostics.IsEmpty) return;
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationState.For(start.Compilation, start.Options, start.CancellationToken) is not { } state) return;
            start.RegisterSymbolStartAction(s => EndpointTypeAnalysis.Register(s, state), SymbolKind.NamedType);
        });
    }
}
