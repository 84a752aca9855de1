"""Two tidy commands at once on the same tree or the same run: fix + fix, watch --once +
fix, fix + undo, undo + undo, undo + purge, purge + undo, extract + its undo. Each item ends
in exactly one place, no command dies as an internal error, and the one that must give way
says so in one line.

One command is held by strace at a real syscall of its move (the rename into or out of the
trash, or purge's first delete) after its journal says what it is about to do; the other
runs meanwhile, then the held one goes on.

These held on the old code but one: a purge that met a run an undo was putting back said
"nothing to purge" (exit 0) while the trash still held it; now it says the run was left
alone because another tidy holds it (exit 1 when the run was named). The others are kept
as guards of the locks they prove (each item's flock, each run journal's flock).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write
from tests.fixes.helpers import Snapshot, backdate, snapshot
from tests.safety.helpers import held_tidy, tidy

pytestmark = pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")

FIX = ("fix", "--yes", "-q", "--select", "TDY1")


def _hold_s() -> float:
    """How long the held command waits at its step: longer than the other commands the test
    runs meanwhile take. 2 s on a quiet machine; on 2 cores under load 15 each `tidy` took
    3-5 s and the hold ended before the second ran (both tests failed in a loaded CI run), so
    it grows with the load per core (at most 20 s)."""
    per_core = os.getloadavg()[0] / (os.cpu_count() or 1)
    return min(20.0, 2.0 * max(1.0, per_core))


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    write(root / "web" / "package.json", "{}\n")
    for i in range(30):
        write(root / "web" / "node_modules" / "dep" / f"f{i}.js", f"// {i}\n")
    for name in ("a", "b", "c"):
        write(root / name / "m.py", "x = 1\n")
        write(root / name / "__pycache__" / "m.cpython-311.pyc", f"bytecode {name}\n")
    backdate(root, 40 * 86400)  # past watch's artifacts-older-than (30 days)
    return root


def _wait_for(state: Path, op: str, timeout: float = 60) -> str:
    """The run whose journal first holds an entry `op` (written before the held step)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for journal in (state / "runs").glob("*.jsonl"):
            if f'"op":"{op}"' in journal.read_text(errors="replace"):
                return journal.name.removesuffix(".jsonl")
        time.sleep(0.01)
    raise AssertionError(f"no journal reached {op!r}")


def _finish(held: subprocess.Popen[Any]) -> tuple[int, str]:
    out, err = held.communicate(timeout=120)
    return held.returncode, (out or "") + (err or "")


def _no_internal_error(*results: tuple[int, str]) -> None:
    for code, text in results:
        assert code in (0, 1, 2) and "internal error" not in text, text


def _undo_all(root: Path, state: Path) -> None:
    for _ in range(5):
        if tidy("undo", cwd=root, state=state).returncode != 0:
            break


@pytest.mark.slow
@pytest.mark.parametrize("first", [("fix", *FIX[1:]), ("watch", "--once")])
def test_two_commands_moving_the_same_tree_at_once_move_each_item_once(
        tmp_path: Path, first: tuple[str, ...]) -> None:
    root = _project(tmp_path)
    before = snapshot(root)
    state = tmp_path / "st"
    held = held_tidy(*first, str(root), cwd=root, state=state, syscall="renameat2",
                     hold_s=_hold_s(), text=True)
    _wait_for(state, "intent")
    other = tidy(*FIX, str(root), cwd=root, state=state)
    _no_internal_error(_finish(held), (other.returncode, other.stdout + other.stderr))
    assert not (root / "web" / "node_modules").exists()
    assert not any(root.glob("*/__pycache__"))
    runs = [json.loads(line) for journal in (state / "runs").glob("*.jsonl")
            for line in journal.read_text().splitlines()]
    moved = [e["path"] for e in runs if e.get("op") == "intent"
             and any(d.get("ref") == e["seq"] and d.get("run") == e["run"] and d["op"] == "done"
                     for d in runs)]
    assert sorted(moved) == sorted(set(moved)) and len(moved) == 4, moved  # each once
    _undo_all(root, state)
    assert snapshot(root) == before


@dataclass
class _HeldUndo:
    """A fix of the project, and its undo held at its first rename."""

    root: Path
    before: Snapshot
    state: Path
    held: subprocess.Popen[str]
    run_id: str


def _fix_then_hold_its_undo(tmp_path: Path) -> _HeldUndo:
    root = _project(tmp_path)
    before = snapshot(root)
    state = tmp_path / "st"
    assert tidy(*FIX, str(root), cwd=root, state=state).returncode == 0
    held = held_tidy("undo", cwd=root, state=state, syscall="renameat2", hold_s=_hold_s(),
                     text=True)
    return _HeldUndo(root, before, state, held, _wait_for(state, "undo-intent"))


