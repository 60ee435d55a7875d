#!/usr/bin/env bash
# Reproduces every figure of bench/README.md. Usage: bench/run.sh [WORK_DIR] [--quick]
#   WORK_DIR (default /tmp/ecrlint-bench) receives the builds, the policy corpus and the generated CDK project.
#   --quick runs fewer repetitions (a smoke run; the README's figures come from a full run).
# Run it on a quiet machine: every goal is a ratio against a floor measured in the same run, but noise still shows.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-/tmp/ecrlint-bench}
RUNS=5; ROUNDS=3; WARM=10; MEASURE=8
if [[ "${2:-}" == "--quick" || "${1:-}" == "--quick" ]]; then RUNS=2; ROUNDS=1; WARM=3; MEASURE=2; [[ "${1:-}" == "--quick" ]] && WORK=/tmp/ecrlint-bench; fi
mkdir -p "$WORK"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== machine"
uname -srm
grep -m1 'model name' /proc/cpuinfo || true
echo "cores: $(nproc), memory: $(free -g | awk '/Mem:/ {print $2}') GiB, .NET SDK $(dotnet --version)"

echo "== build (Release; ecrlint as the tool package ships it on linux-x64: ReadyToRun)"
dotnet publish cli/EcrLint.Cli -c Release -r linux-x64 --self-contained false -o "$WORK/ecrlint" -v:q -nologo
dotnet publish bench/BareParse -c Release -o "$WORK/bare" -v:q -nologo
dotnet build bench/EcrLint.Bench -c Release -o "$WORK/bench" -v:q -nologo
BENCH="dotnet $WORK/bench/EcrLint.Bench.dll"

echo "== 1. throughput: 10,000 policies, ecrlint against a bare Newtonsoft.Json parse, alternating"
[[ -d "$WORK/corpus" ]] || $BENCH generate "$WORK/corpus" --count 10000
$BENCH throughput "$WORK/corpus" --ecrlint "$WORK/ecrlint/ecrlint" --bare "$WORK/bare/BareParse" --runs $RUNS

echo "== 2. memory: peak working set on growing slices of the corpus"
$BENCH memory "$WORK/corpus" --ecrlint "$WORK/ecrlint/ecrlint"
[[ -d "$WORK/corpus30k" ]] || $BENCH generate "$WORK/corpus30k" --count 30000 --seed 2
$BENCH memory "$WORK/corpus30k" --ecrlint "$WORK/ecrlint/ecrlint"

echo "== 4. cold start: one-file lint"
cp samples/policies/aws-page/ecr-endpoint-allow-pull.json "$WORK/one.json"
$BENCH coldstart "$WORK/one.json" --ecrlint "$WORK/ecrlint/ecrlint" --bare "$WORK/bare/BareParse" --runs 11

echo "== engine profile (in process: time and allocation per phase and rule)"
$BENCH profile "$WORK/corpus" --passes 3

echo "== 3. analyzer overhead: a generated 500-file CDK project"
dotnet build bench/EcrLint.Analyzers.Bench -c Release -v:q -nologo
ABENCH="dotnet bench/EcrLint.Analyzers.Bench/bin/Release/net10.0/EcrLint.Analyzers.Bench.dll"
rm -rf "$WORK/cdkproj"
$ABENCH generate "$WORK/cdkproj" --files 500
dotnet build "$WORK/cdkproj" -v:q -nologo > /dev/null   # restore, and references.txt for the in-process runs
echo "-- in process: compile, compile + floor analyzer, compile + EcrLint (alternating), per-analyzer times"
$ABENCH breakdown "$WORK/cdkproj" --runs $((RUNS + 4))
echo "-- dotnet build --no-incremental with and without the analyzers: Csc task time and the compiler server's CPU time."
echo "   Each side gets its own compiler server, warmed by $WARM builds (switching the analyzer set between builds of one"
echo "   server makes it JIT-compile again, which no developer's repeated builds see); $ROUNDS rounds of $MEASURE builds a side."
server_cpu_ms() { local p; p=$(pgrep -f VBCSCompiler | head -1); [[ -z "$p" ]] && { echo 0; return; }; awk -v t="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / t}' "/proc/$p/stat"; }
build_once() {  # prints "csc_ms cpu_ms"
  local c0 c1 out
  c0=$(server_cpu_ms)
  out=$(dotnet build "$WORK/cdkproj" --no-incremental -p:UseSharedCompilation=true -p:EcrLintAnalyzers="$1" -clp:PerformanceSummary -nologo 2>&1)
  c1=$(server_cpu_ms)
  echo "$(echo "$out" | awk '$3 == "Csc" {print $1}' | tail -1) $(awk -v a="$c0" -v b="$c1" 'BEGIN {print b - a}')"
}
without=(); with=(); without_cpu=(); with_cpu=()
for _ in $(seq $ROUNDS); do
  for side in false true; do
    dotnet build-server shutdown > /dev/null 2>&1 || true
    for _ in $(seq $WARM); do build_once $side > /dev/null; done
    for _ in $(seq $MEASURE); do
      read -r w c < <(build_once $side)
      if [[ $side == false ]]; then without+=("$w"); without_cpu+=("$c"); else with+=("$w"); with_cpu+=("$c"); fi
    done
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
minimum() { printf '%s\n' "$@" | sort -n | head -1; }
echo "Csc without EcrLint: ${without[*]} ms (median $(median "${without[@]}"), min $(minimum "${without[@]}"))"
echo "Csc with EcrLint:    ${with[*]} ms (median $(median "${with[@]}"), min $(minimum "${with[@]}"))"
echo "CPU without EcrLint: ${without_cpu[*]} ms (median $(median "${without_cpu[@]}"), min $(minimum "${without_cpu[@]}"))"
echo "CPU with EcrLint:    ${with_cpu[*]} ms (median $(median "${with_cpu[@]}"), min $(minimum "${with_cpu[@]}"))"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f%%", (b - a) / a * 100}'; }
echo "overhead in the build: Csc time $(ratio "$(median "${without[@]}")" "$(median "${with[@]}")") (medians), $(ratio "$(minimum "${without[@]}")" "$(minimum "${with[@]}")") (minima);" \
  "compiler CPU $(ratio "$(median "${without_cpu[@]}")" "$(median "${with_cpu[@]}")") (medians), $(ratio "$(minimum "${without_cpu[@]}")" "$(minimum "${with_cpu[@]}")") (minima)"
echo "-- ReportAnalyzer: analyzer execution times as the compiler reports them"
dotnet build "$WORK/cdkproj" --no-incremental -p:UseSharedCompilation=true -p:ReportAnalyzer=true -v:d -nologo > "$WORK/report-analyzer.log" 2>&1
awk '/Total analyzer execution time/ {p = 1} p && /^[[:space:]]*$/ {n++; if (n == 2) exit} p {sub(/ \(ECR.*/, " (ECR...)"); print}' "$WORK/report-analyzer.log" | head -n 20 || true
dotnet build-server shutdown > /dev/null 2>&1 || true

if [[ "$RUNS" -gt 2 ]]; then
  echo "== 3b. BenchmarkDotNet: the same three compilations"
  (cd bench/EcrLint.Analyzers.Bench && dotnet run -c Release --no-build -- benchmark "$WORK/cdkproj" --artifacts "$WORK/BenchmarkDotNet.Artifacts" | sed -n '/^| Method/,/^$/p')
fi
