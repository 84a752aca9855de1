"""What a cache folder may hold besides plain files: hard links to files outside it, a
socket, a device node, a fifo, a file the user made immutable.

Hard links (pnpm links every package file to its store; a user may `ln` a file into a
build): moving the cache into the trash, purging it, undoing it, and the copy across
filesystems never touch the other name's bytes, mode or times; purge only takes away the
trash's name. These held on the old code and guard the risk that a purge or a copy's
delete ever truncates, chmods or rewrites a file instead of unlinking a name.

Special files move with their folder by rename and come back as what they were. A file the
user made immutable (chattr +i) cannot be deleted: before, `tidy trash purge` printed
"nothing to purge" above the error (it had freed the rest of the run); now it says the run
could not be deleted in full, keeps it listed as partly purged, and the next purge finishes it.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate, snapshot
from tests.safety.helpers import tidy
from tests.safety.moves_helpers import node_project

FIX = ("fix", "--yes", "-q", "--select", "TDY1", "--skip-recent", "0s", "--format", "json")


def _linked_outside(root: Path, outside: Path) -> tuple[Path, os.stat_result]:
    """outside/keep.txt (read-only, old), also named root/web/node_modules/dep/keep.txt."""
    keep = write(outside / "keep.txt", "the user's only copy\n")
    os.link(keep, root / "web" / "node_modules" / "dep" / "keep.txt")
    keep.chmod(0o444)
    backdate(root)
    os.utime(keep, (1_000_000_000, 1_000_000_000))
    return keep, keep.stat()


def _same_file(keep: Path, before: os.stat_result, links: int) -> None:
    st = keep.stat()
    assert keep.read_text() == "the user's only copy\n"
    assert (st.st_ino, st.st_mode, st.st_mtime_ns, st.st_nlink) == (
        before.st_ino, before.st_mode, before.st_mtime_ns, links)


@pytest.mark.slow
def test_a_hard_link_to_a_file_outside_survives_fix_undo_and_purge(tmp_path: Path) -> None:
    root = node_project(tmp_path, repo=False)
    keep, before = _linked_outside(root, tmp_path / "outside")
    state = tmp_path / "st"
    assert tidy(*FIX, str(root), cwd=root, state=state).returncode == 0
    _same_file(keep, before, links=2)  # the trash's name: the same inode, moved by rename
    assert tidy("undo", cwd=root, state=state).returncode == 0
    inside = root / "web" / "node_modules" / "dep" / "keep.txt"
    assert inside.stat().st_ino == before.st_ino
    assert tidy(*FIX, str(root), cwd=root, state=state).returncode == 0
    purge = tidy("trash", "purge", "--yes", cwd=root, state=state)
    assert purge.returncode == 0, purge.stdout + purge.stderr
    _same_file(keep, before, links=1)


@pytest.mark.slow
def test_a_hard_link_copied_across_filesystems_leaves_the_other_name_whole(
        no_trash_of_its_own: Path, tmp_path: Path) -> None:
    root = no_trash_of_its_own
    outside = root.parent / "outside"  # the same filesystem: a hard link can reach it
    subprocess.run(["chattr", "-i", str(root)], check=True)
    keep, before = _linked_outside(root, outside)
    subprocess.run(["chattr", "+i", str(root)], check=True)
    state = tmp_path / "st"
    fix = tidy(*FIX, str(root), cwd=tmp_path, state=state)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    (outcome,) = json.loads(fix.stdout)["result"]["outcomes"]
    assert str(outcome["where"]).startswith(str(state)), outcome  # a copy, not a rename
    _same_file(keep, before, links=1)
    assert tidy("undo", cwd=tmp_path, state=state).returncode == 0
    inside = root / "web" / "node_modules" / "dep" / "keep.txt"
    assert inside.read_text() == "the user's only copy\n"
    _same_file(keep, before, links=1)  # a copy came back: the user's file is untouched
    purge = tidy("trash", "purge", "--yes", cwd=tmp_path, state=state)
    assert purge.returncode == 0, purge.stdout + purge.stderr
    _same_file(keep, before, links=1)


def _special_files(dep: Path) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(dep / "agent.sock"))
    os.mknod(dep / "null", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    os.mkfifo(dep / "pipe")


@pytest.mark.slow
def test_special_files_go_and_come_back_and_an_immutable_one_is_purged_later(
        tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("mknod and chattr +i need root")
    root = node_project(tmp_path, repo=False)
    dep = root / "web" / "node_modules" / "dep"
    _special_files(dep)
    stuck = write(dep / "stuck.txt", "immutable\n")
    if subprocess.run(["chattr", "+i", str(stuck)], capture_output=True).returncode:
        pytest.skip("chattr +i is not supported here")
    state = tmp_path / "st"
    try:
        before = snapshot(root)
        assert tidy(*FIX, str(root), cwd=root, state=state).returncode == 0
        assert not (root / "web" / "node_modules").exists()
        assert tidy("undo", cwd=root, state=state).returncode == 0
        assert snapshot(root) == before
        assert os.stat(dep / "null", follow_symlinks=False).st_rdev == os.makedev(1, 3)

        fix = tidy(*FIX, str(root), cwd=root, state=state)
        run_id = json.loads(fix.stdout)["run"]
        purge = tidy("trash", "purge", "--yes", cwd=root, state=state)
        assert purge.returncode == 1, purge.stdout + purge.stderr
        assert "nothing to purge" not in purge.stdout, purge.stdout
        assert "could not delete all of 1 run" in purge.stdout
        assert f"{run_id}" in purge.stdout and "stuck.txt" in purge.stdout, purge.stdout
        listed = tidy("trash", "list", cwd=root, state=state)
        assert "partly purged" in listed.stdout, listed.stdout
        trashed = next((state / "trash").rglob("stuck.txt"))
        assert trashed.read_text() == "immutable\n"
    finally:
        for path in [stuck, *(state / "trash").rglob("stuck.txt")]:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    again = tidy("trash", "purge", "--yes", cwd=root, state=state)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "the trash is empty" in tidy("trash", "list", cwd=root, state=state).stdout
