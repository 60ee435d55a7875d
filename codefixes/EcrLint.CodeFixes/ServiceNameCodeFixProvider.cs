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
/// ECR010: a malformed service name written as a string literal is replaced by the corrected name
/// (<c>EcrLint.ServiceName</c>); where the correction is the stack's own region (<c>${AWS::Region}</c>, as for a
/// placeholder <c>region</c>), it is written <c>$"com.amazonaws.{Aws.REGION}.ecr.dkr"</c>, which the analyzers read as
/// the stack's region. A name that is not a literal at the finding (an interpolation, a constant declared elsewhere)
/// is left to the user.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ServiceNameCodeFixProvider)), Shared]
public sealed class ServiceNameCodeFixProvider : EcrLintCodeFixProvider
{
    public const string EquivalenceKey = "EcrLint.SetServiceName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ECR010");

    private protected override bool UsesBatchFixer => true;

    private protected override async Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Get(Props.FixKind) != "SetServiceName" || diagnostic.Get("EcrLint.ServiceName") is not { } name || !diagnostic.Location.IsInSource) return null;
        const string Region = "${AWS::Region}";
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return null;
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var literal = node.AncestorsAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault();
        if (literal is null || !literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.Token.ValueText == name) return null;
        string code;
        var at = name.IndexOf(Region, System.StringComparison.Ordinal);
        if (at >= 0)
        {
            var before = name.Substring(0, at);
            var after = name.Substring(at + Region.Length);
            if ((before + after).IndexOf("${", System.StringComparison.Ordinal) >= 0 || (before + after).IndexOfAny(new[] { '{', '}' }) >= 0) return null;
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var aws = SyntaxText.TypeName(model, literal.SpanStart, "Amazon.CDK", "Aws");
            static string Inner(string text) => SyntaxText.Literal(text).Substring(1, SyntaxText.Literal(text).Length - 2);
            code = "$\"" + Inner(before) + "{" + aws + ".REGION}" + Inner(after) + "\"";
        }
        else
        {
            if (name.IndexOf("${", System.StringComparison.Ordinal) >= 0) return null;
            code = CdkValueCodeFixProvider.Rewrite(literal.Token, name);
        }

        var title = (diagnostic.Get(Props.FixTitle) ?? "Correct the service name") + ": " + name.Replace(Region, "REGION");
        return new FixPlan(title, EquivalenceKey, document.Id, new[] { new TextChange(literal.Span, code) });
    }
}
