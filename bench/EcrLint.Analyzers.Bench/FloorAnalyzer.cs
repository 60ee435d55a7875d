using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EcrLint.Analyzers.Bench;

/// <summary>
/// The least any analyzer of CDK code pays, and what the SDK's own analyzers already cost a build: an operation action
/// on every object creation and invocation that does nothing. The analyzer driver then binds every member body once
/// more, outside the compiler's own binding for the IL, and builds its operation tree (what reading
/// <c>new PolicyStatementProps { ... }</c> needs). Compiling with it measures the driver and that binding; what
/// EcrLint adds beyond it is its own work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("FLOOR001", "Never reported", "Never reported", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        var seen = 0;
        context.RegisterOperationAction(_ => Interlocked.Increment(ref seen), OperationKind.ObjectCreation, OperationKind.Invocation);
    }
}
