using System;
using System.Collections.Generic;
using System.Globalization;
using EcrLint.Rules;
using EcrLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// The endpoint-set analysis of one named type: collects VPCs, endpoints, workloads and the endpoints' CDK policies
/// while the type's nodes are analyzed, builds a <see cref="EcrLint.Endpoints.VpcScope"/> per VPC at the end of the
/// type, and runs the endpoint rules on each.
/// </summary>
internal sealed class EndpointTypeAnalysis
{
    private readonly CompilationState _state;
    private readonly EndpointCollector _endpoints;
    private readonly CdkPolicyCollector _policies;

    private EndpointTypeAnalysis(CompilationState state, INamedTypeSymbol type)
    {
        _state = state;
        _endpoints = new EndpointCollector(state, type);
        _policies = new CdkPolicyCollector(state, type);
    }

    /// <param name="start">The type's symbol start.</param>
    /// <param name="state">The compilation's state.</param>
    /// <param name="onScopes">What to do with the built scopes (tests); null: run the rules and report.</param>
    public static void Register(SymbolStartAnalysisContext start, CompilationState state, Action<SymbolAnalysisContext, EndpointScopes>? onScopes = null)
    {
        var analysis = new EndpointTypeAnalysis(state, (INamedTypeSymbol)start.Symbol);
        analysis._endpoints.Register(start);
        if (state.Symbols.HasCdk) analysis._policies.Register(start);
        start.RegisterSymbolEndAction(end => analysis.OnEnd(end, onScopes));
    }

    private bool HasAnything =>
        !_endpoints.Vpcs.IsEmpty || !_endpoints.Endpoints.IsEmpty || !_endpoints.Services.IsEmpty || !_endpoints.TaskDefinitions.IsEmpty || !_endpoints.Clusters.IsEmpty;

    private void OnEnd(SymbolAnalysisContext context, Action<SymbolAnalysisContext, EndpointScopes>? onScopes)
    {
        if (!HasAnything) return;
        var scopes = new EndpointScopes(_state, context.CancellationToken);
        var region = _policies.StackRegion(out var regionPlace);
        scopes.Build(_endpoints, _policies, region, regionPlace);
        if (onScopes is not null)
        {
            onScopes(context, scopes);
            return;
        }

        var seen = new HashSet<string>();
        foreach (var vpc in scopes.Scopes)
        {
            foreach (var finding in EndpointRule.Run(vpc, _state.LintContext))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (finding.IsSuppressed) continue;
                var location = Map(scopes, finding.Location);
                if (location is null) continue;
                var key = finding.RuleId + "|" + location.SourceTree?.FilePath + "|" + location.SourceSpan.Start.ToString(CultureInfo.InvariantCulture) + "|" + finding.Message;
                if (!seen.Add(key)) continue;
                context.ReportDiagnostic(DiagnosticFactory.Create(finding, l => Map(scopes, l), Properties(vpc, finding)));
            }
        }
    }

    private static Location? Map(EndpointScopes scopes, SourceLocation location) => scopes.ToLocation(location);

    /// <summary>What a code fix needs: the intent the rule's fix recorded (services to add, private DNS to enable, a name to write).</summary>
    private static List<KeyValuePair<string, string?>> Properties(EcrLint.Endpoints.VpcScope vpc, Finding finding)
    {
        var properties = new List<KeyValuePair<string, string?>> { new("EcrLint.Source", "Endpoint") };
        if (finding.Fix is null || vpc.Fixer is not EndpointScopes.CSharpEndpointFixer fixer) return properties;
        if (fixer.Intents.TryGetValue(finding.Fix, out var intent))
        {
            properties.AddRange(intent);
        }
        else if (finding.Fix.EquivalenceKey == "AddEndpointSet")
        {
            // ECR008: the interface endpoints and the S3 gateway in one fix.
            properties.Add(new("EcrLint.FixKind", "AddEndpointSet"));
            properties.Add(new("EcrLint.Services", "ecr.api,ecr.dkr"));
            properties.Add(new("EcrLint.EndpointType", "Interface"));
            properties.Add(new("EcrLint.GatewayServices", "s3"));
            properties.Add(new("EcrLint.Vpc", vpc.Name));
        }

        return properties;
    }
}
