#!/usr/bin/env bash
# Before and after, side by side: two packages' costs on the same generated suite, interleaved.
#
#   bench/collector/run.sh --keep ...        # once per package version (e.g. on two commits); note each work directory
#   bench/collector/compare.sh [--runs K] [--framework xunit] [--interval S] BEFORE_WORK AFTER_WORK
#
# Runs, K times in turn: the untraced suite (a, from AFTER_WORK), then BEFORE_WORK's suite and
# AFTER_WORK's with --collect FlakyTrace, the two swapping places every other round; then prints
# per configuration the median wall time, the median CPU seconds and peak memory of testhost and
# vstest.console, and the CPU each package adds per test over a. Each work directory restores from its own
# packages folder, so each run uses its own package. See bench/README.md.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUNS=3
FRAMEWORK=xunit
# How often measure.py looks at the process tree; the wall time is known to within it. 0.01 for runs of a few seconds.
INTERVAL=0.1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --framework) FRAMEWORK="$2"; shift 2 ;;
    --interval) INTERVAL="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -eq 2 ]] || { sed -n '2,11p' "$0" >&2; exit 2; }
BEFORE="$(cd "$1" && pwd)"
AFTER="$(cd "$2" && pwd)"
for work in "$BEFORE" "$AFTER"; do
  [[ -d "$work/suites/$FRAMEWORK/bin" ]] || { echo "error: $work has no built $FRAMEWORK suite (run run.sh with --keep)" >&2; exit 2; }
done

export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
OUT="$(mktemp -d "${TMPDIR:-/tmp}/flakycompare.XXXXXX")"
tests="$(grep -c '\[Fact\]\|\[Test\]\|\[TestMethod\]' "$AFTER/suites/$FRAMEWORK/Tests.cs" || true)"

run() { # label work args...
  local label="$1" work="$2"; shift 2
  NUGET_PACKAGES="$work/packages" python3 "$SCRIPT_DIR/measure.py" run --interval "$INTERVAL" --log "$OUT/$label-$round.log" -- \
    dotnet test "$work/suites/$FRAMEWORK" --no-build -c Release --results-directory "$OUT/results-$label-$round" "$@" \
    | awk -v l="$label" '{ print l, $1, $5, $6, $4, $8, $9 }' >> "$OUT/runs.txt"
  tail -1 "$OUT/runs.txt" >&2
}

# The two packages take turns at going second and third: a fixed order would lend one of them
# whatever the position brings (a warmer file cache, the previous run's leftovers).
for round in $(seq 1 "$RUNS"); do
  run a "$AFTER"
  if ((round % 2)); then
    run before "$BEFORE" --collect FlakyTrace
    run after "$AFTER" --collect FlakyTrace
  else
    run after "$AFTER" --collect FlakyTrace
    run before "$BEFORE" --collect FlakyTrace
  fi
done

python3 - "$OUT/runs.txt" "$tests" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
tests = int(sys.argv[2]) or 1
med = {}
for label in ("a", "before", "after"):
    mine = [r for r in rows if r[0] == label]
    med[label] = [statistics.median(float(r[i]) for r in mine) for i in (1, 2, 3, 5, 6)]
    bad = [r for r in mine if r[4] != "0"]
    if bad:
        print(f"warning: {len(bad)} run(s) of {label} exited non-zero")
print(f"{tests} tests, median of {len(rows) // 3} interleaved run(s)")
print(f"{'':8} {'wall s':>8} {'wall/a':>7} {'host cpu':>9} {'vst cpu':>8} {'added us/test':>14} {'host MB':>8} {'vst MB':>7}")
for label, (wall, host, vst, host_mb, vst_mb) in med.items():
    added = "" if label == "a" else f"{(host + vst - med['a'][1] - med['a'][2]) / tests * 1e6:.0f}"
    print(f"{label:8} {wall:8.2f} {wall / med['a'][0]:6.2f}x {host:9.2f} {vst:8.2f} {added:>14} {host_mb:8.0f} {vst_mb:7.0f}")
PY
echo "runs and logs: $OUT"
