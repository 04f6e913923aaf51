#!/usr/bin/env bash
# The main job, on a fresh machine: pack FlakyCollector, add it to a copy of a sample suite as a
# user would, trace a few runs of it with `dotnet test --collect FlakyTrace` (file output, no
# backend), and analyse the traces with flakytrace.
#   eng/trace-sample.sh [XunitSample|NUnitSample|MSTestSample] [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sample="${1:-XunitSample}"
runs="${2:-3}"
work="$root/artifacts/demo"
feed="$root/artifacts/packages"
version="0.1.0-demo.$(date -u +%Y%m%d%H%M%S)"

rm -rf "$work" && mkdir -p "$work" "$feed"
echo "== packing FlakyCollector $version into $feed"
dotnet pack "$root/src/FlakyCollector.Package" -c Release -o "$feed" -p:Version="$version" -v:q -nologo

cat > "$work/nuget.config" <<XML
<configuration><packageSources><add key="flakycollector" value="$feed" /></packageSources></configuration>
XML
cp -r "$root/tests/samples/$sample" "$work/$sample"
rm -rf "$work/$sample"/{bin,obj,TestResults}
cd "$work/$sample"
echo "== dotnet add package FlakyCollector --version $version"
dotnet add package FlakyCollector --version "$version" >/dev/null

for i in $(seq 1 "$runs"); do
  echo "== run $i of $runs: dotnet test --collect FlakyTrace (some sample tests fail on purpose)"
  dotnet test --collect FlakyTrace --results-directory "$work/TestResults/run-$i" 2>&1 | grep -E "FlakyTrace|Passed!|Failed!" || true
done

echo "== flakytrace analyze $work/TestResults"
dotnet run --project "$root/src/FlakyTrace.Cli" -c Release -- analyze "$work/TestResults"
