using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using EcrLint.Engine;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// Policies written as JSON in C# strings: a literal (regular, verbatim, raw), a constant, a concatenation or
/// interpolation of constants whose value is a JSON object with a top-level <c>Statement</c>. The value is parsed
/// as a document embedded in the C# file, so every finding lands on the exact characters of the literal.
/// </summary>
internal static class JsonStringPolicies
{
    /// <summary>The operations a policy string can be: a literal, an interpolation, a concatenation.</summary>
    public static readonly OperationKind[] Kinds = { OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary };

    /// <summary>A string literal, an interpolated string or an addition (most literals of a program are not strings).</summary>
    public static bool IsStringExpression(IOperation operation) =>
        operation.Syntax.RawKind is (int)SyntaxKind.StringLiteralExpression or (int)SyntaxKind.InterpolatedStringExpression or (int)SyntaxKind.AddExpression;

    /// <summary>Reads a string expression that holds a policy, with where it goes; null for any other string.</summary>
    public static (MappedString String, PolicyDestination Destination)? Read(IOperation operation, CompilationState state, CancellationToken ct)
    {
        if (!IsStringExpression(operation) || operation.Syntax is not ExpressionSyntax node || operation.SemanticModel is not { } model) return null;
        if (!IsRoot(node) || !MayBePolicy(node, state, model.Compilation)) return null;
        var mapped = MappedString.Read(node, model, ct);
        if (mapped is null || !LooksLikePolicyText(mapped.Value)) return null;
        return (mapped, new PolicyDestinations(state.Symbols, model, ct).OfJsonString(operation));
    }

    /// <summary>Lints a mapped string as a policy; the diagnostics are placed in its C# file.</summary>
    public static List<Diagnostic> Lint(MappedString mapped, PolicyDestination destination, CompilationState state, LintContext settings, CancellationToken ct)
    {
        var diagnostics = new List<Diagnostic>();
        var host = state.Documents.Get(mapped.Tree, ct);
        var doc = host.CreateEmbedded(mapped.Value, mapped.HostOffsets());
        Location? Map(SourceLocation location) =>
            ReferenceEquals(location.Document, doc) ? Location.Create(mapped.Tree, mapped.ToSource(location.Span.Start, location.Span.Length))
            : ReferenceEquals(location.Document, host) ? Location.Create(mapped.Tree, ToRoslyn(location.Span))
            : null;

        var parsed = JsonParser.Parse(doc);
        if (parsed.Error is not null || !PolicyBinder.LooksLikePolicy(parsed.Root))
        {
            if (!destination.IsPolicySink) return diagnostics;
            var (span, message) = parsed.Error is not null
                ? (parsed.Error.Span, parsed.Error.Message)
                : (new TextSpan(0, Math.Min(1, mapped.Value.Length)), "not a policy document: the value is not a JSON object with a \"Statement\"");
            var severity = settings.Severities.For(RuleCatalog.ECR400);
            if (severity == Severity.None) return diagnostics;
            var finding = new Finding(RuleCatalog.ECR400, severity, "The policy in this string is not valid: " + message + ".", new SourceLocation(doc, span));
            diagnostics.Add(DiagnosticFactory.Create(finding, Map, Source));
            return diagnostics;
        }

        var policy = PolicyBinder.Bind((JsonObject)parsed.Root!);
        var kind = destination.Kind ?? PolicyKindDetector.Detect(policy);
        foreach (var finding in Linter.LintPolicy(policy, kind, settings))
        {
            ct.ThrowIfCancellationRequested();
            if (finding.IsSuppressed) continue;
            var properties = FixProperties(finding, doc, mapped, out var carried);
            diagnostics.Add(DiagnosticFactory.Create(finding, Map, properties, includeEngineFix: carried));
        }

        return diagnostics;
    }

    private static readonly KeyValuePair<string, string?>[] Source = { new("EcrLint.Source", "JsonString") };

