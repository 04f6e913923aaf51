#!/usr/bin/env bash
# What does `dotnet test --collect FlakyTrace` cost a run?
#
# Generates one suite of trivial passing tests per framework, builds it once, then runs
# `dotnet test --no-build` in three configurations, interleaved:
#   a  no collector
#   b  --collect Noop   (a do-nothing out-of-process collector: what any out-of-process design pays)
#   c  --collect FlakyTrace   (the FlakyCollector package, packed from this repository)
# and prints the median wall time and peak memory of the whole process tree per configuration.
# See bench/README.md.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
MEASURE="$SCRIPT_DIR/measure.py"

# Versions of the generated suites' packages (the same as tests/samples).
TEST_SDK_VERSION=18.0.1
XUNIT_VERSION=2.9.3
XUNIT_RUNNER_VERSION=3.1.5
NUNIT_VERSION=4.4.0
NUNIT_ADAPTER_VERSION=6.3.1
MSTEST_VERSION=4.5.2

TESTS=3000
TESTS_PER_CLASS=30
RUNS=5
WARMUP=1
FRAMEWORKS="xunit nunit mstest"
SKIP_FLAKYTRACE=0
ENDPOINT=0
SKIP_NOOP=0
KEEP_WORK=0
WORK=""

usage() {
  cat <<EOF
usage: bench/collector/run.sh [options]

  --tests N            trivial tests per suite (default $TESTS, $TESTS_PER_CLASS per class)
  --runs K             measured runs per configuration, interleaved a,b,c,a,b,c,... (default $RUNS)
  --warmup W           unmeasured runs of each configuration first (default $WARMUP)
  --frameworks LIST    comma-separated subset of xunit,nunit,mstest (default all three)
  --skip-flakytrace    do not pack FlakyCollector; measure configurations a and b only
  --skip-noop          leave out configuration b (it costs ~1 ms per test; long at 100,000 tests)
  --endpoint           configuration c also exports over OTLP gRPC to a loopback receiver
                       (bench/collector/Receiver), and every run checks that every span in the
                       file arrived there
  --keep               keep the whole work directory (default: keep only the CSV and the logs)
  -h, --help           this text

Needs the .NET SDK, python3 and Linux /proc. Writes nothing inside the repository except what
'dotnet pack' itself writes (bin/ and obj/ of the packed projects).
EOF
}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

parse_args() {
  while (($#)); do
    case "$1" in
      --tests) TESTS="${2:?--tests needs a number}"; shift 2 ;;
      --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
      --warmup) WARMUP="${2:?--warmup needs a number}"; shift 2 ;;
      --frameworks) FRAMEWORKS="${2:?--frameworks needs a list}"; FRAMEWORKS="${FRAMEWORKS//,/ }"; shift 2 ;;
      --skip-flakytrace) SKIP_FLAKYTRACE=1; shift ;;
      --keep) KEEP_WORK=1; shift ;;
      --endpoint) ENDPOINT=1; shift ;;
      --skip-noop) SKIP_NOOP=1; shift ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown option: $1" ;;
    esac
  done
  [[ "$TESTS" =~ ^[1-9][0-9]*$ ]] || die "--tests must be a positive integer"
  [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
  [[ "$WARMUP" =~ ^[0-9]+$ ]] || die "--warmup must be a non-negative integer"
  local fw
  for fw in $FRAMEWORKS; do
    case "$fw" in xunit | nunit | mstest) ;; *) die "unknown framework: $fw" ;; esac
  done
}

check_tools() {
  command -v dotnet >/dev/null || die "dotnet is not on PATH"
  command -v python3 >/dev/null || die "python3 is not on PATH (needed to sample memory from /proc)"
  [[ -r /proc/self/statm ]] || die "/proc is not readable: this benchmark runs on Linux only"
}

setup_work_dir() {
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/flakybench.XXXXXX")"
  mkdir -p "$WORK/feed" "$WORK/logs" "$WORK/suites"
  # Keep the generated projects clear of any Directory.* files above the temp folder.
  local f
  for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
    echo '<Project />' >"$WORK/$f"
  done
  trap cleanup EXIT
  log "work directory: $WORK"
}

cleanup() {
  local status=$?
  if [[ -n "$RECEIVER_ENDPOINT" ]]; then
    exec 7>&- # the receiver ends when its input closes
    wait || true
  fi
  if ((KEEP_WORK == 0)) && [[ -n "$WORK" && -d "$WORK" ]]; then
    # Keep the raw numbers and the logs; the rest (packages, builds, results) is large.
    find "$WORK" -mindepth 1 -maxdepth 1 ! -name results.csv ! -name logs -exec rm -rf {} +
  fi
  exit "$status"
}

# Quiet, reproducible dotnet: no telemetry banner, no MSBuild nodes or compiler server left
# running between measurements (they would sit outside the measured process tree).
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

