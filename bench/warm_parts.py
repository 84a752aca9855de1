"""warm_parts.py TREE [RUNS]: two parts of a warm scan of TREE (a git repo), each beside what
it replaced, in this process (run it under /work/tools/prio).

- the index listing: `blobs.list_index` (git ls-files -s -z and its parse) against
  `index_cache.load` of the listing kept for that index (written to a temp folder, not into
  the tree's git directory);
- the explorer's lstat: scandir + os.lstat(name, dir_fd) of every entry of the folders a walk
  explores (all but the usual artifact folders) against scandir + measure.lstat_entries (the C
  call a folder where it was built).

Medians of RUNS (default 5); nothing in TREE is written.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

from tidy.workspace import blobs, index_cache, measure

_NOT_EXPLORED = frozenset({"node_modules", ".git", ".venv", "__pycache__", "dist", "build",
                           ".next", "target"})


def median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def explored_folders(tree: str) -> list[str]:
    found = []
    for path, dirs, _files in os.walk(tree):
        dirs[:] = [d for d in dirs if d not in _NOT_EXPLORED]
        found.append(path)
    return found


def lstat_all(folders: list[str], native: bool) -> int:
    count = 0
    for folder in folders:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            with os.scandir(folder) as it:
                listing = list(it)
            if native:
                count += len(measure.lstat_entries(fd, listing))
            else:
                for entry in listing:
                    os.lstat(entry.name, dir_fd=fd)
                    count += 1
        finally:
            os.close(fd)
    return count


def main(argv: list[str]) -> int:
    tree = os.path.realpath(argv[0])
    runs = int(argv[1]) if len(argv) > 1 else 5
    stamp = index_cache.index_stamp(tree)
    if stamp is None:
        print(f"{tree}: no git index", file=sys.stderr)
        return 2
    listing = blobs.list_index(tree)
    with tempfile.TemporaryDirectory() as temp:
        path = os.path.join(temp, "git", index_cache.CACHE_FOLDER, index_cache.CACHE_NAME)
        os.makedirs(os.path.dirname(os.path.dirname(path)))
        if not index_cache.save(path, tree, stamp, listing):
            print("the listing could not be kept", file=sys.stderr)
            return 1
        time.sleep(0.05)  # the kept file newer than the index by a tick (the racy rule)
        assert index_cache.load(path, tree, stamp) == listing
        git = median_ms(lambda: blobs.list_index(tree), runs)
        kept = median_ms(lambda: index_cache.load(path, tree, stamp), runs)
    print(f"index listing, {len(listing.paths):,} paths: git ls-files + parse {git:.1f} ms, "
          f"kept listing {kept:.1f} ms")
    folders = explored_folders(tree)
    entries = lstat_all(folders, native=False)
    python = median_ms(lambda: lstat_all(folders, native=False), runs)
    native = median_ms(lambda: lstat_all(folders, native=True), runs)
    print(f"explorer's lstat, {entries:,} entries in {len(folders):,} folders: os.lstat "
          f"{python * 1000 / entries:.2f} us an entry, lstat_entries "
          f"{native * 1000 / entries:.2f} us ({'C' if measure._native_lstat else 'Python'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
