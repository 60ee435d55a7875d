using System;
using System.Collections.Generic;

namespace EcrLint.Evaluation;

public enum SetOperator
{
    None,
    ForAllValues,
    ForAnyValue,
}

/// <summary>A parsed condition operator: <c>ForAnyValue:StringNotLikeIfExists</c> = set qualifier + base + IfExists.</summary>
public sealed class ConditionOperator
{
    /// <summary>Every base operator IAM knows.</summary>
    public static readonly IReadOnlyList<string> BaseOperators = new[]
    {
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
        "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
        "Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
        "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike",
        "Null",
    };

    private static readonly HashSet<string> Decidable = new(StringComparer.Ordinal)
    {
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "Bool", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
    };

    private ConditionOperator(string text, SetOperator set, string @base, bool ifExists)
    {
        Text = text;
        Set = set;
        Base = @base;
        IfExists = ifExists;
    }

    public string Text { get; }
    public SetOperator Set { get; }
    public string Base { get; }
    public bool IfExists { get; }

    /// <summary>Negated operators (StringNotEquals, ArnNotLike, NotIpAddress ...) are true when the key is absent.</summary>
    public bool Negated => Base.IndexOf("Not", StringComparison.Ordinal) >= 0;

    public bool IsPattern => Base is "StringLike" or "StringNotLike" or "ArnLike" or "ArnNotLike" or "ArnEquals" or "ArnNotEquals";

    public bool IgnoreCase => Base.EndsWith("IgnoreCase", StringComparison.Ordinal);

    /// <summary>True for the operators the evaluator decides (String*, Arn*, Bool, Null).</summary>
    public bool IsDecidable => Decidable.Contains(Base);

    /// <summary>Parses an operator as IAM does (case-sensitive); null when it is not one.</summary>
    public static ConditionOperator? Parse(string text)
    {
        var rest = text;
        var set = SetOperator.None;
        if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            set = SetOperator.ForAllValues;
            rest = rest.Substring("ForAllValues:".Length);
        }
        else if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            set = SetOperator.ForAnyValue;
            rest = rest.Substring("ForAnyValue:".Length);
        }

        var ifExists = false;
        if (rest.EndsWith("IfExists", StringComparison.Ordinal) && rest != "IfExists")
        {
            ifExists = true;
            rest = rest.Substring(0, rest.Length - "IfExists".Length);
        }

        if (Array.IndexOf((string[])BaseOperators, rest) < 0) return null;
        if (rest == "Null" && (ifExists || set != SetOperator.None)) return null;
        return new ConditionOperator(text, set, rest, ifExists);
    }
}
