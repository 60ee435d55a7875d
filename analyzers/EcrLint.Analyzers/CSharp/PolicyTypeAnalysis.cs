using System.Collections.Generic;
using System.Globalization;
using EcrLint.Engine;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// Lints the policies one named type writes: JSON in its strings and what it builds with CDK IAM types, and
/// reports the findings on the C# expressions they are about (at the end of the type, when the region of its
/// stack and the endpoints its statements are added to are known). In CDK statements element names, JSON types
/// and duplicate keys cannot be wrong, CDK always writes <c>"Version": "2012-10-17"</c>, and the size of the JSON
/// CDK will write is not the size of the C# code: those rules (<see cref="PolicyRule.ChecksJsonText"/>) are not run
/// on CDK-built policies.
/// </summary>
internal sealed class PolicyTypeAnalysis
{
    private readonly CompilationState _state;
    private readonly INamedTypeSymbol _type;
    private readonly CdkPolicyCollector _cdk;
    private readonly Gathered<(MappedString String, PolicyDestination Destination)> _strings = new();

    private PolicyTypeAnalysis(CompilationState state, INamedTypeSymbol type)
    {
        _state = state;
        _type = type;
        _cdk = new CdkPolicyCollector(state, type);
    }

    public static void Register(SymbolStartAnalysisContext start, CompilationState state)
    {
        var analysis = new PolicyTypeAnalysis(state, (INamedTypeSymbol)start.Symbol);
        // An operation action, like the CDK reading: the driver has the member bound and its operation tree built.
        start.RegisterOperationAction(analysis.OnString, JsonStringPolicies.Kinds);
        if (state.Symbols.HasCdk) analysis._cdk.Register(start);
        start.RegisterSymbolEndAction(analysis.OnEnd);
    }

    private void OnString(OperationAnalysisContext context)
    {
        if (!JsonStringPolicies.IsStringExpression(context.Operation) || !TypeScope.Contains(_type, context.ContainingSymbol)) return;
        if (JsonStringPolicies.Read(context.Operation, _state, context.CancellationToken) is { } found) _strings.Enqueue(found);
    }

    private void OnEnd(SymbolAnalysisContext context)
    {
        var ct = context.CancellationToken;
        var stackRegion = _cdk.StackRegion();
        foreach (var (mapped, destination) in _strings)
        {
            foreach (var d in JsonStringPolicies.Lint(mapped, destination, _state, Settings(destination.Region ?? stackRegion), ct)) context.ReportDiagnostic(d);
        }

        var built = _cdk.Build(ct);
        if (built.Count == 0) return;
        var seen = new HashSet<string>();
        foreach (var b in built)
        {
            var settings = Settings(b.Region ?? stackRegion);
            foreach (var finding in Linter.LintPolicy(b.Policy, b.Kind, settings, builtWithTypes: true))
            {
                ct.ThrowIfCancellationRequested();
                if (finding.IsSuppressed) continue;
                var location = Map(_cdk, finding.Location);
                if (location is null) continue;
                var key = finding.RuleId + "|" + location.SourceTree?.FilePath + "|" + location.SourceSpan.Start.ToString(CultureInfo.InvariantCulture)
                    + "|" + location.SourceSpan.Length.ToString(CultureInfo.InvariantCulture) + "|" + finding.Message;
                if (!seen.Add(key)) continue;
                var properties = new List<KeyValuePair<string, string?>> { new("EcrLint.Source", "Cdk") };
                var replacement = CdkFixHints.Replacement(finding, b, settings);
                if (replacement is not null)
                {
                    properties.Add(new("EcrLint.FixTitle", finding.Rule.FixTitle));
                    properties.Add(new("EcrLint.Replacement", replacement));
                }

                properties.AddRange(CdkPolicyProbe.Hints(finding, b, settings));

                context.ReportDiagnostic(DiagnosticFactory.Create(finding, l => Map(_cdk, l), properties, includeEngineFix: false));
            }
        }
    }

    /// <summary>The run's settings with the region the policy's endpoint or stack gives (the build property's otherwise).</summary>
    private LintContext Settings(string? region)
    {
        var run = _state.LintContext;
        return region is null || region == run.Region ? run : new LintContext { Region = region, Account = run.Account, Severities = run.Severities };
    }

    /// <summary>A location of the engine in a C# file; a one-character anchor of a statement or policy widens to its construct.</summary>
    private static Location? Map(CdkPolicyCollector collector, SourceLocation location)
    {
        var tree = collector.TreeOf(location.Document);
        if (tree is null) return null;
        var span = location.Span;
        if (span.Length <= 1 && collector.Anchors.TryGetValue((tree, span.Start), out var anchor)) return anchor.ToLocation();
        return Location.Create(tree, Spans.ToRoslyn(span));
    }
}

/// <summary>
/// What a code fix needs to correct a value of a CDK statement: the engine's own correction (the nearest action,
/// the canonical casing, the nearest condition operator), found by linting the same value in a small JSON policy
/// where the engine can build its edit.
/// </summary>
internal static class CdkFixHints
{
    public static string? Replacement(Finding finding, BuiltPolicy built, LintContext context)
    {
        if (!finding.Rule.HasFix) return null;
        foreach (var s in built.Policy.Statements)
        {
            foreach (var list in new[] { s.Action, s.NotAction })
            {
                if (list is null) continue;
                foreach (var v in list.Values)
                {
                    if (Same(v, finding)) return Probe(finding, built.Kind, context, $"\"{list.ElementName}\":{JsonEdits.Quote(v.Value)}", v.Value);
                }
            }

            foreach (var c in s.Conditions)
            {
                if (Same(c.Operator, finding))
                    return Probe(finding, built.Kind, context, $"\"Action\":\"ecr:BatchGetImage\",\"Condition\":{{{JsonEdits.Quote(c.Operator.Value)}:{{\"aws:SourceVpce\":\"vpce-0123456789abcdef0\"}}}}", c.Operator.Value);
            }
        }

        return null;
    }

    private static bool Same(PolicyValue v, Finding f) =>
        v.IsKnown && ReferenceEquals(v.Document, f.Location.Document) && v.Span == f.Location.Span;

    /// <summary>Lints <c>{"Statement":[{"Effect":"Allow","Principal":"*",ELEMENT,"Resource":"*"}]}</c> and reads the rule's edit of the value.</summary>
    private static string? Probe(Finding finding, PolicyKind kind, LintContext context, string element, string value)
    {
        var text = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\"," + element + ",\"Resource\":\"*\"}]}";
        var doc = new SourceDocument("probe.json", text);
        var parsed = JsonParser.Parse(doc);
        if (parsed.Root is not JsonObject root) return null;
        var policy = PolicyBinder.Bind(root);
        var quoted = JsonEdits.Quote(value);
        foreach (var f in Linter.LintPolicy(policy, kind, context))
        {
            if (f.RuleId != finding.RuleId || f.Fix is not { Edits.Count: 1 } fix) continue;
            var edit = fix.Edits[0];
            if (edit.Span != f.Location.Span || text.Substring(edit.Span.Start, edit.Span.Length) != quoted) continue;
            var decoded = JsonParser.Parse(new SourceDocument("value.json", edit.NewText));
            return decoded.Root is JsonString s ? s.Value : null;
        }

        return null;
    }
}
