"""Builders and oracles for the fix tests: trees, snapshots, backdating, the CLI in a child.

A snapshot is what "the tree is identical" means in these tests: every path (as bytes) with
its type, mode, bytes (files), link target (links) and mtime (files), read with lstat only.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import hermetic_env

Snapshot = dict[bytes, tuple[Any, ...]]


def snapshot(root: Path | str, *, skip_git: bool = True) -> Snapshot:
    """Every entry below `root`, never following a link; `.git` left out unless asked."""
    found: Snapshot = {}
    base = os.fsencode(str(root))
    pending = [base]
    while pending:
        folder = pending.pop()
        for name in os.listdir(folder):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, base)
            if skip_git and rel.split(b"/")[0] == b".git":
                continue
            st = os.lstat(path)
            mode = stat.S_IMODE(st.st_mode)
            if stat.S_ISLNK(st.st_mode):
                found[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(st.st_mode):
                found[rel] = ("dir", mode)
                pending.append(path)
            elif not stat.S_ISREG(st.st_mode):  # a fifo: never open it (it would block)
                found[rel] = ("special", stat.S_IFMT(st.st_mode), mode, st.st_mtime_ns)
            else:
                with open(path, "rb") as f:
                    found[rel] = ("file", mode, f.read(), st.st_mtime_ns)
    return found


def backdate(root: Path | str, seconds: float = 7200) -> None:
    """Make everything below `root` (and root) look `seconds` old: no build is running."""
    when = os.stat(root, follow_symlinks=False).st_mtime - seconds
    for folder, dirs, files in os.walk(root, topdown=False):
        for name in [*files, *dirs]:
            os.utime(os.path.join(folder, name), (when, when), follow_symlinks=False)
        os.utime(folder, (when, when), follow_symlinks=False)


def tidy_env(state: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    return hermetic_env({"TIDY_STATE_DIR": str(state), **(extra or {})})


def run_tidy(*args: str, cwd: Path | str, state: Path, timeout: float = 120,
             stdin: Any = subprocess.DEVNULL, **popen: Any) -> subprocess.CompletedProcess[str]:
    """`python -m tidy ARGS` with its own state folder and no terminal."""
    return subprocess.run([sys.executable, "-m", "tidy", *args], cwd=cwd, stdin=stdin,
                          capture_output=True, text=True, errors="surrogateescape",
                          env=tidy_env(state), timeout=timeout, check=False, **popen)


def journal_entries(state: Path) -> list[dict[str, Any]]:
    entries = []
    for path in sorted((state / "runs").glob("*.jsonl")):
        for line in path.read_bytes().splitlines():
            with contextlib.suppress(ValueError):
                entries.append(json.loads(line))
    return entries
