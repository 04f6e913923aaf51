#!/usr/bin/env bash
# What one extra string property on a test result costs vstest's own JSON between the testhost and
# vstest.console (JsonDataSerializer, protocol 7, Microsoft.TestPlatform 18.0.1): serialised in the
# testhost, deserialised in vstest.console, per result, against the same result without it, and
# against the same text carried as a result message. Arguments go to the program:
#   bench/collector/result-property.sh                  # batches of 10 results a message, 7 repetitions
#   bench/collector/result-property.sh --batch 1 --reps 5 --results 10000
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d -t flakytrace-result-property-XXXXXX)"
trap 'rm -rf "$work"' EXIT
# Built outside the repository, whose central package versions it does not use.
cp "$here/ResultProperty/Program.cs" "$here/ResultProperty/ResultProperty.csproj" "$work/"
cd "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release -nologo -v q -clp:NoSummary ResultProperty.csproj >/dev/null
dotnet bin/Release/net10.0/ResultProperty.dll "$@"
