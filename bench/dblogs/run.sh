#!/usr/bin/env bash
# What FlakyTrace costs per database query and per log record in the test process: builds Release,
# then runs OPERATIONS EF Core queries (in-memory SQLite) and OPERATIONS ILogger calls per round
# (default 4000) for ROUNDS rounds (default 7), each untraced and then with the recorder, and
# prints the two side by side with the ratio.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/FlakyTrace.Bench.DbLogs.csproj" -c Release -o "$here/bin/release" -v quiet -nologo
"$here/bin/release/FlakyTrace.Bench.DbLogs" "${1:-4000}" "${2:-7}"
