using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.CodeFixes;

/// <summary>Text-level helpers that write new code the way the surrounding code is written (indentation, line breaks, commas).</summary>
internal static class SyntaxText
{
    /// <summary>The line break the file uses (the first one), else the platform's.</summary>
    public static string NewLine(SourceText text)
    {
        var s = text.ToString();
        var i = s.IndexOf('\n');
        if (i < 0) return s.IndexOf('\r') >= 0 ? "\r" : "\n";
        return i > 0 && s[i - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>The leading whitespace of the line that holds <paramref name="position"/>.</summary>
    public static string IndentAt(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var i = line.Start;
        while (i < line.End && text[i] is ' ' or '\t') i++;
        return text.ToString(TextSpan.FromBounds(line.Start, i));
    }

    /// <summary>One level of indentation: the difference between a block's statements and its braces, else four spaces.</summary>
    public static string IndentUnit(SourceText text, SyntaxNode node)
    {
        foreach (var block in node.AncestorsAndSelf().OfType<BlockSyntax>())
        {
            if (block.Statements.Count == 0) continue;
            var outer = IndentAt(text, block.OpenBraceToken.SpanStart);
            var inner = IndentAt(text, block.Statements[0].SpanStart);
            if (inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal) && OnOwnLine(text, block.Statements[0].SpanStart))
                return inner.Substring(outer.Length);
        }

        return "    ";
    }

    /// <summary>True when only whitespace precedes <paramref name="position"/> on its line.</summary>
    public static bool OnOwnLine(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        for (var i = line.Start; i < position; i++)
        {
            if (text[i] is not (' ' or '\t')) return false;
        }

        return true;
    }

    public static bool SameLine(SourceText text, int a, int b) => text.Lines.GetLineFromPosition(a).LineNumber == text.Lines.GetLineFromPosition(b).LineNumber;

    /// <summary>A change that puts new statements (each a line of code without indentation or line break) after <paramref name="statement"/>.</summary>
    public static TextChange InsertStatementsAfter(SourceText text, StatementSyntax statement, IReadOnlyList<string> lines)
    {
        var indent = IndentAt(text, statement.SpanStart);
        var nl = NewLine(text);
        var body = string.Join(nl, lines.Select(l => Indent(l, indent, nl)));
        var trailing = statement.GetTrailingTrivia();
        if (trailing.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))) return new TextChange(new TextSpan(statement.FullSpan.End, 0), body + nl);
        return new TextChange(new TextSpan(statement.Span.End, 0), nl + body);
    }

    /// <summary>Indents every line of a (possibly multi-line) piece of code and uses the file's line breaks.</summary>
    public static string Indent(string code, string indent, string newLine)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n');
        return string.Join(newLine, lines.Select(l => l.Length == 0 ? l : indent + l));
    }

    /// <summary>
    /// A change that adds items to a comma-separated list (an object or array initializer's expressions, a call's
    /// arguments, a collection expression's elements): on the last item's line when the list is on one line, each on a
    /// line of its own like the others otherwise; a trailing comma stays trailing.
    /// </summary>
    public static TextChange AppendToList<TNode>(SourceText text, SeparatedSyntaxList<TNode> items, SyntaxToken open, SyntaxToken close, IReadOnlyList<string> added)
        where TNode : SyntaxNode
    {
        if (items.Count == 0)
        {
            var between = TextSpan.FromBounds(open.Span.End, close.SpanStart);
            var joined = string.Join(", ", added);
            return new TextChange(between, open.IsKind(SyntaxKind.OpenBraceToken) ? " " + joined + " " : joined);
        }

        var last = items[items.Count - 1];
        var trailingComma = items.SeparatorCount == items.Count ? items.GetSeparator(items.Count - 1) : (SyntaxToken?)null;
        var multiline = !SameLine(text, last.SpanStart, close.SpanStart) && OnOwnLine(text, last.SpanStart);
        if (!multiline)
        {
            var joined = string.Join(", ", added);
            return trailingComma is { } comma
                ? new TextChange(new TextSpan(comma.Span.End, 0), " " + joined + ",")
                : new TextChange(new TextSpan(last.Span.End, 0), ", " + joined);
        }

        var nl = NewLine(text);
        var indent = IndentAt(text, last.SpanStart);
        var lines = added.Select(a => indent + Indent(a, indent, nl).Substring(indent.Length)).ToList();
        return trailingComma is { } c
            ? new TextChange(new TextSpan(c.Span.End, 0), string.Concat(lines.Select(l => nl + l + ",")))
            : new TextChange(new TextSpan(last.Span.End, 0), string.Concat(lines.Select(l => "," + nl + l)));
    }

    /// <summary>The statement of a block that holds <paramref name="node"/> (the statement is directly in a block), or null.</summary>
    public static StatementSyntax? BlockStatement(SyntaxNode node)
    {
        foreach (var s in node.AncestorsAndSelf().OfType<StatementSyntax>())
        {
            if (s.Parent is BlockSyntax) return s;
            if (s.Parent is GlobalStatementSyntax) return null;
            if (s is BlockSyntax) return null;
        }

        return null;
    }

    /// <summary>A C# regular string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// The name to write for a type or static class: its simple name when that binds to it at <paramref name="position"/>,
    /// else its full name.
    /// </summary>
    public static string TypeName(SemanticModel? model, int position, string ns, string name)
    {
        if (model is null) return name;
        foreach (var symbol in model.LookupNamespacesAndTypes(position, name: name))
        {
            if (symbol is INamedTypeSymbol t && t.ContainingNamespace?.ToDisplayString() == ns) return name;
        }

        return ns + "." + name;
    }
}
