"""tidy's state folder (journals, trash) is never one another user controls.

`tidy undo` acts on the journals it finds in the state folder. TIDY_STATE_DIR (or a HOME)
pointing at a folder another user owns, or that anyone may write (a shared scratch folder,
one opened up with chmod since), let that user take the user's journals away (their trash
can no longer be put back) or put journals of their own in their place. Before: tidy used
such a folder without a word; the other user renamed `runs/` aside and wrote a journal of
their own under the run's id, naming the user's other project, and `tidy undo RUN` moved
the user's trashed node_modules into that project (a wrong target, on another user's word).
Now every folder of the state from its top down must be the user's own and writable by no
one else (the top may also be root's, and shared with the sticky bit, like /tmp), before a
journal is read or written or the state trash used: else one line, exit 2, nothing moved.

The other user is a real one (uid 65534) running real commands.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import tidy
from tests.safety.other_user import USER

FIX = ("fix", "--yes", "-q", "--select", "TDY1", "--format", "json")


@pytest.fixture
def reachable() -> Iterator[Path]:
    """A folder of /tmp the other user can reach (pytest's own tmp folders are private)."""
    if os.geteuid() != 0:
        pytest.skip("needs root, to be another user")
    top = Path(tempfile.mkdtemp(prefix="tidy-state-shared-"))
    top.chmod(0o755)
    try:
        yield top
    finally:
        shutil.rmtree(top)


def _project(parent: Path, name: str, cache: bool = True) -> Path:
    root = parent / name
    write(root / "web" / "package.json", "{}\n")
    if cache:
        write(root / "web" / "node_modules" / "dep" / "index.js", f"// {name}\n")
    backdate(root)
    return root


def _as_other(*argv: str) -> None:
    subprocess.run(list(argv), user=USER, group=USER, extra_groups=[], check=True)


def _refused(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("how", ["owned by another user", "writable by anyone",
                                 "writable by a group the other user is in"])
def test_a_state_folder_others_control_is_refused_before_anything_moves(
        reachable: Path, how: str) -> None:
    root = _project(reachable, "proj")
    state = reachable / "state"
    state.mkdir()
    if how == "owned by another user":
        os.chown(state, USER, USER)
        words = "belongs to another user"
    elif how == "writable by anyone":
        state.chmod(0o777)
        words = "may be written by anyone"
    else:  # trust round 7: was used (only "anyone" was refused)
        os.chown(state, -1, USER)
        state.chmod(0o770)
        words = "may be written by its group"
    _refused(tidy(*FIX, str(root), cwd=root, state=state), words)
    assert (root / "web" / "node_modules" / "dep" / "index.js").is_file()
    assert os.listdir(state) == []  # no journal, no trash written there
    for args in (("undo",), ("trash", "list"), ("trash", "purge", "--yes")):
        _refused(tidy(*args, cwd=root, state=state), words)


@pytest.mark.slow
def test_undo_never_acts_on_a_journal_another_user_put_in_the_state_folder(
        reachable: Path) -> None:
    mine, other = _project(reachable, "mine"), _project(reachable, "other", cache=False)
    state = reachable / "state"
    fix = tidy(*FIX, str(mine), cwd=mine, state=state)
    assert fix.returncode == 0, fix.stderr
    run_id = json.loads(fix.stdout)["run"]
    # The state folder is opened up (chmod, or it was a shared one all along); the other
    # user puts the run's journal aside and writes one of their own under its id, the same
    # entries sent to the other project.
    state.chmod(0o777)
    journal = (state / "runs" / f"{run_id}.jsonl").read_text()
    forged = reachable / "forged.jsonl"
    forged.write_text(journal.replace(str(mine), str(other)))
    forged.chmod(0o644)
    _as_other("mv", str(state / "runs"), str(state / "runs-aside"))
    _as_other("mkdir", str(state / "runs"))
    _as_other("cp", str(forged), str(state / "runs" / f"{run_id}.jsonl"))

    undo = tidy("undo", run_id, cwd=reachable, state=state)
    _refused(undo, "may be written by anyone")
    assert not (other / "web" / "node_modules").exists(), "moved on the other user's word"
    trashed = state / "trash" / run_id / "000000" / "node_modules" / "dep" / "index.js"
    assert trashed.read_text() == "// mine\n"


@pytest.mark.slow
def test_a_sticky_shared_state_folder_is_used_but_a_runs_folder_another_user_made_is_not(
        reachable: Path) -> None:
    """A state folder like /tmp (root's, writable by all, sticky: no one may move or remove
    another's entries) is usable; what tidy keeps in it must still be the user's own: a
    `runs/` the other user made there first is refused."""
    state = reachable / "state"
    state.mkdir()
    state.chmod(0o1777)
    root = _project(reachable, "proj")
    fix = tidy(*FIX, str(root), cwd=root, state=state)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    assert tidy("undo", cwd=root, state=state).returncode == 0
    other_state = reachable / "state2"
    other_state.mkdir()
    other_state.chmod(0o1777)
    _as_other("mkdir", "-m", "0755", str(other_state / "runs"))
    _refused(tidy(*FIX, str(root), cwd=root, state=other_state), "belongs to another user")
    assert (root / "web" / "node_modules" / "dep" / "index.js").is_file()
