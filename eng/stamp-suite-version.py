#!/usr/bin/env python3
"""Stamps recorded runs of a reference suite with the version of the suite's own source.

    eng/stamp-suite-version.py SUITE [SUITE...]

A recorded run's vcs.ref.head.revision is the repository's head when it was recorded; the code
under test is only the suite's folder. For each tests/FlakyCollector.Analysis.Tests/Recorded/
<SUITE>/<label>/<run>.otlp.jsonl.gz whose <run>.meta.json names a commit this repository has, the
revision becomes the git tree id of tests/samples/<SUITE> at that commit (what
eng/record-real-traces.sh now stamps while recording), and the meta gains "suiteVersion". Runs of
an unchanged suite then count as one commit to the analysis; runs of a changed suite stay apart.
A commit the repository lacks leaves its run as recorded, and says so.
"""
import gzip
import json
import pathlib
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
ROOT = REPO / "tests/FlakyCollector.Analysis.Tests/Recorded"
KEY = "vcs.ref.head.revision"


def suite_version(suite, commit):
    done = subprocess.run(["git", "-C", str(REPO), "rev-parse", f"{commit}:tests/samples/{suite}"],
                          capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def stamp_line(line, version):
    data = json.loads(line)
    for kind in ("resourceSpans", "resourceLogs"):
        for resource in data.get(kind, []):
            attributes = resource.setdefault("resource", {}).setdefault("attributes", [])
            attributes[:] = [a for a in attributes if a["key"] != KEY]
            attributes.append({"key": KEY, "value": {"stringValue": version}})
    return json.dumps(data, separators=(",", ":"))


def stamp(suite):
    for meta_path in sorted((ROOT / suite).glob("*/*.meta.json")):
        meta = json.loads(meta_path.read_text())
        trace = meta_path.with_name(meta_path.name.replace(".meta.json", ".otlp.jsonl.gz"))
        version = meta.get("suiteVersion") or suite_version(suite, meta["commit"])
        if version is None:
            print(f"{meta_path.relative_to(ROOT)}: commit {meta['commit']} has no tests/samples/{suite} here; left as recorded")
            continue
        with gzip.open(trace, "rt", encoding="utf-8") as lines:
            stamped = [stamp_line(line, version) for line in lines if line.strip()]
        with gzip.open(trace, "wt", encoding="utf-8", compresslevel=9) as out:
            out.write("\n".join(stamped) + "\n")
        meta["suiteVersion"] = version
        meta_path.write_text(json.dumps(meta) + "\n")
    print(f"{suite}: stamped")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for name in sys.argv[1:]:
        stamp(name)
