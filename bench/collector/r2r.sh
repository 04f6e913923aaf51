#!/usr/bin/env bash
# What precompiled (ReadyToRun) collector assemblies would save, on a kept suite.
#
#   bench/collector/run.sh --tests 3000 --runs 1 --warmup 0 --skip-noop --keep   # note the work directory
#   bench/collector/r2r.sh [--runs K] [--framework xunit] WORK
#
# Compiles FlakyCollector.Core, FlakyCollector.TestHost and FlakyCollector with crossgen2 of the
# running runtime's version (restored from the registry), against that runtime and the suite's own
# assemblies. Then runs the suite with --collect FlakyTrace under `perf record -g` K times each
# way, in turn: with the IL assemblies the package ships (il), and with the images swapped into the
# same places (r2r), with swap-compare.sh, which puts the IL files back at the end. Read the
# totals and the JIT's line of its comparison: perf names no method inside an image, so the
# images' own samples count as "precompiled", not as ours.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUNS=4
FRAMEWORK=xunit
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --framework) FRAMEWORK="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -eq 1 ]] || { sed -n '2,14p' "$0" >&2; exit 2; }
WORK="$(cd "$1" && pwd)"
SUITE_BIN="$(ls -d "$WORK/suites/$FRAMEWORK/bin/Release/"net*/ | head -1)"
BUILD_DIR="$(ls -d "$WORK/packages/flakycollector/"*/build | head -1)"
[[ -d "$SUITE_BIN" && -d "$BUILD_DIR" ]] || { echo "error: $WORK has no built $FRAMEWORK suite and restored package (run run.sh with --keep)" >&2; exit 2; }

export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
OUT="$(mktemp -d "${TMPDIR:-/tmp}/flakyr2r.XXXXXX")"
runtime="$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" { v = $2; d = $3 } END { print v, d }')"
version="${runtime%% *}"
framework_dir="$(echo "${runtime#* }" | tr -d '[]')/$version"

mkdir -p "$OUT/crossgen"
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' > "$OUT/crossgen/$f"; done
cat > "$OUT/crossgen/crossgen.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Microsoft.NETCore.App.Crossgen2.linux-x64" Version="[$version]" /></ItemGroup>
</Project>
XML
NUGET_PACKAGES="$OUT/packages" dotnet restore "$OUT/crossgen" > "$OUT/restore.log" 2>&1 \
  || { echo "error: crossgen2 $version could not be restored: $OUT/restore.log" >&2; exit 1; }
crossgen="$OUT/packages/microsoft.netcore.app.crossgen2.linux-x64/$version/tools/crossgen2"
[[ -x "$crossgen" ]] || crossgen="$crossgen.dll"

mkdir -p "$OUT/il/build" "$OUT/r2r"
assemblies=(FlakyCollector.Core FlakyCollector.TestHost FlakyCollector)
for name in "${assemblies[@]}"; do
  cp "$BUILD_DIR/$name.dll" "$OUT/il/build/"
  run_crossgen=("$crossgen")
  [[ "$crossgen" == *.dll ]] && run_crossgen=(dotnet "$crossgen")
  "${run_crossgen[@]}" -r "$framework_dir/*.dll" -r "$SUITE_BIN/*.dll" --targetos linux --targetarch x64 -O \
    "$BUILD_DIR/$name.dll" -o "$OUT/r2r/$name.dll" > "$OUT/crossgen-$name.log" 2>&1 \
    || { echo "error: crossgen2 failed on $name: $OUT/crossgen-$name.log" >&2; exit 1; }
done

"$SCRIPT_DIR/swap-compare.sh" --runs "$RUNS" --framework "$FRAMEWORK" "$WORK" "$OUT/il/build" "$OUT/r2r"
