using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.Analyzers.CSharp;

/// <summary>How the characters of a piece of a C# string value are written in the source.</summary>
internal enum PieceKind
{
    /// <summary>A regular literal <c>"..."</c> (escapes).</summary>
    Regular,

    /// <summary>A verbatim literal <c>@"..."</c> (<c>""</c>).</summary>
    Verbatim,

    /// <summary>A raw literal <c>"""..."""</c> (no escapes; multi-line ones lose their indentation).</summary>
    Raw,

    /// <summary>The text of an interpolated regular string <c>$"..."</c> (escapes and <c>{{</c>).</summary>
    InterpolatedRegular,

    /// <summary>The text of an interpolated verbatim string <c>$@"..."</c>.</summary>
    InterpolatedVerbatim,

    /// <summary>The text of an interpolated raw string <c>$$"""..."""</c>.</summary>
    InterpolatedRaw,

    /// <summary>A constant written elsewhere (another file, a computed constant): every character maps to the referencing expression.</summary>
    Reference,
}

/// <summary>A contiguous run of value characters that come from one token (or one referencing expression).</summary>
internal sealed class Piece
{
    public Piece(PieceKind kind, TextSpan sourceSpan, string? rawIndent = null, int dollars = 0)
    {
        Kind = kind;
        SourceSpan = sourceSpan;
        RawIndent = rawIndent;
        Dollars = dollars;
    }

    public PieceKind Kind { get; }

    /// <summary>The token (or expression) the characters come from.</summary>
    public TextSpan SourceSpan { get; }

    /// <summary>The indentation a multi-line raw literal removes from every line (a code fix adds it back after line breaks it inserts).</summary>
    public string? RawIndent { get; }

    /// <summary>The number of <c>$</c> of an interpolated raw string.</summary>
    public int Dollars { get; }

    public bool IsLiteralText => Kind != PieceKind.Reference;
}

/// <summary>
/// The constant value of a C# string expression with, for every character of the value, the source span it
/// is written as: <c>\"</c> is two source characters for one value character, <c>""</c> in a verbatim literal
/// too, the indentation of a multi-line raw literal maps to nothing, and a constant defined in another file
/// maps to the expression that references it.
/// </summary>
internal sealed class MappedString
{
    private MappedString(string value, int[] starts, int[] ends, int[] pieceOf, List<Piece> pieces, SyntaxTree tree, TextSpan rootSpan)
    {
        Value = value;
        Starts = starts;
        Ends = ends;
        PieceOf = pieceOf;
        Pieces = pieces;
        Tree = tree;
        RootSpan = rootSpan;
    }

    public string Value { get; }

    /// <summary>Source start of every value character.</summary>
    public int[] Starts { get; }

    /// <summary>Source end of every value character.</summary>
    public int[] Ends { get; }

    /// <summary>The piece every value character comes from.</summary>
    public int[] PieceOf { get; }

    public List<Piece> Pieces { get; }

    public SyntaxTree Tree { get; }

    /// <summary>The expression the value was read from.</summary>
    public TextSpan RootSpan { get; }

    /// <summary>The host offsets <see cref="EcrLint.Text.SourceDocument.CreateEmbedded"/> takes: every character's start, then the end.</summary>
    public int[] HostOffsets()
    {
        var offsets = new int[Value.Length + 1];
        Array.Copy(Starts, offsets, Value.Length);
        offsets[Value.Length] = Value.Length == 0 ? RootSpan.End : Ends[Value.Length - 1];
        return offsets;
    }

    /// <summary>
    /// The source span of a span of the value: from the first character's start to the last one's end, kept to
    /// the characters written inside the expression itself when the span also covers a constant defined
    /// elsewhere in the file.
    /// </summary>
    public TextSpan ToSource(int start, int length)
    {
        if (Value.Length == 0) return new TextSpan(RootSpan.Start, 0);
        start = Math.Max(0, Math.Min(start, Value.Length));
        var end = Math.Max(start, Math.Min(start + length, Value.Length));
        if (end == start)
        {
            var at = start < Value.Length ? Starts[start] : Ends[Value.Length - 1];
            return new TextSpan(at, 0);
        }

        int lo = int.MaxValue, hi = int.MinValue, loAll = int.MaxValue, hiAll = int.MinValue;
        for (var i = start; i < end; i++)
        {
            loAll = Math.Min(loAll, Starts[i]);
            hiAll = Math.Max(hiAll, Ends[i]);
            if (Starts[i] >= RootSpan.Start && Ends[i] <= RootSpan.End)
            {
                lo = Math.Min(lo, Starts[i]);
                hi = Math.Max(hi, Ends[i]);
            }
        }

        if (lo == int.MaxValue) return TextSpan.FromBounds(loAll, Math.Max(loAll, hiAll));
        // The characters inside the expression are contiguous in the source unless a span mixes pieces from
        // elsewhere; the bounds over them are the finding's place.
        return TextSpan.FromBounds(lo, Math.Max(lo, hi));
    }

