#!/usr/bin/env bash
# What TestTrace (FlakyCollector.Testing) costs per test, untraced: builds Release, then runs
# TESTS simulated tests (default 5000; hook-style root activity, body, stop) per process, ROUNDS
# times (default 5) per mode, each mode in a process of its own because the listener stays once
# started. Workloads: "none" (empty body: the API's own overhead) and "http" (one loopback GET).
# Modes: plain (no test uses the API), api (every test reads TestTrace.Current and asserts on its
# spans), listening (an earlier test used the API; these do not). Prints medians and ratios.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tests="${1:-5000}"
rounds="${2:-5}"
dotnet build "$here/FlakyTrace.Bench.TraceApi.csproj" -c Release -o "$here/bin/release" -v quiet -nologo >/dev/null
bench="$here/bin/release/FlakyTrace.Bench.TraceApi"

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for work in none http; do
  declare -A us=()
  for mode in plain api listening; do
    us[$mode]=$(for _ in $(seq "$rounds"); do "$bench" "$mode" "$work" "$tests"; done | median)
  done
  awk -v w="$work" -v p="${us[plain]}" -v a="${us[api]}" -v l="${us[listening]}" 'BEGIN {
    printf "%-5s plain %8.2f us/test | api %8.2f us/test (ratio %.2f, +%.2f us) | listening, not using %8.2f us/test (ratio %.2f, +%.2f us)\n",
      w, p, a, a / p, a - p, l, l / p, l - p }'
  unset us
done
