#!/usr/bin/env bash
# What does an OTLP endpoint that is down cost a `dotnet test --collect FlakyTrace` run?
#
# Traces the xUnit sample suite (tests/samples/XunitSample) with `dotnet test --no-build`,
# interleaved, in three configurations:
#   a  no endpoint (file only)
#   b  an endpoint that refuses connections (nothing listens on the port)
#   c  an endpoint that accepts connections and never answers (a loopback black hole)
# and prints the median wall time of each and the extra seconds against a. The export is bounded
# by ExportTimeout (default 5 s; set it with --timeout MS, passed as OTEL_EXPORTER_OTLP_TIMEOUT).
#   bench/collector/dead-endpoint.sh [--runs K] [--timeout MS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=5
timeout_ms=""
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --timeout) timeout_ms="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs K] [--timeout MS]" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d /tmp/flakytrace-dead-endpoint.XXXXXX)"
trap 'kill "${hole_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
version="0.1.0-bench.$(date -u +%Y%m%d%H%M%S)"
echo "==> packing FlakyCollector $version" >&2
dotnet pack "$root/src/FlakyCollector.Package" -c Release -o "$work/feed" -p:Version="$version" -v:q -nologo >/dev/null
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$work/$f"; done
echo "<configuration><packageSources><add key=\"feed\" value=\"$work/feed\" /></packageSources></configuration>" > "$work/nuget.config"
cp -r "$root/tests/samples/XunitSample" "$work/suite"
rm -rf "$work/suite"/{bin,obj,TestResults}
cd "$work/suite"
dotnet add package FlakyCollector --version "$version" >/dev/null
dotnet build -c Release -v:q -nologo >/dev/null

# A port nothing listens on, and a listener that accepts and never answers.
refused_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
hole_port_file="$work/hole.port"
python3 - "$hole_port_file" <<'PY' &
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(64)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
held = []
while True:
    c, _ = s.accept(); held.append(c)
PY
hole_pid=$!
while [ ! -s "$hole_port_file" ]; do sleep 0.1; done
hole_port="$(cat "$hole_port_file")"

run() { # config endpoint -> seconds
  local start end
  start=$(date +%s.%N)
  env ${2:+OTEL_EXPORTER_OTLP_ENDPOINT=$2} ${timeout_ms:+OTEL_EXPORTER_OTLP_TIMEOUT=$timeout_ms} \
    dotnet test --no-build -c Release --collect FlakyTrace --results-directory "$work/results/$1" >"$work/$1.log" 2>&1 || true
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}

declare -A times=([a]="" [b]="" [c]="")
run a "" >/dev/null   # warm-up
for i in $(seq 1 "$runs"); do
  times[a]+=" $(run a "")"
  times[b]+=" $(run b "http://127.0.0.1:$refused_port")"
  times[c]+=" $(run c "http://127.0.0.1:$hole_port")"
  echo "==> run $i: a${times[a]##* } b${times[b]##* } c${times[c]##* }" >&2
done

python3 - "${times[a]}" "${times[b]}" "${times[c]}" "${timeout_ms:-5000}" <<'PY'
import statistics, sys
a, b, c = ([float(x) for x in arg.split()] for arg in sys.argv[1:4])
ma, mb, mc = (statistics.median(x) for x in (a, b, c))
print(f"\nxUnit sample (16 tests), dotnet test --no-build --collect FlakyTrace, median of {len(a)} runs, export timeout {int(sys.argv[4])} ms")
print(f"  {'configuration':44} {'wall s':>7} {'extra s':>8}")
print(f"  {'a: no endpoint (file only)':44} {ma:7.2f} {0:8.2f}")
print(f"  {'b: endpoint refuses connections':44} {mb:7.2f} {mb - ma:8.2f}")
print(f"  {'c: endpoint accepts and never answers':44} {mc:7.2f} {mc - ma:8.2f}")
PY
grep -h "FlakyTrace warning" "$work/b.log" "$work/c.log" | sed 's/^/  warning seen: /' | sort -u
