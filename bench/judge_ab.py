#!/usr/bin/env python3
"""The data-in-code judgement of two tidy trees on the same modules, in one run.

usage: bench/judge_ab.py --before SRC [--after SRC] TREE...

SRC is a tidy source tree (`git archive REF | tar x -C DIR` for an old commit; --after
defaults to this checkout). For every .py of 64 kB or more under each TREE (one package's
tree each), a worker process per tidy judges the module's bytes, already in memory, best of
REPEAT CPU times; the two workers take turns module by module, so both see the same load.
Prints, per package, MB judged, each tidy's MB/s and its slowest module's s/MB, the verdicts
that differ, and the slowest module of all.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field

BIG = 64_000
REPEAT = 5
ROUNDS = 2

_WORKER = r"""
import json, sys, time
from tidy.analysis.data_in_code import judge_python
for line in sys.stdin:
    path = line.rstrip("\n")
    with open(path, "rb") as f:
        data = f.read()
    best = float("inf")
    for _ in range(int(sys.argv[1])):
        started = time.process_time()
        verdict = judge_python(data)
        best = min(best, time.process_time() - started)
    print(json.dumps([best, verdict.is_data, bool(verdict.giant_strings)]), flush=True)
"""


@dataclass
class Side:
    src: str
    seconds: dict[str, float] = field(default_factory=dict)
    verdicts: dict[str, tuple[bool, bool]] = field(default_factory=dict)

    def start(self) -> subprocess.Popen[str]:
        env = {**os.environ, "PYTHONPATH": self.src}
        return subprocess.Popen([sys.executable, "-c", _WORKER, str(REPEAT)], env=env, cwd="/",
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def modules(tree: str) -> list[str]:
    found = []
    for folder, dirs, names in os.walk(tree):
        dirs[:] = [d for d in dirs if d not in (".git", "__pycache__")]
        found += [os.path.join(folder, n) for n in names
                  if n.endswith(".py") and os.path.getsize(os.path.join(folder, n)) >= BIG]
    return sorted(found)


def judge(side: Side, worker: subprocess.Popen[str], path: str) -> None:
    assert worker.stdin is not None and worker.stdout is not None
    worker.stdin.write(path + "\n")
    worker.stdin.flush()
    seconds, is_data, giant = json.loads(worker.stdout.readline())
    side.seconds[path] = min(side.seconds.get(path, float("inf")), seconds)
    side.verdicts[path] = (is_data, giant)


def row(name: str, paths: list[str], before: Side, after: Side) -> str:
    size = sum(os.path.getsize(p) for p in paths)
    cells = [name, f"{size / 1e6:.2f}"]
    for side in (before, after):
        spent = sum(side.seconds[p] for p in paths)
        slowest = max(paths, key=lambda p: side.seconds[p] / os.path.getsize(p))
        cells += [f"{size / 1e6 / max(spent, 1e-6):.0f}",
                  f"{side.seconds[slowest] / (os.path.getsize(slowest) / 1e6):.3f} "
                  f"({os.path.basename(slowest)})"]
    changed = [os.path.basename(p) for p in paths if before.verdicts[p] != after.verdicts[p]]
    return "| " + " | ".join(cells) + f" | {', '.join(changed) or '-'} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", default=os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    parser.add_argument("trees", nargs="+")
    args = parser.parse_args(argv)
    before, after = Side(args.before), Side(args.after)
    workers = (before.start(), after.start())
    per_tree = {tree: modules(tree) for tree in args.trees}
    for _ in range(ROUNDS):
        for paths in per_tree.values():
            for path in paths:
                judge(before, workers[0], path)
                judge(after, workers[1], path)
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()
    print("| package | MB (.py >= 64 kB) | before MB/s | before slowest s/MB | after MB/s | "
          "after slowest s/MB | verdicts changed |")
    print("| --- | ---: | ---: | --- | ---: | --- | --- |")
    every = [p for paths in per_tree.values() for p in paths]
    for tree, paths in per_tree.items():
        if paths:
            print(row(os.path.basename(tree.rstrip("/")), paths, before, after))
    if every:
        print(row("all", every, before, after))
    print(f"\nload average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores; best of {REPEAT} "
          f"CPU times, {ROUNDS} rounds, the two tidies taking turns module by module")
    return 0


if __name__ == "__main__":
    sys.exit(main())
