#!/usr/bin/env bash
# The README's test command, several times in a row, with all cores but one kept busy: the check
# that our own suite is not flaky on a loaded machine, as CI machines are.
#   eng/test-under-load.sh [rounds] [dotnet test arguments...]
#   eng/test-under-load.sh 3                                   # the whole solution, 3 rounds
#   eng/test-under-load.sh 3 tests/FlakyCollector.Tests        # one project
# Prints each round's wall time and result line; exits 1 when any round failed.
set -uo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FlakyCollector.sln)

load=()
stop_load() { for pid in "${load[@]}"; do kill "$pid" 2>/dev/null; done; }
trap stop_load EXIT
for _ in $(seq 2 "$(nproc)"); do yes > /dev/null & load+=("$!"); done
echo "== ${#load[@]} of $(nproc) cores busy (yes > /dev/null); load average $(cut -d' ' -f1-3 /proc/loadavg)"

failed=0
mkdir -p artifacts/under-load
for round in $(seq 1 "$rounds"); do
  log="artifacts/under-load/round-$round.log"
  start=$(date +%s)
  dotnet test "${targets[@]}" > "$log" 2>&1
  code=$?
  seconds=$(( $(date +%s) - start ))
  echo "== round $round of $rounds: exit $code in ${seconds} s (log: $log)"
  grep -E "^(Passed|Failed)!" "$log" | sed 's/^/   /'
  [ "$code" -eq 0 ] || failed=1
done
exit $failed
