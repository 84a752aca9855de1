"""The window of a batch of single files (fix-scale round 2).

Stray bytecode is moved a file at a time, but a batch now opens each parent folder once for
all its files (trash/applier.ParentChains) and appends its journal lines together
(RunJournal.buffered). Each file is still checked on its own: its type and inode in the held
parent, the shared chain against its own plan, and right before its own rename that every
folder down to the parent is still at its path (still_in_place). These tests land a change
between two files of one parent, after the batch's intents are durable (the fix held by
strace at a chosen renameat2: the n-th move), and a SIGKILL between two moves, whose `done`
lines were still held in memory.
"""

from __future__ import annotations

import json
import os
import py_compile
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate, journal_entries, snapshot
from tests.safety.helpers import held_tidy, tidy

pytestmark = pytest.mark.slow

_COUNT = 6


def _legacy_package(root: Path) -> tuple[Path, list[Path]]:
    """A repo with svc/pkg/mod0..5.py committed and each compiled beside it (mod0.pyc ...),
    the way `compileall -b` leaves them: six stray .pyc of one folder."""
    repo = make_repo(root / "ws")
    pkg = repo / "svc" / "pkg"
    for i in range(_COUNT):
        write(pkg / f"mod{i}.py", f"x = {i}\n")
    commit(repo, *(f"svc/pkg/mod{i}.py" for i in range(_COUNT)))
    compiled = []
    for i in range(_COUNT):
        target = pkg / f"mod{i}.pyc"
        py_compile.compile(str(pkg / f"mod{i}.py"), cfile=str(target), doraise=True)
        compiled.append(target)
    backdate(repo)
    return repo, compiled


def _wait_for_intents(state: Path, count: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if sum(1 for e in journal_entries(state) if e.get("op") == "intent") >= count:
            return
        time.sleep(0.05)
    raise AssertionError("the fix never wrote its intents")


def _fix_held_at_move(repo: Path, state: Path, move: int,
                      hold_s: float = 2.0) -> subprocess.Popen[str]:
    return held_tidy("fix", "--yes", "-q", "--select", "TDY101", "--format", "json", str(repo),
                     cwd=repo.parent, state=state, syscall="renameat2", hold_s=hold_s,
                     when=str(move), text=True)


def _outcomes(out: str) -> dict[str, dict[str, object]]:
    return {str(o["path"]): o for o in json.loads(out)["result"]["outcomes"]}


def test_a_parent_moved_out_between_two_files_keeps_the_rest_at_their_new_place(
        tmp_path: Path) -> None:
    repo, files = _legacy_package(tmp_path)
    state, outside = tmp_path / "state", tmp_path / "outside"
    outside.mkdir()
    # Held right before the third rename: two files moved, the third checked (its rename, a
    # syscall later, is the window no check can close); the package then moves away.
    fix = _fix_held_at_move(repo, state, move=3)
    _wait_for_intents(state, _COUNT)
    time.sleep(0.5)  # well inside the hold
    (repo / "svc").rename(outside / "svc")
    out, err = fix.communicate(timeout=60)
    outcomes = _outcomes(out)
    statuses = [outcomes[str(f)]["status"] for f in files]
    assert statuses.count("done") == 3, out + err
    assert statuses.count("skipped") == _COUNT - 3, out + err
    for path in files:
        if outcomes[str(path)]["status"] == "skipped":
            assert "was moved or replaced since the check" in str(outcomes[str(path)]["reason"])
    left = sorted(p.name for p in (outside / "svc" / "pkg").glob("*.pyc"))
    assert len(left) == _COUNT - 3, left  # none of the rest taken from the new place
    assert sorted(p.name for p in (outside / "svc" / "pkg").glob("*.py")) == [
        f"mod{i}.py" for i in range(_COUNT)]


def test_a_file_swapped_for_a_link_between_two_files_of_a_batch_is_left(
        tmp_path: Path) -> None:
    repo, files = _legacy_package(tmp_path)
    state = tmp_path / "state"
    secret = write(tmp_path / "elsewhere" / "keep.pyc", b"not tidy's to move\n")
    fix = _fix_held_at_move(repo, state, move=1)  # held at the first move: all checked
    _wait_for_intents(state, _COUNT)
    victim = files[-1]
    victim.unlink()
    os.symlink(secret, victim)
    out, err = fix.communicate(timeout=60)
    outcome = _outcomes(out)[str(victim)]
    # Its rename comes after the swap: refused by the check right before it, or (when it
    # was the one held) renamed and put back by the check right after it.
    assert outcome["status"] == "skipped", out + err
    assert "replaced during the" in str(outcome["reason"])
    assert os.path.islink(victim) and os.readlink(victim) == str(secret)
    assert secret.read_bytes() == b"not tidy's to move\n"
    assert all(not f.exists() for f in files[:-1]), "the other files of the batch still move"


def test_sigkill_between_two_moves_then_undo_gives_the_tree_back_byte_identical(
        tmp_path: Path) -> None:
    repo, _files = _legacy_package(tmp_path)
    state = tmp_path / "state"
    before = snapshot(repo)
    fix = _fix_held_at_move(repo, state, move=4, hold_s=5)  # three moved; `done` lines held
    _wait_for_intents(state, _COUNT)
    deadline = time.monotonic() + 30
    while len(list((repo / "svc" / "pkg").glob("*.pyc"))) > _COUNT - 3:
        assert time.monotonic() < deadline, "the first three moves never happened"
        time.sleep(0.05)
    os.killpg(fix.pid, signal.SIGKILL)
    fix.communicate(timeout=60)
    entries = journal_entries(state)
    assert not any(e.get("op") == "done" for e in entries), (
        "the killed run's done lines were on disk: this test no longer lands between moves "
        "whose lines are held")
    assert len(list((repo / "svc" / "pkg").glob("*.pyc"))) == _COUNT - 3

    undo = tidy("undo", "--yes", cwd=repo, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert snapshot(repo) == before
