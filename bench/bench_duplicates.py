"""Duplicate search: tidy against `jdupes -r` (files) and `rmlint -D` (folders), one run each.

    python bench/bench_duplicates.py [--files 50000] [--workdir DIR]

Generates a tree of ~50k files (mostly small, some big; about one in eight a copy of another
file, a few same-size files that differ only in the middle, hard links, and folder copies made
with shutil.copytree), warms the page cache, then times each tool once. Checks that tidy's
file groups equal jdupes' (as sets of inodes: jdupes names one path per hard-linked inode)
and that tidy's top-level folder copies equal rmlint's duplicate_dir groups. Also times the
scan walk alone, to show what the extra duplicate pass costs. Prints Markdown table rows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from tidy.workspace.duplicates import Duplicates, find_duplicates


def build_tree(root: Path, files: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    made: list[Path] = []
    for n in range(files):
        folder = root / f"proj{n % 40}" / f"pkg{(n // 40) % 25}" / f"mod{(n // 1000) % 5}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"f{n}.dat"
        roll = rng.random()
        if made and roll < 0.12:
            shutil.copyfile(rng.choice(made), path)  # an exact copy
        elif made and roll < 0.125:
            os.link(rng.choice(made), path)  # a hard link: not a duplicate
        elif roll < 0.13 and made:
            source = rng.choice(made).read_bytes()
            middle = len(source) // 2
            if source:
                flipped = bytes([source[middle] ^ 1])
                path.write_bytes(source[:middle] + flipped + source[middle + 1:])
            else:
                path.write_bytes(b"")
        else:
            size = int(rng.lognormvariate(8, 1.6)) if rng.random() < 0.98 else rng.randint(
                200_000, 3_000_000)
            path.write_bytes(rng.randbytes(size))
        made.append(path)
    for n in range(3):
        shutil.copytree(root / f"proj{n}" / "pkg1", root / f"old_copy_{n}" / "pkg1")


def jdupes_groups(root: Path) -> tuple[float, set[frozenset[tuple[int, int]]]]:
    started = time.perf_counter()
    out = subprocess.run(["jdupes", "-r", "-q", str(root)], capture_output=True,
                         check=True).stdout
    elapsed = time.perf_counter() - started
    groups = set()
    for block in out.decode("utf-8", "surrogateescape").split("\n\n"):
        names = [line for line in block.splitlines() if line]
        if names:
            groups.add(frozenset(_inode(Path(n)) for n in names))
    return elapsed, groups


def rmlint_dirs(root: Path, workdir: Path) -> tuple[float, set[frozenset[str]]]:
    report = workdir / "rmlint.json"
    started = time.perf_counter()
    subprocess.run(["rmlint", "-D", "-T", "df,dd", "--no-followlinks", "-o",
                    f"json:{report}", str(root)], cwd=workdir, capture_output=True, check=True)
    elapsed = time.perf_counter() - started
    by_checksum: dict[str, set[str]] = {}
    for entry in json.loads(report.read_text()):
        if entry.get("type") == "duplicate_dir":
            rel = os.path.relpath(entry["path"], root)
            by_checksum.setdefault(entry["checksum"], set()).add(rel)
    return elapsed, {frozenset(v) for v in by_checksum.values() if len(v) > 1}


def _inode(path: Path) -> tuple[int, int]:
    st = os.lstat(path)
    return st.st_dev, st.st_ino


def walk_seconds(root: Path) -> float:
    from tidy.core.catalog import Catalog, load_builtin
    from tidy.workspace.walk import walk

    started = time.perf_counter()
    walk(str(root), Catalog(load_builtin()))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=50_000)
    parser.add_argument("--workdir", default="")
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="tidy-bench-dupes-"))
    root = workdir / "tree"
    if not root.is_dir():
        started = time.perf_counter()
        build_tree(root, args.files)
        print(f"built {root} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    subprocess.run(["cat"], stdin=subprocess.DEVNULL, check=True)
    # Warm the page cache: one untimed read of everything.
    subprocess.run(["sh", "-c", f"find {root} -type f -exec cat {{}} + > /dev/null"], check=True)
    total = subprocess.run(["du", "-sb", str(root)], capture_output=True, check=True)
    size = int(total.stdout.split()[0])

    started = time.perf_counter()
    found: Duplicates = find_duplicates(str(root))
    tidy_s = time.perf_counter() - started
    jdupes_s, theirs = jdupes_groups(root)
    rmlint_s, rmlint_folders = rmlint_dirs(root, workdir)
    walk_s = walk_seconds(root)

    ours = {frozenset(_inode(root / p) for p in g.paths) for g in found.files}
    our_folders = {frozenset(g.paths) for g in found.folders}
    print(f"| duplicates, {found.scanned_files:,} files, {size / 1e6:,.0f} MB, "
          f"{len(found.files):,} groups | tidy {tidy_s:.2f}s | jdupes -r {jdupes_s:.2f}s "
          f"| {tidy_s / jdupes_s:.2f}x | groups equal: {ours == theirs} |")
    print(f"| folder copies, {len(found.folders)} top-level groups | tidy {tidy_s:.2f}s "
          f"| rmlint -D {rmlint_s:.2f}s | {tidy_s / rmlint_s:.2f}x "
          f"| groups equal: {our_folders == rmlint_folders} |")
    print(f"| the scan's walk alone on the same tree | {walk_s:.2f}s | | | "
          f"duplicate pass adds {tidy_s / walk_s:.1f}x the walk |")
    return 0 if ours == theirs else 1


if __name__ == "__main__":
    raise SystemExit(main())
