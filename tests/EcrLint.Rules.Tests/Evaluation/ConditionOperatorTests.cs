using EcrLint.Evaluation;

namespace EcrLint.Tests.Evaluation;

public class ConditionOperatorTests
{
    [Fact]
    public void Parses_set_qualifier_base_and_IfExists()
    {
        var op = ConditionOperator.Parse("ForAnyValue:StringNotLikeIfExists")!;
        Assert.Equal(SetOperator.ForAnyValue, op.Set);
        Assert.Equal("StringNotLike", op.Base);
        Assert.True(op.IfExists);
        Assert.True(op.Negated);
        Assert.True(op.IsPattern);
        Assert.True(op.IsDecidable);

        op = ConditionOperator.Parse("ForAllValues:StringEqualsIgnoreCase")!;
        Assert.Equal(SetOperator.ForAllValues, op.Set);
        Assert.True(op.IgnoreCase);
        Assert.False(op.IfExists);
        Assert.False(op.Negated);
    }

    [Theory]
    [InlineData("StringEqual")]
    [InlineData("stringequals")]
    [InlineData("NullIfExists")]
    [InlineData("ForAnyValue:Null")]
    [InlineData("IfExists")]
    [InlineData("ForSomeValues:StringEquals")]
    [InlineData("")]
    public void Rejects_what_IAM_rejects(string text) => Assert.Null(ConditionOperator.Parse(text));

    [Theory]
    [InlineData("NumericLessThan", false)]
    [InlineData("DateGreaterThan", false)]
    [InlineData("IpAddress", false)]
    [InlineData("NotIpAddress", false)]
    [InlineData("BinaryEquals", false)]
    [InlineData("ArnLike", true)]
    [InlineData("Bool", true)]
    [InlineData("Null", true)]
    public void Decidable_operators(string text, bool decidable) => Assert.Equal(decidable, ConditionOperator.Parse(text)!.IsDecidable);
}
