"""CPU time of refusing journal places inside a git folder of any name (tidy.fixes.git_places).

Builds a repository with N item places four folders deep, then times, with
time.process_time (this process only: git's own CPU is not counted, its wall is printed),
what tidy.fixes.apply.refusal now adds per entry of one look at a run's journal: the walk
up to the root looking for a git folder's HEAD/objects/refs, and the repository's
folders as git names them (two git processes per repository, asked once per look).

    TIDY_STATE_DIR=/tmp/x HOME=/tmp/x .venv/bin/python bench/bench_git_places.py 2000
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from tidy.fixes.git_places import GitFolders, git_folder_on_the_way


def _paths(root: str, count: int) -> list[str]:
    subprocess.run(["git", "init", "-q", root], check=True)
    paths = []
    for number in range(count):
        folder = os.path.join(root, "pkgs", f"p{number % 50}", "web", f"w{number}")
        os.makedirs(folder, exist_ok=True)
        paths.append(os.path.join(folder, "node_modules"))
    return paths


def _best(job: object, repeat: int = 5) -> tuple[float, float]:
    """(min CPU seconds, min wall seconds) of `job()` over `repeat` runs."""
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        job()  # type: ignore[operator]
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return min(cpu), min(wall)


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as top:
        root = os.path.join(top, "repo")
        paths = _paths(root, count)
        walk = _best(lambda: [git_folder_on_the_way(p, root) for p in paths])

        def asked() -> None:
            folders = GitFolders()
            for path in paths:
                folders.holding(path, root)

        git = _best(asked)
        print(f"{count} entries: walk {walk[0] * 1e3:.1f} ms CPU; git's folders "
              f"{git[0] * 1e3:.1f} ms CPU ({git[1] * 1e3:.1f} ms wall, two git runs)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
