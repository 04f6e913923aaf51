#!/usr/bin/env bash
# What the crash journal's two entries cost a test inside a test process (JournalCost/Program.cs):
# the hook's, written as the test's activity starts, and vstest's, at its test case start; each
# released at the end. CPU ns a test, median of the passes, in three runs of the program: as the
# runtime tiers code up in a short quiet process; with DOTNET_TC_CallCountingDelayMs so large that
# nothing is ever promoted past its first compile, as in a test process that keeps compiling new
# test methods (see bench/README.md, "Why a test process pays more per line of our code"); and that
# again with 100 KB allocated around each test, as xUnit 2 does. Arguments go to the program:
#   bench/collector/journal-cost.sh                   # 200,000 tests a pass, 9 passes
#   bench/collector/journal-cost.sh --reps 5
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d -t flakytrace-journal-cost-XXXXXX)"
trap 'rm -rf "$out"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/JournalCost/FlakyTrace.Bench.Journal.csproj" -c Release -o "$out" -nologo -v q -clp:NoSummary >/dev/null
echo "== tiered as usual"
"$out/FlakyTrace.Bench.Journal" "$@"
echo "== never promoted past the first compile"
DOTNET_TC_CallCountingDelayMs=600000 "$out/FlakyTrace.Bench.Journal" "$@"
echo "== never promoted, 100 KB allocated a test"
# The caller's arguments first: the program takes an option's first value, so theirs win.
DOTNET_TC_CallCountingDelayMs=600000 "$out/FlakyTrace.Bench.Journal" "$@" --tests 50000 --allocate 100000