# ---------------------------------------------------------------------------------------------
# 1. The FlakyCollector package

FLAKYCOLLECTOR_VERSION=""

pack_flakycollector() {
  if ((SKIP_FLAKYTRACE)); then
    log "--skip-flakytrace: not packing FlakyCollector; configuration c is left out"
    return
  fi
  log "packing $REPO_ROOT/FlakyCollector.sln"
  if ! dotnet pack "$REPO_ROOT/FlakyCollector.sln" -c Release -o "$WORK/feed" \
      -p:UseSharedCompilation=false >"$WORK/logs/pack.log" 2>&1; then
    tail -n 30 "$WORK/logs/pack.log" >&2
    die "'dotnet pack FlakyCollector.sln' failed (full log: $WORK/logs/pack.log).
       Run with --skip-flakytrace to measure configurations a and b only."
  fi
  # FlakyCollector.<version>.nupkg; other packages (the CLI tool's) share the folder.
  local nupkg name
  for nupkg in "$WORK"/feed/*.nupkg; do
    name="$(basename "$nupkg")"
    if [[ "$name" =~ ^FlakyCollector\.([0-9][^/]*)\.nupkg$ ]]; then
      FLAKYCOLLECTOR_VERSION="${BASH_REMATCH[1]}"
    fi
  done
  [[ -n "$FLAKYCOLLECTOR_VERSION" ]] ||
    die "'dotnet pack' wrote no FlakyCollector.<version>.nupkg to $WORK/feed ($(ls "$WORK/feed" | tr '\n' ' '))
       Run with --skip-flakytrace to measure configurations a and b only."
  log "FlakyCollector $FLAKYCOLLECTOR_VERSION packed"
}

write_nuget_config() {
  # The feed folder is added to the machine's configured sources. Packages go to a private
  # folder so that a FlakyCollector package of an unchanged version number is never taken
  # from a stale copy in the user's global packages folder.
  cat >"$WORK/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$WORK/packages" />
  </config>
  <packageSources>
    <add key="local" value="$WORK/feed" />
  </packageSources>
</configuration>
EOF
}

# ---------------------------------------------------------------------------------------------
# 2. The do-nothing out-of-process collector

NOOP_DIR=""

build_noop_collector() {
  log "building NoopCollector"
  cp -r "$SCRIPT_DIR/NoopCollector" "$WORK/noop"
  rm -rf "$WORK/noop/bin" "$WORK/noop/obj"
  dotnet build "$WORK/noop" -c Release -o "$WORK/noop/out" -p:UseSharedCompilation=false \
    >"$WORK/logs/build-noop.log" 2>&1 || die "NoopCollector did not build: $WORK/logs/build-noop.log"
  NOOP_DIR="$WORK/noop/out"
  [[ -f "$NOOP_DIR/NoopCollector.dll" ]] || die "no NoopCollector.dll in $NOOP_DIR"
}

# ---------------------------------------------------------------------------------------------
# 2b. The loopback OTLP receiver (--endpoint)

RECEIVER_ENDPOINT=""

start_receiver() {
  ((ENDPOINT)) || return 0
  log "building and starting the OTLP receiver"
  dotnet build "$SCRIPT_DIR/Receiver" -c Release -o "$WORK/receiver" -p:UseSharedCompilation=false \
    >"$WORK/logs/build-receiver.log" 2>&1 || die "the receiver did not build: $WORK/logs/build-receiver.log"
  mkfifo "$WORK/receiver.in"
  dotnet "$WORK/receiver/Receiver.dll" "$WORK/receiver.count" <"$WORK/receiver.in" >"$WORK/receiver.out" 2>&1 &
  exec 7>"$WORK/receiver.in" # held open: the receiver stops when the script closes it
  local i
  for ((i = 0; i < 300; i++)); do
    RECEIVER_ENDPOINT="$(head -n 1 "$WORK/receiver.out" 2>/dev/null || true)"
    [[ "$RECEIVER_ENDPOINT" == http* && -f "$WORK/receiver.count" ]] && break
    sleep 0.1
  done
  [[ "$RECEIVER_ENDPOINT" == http* ]] || die "the receiver did not start: $WORK/receiver.out"
  log "OTLP receiver at $RECEIVER_ENDPOINT"
}

# Spans the receiver has counted, once the count has stopped moving (the export ends before
# dotnet test exits; the count file is rewritten every 100 ms).
received_spans() {
  local previous=-1 current
  current="$(cat "$WORK/receiver.count")"
  while [[ "$current" != "$previous" ]]; do
    previous="$current"
    sleep 0.3
    current="$(cat "$WORK/receiver.count")"
  done
  echo "$current"
}

# ---------------------------------------------------------------------------------------------
# 3. The generated suites

package_references() {
  local fw="$1"
  echo "    <PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"$TEST_SDK_VERSION\" />"
  case "$fw" in
    xunit)
      echo "    <PackageReference Include=\"xunit\" Version=\"$XUNIT_VERSION\" />"
      echo "    <PackageReference Include=\"xunit.runner.visualstudio\" Version=\"$XUNIT_RUNNER_VERSION\" />" ;;
    nunit)
      echo "    <PackageReference Include=\"NUnit\" Version=\"$NUNIT_VERSION\" />"
      echo "    <PackageReference Include=\"NUnit3TestAdapter\" Version=\"$NUNIT_ADAPTER_VERSION\" />" ;;
    mstest)
      echo "    <PackageReference Include=\"MSTest.TestAdapter\" Version=\"$MSTEST_VERSION\" />"
      echo "    <PackageReference Include=\"MSTest.TestFramework\" Version=\"$MSTEST_VERSION\" />" ;;
  esac
  if [[ -n "$FLAKYCOLLECTOR_VERSION" ]]; then
    echo "    <PackageReference Include=\"FlakyCollector\" Version=\"$FLAKYCOLLECTOR_VERSION\" />"
  fi
}

# Prints C# source: ceil(TESTS / TESTS_PER_CLASS) classes with TESTS empty test methods in all.
generate_tests_source() {
  local fw="$1" using class_attr test_attr
  case "$fw" in
    xunit) using="Xunit"; class_attr=""; test_attr="[Fact]" ;;
    nunit) using="NUnit.Framework"; class_attr="[TestFixture]"; test_attr="[Test]" ;;
    mstest) using="Microsoft.VisualStudio.TestTools.UnitTesting"; class_attr="[TestClass]"; test_attr="[TestMethod]" ;;
  esac
  printf 'using %s;\n\nnamespace Bench;\n' "$using"
  local emitted=0 class=0 method
  while ((emitted < TESTS)); do
    class=$((class + 1))
    printf '\n%spublic class Class%03d\n{\n' "${class_attr:+$class_attr$'\n'}" "$class"
    for ((method = 1; method <= TESTS_PER_CLASS && emitted < TESTS; method++)); do
      printf '    %s public void Test%02d() { }\n' "$test_attr" "$method"
      emitted=$((emitted + 1))
    done
    printf '}\n'
  done
}

generate_suite() {
  local fw="$1" dir="$WORK/suites/$1"
  mkdir -p "$dir"
  cat >"$dir/Bench.Tests.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <IsPackable>false</IsPackable>
    <IsTestProject>true</IsTestProject>
  </PropertyGroup>
  <ItemGroup>
$(package_references "$fw")
  </ItemGroup>
</Project>
EOF
  generate_tests_source "$fw" >"$dir/Tests.cs"
}

build_suite() {
  local fw="$1"
  log "building the $fw suite ($TESTS tests)"
  dotnet build "$WORK/suites/$fw" -c Release -p:UseSharedCompilation=false \
    >"$WORK/logs/build-$fw.log" 2>&1 || {
    tail -n 30 "$WORK/logs/build-$fw.log" >&2
    die "the $fw suite did not build: $WORK/logs/build-$fw.log"
  }
}

# ---------------------------------------------------------------------------------------------
# 4. Measuring

configurations() {
  local configs="a"
  ((SKIP_NOOP)) || configs+=" b"
  [[ -z "$FLAKYCOLLECTOR_VERSION" ]] || configs+=" c"
  echo "$configs"
}

# Sets COLLECTOR_ARGS to the dotnet test arguments of configuration $1.
collector_args() {
  case "$1" in
    a) COLLECTOR_ARGS=() ;;
    b) COLLECTOR_ARGS=(--collect Noop --test-adapter-path "$NOOP_DIR") ;;
    c) COLLECTOR_ARGS=(--collect FlakyTrace) ;;
  esac
}

# Runs one configuration once and sets RUN_WALL, RUN_TREE_MB, RUN_PROCESS_MB, RUN_EXIT,
# RUN_PASSED and RUN_OTLP_FILES. (Not called in a subshell, so that die stops the script.)
run_once() {
  local fw="$1" config="$2" tag="$3"
  local results="$WORK/results/$fw/$config-$tag" logfile="$WORK/logs/$fw-$config-$tag.log"
  local measured
  collector_args "$config"
  local environment=() received_before=0
  if [[ "$config" == c && -n "$RECEIVER_ENDPOINT" ]]; then
    environment=("OTEL_EXPORTER_OTLP_ENDPOINT=$RECEIVER_ENDPOINT")
    received_before="$(received_spans)"
  fi
  measured="$(python3 "$MEASURE" run --log "$logfile" -- \
    env "${environment[@]}" dotnet test "$WORK/suites/$fw" --no-build -c Release --results-directory "$results" \
    "${COLLECTOR_ARGS[@]}")"
  read -r RUN_WALL RUN_TREE_MB RUN_PROCESS_MB RUN_EXIT RUN_CPU_TESTHOST RUN_CPU_VSTEST RUN_CPU_TREE \
    RUN_PEAK_TESTHOST RUN_PEAK_VSTEST <<<"$measured"

  if grep -qE "Could not find data collector|Unable to find a datacollector" "$logfile"; then
    die "configuration $config did not load its collector (see $logfile)"
  fi
  RUN_PASSED="$(grep -oE 'Passed: +[0-9]+' "$logfile" | grep -oE '[0-9]+' | tail -n 1 || true)"
  RUN_PASSED="${RUN_PASSED:-0}"
  RUN_OTLP_FILES="$(find "$results" -name '*.otlp.jsonl' 2>/dev/null | wc -l)"
  RUN_SPANS_FILE="$(python3 "$MEASURE" spans "$results")"
  RUN_SPANS_RECEIVED=""
  if [[ "$config" == c && -n "$RECEIVER_ENDPOINT" ]]; then
    RUN_SPANS_RECEIVED=$(($(received_spans) - received_before))
  fi
  rm -rf "$results"
}

record() {
  local fw="$1" config="$2" run="$3" logfile="$WORK/logs/$1-$2-$3.log"
  run_once "$fw" "$config" "$run"
  echo "$fw,$config,$run,$TESTS,$RUN_WALL,$RUN_TREE_MB,$RUN_PROCESS_MB,$RUN_EXIT,$RUN_PASSED,$RUN_OTLP_FILES,$RUN_CPU_TESTHOST,$RUN_CPU_VSTEST,$RUN_CPU_TREE,$RUN_PEAK_TESTHOST,$RUN_PEAK_VSTEST,$RUN_SPANS_FILE,$RUN_SPANS_RECEIVED" \
    >>"$WORK/results.csv"
  printf '    %-6s %s  run %-2s %7.2f s %8.1f MB  cpu testhost %6.2f s vstest.console %6.2f s  exit %s  passed %s  otlp files %s\n' \
    "$fw" "$config" "$run" "$RUN_WALL" "$RUN_TREE_MB" "$RUN_CPU_TESTHOST" "$RUN_CPU_VSTEST" "$RUN_EXIT" "$RUN_PASSED" "$RUN_OTLP_FILES" >&2
  if [[ "$RUN_EXIT" != 0 || "$RUN_PASSED" != "$TESTS" ]]; then
    printf '    warning: expected %s passed tests and exit code 0: see %s\n' "$TESTS" "$logfile" >&2
  fi
  if [[ -n "$RUN_SPANS_RECEIVED" && "$RUN_SPANS_RECEIVED" != "$RUN_SPANS_FILE" ]]; then
    printf '    warning: %s spans in the file but %s arrived at the receiver: see %s\n' "$RUN_SPANS_FILE" "$RUN_SPANS_RECEIVED" "$logfile" >&2
  fi
  if [[ "$config" == c && "$RUN_OTLP_FILES" == 0 ]]; then
    printf '    warning: --collect FlakyTrace wrote no .otlp.jsonl file: see %s\n' "$logfile" >&2
  fi
}

benchmark_suite() {
  local fw="$1" config i
  for ((i = 1; i <= WARMUP; i++)); do
    for config in $(configurations); do
      log "$fw: warm-up $i, configuration $config"
      run_once "$fw" "$config" "warmup$i"
    done
  done
  log "$fw: $RUNS measured run(s) of configurations $(configurations)"
  for ((i = 1; i <= RUNS; i++)); do
    for config in $(configurations); do
      record "$fw" "$config" "$i"
    done
  done
}

# ---------------------------------------------------------------------------------------------

main() {
  parse_args "$@"
  check_tools
  setup_work_dir
  pack_flakycollector
  write_nuget_config
  build_noop_collector
  start_receiver
  echo "framework,config,run,tests,wall_s,peak_tree_mb,max_process_mb,exit_code,passed,otlp_files,cpu_testhost_s,cpu_vstest_s,cpu_tree_s,peak_testhost_mb,peak_vstest_mb,spans_file,spans_received" \
    >"$WORK/results.csv"

  local fw
  for fw in $FRAMEWORKS; do
    generate_suite "$fw"
    build_suite "$fw"
  done
  for fw in $FRAMEWORKS; do
    benchmark_suite "$fw"
  done

  echo
  echo "dotnet test --no-build -c Release, $TESTS trivial tests, median of $RUNS run(s)" \
    "on $(nproc) cores; peak MB = summed RSS of the whole process tree"
  python3 "$MEASURE" summary "$WORK/results.csv"
  echo
  echo "raw numbers: $WORK/results.csv   logs: $WORK/logs/"
}

main "$@"
