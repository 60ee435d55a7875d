using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using EcrLint.Analyzers.Bench;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Analyzer overhead on a generated CDK project (bench/README.md). Commands:
//   generate DIR [--files N] [--seed S]   write the project (its csproj attaches the analyzers built from this repository)
//   breakdown DIR [--runs N]              compile in process with and without the analyzers, alternating; per-analyzer times
//   benchmark DIR [BenchmarkDotNet args]  the same comparison under BenchmarkDotNet
//   analyze DIR [--runs N] [--only NAME]  each analyzer alone, the floor, and all: time and allocation (also a target for dotnet-trace)
// DIR must have been built once (`dotnet build DIR`): the build writes DIR/references.txt, the compilation's references.
var command = args.Length > 0 ? args[0] : "help";
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

switch (command)
{
    case "generate":
    {
        var files = int.Parse(Option("--files", "500"), CultureInfo.InvariantCulture);
        CdkProjectGenerator.Generate(args[1], files, int.Parse(Option("--seed", "1"), CultureInfo.InvariantCulture), CompileSetup.AnalyzerDlls());
        Console.WriteLine($"{files} stack files in {args[1]}; analyzers: {string.Join(", ", CompileSetup.AnalyzerDlls().Select(Path.GetFileName))}");
        return 0;
    }

    case "breakdown":
        Breakdown.Run(args[1], int.Parse(Option("--runs", "5"), CultureInfo.InvariantCulture));
        return 0;

    case "analyze":
    {
        // Each analyzer alone, then all together, on fresh compilations: time and bytes allocated (the compiler's
        // binding for the semantic models included), to see which analyzer costs what.
        var setup = new CompileSetup(args[1]);
        var sets = setup.Analyzers.Select(a => (Name: a.GetType().Name, Analyzers: ImmutableArray.Create(a)))
            .Append((Name: "FloorAnalyzer", Analyzers: ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer())))
            .Append((Name: "all of EcrLint", Analyzers: setup.Analyzers))
            .Where(set => Option("--only", set.Name) == set.Name)
            .ToList();
        for (var run = 0; run < int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture); run++)
        {
            foreach (var (name, analyzers) in sets)
            {
                var compilation = setup.Create();
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var sw = Stopwatch.StartNew();
                compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                sw.Stop();
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0;
                Console.WriteLine($"run {run + 1}: {name,-24} {sw.Elapsed.TotalSeconds:F2} s  {allocated,6:F0} MiB allocated");
            }
        }

        return 0;
    }

    case "benchmark":
        Environment.SetEnvironmentVariable(CompileSetup.ProjectVariable, Path.GetFullPath(args[1]));
        BenchmarkRunner.Run<AnalyzerOverhead>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator), args.Skip(2).ToArray());
        return 0;

    default:
        Console.Error.WriteLine("usage: EcrLint.Analyzers.Bench generate|breakdown|benchmark DIR ... (see bench/README.md)");
        return 2;
}

/// <summary>The generated project as a compilation: parsed once, compiled afresh for each measurement.</summary>
public sealed class CompileSetup
{
    public const string ProjectVariable = "ECRLINT_BENCH_CDK_PROJECT";

    public CompileSetup(string folder)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        Trees = Directory.EnumerateFiles(folder, "*.cs")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
            .ToImmutableArray();
        var list = Path.Combine(folder, "references.txt");
        if (!File.Exists(list)) throw new InvalidOperationException($"{list} is missing: build the project first (dotnet build {folder}).");
        References = File.ReadAllLines(list).Where(l => l.Length > 0).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        Analyzers = typeof(EcrLint.Analyzers.CSharpPolicyAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    public ImmutableArray<SyntaxTree> Trees { get; }
    public ImmutableArray<MetadataReference> References { get; }
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>A new compilation (nothing bound yet): what a build starts from.</summary>
    public CSharpCompilation Create() => CSharpCompilation.Create("CdkBench", Trees, References,
        new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: OptimizationLevel.Release, concurrentBuild: true));

    /// <summary>The compiler alone: every compiler diagnostic (all method bodies bound), then the IL.</summary>
    public static int CompileOnly(CSharpCompilation compilation)
    {
        var diagnostics = compilation.GetDiagnostics();
        var result = compilation.Emit(Stream.Null);
        return diagnostics.Length + (result.Success ? 1 : 0);
    }

