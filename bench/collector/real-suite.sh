#!/usr/bin/env bash
# What tracing costs a suite that does real work: HTTP calls, an app tested in memory, background
# sends, tests that wait. Trivial tests show the per-test cost at its largest; this shows what a
# team pays.
#
#   bench/collector/real-suite.sh [--runs K] [SUITE...]     # default: RealFlakyXunit RealFlakyXunitV3Mtp, 5 runs
#
# Packs the package from this repository, copies each sample suite (tests/samples/SUITE) into a
# temporary folder as a user's project, adds the package, builds it once (Release), then runs
# `dotnet test --no-build` K times untraced and K times traced, interleaved (untraced, traced,
# untraced, ...), and prints per suite the median wall time, the median CPU seconds of the whole
# process tree, and the ratios. A suite that selects Microsoft.Testing.Platform (global.json)
# is traced with --flaky-trace, the others with --collect FlakyTrace. The reference suites fail
# some tests at random by design: a run's exit code is not checked, its test count is.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
MEASURE="$SCRIPT_DIR/measure.py"
RUNS=5
SUITES=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) SUITES+=("$1"); shift ;;
  esac
done
[[ ${#SUITES[@]} -gt 0 ]] || SUITES=(RealFlakyXunit RealFlakyXunitV3Mtp)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/flakytrace-real-bench.XXXXXX")"
FEED="$WORK/feed"; VERSION="0.0.0-bench.$(date -u +%Y%m%d%H%M%S)"
export NUGET_PACKAGES="$WORK/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
echo "==> work: $WORK" >&2
dotnet pack "$REPO_ROOT/src/FlakyCollector.Package" -c Release -o "$FEED" -p:Version="$VERSION" -v:q -nologo >/dev/null
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$WORK/$f"; done
echo "<configuration><packageSources><add key=\"bench\" value=\"$FEED\" /></packageSources></configuration>" > "$WORK/nuget.config"
echo "suite,config,run,wall,tree_cpu,tests" > "$WORK/results.csv"

tests_in() { # the run's test count, as the runner printed it
  grep -hoE "(Total: +|total: )[0-9]+" "$1" | grep -oE "[0-9]+" | tail -1 || true
}

for suite in "${SUITES[@]}"; do
  [[ -d "$REPO_ROOT/tests/samples/$suite" ]] || { echo "error: no suite tests/samples/$suite" >&2; exit 2; }
  dir="$WORK/$suite"
  cp -r "$REPO_ROOT/tests/samples/$suite" "$dir"
  rm -rf "$dir"/{bin,obj,TestResults}
  (cd "$dir" && dotnet add package FlakyCollector --version "$VERSION" >/dev/null && dotnet build -c Release -v:q -nologo >/dev/null)
  if grep -qs "Microsoft.Testing.Platform" "$dir/global.json"; then traced=(--flaky-trace); else traced=(--collect FlakyTrace); fi
  echo "==> $suite: $RUNS run(s) each, untraced and ${traced[*]}" >&2
  for ((r = 0; r <= RUNS; r++)); do  # run 0 warms up
    for config in untraced traced; do
      args=(); [[ "$config" == traced ]] && args=("${traced[@]}")
      log="$WORK/$suite-$config-$r.log"
      line=$(cd "$dir" && python3 "$MEASURE" run --log "$log" -- dotnet test --no-build -c Release --results-directory "$WORK/results/$suite-$config-$r" "${args[@]}")
      read -r wall _ _ _ _ _ tree _ <<<"$line"
      ((r > 0)) && echo "$suite,$config,$r,$wall,$tree,$(tests_in "$log")" >> "$WORK/results.csv"
      ((r > 0)) && printf '    %-22s %-8s run %d  %6.2f s  cpu %6.2f s  tests %s\n' "$suite" "$config" "$r" "$wall" "$tree" "$(tests_in "$log")" >&2
    done
  done
done

python3 - "$WORK/results.csv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print("dotnet test --no-build -c Release, medians; CPU: user+system seconds of the whole process tree")
print(f"{'suite':22} {'tests':>6} {'untraced':>9} {'traced':>9} {'wall':>6} {'cpu untraced':>13} {'cpu traced':>11} {'cpu':>6}")
for suite in dict.fromkeys(r["suite"] for r in rows):
    def med(config, field):
        return statistics.median(float(r[field]) for r in rows if r["suite"] == suite and r["config"] == config)
    counts = {r["tests"] for r in rows if r["suite"] == suite}
    tests = counts.pop() if len(counts) == 1 else "varies"
    w0, w1, c0, c1 = med("untraced", "wall"), med("traced", "wall"), med("untraced", "tree_cpu"), med("traced", "tree_cpu")
    print(f"{suite:22} {tests:>6} {w0:8.2f}s {w1:8.2f}s {w1 / w0:5.2f}x {c0:12.2f}s {c1:10.2f}s {c1 / c0:5.2f}x")
PY
echo "==> raw figures: $WORK/results.csv" >&2
