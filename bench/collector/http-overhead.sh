#!/usr/bin/env bash
# What does recording a test's HTTP calls and in-process ASP.NET Core requests cost?
#
# Runs two HTTP-heavy sample suites with `dotnet test --no-build`, interleaved, (a) without a
# collector and (b) with `--collect FlakyTrace`, and prints the median wall time of each, the
# difference per test and per recorded span:
#   AttributionXunit  200 parallel tests, 352 HTTP calls to a loopback service (System.Net.Http)
#   OrdersXunit       5 tests against an ASP.NET Core app in the test process (client, server and
#                     the app's own spans: System.Net.Http, Microsoft.AspNetCore, Orders.*)
#   bench/collector/http-overhead.sh [--runs K]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=5
[ "${1:-}" = "--runs" ] && runs="$2"

work="$(mktemp -d /tmp/flakytrace-http-overhead.XXXXXX)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-bench.$(date -u +%Y%m%d%H%M%S)"
echo "==> packing FlakyCollector $version" >&2
dotnet pack "$root/src/FlakyCollector.Package" -c Release -o "$work/feed" -p:Version="$version" -v:q -nologo >/dev/null
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$work/$f"; done
echo "<configuration><packageSources><add key=\"feed\" value=\"$work/feed\" /></packageSources></configuration>" > "$work/nuget.config"
cat > "$work/orders.runsettings" <<XML
<RunSettings><DataCollectionRunSettings><DataCollectors>
  <DataCollector friendlyName="FlakyTrace"><Configuration><ActivitySources>Orders.*</ActivitySources></Configuration></DataCollector>
</DataCollectors></DataCollectionRunSettings></RunSettings>
XML
for sample in AttributionXunit OrdersApi OrdersXunit; do
  cp -r "$root/tests/samples/$sample" "$work/$sample"
  rm -rf "$work/$sample"/{bin,obj,TestResults}
done
for suite in AttributionXunit OrdersXunit; do
  (cd "$work/$suite" && dotnet add package FlakyCollector --version "$version" >/dev/null && dotnet build -c Release -v:q -nologo >/dev/null)
done

seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }
run() { # suite config -> seconds
  local dir="$work/$1" start end extra=()
  [ "$2" = b ] && extra=(--collect FlakyTrace)
  [ "$2" = b ] && [ "$1" = OrdersXunit ] && extra+=(--settings "$work/orders.runsettings")
  start=$(date +%s.%N)
  (cd "$dir" && dotnet test --no-build -c Release "${extra[@]}" --results-directory "$work/results/$1-$2" >"$work/$1-$2.log" 2>&1) || true
  end=$(date +%s.%N)
  seconds "$start" "$end"
}

for suite in AttributionXunit OrdersXunit; do
  run "$suite" a >/dev/null; run "$suite" b >/dev/null   # warm-up
  a=""; b=""
  for i in $(seq 1 "$runs"); do
    a+=" $(run "$suite" a)"; b+=" $(run "$suite" b)"
  done
  spans="$(python3 - "$work/results/$suite-b" <<'PY'
import json, pathlib, sys
n = 0
for f in pathlib.Path(sys.argv[1]).rglob("*.otlp.jsonl"):
    for line in f.read_text().splitlines():
        for rs in json.loads(line)["resourceSpans"]:
            for ss in rs["scopeSpans"]:
                n += sum(1 for s in ss["spans"] if not any(a["key"] == "test.suite.run.status" for a in s.get("attributes", [])))
print(n)
PY
)"
  tests="$(grep -oE 'Total: +[0-9]+' "$work/$suite-a.log" | grep -oE '[0-9]+' | tail -1)"
  python3 - "$suite" "$a" "$b" "$spans" "$runs" "$tests" <<'PY'
import statistics, sys
suite, a, b, spans_all_runs, runs, tests = sys.argv[1], [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
ma, mb = statistics.median(a), statistics.median(b)
spans = spans_all_runs / (runs + 1)
print(f"{suite}: {tests} tests, {spans:.0f} spans per traced run, median of {runs} runs")
print(f"  a: no collector            {ma:6.2f} s")
print(f"  b: --collect FlakyTrace    {mb:6.2f} s   {mb / ma:4.2f}x   {(mb - ma) * 1000 / tests:6.2f} ms per test   {(mb - ma) * 1000 / spans:6.3f} ms per span")
PY
done
