"""stat_ceiling.py RUNS TREE: the most a warm rescan could gain if its early job made no stat of
its own (lead 1 of warm-stats-25, issue 16). A: a warm `tidy scan --format json -q TREE` as it
is; B: the same scan with content.lstat_changed answering "unchanged" for every cached file
without looking (an experiment only: it trusts the cache blindly, and would miss any edit).
Both through the same wrapper, alternated, one untimed run each first; wall and the scan's CPU
(its processes' user + system) per run, medians. TREE: a copy scanned before, with
TIDY_STATE_DIR and HOME set to temp folders (as for every tidy run); run it under
/work/tools/prio. Nothing in TREE changes between runs, so both report the same.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time

_WRAP = r'''
import runpy, sys
if sys.argv.pop(1) == "B":
    from tidy.workspace import content
    content.lstat_changed = lambda fd, paths, keys, below: [None] * len(paths)
sys.argv[0] = "tidy"
runpy.run_module("tidy", run_name="__main__")
'''


def _one(side: str, tree: str) -> tuple[float, float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _WRAP, side, "scan", "--format", "json", "-q", tree],
                   stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime


def main(argv: list[str]) -> int:
    runs, tree = int(argv[0]), argv[1]
    got: dict[str, list[tuple[float, float, float]]] = {"A": [], "B": []}
    _one("A", tree)
    _one("B", tree)
    load = os.getloadavg()[0]
    for _ in range(runs):
        for side in "AB":
            got[side].append(_one(side, tree))
    for side in "AB":
        wall, user, system = zip(*got[side], strict=True)
        print(f"{side}: wall median {statistics.median(wall):.3f} s (min {min(wall):.3f}), user "
              f"{statistics.median(user):.3f}, system {statistics.median(system):.3f}, CPU "
              f"{statistics.median([u + s for u, s in zip(user, system, strict=True)]):.3f} s")
    print(f"load {load:.1f} -> {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
