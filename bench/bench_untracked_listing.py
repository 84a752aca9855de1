"""bench_untracked_listing.py TREE SKIPFILE ROUNDS [--hits]: TDY401's untracked listing,
git's run against the kept answer (tidy.workspace.untracked_cache).

SKIPFILE holds the folders a scan leaves out (one per line: the `:(exclude,top,literal)`
pathspecs of its `git ls-files --others`, e.g. from `strace -f -s 2000 -e trace=execve`).
Each round lists the untracked files four ways, alternated, and prints the CPU (user + system,
this process and its children; then the main thread's alone, what a scan's main process pays)
of each: `git` (PendingFiles without the cache: git's walk),
`miss` (no listing kept: git run, the folders walked, its answer kept: a first scan) and `hit`
(the kept answer checked and used: a warm rescan) and `added` (a file added to one folder:
git runs, and only the folders whose stat moved are listed again to keep its answer; the
file is removed after). Min and median over the rounds at the end.
With --hits, only ROUNDS hits (the listing kept first): run under callgrind with 1 and 11,
the slope is one hit's instructions.
Run with TIDY_STATE_DIR and HOME of your own (the signing key lives in the state folder).
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time

sys.path.insert(0, os.getcwd())

from tidy.workspace import untracked_cache
from tidy.workspace.textscan import PendingFiles


def _cpu_ms() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime) * 1000


_main: dict[str, list[float]] = {}  # the main thread's own CPU, by series


def _timed(tree: str, skip: list[str], use_cache: bool, series: str = ""
           ) -> tuple[float, int]:
    start, thread = _cpu_ms(), time.thread_time()
    listing = PendingFiles(tree, skip, tracked=(), use_cache=use_cache)
    files = listing.result()
    if series:
        _main.setdefault(series, []).append((time.thread_time() - thread) * 1000)
    return _cpu_ms() - start, len(files)


def _first_folder(tree: str, skip: list[str]) -> str:
    """A folder of the tree's that the listing reads (a file is added there and removed)."""
    for name in sorted(os.listdir(tree)):
        if name != ".git" and name not in skip and os.path.isdir(os.path.join(tree, name)):
            return name
    return ""


def main(argv: list[str]) -> int:
    tree, skip_file, rounds = argv[0], argv[1], int(argv[2])
    with open(skip_file, encoding="utf-8") as handle:
        skip = sorted(line.rstrip("\n") for line in handle if line.strip())
    if "--hits" in argv:
        _timed(tree, skip, use_cache=True)
        for _ in range(rounds):
            listing = PendingFiles(tree, skip, tracked=(), use_cache=True)
            assert listing._git is None, "not kept: the tree changed within the racy margin?"
            listing.result()
        return 0
    seen: dict[str, list[float]] = {"git": [], "miss": [], "hit": [], "added": []}
    added = os.path.join(tree, _first_folder(tree, skip), "bench-untracked-added.txt")
    for _ in range(rounds):
        cpu, files = _timed(tree, skip, use_cache=False, series="git")
        seen["git"].append(cpu)
        untracked_cache.clear(tree)
        time.sleep(0.1)  # nothing racy: the tree is older than the margin anyway
        seen["miss"].append(_timed(tree, skip, use_cache=True, series="miss")[0])
        seen["hit"].append(_timed(tree, skip, use_cache=True, series="hit")[0])
        with open(added, "w", encoding="utf-8") as handle:
            handle.write("x\n")
        time.sleep(0.1)  # past the racy margin: the listing after it is kept
        seen["added"].append(_timed(tree, skip, use_cache=True, series="added")[0])
        os.unlink(added)
        time.sleep(0.1)
        _timed(tree, skip, use_cache=True)  # kept again as the tree was
    print(f"{files} files listed; CPU ms over {rounds} rounds (min / median): all | main thread")
    for name, values in seen.items():
        own = _main[name]
        print(f"  {name:5} {min(values):7.1f} / {statistics.median(values):7.1f} | "
              f"{min(own):7.1f} / {statistics.median(own):7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
