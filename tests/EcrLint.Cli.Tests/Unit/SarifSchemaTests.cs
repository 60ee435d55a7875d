namespace EcrLint.Cli.Tests.Unit;

/// <summary>The schema check itself works: it accepts a minimal log and rejects broken ones.</summary>
public class SarifSchemaTests
{
    private const string Minimal = """
        {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"A","level":"note","message":{"text":"m"},
        "locations":[{"physicalLocation":{"artifactLocation":{"uri":"a%20b.json","uriBaseId":"%SRCROOT%"},"region":{"startLine":1,"startColumn":1}}}]}]}]}
        """;

    [Fact]
    public void Accepts_a_minimal_log() => SarifSchema.AssertValid(Minimal);

    [Theory]
    [InlineData("\"level\":\"note\"", "\"level\":\"fatal\"")]
    [InlineData("\"version\":\"2.1.0\"", "\"version\":\"2.0.0\"")]
    [InlineData("\"startLine\":1", "\"startLine\":0")]
    [InlineData("\"message\":{\"text\":\"m\"}", "\"message\":\"m\"")]
    [InlineData("\"ruleId\":\"A\"", "\"ruleId\":\"A\",\"bogus\":1")]
    [InlineData("\"uri\":\"a%20b.json\"", "\"uri\":\"a b\\\\c.json\"")]
    public void Rejects_broken_logs(string from, string to)
    {
        var broken = Minimal.Replace(from, to);
        Assert.NotEqual(Minimal, broken);
        Assert.NotEmpty(SarifSchema.Errors(broken));
    }
}
