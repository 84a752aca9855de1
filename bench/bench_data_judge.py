#!/usr/bin/env python3
"""Throughput and accuracy of the data-in-code judgement alone (tidy.analysis.data_in_code).

usage: bench/bench_data_judge.py [--corpus DIR] [--manifest TOML] [--mock PATH] [--all]

Judges every .py file under the corpus tree (bench/corpus/build.py makes it, one folder per
package) from bytes already in memory, so the figure is the judgement's own speed, not the
disk's: MB/s over all files, over files of 64 kB or more, and on the seed-shaped module
(shared/bench/mkmockapi.py; pass --mock PATH to a generated copy). Then, for every module the
manifest labels, its literal fraction and verdict: the threshold in DataSettings is chosen
from this table (the smallest fraction of a data module against the largest of a code one).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from tidy.analysis.data_in_code import DataVerdict, judge_python  # noqa: E402

BIG = 64_000


def _files(root: str) -> list[str]:
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in (".git", "venv", "__pycache__")]
        found += [os.path.join(folder, n) for n in names if n.endswith(".py")]
    return sorted(found)


def _timed(data: bytes, repeat: int = 3) -> tuple[float, DataVerdict]:
    best, verdict = float("inf"), None
    for _ in range(repeat):
        started = time.process_time()
        verdict = judge_python(data)
        best = min(best, time.process_time() - started)
    assert verdict is not None
    return best, verdict


def throughput(files: list[str]) -> None:
    totals = {"all": [0, 0.0], f">= {BIG // 1000} kB": [0, 0.0]}
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        seconds, _ = _timed(data, 2)
        totals["all"][0] += len(data)
        totals["all"][1] += seconds
        if len(data) >= BIG:
            totals[f">= {BIG // 1000} kB"][0] += len(data)
            totals[f">= {BIG // 1000} kB"][1] += seconds
    for label, (size, seconds) in totals.items():
        print(f"corpus .py files {label}: {size / 1e6:.1f} MB in {seconds:.2f} s = "
              f"{size / 1e6 / seconds:.0f} MB/s")


def labelled(manifest: str, tree: str) -> None:
    with open(manifest, "rb") as f:
        packages = tomllib.load(f)["package"]
    rows = []
    for package in packages:
        key = package["name"].lower().replace("_", "-").replace(".", "-")
        for module in package.get("module", []):
            path = os.path.join(tree, key, module["path"])
            if not os.path.exists(path):
                print(f"missing: {path}", file=sys.stderr)
                continue
            with open(path, "rb") as f:
                data = f.read()
            seconds, verdict = _timed(data)
            rows.append((module["label"], verdict, key, module["path"], seconds, data))
    print("| label | module | kB | fraction | TDY301 | TDY302 | complete | ms | shapes |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, v, key, path, seconds, data in sorted(
            rows, key=lambda r: (r[0], -r[1].literal_fraction)):
        giant = ",".join(g.name for g in v.giant_strings)
        print(f"| {label} | {key}:{path} | {len(data) / 1000:.0f} | {v.literal_fraction:.2f} | "
              f"{'yes' if v.is_data else '-'} | {giant or '-'} | {v.complete} | "
              f"{seconds * 1000:.1f} | {' '.join(v.shapes)} {v.error} |")
    data_big = [r for r in rows if r[0] == "data" and len(r[5]) >= BIG]
    found = [r for r in data_big if r[1].is_data or r[1].giant_strings]
    code_flagged = [r for r in rows if r[0] == "code" and (r[1].is_data or r[1].giant_strings)]
    print(f"\ndata >= 64 kB found: {len(found)} of {len(data_big)}; code flagged: "
          f"{len(code_flagged)} of {sum(r[0] == 'code' for r in rows)}")
    for r in data_big:
        if r not in found:
            print(f"  missed: {r[2]}:{r[3]} fraction {r[1].literal_fraction:.2f}")
    for r in code_flagged:
        print(f"  FLAGGED CODE: {r[2]}:{r[3]} fraction {r[1].literal_fraction:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=os.path.join(HERE, "out", "corpus"))
    parser.add_argument("--manifest", default=os.path.join(HERE, "corpus", "manifest.toml"))
    parser.add_argument("--mock", default="")
    args = parser.parse_args()
    tree = os.path.join(args.corpus, "tree")
    if args.mock:
        with open(args.mock, "rb") as f:
            data = f.read()
        seconds, verdict = _timed(data)
        print(f"seed-shaped module: {len(data) / 1e6:.1f} MB in {seconds:.3f} s = "
              f"{len(data) / 1e6 / seconds:.0f} MB/s, is_data={verdict.is_data}")
    throughput(_files(tree))
    labelled(args.manifest, tree)
    return 0


if __name__ == "__main__":
    sys.exit(main())
