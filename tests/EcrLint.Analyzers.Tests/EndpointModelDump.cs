using System.Collections.Immutable;
using System.Text;
using EcrLint.Analyzers.CSharp;
using EcrLint.Endpoints;
using EcrLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// A test-only analyzer: no release tracking or extended analyzer rules apply.
#pragma warning disable RS1036, RS2008

namespace EcrLint.Analyzers.Tests;

/// <summary>Shows the VPC scopes the C# front end builds, one text per VPC, with each fact's value and the code it stands on.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EndpointModelDumpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Dump = new("DUMP", "VPC scope", "{0}", "Test", DiagnosticSeverity.Info, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Dump);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = AwsSymbols.Create(start.Compilation);
            if (!symbols.HasAny) return;
            var state = new CompilationState(symbols, new EcrLint.Rules.LintContext());
            start.RegisterSymbolStartAction(s => EndpointTypeAnalysis.Register(s, state, (ctx, scopes) =>
            {
                foreach (var scope in scopes.Scopes) ctx.ReportDiagnostic(Diagnostic.Create(Dump, Location.None, Text(scope)));
            }), SymbolKind.NamedType);
        });
    }

    private static string Code(SourceLocation? l) => l is null ? "-" : "`" + l.Document.Text.Substring(l.Span.Start, l.Span.Length) + "`";

    private static string F<T>(Fact<T>? f) => f is null ? "null" : $"{(f.Value is null ? "null" : f.Value.ToString())}{(f.IsDefault ? "(default)" : "")}@{Code(f.Location)}";

    public static string Text(VpcScope vpc)
    {
        var sb = new StringBuilder();
        sb.Append($"VPC {vpc.Name} @{Code(vpc.Location)} region={F(vpc.Region)} nat={F(vpc.HasNatGateway)} isolated={vpc.OnlyIsolatedSubnets}");
        foreach (var e in vpc.Endpoints)
        {
            sb.Append($"\n  endpoint {e.Name} @{Code(e.Location)} service={e.Service?.ToString() ?? "null"} name={F(e.ServiceName)} type={F(e.Type)} dns={F(e.PrivateDns)} 443={F(e.Admits443)} routes={F(e.HasRouteTables)}");
            if (e.PolicyLocation is not null || e.PolicyUnknown)
                sb.Append($" policy@{Code(e.PolicyLocation)} statements={e.Policy?.Statements.Count.ToString() ?? "-"} unknown={e.PolicyUnknown} fingerprint={(e.PolicyFingerprint is null ? "null" : "set")}");
        }

        foreach (var w in vpc.Workloads)
        {
            sb.Append($"\n  workload {w.Name} @{Code(w.Location)} launch={w.LaunchType} platform={F(w.PlatformVersion)} os={F(w.OperatingSystemFamily)} awslogs={Code(w.AwsLogs)}");
            foreach (var i in w.Images) sb.Append($" image={i.Source}:{i.Text ?? "-"}@{Code(i.Location)}");
        }

        foreach (var r in vpc.PullThroughCacheRules) sb.Append($"\n  pull-through {r.Name} @{Code(r.Location)} upstream={r.UpstreamRegistry ?? "null"}");
        return sb.ToString();
    }
}

public static class ModelDump
{
    /// <summary>The scopes of every type of the sources, in report order.</summary>
    public static async Task<List<string>> RunAsync(params string[] sources)
    {
        var compilation = await Analysis.CompileAsync(sources.Select((s, i) => ($"File{i}.cs", s)));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var (diagnostics, exceptions) = await Analysis.RunAsync(compilation, new EndpointModelDumpAnalyzer());
        Assert.Empty(exceptions);
        return diagnostics.Where(d => d.Id == "DUMP").Select(d => d.GetMessage()).OrderBy(m => m, StringComparer.Ordinal).ToList();
    }
}