    /// <summary>
    /// The same with EcrLint's analyzers: compiler and analyzer diagnostics together (the analyzer driver binds the
    /// code once for both), then the IL. The difference from <see cref="CompileOnly"/> is the analyzers' whole cost,
    /// their semantic models included; a build overlaps part of it with the emit and shares the semantic models with
    /// the SDK's own analyzers (the build comparison of bench/run.sh measures that).
    /// </summary>
    public int CompileWithAnalyzers(CSharpCompilation compilation) => CompileWith(compilation, Analyzers);

    /// <summary>The same with <see cref="FloorAnalyzer"/> alone: the driver and the semantic models, no EcrLint work.</summary>
    public static int CompileWithFloor(CSharpCompilation compilation) => CompileWith(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()));

    /// <summary>
    /// EcrLint's analyzers next to <see cref="FloorAnalyzer"/>, which stands for the SDK's own analyzers of a build: they
    /// have the operation trees built already, so what this adds to <see cref="CompileWithFloor"/> is EcrLint's own work.
    /// </summary>
    public int CompileWithFloorAndAnalyzers(CSharpCompilation compilation) => CompileWith(compilation, Analyzers.Add(new FloorAnalyzer()));

    public static int CompileWith(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(logTimes: false));
        var diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        if (diagnostics.Any(d => d.Id == "AD0001")) throw new InvalidOperationException("An analyzer threw: " + diagnostics.First(d => d.Id == "AD0001"));
        var result = compilation.Emit(Stream.Null);
        return diagnostics.Length + (result.Success ? 1 : 0);
    }

    /// <summary>Each analyzer's execution time, as the compiler logs it (-p:ReportAnalyzer=true), for one run on a fresh compilation.</summary>
    /// <remarks>
    /// Measured next to <see cref="FloorAnalyzer"/>, as in a build with the SDK's analyzers, so that building the
    /// operation trees is not charged to whichever EcrLint analyzer the driver happens to run first.
    /// </remarks>
    public Dictionary<string, double> AnalyzerTimes(CSharpCompilation compilation)
    {
        var all = Analyzers.Insert(0, new FloorAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(all, Options(logTimes: true));
        withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return all.ToDictionary(a => a.GetType().Name,
            a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalSeconds);
    }

    private static CompilationWithAnalyzersOptions Options(bool logTimes) =>
        new(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: logTimes);

    /// <summary>The analyzer DLLs a build loads: the analyzers, the engine and its libraries (the netstandard2.0 builds).</summary>
    public static IReadOnlyList<string> AnalyzerDlls()
    {
        var analyzers = typeof(EcrLint.Analyzers.CSharpPolicyAnalyzer).Assembly.Location;
        var engine = typeof(EcrLint.Engine.Linter).Assembly.Location;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return new[]
        {
            analyzers,
            engine,
            Path.Combine(packages, "newtonsoft.json", "13.0.3", "lib", "netstandard2.0", "Newtonsoft.Json.dll"),
            Path.Combine(packages, "yamldotnet", "16.3.0", "lib", "netstandard2.0", "YamlDotNet.dll"),
        };
    }
}

/// <summary>The same compilation of the generated project without and with EcrLint's analyzers.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class AnalyzerOverhead
{
    private CompileSetup _setup = null!;

    [GlobalSetup]
    public void Setup() => _setup = new CompileSetup(Environment.GetEnvironmentVariable(CompileSetup.ProjectVariable)
        ?? throw new InvalidOperationException($"Set {CompileSetup.ProjectVariable} to the generated project."));

    [Benchmark(Baseline = true, Description = "compile")]
    public int Compile() => CompileSetup.CompileOnly(_setup.Create());

    [Benchmark(Description = "compile + floor analyzer")]
    public int CompileWithFloor() => CompileSetup.CompileWithFloor(_setup.Create());

    [Benchmark(Description = "compile + EcrLint analyzers")]
    public int CompileWithAnalyzers() => _setup.CompileWithAnalyzers(_setup.Create());

    [Benchmark(Description = "compile + floor + EcrLint")]
    public int CompileWithFloorAndAnalyzers() => _setup.CompileWithFloorAndAnalyzers(_setup.Create());
}

