#!/usr/bin/env bash
# Which tier the JIT left each method at, per process, untraced and traced: the suites of a
# `run.sh --keep` work folder run once each way with the runtime's perf maps on, and the maps are
# counted by tier, for the collector's own methods (assembly FlakyCollector*) and for all.
#
#   bench/collector/tiers.sh WORK [--framework xunit]
#
# A method appears once per compilation: a method compiled at tier 0 and again instrumented is two
# lines. "QuickJitted" is tier 0; "InstrumentedTier*" the instrumented recompilation tiered PGO
# makes (InstrumentedTierOptimized: instrumented and optimised); "OptimizedTier1" the optimised
# one; "Optimized" a method the JIT optimised from its first call (AggressiveOptimization, or with
# tiering off). ReadyToRun code that was used as it is was not compiled, and is not counted.
set -euo pipefail

work="${1:?usage: tiers.sh WORK [--framework xunit|nunit|mstest]}"
framework=xunit
[[ "${2:-}" == "--framework" ]] && framework="${3:?}"
suite="$work/suites/$framework"
[[ -d "$suite" ]] || { echo "no suite at $suite: run run.sh --keep first" >&2; exit 1; }

out="$(mktemp -d "${TMPDIR:-/tmp}/flakytiers.XXXXXX")"
for config in a c; do
  mkdir -p "$out/$config"
  args=()
  [[ "$config" == c ]] && args=(--collect FlakyTrace)
  DOTNET_PerfMapEnabled=1 DOTNET_PerfMapJitDumpPath="$out/$config" \
    dotnet test "$suite" --no-build -c Release --results-directory "$out/$config/results" "${args[@]}" > "$out/$config/log.txt" 2>&1 \
    || { echo "dotnet test failed ($config): $out/$config/log.txt" >&2; exit 1; }
done

python3 - "$out" <<'PY'
import collections, glob, os, re, sys
out = sys.argv[1]
tier = re.compile(r'\[([A-Za-z0-9]+)\]$')
def process(text):
    if 'Microsoft.VisualStudio.TestPlatform.TestHost.' in text: return 'testhost'
    if 'Microsoft.VisualStudio.TestPlatform.CommandLine.' in text: return 'vstest.console'
    return None
counts = collections.defaultdict(collections.Counter)
for config in ('a', 'c'):
    for path in glob.glob(os.path.join(out, config, 'perf-*.map')):
        text = open(path, errors='replace').read()
        name = process(text)
        if name is None: continue
        for line in text.splitlines():
            m = tier.search(line)
            if not m: continue
            ours = '[FlakyCollector' in line
            counts[(config, name, 'ours' if ours else 'other')][m.group(1)] += 1
tiers = ['QuickJitted', 'InstrumentedTier', 'InstrumentedTierOptimized', 'OptimizedTier1', 'Optimized']
print(f"{'process':15} {'methods':7} {'config':9} " + ' '.join(f'{t:>{len(t)}}' for t in tiers))
for name in ('testhost', 'vstest.console'):
    for kind in ('ours', 'other'):
        for config, label in (('a', 'untraced'), ('c', 'traced')):
            c = counts[(config, name, kind)]
            print(f"{name:15} {kind:7} {label:9} " + ' '.join(f'{c[t]:>{len(t)}}' for t in tiers))
print(f"maps and logs: {out}")
PY
