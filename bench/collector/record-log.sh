#!/usr/bin/env bash
# What one test's payload costs on the routes outside vstest's results (RouteFloor/RecordLog.cs):
# one flushed write a record to a file, or a copy into a memory-mapped file, each read back by
# the test case's id in batches as vstest.console's logger would. CPU µs a record, to set beside
# result-property.sh (the same payload as a result property in vstest's own JSON). Arguments go to
# the program:
#   bench/collector/record-log.sh                        # 30,000 records, batches of 10, 7 repetitions
#   bench/collector/record-log.sh --records 100000 --batch 100 --reps 5
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d -t flakytrace-record-log-XXXXXX)"
trap 'rm -rf "$work"' EXIT
# Built outside the repository, whose central package versions it does not use.
mkdir -p "$work/RecordLogCost" "$work/RouteFloor"
cp "$here/RecordLogCost/Program.cs" "$here/RecordLogCost/RecordLogCost.csproj" "$work/RecordLogCost/"
cp "$here/RouteFloor/RecordLog.cs" "$work/RouteFloor/"
cd "$work/RecordLogCost"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release -nologo -v q -clp:NoSummary RecordLogCost.csproj >/dev/null
dotnet bin/Release/net10.0/RecordLogCost.dll "$@"
