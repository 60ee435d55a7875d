using EcrLint.Engine;
using EcrLint.Fixes;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Cli.Fixing;

/// <summary>The outcome of fixing one file in memory.</summary>
public sealed class FixOutcome
{
    public FixOutcome(FileLintResult result, string originalText, string newText, byte[] newBytes, int fixesApplied)
    {
        Result = result;
        OriginalText = originalText;
        NewText = newText;
        NewBytes = newBytes;
        FixesApplied = fixesApplied;
    }

    /// <summary>The lint result of the fixed content (what remains).</summary>
    public FileLintResult Result { get; }

    public string OriginalText { get; }
    public string NewText { get; }
    public byte[] NewBytes { get; }
    public int FixesApplied { get; }
    public bool Changed => FixesApplied > 0 && NewText != OriginalText;
}

/// <summary>
/// Applies fixes to one file's content: lint, take the fixes of the findings that are reported (enabled, not
/// suppressed) in report order, keep those that do not overlap an earlier one, apply, lint again, until no fix
/// applies (at most <see cref="MaxPasses"/> passes), so a second run changes nothing. Edits are in the
/// document's text (a BOM excluded); the result is encoded back with the file's encoding and BOM, so every byte
/// outside the edited spans is kept. A pass whose result no longer parses is dropped.
/// </summary>
public static class FileFixer
{
    public const int MaxPasses = 10;

    public static FixOutcome Fix(string path, byte[] bytes, LintContext context, InputKind kind, bool explicitFile, Func<Finding, bool> isSuppressed)
    {
        var result = Linter.LintFile(path, bytes, context, kind, explicitFile);
        var original = result.Document?.Text ?? "";
        var currentBytes = bytes;
        var applied = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var doc = result.Document;
            if (doc is null || doc.Host is not null || HasParseError(result)) break;
            var fixes = Linter.Ordered(result.Findings)
                .Where(f => f.Fix is not null && f.Severity != Severity.None && ReferenceEquals(f.Fix.Document, doc) && !isSuppressed(f))
                .Select(f => f.Fix!)
                .ToList();
            if (fixes.Count == 0) break;
            var edits = TextEdits.NonOverlapping(fixes, out var skipped);
            if (edits.Count == 0) break;
            var newText = TextEdits.Apply(doc.Text, edits);
            if (newText == doc.Text) break;
            var newBytes = Encode(doc, newText);
            var next = Linter.LintFile(path, newBytes, context, kind, explicitFile);
            if (HasParseError(next)) break; // A fix must never break the file.
            applied += fixes.Count - skipped;
            result = next;
            currentBytes = newBytes;
        }

        return new FixOutcome(result, original, result.Document?.Text ?? original, currentBytes, applied);
    }

    /// <summary>The bytes of a text in a document's encoding, with its BOM when it had one.</summary>
    public static byte[] Encode(SourceDocument doc, string text)
    {
        var preamble = doc.HasBom ? doc.Encoding.GetPreamble() : [];
        var body = doc.Encoding.GetBytes(text);
        if (preamble.Length == 0) return body;
        var bytes = new byte[preamble.Length + body.Length];
        preamble.CopyTo(bytes, 0);
        body.CopyTo(bytes, preamble.Length);
        return bytes;
    }

    private static bool HasParseError(FileLintResult result) => result.Findings.Any(f => f.RuleId == RuleCatalog.ECR400.Id);
}