/// <summary>Alternating timed compilations, and each analyzer's own execution time as the compiler logs it.</summary>
public static class Breakdown
{
    public static void Run(string folder, int runs)
    {
        var setup = new CompileSetup(folder);
        Console.WriteLine($"{setup.Trees.Length} files, {setup.References.Length} references, analyzers: {string.Join(", ", setup.Analyzers.Select(a => a.GetType().Name))}");
        // Warm-up: JIT of the compiler and the analyzers.
        CompileSetup.CompileOnly(setup.Create());
        CompileSetup.CompileWithFloor(setup.Create());
        setup.CompileWithAnalyzers(setup.Create());
        setup.CompileWithFloorAndAnalyzers(setup.Create());

        // Wall time and the process's CPU time (both cores' work: steadier on a shared machine) of each compilation:
        // the compiler alone, with the floor analyzer (the stand-in for the SDK's analyzers of a build), with EcrLint
        // alone, and with EcrLint's analyzers next to the floor, together and one at a time.
        var sides = new List<(string Name, Func<CSharpCompilation, int> Compile, List<double> Wall, List<double> Cpu)>
        {
            ("compile", CompileSetup.CompileOnly, new(), new()),
            ("compile + floor", CompileSetup.CompileWithFloor, new(), new()),
            ("compile + EcrLint", setup.CompileWithAnalyzers, new(), new()),
            ("compile + floor + EcrLint", setup.CompileWithFloorAndAnalyzers, new(), new()),
        };
        foreach (var analyzer in setup.Analyzers)
        {
            var one = ImmutableArray.Create(analyzer, new FloorAnalyzer());
            sides.Add(($"compile + floor + {analyzer.GetType().Name}", c => CompileSetup.CompileWith(c, one), new(), new()));
        }

        var perAnalyzer = setup.Analyzers.Select(a => a.GetType().Name).Prepend(nameof(FloorAnalyzer)).ToDictionary(n => n, _ => new List<double>());
        var process = Process.GetCurrentProcess();
        for (var run = 0; run < runs; run++)
        {
            foreach (var (_, compile, wall, cpu) in sides)
            {
                var compilation = setup.Create();
                GC.Collect();
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                compile(compilation);
                wall.Add(sw.Elapsed.TotalSeconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpu0).TotalSeconds);
            }

            foreach (var (name, seconds) in setup.AnalyzerTimes(setup.Create())) perAnalyzer[name].Add(seconds);
            Console.WriteLine($"run {run + 1}: " + string.Join(", ", sides.Take(4).Select(s => $"{s.Name} {s.Wall[^1]:F2} s ({s.Cpu[^1]:F2} s CPU)")));
        }

        Console.WriteLine();
        foreach (var (name, _, wall, cpu) in sides) Console.WriteLine($"{name,-50} median {Median(wall):F2} s wall, {Median(cpu):F2} s CPU (minima {wall.Min():F2} s, {cpu.Min():F2} s)");
        var p = Median(sides[0].Wall);
        var f = Median(sides[1].Wall);
        var w = Median(sides[2].Wall);
        var fw = Median(sides[3].Wall);
        var fc = Median(sides[1].Cpu);
        var fwc = Median(sides[3].Cpu);
        Console.WriteLine($"floor alone adds {(f - p) / p * 100:F1}% to the compile (driver and operation trees, no analysis)");
        Console.WriteLine($"EcrLint alone adds {(w - p) / p * 100:F1}% to the compile (it pays the operation trees itself)");
        Console.WriteLine($"EcrLint next to the floor adds {(fw - f) / f * 100:F1}% wall, {(fwc - fc) / fc * 100:F1}% CPU (as in a build with the SDK's analyzers);"
            + $" by the minima {(sides[3].Wall.Min() - sides[1].Wall.Min()) / sides[1].Wall.Min() * 100:F1}% wall, {(sides[3].Cpu.Min() - sides[1].Cpu.Min()) / sides[1].Cpu.Min() * 100:F1}% CPU");
        Console.WriteLine("Each analyzer next to the floor (its own cost, CPU):");
        foreach (var (name, _, _, cpu) in sides.Skip(4))
            Console.WriteLine($"  {name.Substring("compile + floor + ".Length),-28} +{(Median(cpu) - fc) / fc * 100:F1}% CPU");
        Console.WriteLine("Analyzer execution times as the compiler logs them (next to the floor analyzer; the driver's lazy operation");
        Console.WriteLine("trees are charged to whichever analyzer touches them first), medians:");
        var total = perAnalyzer.Where(kv => kv.Key != nameof(FloorAnalyzer)).Sum(kv => Median(kv.Value));
        foreach (var (name, times) in perAnalyzer.OrderByDescending(kv => Median(kv.Value)))
            Console.WriteLine(name == nameof(FloorAnalyzer)
                ? $"  {name,-28} {Median(times):F3} s  (the stand-in for the SDK's analyzers)"
                : $"  {name,-28} {Median(times):F3} s  ({(total > 0 ? Median(times) / total * 100 : 0):F0}% of EcrLint's analyzer time, {Median(times) / p * 100:F1}% of compile)");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
