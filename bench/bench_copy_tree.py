"""What the trash's copy across filesystems costs (fixes/fdcopy: copy_at, then compare_at),
this tree's against another copy of fdcopy.py, alternating in one run: a tree of FOLDERS
folders of FILES small files each (a node_modules' shape), copied and verified, the copy
removed after each round; CPU time of this process (user + system).

    python -m bench.bench_copy_tree OTHER_FDCOPY_PY [FOLDERS=200] [FILES=50] [ROUNDS=9]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from types import ModuleType

from bench._harness import other_module
from tidy.fixes import fdcopy


def _tree(top: str, folders: int, files: int) -> None:
    for i in range(folders):
        folder = os.path.join(top, "src", f"pkg{i}", "lib")
        os.makedirs(folder)
        for j in range(files):
            with open(os.path.join(folder, f"m{j}.js"), "wb") as f:
                f.write(b"module.exports = %d;\n" % j * 20)


def _round(module: ModuleType, top: str) -> float:
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    try:
        started = time.process_time()
        module.copy_at(fd, "src", fd, "copy")
        assert module.compare_at(fd, "src", fd, "copy") == ""
        took = time.process_time() - started
    finally:
        os.close(fd)
    shutil.rmtree(os.path.join(top, "copy"))
    return took


def main() -> None:
    other = other_module(sys.argv[1], "other_fdcopy")
    folders = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    files = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 9
    with tempfile.TemporaryDirectory() as top:
        _tree(top, folders, files)
        times: dict[str, list[float]] = {"other": [], "this": []}
        for _ in range(rounds):
            times["other"].append(_round(other, top))
            times["this"].append(_round(fdcopy, top))
    for name, runs in times.items():
        print(f"{name}: CPU median {statistics.median(runs) * 1000:.0f} ms "
              f"({min(runs) * 1000:.0f}-{max(runs) * 1000:.0f}), {folders * files} files")


if __name__ == "__main__":
    main()
