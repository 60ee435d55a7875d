using System.Text;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.Tests.Json;

public class JsonParserTests
{
    private static (SourceDocument Doc, JsonParseResult Result) Parse(byte[] bytes)
    {
        var decoded = SourceLoader.Decode("p.json", bytes);
        Assert.Null(decoded.Error);
        return (decoded.Document, JsonParser.Parse(decoded.Document));
    }

    private static (SourceDocument Doc, JsonParseResult Result) Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    private static string At(SourceDocument doc, TextSpan span) => doc.Text.Substring(span.Start, span.Length);

    [Fact]
    public void Spans_cover_keys_and_values_exactly()
    {
        var (doc, r) = Parse("{\"Statement\": [{\"Effect\" : \"Allow\", \"Action\": [\"ecr:A\", \"x\\\"y\"], \"N\": -1.5e3, \"B\": true}]}");
        var root = (JsonObject)r.Root!;
        var stmt = (JsonObject)((JsonArray)root["Statement"]!).Items[0];
        Assert.Equal("\"Effect\"", At(doc, stmt.Get("Effect")!.NameSpan));
        Assert.Equal("\"Allow\"", At(doc, stmt["Effect"]!.Span));
        var action = (JsonArray)stmt["Action"]!;
        Assert.Equal("[\"ecr:A\", \"x\\\"y\"]", At(doc, action.Span));
        Assert.Equal("\"x\\\"y\"", At(doc, action.Items[1].Span));
        Assert.Equal("x\"y", ((JsonString)action.Items[1]).Value);
        Assert.Equal("-1.5e3", At(doc, stmt["N"]!.Span));
        Assert.Equal("true", At(doc, stmt["B"]!.Span));
        Assert.Equal("/Statement/0/Action/1", action.Items[1].Pointer);
        Assert.Equal(doc.Text, At(doc, root.Span));
    }

    [Fact]
    public void Lines_and_columns_count_crlf_tabs_and_bom()
    {
        var text = "{\r\n\t\"Statement\": {\r\n\t\t\"Effect\": \"Deny\"\r\n\t}\r\n}";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var (doc, r) = Parse(bytes);
        Assert.True(doc.HasBom);
        var stmt = (JsonObject)((JsonObject)r.Root!)["Statement"]!;
        var effect = stmt["Effect"]!;
        Assert.Equal(new LinePosition(3, 13), doc.GetLinePosition(effect.Span.Start));
        Assert.Equal(new LinePosition(3, 19), doc.GetLinePosition(effect.Span.End));
        Assert.Equal(new LinePosition(1, 1), doc.GetLinePosition(r.Root!.Span.Start));
    }

    [Fact]
    public void Duplicate_keys_are_kept_in_order()
    {
        var (_, r) = Parse("{\"Effect\": \"Allow\", \"Effect\": \"Deny\"}");
        var o = (JsonObject)r.Root!;
        Assert.Equal(2, o.Properties.Count);
        Assert.Equal("Deny", ((JsonString)o["Effect"]!).Value);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", 1, 8, "trailing comma")]
    [InlineData("{\"a\": 'x'}", 1, 7, "single quotes")]
    [InlineData("{a: 1}", 1, 2, "without quotes")]
    [InlineData("{\"a\": 1} // c", 1, 10, "comments")]
    [InlineData("{\"a\": NaN}", 1, 7, "not a JSON value")]
    [InlineData("{\"a\": \"x\ny\"}", 1, 9, "control character")]
    [InlineData("{\"a\": [1, 2}", 1, 12, "does not close")]
    [InlineData("[,1]", 1, 2, "missing value")]
    [InlineData("{\"a\": 1} {}", 1, 10, "invalid JSON")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("{\"a\":\n", 2, 1, "unexpected end")]
    public void Invalid_json_is_a_located_error(string text, int line, int column, string message)
    {
        var (doc, r) = Parse(text);
        Assert.Null(r.Root);
        Assert.NotNull(r.Error);
        Assert.Contains(message, r.Error!.Message);
        Assert.Equal(new LinePosition(line, column), doc.GetLinePosition(r.Error.Span.Start));
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var (_, r) = Parse(new string('[', 200_000) + new string(']', 200_000));
        Assert.NotNull(r.Error);
        Assert.Contains("nesting deeper than 64", r.Error!.Message);
        var (_, r2) = Parse(string.Concat(Enumerable.Repeat("{\"a\":", 200_000)) + "1" + new string('}', 200_000));
        Assert.Contains("nesting deeper than 64", r2.Error!.Message);
    }

    [Fact]
    public void Invalid_utf8_and_nul_are_located()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n \"a\": \"x").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        var decoded = SourceLoader.Decode("p.json", bytes);
        Assert.Contains("not valid UTF-8", decoded.Error);
        Assert.Equal(new LinePosition(2, 9), decoded.Document.GetLinePosition(decoded.ErrorSpan.Start));

        var nul = SourceLoader.Decode("p.json", Encoding.UTF8.GetBytes("{\"a\":\0}"));
        Assert.Contains("NUL", nul.Error);
        Assert.Equal(5, nul.ErrorSpan.Start);
    }

    [Fact]
    public void Utf16_with_bom_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"Statement\": []}")).ToArray();
        var (doc, r) = Parse(bytes);
        Assert.NotNull(r.Root);
        Assert.True(doc.HasBom);
        Assert.IsType<UnicodeEncoding>(doc.Encoding);
    }

    [Fact]
    public void Embedded_documents_map_to_their_host()
    {
        // Host: a C#-like line where the JSON value sits inside quotes with an escape.
        var host = new SourceDocument("Stack.cs", "var p = \"{\\\"a\\\": 1}\";");
        var value = "{\"a\": 1}";
        // Offsets of each value char in the host: { at 9, \" at 10-11, a at 12, \" at 13-14 ...
        var map = new[] { 9, 10, 12, 13, 15, 16, 17, 18, 19 };
        var doc = host.CreateEmbedded(value, map);
        var r = JsonParser.Parse(doc);
        var prop = ((JsonObject)r.Root!).Properties[0];
        var loc = new SourceLocation(doc, prop.NameSpan);
        Assert.Equal("Stack.cs", loc.Path);
        Assert.Equal("\\\"a\\\"", host.Text.Substring(loc.FileSpan.Start, loc.FileSpan.Length));
    }
}
