using EcrLint.Rules;

namespace EcrLint.Analyzers.CSharp;

/// <summary>What one compilation's C# analysis shares: the AWS symbols, the lint context, the host documents.</summary>
internal sealed class CompilationState
{
    public CompilationState(AwsSymbols symbols, LintContext lintContext)
    {
        Symbols = symbols;
        LintContext = lintContext;
    }

    public AwsSymbols Symbols { get; }
    public LintContext LintContext { get; }
    public HostDocuments Documents { get; } = new();
}
