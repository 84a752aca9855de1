"""tail_cpu.py RUNS TREE_A PYTHON_A [TREE_B PYTHON_B]: the main process's CPU in the parts of a
warm `tidy scan --format json -q TREE` outside the walk, each python's tidy on its own copy of
the tree, runs alternated, medians (ms of thread CPU, the main thread's own).

Parts: the catalogue's build (`Config.catalog`), the early job's imports before the fork
(`engine._early_imports`), a group's judging after the walk (`engine._group`) and its checks
(`engine._findings`), the JSON render (`cli.scan._render`); and the process's CPU when the walk
starts. Each run is a fresh process (`python tail_cpu.py --one TREE`) with a state folder and
HOME of its own (temp folders). A warm scan writes its caches into TREE's git folder: give each
python a copy (`cp -a`), never a shared bench tree. One untimed scan of each copy first.

    python bench/tail_cpu.py 11 /tmp/x/a /work/venvs/main/bin/python /tmp/x/b \\
        /work/venvs/BRANCH/bin/python
"""

from __future__ import annotations

import collections
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

_PARTS = (("tidy.core.config", "Config", "catalog"), ("tidy.engine", None, "_early_imports"),
          ("tidy.engine", None, "_group"), ("tidy.engine", None, "_findings"),
          ("tidy.cli.scan", None, "_render"))


def _one(tree: str) -> dict[str, float]:
    """One warm scan in this process: thread CPU (ms) of each part, summed over its calls."""
    import importlib

    spent: dict[str, float] = collections.defaultdict(float)
    at_walk: list[float] = []

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += (time.thread_time() - started) * 1000
        return wrapper

    from tidy.cli import main

    for module_name, class_name, name in _PARTS:
        module = importlib.import_module(module_name)
        owner = getattr(module, class_name) if class_name else module
        setattr(owner, name, timed(name, getattr(owner, name)))
    walk_module = importlib.import_module("tidy.workspace.walk")
    walk_run = walk_module.Walker.run

    def spy(self: object, *args: Any, **kwargs: Any) -> Any:
        at_walk.append(time.process_time() * 1000)
        return walk_run(self, *args, **kwargs)

    walk_module.Walker.run = spy
    stdout = sys.stdout
    with open(os.devnull, "w", encoding="utf-8") as sys.stdout:
        main(["scan", "--format", "json", "-q", tree])
    sys.stdout = stdout
    return {**spent, "CPU at walk start": at_walk[0] if at_walk else -1.0}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(_one(argv[1])))
        return 0
    if len(argv) not in (3, 5):
        print(__doc__, file=sys.stderr)
        return 2
    runs = int(argv[0])
    sides = [(argv[i + 1], argv[i]) for i in range(1, len(argv), 2)]  # (python, tree)
    seen: dict[str, dict[str, list[float]]] = {p: collections.defaultdict(list) for p, _ in sides}
    with tempfile.TemporaryDirectory(prefix="tail-cpu-") as temp:
        env = {**os.environ, "TIDY_STATE_DIR": os.path.join(temp, "state"),
               "HOME": os.path.join(temp, "home")}
        os.makedirs(env["HOME"])
        for python, tree in sides:  # untimed: the caches fresh
            subprocess.run([python, "-m", "tidy", "scan", "--format", "json", "-q", tree],
                           capture_output=True, env=env, check=False, cwd="/")
        for _ in range(runs):
            for python, tree in sides:
                done = subprocess.run([python, os.path.abspath(__file__), "--one", tree],
                                      capture_output=True, text=True, env=env, check=True,
                                      cwd="/")
                for part, ms in json.loads(done.stdout.splitlines()[-1]).items():
                    seen[python][part].append(ms)
    for python, parts in seen.items():
        print(python)
        for part, values in parts.items():
            print(f"  {part:20s} median {statistics.median(values):7.2f} ms  "
                  f"min {min(values):7.2f}  (n={len(values)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
