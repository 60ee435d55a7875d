using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EcrLint.Analyzers.Tests;

/// <summary>
/// Runs a C# analyzer over code with markup (<c>{|ECR201:"ecr:X"|}</c> marks the exact span of an expected
/// diagnostic). Only the rules named in the markup and in <c>rules</c> are checked; the analyzer's other rules are
/// disabled, so a test states exactly what it is about.
/// </summary>
public static partial class CSharpVerify
{
    [GeneratedRegex(@"\{\|(ECR\d{3}):")]
    private static partial Regex MarkupId();

    public static Task AnalyzerAsync<TAnalyzer>(string source, params string[] rules)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        AnalyzerAsync<TAnalyzer>(new[] { ("/0/Test0.cs", source) }, rules, Array.Empty<DiagnosticResult>());

    public static async Task AnalyzerAsync<TAnalyzer>(IEnumerable<(string Path, string Source)> sources, IEnumerable<string> rules, IEnumerable<DiagnosticResult> expected, string? globalConfig = null, bool markup = true)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new AnalyzerTest<TAnalyzer>();
        if (!markup) test.TestState.MarkupHandling = MarkupMode.None;
        var ids = new HashSet<string>(rules);
        foreach (var (path, source) in sources)
        {
            test.TestState.Sources.Add((path, source));
            foreach (Match m in MarkupId().Matches(source)) ids.Add(m.Groups[1].Value);
        }

        foreach (var d in expected)
        {
            ids.Add(d.Id);
            test.TestState.ExpectedDiagnostics.Add(d);
        }

        foreach (var descriptor in new TAnalyzer().SupportedDiagnostics)
        {
            if (!ids.Contains(descriptor.Id)) test.DisabledDiagnostics.Add(descriptor.Id);
        }

        if (globalConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        await test.RunAsync();
    }

    /// <summary>A diagnostic expected on the n-th occurrence (0-based) of <paramref name="text"/> in a source.</summary>
    public static DiagnosticResult At(string id, string source, string text, int occurrence = 0, string path = "/0/Test0.cs")
    {
        var index = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            index = source.IndexOf(text, index + 1, StringComparison.Ordinal);
            if (index < 0) throw new ArgumentException($"`{text}` occurs fewer than {occurrence + 1} times.");
        }

        var (line, column) = LineColumn(source, index);
        var (endLine, endColumn) = LineColumn(source, index + text.Length);
        var descriptor = EcrLint.Rules.RuleCatalog.Find(id)!;
        var severity = descriptor.DefaultSeverity switch
        {
            EcrLint.Rules.Severity.Error => DiagnosticSeverity.Error,
            EcrLint.Rules.Severity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        return new DiagnosticResult(id, severity).WithSpan(path, line, column, endLine, endColumn);
    }

    private static (int Line, int Column) LineColumn(string source, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
