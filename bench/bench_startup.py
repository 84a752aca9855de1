#!/usr/bin/env python3
"""bench_startup.py [--runs N] [--command CMD] PYTHON... TREE: a command's start-up, side by side.

How long each python's tidy takes from its first line (importing tidy.__main__, then run(),
as the `tidy` script does) until the walk starts (issue 16: the main process's start-up:
imports, click, the settings, the catalogue, git's first questions, the worker pool's start),
and its CPU then (the interpreter's own start included); until the command ended; and how
many cyclic collections ran before the walk. The runs alternate between the pythons, each under
/work/tools/prio when it exists; medians. The tree should be warm (one untimed run of each
python goes first).

    python bench/bench_startup.py --runs 21 /work/venvs/main/bin/python \\
        /work/venvs/BRANCH/bin/python /tmp/tidy-bench/tree-250k
    python bench/bench_startup.py --command "fix --dry-run" ... /tmp/tidy-bench/webapp

Each run has TIDY_STATE_DIR in the bench folder and a HOME of its own there, never the user's.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness as h

PRIO = "/work/tools/prio"

# Run in each python: marks the walk's start (tidy.engine.walk, wrapped as the engine module
# is loaded, so that nothing of tidy is imported ahead of the command's own start), counts the
# collections, then prints one JSON line to stderr.
PROBE = r"""
import gc, importlib.machinery, json, os, sys, time
started = time.perf_counter()
collections = []
gc.callbacks.append(lambda phase, info: collections.append(info["generation"])
                    if phase == "start" else None)
marks = {}

class _WrapWalk:
    def find_spec(self, name, path, target=None):
        if name != "tidy.engine":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run_module = spec.loader.exec_module
        def exec_module(module):
            run_module(module)
            walk = module.walk
            def marked(*args, **kwargs):
                marks.setdefault("walk_ms", (time.perf_counter() - started) * 1000)
                marks.setdefault("walk_cpu_ms", time.process_time() * 1000)
                marks.setdefault("collections", len(collections))
                return walk(*args, **kwargs)
            module.walk = marked
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _WrapWalk())
from tidy.__main__ import run
collections.clear()  # from the entry on, as the tidy script's run()
sys.argv = ["tidy", *sys.argv[1:]]
code = run()
marks["end_ms"] = (time.perf_counter() - started) * 1000
marks["end_cpu_ms"] = time.process_time() * 1000
sys.stderr.write("\n" + json.dumps(marks) + "\n")
"""


def one_run(python: str, command: list[str], tree: str, env: dict[str, str]) -> dict[str, float]:
    prefix = [PRIO] if os.access(PRIO, os.X_OK) else []
    done = subprocess.run([*prefix, python, "-c", PROBE, *command, "--format", "json", "-q",
                           tree], capture_output=True, text=True, env=env, cwd="/", check=False)
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "{}"
    try:
        found = json.loads(last)
    except ValueError:
        found = {}
    if "walk_ms" not in found:
        sys.exit(f"bench_startup: {python}: no walk started (exit {done.returncode}): "
                 f"{done.stderr.strip()[-300:]}")
    return {k: float(v) for k, v in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--command", default="scan", help="tidy's command and its options")
    parser.add_argument("pythons", nargs="+", help="the pythons to compare, then the tree")
    args = parser.parse_args()
    *pythons, tree = args.pythons
    if not pythons:
        parser.error("give at least one python and a tree")
    h.isolate_state()
    home = os.path.join(h.bench_dir(), "home")
    os.makedirs(home, exist_ok=True)
    env = {**os.environ, "HOME": home}
    command = shlex.split(args.command)
    for python in pythons:  # the tree's caches warm for each
        one_run(python, command, tree, env)
    runs: dict[str, list[dict[str, float]]] = {p: [] for p in pythons}
    for _ in range(args.runs):
        for python in pythons:
            runs[python].append(one_run(python, command, tree, env))
    print(f"tidy {args.command} --format json -q {tree}: {args.runs} alternating runs, medians "
          f"(load {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end)")
    for python, found in runs.items():
        def median(key: str, of: list[dict[str, float]] = found) -> float:
            return statistics.median(r[key] for r in of)
        print(f"  {python}: walk starts {median('walk_ms'):.1f} ms after the entry "
              f"(CPU {median('walk_cpu_ms'):.1f} ms, the interpreter's start included; "
              f"{median('collections'):.0f} collections), ends {median('end_ms'):.1f} ms "
              f"(CPU {median('end_cpu_ms'):.1f} ms)")


if __name__ == "__main__":
    main()
