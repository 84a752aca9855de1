"""What a killed run leaves in the trash folders outside the state folder is cleared too.

tidy's trash is the state folder's, or `<git dir>/tidy/trash` (a repository's item on the
repository's filesystem), or a `.tidy-trash/` at the top of the item's filesystem in the
scanned tree. Before, the dead-leftovers sweep (the next fix, undo, purge or `trash list`)
looked only at the state folder's trash: a run killed after it made its folder in the git
dir's or the project's trash, before its first intent (or one whose intent recovery found
not moved), left an empty run folder there for good, and a `.tidy-trash` holding nothing
but its markers. Now each run journals such a trash folder (`trash-base`) before making its
folder there, and the sweep looks, for every run a kill cut short, in the trash folders
its journal names (checked as journal entries are: inside its roots, one of tidy's trash
folders), with the same proofs: a run's name, empty, this user's, its run unlocked and
ended (recovery ends a killed run). A folder no journal names stays.

Real processes: strace holds `tidy fix` at a syscall, and its process group is SIGKILLed.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import held_tidy, tidy
from tests.safety.moves_helpers import node_project
from tests.safety.test_move_copy_writes import _wait_for

pytestmark = pytest.mark.slow
OLD = time.time() - 600


def _killed_at(root: Path, state: Path, syscall: str, when: int, trash: Path) -> Path:
    """`tidy fix` held at the `when`-th `syscall`, killed once its run folder is in `trash`
    (and the hold is reached): that run folder."""
    fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", str(root), cwd=root, state=state,
                    syscall=syscall, hold_s=4, when=str(when), quiet=True)
    _wait_for(lambda: trash.is_dir() and any(trash.iterdir()), fix, "the run folder")
    time.sleep(1.0)
    assert fix.poll() is None, "tidy was not held"
    os.killpg(fix.pid, signal.SIGKILL)
    fix.wait(timeout=30)
    (run,) = [p for p in trash.iterdir() if p.is_dir()]
    return run


def _journal_ops(state: Path) -> list[str]:
    return [json.loads(line)["op"] for p in (state / "runs").glob("*.jsonl")
            for line in p.read_text().splitlines() if line.endswith("}")]


def test_a_run_killed_before_its_first_intent_leaves_no_folder_in_the_git_dir(
        tmp_path: Path) -> None:
    root = node_project(tmp_path, repo=True)
    state = tmp_path / "st"
    trash = root / ".git" / "tidy" / "trash"
    # mkdirat: tidy, trash, the run folder, then its first slot (held there).
    run = _killed_at(root, state, "mkdirat", 4, trash)
    assert "intent" not in _journal_ops(state)
    assert list(run.iterdir()) == []
    not_named = trash / "20200101-000000-abcdef"  # no journal names it: not provably dead
    not_named.mkdir(mode=0o700)
    os.utime(not_named, (OLD, OLD))

    listed = tidy("trash", "list", cwd=root, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert not run.exists()
    assert not_named.is_dir()
    assert (root / "web" / "node_modules" / "dep" / "index.js").exists()


def test_a_run_killed_at_its_intent_leaves_no_folder_in_the_git_dir(tmp_path: Path) -> None:
    """Recovery finds the item not moved and takes the slot out; the run folder it left
    empty goes too (the journal's trash intent names the trash)."""
    root = node_project(tmp_path, repo=True)
    state = tmp_path / "st"
    trash = root / ".git" / "tidy" / "trash"
    # fsync: the begin, the runs folder, the trash-base, then the intent (held there).
    run = _killed_at(root, state, "fsync", 4, trash)
    assert "intent" in _journal_ops(state)

    listed = tidy("trash", "list", cwd=root, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert not run.exists(), list(run.iterdir())
    assert (root / "web" / "node_modules" / "dep" / "index.js").exists()


def test_a_project_trash_left_holding_nothing_goes_and_a_user_file_keeps_it(
        other_fs: Path) -> None:
    """A folder that is no repository, on another filesystem than the state folder: its
    trash is `.tidy-trash` at the top of that filesystem."""
    root = node_project(other_fs, repo=False)
    state = other_fs.parent / "st"
    trash = root / ".tidy-trash"
    # mkdirat: .tidy-trash, the run folder, then its first slot (held there).
    run = _killed_at(root, state, "mkdirat", 3, trash)
    assert sorted(p.name for p in trash.iterdir()) == sorted(
        [".gitignore", "CACHEDIR.TAG", run.name])

    listed = tidy("trash", "list", cwd=root, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert not trash.exists(), list(trash.iterdir())

    # Again, with a file of the user's in it: only the run folder goes.
    backdate(root)
    run = _killed_at(root, state, "mkdirat", 3, trash)
    mine = write(trash / "notes.txt", "mine\n")
    listed = tidy("trash", "list", cwd=root, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert not run.exists()
    assert mine.read_text() == "mine\n" and (trash / ".gitignore").exists()
