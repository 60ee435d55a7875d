using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.CodeFixes;

/// <summary>
/// ECR201/ECR205/ECR208 (and ECR413) in policies built with CDK types: the action string in <c>Actions = new[] { ... }</c>
/// or <c>AddActions(...)</c> (the condition operator in <c>Conditions</c>) is replaced by the engine's correction, which
/// the analyzer carries in <c>EcrLint.Replacement</c>. Only a literal written at that place is replaced: a constant
/// declared elsewhere may be used by other code.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CdkValueCodeFixProvider)), Shared]
public sealed class CdkValueCodeFixProvider : EcrLintCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ECR201", "ECR205", "ECR208", "ECR413");

    private protected override bool UsesBatchFixer => true;

    internal static string KeyFor(string id) => id switch
    {
        "ECR208" => "EcrLint.Cdk.CanonicalActionCasing",
        "ECR413" => "EcrLint.Cdk.UseNearestOperator",
        _ => "EcrLint.Cdk.UseNearestAction",
    };

    private protected override async Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Get(Props.Source) != "Cdk" || diagnostic.Get(Props.Replacement) is not { } replacement || !diagnostic.Location.IsInSource) return null;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return null;
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var literal = node.AncestorsAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault();
        if (literal is null || !literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.Span != diagnostic.Location.SourceSpan) return null;
        if (literal.Token.ValueText == replacement) return null;
        var title = diagnostic.Get(Props.FixTitle) is { } t ? $"{t}: {replacement}" : $"Use {replacement}";
        return new FixPlan(title, KeyFor(diagnostic.Id), document.Id, new[] { new TextChange(literal.Span, Rewrite(literal.Token, replacement)) });
    }

    /// <summary>The replacement written in the literal's own kind (regular, verbatim or raw).</summary>
    internal static string Rewrite(SyntaxToken token, string value)
    {
        var text = token.Text;
        if (text.StartsWith("@", System.StringComparison.Ordinal)) return "@\"" + value.Replace("\"", "\"\"") + "\"";
        if (token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && value.IndexOf('"') < 0 && value.IndexOf('\n') < 0)
        {
            var quotes = 0;
            while (quotes < text.Length && text[quotes] == '"') quotes++;
            var delimiter = new string('"', quotes);
            return delimiter + value + delimiter;
        }

        return SyntaxText.Literal(value);
    }
}
