"""classify_folder.py TREE REL [RUNS]: one folder's classify_dir, in this process (run it under
/work/tools/prio, or valgrind --tool=callgrind with RUNS 1 and 11 for the per-call slope).

The folder TREE/REL is classified RUNS times (default 41) by the built-in catalogue, with its
own and its parent's names as the walk hands them; prints the kind (or None) and the thread
CPU's min and median. warm-26: the 250k tree's static/vendor/ketcher/dist, whose subfolders
two kinds' nested signatures each listed. Nothing is written.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from tidy.core.catalog import Catalog, load_builtin


def main() -> None:
    tree, rel = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 41
    catalog = Catalog(load_builtin())
    path = os.path.join(tree, rel)
    inside, siblings = set(os.listdir(path)), set(os.listdir(os.path.dirname(path)))
    times = []
    kind = None
    for _ in range(runs):
        start = time.thread_time()
        kind = catalog.classify_dir(path, os.path.basename(path), siblings, inside)
        times.append(time.thread_time() - start)
    print(kind and kind.name, f"min {min(times) * 1000:.2f} ms median "
          f"{statistics.median(times) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
