using System.Collections.Concurrent;
using System.Collections.Generic;
using EcrLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EcrLint.Analyzers.CSharp;

/// <summary>What one compilation's C# analysis shares: the AWS symbols, the lint context, the host documents.</summary>
internal sealed class CompilationState
{
    public CompilationState(AwsSymbols symbols, LintContext lintContext)
    {
        Symbols = symbols;
        LintContext = lintContext;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Shared> s_byCompilation = new();

    private sealed class Shared
    {
        public AnalyzerOptions? Options;
        public CompilationState? State;
    }

    /// <summary>
    /// The state of a compilation, created once for both C# analyzers (the AWS symbols, the settings, the host
    /// documents); null when the compilation references neither the AWS CDK nor the AWS SDK's EC2 client. A
    /// compilation analyzed again with other options (an edited <c>.ecrlint.json</c>) gets a new state.
    /// </summary>
    public static CompilationState? For(Compilation compilation, AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
    {
        var shared = s_byCompilation.GetValue(compilation, _ => new Shared());
        lock (shared)
        {
            if (ReferenceEquals(shared.Options, options)) return shared.State;
            var symbols = AwsSymbols.Create(compilation);
            shared.State = symbols.HasAny ? new CompilationState(symbols, AnalyzerSettings.Read(options, cancellationToken).Context) : null;
            shared.Options = options;
            return shared.State;
        }
    }

    public AwsSymbols Symbols { get; }
    public LintContext LintContext { get; }
    public HostDocuments Documents { get; } = new();

    private readonly ConcurrentDictionary<string, bool> _policyConstants = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Whether a name can be a string constant of this compilation whose value could be part of a JSON policy (it has a
    /// brace or says Statement): the cheap test that keeps the analysis from binding every <c>a + b</c> of the code.
    /// Found by name through the declaration tables, without binding method bodies; cached per name.
    /// </summary>
    public bool MayBePolicyConstant(string name, Compilation compilation)
    {
        if (_policyConstants.TryGetValue(name, out var known)) return known;
        var result = false;
        foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Member))
        {
            if (symbol is IFieldSymbol { IsConst: true, ConstantValue: string value }
                && (value.IndexOf('{') >= 0 || value.IndexOf('}') >= 0 || value.IndexOf("Statement", System.StringComparison.Ordinal) >= 0))
            {
                result = true;
                break;
            }
        }

        return _policyConstants.GetOrAdd(name, result);
    }
}