    /// <summary>
    /// The source span an edit of the value's span [start, start+length) replaces, when the whole span is
    /// written inside one literal token (so that a code fix can re-encode the new text for that token).
    /// </summary>
    public bool TryGetEditSpan(int start, int length, out TextSpan span, out Piece? piece)
    {
        span = default;
        piece = null;
        if (start < 0 || length < 0 || start + length > Value.Length) return false;
        if (length == 0)
        {
            if (start < Value.Length && Pieces[PieceOf[start]].IsLiteralText)
            {
                piece = Pieces[PieceOf[start]];
                span = new TextSpan(Starts[start], 0);
                return true;
            }

            if (start > 0 && Pieces[PieceOf[start - 1]].IsLiteralText)
            {
                piece = Pieces[PieceOf[start - 1]];
                span = new TextSpan(Ends[start - 1], 0);
                return true;
            }

            return false;
        }

        var p = PieceOf[start];
        for (var i = start; i < start + length; i++)
        {
            if (PieceOf[i] != p) return false;
        }

        if (!Pieces[p].IsLiteralText) return false;
        piece = Pieces[p];
        span = TextSpan.FromBounds(Starts[start], Ends[start + length - 1]);
        return true;
    }

    /// <summary>
    /// Reads the constant string value of <paramref name="root"/>; null when it is not a constant string.
    /// When the source cannot be followed character by character (a construct this reader does not know), every
    /// character maps to the whole expression.
    /// </summary>
    public static MappedString? Read(ExpressionSyntax root, SemanticModel model, CancellationToken cancellationToken)
    {
        var constant = model.GetConstantValue(root, cancellationToken);
        if (!constant.HasValue || constant.Value is not string value) return null;
        var builder = new Builder(model, root.SyntaxTree, cancellationToken);
        var ok = builder.Append(root, 0);
        if (ok && builder.Text.ToString() == value)
            return new MappedString(value, builder.Starts.ToArray(), builder.Ends.ToArray(), builder.PieceOf.ToArray(), builder.Pieces, root.SyntaxTree, root.Span);

        // Unknown construct: keep the value, place every character on the expression.
        var n = value.Length;
        var starts = new int[n];
        var ends = new int[n];
        var pieceOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            starts[i] = root.SpanStart;
            ends[i] = root.Span.End;
        }

