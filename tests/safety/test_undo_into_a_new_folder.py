"""Undo never merges an old copy into a folder made anew at its place (trust round 6).

A move across filesystems copies the item into the trash and deletes the original; where a
build wrote into the original meanwhile, that folder stays, and undo puts the copy back
around it. Undo told that folder by its inode number. But a move that deleted the whole
original frees the number, and ext4 hands it to the next folder made beside it: the
`node_modules` a fresh `npm install` made after the fix got the old one's number, and
`tidy undo` merged the old packages into the new install. Now the merge needs the move's
journal to say the folder stayed (its warning of what was left); otherwise what is at home
is another tree, and undo leaves both as they are and says so.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.fixes.helpers import backdate, snapshot
from tests.safety.helpers import tidy
from tests.safety.mounts import ext4_or_here, tmpfs

pytestmark = pytest.mark.slow


def _move_records(state: Path) -> list[dict[str, object]]:
    return [entry for path in (state / "runs").glob("*.jsonl")
            for line in path.read_text().splitlines() if line.endswith("}")
            for entry in [json.loads(line)] if entry.get("action") == "trash"]


def test_undo_leaves_a_new_folder_that_took_the_old_ones_inode_alone(tmp_path: Path) -> None:
    # The project on an ext4 of its own, its top folder immutable (no .tidy-trash can be made
    # in it), tidy's state on a tmpfs: the only trash is on another filesystem, so the move
    # copies.
    disk = tmp_path / "disk"
    disk.mkdir()
    with ext4_or_here(disk):
        _on_its_disk(disk / "proj", tmp_path)


def _on_its_disk(root: Path, tmp_path: Path) -> None:
    (root / "web" / "node_modules" / "dep").mkdir(parents=True)
    (root / "web" / "package.json").write_text("{}\n")
    (root / "web" / "node_modules" / "dep" / "index.js").write_text("module.exports = 1\n")
    (root / "web" / "node_modules" / "dep" / "old-only.js").write_text("// 1.0 only\n")
    backdate(root)
    state_mount = tmp_path / "st"
    state_mount.mkdir()
    with tmpfs(state_mount):
        if subprocess.run(["chattr", "+i", str(root)], capture_output=True).returncode:
            pytest.skip("chattr +i is not supported here")
        try:
            _fix_reinstall_undo(root, state_mount / "state")
        finally:
            subprocess.run(["chattr", "-i", str(root)], check=False)


def _fix_reinstall_undo(root: Path, state: Path) -> None:
    fixed = tidy("fix", "--yes", "-q", "--select", "TDY1", str(root), cwd=root.parent,
                 state=state)
    assert fixed.returncode == 0, fixed.stderr
    [moved] = _move_records(state)
    assert moved["method"] == "copy"
    modules = root / "web" / "node_modules"
    assert not modules.exists()
    modules.mkdir()  # `npm install` again: a new tree
    if (modules.stat().st_dev, modules.stat().st_ino) != (moved["src_dev"], moved["src_ino"]):
        pytest.skip("this filesystem gave the new folder another inode number")
    (modules / "dep").mkdir()
    (modules / "dep" / "index.js").write_text("module.exports = 2\n")
    installed = snapshot(modules)

    undone = tidy("undo", "--yes", str(root), cwd=root.parent, state=state)
    assert undone.returncode == 1, undone.stdout + undone.stderr  # one item needs a look
    said = " ".join(undone.stdout.split())
    assert "something now exists at the original path" in said
    assert snapshot(modules) == installed  # nothing of the old tree merged into the new
    assert not (modules / "dep" / "old-only.js").exists()
    in_trash = Path(str(moved["dst"]))
    assert (in_trash / "dep" / "old-only.js").read_text() == "// 1.0 only\n"  # kept
