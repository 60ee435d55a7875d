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
/// ECR006/ECR007: private DNS of an <c>ecr.dkr</c>/<c>ecr.api</c> endpoint. An explicit value becomes <c>true</c>;
/// where the setting is omitted (CloudFormation, SDK and custom CDK services default to false),
/// <c>PrivateDnsEnabled = true</c> is added to the options, props or request initializer.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnablePrivateDnsCodeFixProvider)), Shared]
public sealed class EnablePrivateDnsCodeFixProvider : EcrLintCodeFixProvider
{
    public const string EquivalenceKey = "EcrLint.EnablePrivateDns";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ECR006", "ECR007");

    private protected override bool UsesBatchFixer => true;

    private protected override async Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Get(Props.FixKind) != "EnablePrivateDns" || !diagnostic.Location.IsInSource) return null;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return null;
        var span = diagnostic.Location.SourceSpan;
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var title = diagnostic.Get(Props.FixTitle) ?? "Enable private DNS";

        // PrivateDnsEnabled = false: the value becomes true.
        var value = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Parent is AssignmentExpressionSyntax a && a.Right == e && IsPrivateDns(a.Left));
        if (value is not null)
        {
            if (value.IsKind(SyntaxKind.TrueLiteralExpression)) return null;
            return new FixPlan(title, EquivalenceKey, document.Id, new[] { new TextChange(value.Span, "true") });
        }

        // Omitted: add it to the options/props/request the construct is created with.
        var construct = Construct(node, span);
        var props = construct is null ? null : PropsOf(construct);
        if (props is null) return null;
        if (props.Initializer is { } init)
        {
            if (init.Expressions.OfType<AssignmentExpressionSyntax>().Any(a => IsPrivateDns(a.Left))) return null;
            var change = SyntaxText.AppendToList(text, init.Expressions, init.OpenBraceToken, init.CloseBraceToken, new[] { "PrivateDnsEnabled = true" });
            return new FixPlan(title, EquivalenceKey, document.Id, new[] { change });
        }

        var end = props.ArgumentList?.Span.End ?? props.Type.Span.End;
        return new FixPlan(title, EquivalenceKey, document.Id, new[] { new TextChange(new TextSpan(end, 0), " { PrivateDnsEnabled = true }") });
    }

    private static bool IsPrivateDns(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText == "PrivateDnsEnabled",
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText == "PrivateDnsEnabled",
        _ => false,
    };

    /// <summary>The endpoint's construct at the diagnostic: <c>vpc.AddInterfaceEndpoint(...)</c> or <c>new X(...)</c>.</summary>
    internal static ExpressionSyntax? Construct(SyntaxNode node, TextSpan span)
    {
        foreach (var a in node.AncestorsAndSelf())
        {
            switch (a)
            {
                case InvocationExpressionSyntax i when i.Expression.Span.Contains(span) || i.Span == span:
                    return i;
                case ObjectCreationExpressionSyntax o:
                    return o;
            }
        }

        return null;
    }

    /// <summary>The object creation that holds the endpoint's settings: the request itself, or the options/props argument.</summary>
    internal static ObjectCreationExpressionSyntax? PropsOf(ExpressionSyntax construct)
    {
        if (construct is ObjectCreationExpressionSyntax creation && TypeName(creation.Type) == "CreateVpcEndpointRequest") return creation;
        var arguments = construct switch
        {
            InvocationExpressionSyntax i => i.ArgumentList.Arguments,
            ObjectCreationExpressionSyntax o when o.ArgumentList is { } list => list.Arguments,
            _ => default,
        };
        return arguments.Select(a => a.Expression).OfType<ObjectCreationExpressionSyntax>().LastOrDefault();
    }

    internal static string TypeName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => "",
    };
}
