"""An undo merge killed mid-copy leaves nothing of tidy's in the user's folder.

`tidy undo` of a move across filesystems that left late files at home puts the trash copy
back around them (tidy/fixes/trash/merge.py); each entry is copied home under a temporary
name, then renamed into place. Before, an undo killed mid-copy left that `.tidy-undo-<hex>`
file in the user's folder, and nothing ever removed it. Now the name is journaled (the
undo-intent's `merge_temp`) before the merge starts, and the recovery of the killed undo
(run by the next fix, undo, purge or `trash list`) removes exactly that name, where the
merge could have been copying, when this user made it since the undo began; a file of the
same shape with another name (the user's) stays. The next undo then completes.

Real processes on a real tmpfs: strace holds the undo at its first sendfile (the copy's
bytes), and the process group is SIGKILLed there.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from tests.safety.helpers import held_tidy, tidy
from tests.safety.test_move_copy_writes import _wait_for
from tests.safety.test_undo_merge import _move_leaving

pytestmark = pytest.mark.slow


def _undo_killed_mid_copy(root: Path, state: Path) -> Path:
    """`tidy undo` held at the sendfile of the merge's copy, then killed: the temp it left."""
    undo = held_tidy("undo", cwd=root.parent, state=state, syscall="sendfile", hold_s=5,
                     quiet=True)
    dep = root / "web" / "node_modules" / "dep"
    _wait_for(lambda: any(p.name.startswith(".tidy-undo-") for p in dep.iterdir()), undo,
              "the merge's copy at home")
    os.killpg(undo.pid, signal.SIGKILL)
    undo.wait(timeout=30)
    (temp,) = [p for p in dep.iterdir() if p.name.startswith(".tidy-undo-")]
    return temp


def test_a_merge_killed_mid_copy_leaves_no_temp_and_the_next_undo_completes(
        no_trash_of_its_own: Path) -> None:
    root = no_trash_of_its_own
    dep = root / "web" / "node_modules" / "dep"
    state, in_trash = _move_leaving(root, {"dep/late.txt": "npm wrote this\n"})
    temp = _undo_killed_mid_copy(root, state)
    # The user's own files of tidy's shape, beside it: never tidy's to remove.
    mine = dep / ".tidy-undo-0123456789abcdef"
    mine.write_text("mine\n")
    mine_too = dep / (temp.name + "x")
    mine_too.write_text("mine too\n")

    listed = tidy("trash", "list", cwd=root.parent, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert not temp.exists(), sorted(p.name for p in dep.iterdir())
    assert mine.read_text() == "mine\n" and mine_too.read_text() == "mine too\n"
    assert (in_trash / "dep" / "index.js").read_text() == "module.exports = 1\n"
    began = [json.loads(line) for p in (state / "runs").glob("*.jsonl")
             for line in p.read_text().splitlines() if '"undo-intent"' in line]
    assert [e.get("merge_temp") for e in began] == [temp.name]

    undo = tidy("undo", cwd=root.parent, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert (dep / "index.js").read_text() == "module.exports = 1\n"
    assert (dep / "late.txt").read_text() == "npm wrote this\n"
    assert sorted(p.name for p in dep.iterdir()) == sorted(
        ["index.js", "late.txt", mine.name, mine_too.name])
    assert not in_trash.exists()


def test_a_file_of_the_journaled_name_made_before_the_undo_began_stays(
        no_trash_of_its_own: Path) -> None:
    """The journaled name alone is not proof: what stands there must have been made since
    the undo began (a file older than that is not the undo's copy)."""
    root = no_trash_of_its_own
    state, _ = _move_leaving(root, {"dep/late.txt": "late\n"})
    temp = _undo_killed_mid_copy(root, state)
    temp.unlink()
    journal = next((state / "runs").glob("*.jsonl"))
    lines = journal.read_text().splitlines()
    # An older file under that name: the undo-intent's time moved past its making.
    time.sleep(0.2)
    temp.write_text("made before\n")
    time.sleep(0.2)
    later = time.time()
    edited = [json.dumps({**json.loads(line), "time": later}) if '"undo-intent"' in line
              else line for line in lines]
    journal.write_text("\n".join(edited) + "\n")

    listed = tidy("trash", "list", cwd=root.parent, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert temp.read_text() == "made before\n"
