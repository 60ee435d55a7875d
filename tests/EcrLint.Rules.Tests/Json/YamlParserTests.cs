using System.Text;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.Tests.Json;

public class YamlParserTests
{
    private static (SourceDocument Doc, JsonParseResult Result) Parse(string text)
    {
        var doc = SourceLoader.Decode("t.yaml", Encoding.UTF8.GetBytes(text)).Document;
        return (doc, YamlParser.Parse(doc));
    }

    private static string At(SourceDocument doc, TextSpan span) => doc.Text.Substring(span.Start, span.Length);

    [Fact]
    public void Short_form_tags_become_long_form_with_exact_spans()
    {
        var (doc, r) = Parse("Resources:\r\n  Ep:\r\n    Properties:\r\n      VpcId: !Ref Vpc\r\n      ServiceName: !Sub 'com.amazonaws.${AWS::Region}.ecr.dkr'\r\n      Att: !GetAtt Vpc.CidrBlock\r\n      Flow: !Join ['', [a, !Ref B]]\r\n");
        Assert.Null(r.Error);
        var props = (JsonObject)((JsonObject)((JsonObject)((JsonObject)r.Root!)["Resources"]!)["Ep"]!)["Properties"]!;
        var vpc = (JsonObject)props["VpcId"]!;
        Assert.Equal("!Ref", vpc.Tag);
        var vpcRef = (JsonString)vpc["Ref"]!;
        Assert.Equal("Vpc", vpcRef.Value);
        Assert.Equal("Vpc", At(doc, vpcRef.Span));
        Assert.Equal("!Ref Vpc", At(doc, vpc.Span));
        Assert.Equal(new LinePosition(4, 14), doc.GetLinePosition(vpc.Span.Start));
        var sub = (JsonString)((JsonObject)props["ServiceName"]!)["Fn::Sub"]!;
        Assert.Equal("com.amazonaws.${AWS::Region}.ecr.dkr", sub.Value);
        Assert.Equal("'com.amazonaws.${AWS::Region}.ecr.dkr'", At(doc, sub.Span));
        var att = (JsonArray)((JsonObject)props["Att"]!)["Fn::GetAtt"]!;
        Assert.Equal(new[] { "Vpc", "CidrBlock" }, att.Items.Cast<JsonString>().Select(s => s.Value));
        var join = (JsonArray)((JsonObject)props["Flow"]!)["Fn::Join"]!;
        Assert.Equal("['', [a, !Ref B]]", At(doc, join.Span));
        Assert.Equal("/Resources/Ep/Properties/Flow/Fn::Join/1/1/Ref", ((JsonObject)((JsonArray)join.Items[1]).Items[1])["Ref"]!.Pointer);
    }

    [Fact]
    public void Plain_scalars_get_json_types()
    {
        var (_, r) = Parse("a: true\nb: 12\nc: '12'\nd: ~\ne: text\n");
        var o = (JsonObject)r.Root!;
        Assert.Equal(JsonNodeKind.Boolean, o["a"]!.Kind);
        Assert.Equal(JsonNodeKind.Number, o["b"]!.Kind);
        Assert.Equal(JsonNodeKind.String, o["c"]!.Kind);
        Assert.Equal(JsonNodeKind.Null, o["d"]!.Kind);
        Assert.Equal(JsonNodeKind.String, o["e"]!.Kind);
    }

    [Fact]
    public void Duplicate_keys_are_kept()
    {
        var (_, r) = Parse("a: 1\na: 2\n");
        Assert.Equal(2, ((JsonObject)r.Root!).Properties.Count);
    }

    [Fact]
    public void Alias_bomb_is_a_clear_error()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
            sb.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + (char)(c - 1), 9))).Append("]\n");
        var (_, r) = Parse(sb.ToString());
        Assert.Null(r.Root);
        Assert.Contains("alias bomb", r.Error!.Message);
    }

    [Fact]
    public void Small_aliases_are_expanded()
    {
        var (_, r) = Parse("a: &x [1, 2]\nb: *x\n");
        Assert.Equal(2, ((JsonArray)((JsonObject)r.Root!)["b"]!).Items.Count);
    }

    [Theory]
    [InlineData("a: [1, 2\n", "invalid YAML")]
    [InlineData("a: b: c\n", "invalid YAML")]
    [InlineData("", "empty")]
    [InlineData("a: 1\n---\nb: 2\n", "second YAML document")]
    [InlineData("a: *nope\n", "refers to no anchor")]
    [InlineData("? [a]\n: 1\n", "not a plain value")]
    [InlineData("Resources:\n  X: {Type: T\n  Y: 1\n", "invalid YAML")]
    public void Malformed_yaml_is_a_located_error(string text, string message)
    {
        var (_, r) = Parse(text);
        Assert.Null(r.Root);
        Assert.Contains(message, r.Error!.Message);
    }

    [Fact]
    public void Deep_nesting_is_an_error()
    {
        var (_, r) = Parse(new string('[', 5000) + new string(']', 5000));
        Assert.Contains("nesting deeper", r.Error!.Message);
    }

    [Fact]
    public void Tags_never_create_objects()
    {
        var (_, r) = Parse("a: !!python/object:os.system ls\nb: !<tag:yaml.org,2002:str> x\n");
        Assert.Null(r.Error);
        Assert.Contains("python/object:os.system", ((JsonObject)r.Root!)["a"]!.Tag);
        Assert.IsType<JsonString>(((JsonObject)r.Root!)["a"]);
    }
}
