#!/usr/bin/env bash
# Reproduce a sample suite's flaky failures on demand: pack FlakyCollector and flakytrace into
# artifacts/packages, add the package to a copy of the sample as a user would, trace several runs
# of it, then run `flakytrace repro` on those traces, which puts each flaky test's cause to an
# experiment (N runs with the condition injected, N without).
#   eng/repro-sample.sh [sample] [traced runs] [repro runs] [-- extra flakytrace repro options]
#   sample: FlakySample (default), RaceSample, or any suite under tests/samples
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sample="${1:-FlakySample}"
traced="${2:-12}"
runs="${3:-10}"
shift $(( $# < 3 ? $# : 3 ))
[[ "${1:-}" == "--" ]] && shift
# Outside the repository: a commit made while the runs go on would split them between two commits.
work="${FLAKYTRACE_DEMO_DIR:-${TMPDIR:-/tmp}/flakytrace-repro-demo}/$sample"
feed="$root/artifacts/packages"
tools="$root/artifacts/repro-demo/tools"
version="0.2.0-dev.$(date -u +%Y%m%d%H%M%S)"

rm -rf "$work" && mkdir -p "$work" "$feed"
echo "== packing FlakyCollector and flakytrace $version into $feed"
dotnet pack "$root/src/FlakyCollector.Package" -c Release -o "$feed" -p:Version="$version" -v:q -nologo
dotnet pack "$root/src/FlakyTrace.Cli" -c Release -o "$feed" -p:Version="$version" -v:q -nologo
rm -rf "$tools"
dotnet tool install flakytrace --tool-path "$tools" --version "$version" --add-source "$feed" >/dev/null

for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$work/$f"; done
cat > "$work/nuget.config" <<XML
<configuration><packageSources><add key="flakycollector" value="$feed" /></packageSources></configuration>
XML
cp -r "$root/tests/samples/$sample" "$work/$sample"
rm -rf "$work/$sample"/{bin,obj,TestResults}
cd "$work/$sample"
dotnet add package FlakyCollector --version "$version" >/dev/null || dotnet add package FlakyCollector --version "$version"

# The sample's own ActivitySource is recorded too, so slow or late work inside a test is a span.
cat > "$work/flakytrace.runsettings" <<XML
<RunSettings><DataCollectionRunSettings><DataCollectors>
  <DataCollector friendlyName="FlakyTrace"><Configuration><ActivitySources>$sample.*</ActivitySources></Configuration></DataCollector>
</DataCollectors></DataCollectionRunSettings></RunSettings>
XML

for i in $(seq 1 "$traced"); do
  echo "== traced run $i of $traced"
  dotnet test --collect FlakyTrace --settings "$work/flakytrace.runsettings" --results-directory "$work/TestResults/run-$i" 2>&1 \
    | grep -E "Passed!|Failed!" || true
done

"$tools/flakytrace" analyze "$work/TestResults" || true
echo "== flakytrace repro --from $work/TestResults --runs $runs $* -- --settings $work/flakytrace.runsettings"
start=$(date +%s)
"$tools/flakytrace" repro --from "$work/TestResults" --runs "$runs" --results-directory "$work/repro" "$@" -- --settings "$work/flakytrace.runsettings"
echo "== repro wall time: $(( $(date +%s) - start )) s"
