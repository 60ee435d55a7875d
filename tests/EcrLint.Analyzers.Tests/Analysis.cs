using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EcrLint.Analyzers.Tests;

/// <summary>Runs analyzers over a compilation directly (for properties, robustness and whole-repository runs).</summary>
public static class Analysis
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> s_framework =
        new(() => ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    public static DiagnosticAnalyzer[] AllAnalyzers => typeof(CSharpPolicyAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    public static async Task<CSharpCompilation> CompileAsync(IEnumerable<(string Path, string Text)> sources, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var framework = await s_framework.Value;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToList();
        return CSharpCompilation.Create("Test", trees, framework.AddRange(References.Aws), new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The analyzers' diagnostics and every exception an analyzer threw (reported as AD0001 otherwise).</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions)> RunAsync(Compilation compilation, params DiagnosticAnalyzer[] analyzers)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (e, _, _) => { lock (exceptions) exceptions.Add(e); },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzers.Length == 0 ? AllAnalyzers : analyzers), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return (diagnostics, exceptions);
    }
}