        return new MappedString(value, starts, ends, pieceOf, new List<Piece> { new(PieceKind.Reference, root.Span) }, root.SyntaxTree, root.Span);
    }

    private sealed class Builder
    {
        private const int MaxDepth = 16;
        private readonly SemanticModel _model;
        private readonly SyntaxTree _tree;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<SyntaxNode> _visiting = new();

        public Builder(SemanticModel model, SyntaxTree tree, CancellationToken cancellationToken)
        {
            _model = model;
            _tree = tree;
            _cancellationToken = cancellationToken;
        }

        public StringBuilder Text { get; } = new();
        public List<int> Starts { get; } = new();
        public List<int> Ends { get; } = new();
        public List<int> PieceOf { get; } = new();
        public List<Piece> Pieces { get; } = new();

        private int NewPiece(Piece piece)
        {
            Pieces.Add(piece);
            return Pieces.Count - 1;
        }

        private void Add(char c, int start, int end, int piece)
        {
            Text.Append(c);
            Starts.Add(start);
            Ends.Add(end);
            PieceOf.Add(piece);
        }

        private void AddAll(string s, TextSpan span, int piece)
        {
            foreach (var c in s) Add(c, span.Start, span.End, piece);
        }

        public bool Append(ExpressionSyntax expr, int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (depth > MaxDepth) return false;
            switch (expr)
            {
                case ParenthesizedExpressionSyntax p:
                    return Append(p.Expression, depth + 1);
                case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression):
                    return AppendOperand(b.Left, depth) && AppendOperand(b.Right, depth);
                case LiteralExpressionSyntax lit when lit.IsKind(SyntaxKind.StringLiteralExpression):
                    return AppendLiteral(lit.Token);
                case LiteralExpressionSyntax lit when lit.IsKind(SyntaxKind.CharacterLiteralExpression):
                    return AppendLiteral(lit.Token);
                case LiteralExpressionSyntax lit when lit.IsKind(SyntaxKind.NullLiteralExpression):
                    return true;
                case InterpolatedStringExpressionSyntax interpolated:
                    return AppendInterpolated(interpolated, depth);
                case IdentifierNameSyntax or MemberAccessExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax:
                    return AppendReference(expr, depth);
                case CastExpressionSyntax cast:
                    return Append(cast.Expression, depth + 1);
                default:
                    return AppendOpaque(expr);
            }
        }

        private bool AppendOperand(ExpressionSyntax operand, int depth)
        {
            var constant = _model.GetConstantValue(operand, _cancellationToken);
            if (!constant.HasValue) return false;
            return constant.Value switch
            {
                string or null => Append(operand, depth + 1),
                char c => AppendChar(c, operand),
                _ => AppendOpaque(operand),
            };
        }

        private bool AppendChar(char c, ExpressionSyntax operand)
        {
            if (operand is LiteralExpressionSyntax lit && lit.IsKind(SyntaxKind.CharacterLiteralExpression)) return AppendLiteral(lit.Token);
            Add(c, operand.SpanStart, operand.Span.End, NewPiece(new Piece(PieceKind.Reference, operand.Span)));
            return true;
        }

        /// <summary>A constant expression this reader does not take apart (<c>nameof</c>, a conditional ...).</summary>
        private bool AppendOpaque(ExpressionSyntax expr)
        {
            var constant = _model.GetConstantValue(expr, _cancellationToken);
            if (!constant.HasValue) return false;
            var text = constant.Value switch
            {
                null => "",
                string s => s,
                char c => c.ToString(),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var o => o.ToString(),
            };
            AddAll(text, expr.Span, NewPiece(new Piece(PieceKind.Reference, expr.Span)));
            return true;
        }

        private bool AppendReference(ExpressionSyntax expr, int depth)
        {
            var symbol = _model.GetSymbolInfo(expr, _cancellationToken).Symbol;
            var isConst = symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true };
            if (isConst && symbol!.DeclaringSyntaxReferences.Length == 1)
            {
                var reference = symbol.DeclaringSyntaxReferences[0];
                if (reference.SyntaxTree == _tree
                    && reference.GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                    && _visiting.Add(initializer))
                {
                    // A constant of the same file: its characters map into its own literal.
                    var mark = Text.Length;
                    var pieces = Pieces.Count;
                    var ok = Append(initializer, depth + 1);
                    _visiting.Remove(initializer);
                    if (ok) return true;
                    Truncate(mark, pieces);
                }
            }

            return AppendOpaque(expr);
        }

        private void Truncate(int length, int pieces)
        {
            Text.Length = length;
            Starts.RemoveRange(length, Starts.Count - length);
            Ends.RemoveRange(length, Ends.Count - length);
            PieceOf.RemoveRange(length, PieceOf.Count - length);
            Pieces.RemoveRange(pieces, Pieces.Count - pieces);
        }

        private bool AppendLiteral(SyntaxToken token)
        {
            var text = token.Text;
            var start = token.SpanStart;
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                    if (text.StartsWith("@", StringComparison.Ordinal))
                        return DecodeVerbatim(text, start, 2, text.Length - 1, NewPiece(new Piece(PieceKind.Verbatim, token.Span)), braces: false);
                    return DecodeRegular(text, start, 1, text.Length - 1, NewPiece(new Piece(PieceKind.Regular, token.Span)), braces: false);
                case SyntaxKind.CharacterLiteralToken:
                    return DecodeRegular(text, start, 1, text.Length - 1, NewPiece(new Piece(PieceKind.Regular, token.Span)), braces: false);
                case SyntaxKind.SingleLineRawStringLiteralToken:
                {
                    var q = CountQuotes(text, 0);
                    if (text.Length < 2 * q) return false;
                    var piece = NewPiece(new Piece(PieceKind.Raw, token.Span));
                    for (var i = q; i < text.Length - q; i++) Add(text[i], start + i, start + i + 1, piece);
                    return true;
                }

                case SyntaxKind.MultiLineRawStringLiteralToken:
                    return DecodeMultiLineRaw(token);
                default:
                    return false;
            }
        }

        private bool DecodeMultiLineRaw(SyntaxToken token)
        {
            var text = token.Text;
            var start = token.SpanStart;
            var q = CountQuotes(text, 0);
            var i = q;
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            var contentStart = SkipNewLine(text, i);
            if (contentStart < 0) return false;
            var close = text.Length - q;
            var indentStart = close;
            while (indentStart > 0 && text[indentStart - 1] is ' ' or '\t') indentStart--;
            var indent = text.Substring(indentStart, close - indentStart);
            var contentEnd = indentStart;
            if (contentEnd > 0 && text[contentEnd - 1] == '\n')
            {
                contentEnd--;
                if (contentEnd > 0 && text[contentEnd - 1] == '\r') contentEnd--;
            }
            else if (contentEnd > 0 && text[contentEnd - 1] == '\r')
            {
                contentEnd--;
            }
            else
            {
                return false;
            }
            var piece = NewPiece(new Piece(PieceKind.Raw, token.Span, indent));
            AppendRawLines(text, start, contentStart, contentEnd, indent, piece, atLineStart: true);
            return true;
        }

        /// <summary>Copies the lines of a multi-line raw string, dropping the indentation at each line start.</summary>
        private bool AppendRawLines(string text, int sourceStart, int from, int to, string indent, int piece, bool atLineStart)
        {
            var i = from;
            while (i < to)
            {
                if (atLineStart)
                {
                    var skip = 0;
                    while (skip < indent.Length && i + skip < to && text[i + skip] == indent[skip]) skip++;
                    i += skip;
                    atLineStart = false;
                    continue;
                }

                var c = text[i];
                Add(c, sourceStart + i, sourceStart + i + 1, piece);
                if (c == '\n' || (c == '\r' && !(i + 1 < to && text[i + 1] == '\n'))) atLineStart = true;
                i++;
            }

            return atLineStart;
        }

        private bool AppendInterpolated(InterpolatedStringExpressionSyntax node, int depth)
        {
            var startToken = node.StringStartToken;
            var startText = startToken.Text;
            var kind = startToken.Kind();
            var dollars = 0;
            while (dollars < startText.Length && startText[dollars] == '$') dollars++;
            string? indent = null;
            if (kind == SyntaxKind.InterpolatedMultiLineRawStringStartToken)
            {
                var endText = node.StringEndToken.Text;
                var q = 0;
                while (q < endText.Length && endText[endText.Length - 1 - q] == '"') q++;
                var lineStart = Math.Max(endText.LastIndexOf('\n'), endText.LastIndexOf('\r')) + 1;
                indent = endText.Substring(lineStart, endText.Length - q - lineStart);
            }

            var atLineStart = true;
            foreach (var content in node.Contents)
            {
                switch (content)
                {
                    case InterpolatedStringTextSyntax textPart:
                    {
                        var token = textPart.TextToken;
                        var text = token.Text;
                        var s = token.SpanStart;
                        bool ok;
                        switch (kind)
                        {
                            case SyntaxKind.InterpolatedStringStartToken:
                                ok = DecodeRegular(text, s, 0, text.Length, NewPiece(new Piece(PieceKind.InterpolatedRegular, token.Span)), braces: true);
                                break;
                            case SyntaxKind.InterpolatedVerbatimStringStartToken:
                                ok = DecodeVerbatim(text, s, 0, text.Length, NewPiece(new Piece(PieceKind.InterpolatedVerbatim, token.Span)), braces: true);
                                break;
                            case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                            {
                                var piece = NewPiece(new Piece(PieceKind.InterpolatedRaw, token.Span, dollars: dollars));
                                for (var i = 0; i < text.Length; i++) Add(text[i], s + i, s + i + 1, piece);
                                ok = true;
                                break;
                            }

                            case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                            {
                                var piece = NewPiece(new Piece(PieceKind.InterpolatedRaw, token.Span, indent, dollars));
                                atLineStart = AppendRawLines(text, s, 0, text.Length, indent!, piece, atLineStart);
                                ok = true;
                                break;
                            }

                            default:
                                ok = false;
                                break;
                        }

                        if (!ok) return false;
                        break;
                    }

                    case InterpolationSyntax hole:
                        if (hole.AlignmentClause is not null || hole.FormatClause is not null) return false;
                        atLineStart = false;
                        if (!AppendOperand(hole.Expression, depth)) return false;
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private bool DecodeVerbatim(string text, int sourceStart, int from, int to, int piece, bool braces)
        {
            var i = from;
            while (i < to)
            {
                var c = text[i];
                if ((c == '"' || (braces && c is '{' or '}')) && i + 1 < to && text[i + 1] == c)
                {
                    Add(c, sourceStart + i, sourceStart + i + 2, piece);
                    i += 2;
                    continue;
                }

                Add(c, sourceStart + i, sourceStart + i + 1, piece);
                i++;
            }

            return true;
        }

        private bool DecodeRegular(string text, int sourceStart, int from, int to, int piece, bool braces)
        {
            var i = from;
            while (i < to)
            {
                var c = text[i];
                if (braces && c is '{' or '}' && i + 1 < to && text[i + 1] == c)
                {
                    Add(c, sourceStart + i, sourceStart + i + 2, piece);
                    i += 2;
                    continue;
                }

                if (c != '\\')
                {
                    Add(c, sourceStart + i, sourceStart + i + 1, piece);
                    i++;
                    continue;
                }

                if (i + 1 >= to) return false;
                var e = text[i + 1];
                var len = 2;
                string decoded;
                switch (e)
                {
                    case '\'': decoded = "'"; break;
                    case '"': decoded = "\""; break;
                    case '\\': decoded = "\\"; break;
                    case '0': decoded = "\0"; break;
                    case 'a': decoded = "\a"; break;
                    case 'b': decoded = "\b"; break;
                    case 'e': decoded = "\u001b"; break;
                    case 'f': decoded = "\f"; break;
                    case 'n': decoded = "\n"; break;
                    case 'r': decoded = "\r"; break;
                    case 't': decoded = "\t"; break;
                    case 'v': decoded = "\v"; break;
                    case 'u':
                    {
                        if (!Hex(text, i + 2, 4, 4, to, out var code, out var digits)) return false;
                        decoded = ((char)code).ToString();
                        len = 2 + digits;
                        break;
                    }

                    case 'U':
                    {
                        if (!Hex(text, i + 2, 8, 8, to, out var code, out var digits) || code < 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF) return false;
                        decoded = char.ConvertFromUtf32(code);
                        len = 2 + digits;
                        break;
                    }

                    case 'x':
                    {
                        if (!Hex(text, i + 2, 1, 4, to, out var code, out var digits)) return false;
                        decoded = ((char)code).ToString();
                        len = 2 + digits;
                        break;
                    }

                    default:
                        return false;
                }

                foreach (var d in decoded) Add(d, sourceStart + i, sourceStart + i + len, piece);
                i += len;
            }

            return true;
        }

        private static bool Hex(string text, int at, int min, int max, int to, out int value, out int digits)
        {
            value = 0;
            digits = 0;
            while (digits < max && at + digits < to)
            {
                var c = text[at + digits];
                int v;
                if (c is >= '0' and <= '9') v = c - '0';
                else if (c is >= 'a' and <= 'f') v = c - 'a' + 10;
                else if (c is >= 'A' and <= 'F') v = c - 'A' + 10;
                else break;
                value = (value * 16) + v;
                digits++;
            }

            return digits >= min;
        }

        private static int CountQuotes(string text, int at)
        {
            var q = 0;
            while (at + q < text.Length && text[at + q] == '"') q++;
            return q;
        }

        private static int SkipNewLine(string text, int i)
        {
            if (i < text.Length && text[i] == '\r') return i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
            if (i < text.Length && text[i] == '\n') return i + 1;
            return -1;
        }
    }
}