@pytest.mark.slow
def test_an_undo_of_a_run_another_undo_holds_gives_way_in_one_line(tmp_path: Path) -> None:
    undo = _fix_then_hold_its_undo(tmp_path)
    root, before, state, held, run_id = (undo.root, undo.before, undo.state, undo.held,
                                         undo.run_id)
    second = tidy("undo", run_id, cwd=root, state=state)
    assert second.returncode == 2, second.stdout + second.stderr
    (line,) = second.stderr.strip().splitlines()
    assert "in use by another tidy process" in line, line
    code, text = _finish(held)
    assert code == 0, text
    assert snapshot(root) == before


@pytest.mark.slow
def test_a_purge_of_a_run_an_undo_holds_leaves_it_alone_and_says_so(tmp_path: Path) -> None:
    undo = _fix_then_hold_its_undo(tmp_path)
    root, before, state, held, run_id = (undo.root, undo.before, undo.state, undo.held,
                                         undo.run_id)
    purge = tidy("trash", "purge", "--yes", run_id, cwd=root, state=state)
    assert purge.returncode == 1, purge.stdout + purge.stderr
    assert f"left alone: run {run_id} is in use by another tidy process" in purge.stderr
    code, text = _finish(held)
    assert code == 0, text
    assert snapshot(root) == before  # every file put back: none purged under the undo


@pytest.mark.slow
def test_an_undo_while_a_purge_deletes_puts_nothing_partial_back(tmp_path: Path) -> None:
    root = _project(tmp_path)
    state = tmp_path / "st"
    assert tidy(*FIX, str(root), cwd=root, state=state).returncode == 0
    held = held_tidy("trash", "purge", "--yes", cwd=root, state=state, syscall="unlinkat",
                     hold_s=_hold_s(), text=True)
    _wait_for(state, "purge-begin")
    undo = tidy("undo", cwd=root, state=state)
    _no_internal_error(_finish(held), (undo.returncode, undo.stdout + undo.stderr))
    assert not (root / "web" / "node_modules").exists(), "put back while being purged"
    assert not any(root.glob("*/__pycache__"))
    assert "the trash is empty" in tidy("trash", "list", cwd=root, state=state).stdout


@pytest.mark.slow
def test_an_undo_and_a_second_extraction_during_an_extraction_leave_it_whole(
        tmp_path: Path) -> None:
    """`tidy extract` held as its stub is linked in (the module stands aside that instant):
    `tidy extract --undo` finds no finished backup and another `tidy extract` no module,
    each in one line; neither finishes the live extraction backwards nor puts the module
    back from aside under it. The extraction completes and undoes to the exact bytes."""
    from tests.safety.helpers import data_module_repo

    repo = data_module_repo(tmp_path / "repo")
    module = repo / "pkg" / "data.py"
    original = module.read_bytes()
    state = tmp_path / "st"
    # linkat: the data file, then the new module (held there, the original standing aside)
    held = held_tidy("extract", "pkg/data.py", cwd=repo, state=state, syscall="linkat",
                     hold_s=_hold_s(), when="2", text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and module.exists():
        time.sleep(0.01)
    assert not module.exists(), "the extraction never reached its swap"
    undo = tidy("extract", "--undo", "pkg/data.py", cwd=repo, state=state)
    again = tidy("extract", "pkg/data.py", cwd=repo, state=state)
    for other in (undo, again):
        assert other.returncode == 1, other.stdout + other.stderr
        assert len(other.stderr.strip().splitlines()) == 1, other.stderr
    code, text = _finish(held)
    assert code == 0, text
    assert module.read_bytes() != original and (repo / "pkg" / "data.json.gz").is_file()
    final = tidy("extract", "--undo", "pkg/data.py", cwd=repo, state=state)
    assert final.returncode == 0, final.stdout + final.stderr
    assert module.read_bytes() == original


@pytest.mark.slow
def test_an_undo_while_a_fix_still_moves_gives_way_and_undoes_it_after(tmp_path: Path) -> None:
    """`tidy undo` (no run named) while the newest fix is between two moves: it names that
    run as in use, in one line, rather than undoing an older one or half of this one."""
    root = _project(tmp_path)
    before = snapshot(root)
    state = tmp_path / "st"
    held = held_tidy(*FIX, str(root), cwd=root, state=state, syscall="renameat2", hold_s=_hold_s(),
                     when="2", text=True, follow_forks=False)
    run_id = _wait_for(state, "intent")
    # The first item moved, the fix held before the second (seen on disk: a batch's `done`
    # lines are appended together since fix-scale round 2, not one by one).
    items = [root / "web" / "node_modules", *(root / n / "__pycache__" for n in "abc")]
    deadline = time.monotonic() + 60
    while all(item.exists() for item in items):
        assert time.monotonic() < deadline, "the fix never made its first move"
        time.sleep(0.01)
    undo = tidy("undo", cwd=root, state=state)
    assert undo.returncode == 2, undo.stdout + undo.stderr
    (line,) = undo.stderr.strip().splitlines()
    assert f"run {run_id} is in use by another tidy process" in line, line
    code, text = _finish(held)
    assert code == 0, text
    assert tidy("undo", cwd=root, state=state).returncode == 0
    assert snapshot(root) == before
