"""A copy across filesystems is made under `<name>.partial` beside where it goes, then
renamed into place; a file or folder of the user's own by that name is never deleted.

Before: copy_then_remove removed `<name>.partial` on any failure of the copy, including
the copy failing because that name was already taken: `tidy undo` of a copy-fallback move,
with a `node_modules.partial` of the user's beside the original place, deleted that folder
for good (and then failed). Recovery of an undo a kill cut short removed whatever stood at
`<name>.partial` at home, made by tidy or not. Now a taken name fails the undo (exit 1)
and stays as it is; recovery removes only a partial copy made after the undo began.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import snapshot
from tests.safety.helpers import held_tidy, tidy

FIX = ("fix", "--yes", "-q", "--select", "TDY1", "--format", "json")


@pytest.mark.slow
def test_undo_never_deletes_a_folder_of_the_users_named_like_its_partial_copy(
        no_trash_of_its_own: Path) -> None:
    root = no_trash_of_its_own
    state = root.parent.parent / "st"
    done = tidy(*FIX, str(root), cwd=root.parent, state=state)
    (outcome,) = json.loads(done.stdout)["result"]["outcomes"]
    assert outcome["status"] == "done", outcome
    theirs = root / "web" / "node_modules.partial"
    write(theirs / "precious.txt", "the user's own folder\n")
    before = snapshot(theirs)

    undo = tidy("undo", cwd=root.parent, state=state)
    assert snapshot(theirs) == before, undo.stdout + undo.stderr
    assert undo.returncode == 1, undo.stdout + undo.stderr
    again = tidy("trash", "list", cwd=root.parent, state=state)  # recovery, if any
    assert again.returncode == 0, again.stderr
    assert snapshot(theirs) == before


@pytest.mark.slow
def test_recovery_of_a_killed_undo_keeps_a_partial_named_folder_it_did_not_make(
        no_trash_of_its_own: Path) -> None:
    root = no_trash_of_its_own
    state = root.parent.parent / "st"
    done = tidy(*FIX, str(root), cwd=root.parent, state=state)
    assert json.loads(done.stdout)["result"]["outcomes"][0]["status"] == "done"
    theirs = root / "web" / "node_modules.partial"
    write(theirs / "precious.txt", "the user's own folder\n")
    before = snapshot(theirs)

    # The undo, held at its first mkdir (the partial copy's: after its intent is on disk),
    # is killed there.
    undo = held_tidy("undo", cwd=root.parent, state=state, syscall="mkdirat", hold_s=3,
                     quiet=True)
    deadline = time.monotonic() + 30
    while not any("undo-intent" in p.read_text() for p in (state / "runs").glob("*.jsonl")):
        assert time.monotonic() < deadline and undo.poll() is None, "no undo intent seen"
        time.sleep(0.02)
    time.sleep(0.3)
    os.killpg(undo.pid, signal.SIGKILL)
    undo.wait(timeout=30)

    listed = tidy("trash", "list", cwd=root.parent, state=state)  # recovers the killed undo
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert snapshot(theirs) == before
