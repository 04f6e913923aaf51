#!/usr/bin/env bash
# What --collect FlakyTrace allocates, per process and by type, on a kept suite.
#
#   bench/collector/run.sh --tests 3000 --runs 1 --warmup 0 --skip-noop --keep   # note the work directory
#   bench/collector/allocations.sh [--runs K] [--framework xunit] [--top N] [--floor RUNSETTINGS] WORK
#
# Runs the untraced suite (a) and the suite with --collect FlakyTrace (c), K times each in turn,
# with the runtime's GC and loader events written to a .nettrace file per process
# (DOTNET_EnableEventPipe), and reads them with Allocations/. It prints, for testhost and
# vstest.console (medians): the bytes allocated, the collections by generation, the milliseconds
# from each collection's start to its end, and the bytes c adds per test. Then the types whose
# sampled allocation grew the most from a to c. With --floor (route-floor.sh's floor.runsettings,
# kept in its output folder), a third run (floor) takes the route alone, and the types are counted
# from the floor to c: what FlakyTrace's own work allocates. The events slow a run a little: these
# runs are for counting bytes, not for timing.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUNS=3
FRAMEWORK=xunit
TOP=25
FLOOR=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --framework) FRAMEWORK="$2"; shift 2 ;;
    --top) TOP="$2"; shift 2 ;;
    --floor) FLOOR="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -eq 1 ]] || { sed -n '2,16p' "$0" >&2; exit 2; }
WORK="$(cd "$1" && pwd)"
[[ -d "$WORK/suites/$FRAMEWORK/bin" ]] || { echo "error: $WORK has no built $FRAMEWORK suite (run run.sh with --keep)" >&2; exit 2; }

export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
OUT="$(mktemp -d "${TMPDIR:-/tmp}/flakyalloc.XXXXXX")"
tests="$(grep -c '\[Fact\]\|\[Test\]\|\[TestMethod\]' "$WORK/suites/$FRAMEWORK/Tests.cs" || true)"

dotnet build "$SCRIPT_DIR/Allocations" -c Release -o "$OUT/tool" > "$OUT/build.log" 2>&1 \
  || { echo "error: Allocations did not build: $OUT/build.log" >&2; exit 1; }

for round in $(seq 1 "$RUNS"); do
  labels=(a c)
  [[ -n "$FLOOR" ]] && labels=(a floor c)
  for label in "${labels[@]}"; do
    traces="$OUT/$label-$round"
    mkdir -p "$traces"
    args=()
    [[ "$label" == c ]] && args=(--collect FlakyTrace)
    [[ "$label" == floor ]] && args=(--settings "$FLOOR")
    DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath="$traces/trace-{pid}.nettrace" \
      DOTNET_EventPipeConfig='Microsoft-Windows-DotNETRuntime:0x9:5' NUGET_PACKAGES="$WORK/packages" \
      dotnet test "$WORK/suites/$FRAMEWORK" --no-build -c Release --results-directory "$OUT/results-$label-$round" "${args[@]}" \
      > "$OUT/$label-$round.log" 2>&1 || echo "warning: $label run $round exited non-zero: $OUT/$label-$round.log" >&2
    "$OUT/tool/Allocations" "$traces" "$TOP" | sed "s/^/$label /" >> "$OUT/rows.txt"
    rm -f "$traces"/*.nettrace
  done
done

python3 - "$OUT/rows.txt" "$tests" "$TOP" <<'PY'
import statistics, sys
from collections import defaultdict
rows = [line.split() for line in open(sys.argv[1])]
tests, top = int(sys.argv[2]) or 1, int(sys.argv[3])
totals = defaultdict(list)     # (label, role) -> [(MB, gen0, gen1, gen2, GC ms)]
types = defaultdict(lambda: defaultdict(float))  # (label, role) -> type -> MB summed over runs
for r in rows:
    if r[1] == "type":
        types[(r[0], r[2])][" ".join(r[4:])] += float(r[3])
    else:
        totals[(r[0], r[1])].append(tuple(float(x) for x in r[2:7]))
print(f"{tests} tests, median of the runs of each")
print(f"{'':5} {'process':15} {'alloc MB':>9} {'gen0':>5} {'gen1':>5} {'gen2':>5} {'GC ms':>6} {'added bytes/test':>17}")
for role in ("testhost", "vstest.console"):
    for label in ("a", "floor", "c"):
        got = totals.get((label, role), [])
        if not got:
            continue
        med = [statistics.median(x[i] for x in got) for i in range(5)]
        added = ""
        if label != "a" and totals.get(("a", role)):
            base = statistics.median(x[0] for x in totals[("a", role)])
            added = f"{(med[0] - base) * 1e6 / tests:.0f}"
        print(f"{label:5} {role:15} {med[0]:9.1f} {med[1]:5.0f} {med[2]:5.0f} {med[3]:5.0f} {med[4]:6.0f} {added:>17}")
base = "floor" if any(label == "floor" for label, _ in totals) else "a"
for role in ("testhost", "vstest.console"):
    a, c = types[(base, role)], types[("c", role)]
    n_a = max(len(totals.get((base, role), [])), 1)
    n_c = max(len(totals.get(("c", role), [])), 1)
    grown = sorted(((c[t] / n_c - a.get(t, 0) / n_a, t) for t in c), reverse=True)[:top]
    print(f"\n{role}: types that grew most from {base} to c (sampled MB per run, bytes per test)")
    for mb, name in grown:
        if mb > 0:
            print(f"  {mb:8.1f} MB {mb * 1e6 / tests:8.0f}  {name}")
PY
echo "rows: $OUT/rows.txt"
