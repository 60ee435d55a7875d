using EcrLint.Cli.Inputs;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Cli.Reporting;

/// <summary>1-based start and end (end column is the column after the last character), in the file as written.</summary>
public readonly record struct ReportedRegion(int Line, int Column, int EndLine, int EndColumn)
{
    public static ReportedRegion Of(SourceLocation location)
    {
        var start = location.Start;
        var end = location.End;
        return new ReportedRegion(start.Line, start.Column, end.Line, end.Column);
    }
}

public sealed record ReportedRelated(string Path, ReportedRegion Region, string Message);

/// <summary>One edit of a fix: the region it replaces (empty for an insertion) and the new text.</summary>
public sealed record ReportedEdit(ReportedRegion Deleted, string Inserted);

public sealed record ReportedFix(string Title, IReadOnlyList<ReportedEdit> Edits);

/// <summary>Why a finding is not counted: <c>config</c> (a suppression in .ecrlint.json) or <c>baseline</c>.</summary>
public sealed record ReportedSuppression(string Kind, string Justification);

/// <summary>
/// A finding reduced to what the reports need (no document or syntax tree is kept alive once a file is linted).
/// </summary>
public sealed record ReportedFinding(
    string Path,
    string RuleId,
    Severity Severity,
    string Message,
    ReportedRegion Region,
    string Pointer,
    IReadOnlyList<ReportedRelated> Related,
    ReportedFix? Fix,
    ReportedSuppression? Suppression)
{
    public bool IsSuppressed => Suppression is not null;

    public bool IsFixable => Fix is not null;

    public string HelpUri => RuleCatalog.HelpBaseUri + RuleId + ".md";

    public static ReportedFinding From(Finding finding, ReportedSuppression? suppression)
    {
        IReadOnlyList<ReportedRelated> related = finding.RelatedLocations.Count == 0
            ? []
            : finding.RelatedLocations.Select(r => new ReportedRelated(r.Location.Path, ReportedRegion.Of(r.Location), r.Message)).ToArray();
        return new ReportedFinding(finding.Location.Path, finding.RuleId, finding.Severity, finding.Message, ReportedRegion.Of(finding.Location),
            finding.Pointer ?? "", related, FixOf(finding), suppression);
    }

    private static ReportedFix? FixOf(Finding finding)
    {
        if (finding.Fix is not { } fix || fix.Edits.Count == 0) return null;
        var edits = new ReportedEdit[fix.Edits.Count];
        for (var i = 0; i < edits.Length; i++)
        {
            var e = fix.Edits[i];
            // Edits are in the fix document's coordinates; positions come from that document, so a BOM does not matter.
            var (doc, span) = fix.Document.ToOutermost(e.Span);
            var start = doc.GetLinePosition(span.Start);
            var end = doc.GetLinePosition(span.End);
            edits[i] = new ReportedEdit(new ReportedRegion(start.Line, start.Column, end.Line, end.Column), e.NewText);
        }

        return new ReportedFix(fix.Title, edits);
    }

    /// <summary>The report order: file, line, column, rule, message.</summary>
    public static int Compare(ReportedFinding a, ReportedFinding b)
    {
        var c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0) return c;
        c = a.Region.Line.CompareTo(b.Region.Line);
        if (c != 0) return c;
        c = a.Region.Column.CompareTo(b.Region.Column);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.RuleId, b.RuleId);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}

/// <summary>Everything a report shows about a run.</summary>
public sealed class RunReport
{
    public RunReport(IReadOnlyList<ReportedFinding> findings, IReadOnlyList<InputError> inputErrors, int files, int skipped, int fixesApplied = 0, int filesFixed = 0, bool dryRun = false)
    {
        DryRun = dryRun;
        Findings = findings;
        InputErrors = inputErrors;
        Files = files;
        Skipped = skipped;
        FixesApplied = fixesApplied;
        FilesFixed = filesFixed;
        foreach (var f in findings)
        {
            if (f.IsSuppressed)
            {
                SuppressedCount++;
                continue;
            }

            switch (f.Severity)
            {
                case Severity.Error: ErrorCount++; break;
                case Severity.Warning: WarningCount++; break;
                case Severity.Info: InfoCount++; break;
            }
        }
    }

    /// <summary>Every finding, suppressed ones included, in report order.</summary>
    public IReadOnlyList<ReportedFinding> Findings { get; }

    public IEnumerable<ReportedFinding> Active => Findings.Where(f => !f.IsSuppressed);

    /// <summary>Inputs that could not be read (and other per-file failures), in input order.</summary>
    public IReadOnlyList<InputError> InputErrors { get; }

    /// <summary>Files linted.</summary>
    public int Files { get; }

    /// <summary>Files found by a folder walk or a glob that are not a kind EcrLint lints.</summary>
    public int Skipped { get; }

    public int FixesApplied { get; }

    /// <summary>True for <c>--fix --dry-run</c>: the fixes were not written, the findings are those that would remain.</summary>
    public bool DryRun { get; }
    public int FilesFixed { get; }

    public int ErrorCount { get; }
    public int WarningCount { get; }
    public int InfoCount { get; }
    public int SuppressedCount { get; }
}
