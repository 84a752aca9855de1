"""Caches deeper than Python's recursion limit, longer than PATH_MAX, or 100,000 entries
in one folder.

A node_modules nested 1,500 folders deep, and one whose deepest file's path is over 5,000
bytes (PATH_MAX is 4,096: no call by path reaches it). tidy acts on folder descriptors, one
name at a time; anything that recursed per level or resolved whole paths would die as an
internal error, or move a tree it could not check. Measured: fix (rename), undo and purge
handle both whole; the copy across filesystems refuses the too-deep tree before it deletes
anything ("too deep to copy"); a file written just now at the bottom of the long path is
seen by the re-check (the scan's walk, by path, lists the part it could not read as
skipped). 100,000 files in one folder go and come back whole, through the copy across
filesystems too (measured: about 6 s each way on tmpfs, 2 s by rename; the test's files
are empty, 100,000 entries that cost no memory pages). All held on the
old code; kept as guards of the descriptor-relative design.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.conftest import write
from tests.safety.helpers import tidy

FIX = ("fix", "--yes", "-q", "--select", "TDY1", "--format", "json")
OLD = time.time() - 30 * 86400


def _chain(root: Path, name: str, depth: int) -> None:
    """root/web/node_modules/name/name/... `depth` levels, a file at each, all old."""
    write(root / "web" / "package.json", "{}\n")
    top = root / "web" / "node_modules"
    top.mkdir(parents=True)
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    folders = [fd]
    try:
        for level in range(depth):
            leaf = os.open("x.js", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
            os.write(leaf, f"// {level}\n".encode())
            os.close(leaf)
            os.mkdir(name, dir_fd=fd)
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            folders.append(fd)
        for parent, child in zip(reversed(folders[:-1]), reversed(folders[1:]), strict=True):
            os.utime(child, (OLD, OLD))
            os.utime("x.js", (OLD, OLD), dir_fd=parent, follow_symlinks=False)
    finally:
        for fd in folders:
            os.close(fd)
    for path in (top, top.parent, root):
        os.utime(path, (OLD, OLD))


def _count(top: Path, name: str) -> tuple[int, str]:
    """(files below `top`, the deepest file's text), by descriptors."""
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    files, text = 0, ""
    try:
        while True:
            if "x.js" in os.listdir(fd):
                files += 1
                leaf = os.open("x.js", os.O_RDONLY, dir_fd=fd)
                text = os.read(leaf, 100).decode()
                os.close(leaf)
            try:
                deeper = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            except FileNotFoundError:
                return files, text
            os.close(fd)
            fd = deeper
    finally:
        os.close(fd)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "depth"), [("d", 1500), ("n" * 60, 90)])
def test_fix_undo_and_purge_of_a_very_deep_cache(tmp_path: Path, name: str,
                                                  depth: int) -> None:
    root = tmp_path / "proj"
    _chain(root, name, depth)
    state = tmp_path / "st"
    top = root / "web" / "node_modules"
    fix = tidy(*FIX, str(root), cwd=root, state=state)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    assert not top.exists()
    undo = tidy("undo", cwd=root, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert _count(top, name) == (depth, f"// {depth - 1}\n")
    assert tidy(*FIX, str(root), cwd=root, state=state).returncode == 0
    purge = tidy("trash", "purge", "--yes", cwd=root, state=state)
    assert purge.returncode == 0, purge.stdout + purge.stderr
    assert "the trash is empty" in tidy("trash", "list", cwd=root, state=state).stdout


@pytest.mark.slow
def test_a_file_written_just_now_past_path_max_keeps_the_cache_at_home(
        tmp_path: Path) -> None:
    root = tmp_path / "proj"
    name, depth = "n" * 60, 90
    _chain(root, name, depth)
    top = root / "web" / "node_modules"
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(depth):
        deeper = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    fresh = os.open("fresh.js", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.close(fresh)
    os.close(fd)
    done = tidy(*FIX, str(root), cwd=root, state=tmp_path / "st")
    assert done.returncode == 0, done.stdout + done.stderr  # a build running: no attention
    (outcome,) = json.loads(done.stdout)["result"]["outcomes"]
    assert outcome["status"] == "skipped" and "ago" in str(outcome["reason"]), outcome
    assert _count(top, name) == (depth, f"// {depth - 1}\n")


@pytest.mark.slow
def test_a_cache_too_deep_to_copy_across_filesystems_is_left_whole(
        no_trash_of_its_own: Path, tmp_path: Path) -> None:
    import subprocess

    root = no_trash_of_its_own
    subprocess.run(["chattr", "-i", str(root)], check=True)
    top = root / "web" / "node_modules"
    for entry in sorted(top.rglob("*"), reverse=True):
        entry.unlink() if entry.is_file() else entry.rmdir()
    top.rmdir()
    (root / "web" / "package.json").unlink()
    _chain(root, "d", 1500)
    subprocess.run(["chattr", "+i", str(root)], check=True)
    done = tidy(*FIX, str(root), cwd=tmp_path, state=tmp_path / "st")
    assert done.returncode == 1, done.stdout + done.stderr
    (outcome,) = json.loads(done.stdout)["result"]["outcomes"]
    assert outcome["status"] == "failed" and "too deep" in str(outcome["reason"]), outcome
    assert _count(top, "d") == (1500, "// 1499\n")
    trash = tmp_path / "st" / "trash"
    assert not trash.exists() or os.listdir(trash) == []


@pytest.mark.slow
def test_a_folder_of_100k_files_copied_across_filesystems_comes_back_whole(
        no_trash_of_its_own: Path, tmp_path: Path) -> None:
    import subprocess

    root = no_trash_of_its_own
    subprocess.run(["chattr", "-i", str(root)], check=True)
    flat = root / "web" / "node_modules" / "flat"
    flat.mkdir()
    fd = os.open(flat, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for i in range(100_000):
            # Empty: 100,000 entries, not 100,000 pages of the test machine's memory.
            os.close(os.open(f"f{i}.js", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd))
            os.utime(f"f{i}.js", (OLD, OLD), dir_fd=fd)
    finally:
        os.close(fd)
    for path in (flat, flat.parent, flat.parent.parent):
        os.utime(path, (OLD, OLD))
    subprocess.run(["chattr", "+i", str(root)], check=True)
    state = tmp_path / "st"
    fix = tidy(*FIX, str(root), cwd=tmp_path, state=state, timeout=300)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    (outcome,) = json.loads(fix.stdout)["result"]["outcomes"]
    assert str(outcome["where"]).startswith(str(state)), outcome  # the copy, not a rename
    assert not flat.exists()
    undo = tidy("undo", cwd=tmp_path, state=state, timeout=300)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    names = os.listdir(flat)
    assert len(names) == 100_000
    assert set(names) == {f"f{i}.js" for i in range(100_000)}
