#!/usr/bin/env bash
# The floor of FlakyTrace's route through vstest, next to FlakyTrace itself, on a kept suite.
#
#   bench/collector/run.sh --tests 3000 --runs 1 --warmup 0 --skip-noop --keep   # note the work directory
#   bench/collector/route-floor.sh [--runs K] [--framework xunit] WORK
#
# Runs, K times in turn: the untraced suite (a); the suite with RouteFloor's in-process collector
# and logger loaded but nothing attached to the results (events: vstest's per-test events alone);
# the same attaching a 107-character property to every result, which the logger in vstest.console
# reads, doing nothing else (floor); the same payload sent outside the results instead, keyed by the
# test case's id, in a file of the testhost's own: one flushed write a test (file), or copied into a
# memory-mapped file with no system call (mapped), which the logger reads by id; the floor with one activity per test from the hook FlakyCollector
# compiled into the suite, heard by a listener that does nothing with it (span); and the suite with
# --collect FlakyTrace (c). Prints the median
# wall time and CPU seconds of testhost and vstest.console of each, the CPU each adds per test
# over a, and what c adds over the floor: the part of FlakyTrace's cost that is its own work.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUNS=5
FRAMEWORK=xunit
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --framework) FRAMEWORK="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -eq 1 ]] || { sed -n '2,12p' "$0" >&2; exit 2; }
WORK="$(cd "$1" && pwd)"
[[ -d "$WORK/suites/$FRAMEWORK/bin" ]] || { echo "error: $WORK has no built $FRAMEWORK suite (run run.sh with --keep)" >&2; exit 2; }

export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
OUT="$(mktemp -d "${TMPDIR:-/tmp}/flakyfloor.XXXXXX")"
tests="$(grep -c '\[Fact\]\|\[Test\]\|\[TestMethod\]' "$WORK/suites/$FRAMEWORK/Tests.cs" || true)"

cp -r "$SCRIPT_DIR/RouteFloor" "$OUT/routefloor"
rm -rf "$OUT/routefloor/bin" "$OUT/routefloor/obj"
dotnet build "$OUT/routefloor" -c Release -o "$OUT/routefloor/out" > "$OUT/build.log" 2>&1 \
  || { echo "error: RouteFloor did not build: $OUT/build.log" >&2; exit 1; }
floor_dll="$OUT/routefloor/out/RouteFloor.dll"
cat > "$OUT/floor.runsettings" <<XML
<?xml version="1.0" encoding="utf-8"?>
<RunSettings>
  <InProcDataCollectionRunSettings><InProcDataCollectors>
    <InProcDataCollector friendlyName="RouteFloor" uri="InProcDataCollector://RouteFloor/1.0"
      assemblyQualifiedName="RouteFloor.RouteFloorInProcCollector, RouteFloor, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"
      codebase="$floor_dll" />
  </InProcDataCollectors></InProcDataCollectionRunSettings>
  <LoggerRunSettings><Loggers>
    <Logger friendlyName="RouteFloor" uri="logger://RouteFloor/v1" enabled="true"
      assemblyQualifiedName="RouteFloor.RouteFloorLogger, RouteFloor, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"
      codeBase="$floor_dll" />
  </Loggers></LoggerRunSettings>
</RunSettings>
XML

run() { # label args...
  local label="$1"; shift
  NUGET_PACKAGES="$WORK/packages" python3 "$SCRIPT_DIR/measure.py" run --log "$OUT/$label-$round.log" -- \
    dotnet test "$WORK/suites/$FRAMEWORK" --no-build -c Release --results-directory "$OUT/results-$label-$round" "$@" \
    | awk -v l="$label" '{ print l, $1, $5, $6, $4, $8, $9 }' >> "$OUT/runs.txt"
  tail -1 "$OUT/runs.txt" >&2
}

for round in $(seq 1 "$RUNS"); do
  run a
  ROUTEFLOOR_PROPERTY=0 run events --settings "$OUT/floor.runsettings"
  run floor --settings "$OUT/floor.runsettings"
  mkdir -p "$OUT/log-file-$round" "$OUT/log-mapped-$round"
  ROUTEFLOOR_ROUTE=file ROUTEFLOOR_LOG_DIR="$OUT/log-file-$round" run file --settings "$OUT/floor.runsettings"
  ROUTEFLOOR_ROUTE=mapped ROUTEFLOOR_LOG_DIR="$OUT/log-mapped-$round" run mapped --settings "$OUT/floor.runsettings"
  rm -rf "$OUT/log-file-$round" "$OUT/log-mapped-$round"
  ROUTEFLOOR_SPAN=1 ROUTEFLOOR_SPAN_COUNT="$OUT/span-$round.count" run span --settings "$OUT/floor.runsettings"
  run c --collect FlakyTrace
done

for log in "$OUT"/floor-*.log "$OUT"/span-*.log "$OUT"/file-*.log "$OUT"/mapped-*.log; do
  grep -q "RouteFloor: $tests payloads read" "$log" || echo "warning: $log does not show $tests payloads read: the floor did not take the route"
done
for count in "$OUT"/span-*.count; do
  [[ "$(cat "$count")" == "$tests" ]] || echo "warning: $count: $(cat "$count") activities heard, not $tests: the suite's hook did not run"
done

python3 - "$OUT/runs.txt" "$tests" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
tests = int(sys.argv[2]) or 1
med = {}
for label in ("a", "events", "floor", "file", "mapped", "span", "c"):
    mine = [r for r in rows if r[0] == label]
    med[label] = [statistics.median(float(r[i]) for r in mine) for i in (1, 2, 3)]
    bad = [r for r in mine if r[4] != "0"]
    if bad:
        print(f"warning: {len(bad)} run(s) of {label} exited non-zero")
print(f"{tests} tests, median of {sum(r[0] == 'a' for r in rows)} interleaved run(s)")
print(f"{'':6} {'wall s':>8} {'wall/a':>7} {'host cpu':>9} {'vst cpu':>8} {'added us/test':>14}")
for label, (wall, host, vst) in med.items():
    added = "" if label == "a" else f"{(host + vst - med['a'][1] - med['a'][2]) / tests * 1e6:.0f}"
    print(f"{label:6} {wall:8.2f} {wall / med['a'][0]:6.2f}x {host:9.2f} {vst:8.2f} {added:>14}")
host = (med['c'][1] - med['floor'][1]) / tests * 1e6
vst = (med['c'][2] - med['floor'][2]) / tests * 1e6
print(f"c over the floor, per test: testhost {host:.0f} us, vstest.console {vst:.0f} us")
host = (med['floor'][1] - med['events'][1]) / tests * 1e6
vst = (med['floor'][2] - med['events'][2]) / tests * 1e6
print(f"the property over the events, per test: testhost {host:.0f} us, vstest.console {vst:.0f} us")
for route in ("file", "mapped"):
    host = (med[route][1] - med['events'][1]) / tests * 1e6
    vst = (med[route][2] - med['events'][2]) / tests * 1e6
    print(f"the payload by {route} over the events, per test: testhost {host:.0f} us, vstest.console {vst:.0f} us")
host = (med['span'][1] - med['floor'][1]) / tests * 1e6
print(f"the test's activity over the floor, per test: testhost {host:.0f} us")
host = (med['c'][1] - med['span'][1]) / tests * 1e6
vst = (med['c'][2] - med['span'][2]) / tests * 1e6
print(f"c over the floor with the activity, per test: testhost {host:.0f} us, vstest.console {vst:.0f} us")
PY
echo "runs and logs: $OUT"
