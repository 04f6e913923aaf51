#!/usr/bin/env bash
# The history at CI scale: builds the history of RUNS-1 runs of a TESTS-test suite (default 999 of
# 5,000; 20 runs a day, a new commit every 5 runs, 1% flaky), then times the real CLI on the last run:
# `flakytrace history add` (read, fold in, compact, rewrite) and `flakytrace gate`. Prints the size on disk.
# Usage: bench/history/run.sh [--tests 5000] [--runs 1000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/artifacts/bench-history"
rm -rf "$out"
dotnet build -c Release "$root/src/FlakyTrace.Cli" -v q -nologo >/dev/null
dotnet run -c Release --project "$root/bench/history" -- "$out" "$@"
cli="$root/src/FlakyTrace.Cli/bin/Release/net10.0/flakytrace.dll"
cp "$out/history.jsonl" "$out/history-before.jsonl"
measure() { /usr/bin/time -f "$1: %e s wall, %U s user, %M KB peak" "${@:2}"; }
measure "gate (history of $(( $(head -1 "$out/history.jsonl" | sed 's/.*"runs":\([0-9]*\).*/\1/') )) runs)" dotnet "$cli" gate --history "$out/history.jsonl" "$out/run-last" --format json -o "$out/gate.json" || true
measure "history add (the last run)" dotnet "$cli" history add "$out/history.jsonl" "$out/run-last"
ls -l "$out/history-before.jsonl" "$out/history.jsonl" | awk '{print $5, $9}'
gzip -c "$out/history.jsonl" | wc -c | awk '{print $1, "bytes gzipped (what a CI cache stores)"}'
