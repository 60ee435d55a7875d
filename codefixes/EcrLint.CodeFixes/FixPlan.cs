using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.CodeFixes;

/// <summary>What one code fix does: text changes of one document (the diagnostic's, or the file the VPC's endpoints are written in).</summary>
internal sealed class FixPlan
{
    public FixPlan(string title, string equivalenceKey, DocumentId document, IReadOnlyList<TextChange> changes)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Document = document;
        Changes = changes;
    }

    public string Title { get; }

    /// <summary>A stable short name of the kind of fix (Roslyn's FixAll applies the fixes that share it).</summary>
    public string EquivalenceKey { get; }

    public DocumentId Document { get; }
    public IReadOnlyList<TextChange> Changes { get; }
}

/// <summary>The property names the analyzers put in diagnostics for the fixes.</summary>
internal static class Props
{
    public const string Source = "EcrLint.Source";
    public const string FixKind = "EcrLint.FixKind";
    public const string FixTitle = "EcrLint.FixTitle";
    public const string FixKey = "EcrLint.FixKey";
    public const string Replacement = "EcrLint.Replacement";
    public const string Services = "EcrLint.Services";
    public const string EndpointType = "EcrLint.EndpointType";
    public const string EndpointFile = "EcrLint.EndpointFile";
    public const string EndpointSpans = "EcrLint.EndpointSpans";
    public const string PrivateDnsOmitted = "EcrLint.PrivateDnsOmitted";
    public const string AddActions = "EcrLint.AddActions";
    public const string NewStatement = "EcrLint.NewStatement";
    public const string PolicyAnchor = "EcrLint.PolicyAnchor";
    public const string RegionStandIn = "EcrLint.RegionStandIn";
    public const string EditCount = "EcrLint.EditCount";

    public static string? Get(this Diagnostic diagnostic, string name) =>
        diagnostic.Properties.TryGetValue(name, out var value) ? value : null;

    /// <summary>A "start:length" span.</summary>
    public static TextSpan? ParseSpan(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)) return null;
        return new TextSpan(start, length);
    }

    public static ImmutableArray<TextSpan> ParseSpans(string? text)
    {
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        if (text is null) return result.ToImmutable();
        foreach (var part in text.Split(','))
        {
            if (ParseSpan(part) is { } span) result.Add(span);
        }

        return result.ToImmutable();
    }
}
