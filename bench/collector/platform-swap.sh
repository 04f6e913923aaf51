#!/usr/bin/env bash
# Two builds of the platform front end side by side, on the suites platform.sh left behind.
#
#   bench/collector/platform.sh --tests 30 --runs 1        # note the work folder it prints
#   bench/collector/platform-swap.sh [--runs K] [--frameworks mstest,xunit3,tunit] WORK BASE_DIR TRY_DIR
#
# BASE_DIR and TRY_DIR each hold FlakyCollector.Core.dll and FlakyCollector.Mtp.dll. Runs, K times
# in turn: the untraced suite (a), then the traced suite with BASE's assemblies swapped into its
# bin folder and with TRY's, each with --flaky-trace, the two swapping places every other round.
# Prints the median wall time and process-tree CPU of each, and the ratios to a. The assemblies
# the package shipped are put back at the end, whatever happens. See bench/README.md.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MEASURE="$SCRIPT_DIR/measure.py"
RUNS=7
FRAMEWORKS="mstest xunit3 tunit"
while (($#)); do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --frameworks) FRAMEWORKS="${2//,/ }"; shift 2 ;;
    -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
(($# == 3)) || { echo "usage: platform-swap.sh [--runs K] [--frameworks LIST] WORK BASE_DIR TRY_DIR" >&2; exit 2; }
WORK="$1" BASE="$2" TRY="$3"
ASSEMBLIES=(FlakyCollector.Core.dll FlakyCollector.Mtp.dll)
for dir in "$BASE" "$TRY"; do
  for name in "${ASSEMBLIES[@]}"; do
    [[ -f "$dir/$name" ]] || { echo "error: $dir has no $name" >&2; exit 2; }
  done
done

SHIPPED="$(mktemp -d "${TMPDIR:-/tmp}/flakyplatswap.XXXXXX")"
RESULTS="$SHIPPED/results.txt"
restore() {
  local fw
  for fw in $FRAMEWORKS; do
    if [[ -d "$SHIPPED/$fw" ]]; then cp "$SHIPPED/$fw/"*.dll "$WORK/$fw-traced/bin/Release/net10.0/"; fi
  done
}
trap restore EXIT

for fw in $FRAMEWORKS; do
  bin="$WORK/$fw-traced/bin/Release/net10.0"
  [[ -d "$bin" && -d "$WORK/$fw-plain" ]] || { echo "error: $WORK has no built $fw suites (run platform.sh first)" >&2; exit 2; }
  mkdir -p "$SHIPPED/$fw"
  for name in "${ASSEMBLIES[@]}"; do cp "$bin/$name" "$SHIPPED/$fw/"; done
  for ((r = 1; r <= RUNS; r++)); do
    # BASE and TRY take turns at going second: a fixed order would lend one of them what the position brings.
    order="a base try"
    ((r % 2)) || order="a try base"
    for config in $order; do
      case "$config" in
        a) dir="$WORK/$fw-plain"; args=() ;;
        base) for name in "${ASSEMBLIES[@]}"; do cp "$BASE/$name" "$bin/"; done; dir="$WORK/$fw-traced"; args=(--flaky-trace) ;;
        try) for name in "${ASSEMBLIES[@]}"; do cp "$TRY/$name" "$bin/"; done; dir="$WORK/$fw-traced"; args=(--flaky-trace) ;;
      esac
      line=$(cd "$dir" && python3 "$MEASURE" run --interval 0.01 --log "$SHIPPED/$fw-$config-$r.log" -- \
        dotnet test --no-build -c Release --results-directory "$SHIPPED/results/$fw-$config-$r" "${args[@]}")
      read -r wall _ _ code _ _ cpu _ <<<"$line"
      [[ "$code" == 0 ]] || echo "warning: $fw $config run $r exited $code (see $SHIPPED/$fw-$config-$r.log)" >&2
      echo "$fw $config $wall $cpu" | tee -a "$RESULTS" >&2
    done
  done
done

python3 - "$RESULTS" "$RUNS" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    fw, config, wall, cpu = line.split()
    runs[(fw, config)].append((float(wall), float(cpu)))
print(f"medians of {sys.argv[2]} interleaved runs; CPU is the process tree's")
print(f"{'framework':10} {'a wall':>7} {'base':>7} {'try':>7} {'base/a':>7} {'try/a':>7}   {'a CPU':>6} {'base':>6} {'try':>6}")
for fw in dict.fromkeys(k[0] for k in runs):
    wall = {c: statistics.median(w for w, _ in runs[(fw, c)]) for c in ("a", "base", "try")}
    cpu = {c: statistics.median(x for _, x in runs[(fw, c)]) for c in ("a", "base", "try")}
    print(f"{fw:10} {wall['a']:7.2f} {wall['base']:7.2f} {wall['try']:7.2f} {wall['base'] / wall['a']:6.2f}x {wall['try'] / wall['a']:6.2f}x"
          f"   {cpu['a']:6.2f} {cpu['base']:6.2f} {cpu['try']:6.2f}")
PY
echo "runs and logs: $SHIPPED"
