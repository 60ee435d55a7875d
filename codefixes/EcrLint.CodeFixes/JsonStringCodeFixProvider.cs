using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.CodeFixes;

/// <summary>
/// Every policy rule with a fix, for JSON written in a C# string: the engine's own JSON edits (carried by the analyzer
/// in the literal's source terms: <c>EcrLint.Edit{n}</c> = start, length, literal kind, <c>$</c> count; <c>.Text</c>;
/// <c>.Indent</c>) are applied to the literal, each new text written the way its literal writes characters: escapes in
/// <c>"..."</c>, <c>""</c> in <c>@"..."</c>, nothing in raw literals (whose line breaks get the literal's indentation),
/// <c>{{</c>/<c>}}</c> in interpolated ones. So the C# fix is the JSON fix. The analyzer offers no edit that touches a
/// constant declared elsewhere or spans two literals of a concatenation; the fix is not offered either when the new text
/// cannot be written in the literal (a line break in a single-line raw literal, a quote run as long as a raw literal's
/// delimiter, a brace run an interpolated raw literal would read as a hole).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(JsonStringCodeFixProvider)), Shared]
public sealed class JsonStringCodeFixProvider : EcrLintCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        "ECR101", "ECR102", "ECR103", "ECR104", "ECR105", "ECR106", "ECR107",
        "ECR201", "ECR202", "ECR203", "ECR204", "ECR205", "ECR206", "ECR207", "ECR208",
        "ECR301", "ECR302", "ECR303", "ECR304",
        "ECR400", "ECR401", "ECR402", "ECR403", "ECR404", "ECR405", "ECR406", "ECR407", "ECR408", "ECR409", "ECR410", "ECR411", "ECR412", "ECR413", "ECR414");

    public const string KeyPrefix = "EcrLint.Json.";

    private protected override async Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Get(Props.Source) != "JsonString" || diagnostic.Get(Props.FixKey) is not { } key) return null;
        if (!int.TryParse(diagnostic.Get(Props.EditCount), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0) return null;
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return null;
        var changes = new List<TextChange>();
        for (var i = 0; i < count; i++)
        {
            var name = "EcrLint.Edit" + i.ToString(CultureInfo.InvariantCulture);
            var edit = Edit.Parse(diagnostic.Get(name), diagnostic.Get(name + ".Text"), diagnostic.Get(name + ".Indent"));
            if (edit is null || edit.Span.End > text.Length) return null;
            var encoded = LiteralText.Encode(edit.NewText, edit.Kind, edit.Dollars, LiteralText.RawDelimiter(root, edit.Span.Start), edit.Indent, text, edit.Span);
            if (encoded is null) return null;
            changes.Add(new TextChange(edit.Span, encoded));
        }

        var title = diagnostic.Get(Props.FixTitle) ?? "Fix the policy";
        return new FixPlan(title, KeyPrefix + key, document.Id, changes);
    }

    private sealed class Edit
    {
        private Edit(TextSpan span, string kind, int dollars, string newText, string? indent)
        {
            Span = span;
            Kind = kind;
            Dollars = dollars;
            NewText = newText;
            Indent = indent;
        }

        public TextSpan Span { get; }
        public string Kind { get; }
        public int Dollars { get; }
        public string NewText { get; }
        public string? Indent { get; }

        public static Edit? Parse(string? head, string? newText, string? indent)
        {
            if (head is null || newText is null) return null;
            var parts = head.Split(',');
            if (parts.Length != 4) return null;
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var dollars)) return null;
            return new Edit(new TextSpan(start, length), parts[2], dollars, newText, indent);
        }
    }
}

/// <summary>Writes value characters the way a kind of C# string literal writes them.</summary>
internal static class LiteralText
{
    /// <param name="value">The characters of the value to write.</param>
    /// <param name="kind">The analyzer's piece kind: Regular, Verbatim, Raw, InterpolatedRegular, InterpolatedVerbatim, InterpolatedRaw.</param>
    /// <param name="dollars">The <c>$</c> count of an interpolated raw literal.</param>
    /// <param name="quotes">The quote delimiter length of a raw literal.</param>
    /// <param name="rawIndent">The indentation a multi-line raw literal removes from its lines.</param>
    /// <param name="source">The file's text (to see what surrounds the replaced span).</param>
    /// <param name="span">The replaced span.</param>
    /// <returns>The source text, or null when the value cannot be written in that literal.</returns>
    public static string? Encode(string value, string kind, int dollars, int quotes, string? rawIndent, SourceText source, TextSpan span)
    {
        switch (kind)
        {
            case "Regular":
                return Regular(value, braces: false);
            case "InterpolatedRegular":
                return Regular(value, braces: true);
            case "Verbatim":
                return value.Replace("\"", "\"\"");
            case "InterpolatedVerbatim":
                return value.Replace("\"", "\"\"").Replace("{", "{{").Replace("}", "}}");
            case "Raw":
            case "InterpolatedRaw":
                return Raw(value, kind == "InterpolatedRaw" ? dollars : 0, quotes, rawIndent, source, span);
            default:
                return null;
        }
    }

    private static string Regular(string value, bool braces)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '{' when braces: sb.Append("{{"); break;
                case '}' when braces: sb.Append("}}"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static string? Raw(string value, int dollars, int quotes, string? rawIndent, SourceText source, TextSpan span)
    {
        if (quotes < 3) return null;
        var multiline = rawIndent is not null;
        if (!multiline && (value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0)) return null;

        // The new text with its neighbours must not form a quote run as long as the delimiter, nor (interpolated) a brace run of $ count.
        var before = span.Start > 0 ? source[span.Start - 1].ToString() : "";
        var after = span.End < source.Length ? source[span.End].ToString() : "";
        var context = before + value + after;
        if (LongestRun(context, '"') >= quotes) return null;
        if (dollars > 0 && (LongestRun(context, '{') >= dollars || LongestRun(context, '}') >= dollars)) return null;
        if (!multiline) return value;

        // A line break in a multi-line raw literal is followed by the indentation the literal removes.
        var sb = new StringBuilder(value.Length + 16);
        for (var k = 0; k < value.Length; k++)
        {
            var c = value[k];
            sb.Append(c);
            var isBreak = c == '\n' || (c == '\r' && !(k + 1 < value.Length && value[k + 1] == '\n'));
            if (isBreak && k + 1 < value.Length && value[k + 1] is not ('\n' or '\r')) sb.Append(rawIndent);
        }

        return sb.ToString();
    }

    /// <summary>The length of the quote delimiter of the raw literal (or interpolated raw literal) that holds <paramref name="position"/>; 0 for others.</summary>
    public static int RawDelimiter(SyntaxNode root, int position)
    {
        var token = root.FindToken(position);
        var text = token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
            ? token.Text
            : token.Parent?.AncestorsAndSelf().OfType<InterpolatedStringExpressionSyntax>().FirstOrDefault()?.StringStartToken.Text;
        if (text is null) return 0;
        var i = 0;
        while (i < text.Length && text[i] == '$') i++;
        var quotes = 0;
        while (i + quotes < text.Length && text[i + quotes] == '"') quotes++;
        return quotes >= 3 ? quotes : 0;
    }

    private static int LongestRun(string text, char c)
    {
        int best = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            if (run > best) best = run;
        }

        return best;
    }
}
