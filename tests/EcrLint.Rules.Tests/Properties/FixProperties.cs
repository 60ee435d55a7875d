using CsCheck;
using EcrLint.Engine;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Tests.Properties;

/// <summary>Every fix the engine offers, applied on its own, leaves a file that still parses.</summary>
public class FixProperties
{
    private static readonly LintContext[] Contexts =
    {
        new() { Region = "us-east-1", Account = "111122223333" },
        new(),
        new() { Region = "eu-west-1", Account = "111122223333", Severities = new SeverityPolicy(LintMode.Strict) },
    };

    [Fact]
    public void Each_fix_of_every_sample_keeps_the_file_parseable()
    {
        var checkedFixes = 0;
        foreach (var (path, bytes) in Samples.All)
        {
            foreach (var context in Contexts) checkedFixes += CheckFixes(path, bytes, context);
        }

        Assert.True(checkedFixes > 100, $"only {checkedFixes} fixes were checked");
    }

    [Fact]
    public void Each_fix_of_a_damaged_sample_keeps_the_file_parseable() =>
        Gen.Select(Samples.Mutated(Samples.All), Gen.Int[0, Contexts.Length - 1])
            .Sample((sample, context) => CheckFixes(sample.Path, sample.Bytes, Contexts[context]), iter: 2_000);

    private static int CheckFixes(string path, byte[] bytes, LintContext context)
    {
        var result = Linter.LintFile(path, bytes, context);
        var doc = result.Document;
        if (doc is null || doc.Host is not null || result.Findings.Any(f => f.RuleId == RuleCatalog.ECR400.Id)) return 0;
        var count = 0;
        foreach (var finding in result.Findings)
        {
            if (finding.Fix is not { } fix || !ReferenceEquals(fix.Document, doc)) continue;
            var text = TextEdits.Apply(doc.Text, TextEdits.NonOverlapping(new[] { fix }, out _));
            var fixedDoc = new SourceDocument(path, text);
            var parsed = DocumentLinter.IsYaml(path, text) ? YamlParser.Parse(fixedDoc) : JsonParser.Parse(fixedDoc);
            Assert.True(parsed.Error is null, $"{finding.RuleId} fix '{fix.Title}' breaks {path}: {parsed.Error?.Message}\n{text}");
            count++;
        }

        return count;
    }
}
