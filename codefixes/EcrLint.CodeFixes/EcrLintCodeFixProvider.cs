using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.CodeFixes;

/// <summary>
/// The shape every EcrLint code fix shares: a fix is a <see cref="FixPlan"/> (text changes computed from the
/// diagnostic's properties and the syntax), applied as it is for one diagnostic. Fix all merges the plans of a
/// document into one set of changes (<see cref="MergeChanges"/>): insertions at one place are kept in order and
/// identical ones once, so that several endpoints or statements added after the same anchor all arrive, where the
/// batch fixer would drop all but one as conflicting.
/// </summary>
public abstract class EcrLintCodeFixProvider : CodeFixProvider
{
    /// <summary>True when the fixes of one document never touch the same text (the batch fixer is enough).</summary>
    private protected virtual bool UsesBatchFixer => false;

    private protected abstract Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    public sealed override FixAllProvider GetFixAllProvider() =>
        UsesBatchFixer ? WellKnownFixAllProviders.BatchFixer : FixAllProvider.Create(FixAllInDocumentAsync);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            FixPlan? plan;
            try
            {
                plan = await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
            {
                plan = null;
            }

            if (plan is null || plan.Changes.Count == 0) continue;
            var solution = context.Document.Project.Solution;
            context.RegisterCodeFix(CodeAction.Create(plan.Title, ct => ApplyAsync(solution, plan, ct), plan.EquivalenceKey), diagnostic);
        }
    }

    private static async Task<Solution> ApplyAsync(Solution solution, FixPlan plan, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(plan.Document);
        if (document is null) return solution;
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var merged = MergeChanges(plan.Changes);
        return solution.WithDocumentText(plan.Document, text.WithChanges(merged));
    }

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var changes = new List<TextChange>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            FixPlan? plan;
            try
            {
                plan = await PlanAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
            {
                continue;
            }

            // Only the fixes of the kind the user chose, and only edits of this document (a fix-all call sees one document).
            if (plan is null || plan.EquivalenceKey != context.CodeActionEquivalenceKey || plan.Document != document.Id) continue;
            changes.AddRange(plan.Changes);
        }

        if (changes.Count == 0) return document;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(MergeChanges(changes)));
    }

    /// <summary>
    /// Orders changes and makes them applicable together: identical changes count once, insertions at the same
    /// place are concatenated in the order given, and a change that overlaps one already kept is dropped (a later
    /// fix-all pass, or the user, takes it).
    /// </summary>
    internal static List<TextChange> MergeChanges(IEnumerable<TextChange> changes)
    {
        var indexed = changes.Select((c, i) => (Change: c, Index: i)).ToList();
        indexed.Sort((a, b) =>
        {
            var byStart = a.Change.Span.Start.CompareTo(b.Change.Span.Start);
            if (byStart != 0) return byStart;
            // Insertions before replacements that start at the same place; otherwise the order given.
            var byLength = a.Change.Span.Length.CompareTo(b.Change.Span.Length);
            return byLength != 0 ? byLength : a.Index.CompareTo(b.Index);
        });

        var result = new List<TextChange>();
        var end = -1;
        foreach (var (change, _) in indexed)
        {
            if (result.Any(r => r.Span == change.Span && r.NewText == change.NewText)) continue;
            var last = result.Count > 0 ? result[result.Count - 1] : default;
            if (result.Count > 0 && change.Span.IsEmpty && last.Span.IsEmpty && last.Span.Start == change.Span.Start)
            {
                // Insertions at one place: one after the other, unless the text is already there.
                if (last.NewText!.Contains(change.NewText!)) continue;
                result[result.Count - 1] = new TextChange(last.Span, last.NewText + change.NewText);
                continue;
            }

            if (change.Span.Start < end) continue;
            result.Add(change);
            end = change.Span.End;
        }

        return result;
    }
}
