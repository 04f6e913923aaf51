#!/usr/bin/env bash
# The flaky rate of the race before and after the fix: RaceSample (waits a fixed 150 ms for its
# background confirmation) and RaceFixedSample (waits for the confirmation's span with
# TestTrace.WaitForSpanAsync), RUNS traced runs each (default 20), then `flakytrace analyze` on
# each sample's traces. Packs FlakyCollector into a temporary folder feed and restores into a
# private packages folder; adds the package to copies of the samples as a user would.
#   bench/traceapi/race-rate.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-20}"
work="$(mktemp -d -t flakytrace-race-XXXXXX)"
feed="$work/feed"
export NUGET_PACKAGES="$work/packages"
version="0.2.0-race.$(date -u +%Y%m%d%H%M%S)"

dotnet pack "$root/src/FlakyCollector.Package" -c Release -o "$feed" -p:Version="$version" -v:q -nologo >/dev/null
dotnet build "$root/src/FlakyTrace.Cli" -c Release -v:q -nologo >/dev/null
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$work/$f"; done
echo "<configuration><packageSources><add key=\"flakycollector\" value=\"$feed\" /></packageSources></configuration>" > "$work/nuget.config"

for sample in RaceSample RaceFixedSample; do
  cp -r "$root/tests/samples/$sample" "$work/$sample"
  rm -rf "$work/$sample"/{bin,obj,TestResults}
  cat > "$work/$sample.runsettings" <<XML
<RunSettings><DataCollectionRunSettings><DataCollectors>
  <DataCollector friendlyName="FlakyTrace"><Configuration><ActivitySources>$sample.*</ActivitySources></Configuration></DataCollector>
</DataCollectors></DataCollectionRunSettings></RunSettings>
XML
  (cd "$work/$sample" && dotnet add package FlakyCollector --version "$version" >/dev/null && dotnet build -v:q -nologo >/dev/null)
  failed=0
  for i in $(seq 1 "$runs"); do
    log="$work/$sample-run-$i.log"
    (cd "$work/$sample" && dotnet test --no-build --collect FlakyTrace --settings "$work/$sample.runsettings" \
      --results-directory "$work/$sample/TestResults/run-$i" >"$log" 2>&1) || true
    if grep -q "Failed $sample.Orders.Sends_Confirmation" "$log"; then failed=$((failed + 1)); fi
  done
  echo "== $sample: Sends_Confirmation failed in $failed of $runs runs"
  dotnet run --project "$root/src/FlakyTrace.Cli" -c Release --no-build -- analyze "$work/$sample/TestResults" || true
done
echo "== runs, logs and traces: $work"
