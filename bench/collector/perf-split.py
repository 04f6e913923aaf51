#!/usr/bin/env python3
"""Splits one process's CPU samples of `perf record -g` runs by whether a frame of ours is on the stack.

    perf record -F 299 -g -o floor-1.data -- dotnet test ...   (and c-1.data, with --collect FlakyTrace;
                                                                DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
    bench/collector/perf-split.py --hz 299 [--process vstest.console] --base floor-1.data floor-2.data --traced c-1.data c-2.data

In each file the testhost is the process with the most samples (the default), and vstest.console
the other one with the most samples in vstest's code (the dotnet CLI runs MSBuild, not vstest).
Prints, for the base runs and the traced runs, the median seconds in frames of ours (any frame
whose name holds "FlakyCollector") and outside them by where the innermost frame is (JIT-compiled
code, the runtime, the JIT, precompiled BCL code, native libraries, the kernel), the
traced-minus-base difference, and, for the traced runs, the entry points of ours and the innermost
method of ours with their seconds a run. With --differences N, also the N innermost methods of any
code (ours, the framework's, the BCL's, the runtime's by library) whose median seconds a run differ
most between the base and the traced runs: where work of the traced runs lands outside our frames.
"""
import argparse, collections, re, statistics, subprocess

OURS = 'FlakyCollector'


def samples(path):
    text = subprocess.run(['perf', 'script', '-i', path, '-F', 'pid,tid,comm,ip,sym,dso'],
                          capture_output=True, text=True, check=True).stdout
    sample = None
    for line in text.split('\n'):
        if not line.strip():
            if sample:
                yield sample
            sample = None
        elif not line[0].isspace():
            m = re.match(r'\s*(\S.*?)\s+(\d+)/(\d+)', line)
            sample = {'pid': int(m.group(2)), 'frames': []} if m else None
        elif sample is not None:
            m = re.match(r'\s*[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$', line)
            if m:
                sample['frames'].append((m.group(1), m.group(2)))
    if sample:
        yield sample


VSTEST = 'TestPlatform'


def process(path, name):
    by_pid = collections.defaultdict(list)
    for sample in samples(path):
        by_pid[sample['pid']].append(sample)
    host = max(by_pid.values(), key=len)
    if name == 'testhost':
        return host
    others = [runs for runs in by_pid.values() if runs is not host]
    return max(others, key=lambda runs: sum(any(VSTEST in f for f, _ in s['frames']) for s in runs))


def where(frames):
    if not frames:
        return 'unknown'
    _, dso = frames[0]
    if 'libclrjit' in dso:
        return 'the JIT'
    if 'libcoreclr' in dso:
        return 'the runtime'
    if 'kernel' in dso:
        return 'the kernel'
    if dso.endswith('.dll'):
        return 'precompiled'
    if '.so' in dso:
        return 'native'
    return 'JIT-compiled'


def method(name):
    m = re.search(r'([A-Za-z0-9_.`<>|+]+::[^(]+)\(', name)
    return m.group(1) if m else name[:100]


def split(path, name):
    counts = collections.Counter()
    entries, innermost, leaves = collections.Counter(), collections.Counter(), collections.Counter()
    for sample in process(path, name):
        ours = [name for name, _ in sample['frames'] if OURS in name]
        counts['all'] += 1
        leaves[leaf(sample['frames'])] += 1
        if ours:
            counts['in our frames'] += 1
            entries[method(ours[-1])] += 1
            innermost[method(ours[0])] += 1
        else:
            counts['outside: ' + where(sample['frames'])] += 1
    return counts, entries, innermost, leaves


def leaf(frames):
    if not frames:
        return 'unknown'
    symbol, dso = frames[0]
    if where(frames) == 'JIT-compiled':
        return method(symbol)
    return f"{where(frames)}: {dso.rsplit('/', 1)[-1]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--hz', type=float, default=299)
    parser.add_argument('--process', choices=('testhost', 'vstest.console'), default='testhost')
    parser.add_argument('--base', nargs='+', required=True)
    parser.add_argument('--traced', nargs='+', required=True)
    parser.add_argument('--differences', type=int, default=0, metavar='N')
    args = parser.parse_args()
    base = [split(p, args.process) for p in args.base]
    traced = [split(p, args.process) for p in args.traced]
    keys = sorted({k for c, *_ in base + traced for k in c}, key=lambda k: (k != 'all', k != 'in our frames', k))
    median = lambda runs, k: statistics.median(c[k] / args.hz for c, *_ in runs)
    print(f"{args.process + ', CPU-s':32} {'base':>8} {'traced':>8} {'difference':>10}")
    for k in keys:
        b, t = median(base, k), median(traced, k)
        print(f'{k:32} {b:8.2f} {t:8.2f} {t - b:+10.2f}')
    for title, index in (('entry points of ours', 1), ('innermost method of ours', 2)):
        total = collections.Counter()
        for run in traced:
            total.update(run[index])
        print(f'{title}, seconds a traced run:')
        for name, n in total.most_common(12):
            print(f'  {n / args.hz / len(traced):6.3f}  {name}')
    if args.differences:
        leaf_median = lambda runs, k: statistics.median(run[3][k] / args.hz for run in runs)
        names = {k for run in base + traced for k in run[3]}
        moved = sorted(((leaf_median(traced, k) - leaf_median(base, k), k) for k in names), key=lambda d: -abs(d[0]))
        print('innermost methods of any code, traced minus base, median seconds a run:')
        for difference, name in moved[:args.differences]:
            print(f'  {difference:+7.3f}  {leaf_median(base, name):6.3f} -> {leaf_median(traced, name):6.3f}  {name}')


if __name__ == '__main__':
    main()
