#!/usr/bin/env bash
# What writing one test's line of the trace file costs, by hand and with the JSON writer.
#
#   bench/encode/run.sh [LINES] [ROUNDS]      (defaults 30000 and 7)
#
# Builds Release and encodes LINES lines of a TUnit test (its span and the framework's span under
# it) ROUNDS times with each encoder in turn, in one process, and prints the median CPU
# microseconds a line and the ratio of the file writer's encoder to the writer alone, for:
#   passing  a passing test's line (plain text: written by hand)
#   failing  a failing test's line (line breaks in its message: the hand-written path gives up,
#            so this row is what trying costs)
# each twice: as a long run compiles it (tiered up), and as the platform's test process does
# (DOTNET_TC_CallCounting=0: nothing tiers up, as there, where a new test method is compiled every
# few hundred microseconds and generic BCL code stays at tier 0).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lines="${1:-30000}"
rounds="${2:-7}"
dotnet build "$here/FlakyTrace.Bench.Encode.csproj" -c Release -o "$here/bin/release" -v quiet -nologo >/dev/null
bench="$here/bin/release/FlakyTrace.Bench.Encode"

printf '%-8s %-9s %12s %12s %7s\n' line tiering "writer us" "file us" ratio
for kind in passing failing; do
  for tiering in on off; do
    if [[ $tiering == on ]]; then out=$("$bench" "$kind" "$lines" "$rounds"); else out=$(DOTNET_TC_CallCounting=0 "$bench" "$kind" "$lines" "$rounds"); fi
    awk -v k="$kind" -v t="$tiering" '{ v[$1] = $2 } END { printf "%-8s %-9s %12.2f %12.2f %7.2f\n", k, t, v["writer"], v["file"], v["file"] / v["writer"] }' <<< "$out"
  done
done
