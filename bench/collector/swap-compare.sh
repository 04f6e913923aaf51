#!/usr/bin/env bash
# Two builds of the collector's assemblies side by side, on a kept suite, by CPU profile.
#
#   bench/collector/run.sh --tests 3000 --runs 1 --warmup 0 --skip-noop --keep   # note the work directory
#   bench/collector/swap-compare.sh [--runs K] [--framework xunit] WORK BASE_DIR TRY_DIR
#
# BASE_DIR and TRY_DIR each hold some of FlakyCollector.Core.dll, FlakyCollector.TestHost.dll and
# FlakyCollector.dll. Each is swapped in turn into the places the processes load them from (the
# package's build/ folder, from which vstest.console and the testhost load them, and the suite's
# bin folder, from which the testhost loads the core), and the suite runs with --collect FlakyTrace
# under `perf record -g`, K times each way, alternating. The assemblies the package shipped are
# put back at the end, whatever happens. Prints perf-split.py's comparison for the testhost and
# for vstest.console, BASE as base and TRY as traced, with TRY's methods of ours.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUNS=4
FRAMEWORK=xunit
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --framework) FRAMEWORK="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -eq 3 ]] || { sed -n '2,14p' "$0" >&2; exit 2; }
WORK="$(cd "$1" && pwd)"
BASE="$(cd "$2" && pwd)"
TRY="$(cd "$3" && pwd)"
SUITE_BIN="$(ls -d "$WORK/suites/$FRAMEWORK/bin/Release/"net*/ | head -1)"
BUILD_DIR="$(ls -d "$WORK/packages/flakycollector/"*/build | head -1)"
[[ -d "$SUITE_BIN" && -d "$BUILD_DIR" ]] || { echo "error: $WORK has no built $FRAMEWORK suite and restored package (run run.sh with --keep)" >&2; exit 2; }
command -v perf > /dev/null || { echo "error: perf is not installed" >&2; exit 2; }

export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
OUT="$(mktemp -d "${TMPDIR:-/tmp}/flakyswap.XXXXXX")"
assemblies=(FlakyCollector.Core FlakyCollector.TestHost FlakyCollector)
mkdir -p "$OUT/shipped/build" "$OUT/shipped/bin"
for name in "${assemblies[@]}"; do
  cp "$BUILD_DIR/$name.dll" "$OUT/shipped/build/"
  if [[ -f "$SUITE_BIN/$name.dll" ]]; then cp "$SUITE_BIN/$name.dll" "$OUT/shipped/bin/"; fi
done

put() { # DIR: its assemblies, the shipped ones where it has none
  for name in "${assemblies[@]}"; do
    local build="$OUT/shipped/build/$name.dll" bin="$OUT/shipped/bin/$name.dll"
    if [[ -f "$1/$name.dll" ]]; then build="$1/$name.dll"; bin="$1/$name.dll"; fi
    cp "$build" "$BUILD_DIR/"
    if [[ -f "$OUT/shipped/bin/$name.dll" ]]; then cp "$bin" "$SUITE_BIN/"; fi
  done
}
restore() {
  for name in "${assemblies[@]}"; do
    cp "$OUT/shipped/build/$name.dll" "$BUILD_DIR/"
    if [[ -f "$OUT/shipped/bin/$name.dll" ]]; then cp "$OUT/shipped/bin/$name.dll" "$SUITE_BIN/"; fi
  done
}
trap restore EXIT

for round in $(seq 1 "$RUNS"); do
  for label in base try; do
    if [[ "$label" == base ]]; then put "$BASE"; else put "$TRY"; fi
    NUGET_PACKAGES="$WORK/packages" DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
      perf record -F 299 -g -o "$OUT/$label-$round.data" -- \
      dotnet test "$WORK/suites/$FRAMEWORK" --no-build -c Release --results-directory "$OUT/results-$label-$round" --collect FlakyTrace \
      > "$OUT/$label-$round.log" 2>&1 || echo "warning: $label run $round exited non-zero: $OUT/$label-$round.log" >&2
  done
done

for process in testhost vstest.console; do
  python3 "$SCRIPT_DIR/perf-split.py" --process "$process" --base "$OUT"/base-*.data --traced "$OUT"/try-*.data
done
echo "runs and logs: $OUT"
