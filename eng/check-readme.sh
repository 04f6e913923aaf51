#!/usr/bin/env bash
# Runs the README's command blocks as a new user would, so the README cannot drift from the product.
#   eng/check-readme.sh [README.md]
#
# A fenced block runs when the line right before it is exactly  <!-- check: run -->  ; every other
# block is text. The runnable blocks run in order, in one shell (so `cd` carries over), one command
# a line (a trailing backslash continues it), starting in a folder that holds
#   FlakyCollector/  a fresh copy of this repository: every file git knows, nothing built
#   MyTests/         a copy of a sample suite standing in for the reader's own test project
#                    (tests/samples/$CHECK_README_SAMPLE, default AttributionXunit: passes)
# The first command that fails stops the check and prints its whole output.
#
# Nothing is taken from the network but the machine's NuGet source. Restores go to a private
# NUGET_PACKAGES (artifacts/readme-check-nuget, kept between checks: the moving package version
# means no stale FlakyCollector can be found there), and `dotnet tool install --global` goes to a
# private DOTNET_CLI_HOME, so the check touches neither the machine's package cache nor its tools.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
readme="$(realpath "${1:-$root/README.md}")"
sample="${CHECK_README_SAMPLE:-AttributionXunit}"
work="$root/artifacts/readme-check"
started="$(date -u +%Y%m%d%H%M%S)"

commands="$(awk '
  /^<!-- check: run -->[[:space:]]*$/ { armed = NR + 1; next }
  NR == armed && /^```/ { inside = 1; count++; next }
  NR == armed { printf "error: line %d: <!-- check: run --> must be followed by a fenced block\n", NR - 1 > "/dev/stderr"; bad = 1; exit 2 }
  inside && /^```/ { inside = 0; next }
  inside {
    line = $0
    if (line ~ /\\[[:space:]]*$/) { sub(/\\[[:space:]]*$/, "", line); pending = pending line " "; next }
    line = pending line; pending = ""
    if (line ~ /^[[:space:]]*(#.*)?$/) next
    printf "%d\t%s\n", NR, line
  }
  END { if (bad) exit 2; if (count == 0) { print "error: no block is marked <!-- check: run -->" > "/dev/stderr"; exit 2 } }
' "$readme")"

rm -rf "$work"
mkdir -p "$work/FlakyCollector" "$work/home/.nuget/NuGet"
echo "== $work/FlakyCollector: a fresh copy of the repository"
(cd "$root" && git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' file; do [ -f "$file" ] && printf '%s\0' "$file"; done \
  | xargs -0 cp --parents -t "$work/FlakyCollector")
echo "== $work/MyTests: tests/samples/$sample, standing in for your test project"
cp -r "$root/tests/samples/$sample" "$work/MyTests"
rm -rf "$work/MyTests"/{bin,obj,TestResults}
# The copy is a user's project: the repository's build settings above artifacts/ must not apply.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$work/$f"; done

export NUGET_PACKAGES="$root/artifacts/readme-check-nuget"
export DOTNET_CLI_HOME="$work/home"
export PATH="$DOTNET_CLI_HOME/.dotnet/tools:$PATH"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild node outlives the check carrying its private folders.
export MSBUILDDISABLENODEREUSE=1
# NuGet reads its user settings under DOTNET_CLI_HOME: keep the machine's package source.
if [ -f "$HOME/.nuget/NuGet/NuGet.Config" ]; then cp "$HOME/.nuget/NuGet/NuGet.Config" "$DOTNET_CLI_HOME/.nuget/NuGet/"; fi
mkdir -p "$NUGET_PACKAGES"

cd "$work"
log="$work/command.log"
while IFS=$'\t' read -r line command; do
  echo "== ${readme#"$root"/}:$line: $command"
  begin=$SECONDS
  set +e
  eval "$command" >"$log" 2>&1 </dev/null
  status=$?
  set -e
  if [ "$status" -ne 0 ]; then
    echo "FAILED (exit $status) in $PWD, after $((SECONDS - begin)) s. Its output:"
    cat "$log"
    exit 1
  fi
  echo "   ok in $((SECONDS - begin)) s"
done <<< "$commands"

# Every pack made a version of its own: a cached copy of an older build can never be restored instead.
echo "== packages packed by the README are versioned 0.2.0-dev.<UTC time of this check or later>"
found=0
while IFS= read -r package; do
  name="$(basename "$package")"
  if [[ ! "$name" =~ ^(FlakyCollector|flakytrace)\.[0-9]+\.[0-9]+\.[0-9]+-dev\.([0-9]{14})\.nupkg$ ]] || [[ "${BASH_REMATCH[2]}" < "$started" ]]; then
    echo "FAILED: $package is not a fresh dev version (check started $started)"
    exit 1
  fi
  echo "   $name"
  found=$((found + 1))
done < <(find "$work" -name '*.nupkg' -not -path "$NUGET_PACKAGES/*" -not -path "$DOTNET_CLI_HOME/*")
if [ "$found" -lt 2 ]; then
  echo "FAILED: expected the FlakyCollector and flakytrace packages, found $found .nupkg file(s)"
  exit 1
fi
echo "README check passed: every command marked <!-- check: run --> in ${readme#"$root"/} ran as written."
