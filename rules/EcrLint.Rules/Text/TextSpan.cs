using System;

namespace EcrLint.Text;

/// <summary>A range of characters [Start, End) in a <see cref="SourceDocument"/>'s text.</summary>
public readonly struct TextSpan : IEquatable<TextSpan>
{
    public TextSpan(int start, int length)
    {
        if (start < 0) throw new ArgumentOutOfRangeException(nameof(start));
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
        Start = start;
        Length = length;
    }

    public int Start { get; }
    public int Length { get; }
    public int End => Start + Length;
    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool OverlapsWith(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    public bool Equals(TextSpan other) => Start == other.Start && Length == other.Length;
    public override bool Equals(object? obj) => obj is TextSpan s && Equals(s);
    public override int GetHashCode() => unchecked((Start * 397) ^ Length);
    public static bool operator ==(TextSpan a, TextSpan b) => a.Equals(b);
    public static bool operator !=(TextSpan a, TextSpan b) => !a.Equals(b);
    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A 1-based line and column, as editors, MSBuild and SARIF show them.</summary>
public readonly struct LinePosition : IEquatable<LinePosition>, IComparable<LinePosition>
{
    public LinePosition(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }
    public int Column { get; }

    public bool Equals(LinePosition other) => Line == other.Line && Column == other.Column;
    public override bool Equals(object? obj) => obj is LinePosition p && Equals(p);
    public override int GetHashCode() => unchecked((Line * 397) ^ Column);
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);
    public static bool operator ==(LinePosition a, LinePosition b) => a.Equals(b);
    public static bool operator !=(LinePosition a, LinePosition b) => !a.Equals(b);
    public override string ToString() => $"({Line},{Column})";
}
