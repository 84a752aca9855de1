"""classify_calls.py record|time: the walk's classify_dir, its Python alone (issue 16).

`record PYTHON TREE OUT`: a warm `tidy scan --format json -q TREE` run by PYTHON, every
classify_dir call of its main process (path, name, siblings, names inside) pickled to OUT.
`time OUT [RUNS]`: run with each python to compare: the same calls again on a Catalog of the
built-in kinds (once untimed: its caches warm), best thread CPU of RUNS passes. The calls read
the tree as the walk did (evidence: markers, settings, listings): keep TREE in place between
the two. A state folder and HOME of their own (temp folders) for the recorded scan.

    python bench/classify_calls.py record /work/venvs/main/bin/python /tmp/x/a /tmp/x/calls
    /work/venvs/main/bin/python bench/classify_calls.py time /tmp/x/calls
    /work/venvs/BRANCH/bin/python bench/classify_calls.py time /tmp/x/calls
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import time

_RECORD = r"""
import pickle, sys
from tidy.core import catalog
calls = []
classify = catalog.Catalog.classify_dir
def recorded(self, path, name, siblings, inside, evidence=None):
    calls.append((path, name, frozenset(siblings), frozenset(inside)))
    return classify(self, path, name, siblings, inside, evidence)
catalog.Catalog.classify_dir = recorded
from tidy.cli import main
try:
    main(["scan", "--format", "json", "-q", sys.argv[1]])
finally:
    with open(sys.argv[2], "wb") as out:
        pickle.dump(calls, out)
"""


def record(python: str, tree: str, out: str) -> None:
    with tempfile.TemporaryDirectory(prefix="classify-calls-") as temp:
        env = {**os.environ, "TIDY_STATE_DIR": os.path.join(temp, "state"),
               "HOME": os.path.join(temp, "home")}
        os.makedirs(env["HOME"])
        subprocess.run([python, "-m", "tidy", "scan", "--format", "json", "-q", tree],
                       capture_output=True, env=env, check=False, cwd="/")
        subprocess.run([python, "-c", _RECORD, tree, out], stdout=subprocess.DEVNULL,
                       env=env, check=True, cwd="/")


def timed(path: str, runs: int) -> None:
    from tidy.core.catalog import Catalog, load_builtin

    with open(path, "rb") as f:
        calls = [(p, n, set(s), set(i)) for p, n, s, i in pickle.load(f)]
    catalog = Catalog(load_builtin())
    kinds = [catalog.classify_dir(*call) for call in calls]
    best = float("inf")
    for _ in range(runs):
        started = time.thread_time()
        again = [catalog.classify_dir(*call) for call in calls]
        best = min(best, time.thread_time() - started)
    assert again == kinds
    print(f"{sys.executable}: {len(calls)} classify_dir calls, best of {runs}: "
          f"{best * 1000:.1f} ms ({best / len(calls) * 1e6:.1f} us a call), "
          f"{sum(k is not None for k in kinds)} of a kind")


def main(argv: list[str]) -> int:
    if argv[:1] == ["record"] and len(argv) == 4:
        record(*argv[1:])
        return 0
    if argv[:1] == ["time"] and len(argv) in (2, 3):
        timed(argv[1], int(argv[2]) if len(argv) == 3 else 7)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
