#!/usr/bin/env python3
"""Recounts the observed outcomes in a reference suite's answer key from its recorded runs.

    eng/answer-key.py SUITE [SUITE...]

Reads tests/FlakyCollector.Analysis.Tests/Recorded/<SUITE>/answer-key.json (the designed cause of
each test, written by hand) and every <label>/*.otlp.jsonl.gz beside it, and rewrites the key's
"observed" part: per label, the runs, and per test its executions and failures. A test seen in the
recordings but missing from the design, or designed but never seen, is an error: the key must
describe the suite that was recorded. FlakyCollector.Analysis.Tests (RecordedSuiteTests) counts
the same way and holds the key to it.
"""
import gzip
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tests/FlakyCollector.Analysis.Tests/Recorded"


def attributes(span):
    return {a["key"]: next(iter(a["value"].values())) for a in span.get("attributes", [])}


def test_outcomes(path):
    """(test name, status) of every test span in one run's file."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            for resource in json.loads(line).get("resourceSpans", []):
                for scope in resource.get("scopeSpans", []):
                    for span in scope.get("spans", []):
                        tags = attributes(span)
                        if "test.case.name" in tags and "test.case.result.status" in tags:
                            yield tags["test.case.name"], tags["test.case.result.status"]


def observe(suite_dir):
    observed = {}
    for label_dir in sorted(p for p in suite_dir.iterdir() if p.is_dir()):
        runs = sorted(label_dir.glob("*.otlp.jsonl.gz"))
        tests = {}
        for run in runs:
            for name, status in test_outcomes(run):
                entry = tests.setdefault(name, {"executions": 0, "failures": 0})
                entry["executions"] += 1
                entry["failures"] += status == "fail"
        observed[label_dir.name] = {"runs": len(runs), "tests": dict(sorted(tests.items()))}
    return observed


def main(suites):
    status = 0
    for suite in suites:
        key_path = ROOT / suite / "answer-key.json"
        key = json.loads(key_path.read_text(encoding="utf-8"))
        observed = observe(ROOT / suite)
        seen = {name for label in observed.values() for name in label["tests"]}
        designed = set(key["tests"])
        for name in sorted(seen - designed):
            print(f"{suite}: {name} was recorded but has no designed cause", file=sys.stderr)
            status = 1
        for name in sorted(designed - seen):
            print(f"{suite}: {name} is designed but was never recorded", file=sys.stderr)
            status = 1
        key["observed"] = observed
        key_path.write_text(json.dumps(key, indent=2) + "\n", encoding="utf-8")
        for label, runs in observed.items():
            print(f"{suite} {label}: {runs['runs']} runs")
            for name, entry in runs["tests"].items():
                cause = key["tests"].get(name, {}).get("cause", "?")
                print(f"  {entry['failures']:3}/{entry['executions']:<3} {cause:15} {name}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
