"""The Python measuring loop of two checkouts on one tree (trust round 9: folders opened
relative to their parent's descriptor instead of by path).

    python bench/bench_measure_python_ab.py TREE OLD_CHECKOUT NEW_CHECKOUT [RUNS]

The folders right below TREE are the roots, as the walk hands an artifact's subfolders over.
Each run is a fresh process with `PYTHONPATH` on one checkout and `TIDY_PURE_PYTHON=1`,
timing one `measure_roots_in_python` call (wall); old and new interleaved, medians printed.
Both must give the same files, folders and bytes, or the run stops.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

_CODE = r"""
import os, sys, time
from tidy.workspace.measure import measure_roots_in_python
top = sys.argv[1]
roots = [(e.path, e.name, e.name.startswith(".")) for e in os.scandir(top)
         if e.is_dir(follow_symlinks=False)]
start = time.perf_counter()
out = measure_roots_in_python(roots, os.lstat(top).st_dev, False)
print(time.perf_counter() - start, out.files, out.dirs, out.apparent)
"""


def one(tree: str, checkout: str) -> tuple[float, tuple[str, ...]]:
    env = dict(os.environ, PYTHONPATH=checkout, TIDY_PURE_PYTHON="1")
    words = subprocess.run([sys.executable, "-c", _CODE, tree], env=env, capture_output=True,
                           text=True, check=True).stdout.split()
    return float(words[0]), tuple(words[1:])


def main(argv: list[str]) -> int:
    tree, old, new = argv[:3]
    runs = int(argv[3]) if len(argv) > 3 else 7
    times: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(runs):
        answers = set()
        for name, checkout in (("old", old), ("new", new)):
            took, answer = one(tree, checkout)
            times[name].append(took)
            answers.add(answer)
        if len(answers) != 1:
            print(f"the two loops disagree: {answers}")
            return 1
    for name, seen in times.items():
        print(f"{name}: median {statistics.median(seen):.3f} s over {runs} "
              f"({', '.join(f'{t:.3f}' for t in seen)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
