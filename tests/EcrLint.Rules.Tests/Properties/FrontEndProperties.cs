using System.Text;
using CsCheck;
using EcrLint.Engine;
using EcrLint.Json;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Tests.Properties;

/// <summary>
/// The front ends and the whole lint never throw, whatever the bytes: arbitrary bytes and text, and the
/// repository's samples damaged at random. A parse either gives a tree or a located error inside the text.
/// </summary>
public class FrontEndProperties
{
    private static readonly Gen<byte[]> AnyBytes = Gen.OneOf(
        Gen.Byte.Array[0, 200],
        Gen.String[Gen.Char["{}[],:\"\\ \n-*0aZ"], 0, 80].Select(s => Encoding.UTF8.GetBytes(s)),
        Gen.String[Gen.Char, 0, 80].Select(s => Encoding.UTF8.GetBytes(s)));

    private static readonly Gen<string> JsonLike = Gen.OneOf(
        Gens.Pieces(40, "{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\n", "\"Statement\"", "\"a\"", "1", "-", "1e5", "true", "null", "/*", "//", "'", "NaN", "\u00e9", "\t"),
        Gens.AnyString(60));

    private static readonly Gen<string> YamlLike = Gen.OneOf(
        Gens.Pieces(40, "a:", " b", "\n", "  ", "- ", "&x ", "*x", "!Ref ", "!Sub ", "!GetAtt ", "{", "}", "[", "]", ",", "'", "\"", "|", ">", "? ", "---\n", "#", "%YAML 1.2\n", "\t", "Resources:", "1"),
        Gens.AnyString(60));

    [Fact]
    public void Json_parser_never_throws_on_any_text() =>
        JsonLike.Sample(text => AssertParses(JsonParser.Parse(new SourceDocument("p.json", text)), text), iter: 20_000);

    [Fact]
    public void Yaml_parser_never_throws_on_any_text() =>
        YamlLike.Sample(text => AssertParses(YamlParser.Parse(new SourceDocument("p.yaml", text)), text), iter: 10_000);

    [Fact]
    public void Decoding_and_parsing_never_throw_on_any_bytes() =>
        AnyBytes.Sample(bytes =>
        {
            var decoded = SourceLoader.Decode("p.json", bytes);
            Assert.InRange(decoded.ErrorSpan.End, 0, decoded.Document.Text.Length);
            AssertParses(JsonParser.Parse(decoded.Document), decoded.Document.Text);
            AssertParses(YamlParser.Parse(decoded.Document), decoded.Document.Text);
        }, iter: 10_000);

    [Fact]
    public void Damaged_policies_parse_or_fail_with_a_located_error() =>
        Samples.Mutated(Samples.Policies).Sample((path, bytes) =>
        {
            var doc = SourceLoader.Decode(path, bytes).Document;
            AssertParses(JsonParser.Parse(doc), doc.Text);
            AssertParses(YamlParser.Parse(doc), doc.Text);
        }, iter: 5_000);

    [Fact]
    public void Lint_file_never_throws_on_any_bytes() =>
        Gen.Select(AnyBytes, Gen.OneOfConst("p.json", "p.yaml", "t.yml", "daemon.json", "x.s3-endpoint-policy.json", "noext"), Gen.Enum<InputKind>(), Gen.Bool)
            .Sample((bytes, path, kind, explicitFile) => AssertLints(Linter.LintFile(path, bytes, Context, kind, explicitFile)), iter: 5_000);

    [Fact]
    public void Lint_file_never_throws_on_damaged_samples() =>
        Gen.Select(Samples.Mutated(Samples.All), Gen.Frequency((3, Gen.Const(InputKind.Auto)), (1, Gen.Enum<InputKind>())), Gen.Bool)
            .Sample((sample, kind, explicitFile) => AssertLints(Linter.LintFile(sample.Path, sample.Bytes, Context, kind, explicitFile)), iter: 3_000);

    [Theory]
    [InlineData("!!]Z")]
    [InlineData("a: !!]\n")]
    public void A_tag_the_yaml_library_rejects_is_a_located_error(string text)
    {
        // Found by Yaml_parser_never_throws_on_any_text: YamlDotNet throws ArgumentException for these tags.
        var result = YamlParser.Parse(new SourceDocument("p.yaml", text));
        Assert.Null(result.Root);
        Assert.StartsWith("invalid YAML: ", result.Error!.Message);
        var lint = Linter.LintFile("p.yaml", Encoding.UTF8.GetBytes(text), Context);
        Assert.Equal("ECR400", Assert.Single(lint.Findings).RuleId);
    }

    [Fact]
    public void A_yaml_mapping_whose_items_overlap_gets_no_separator_sample_and_lints()
    {
        // Found by Lint_file_never_throws_on_any_bytes (seed dJkatjurpbC2): inserting "Version" read the separator
        // between two items whose spans overlap, and Substring threw.
        var bytes = Convert.FromBase64String("YVowLDp7e2EwOgo6Ci0=");
        var result = Linter.LintFile("p.yaml", bytes, Context, InputKind.EcrEndpoint, false);
        AssertLints(result);
        Assert.NotEmpty(result.Findings);
    }

    private static readonly LintContext Context = new() { Region = "us-east-1", Account = "111122223333" };

    private static void AssertParses(JsonParseResult result, string text)
    {
        Assert.True((result.Root is null) != (result.Error is null), "exactly one of a tree and an error");
        if (result.Error is { } e) Assert.InRange(e.Span.End, 0, text.Length);
    }

    private static void AssertLints(FileLintResult result)
    {
        foreach (var f in result.Findings)
        {
            Assert.False(string.IsNullOrEmpty(f.Message));
            var (doc, span) = f.Location.Outer;
            Assert.InRange(span.Start, 0, doc.Text.Length);
            Assert.InRange(span.End, span.Start, doc.Text.Length);
        }
    }
}