    /// <summary>
    /// The engine's JSON edits in C# source terms, for a code fix: each edit's span in the file, the kind of literal
    /// it is inside (the fix re-encodes the new text for it: escapes, <c>""</c>, <c>{{</c>, raw indentation) and the
    /// new JSON text. When an edit is not inside one literal (it touches a constant defined elsewhere) the fix is not offered.
    /// </summary>
    private static List<KeyValuePair<string, string?>> FixProperties(Finding finding, SourceDocument doc, MappedString mapped, out bool carried)
    {
        var properties = new List<KeyValuePair<string, string?>> { new("EcrLint.Source", "JsonString") };
        carried = false;
        if (finding.Fix is not { } fix || !ReferenceEquals(fix.Document, doc)) return properties;
        var edits = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < fix.Edits.Count; i++)
        {
            var edit = fix.Edits[i];
            if (!mapped.TryGetEditSpan(edit.Span.Start, edit.Span.Length, out var span, out var piece)) return properties;
            var key = "EcrLint.Edit" + i.ToString(CultureInfo.InvariantCulture);
            edits.Add(new(key, string.Join(",", span.Start.ToString(CultureInfo.InvariantCulture), span.Length.ToString(CultureInfo.InvariantCulture), piece!.Kind.ToString(), piece.Dollars.ToString(CultureInfo.InvariantCulture))));
            edits.Add(new(key + ".Text", edit.NewText));
            if (piece.RawIndent is not null) edits.Add(new(key + ".Indent", piece.RawIndent));
        }

        carried = true;
        properties.Add(new("EcrLint.EditCount", fix.Edits.Count.ToString(CultureInfo.InvariantCulture)));
        properties.AddRange(edits);
        return properties;
    }

    public static Microsoft.CodeAnalysis.Text.TextSpan ToRoslyn(TextSpan span) => new(span.Start, span.Length);

    /// <summary>A string expression that is not part of a larger one (a concatenation or interpolation).</summary>
    private static bool IsRoot(ExpressionSyntax node)
    {
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax) parent = parent.Parent;
        return parent is not (BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or InterpolationSyntax);
    }

    /// <summary>
    /// A cheap test before binding: some literal text could be part of a JSON policy, or a name in a concatenation is a
    /// constant that could hold such text (a constant of the compilation, or a local constant of the same member).
    /// </summary>
    private static bool MayBePolicy(ExpressionSyntax node, CompilationState state, Compilation compilation)
    {
        switch (node)
        {
            case LiteralExpressionSyntax literal:
                return literal.Token.Text.IndexOf("Statement", StringComparison.Ordinal) >= 0;
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text && (text.TextToken.Text.IndexOf('{') >= 0 || text.TextToken.Text.IndexOf('}') >= 0)) return true;
                }

                return false;
            case BinaryExpressionSyntax binary:
            {
                List<string>? names = null;
                var stack = new Stack<ExpressionSyntax>();
                stack.Push(binary);
                var leaves = 0;
                while (stack.Count > 0)
                {
                    var e = stack.Pop();
                    switch (e)
                    {
                        case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } b:
                            stack.Push(b.Right);
                            stack.Push(b.Left);
                            continue;
                        case ParenthesizedExpressionSyntax p:
                            stack.Push(p.Expression);
                            continue;
                    }

                    if (++leaves > 512) return false;
                    switch (e)
                    {
                        case LiteralExpressionSyntax l when l.IsKind(SyntaxKind.StringLiteralExpression):
                            if (l.Token.Text.IndexOf('{') >= 0 || l.Token.Text.IndexOf('}') >= 0 || l.Token.Text.IndexOf("Statement", StringComparison.Ordinal) >= 0) return true;
                            break;
                        case InterpolatedStringExpressionSyntax i:
                            if (MayBePolicy(i, state, compilation)) return true;
                            break;
                        case IdentifierNameSyntax id:
                            (names ??= new List<string>()).Add(id.Identifier.ValueText);
                            break;
                        case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member }:
                            (names ??= new List<string>()).Add(member.Identifier.ValueText);
                            break;
                        default:
                            // A call, a number: not a constant string concatenation.
                            return false;
                    }
                }

                if (names is null) return false;
                foreach (var name in names)
                {
                    if (state.MayBePolicyConstant(name, compilation) || IsLocalConstant(node, name)) return true;
                }

                return false;
            }

            default:
                return false;
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, HashSet<string>> s_localConstants = new();

    /// <summary>A <c>const</c> local of the enclosing member with that name (the member's constants are listed once).</summary>
    private static bool IsLocalConstant(SyntaxNode node, string name)
    {
        var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (member is null) return false;
        var names = s_localConstants.GetValue(member, m =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in m.DescendantNodes())
            {
                if (d is not LocalDeclarationStatementSyntax { IsConst: true } local) continue;
                foreach (var v in local.Declaration.Variables) set.Add(v.Identifier.ValueText);
            }

            return set;
        });
        return names.Contains(name);
    }

    /// <summary>A JSON object that names a Statement (the full parse decides).</summary>
    private static bool LooksLikePolicyText(string value)
    {
        var i = 0;
        while (i < value.Length && char.IsWhiteSpace(value[i])) i++;
        return i < value.Length && value[i] == '{' && value.IndexOf("Statement", StringComparison.Ordinal) >= 0;
    }
}
