"""A folder planted in the slot of an item the fix copied into the trash is not the item
(trust round 10).

A move between filesystems copies the item into the trash and removes the original. Rounds 8
and 9 held what a slot holds to the item the fix moved by its inode number, birth time or
generation number, but only for a rename: a copy kept none of these. On a trash filesystem
with no birth time and whole-second times (ext4 with 128-byte inodes), a folder made in the
slot within the second of the move had a ctime no later than the line saying it moved, and
passed: purge counted the journal's bytes for it, undo copied it home as the project's
`node_modules`. Now the `copied` line keeps the copy's own identity (its inode, and its birth
time or generation number), and what the slot holds must be it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import hermetic_env
from tests.safety.helpers import tidy
from tests.safety.mounts import ext4_or_here, tmpfs
from tests.safety.moves_helpers import node_project

pytestmark = pytest.mark.slow


@pytest.fixture
def copied_project(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(root, state): a project on a tmpfs whose top folder is immutable (no trash of its
    own), tidy's state on an ext4 with 128-byte inodes (no birth time, whole seconds): its
    node_modules is copied into the state folder's trash."""
    (tmp_path / "fs").mkdir()
    (tmp_path / "mnt").mkdir()
    with ext4_or_here(tmp_path / "fs", mkfs=("-I", "128")) as fs, tmpfs(tmp_path / "mnt"):
        root = node_project(tmp_path / "mnt", repo=False)
        if subprocess.run(["chattr", "+i", str(root)], capture_output=True).returncode:
            pytest.skip("chattr +i is not supported here")
        try:
            yield root, fs / "state"
        finally:
            subprocess.run(["chattr", "-i", str(root)], check=False)


def _entries(state: Path) -> list[dict[str, object]]:
    return [json.loads(line) for path in (state / "runs").glob("*.jsonl")
            for line in path.read_text().splitlines() if line.endswith("}")]


def _copied(state: Path) -> dict[str, object] | None:
    """The copy's trash intent once its `done` line is in the journal."""
    entries = _entries(state)
    done = {e.get("ref") for e in entries if e.get("op") == "done"}
    return next((e for e in entries if e.get("action") == "trash"
                 and e.get("seq") in done), None)


def _plant(item: Path) -> None:
    shutil.rmtree(item)
    (item / "dep").mkdir(parents=True)
    (item / "dep" / "index.js").write_text("require('child_process').exec('...')\n")


def _fix_planting_meanwhile(root: Path, state: Path) -> Path:
    """`tidy fix` of root's node_modules, watched: as soon as its journal says the copy is
    done, the copy is deleted and a folder of its name made in its slot (within the second
    of the move: what the ctime cannot tell apart). The slot's item."""
    fix = subprocess.Popen(
        [sys.executable, "-m", "tidy", "fix", "--yes", "-q", "--select", "TDY1", str(root)],
        cwd=root.parent, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=hermetic_env({"TIDY_STATE_DIR": str(state)}))
    try:
        deadline = time.monotonic() + 120
        moved: dict[str, object] | None = None
        while moved is None and time.monotonic() < deadline and fix.poll() is None:
            with_runs = (state / "runs").is_dir()
            moved = _copied(state) if with_runs else None
            time.sleep(0.002)
        if moved is None:
            moved = _copied(state)
        assert moved is not None, f"the fix never said it copied node_modules: {fix.communicate()}"
        assert moved["method"] == "copy", moved
        item = Path(str(moved["dst"]))
        _plant(item)
        _out, err = fix.communicate(timeout=120)
    finally:
        if fix.poll() is None:
            fix.kill()
            fix.wait()
    assert fix.returncode == 0, err
    return item


@pytest.mark.parametrize("command", ["purge", "undo"])
def test_a_folder_planted_in_a_copys_slot_is_not_the_item(
        copied_project: tuple[Path, Path], command: str) -> None:
    root, state = copied_project
    item = _fix_planting_meanwhile(root, state)
    if item.lstat().st_ctime_ns % 1_000_000_000:
        pytest.skip("cannot mount an ext4 without birth times here (needs root)")
    if command == "purge":
        purged = tidy("trash", "purge", "--yes", "--format", "json", cwd=root.parent,
                      state=state)
        body = json.loads(purged.stdout)
        assert purged.returncode == 1 and body["freed_bytes"] == 0, body
        [error] = body["runs"][0]["errors"]
        assert "not the copy the fix made" in error, error
        assert not os.path.lexists(item)
    else:
        undone = tidy("undo", "--yes", str(root), cwd=root.parent, state=state)
        said = " ".join(undone.stdout.split())
        assert undone.returncode == 1, said + undone.stderr
        assert "not the copy the fix made" in said and "nothing put back" in said
        assert not os.path.lexists(root / "web" / "node_modules")
        assert (item / "dep" / "index.js").exists()  # left where it is, for the user


def test_an_untouched_copy_is_still_put_back(copied_project: tuple[Path, Path]) -> None:
    """The copy's identity kept at the move is its own: undo copies it home."""
    root, state = copied_project
    fixed = tidy("fix", "--yes", "-q", "--select", "TDY1", str(root), cwd=root.parent,
                 state=state)
    assert fixed.returncode == 0, fixed.stderr
    [copied] = [e for e in _entries(state) if e.get("op") == "copied"]
    assert isinstance(copied.get("copy_ino"), int), copied
    undone = tidy("undo", "--yes", str(root), cwd=root.parent, state=state)
    assert undone.returncode == 0, undone.stdout + undone.stderr
    assert (root / "web" / "node_modules" / "dep" / "index.js").read_text() == \
        "module.exports = 1\n"
