using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EcrLint.Analyzers.Bench;

/// <summary>
/// The least any analyzer of CDK code pays: per type, it asks the semantic model for the operation of each object
/// creation and invocation (which binds every method body once more, outside the compiler's own binding for the IL,
/// and builds its operation tree: what reading <c>new PolicyStatementProps { ... }</c> needs) and reports nothing. Compiling with it measures the analyzer driver and that binding; what EcrLint adds beyond it is its own
/// work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("FLOOR001", "Never reported", "Never reported", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolStartAction(start =>
        {
            var seen = 0;
            start.RegisterSyntaxNodeAction(node =>
            {
                if (node.SemanticModel.GetOperation(node.Node, node.CancellationToken) is not null) Interlocked.Increment(ref seen);
            }, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression, SyntaxKind.InvocationExpression);
            start.RegisterSymbolEndAction(_ => GC.KeepAlive(seen));
        }, SymbolKind.NamedType);
    }
}
