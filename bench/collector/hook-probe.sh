#!/usr/bin/env bash
# What each step of the MSTest hook costs inside a real test process, with --flaky-trace.
#
# Builds a Microsoft.Testing.Platform suite of N trivial MSTest.Sdk tests with the FlakyCollector
# package packed from this repository, its own hook switched off (<FlakyTraceHook>false</...>) and
# HookProbe/FlakyTraceMSTestHookProbe.cs in its place: the same hook with a clock read between its
# steps. Runs `dotnet test --no-build --flaky-trace` K times in each of three modes, interleaved:
#   none    the hook as shipped
#   bare    one more activity first, made with new Activity().Start() (no source, no listener)
#   source  one more activity first, from a source of its own with a listener that does nothing
# and prints the median microseconds a test of each step: making the key, the extra activity
# ("first"), starting the test's activity ("start", the recorder's OnStarted included), tagging and
# filing it ("tag+file"), taking it back in the cleanup ("take"), tagging the outcome, and stopping
# it ("stop", the recorder's OnStopped included). The difference between "start" in mode none and
# in the others is what the first activity of a test pays for coming first.
# usage: bench/collector/hook-probe.sh [--tests N] [--runs K]
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
TESTS=30000; RUNS=3; PER_CLASS=30
while (($#)); do
  case "$1" in
    --tests) TESTS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
WORK="$(mktemp -d "${TMPDIR:-/tmp}/flakytrace-hook-probe.XXXXXX")"
FEED="$WORK/feed"; VERSION="0.0.0-probe.$(date -u +%Y%m%d%H%M%S)"
export NUGET_PACKAGES="$WORK/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> work: $WORK" >&2
dotnet pack "$REPO_ROOT/src/FlakyCollector.Package" -c Release -o "$FEED" -p:Version="$VERSION" -v:q -nologo >/dev/null
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$WORK/$f"; done
echo "<configuration><packageSources><add key=\"probe\" value=\"$FEED\" /></packageSources></configuration>" > "$WORK/nuget.config"
echo '{ "test": { "runner": "Microsoft.Testing.Platform" } }' > "$WORK/global.json"
SUITE="$WORK/suite"; mkdir -p "$SUITE"
cat > "$SUITE/Suite.csproj" <<XML
<Project Sdk="MSTest.Sdk/4.5.2">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><TestingExtensionsProfile>None</TestingExtensionsProfile><FlakyTraceHook>false</FlakyTraceHook></PropertyGroup>
  <ItemGroup><PackageReference Include="FlakyCollector" Version="$VERSION" /></ItemGroup>
</Project>
XML
cp "$SCRIPT_DIR/HookProbe/FlakyTraceMSTestHookProbe.cs" "$SUITE/"
for ((c = 0; c * PER_CLASS < TESTS; c++)); do
  {
    echo "namespace Suite;"
    echo "[Microsoft.VisualStudio.TestTools.UnitTesting.TestClass]"
    echo "public class Class$c {"
    for ((t = 0; t < PER_CLASS && c * PER_CLASS + t < TESTS; t++)); do
      echo "  [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod] public void Test$t() { }"
    done
    echo "}"
  } > "$SUITE/Class$c.cs"
done
dotnet build "$SUITE" -c Release -v:q -nologo >/dev/null
(cd "$SUITE" && dotnet test --no-build -c Release --results-directory "$WORK/results" --flaky-trace >/dev/null)  # warm-up
for ((r = 1; r <= RUNS; r++)); do
  for mode in none bare source; do
    (cd "$SUITE" && FLAKYTRACE_PROBE_FIRST=$mode FLAKYTRACE_PROBE_OUT="$WORK/probe.csv" \
      dotnet test --no-build -c Release --results-directory "$WORK/results" --flaky-trace >/dev/null)
  done
done
python3 - "$WORK/probe.csv" "$TESTS" <<'PY'
import collections, statistics, sys
steps = ["key", "first", "start", "tag+file", "take", "outcome", "stop"]
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    mode, count, *values = line.strip().split(",")
    rows[mode].append([float(v) for v in values])
print(f"MSTest hook, {sys.argv[2]} trivial tests, --flaky-trace, median µs a test per step ({len(next(iter(rows.values())))} runs a mode)")
print(f"{'first activity':16}" + "".join(f"{s:>10}" for s in steps) + f"{'hook':>10}")
for mode in ["none", "bare", "source"]:
    med = [statistics.median(r[i] for r in rows[mode]) for i in range(len(steps))]
    print(f"{mode:16}" + "".join(f"{m:10.2f}" for m in med) + f"{sum(med) - med[1]:10.2f}")
PY
echo "==> raw figures: $WORK/probe.csv" >&2
