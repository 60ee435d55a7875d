using System.Diagnostics;
using System.Globalization;
using EcrLint.Bench;

// Timed harness for the CLI goals of bench/README.md. Commands:
//   generate DIR [--count N] [--seed S]          write the policy corpus
//   throughput DIR --ecrlint CMD --bare CMD [--runs N]
//                                                ecrlint vs the bare Newtonsoft parse, alternating, medians
//   memory DIR --ecrlint CMD                     peak working set on growing slices of the corpus
//   coldstart FILE --ecrlint CMD [--bare CMD] [--runs N]
//                                                one-file lint (and the bare parse of it), median wall time
//   profile DIR [--passes N]                     in-process engine profile: time and allocation per phase and rule
// CMD is an executable or a .dll (run with `dotnet`).
var command = args.Length > 0 ? args[0] : "help";
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int Runs() => int.Parse(Option("--runs", "5"), CultureInfo.InvariantCulture);

switch (command)
{
    case "generate":
    {
        var count = int.Parse(Option("--count", "10000"), CultureInfo.InvariantCulture);
        var sw = Stopwatch.StartNew();
        var bytes = CorpusGenerator.Generate(args[1], count, int.Parse(Option("--seed", "1"), CultureInfo.InvariantCulture));
        Console.WriteLine($"{count} files, {bytes / 1024.0 / 1024.0:F1} MiB, mean {bytes / count} bytes, in {sw.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    case "throughput":
    {
        var dir = args[1];
        var files = Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories).Count();
        var ecrlint = Option("--ecrlint", "ecrlint");
        var bare = Option("--bare", "BareParse");
        var lint = new List<Measurement>();
        var parse = new List<Measurement>();
        var tokens = new List<Measurement>();
        for (var run = 0; run < Runs(); run++)
        {
            // Alternate so that machine noise hits both sides alike.
            parse.Add(Measure(bare, dir));
            tokens.Add(Measure(bare, dir, "--tokens"));
            lint.Add(Measure(ecrlint, dir, "--format", "json", "--output", "/dev/null", "--fail-level", "none"));
            Console.WriteLine($"run {run + 1}: parse {parse[^1]}, tokens {tokens[^1]}, ecrlint {lint[^1]}");
        }

        var l = Median(lint.Select(m => m.Seconds));
        var p = Median(parse.Select(m => m.Seconds));
        var t = Median(tokens.Select(m => m.Seconds));
        Console.WriteLine();
        Console.WriteLine($"files: {files}");
        Console.WriteLine($"bare parse (JToken):  median {p:F2} s  {files / p:F0} files/s  peak {Median(parse.Select(m => m.PeakMiB)):F0} MiB");
        Console.WriteLine($"bare tokenize:        median {t:F2} s  {files / t:F0} files/s  peak {Median(tokens.Select(m => m.PeakMiB)):F0} MiB");
        Console.WriteLine($"ecrlint:              median {l:F2} s  {files / l:F0} files/s  peak {Median(lint.Select(m => m.PeakMiB)):F0} MiB");
        Console.WriteLine($"ratio ecrlint / parse: {l / p:F2}x   (ecrlint / tokenize: {l / t:F2}x)");
        return 0;
    }

    case "memory":
    {
        var dir = args[1];
        var ecrlint = Option("--ecrlint", "ecrlint");
        var subdirs = Directory.GetDirectories(dir).OrderBy(d => d, StringComparer.Ordinal).ToList();
        foreach (var n in new[] { 1, Math.Max(1, subdirs.Count / 2), subdirs.Count })
        {
            var slice = subdirs.Take(n).ToArray();
            var files = slice.Sum(d => Directory.EnumerateFiles(d).Count());
            var m = Measure(ecrlint, slice.Concat(new[] { "--format", "json", "--output", "/dev/null", "--fail-level", "none" }).ToArray());
            Console.WriteLine($"{files,6} files: peak working set {m.PeakMiB:F0} MiB, {m.Seconds:F2} s");
        }

        return 0;
    }

    case "coldstart":
    {
        // With --bare, the floor alternates with ecrlint: a .NET process that only reads and parses the same file.
        var file = args[1];
        var ecrlint = Option("--ecrlint", "ecrlint");
        var bare = Option("--bare", "");
        Measure(ecrlint, file); // warm the OS file cache
        var times = new List<Measurement>();
        var floor = new List<Measurement>();
        for (var run = 0; run < Runs(); run++)
        {
            if (bare.Length > 0) floor.Add(Measure(bare, file));
            times.Add(Measure(ecrlint, file, "--fail-level", "none"));
        }

        Console.WriteLine($"one-file lint: median {Median(times.Select(m => m.Seconds)) * 1000:F0} ms (min {times.Min(m => m.Seconds) * 1000:F0} ms, max {times.Max(m => m.Seconds) * 1000:F0} ms) over {times.Count} runs");
        if (floor.Count > 0)
            Console.WriteLine($"bare parse of the same file: median {Median(floor.Select(m => m.Seconds)) * 1000:F0} ms (min {floor.Min(m => m.Seconds) * 1000:F0} ms, max {floor.Max(m => m.Seconds) * 1000:F0} ms)");
        return 0;
    }

    case "profile":
        Profiler.Run(args[1], int.Parse(Option("--passes", "3"), CultureInfo.InvariantCulture), Option("--region", null!), Option("--account", null!));
        return 0;

    default:
        Console.Error.WriteLine("usage: EcrLint.Bench generate|throughput|memory|coldstart ... (see bench/README.md)");
        return 2;
}

static Measurement Measure(string command, params string[] arguments)
{
    // GNU time reports the peak resident set; the stopwatch the wall time.
    var report = Path.GetTempFileName();
    var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
    psi.ArgumentList.Add("-f");
    psi.ArgumentList.Add("%M");
    psi.ArgumentList.Add("-o");
    psi.ArgumentList.Add(report);
    if (command.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) psi.ArgumentList.Add("dotnet");
    psi.ArgumentList.Add(command);
    foreach (var a in arguments) psi.ArgumentList.Add(a);
    var sw = Stopwatch.StartNew();
    using var process = Process.Start(psi)!;
    process.StandardOutput.ReadToEnd();
    process.StandardError.ReadToEnd();
    process.WaitForExit();
    sw.Stop();
    var lines = File.ReadAllLines(report);
    File.Delete(report);
    var kib = double.Parse(lines.Last(l => l.Trim().Length > 0).Trim(), CultureInfo.InvariantCulture);
    return new Measurement(sw.Elapsed.TotalSeconds, kib / 1024.0, process.ExitCode);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

internal readonly record struct Measurement(double Seconds, double PeakMiB, int ExitCode)
{
    public override string ToString() => $"{Seconds:F2} s / {PeakMiB:F0} MiB (exit {ExitCode})";
}
