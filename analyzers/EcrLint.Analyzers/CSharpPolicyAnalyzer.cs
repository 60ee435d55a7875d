using System.Collections.Immutable;
using EcrLint.Analyzers.CSharp;
using EcrLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EcrLint.Analyzers;

/// <summary>
/// Policies written in C#: JSON in string literals and constants (reported on the exact characters of the
/// literal), and policies built with the AWS CDK's IAM types (<c>PolicyStatement</c>, <c>PolicyDocument</c>,
/// <c>endpoint.AddToPolicy</c> ...), reported on the offending expression. Runs every policy rule of the engine
/// (packs s3-layer-access, ecr-actions, delete-guard, policy-grammar) with the kind the code gives: an endpoint's
/// service, an identity, or the content.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CSharpPolicyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.For(IsPolicyRule);

    /// <summary>The rules this analyzer reports: the policy packs.</summary>
    internal static bool IsPolicyRule(RuleDescriptor rule) =>
        rule.Pack is RuleCatalog.S3LayerAccess or RuleCatalog.EcrActions or RuleCatalog.DeleteGuard or RuleCatalog.PolicyGrammar;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationState.For(start.Compilation, start.Options, start.CancellationToken) is not { } state) return;
            start.RegisterSymbolStartAction(s => PolicyTypeAnalysis.Register(s, state), SymbolKind.NamedType);
        });
    }
}
