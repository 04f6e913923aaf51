#!/usr/bin/env bash
# The main job, on a fresh machine: pack FlakyCollector and the flakytrace tool into
# artifacts/packages, add the package to a copy of a sample suite as a user would, trace several
# runs of it with `dotnet test --collect FlakyTrace` (file output, no backend), and analyse the
# traces with the flakytrace tool installed from that folder, on the console and as an HTML report.
#   eng/trace-sample.sh [sample] [runs]
#   sample: FlakySample (default: tests that fail at random for known reasons), XunitSample,
#           NUnitSample, MSTestSample (fixed failures, for looking at the traces),
#           LogFlakySample (an app in memory whose failing runs differ by one log line)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sample="${1:-FlakySample}"
runs="${2:-12}"
work="$root/artifacts/demo"
feed="$root/artifacts/packages"
tools="$root/artifacts/tools"
# The version scheme of every local pack (Directory.Build.props), named here so both packages share it.
version="0.2.0-dev.$(date -u +%Y%m%d%H%M%S)"

rm -rf "$work" && mkdir -p "$work" "$feed"
echo "== packing FlakyCollector and flakytrace $version into $feed"
dotnet pack "$root/src/FlakyCollector.Package" -c Release -o "$feed" -p:Version="$version" -v:q -nologo
dotnet pack "$root/src/FlakyTrace.Cli" -c Release -o "$feed" -p:Version="$version" -v:q -nologo

# The copy stands for a user's project: the repository's own build settings must not apply to it.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$work/$f"; done
cat > "$work/nuget.config" <<XML
<configuration><packageSources><add key="flakycollector" value="$feed" /></packageSources></configuration>
XML
cp -r "$root/tests/samples/$sample" "$work/$sample"
# Projects the sample references beside it (an app tested in memory) come along, unchanged.
for app in $(grep -o 'ProjectReference Include="\.\./[^/"]*' "$work/$sample"/*.csproj | sed 's|.*\.\./||' | sort -u); do
  cp -r "$root/tests/samples/$app" "$work/$app" && rm -rf "$work/$app"/{bin,obj}
done
rm -rf "$work/$sample"/{bin,obj,TestResults}
cd "$work/$sample"
echo "== dotnet add package FlakyCollector --version $version"
dotnet add package FlakyCollector --version "$version" >/dev/null || dotnet add package FlakyCollector --version "$version"

# Record the sample's own ActivitySource too, so slow work inside a test shows as a child span.
cat > "$work/flakytrace.runsettings" <<XML
<RunSettings><DataCollectionRunSettings><DataCollectors>
  <DataCollector friendlyName="FlakyTrace"><Configuration><ActivitySources>$sample.*</ActivitySources></Configuration></DataCollector>
</DataCollectors></DataCollectionRunSettings></RunSettings>
XML

for i in $(seq 1 "$runs"); do
  echo "== run $i of $runs: dotnet test --collect FlakyTrace"
  dotnet test --collect FlakyTrace --settings "$work/flakytrace.runsettings" --results-directory "$work/TestResults/run-$i" 2>&1 \
    | grep -E "FlakyTrace|Passed!|Failed!" || true
done

echo "== dotnet tool install flakytrace --version $version --add-source $feed (into $tools)"
rm -rf "$tools"
dotnet tool install flakytrace --tool-path "$tools" --version "$version" --add-source "$feed" >/dev/null

echo "== flakytrace analyze $work/TestResults"
set +e
"$tools/flakytrace" analyze "$work/TestResults"
status=$?
set -e

# The same runs side by side, as a page: a timeline per run, failing and passing runs compared.
report="$work/flakytrace-report.html"
echo "== flakytrace report $work/TestResults -o $report"
if "$tools/flakytrace" report "$work/TestResults" -o "$report"; then
  echo "== HTML report: $report"
else
  echo "== the HTML report could not be written (see above)"
fi
echo "== the tool for your shell: dotnet tool install --global flakytrace --prerelease --add-source $feed"
# analyze exits non-zero only when asked to fail on flaky tests or on unreadable input.
exit $status
