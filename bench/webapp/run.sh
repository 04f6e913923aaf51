#!/usr/bin/env bash
# What following a test into a TestServer app costs per request: builds Release, then runs
# REQUESTS sequential in-memory GETs per round (default 20000) for ROUNDS rounds (default 7),
# each round on fresh hosts in three modes (untraced, listener only, listener + FlakyTrace's
# hosting support), and prints median microseconds and bytes allocated per request and the ratios.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/FlakyTrace.Bench.WebApp.csproj" -c Release -o "$here/bin/release" -v quiet -nologo
"$here/bin/release/FlakyTrace.Bench.WebApp" "${1:-20000}" "${2:-7}"
