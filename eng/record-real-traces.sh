#!/usr/bin/env bash
# Records real runs of a flaky reference suite (tests/samples/RealFlaky*) as test data for the
# analysis: packs the package, adds it to a copy of the suite as a user would, runs the suite N
# times with the collector on, and files each run's trace, gzipped, under
#   tests/FlakyCollector.Analysis.Tests/Recorded/<suite>/<label>/<run>.otlp.jsonl.gz
# with <run>.meta.json beside it (load average, cores, collector version, commit).
#   eng/record-real-traces.sh SUITE RUNS [--load] [--label NAME] [--no-pack]
#   --load     keep one core busy with a spinning process while recording
#   --label    the folder name; default `loaded` when --load is given or the machine's 1-minute
#              load average exceeds its core count at the start, `rest` otherwise
#   --no-pack  reuse the newest FlakyCollector package in artifacts/packages
# Suites with a global.json that selects Microsoft.Testing.Platform run with `--flaky-trace`,
# the others with `--collect FlakyTrace`. Afterwards run eng/answer-key.py SUITE to recount.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
suite="${1:?suite name, e.g. RealFlakyXunit}"
runs="${2:?number of runs}"
shift 2
load=0 label="" pack=1
while [ $# -gt 0 ]; do
  case "$1" in
    --load) load=1 ;;
    --label) label="$2"; shift ;;
    --no-pack) pack=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -d "$root/tests/samples/$suite" ] || { echo "no suite tests/samples/$suite" >&2; exit 2; }

cores=$(nproc)
load_at_start=$(cut -d' ' -f1 /proc/loadavg)
if [ -z "$label" ]; then
  if [ "$load" = 1 ] || awk -v l="$load_at_start" -v c="$cores" 'BEGIN { exit !(l > c) }'; then label=loaded; else label=rest; fi
fi

feed="$root/artifacts/packages"
work="$root/artifacts/record/$suite"
out="$root/tests/FlakyCollector.Analysis.Tests/Recorded/$suite/$label"
mkdir -p "$feed" "$out"
if [ "$pack" = 1 ]; then
  version="0.2.0-dev.$(date -u +%Y%m%d%H%M%S)"
  echo "== packing FlakyCollector $version into $feed"
  dotnet pack "$root/src/FlakyCollector.Package" -c Release -o "$feed" -p:Version="$version" -v:q -nologo
else
  version=$(ls -t "$feed"/FlakyCollector.0.*.nupkg | head -1 | sed -E 's/.*FlakyCollector\.(.*)\.nupkg/\1/')
  echo "== reusing FlakyCollector $version"
fi

# The copy stands for a user's project: the repository's own build settings must not apply to it.
rm -rf "$work" && mkdir -p "$work"
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$work/$f"; done
cat > "$work/nuget.config" <<XML
<configuration><packageSources><add key="flakycollector" value="$feed" /></packageSources></configuration>
XML
cp -r "$root/tests/samples/$suite" "$work/$suite"
rm -rf "$work/$suite"/{bin,obj,TestResults}
cd "$work/$suite"
dotnet add package FlakyCollector --version "$version" >/dev/null || dotnet add package FlakyCollector --version "$version"
dotnet build -v:q -nologo >/dev/null

# The suites' own work (background sends, the connection pool) is in ActivitySources named Shop.*.
cat > "$work/flakytrace.runsettings" <<XML
<RunSettings><DataCollectionRunSettings><DataCollectors>
  <DataCollector friendlyName="FlakyTrace"><Configuration><ActivitySources>Shop.*</ActivitySources></Configuration></DataCollector>
</DataCollectors></DataCollectionRunSettings></RunSettings>
XML
if grep -qs "Microsoft.Testing.Platform" global.json; then
  switch=(--flaky-trace --flaky-trace-settings "$work/flakytrace.runsettings")
else
  switch=(--collect FlakyTrace --settings "$work/flakytrace.runsettings")
fi

spinner=""
stop_spinner() { if [ -n "$spinner" ]; then kill "$spinner" 2>/dev/null || true; fi; }
trap stop_spinner EXIT
if [ "$load" = 1 ]; then
  # One process that never sleeps: the other tests' core is shared with it, as on a busy CI agent.
  ( while :; do :; done ) &
  spinner=$!
fi

commit=$(git -C "$root" rev-parse --short HEAD)
# The version of the code under test is the suite's own source, not the repository's head: runs of
# an unchanged suite recorded at different repository commits are one commit to the analysis.
suite_version=$(git -C "$root" rev-parse "HEAD:tests/samples/$suite")
if [ -n "$(git -C "$root" status --porcelain -- "tests/samples/$suite")" ]; then suite_version="$suite_version-modified"; fi
export OTEL_RESOURCE_ATTRIBUTES="vcs.ref.head.revision=$suite_version${OTEL_RESOURCE_ATTRIBUTES:+,$OTEL_RESOURCE_ATTRIBUTES}"
for i in $(seq 1 "$runs"); do
  run="$(date -u +%Y%m%dT%H%M%S)-$i"
  results="$work/TestResults/$run"
  loadavg=$(cut -d' ' -f1 /proc/loadavg)
  set +e
  dotnet test --no-build "${switch[@]}" --results-directory "$results" >"$work/$run.log" 2>&1
  code=$?
  set -e
  file=$(find "$results" -name '*.otlp.jsonl' | head -1)
  if [ -z "$file" ]; then
    echo "run $i: no trace file (exit $code); see $work/$run.log" >&2
    continue
  fi
  gzip -9 -c "$file" > "$out/$run.otlp.jsonl.gz"
  cat > "$out/$run.meta.json" <<JSON
{ "suite": "$suite", "label": "$label", "spinner": $load, "loadAverage1m": $loadavg, "cores": $cores, "collector": "$version", "commit": "$commit", "suiteVersion": "$suite_version", "exitCode": $code }
JSON
  echo "== run $i of $runs ($label, load $loadavg): exit $code, $(basename "$file")"
done
echo "== recorded into $out"
