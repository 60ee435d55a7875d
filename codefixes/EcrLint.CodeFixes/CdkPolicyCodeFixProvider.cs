using System.Collections.Generic;
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
/// Policies built with CDK types, where the engine's fix adds to the policy: ECR101 adds the layer bucket statement,
/// ECR301 the PreventDelete Deny, ECR202 the missing pull actions to the statement's <c>Actions</c> (or
/// <c>AddActions(...)</c> call) and, when its resources are repositories, an <c>ecr:GetAuthorizationToken</c> statement
/// on <c>*</c>. The analyzer probes the engine with the policy written as JSON and carries what the fix adds
/// (<c>EcrLint.AddActions</c>, <c>EcrLint.NewStatement</c>) and where the policy is gathered (<c>EcrLint.PolicyAnchor</c>:
/// an <c>endpoint.AddToPolicy(...)</c> call, after whose last sibling call in the block the new
/// <c>endpoint.AddToPolicy(...)</c> goes, or a <c>new PolicyDocument(...)</c> whose <c>Statements</c> array gets it).
/// ECR101 in a stack of unknown region writes the bucket with <c>Aws.PARTITION</c> and <c>Aws.REGION</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CdkPolicyCodeFixProvider)), Shared]
public sealed class CdkPolicyCodeFixProvider : EcrLintCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ECR101", "ECR202", "ECR301");

    internal static string KeyFor(string id) => id switch
    {
        "ECR101" => "EcrLint.Cdk.AddLayerBucketStatement",
        "ECR202" => "EcrLint.Cdk.AddMissingPullActions",
        _ => "EcrLint.Cdk.AddPreventDelete",
    };

    private static readonly HashSet<string> GatheringMethods = new() { "AddToPolicy", "AddStatements", "AddToResourcePolicy", "AddToPrincipalPolicy" };

    private protected override async Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Get(Props.Source) != "Cdk" || !diagnostic.Location.IsInSource) return null;
        var addActions = diagnostic.Get(Props.AddActions);
        var newStatement = diagnostic.Get(Props.NewStatement);
        if (addActions is null && newStatement is null) return null;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return null;
        var changes = new List<TextChange>();

        if (addActions is not null)
        {
            var actions = addActions.Split(',').Select(SyntaxText.Literal).ToList();
            var change = AddToActions(root, text, diagnostic.Location.SourceSpan, actions);
            if (change is null) return null;
            changes.Add(change.Value);
        }

        if (newStatement is not null)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var change = AddStatement(root, text, model, Props.ParseSpan(diagnostic.Get(Props.PolicyAnchor)), newStatement, diagnostic.Get(Props.RegionStandIn));
            if (change is null) return null;
            changes.Add(change.Value);
        }

        var title = diagnostic.Get(Props.FixTitle) ?? "Fix the policy";
        return new FixPlan(title, KeyFor(diagnostic.Id), document.Id, changes);
    }

    /// <summary>The missing actions appended to <c>Actions = new[] { ... }</c> / <c>[ ... ]</c> or to <c>AddActions(...)</c>.</summary>
    private static TextChange? AddToActions(SyntaxNode root, SourceText text, TextSpan span, IReadOnlyList<string> actions)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        if (node is not IdentifierNameSyntax name) return null;
        switch (name.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == name && name.Identifier.ValueText is "Actions":
                switch (assignment.Right)
                {
                    case ArrayCreationExpressionSyntax { Initializer: { } init }:
                        return SyntaxText.AppendToList(text, init.Expressions, init.OpenBraceToken, init.CloseBraceToken, actions);
                    case ImplicitArrayCreationExpressionSyntax { Initializer: { } init }:
                        return SyntaxText.AppendToList(text, init.Expressions, init.OpenBraceToken, init.CloseBraceToken, actions);
                    case CollectionExpressionSyntax collection:
                        return SyntaxText.AppendToList(text, collection.Elements, collection.OpenBracketToken, collection.CloseBracketToken, actions);
                    default:
                        return null;
                }

            case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } member when member.Name == name && name.Identifier.ValueText == "AddActions":
                var args = invocation.ArgumentList;
                return SyntaxText.AppendToList(text, args.Arguments, args.OpenParenToken, args.CloseParenToken, actions);
            default:
                return null;
        }
    }

    /// <summary>The new statement, next to the calls that gather the policy or in its document's <c>Statements</c>.</summary>
    private static TextChange? AddStatement(SyntaxNode root, SourceText text, SemanticModel? model, TextSpan? anchorSpan, string json, string? regionStandIn)
    {
        if (anchorSpan is not { } span || span.End > text.Length) return null;
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var unit = SyntaxText.IndentUnit(text, node);
        switch (node)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call when GatheringMethods.Contains(member.Name.Identifier.ValueText):
            {
                var statement = SyntaxText.BlockStatement(call);
                if (statement?.Parent is not BlockSyntax block) return null;
                var receiver = member.Expression.ToString();
                var method = member.Name.Identifier.ValueText;
                var last = block.Statements.LastOrDefault(s => s is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m } }
                    && m.Name.Identifier.ValueText == method && m.Expression.ToString() == receiver) ?? statement;
                var writer = new CdkStatementWriter(model, last.SpanStart) { RegionStandIn = regionStandIn };
                var code = writer.Write(json, unit);
                if (code is null) return null;
                return SyntaxText.InsertStatementsAfter(text, last, new[] { $"{receiver}.{method}({code});" });
            }

            case ObjectCreationExpressionSyntax creation when EnablePrivateDnsCodeFixProvider.TypeName(creation.Type) == "PolicyDocument":
            {
                var props = creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression as ObjectCreationExpressionSyntax;
                var statements = props?.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                    .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "Statements" })?.Right;
                var writer = new CdkStatementWriter(model, creation.SpanStart) { RegionStandIn = regionStandIn };
                var code = writer.Write(json, unit);
                if (code is null) return null;
                return statements switch
                {
                    ArrayCreationExpressionSyntax { Initializer: { } init } => SyntaxText.AppendToList(text, init.Expressions, init.OpenBraceToken, init.CloseBraceToken, new[] { code }),
                    ImplicitArrayCreationExpressionSyntax { Initializer: { } init } => SyntaxText.AppendToList(text, init.Expressions, init.OpenBraceToken, init.CloseBraceToken, new[] { code }),
                    CollectionExpressionSyntax collection => SyntaxText.AppendToList(text, collection.Elements, collection.OpenBracketToken, collection.CloseBracketToken, new[] { code }),
                    _ => null,
                };
            }

            default:
                return null;
        }
    }
}
