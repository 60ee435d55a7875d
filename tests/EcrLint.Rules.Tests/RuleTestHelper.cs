using System.Text;
using System.Text.RegularExpressions;
using EcrLint.Engine;
using EcrLint.Fixes;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Tests;

/// <summary>
/// Lints policy text written with markup: <c>{|ECR201:"ecr:BatchGetImages"|}</c> marks where a finding of
/// ECR201 is expected (its exact span). Assertions compare the findings of the rules named in the markup
/// (and in <c>rules</c>) with the marked spans: nothing missing, nothing extra.
/// </summary>
public static partial class RuleTestHelper
{
    [GeneratedRegex(@"\{\|(ECR\d{3}):")]
    private static partial Regex OpenMarker();

    public sealed record Expected(string RuleId, int Start, int End);

    /// <summary>Removes the markup; returns the plain text and the expected findings.</summary>
    public static (string Text, List<Expected> Expected) Parse(string markup)
    {
        var sb = new StringBuilder();
        var expected = new List<Expected>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            var m = OpenMarker().Match(markup, i);
            var close = markup.IndexOf("|}", i, StringComparison.Ordinal);
            if (m.Success && (close < 0 || m.Index < close))
            {
                sb.Append(markup, i, m.Index - i);
                open.Push((m.Groups[1].Value, sb.Length));
                i = m.Index + m.Length;
            }
            else if (close >= 0 && open.Count > 0)
            {
                sb.Append(markup, i, close - i);
                var (id, start) = open.Pop();
                expected.Add(new Expected(id, start, sb.Length));
                i = close + 2;
            }
            else
            {
                sb.Append(markup, i, markup.Length - i);
                break;
            }
        }

        return (sb.ToString(), expected);
    }

    public static LintContext Context(string? region = null, string? account = null, LintMode mode = LintMode.Strict) =>
        new() { Region = region, Account = account, Severities = new SeverityPolicy(mode) };

    public static FileLintResult Lint(string text, InputKind kind = InputKind.Auto, string? region = null, string? account = null, LintMode mode = LintMode.Strict, string path = "policy.json")
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Linter.LintFile(path, bytes, Context(region, account, mode), kind);
    }

    /// <summary>
    /// Asserts that the rules named in the markup (plus <paramref name="rules"/>) report exactly the marked
    /// spans. Strict mode is the default so that every rule runs.
    /// </summary>
    public static FileLintResult Verify(string markup, InputKind kind = InputKind.Auto, string? region = null, string? account = null, LintMode mode = LintMode.Strict, params string[] rules)
    {
        var (text, expected) = Parse(markup);
        var result = Lint(text, kind, region, account, mode);
        var ids = new HashSet<string>(expected.Select(e => e.RuleId).Concat(rules));
        var actual = result.Findings.Where(f => ids.Contains(f.RuleId))
            .Select(f => new Expected(f.RuleId, f.Location.FileSpan.Start, f.Location.FileSpan.End))
            .OrderBy(e => e.Start).ThenBy(e => e.RuleId).ToList();
        var want = expected.OrderBy(e => e.Start).ThenBy(e => e.RuleId).ToList();
        if (!want.SequenceEqual(actual))
        {
            string Show(IEnumerable<Expected> list) => string.Join("\n", list.Select(e =>
            {
                var doc = new SourceDocument("x", text);
                var p = doc.GetLinePosition(e.Start);
                return $"  {e.RuleId} at {p} `{text.Substring(e.Start, e.End - e.Start)}`";
            }));
            var messages = string.Join("\n", result.Findings.Select(f => "  " + f));
            Assert.Fail($"Expected:\n{Show(want)}\nActual:\n{Show(actual)}\nAll findings:\n{messages}");
        }

        return result;
    }

    /// <summary>Asserts that none of <paramref name="rules"/> reports on the text.</summary>
    public static void VerifyNone(string text, InputKind kind = InputKind.Auto, string? region = null, string? account = null, LintMode mode = LintMode.Strict, params string[] rules)
    {
        var result = Lint(text, kind, region, account, mode);
        var hits = result.Findings.Where(f => rules.Contains(f.RuleId)).ToList();
        Assert.True(hits.Count == 0, "Unexpected findings:\n" + string.Join("\n", hits));
    }

    /// <summary>
    /// Applies the fixes of <paramref name="ruleId"/> (repeatedly, as <c>ecrlint --fix</c> does) and asserts the
    /// result; then asserts that the fixed text has no more fixable finding of that rule (idempotence).
    /// </summary>
    public static void VerifyFix(string ruleId, string before, string after, InputKind kind = InputKind.Auto, string? region = null, string? account = null, LintMode mode = LintMode.Strict)
    {
        var text = before;
        var applied = 0;
        for (var pass = 0; pass < 10; pass++)
        {
            var result = Lint(text, kind, region, account, mode);
            var fixes = result.Findings.Where(f => f.RuleId == ruleId && f.Fix is not null).Select(f => f.Fix!).ToList();
            if (fixes.Count == 0) break;
            var edits = TextEdits.NonOverlapping(fixes, out _);
            text = TextEdits.Apply(text, edits);
            applied++;
        }

        Assert.True(applied > 0, $"{ruleId} offered no fix.");
        Assert.Equal(after.ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));
        if (before.Contains("\r\n")) Assert.Contains("\r\n", text);
        var again = Lint(text, kind, region, account, mode);
        Assert.DoesNotContain(again.Findings, f => f.RuleId == ruleId && f.Fix is not null);
    }

    /// <summary>The findings of one rule.</summary>
    public static List<Finding> Findings(string text, string ruleId, InputKind kind = InputKind.Auto, string? region = null, string? account = null, LintMode mode = LintMode.Strict) =>
        Lint(text, kind, region, account, mode).Findings.Where(f => f.RuleId == ruleId).ToList();
}
