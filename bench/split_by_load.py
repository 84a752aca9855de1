#!/usr/bin/env python3
"""split_by_load.py TREE RUNS SPINNERS LABEL=PYTHON...: cold scans (`tidy scan --format json -q
--no-cache TREE`) by each python, interleaved, with 0..SPINNERS extra busy processes (`yes`
into /dev/null, started and stopped here by their pids) running beside them: what the content
pass's split (a forked child) costs and buys as the machine's other load grows. Medians of
wall and CPU (user + system of the scan and its children) per python and added load.

    TIDY_STATE_DIR=/tmp/x/state HOME=/tmp/x/home python bench/split_by_load.py TREE 7 2 \\
        old=/tmp/x/py-old new=/work/wt/B/.venv/bin/python never=/tmp/x/py-never

Every scan runs with the state folder and HOME of the environment (set them to temp folders:
refused otherwise). The load average at the start of each added load is printed with it.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time


def scan(python: str, tree: str) -> tuple[float, float]:
    """Wall and CPU seconds of one cold scan (its children's CPU included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([python, "-m", "tidy", "scan", "--format", "json", "-q", "--no-cache", tree],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd="/")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str]) -> int:
    if len(argv) < 4 or not os.environ.get("TIDY_STATE_DIR") or not os.environ.get("HOME"):
        print(__doc__, file=sys.stderr)
        return 2
    tree, runs, spinners = argv[0], int(argv[1]), int(argv[2])
    pythons = dict(item.split("=", 1) for item in argv[3:])
    for python in pythons.values():  # untimed: page cache and the interpreters' files warm
        scan(python, tree)
    for extra in range(spinners + 1):
        busy = [subprocess.Popen(["yes"], stdout=subprocess.DEVNULL) for _ in range(extra)]
        try:
            time.sleep(1.0)
            load = os.getloadavg()[0]
            seen: dict[str, list[tuple[float, float]]] = {label: [] for label in pythons}
            for _ in range(runs):
                for label, python in pythons.items():
                    seen[label].append(scan(python, tree))
        finally:
            for proc in busy:
                proc.kill()
                proc.wait()
        for label, figures in seen.items():
            wall = statistics.median(w for w, _ in figures)
            cpu = statistics.median(c for _, c in figures)
            print(f"+{extra} busy (load {load:.1f}) {label:8s} wall {wall:.3f} s "
                  f"(min {min(w for w, _ in figures):.3f})  cpu {cpu:.3f} s  n={len(figures)}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
