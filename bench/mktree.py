#!/usr/bin/env python3
"""Build a synthetic, deterministic, bloated monorepo for timing `tidy scan` and `tidy fix`.

usage: mktree.py DEST [--entries N | --files N] [--seed S] [--force]

The shape follows ../shared/bench/mkbloat.py (committed sources beside untracked caches, one
big node_modules, nothing git-ignored so every cache is a finding), widened to more catalogue
kinds. By share of files:

    backend/app/pkg*/mod*.py (committed)            3 %   + __pycache__/*.pyc beside each  3 %
    frontend/node_modules (packages, nested deps,   48 %   .bin symlinks, one link out of the
      root, pnpm-style hard links)                          tree)
    packages/admin/node_modules                       8 %
    frontend/.next/cache/webpack                     10 %
    .mypy_cache/3.11                                 10 %
    services/engine/target (beside Cargo.toml)        6 %
    static/vendor/ketcher (committed, unused)         6 %
    frontend/src, docs (committed)                    6 %
    plus .pytest_cache, .ruff_cache and a few stale .pyc whose source is gone.

Deterministic: names, sizes and contents come from random.Random(seed); every file and folder
gets the same fixed mtime (2025-01-01 UTC), so a tree built twice is identical apart from inode
numbers, and tidy never mistakes it for a build still running. The git history is packed
(`git gc`) so `.git` holds a few dozen entries, not one loose object per committed file.

--entries N picks the file count so that files + folders + links below DEST (outside .git)
come to N (default 250,000); --files N fixes the file count instead. A marker DEST.built
(beside the tree, not in it) is written last: a tree without it is incomplete.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

FIXED_MTIME_NS = 1_735_689_600 * 1_000_000_000  # 2025-01-01T00:00:00Z
GIT_DATE = "2025-01-01T00:00:00+00:00"

# (share of files in percent, generator name); shares add up to 100.
SHARES = (
    (6, "python"),  # half sources, half their bytecode
    (48, "node_frontend"),
    (8, "node_admin"),
    (10, "next"),
    (10, "mypy"),
    (6, "rust_target"),
    (6, "vendor"),
    (6, "sources"),
)


@dataclass(frozen=True)
class Entry:
    """One thing to create: a file (size, committed?), a symlink (target) or a hard link (of)."""

    path: str
    size: int = 0
    committed: bool = False
    link_to: str | None = None
    hard_of: str | None = None


def plan(files: int, seed: int) -> Iterator[Entry]:
    """Every entry of the tree in a fixed order; the same (files, seed) gives the same tree."""
    rnd = random.Random(seed)
    counts = {name: files * share // 100 for share, name in SHARES}
    counts["node_frontend"] += files - sum(counts.values())  # rounding left-over
    yield from _python(counts["python"], rnd)
    yield from _node_modules(
        "frontend/node_modules", counts["node_frontend"], rnd, outside_link=True
    )
    yield Entry("frontend/package.json", 120, committed=True)
    yield from _node_modules(
        "packages/admin/node_modules", counts["node_admin"], rnd, outside_link=False
    )
    yield Entry("packages/admin/package.json", 90, committed=True)
    yield from _bulk(
        "frontend/.next/cache/webpack/client-development",
        "pack",
        counts["next"],
        100,
        100,
        5000,
        rnd,
    )
    yield from _bulk(".mypy_cache/3.11/app", "data.json", counts["mypy"], 100, 20, 400, rnd)
    yield Entry(".mypy_cache/CACHEDIR.TAG", 190)
    yield from _rust(counts["rust_target"], rnd)
    yield from _vendor(counts["vendor"], rnd)
    yield from _sources(counts["sources"], rnd)
    yield Entry(".pytest_cache/v/cache/lastfailed", 2)
    yield Entry(".pytest_cache/CACHEDIR.TAG", 190)
    yield Entry(".ruff_cache/0.4.4/1234567890", 800)
    yield Entry("pyproject.toml", 60, committed=True)


def _python(n: int, rnd: random.Random) -> Iterator[Entry]:
    modules = n // 2
    for i in range(modules):
        pkg = f"backend/app/pkg{i // 50}"
        yield Entry(f"{pkg}/mod{i}.py", rnd.randint(40, 1200), committed=True)
        # every 97th module was deleted after it was imported: its bytecode is stale
        name = f"gone{i}" if i % 97 == 96 else f"mod{i}"
        yield Entry(f"{pkg}/__pycache__/{name}.cpython-311.pyc", rnd.randint(200, 4000))
    for p in range(0, modules, 50):
        yield Entry(f"backend/app/pkg{p // 50}/__init__.py", 0, committed=True)


def _node_modules(root: str, n: int, rnd: random.Random, outside_link: bool) -> Iterator[Entry]:
    """Packages of ~40 files: lib/ with .js files, a package.json, a .bin link per 4th package,
    a nested node_modules per 10th, and pnpm-style hard links (every 400th file)."""
    made = 0
    pkg = 0
    last_file = ""
    while made < n:
        base = f"{root}/pkg{pkg}"
        if pkg % 10 == 9:
            base = f"{root}/pkg{pkg - 1}/node_modules/dep{pkg}"  # a nested dependency
        yield Entry(f"{base}/package.json", rnd.randint(300, 2000))
        made += 1
        for j in range(min(39, n - made)):
            path = f"{base}/lib/f{j}.js"
            if made % 400 == 399 and last_file:
                yield Entry(path, hard_of=last_file)
            else:
                yield Entry(path, rnd.randint(18, 720))
                last_file = path
            made += 1
        if pkg % 4 == 0:
            yield Entry(f"{root}/.bin/cli{pkg}", link_to=f"../{base[len(root) + 1 :]}/lib/f0.js")
        pkg += 1
    if outside_link:
        yield Entry(
            f"{root}/.bin/outside", link_to="/usr/bin"
        )  # must be neither followed nor moved out


def _bulk(
    folder: str, suffix: str, n: int, per_dir: int, low: int, high: int, rnd: random.Random
) -> Iterator[Entry]:
    for i in range(n):
        yield Entry(f"{folder}/c{i // per_dir}/{i}.{suffix}", rnd.randint(low, high))


def _rust(n: int, rnd: random.Random) -> Iterator[Entry]:
    yield Entry("services/engine/Cargo.toml", 150, committed=True)
    yield Entry("services/engine/src/main.rs", 400, committed=True)
    yield Entry("services/engine/target/CACHEDIR.TAG", 177)
    for i in range(n - 3):
        if i % 3 == 0:
            yield Entry(f"services/engine/target/debug/deps/lib{i}.rlib", rnd.randint(2000, 20000))
        else:
            yield Entry(
                f"services/engine/target/debug/.fingerprint/crate{i // 30}/dep-{i}",
                rnd.randint(20, 200),
            )


def _vendor(n: int, rnd: random.Random) -> Iterator[Entry]:
    yield Entry("static/vendor/ketcher/package.json", 60, committed=True)
    for i in range(n - 1):
        yield Entry(
            f"static/vendor/ketcher/dist/d{i // 200}/chunk{i}.min.js",
            rnd.randint(80, 3200),
            committed=True,
        )


def _sources(n: int, rnd: random.Random) -> Iterator[Entry]:
    for i in range(n):
        top = "frontend/src" if i % 2 else "docs"
        ext = "tsx" if i % 2 else "md"
        yield Entry(
            f"{top}/area{i // 400}/part{i // 40}/file{i}.{ext}",
            rnd.randint(100, 3000),
            committed=True,
        )


def count_entries(files: int, seed: int) -> int:
    """Files, links and folders the plan makes below the root (the root itself and .git not)."""
    dirs: set[str] = set()
    total = 0
    for entry in plan(files, seed):
        total += 1
        parent = os.path.dirname(entry.path)
        while parent and parent not in dirs:
            dirs.add(parent)
            parent = os.path.dirname(parent)
    return total + len(dirs)


def files_for(entries: int, seed: int) -> int:
    """The file count whose plan comes closest to `entries` without going under it."""
    files = entries
    for _ in range(6):
        got = count_entries(files, seed)
        if got == entries:
            return files
        files = max(1, round(files * entries / got))
    while count_entries(files, seed) < entries:
        files += 1
    return files


_PATTERN = b"module.exports = function (x) { return x + 1; };\n" * 100


def _data(size: int) -> bytes:
    if size <= len(_PATTERN):
        return _PATTERN[:size]
    return (_PATTERN * (size // len(_PATTERN) + 1))[:size]


def build(dest: str, files: int, seed: int) -> dict[str, int]:
    made_dirs: set[str] = set()
    committed: list[str] = []
    counts = {"files": 0, "symlinks": 0, "hardlinks": 0}
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    times = (FIXED_MTIME_NS, FIXED_MTIME_NS)
    for entry in plan(files, seed):
        path = os.path.join(dest, entry.path)
        parent = os.path.dirname(path)
        if parent not in made_dirs:
            os.makedirs(parent, exist_ok=True)
            made_dirs.add(parent)
        if entry.link_to is not None:
            os.symlink(entry.link_to, path)
            os.utime(path, ns=times, follow_symlinks=False)
            counts["symlinks"] += 1
            continue
        if entry.hard_of is not None:
            os.link(os.path.join(dest, entry.hard_of), path)
            counts["hardlinks"] += 1
            continue
        fd = os.open(path, flags, 0o644)
        try:
            os.write(fd, _data(entry.size))
            os.utime(fd, ns=times)
        finally:
            os.close(fd)
        counts["files"] += 1
        if entry.committed:
            committed.append(entry.path)
    _commit(dest, committed)
    _freeze_dir_times(dest, times)
    return counts


def _commit(dest: str, paths: list[str]) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": GIT_DATE,
        "GIT_COMMITTER_DATE": GIT_DATE,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@tidy.invalid",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@tidy.invalid",
    }
    git = ["git", "-C", dest, "-c", "init.defaultBranch=main", "-c", "gc.auto=0"]
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    # exact names through stdin: 150,000 names do not fit on a command line, and `git add
    # --pathspec-from-file` matches every file against every pathspec (quadratic)
    subprocess.run(
        [*git, "update-index", "--add", "-z", "--stdin"],
        input="\0".join(paths).encode(),
        check=True,
        env=env,
    )
    subprocess.run([*git, "commit", "-qm", "synthetic bloated monorepo"], check=True, env=env)
    subprocess.run([*git, "gc", "-q", "--prune=now"], check=True, env=env)


def _freeze_dir_times(dest: str, times: tuple[int, int]) -> None:
    for here, dirs, _files in os.walk(dest):
        if ".git" in dirs:
            dirs.remove(".git")
        os.utime(here, ns=times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest")
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--entries", type=int, help="entries below DEST outside .git (default 250000)"
    )
    size.add_argument("--files", type=int, help="number of planned files instead of --entries")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true", help="replace DEST if it exists")
    args = parser.parse_args(argv)
    dest = os.path.abspath(args.dest)
    if os.path.lexists(dest):
        if not args.force:
            print(f"mktree: {dest} exists (use --force to rebuild it)", file=sys.stderr)
            return 2
        shutil.rmtree(dest)
    marker = dest + ".built"
    if os.path.exists(marker):
        os.remove(marker)
    started = time.monotonic()
    files = args.files if args.files is not None else files_for(args.entries or 250_000, args.seed)
    entries = count_entries(files, args.seed)
    os.makedirs(dest)
    counts = build(dest, files, args.seed)
    summary = {
        "dest": dest,
        "entries": entries,
        "planned_files": files,
        "seed": args.seed,
        **counts,
        "build_s": round(time.monotonic() - started, 1),
    }
    with open(marker, "w", encoding="utf-8") as f:
        json.dump(summary, f)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
