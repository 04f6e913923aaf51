#!/usr/bin/env bash
# What does FlakyTrace cost a Microsoft.Testing.Platform run?
#
# Generates a suite of trivial passing tests per framework (MSTest.Sdk, xUnit v3, TUnit), in platform mode
# (global.json), builds it twice (without the package, and with FlakyCollector packed from this
# repository), then runs `dotnet test --no-build` interleaved in three configurations:
#   a  without the package
#   b  with the package, without --flaky-trace (the extension is registered but off)
#   c  with the package and --flaky-trace (file output only)
# and prints the median wall time and peak memory of the process tree per configuration, with the
# ratios b/a and c/a, and the CPU seconds of the whole process tree with what c adds per test.
# usage: bench/collector/platform.sh [--tests N] [--runs K] [--frameworks mstest,xunit3,tunit]
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
MEASURE="$SCRIPT_DIR/measure.py"
TESTS=3000; PER_CLASS=30; RUNS=5; FRAMEWORKS="mstest xunit3 tunit"
while (($#)); do
  case "$1" in
    --tests) TESTS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --frameworks) FRAMEWORKS="${2//,/ }"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
WORK="$(mktemp -d "${TMPDIR:-/tmp}/flakytrace-platform-bench.XXXXXX")"
FEED="$WORK/feed"; VERSION="0.0.0-bench.$(date -u +%Y%m%d%H%M%S)"
export NUGET_PACKAGES="$WORK/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> work: $WORK" >&2
dotnet pack "$REPO_ROOT/src/FlakyCollector.Package" -c Release -o "$FEED" -p:Version="$VERSION" -v:q -nologo >/dev/null
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$WORK/$f"; done
echo "<configuration><packageSources><add key=\"bench\" value=\"$FEED\" /></packageSources></configuration>" > "$WORK/nuget.config"
echo '{ "test": { "runner": "Microsoft.Testing.Platform" } }' > "$WORK/global.json"

generate() { # framework directory
  local fw="$1" dir="$2" classes=$(( (TESTS + PER_CLASS - 1) / PER_CLASS )) c t
  mkdir -p "$dir"
  case "$fw" in
    mstest) printf '<Project Sdk="MSTest.Sdk/4.5.2"><PropertyGroup><TargetFramework>net10.0</TargetFramework><TestingExtensionsProfile>None</TestingExtensionsProfile></PropertyGroup></Project>\n' > "$dir/Suite.csproj" ;;
    xunit3) printf '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup><ItemGroup><PackageReference Include="xunit.v3" Version="4.0.3" /></ItemGroup></Project>\n' > "$dir/Suite.csproj" ;;
    *) printf '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup><ItemGroup><PackageReference Include="TUnit" Version="1.81.10" /></ItemGroup></Project>\n' > "$dir/Suite.csproj" ;;
  esac
  for ((c = 0; c < classes; c++)); do
    {
      echo "namespace Suite;"
      [[ "$fw" == mstest ]] && echo "[Microsoft.VisualStudio.TestTools.UnitTesting.TestClass]"
      echo "public class Class$c {"
      for ((t = 0; t < PER_CLASS && c * PER_CLASS + t < TESTS; t++)); do
        case "$fw" in
          mstest) echo "  [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod] public void Test$t() { }" ;;
          xunit3) echo "  [Xunit.Fact] public void Test$t() { }" ;;
          *) echo "  [TUnit.Core.Test] public void Test$t() { }" ;;
        esac
      done
      echo "}"
    } > "$dir/Class$c.cs"
  done
}

echo "framework,config,run,wall,peak_tree_mb,peak_process_mb,exit,testhost_cpu,vstest_cpu,tree_cpu,testhost_mb,vstest_mb" > "$WORK/results.csv"
for fw in $FRAMEWORKS; do
  generate "$fw" "$WORK/$fw-plain"
  cp -r "$WORK/$fw-plain" "$WORK/$fw-traced"
  (cd "$WORK/$fw-traced" && dotnet add package FlakyCollector --version "$VERSION" >/dev/null)
  for variant in plain traced; do dotnet build "$WORK/$fw-$variant" -c Release -v:q -nologo >/dev/null; done
  for ((r = 0; r <= RUNS; r++)); do  # run 0 warms up
    for config in a b c; do
      case "$config" in
        a) dir="$WORK/$fw-plain"; args=() ;;
        b) dir="$WORK/$fw-traced"; args=() ;;
        c) dir="$WORK/$fw-traced"; args=(--flaky-trace) ;;
      esac
      line=$(cd "$dir" && python3 "$MEASURE" run --interval 0.01 --log "$WORK/$fw-$config-$r.log" -- dotnet test --no-build -c Release --results-directory "$WORK/results/$fw-$config-$r" "${args[@]}")
      ((r > 0)) && echo "$fw,$config,$r,${line// /,}" >> "$WORK/results.csv"
    done
  done
done

python3 - "$WORK/results.csv" "$TESTS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
tests = int(sys.argv[2])
print(f"{tests} trivial tests, dotnet test --no-build on Microsoft.Testing.Platform, medians")
print(f"{'framework':10} {'a: no package':>14} {'b: package, off':>16} {'c: --flaky-trace':>17} {'b/a':>6} {'c/a':>6} {'CPU s a/b/c':>16} {'c-a CPU/test':>13} {'peak MB a/b/c':>16}")
for fw in dict.fromkeys(r["framework"] for r in rows):
    pick = lambda c, k: statistics.median(float(r[k]) for r in rows if r["framework"] == fw and r["config"] == c)
    med = {c: pick(c, "wall") for c in "abc"}
    cpu = {c: pick(c, "tree_cpu") for c in "abc"}
    mem = {c: pick(c, "peak_tree_mb") for c in "abc"}
    added = (cpu['c'] - cpu['a']) / tests * 1e6
    print(f"{fw:10} {med['a']:13.2f}s {med['b']:15.2f}s {med['c']:16.2f}s {med['b']/med['a']:5.2f}x {med['c']/med['a']:5.2f}x "
          f"{cpu['a']:5.2f}/{cpu['b']:.2f}/{cpu['c']:.2f} {added:10.0f} us {mem['a']:5.0f}/{mem['b']:.0f}/{mem['c']:.0f}")
    # Each round's own ratio, runs of the same round side by side: what the machine's drift between rounds leaves out.
    walls = {(r["config"], r["run"]): float(r["wall"]) for r in rows if r["framework"] == fw}
    rounds = sorted({run for _, run in walls}, key=int)
    ratios = [walls[("c", run)] / walls[("a", run)] for run in rounds if ("a", run) in walls and ("c", run) in walls]
    if ratios:
        print(f"{'':10} c/a of each round: {', '.join(f'{x:.2f}' for x in ratios)} (median {statistics.median(ratios):.2f}x)")
PY
echo "==> raw figures: $WORK/results.csv" >&2
