using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Json;
using EcrLint.Policy;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// The element names a policy may use, and what a wrong one most likely meant. ECR408 reports the wrong
/// names; ECR404 uses the same answer to stay silent about an element that is there under a wrong name.
/// </summary>
internal static class ElementNames
{
    public static IReadOnlyList<string> Known(bool topLevel) => topLevel ? PolicyBinder.TopLevelElements : PolicyBinder.StatementElements;

    public static bool IsKnown(string name, bool topLevel) => Known(topLevel).Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// The known name an unknown one stands for: the same name in another casing, a plural (<c>Actions</c>), or
    /// the unique nearest name. Null when the name is known or nothing is a likely match.
    /// </summary>
    public static string? Intended(string name, bool topLevel)
    {
        var known = Known(topLevel);
        if (known.Contains(name, StringComparer.Ordinal)) return null;
        var sameLetters = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (sameLetters is not null) return sameLetters;
        if (name.Length > 1 && (name[name.Length - 1] == 's' || name[name.Length - 1] == 'S'))
        {
            var singular = name.Substring(0, name.Length - 1);
            var plural = known.FirstOrDefault(k => string.Equals(k, singular, StringComparison.OrdinalIgnoreCase));
            if (plural is not null) return plural;
        }

        // A short name is too easily "near" another short one (Sid/Id): only longer names get a guess.
        if (name.Length < 4) return null;
        return Suggestions.Nearest(name, known);
    }

    /// <summary>True when the object has a key that is not <paramref name="element"/> but stands for it (<c>effect</c>, <c>Actions</c>).</summary>
    public static bool HasMisnamed(JsonObject? obj, string element, bool topLevel)
    {
        if (obj is null) return false;
        foreach (var p in obj.Properties)
        {
            if (p.Name != element && Intended(p.Name, topLevel) == element) return true;
        }

        return false;
    }
}
