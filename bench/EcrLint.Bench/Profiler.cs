using System.Diagnostics;
using EcrLint.Engine;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Bench;

/// <summary>
/// In-process, single-threaded profile of the engine over a corpus: where the time of one file goes (read,
/// decode, parse, bind, each rule, the rest of LintFile), after a warm-up pass so that JIT is not counted.
/// Allocation per file is measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>. Each phase reports its
/// fastest pass (the least disturbed by other processes on the machine).
/// </summary>
public static class Profiler
{
    public static void Run(string dir, int passes, string? region, string? account)
    {
        var paths = Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var context = new LintContext { Region = region, Account = account };
        var startup = Stopwatch.StartNew();
        var rules = PolicyRule.All;
        var tRules = startup.Elapsed.TotalMilliseconds;
        _ = context.Iam;
        var tIam = startup.Elapsed.TotalMilliseconds - tRules;
        Console.WriteLine($"startup: PolicyRule.All {tRules:F1} ms, IamData {tIam:F1} ms");

        var warm = Stopwatch.StartNew();
        foreach (var p in paths.Take(2000)) Linter.LintFile(p, File.ReadAllBytes(p), context);
        Console.WriteLine($"warm-up (2000 files, JIT included): {warm.Elapsed.TotalMilliseconds:F0} ms");

        var read = new Phase();
        var decode = new Phase();
        var parse = new Phase();
        var bind = new Phase();
        var whole = new Phase();
        var perRule = rules.ToDictionary(r => r, _ => new Phase());
        var ruleAlloc = rules.ToDictionary(r => r, _ => 0L);
        long findings = 0, allocWhole = 0, allocDecode = 0, allocParse = 0, allocBind = 0;
        var all = perRule.Values.Concat(new[] { read, decode, parse, bind, whole }).ToList();
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var phase in all) phase.NextPass();
            foreach (var p in paths)
            {
                read.Start();
                var bytes = File.ReadAllBytes(p);
                read.Stop();

                var a0 = GC.GetAllocatedBytesForCurrentThread();
                whole.Start();
                var result = Linter.LintFile(p, bytes, context);
                whole.Stop();
                allocWhole += GC.GetAllocatedBytesForCurrentThread() - a0;
                findings += result.Findings.Count;

                var c0 = GC.GetAllocatedBytesForCurrentThread();
                decode.Start();
                var doc = SourceLoader.Decode(p, bytes).Document;
                decode.Stop();
                var c1 = GC.GetAllocatedBytesForCurrentThread();
                parse.Start();
                var parsed = JsonParser.Parse(doc);
                parse.Stop();
                var c2 = GC.GetAllocatedBytesForCurrentThread();
                allocDecode += c1 - c0;
                allocParse += c2 - c1;
                if (parsed.Root is not JsonObject obj) continue;
                bind.Start();
                var policy = PolicyBinder.Bind(obj);
                bind.Stop();
                allocBind += GC.GetAllocatedBytesForCurrentThread() - c2;
                var kind = result.Kind.ToPolicyKind();
                var list = new List<Finding>();
                var ctx = new PolicyContext(policy, kind, context, list);
                foreach (var rule in rules)
                {
                    if (!rule.AppliesTo(kind) || !context.AnyEnabled(rule)) continue;
                    var b0 = GC.GetAllocatedBytesForCurrentThread();
                    perRule[rule].Start();
                    rule.Analyze(ctx);
                    perRule[rule].Stop();
                    ruleAlloc[rule] += GC.GetAllocatedBytesForCurrentThread() - b0;
                }
            }
        }

        foreach (var phase in all) phase.NextPass();
        double n = paths.Count * passes;
        double perPass = paths.Count;
        string Us(Phase s) => $"{s.Best.TotalMilliseconds * 1000 / perPass,8:F1} us/file";
        Console.WriteLine($"{paths.Count} files x {passes} passes, {findings / passes} findings per pass");
        Console.WriteLine($"LintFile (all):   {Us(whole)}  {allocWhole / n / 1024,8:F1} KiB/file   => {perPass / whole.Best.TotalSeconds:F0} files/s on one core");
        Console.WriteLine($"  read            {Us(read)}");
        Console.WriteLine($"  decode          {Us(decode)}  {allocDecode / n / 1024,8:F1} KiB/file");
        Console.WriteLine($"  parse           {Us(parse)}  {allocParse / n / 1024,8:F1} KiB/file");
        Console.WriteLine($"  bind            {Us(bind)}  {allocBind / n / 1024,8:F1} KiB/file");
        var ruleTotal = perRule.Values.Sum(s => s.Best.TotalMilliseconds);
        Console.WriteLine($"  rules (sum)     {ruleTotal * 1000 / perPass,8:F1} us/file");
        foreach (var (rule, sw) in perRule.OrderByDescending(kv => kv.Value.Best).Take(15))
            Console.WriteLine($"    {rule.GetType().Name,-36} {Us(sw)}  {ruleAlloc[rule] / n / 1024,8:F1} KiB/file");
    }

    /// <summary>A stopwatch that remembers its fastest pass.</summary>
    private sealed class Phase
    {
        private readonly Stopwatch _watch = new();
        private bool _started;

        public TimeSpan Best { get; private set; } = TimeSpan.MaxValue;

        public void Start() => _watch.Start();

        public void Stop() => _watch.Stop();

        public void NextPass()
        {
            if (_started && _watch.Elapsed < Best) Best = _watch.Elapsed;
            _started = true;
            _watch.Reset();
        }
    }
}
