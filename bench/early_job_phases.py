#!/usr/bin/env python3
"""early_job_phases.py TREE [RUNS]: a cold scan's early job (engine._index_work, --no-cache, the
pass split as in a scan) run in this process RUNS times (default 3), the CPU and wall of its
parts: the content pass and its rounds, the search's after_pass, the export and hand-over, the
history walk (TDY401), the index's sizing. CPU is this process's only (a split pass's forked
part is not in it); its wall is. Nothing is written to TREE (no cache). Run it with a state
folder and HOME of its own (it refuses otherwise):

    TIDY_STATE_DIR=/tmp/x/state HOME=/tmp/x/home /work/venvs/BRANCH/bin/python \\
        bench/early_job_phases.py /tmp/x/webapp 5
"""

from __future__ import annotations

import collections
import functools
import os
import sys
import time
from collections.abc import Callable
from typing import Any

if not (os.environ.get("TIDY_STATE_DIR") and os.environ.get("HOME", "").startswith("/tmp/")):
    sys.exit("early_job_phases.py: set TIDY_STATE_DIR and HOME to temp folders")

from tidy import engine
from tidy.core.config import Config
from tidy.rules import vendored
from tidy.workspace import content
from tidy.workspace.blobs import list_index

SPENT: collections.Counter[str] = collections.Counter()


def _timed(owner: Any, name: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            SPENT[f"{name} cpu"] += time.process_time() - cpu
            SPENT[f"{name} wall"] += time.perf_counter() - wall

    setattr(owner, name, timed)


def main() -> int:
    tree = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    config = Config(no_cache=True)
    engine._early_imports()
    engine._load_pass_modules(config)
    for owner, name in ((engine, "_early_content"), (content, "split_pass"),
                        (content, "_read_apart"), (content, "_merge"),
                        (vendored.References, "after_pass"), (engine, "_hand_over"),
                        (content.ContentFacts, "export"), (vendored.References, "walk_history"),
                        (engine, "_index_sizing")):
        _timed(owner, name)
    rows: list[dict[str, float]] = []
    for _ in range(runs):
        listing = list_index(tree)
        SPENT.clear()
        cpu, wall = time.process_time(), time.perf_counter()
        engine._index_work(config, True, time.time_ns(), engine._SPLIT_DEFAULT, tree, listing)
        SPENT["early job cpu"] = time.process_time() - cpu
        SPENT["early job wall"] = time.perf_counter() - wall
        rows.append(dict(SPENT))
    for key in rows[-1]:
        print(f"{key:24s} " + " ".join(f"{row.get(key, 0.0) * 1000:7.1f}" for row in rows)
              + "  ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
