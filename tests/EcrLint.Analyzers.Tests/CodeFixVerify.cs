using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EcrLint.Analyzers.Tests;

public class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest()
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        TestState.AdditionalReferences.AddRange(References.Aws);
    }
}

/// <summary>
/// Runs a code fix over code with markup (<c>{|ECR001:vpc|}</c> marks each expected diagnostic) and compares the result
/// with the expected code. The testing library applies the fix one diagnostic at a time and with fix all (document,
/// project and solution scopes), and checks that the fixed code has none of the diagnostics left. Only the rules in
/// the markup are enabled.
/// </summary>
public static partial class CodeFixVerify
{
    [GeneratedRegex(@"\{\|(ECR\d{3}):")]
    private static partial Regex MarkupId();

    public static async Task FixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, string? equivalenceKey = null, int? iterations = null, string? globalConfig = null, int? fixAllIterations = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TAnalyzer, TCodeFix> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        var ids = new HashSet<string>();
        foreach (Match m in MarkupId().Matches(source)) ids.Add(m.Groups[1].Value);
        foreach (var descriptor in new TAnalyzer().SupportedDiagnostics)
        {
            if (!ids.Contains(descriptor.Id)) test.DisabledDiagnostics.Add(descriptor.Id);
        }

        if (iterations is { } n)
        {
            test.NumberOfIncrementalIterations = n;
            test.NumberOfFixAllIterations = 1;
        }

        if (fixAllIterations is { } f) test.NumberOfFixAllIterations = f;

        if (globalConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        await test.RunAsync();
    }
}
