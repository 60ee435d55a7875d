using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers.CSharp;

/// <summary>The scope of per-type analysis: the members of one named type, not of the types nested in it.</summary>
internal static class TypeScope
{
    /// <summary>True when code whose containing symbol is <paramref name="containing"/> belongs to <paramref name="type"/> itself.</summary>
    public static bool Contains(INamedTypeSymbol type, ISymbol? containing)
    {
        var s = containing;
        while (s is not null and not INamedTypeSymbol) s = s.ContainingSymbol;
        return SymbolEqualityComparer.Default.Equals(s, type);
    }
}
