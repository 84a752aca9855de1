#!/usr/bin/env python3
"""early_job_cpu.py TREE [ROUNDS]: the CPU of the scan's early job over TREE's repo, in this
process (no pool, no split): `early.run_task` as a pool worker runs it, with the kept index
listing (workspace/index_cache), median of ROUNDS (default 5) runs each way:

  hit   a rescan of the same index: the kept listing and its rules' answers used
  miss  the kept listing deleted first (the scan after the index changed): git lists the
        index, every answer is worked out and the listing written with them

Run it with the python of the checkout to measure, under /work/tools/prio, with
TIDY_STATE_DIR and HOME set to temp folders; it deletes and rewrites TREE's
.git/tidy/index-listing, nothing else.
"""

from __future__ import annotations

import os
import statistics
import sys
import time


def main(argv: list[str]) -> int:
    if not argv or not os.environ.get("TIDY_STATE_DIR") or not os.environ.get("HOME"):
        print(__doc__, file=sys.stderr)
        return 2
    from tidy import engine
    from tidy.core import config
    from tidy.workspace import index_cache
    from tidy.workspace.early import run_task

    root, rounds = os.path.realpath(argv[0]), int(argv[1]) if len(argv) > 1 else 5
    task = engine._early_task(config.load(root), True, split=None)
    engine._early_imports()
    run_task(task, root, True)  # the caches as a warm scan finds them
    path = index_cache.cache_path(root)
    if path is None:
        print(f"{root}: no git directory of this user's", file=sys.stderr)
        return 2
    miss, hit = [], []
    for _ in range(rounds):
        os.unlink(path)
        started = time.process_time()
        run_task(task, root, True)
        miss.append(time.process_time() - started)
    for _ in range(rounds):
        started = time.process_time()
        run_task(task, root, True)
        hit.append(time.process_time() - started)
    print(f"miss {statistics.median(miss) * 1000:.1f} ms  "
          f"hit {statistics.median(hit) * 1000:.1f} ms  (CPU, medians of {rounds})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
