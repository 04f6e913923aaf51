#!/usr/bin/env bash
# Benchmark of `flakytrace analyze`: builds Release, generates OTLP/JSON Lines input of at least
# SPANS spans (default 1,000,000; pass more as the first argument), then prints MB/s, spans per
# second and peak memory of analyze next to plain Utf8JsonReader tokenizing, and their ratio.
# Then the memory check: the same test executions written with 1 and with 8 copies of each child
# span; peak memory should stay put while the span count grows.
# analyze runs as flakytrace ships it, with tiered compilation off (FlakyTrace.Cli.csproj); one more
# 1-thread analyze with the runtime's default tiered JIT is printed for comparison. Tokenizing keeps
# the default, under which Utf8JsonReader is fastest.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
spans="${1:-1000000}"
data="${BENCH_DATA:-${TMPDIR:-/tmp}/flakytrace-bench}"

dotnet build "$here/FlakyTrace.Bench.Analyze.csproj" -c Release -o "$here/bin/release" -v quiet -nologo
bench="$here/bin/release/FlakyTrace.Bench.Analyze"

if [ ! -d "$data/spans-$spans" ]; then
  "$bench" generate "$data/spans-$spans" "$spans"
fi
"$bench" measure "$data/spans-$spans"

echo
echo "memory vs spans (same executions, more child spans each):"
for copies in 1 8; do
  if [ ! -d "$data/copies-$copies" ]; then
    "$bench" generate-runs "$data/copies-$copies" 1500 "$copies" > /dev/null
  fi
  "$bench" analyze "$data/copies-$copies" "$(nproc)" | tr ' ' '\n' | grep -E '^(spans|executions|peakMB|mbps)=' | paste -sd' ' | sed "s/^/  child copies $copies: /"
done
