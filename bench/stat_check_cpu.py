"""stat_check_cpu.py TREE [RUNS]: the CPU of a warm early job's stat check alone, the cost lead 1
of warm-stats-25 would take off a warm rescan (issue 16): measure.lstat_changed over every file
of TREE's content cache, with its keys, through the root's descriptor, as run_pass asks it;
thread CPU (user + system) min and median of RUNS (default 21), with os.times' user/system
split (10 ms ticks). TREE must have been scanned (its cache in its git folder) under the same
TIDY_STATE_DIR and HOME (temp folders); nothing is written. Run it under /work/tools/prio.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Sequence

from tidy.workspace import content_cache
from tidy.workspace.measure import lstat_changed, open_folder


def main(argv: list[str]) -> int:
    tree = os.path.abspath(argv[0])
    runs = int(argv[1]) if len(argv) > 1 else 21
    path = content_cache.cache_path(tree)
    with open(path, "rb") as cache:
        shape = json.loads(cache.readline())["shape"]
    loaded = content_cache.load(path, tree, shape)
    rels = sorted(loaded.entries)
    keys = [loaded.entries[rel].key for rel in rels]
    folder = open_folder(tree)
    cpu: list[float] = []
    user: list[float] = []
    system: list[float] = []
    found: Sequence[object] = []
    for _ in range(runs):
        before, ticks = time.thread_time(), os.times()
        found = lstat_changed(folder, rels, keys, 1 << 62)
        cpu.append(time.thread_time() - before)
        after = os.times()
        user.append(after.user - ticks.user)
        system.append(after.system - ticks.system)
    os.close(folder)
    print(f"{len(rels):,} cached files, {sum(f is None for f in found):,} unchanged: thread CPU "
          f"min {min(cpu) * 1e3:.1f} ms, median {statistics.median(cpu) * 1e3:.1f} ms "
          f"(user {statistics.median(user) * 1e3:.0f} ms, system "
          f"{statistics.median(system) * 1e3:.0f} ms, medians of 10 ms ticks)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
