#!/usr/bin/env bash
# Puts the causes of a flaky reference suite (tests/samples/RealFlaky*) to `flakytrace repro`:
# packs FlakyCollector and flakytrace (or reuses the newest packages), adds the package to a copy
# of the suite as a user would, reads the suite's recorded traces
# (tests/FlakyCollector.Analysis.Tests/Recorded/<suite>/<label>/*.otlp.jsonl.gz) as --from, and
# prints the table: test, designed cause (answer-key.json), cause repro acted on, with, without,
# traced rate, verdict.
#   eng/repro-reference.sh SUITE [--runs N] [--label NAME] [--no-pack] [--test NAME]... [-- repro options]
#   --runs     runs with the condition and as many without (default 10)
#   --label    which recorded traces (default: every label of the suite)
#   --no-pack  reuse the newest packages in artifacts/packages
#   --test     only these tests (repeatable); default: every flaky test of the traces
# The results (runs, JSON and the table) go to $FLAKYTRACE_REPRO_DIR (default /tmp/flakytrace-repro-reference)/<suite>/repro-<time>.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
suite="${1:?suite name, e.g. RealFlakyXunit}"
shift
runs=10 label="" pack=1 tests=() extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --label) label="$2"; shift ;;
    --no-pack) pack=0 ;;
    --test) tests+=(--test "$2"); shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
recorded="$root/tests/FlakyCollector.Analysis.Tests/Recorded/$suite"
[ -d "$root/tests/samples/$suite" ] && [ -d "$recorded" ] || { echo "no suite tests/samples/$suite with recorded traces" >&2; exit 2; }

# Outside the repository: a commit made while the runs go on must not split them between two commits.
work="${FLAKYTRACE_REPRO_DIR:-${TMPDIR:-/tmp}/flakytrace-repro-reference}/$suite"
feed="$root/artifacts/packages"
mkdir -p "$feed"
if [ "$pack" = 1 ] || ! ls "$feed"/flakytrace.0.*.nupkg >/dev/null 2>&1; then
  version="0.2.0-dev.$(date -u +%Y%m%d%H%M%S)"
  # A tool folder per version: a repro still running from an earlier one keeps its own.
  tools="$root/artifacts/repro-reference/tools-$version"
  echo "== packing FlakyCollector and flakytrace $version into $feed"
  dotnet pack "$root/src/FlakyCollector.Package" -c Release -o "$feed" -p:Version="$version" -v:q -nologo
  dotnet pack "$root/src/FlakyTrace.Cli" -c Release -o "$feed" -p:Version="$version" -v:q -nologo
  rm -rf "$tools"
  dotnet tool install flakytrace --tool-path "$tools" --version "$version" --add-source "$feed" >/dev/null
else
  version=$(ls -t "$feed"/flakytrace.0.*.nupkg | head -1 | sed -E 's/.*flakytrace\.(.*)\.nupkg/\1/')
  tools="$root/artifacts/repro-reference/tools-$version"
  echo "== reusing FlakyCollector and flakytrace $version"
  [ -x "$tools/flakytrace" ] || dotnet tool install flakytrace --tool-path "$tools" --version "$version" --add-source "$feed" >/dev/null
fi

# The suite copy and the traces are made afresh; earlier repro results stay beside them.
rm -rf "$work/$suite" "$work/traces" && mkdir -p "$work/traces"
results="$work/repro-$(date -u +%Y%m%dT%H%M%S)"
mkdir -p "$results"
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$work/$f"; done
cat > "$work/nuget.config" <<XML
<configuration><packageSources><add key="flakycollector" value="$feed" /></packageSources></configuration>
XML
cp -r "$root/tests/samples/$suite" "$work/$suite"
rm -rf "$work/$suite"/{bin,obj,TestResults}
for gz in "$recorded"/${label:-*}/*.otlp.jsonl.gz; do
  dir="$work/traces/$(basename "$(dirname "$gz")")"
  mkdir -p "$dir"
  gunzip -c "$gz" > "$dir/$(basename "$gz" .gz)"
done
cd "$work/$suite"
dotnet add package FlakyCollector --version "$version" >/dev/null || dotnet add package FlakyCollector --version "$version"

# As when the traces were recorded: the suites' own work is in ActivitySources named Shop.*.
cat > "$work/flakytrace.runsettings" <<XML
<RunSettings><DataCollectionRunSettings><DataCollectors>
  <DataCollector friendlyName="FlakyTrace"><Configuration><ActivitySources>Shop.*</ActivitySources></Configuration></DataCollector>
</DataCollectors></DataCollectionRunSettings></RunSettings>
XML

# Under Microsoft.Testing.Platform, --settings is the framework's; FlakyTrace's file is --flaky-trace-settings.
if grep -qs "Microsoft.Testing.Platform" global.json; then settings=--flaky-trace-settings; else settings=--settings; fi
echo "== flakytrace repro --from $work/traces --runs $runs ${tests[*]} ${extra[*]}"
start=$(date +%s)
"$tools/flakytrace" repro --from "$work/traces" --runs "$runs" "${tests[@]}" --results-directory "$results" \
  --format json -o "$results/repro.json" "${extra[@]}" -- "$settings" "$work/flakytrace.runsettings"
seconds=$(( $(date +%s) - start ))

python3 - "$results/repro.json" "$recorded/answer-key.json" "$seconds" <<'PY' | tee "$results/table.md"
import json, sys
results = json.load(open(sys.argv[1]))
key = json.load(open(sys.argv[2]))["tests"]
print("| test | designed cause | repro's cause | with | without | traced | verdict |")
print("|---|---|---|---|---|---|---|")
for r in results:
    name = r["name"]
    designed = key.get(name, {}).get("cause", "?")
    w, wo = r["with"], r["without"]
    traced = r.get("tracedFailureRate")
    traced = "" if traced is None else f"{traced:.0%}"
    cause = r["cause"].split(":")[0]
    same = "" if r.get("sameFailure", True) else " (other failure)"
    alone = r.get("aloneWithout")
    where = f" (in the suite; alone {alone['failed']}/{alone['runs']})" if r.get("inSuite") and alone else ""
    print(f"| {name.split('.', 1)[1]} | {designed} | {cause} | {w['failed']}/{w['runs']}{same} | {wo['failed']}/{wo['runs']}{where} | {traced} | {r['verdict']} |")
print(f"\n{len(results)} tests, repro wall time {sys.argv[3]} s")
PY
