#!/usr/bin/env python3
"""Process-tree measurement for run.sh (Linux only, standard library only).

  measure.py run --log FILE [--interval S] -- COMMAND...
      Runs COMMAND with its output sent to FILE and prints one line:
          <wall seconds> <peak tree RSS MB> <peak single-process RSS MB> <exit code>
          <testhost CPU s> <vstest.console CPU s> <tree CPU s> <testhost peak MB> <vstest.console peak MB>
      The tree RSS is the sum of VmRSS over COMMAND and all its descendants (dotnet test,
      MSBuild, vstest.console, testhost, datacollector), sampled from /proc every INTERVAL
      seconds (default 0.1). Shared pages count once per process, as with any RSS sum.
      CPU seconds are utime+stime of each process as last sampled before it exited (so up to
      one interval of a process's last CPU time can be missed), summed per role.

  measure.py spans DIR
      Prints the number of spans in the *.otlp.jsonl files under DIR.

  measure.py summary CSV
      Prints, per framework, the median wall time and median peak tree RSS of each
      configuration and their ratios to configuration "a" (no collector).
"""

import csv
import os
import statistics
import subprocess
import sys
import time

PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

CONFIG_LABELS = {
    "a": "no collector",
    "b": "--collect Noop (out-of-proc)",
    "c": "--collect FlakyTrace",
}


def _parent_map():
    """pid -> parent pid for every process currently visible in /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue  # exited meanwhile
        # Field 2 (comm) is in parentheses and may itself contain spaces or ')'.
        fields = stat[stat.rfind(b")") + 2:].split()
        parents[int(entry)] = int(fields[1])
    return parents


def _descendants_and_self(root):
    children = {}
    for pid, ppid in _parent_map().items():
        children.setdefault(ppid, []).append(pid)
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, ()))
    return found


def _rss_kib(pid):
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):
        return 0


def _cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return None
    fields = stat[stat.rfind(b")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def _role(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read()
    except OSError:
        return "other"
    if b"testhost" in cmdline:
        return "testhost"
    if b"vstest.console" in cmdline:
        return "vstest"
    return "other"


def run(argv):
    log_path, interval = None, 0.1
    while argv and argv[0] != "--":
        option = argv.pop(0)
        if option == "--log":
            log_path = argv.pop(0)
        elif option == "--interval":
            interval = float(argv.pop(0))
        else:
            sys.exit(f"measure.py run: unknown option {option}")
    command = argv[1:]
    if not log_path or not command:
        sys.exit("usage: measure.py run --log FILE [--interval S] -- COMMAND...")

    peak_tree = peak_single = 0
    cpu, roles, peak_role = {}, {}, {"testhost": 0, "vstest": 0}
    with open(log_path, "wb") as log:
        start = time.monotonic()
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        while proc.poll() is None:
            sizes = []
            for pid in _descendants_and_self(proc.pid):
                rss = _rss_kib(pid)
                sizes.append(rss)
                seconds = _cpu_seconds(pid)
                if seconds is not None:
                    cpu[pid] = seconds
                    role = roles.setdefault(pid, _role(pid))
                    if role in peak_role:
                        peak_role[role] = max(peak_role[role], rss)
            peak_tree = max(peak_tree, sum(sizes))
            peak_single = max(peak_single, max(sizes, default=0))
            time.sleep(interval)
        wall = time.monotonic() - start
    by_role = {"testhost": 0.0, "vstest": 0.0}
    for pid, seconds in cpu.items():
        if roles.get(pid) in by_role:
            by_role[roles[pid]] += seconds
    print(f"{wall:.3f} {peak_tree / 1024:.1f} {peak_single / 1024:.1f} {proc.returncode} "
          f"{by_role['testhost']:.2f} {by_role['vstest']:.2f} {sum(cpu.values()):.2f} "
          f"{peak_role['testhost'] / 1024:.1f} {peak_role['vstest'] / 1024:.1f}")


def _median(runs, key):
    values = [float(r[key]) for r in runs if r.get(key) not in (None, "")]
    return statistics.median(values) if values else float("nan")


def summary(argv):
    if len(argv) != 1:
        sys.exit("usage: measure.py summary CSV")
    rows = list(csv.DictReader(open(argv[0], newline="")))
    frameworks = list(dict.fromkeys(row["framework"] for row in rows))
    for framework in frameworks:
        by_config = {}
        for row in rows:
            if row["framework"] == framework:
                by_config.setdefault(row["config"], []).append(row)
        tests = int(rows[0]["tests"])
        print(f"\n{framework} ({tests} tests)")
        print(f"  {'configuration':<32} {'runs':>4} {'wall s':>7} {'wall/a':>6} {'tree MB':>7} {'mem/a':>6}"
              f" {'host cpu':>8} {'vst cpu':>7} {'us/test':>7} {'host MB':>7} {'vst MB':>6}")
        base = None
        for config in sorted(by_config):
            runs = by_config[config]
            figures = {key: _median(runs, key) for key in
                       ("wall_s", "peak_tree_mb", "cpu_testhost_s", "cpu_vstest_s", "peak_testhost_mb", "peak_vstest_mb")}
            if config == "a":
                base = figures
            ratio_wall = f"{figures['wall_s'] / base['wall_s']:.2f}x" if base else "-"
            ratio_mem = f"{figures['peak_tree_mb'] / base['peak_tree_mb']:.2f}x" if base else "-"
            # CPU the collector adds per test in the two processes that do per-test work.
            extra = ((figures["cpu_testhost_s"] + figures["cpu_vstest_s"]) - (base["cpu_testhost_s"] + base["cpu_vstest_s"])) if base else 0
            per_test = f"{extra / tests * 1e6:.0f}" if base and config != "a" else "-"
            failed = sum(1 for r in runs if r["exit_code"] != "0")
            note = f"  ({failed} run(s) exited non-zero)" if failed else ""
            label = f"{config}: {CONFIG_LABELS.get(config, config)}"
            received = [r for r in runs if r.get("spans_received")]
            if received:
                lost = sum(int(r["spans_file"]) - int(r["spans_received"]) for r in received)
                note += f"  (OTLP: {sum(int(r['spans_received']) for r in received)} of {sum(int(r['spans_file']) for r in received)} spans arrived"
                note += ")" if lost == 0 else f", {lost} missing)"
            print(f"  {label:<32} {len(runs):>4} {figures['wall_s']:>7.2f} {ratio_wall:>6} {figures['peak_tree_mb']:>7.0f} {ratio_mem:>6}"
                  f" {figures['cpu_testhost_s']:>8.2f} {figures['cpu_vstest_s']:>7.2f} {per_test:>7}"
                  f" {figures['peak_testhost_mb']:>7.0f} {figures['peak_vstest_mb']:>6.0f}{note}")
    print("\n  wall/a, mem/a: medians' ratios to a; host/vst cpu: CPU seconds (user+system) of testhost and"
          "\n  vstest.console; us/test: the CPU both add over a, per test; host/vst MB: each one's peak RSS.")


def spans(argv):
    if len(argv) != 1:
        sys.exit("usage: measure.py spans DIR")
    import json
    count = 0
    for folder, _, files in os.walk(argv[0]):
        for name in files:
            if name.endswith(".otlp.jsonl"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    for line in f:
                        if line.strip():
                            data = json.loads(line)
                            count += sum(len(scope.get("spans", [])) for resource in data.get("resourceSpans", [])
                                         for scope in resource.get("scopeSpans", []))
    print(count)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "summary", "spans"):
        sys.exit(__doc__)
    {"run": run, "summary": summary, "spans": spans}[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
