"""The disk holding tidy's state folder fills up (or turns read-only): no move goes
unjournaled, nothing is lost, every command says so in one line, and `tidy undo` works once
there is room again.

The state folder is a real, small tmpfs, filled with a real file until a few pages are left;
the project is elsewhere (its caches go to a `.tidy-trash/` beside them, by rename).

Before: a fix that met the full disk mid-run stopped with "short write to the journal" (exit
2) after moving part of the plan, not saying that anything had moved nor how to put it back,
and left half a line in its journal. Every later `tidy fix`, `tidy undo` and `tidy trash
list` then died as an internal error (exit 3, OSError ENOSPC: recovery's first write, the
newline ending that torn line). A full disk after a complete fix (the audit log's line) was
an internal error too, though the fix had done everything and journaled it. Now a journal
line that cannot be written is taken back, the run stops there and says which run holds what
it did; recovery and undo refuse in one line while the disk is full (exit 2) and work after.
"""

from __future__ import annotations

import json
import math
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import tidy
from tests.safety.mounts import tmpfs

CACHES = 40
# The fix stopped by the full disk: one batch of intents (fewer than the 256 a batch holds),
# then more one-line "done" entries than a page or two can take.
MANY = 240
PAGE = 4096


@pytest.fixture
def state_fs(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "statefs"
    point.mkdir()
    with tmpfs(point, "size=1m"):
        yield point


def _caches(root: Path, count: int = CACHES) -> dict[str, bytes]:
    for i in range(count):
        write(root / f"p{i:02}" / "m.py", "x = 1\n")
        write(root / f"p{i:02}" / "__pycache__" / "m.cpython-311.pyc", f"bytecode {i}\n" * 40)
    backdate(root)
    return _every_pyc(root)


def _every_pyc(root: Path) -> dict[str, bytes]:
    """Each cache file wherever it is (at home or in the trash), by its project."""
    found: dict[str, bytes] = {}
    for path in root.rglob("m.cpython-311.pyc"):
        at_home = path.parent.parent.parent == root
        key = path.parent.parent.name if at_home else _original_of(root, path)
        assert key not in found, f"{key} is in two places"
        found[key] = path.read_bytes()
    return found


def _original_of(root: Path, path: Path) -> str:
    """The project a trashed cache came from, from the bytes it holds (unique per project)."""
    number = int(path.read_bytes().split()[1])
    return f"p{number:02}"


def _at_home(root: Path, count: int = CACHES) -> int:
    return sum(1 for i in range(count) if (root / f"p{i:02}" / "__pycache__").is_dir())


def _fill(point: Path, leave_pages: int) -> Path:
    filler = point / "filler"
    free = os.statvfs(point).f_bavail * os.statvfs(point).f_frsize
    write(filler, b"\0" * max(0, free - leave_pages * PAGE))
    return filler


def _pages_before_the_first_move(tmp_path: Path, state_fs: Path) -> int:
    """The state disk's pages this test's fix fills before its first move: its journal's begin
    line and batch of intents, and any other state file. Measured on a twin tree, fixed with
    room to spare, whose paths are as long as the real one's (a fixed count of free pages was
    either too few or, on another machine, all the journal needed)."""
    twin, state = tmp_path / "twin", state_fs / "twix"  # as long as "proj" and "tidy"
    _caches(twin, MANY)
    (state / "runs").mkdir(parents=True)
    free = os.statvfs(state_fs).f_bfree
    fix = tidy("fix", "--yes", "-q", str(twin), cwd=twin, state=state)
    assert fix.returncode == 0, fix.stderr
    used = free - os.statvfs(state_fs).f_bfree
    (journal,) = (state / "runs").iterdir()
    lines = journal.read_bytes().splitlines(keepends=True)
    moves = [i for i, line in enumerate(lines) if json.loads(line)["op"] == "done"]
    assert len(moves) == MANY and moves[0] > MANY, "one batch of intents, then the moves"
    before_moves = sum(map(len, lines[:moves[0]]))
    journal_pages = math.ceil(journal.stat().st_size / PAGE)
    log = state / "log.jsonl"  # the audit log: written after the last move
    other_pages = used - journal_pages - (math.ceil(log.stat().st_size / PAGE)
                                          if log.exists() else 0)
    shutil.rmtree(state)
    shutil.rmtree(twin)
    return math.ceil(before_moves / PAGE) + max(0, other_pages)


def _whole_lines(journal: Path) -> None:
    data = journal.read_bytes()
    assert data.endswith(b"\n"), data[-200:]
    for line in data.splitlines():
        json.loads(line)


@pytest.mark.slow
def test_a_fix_that_fills_the_state_disk_stops_says_so_and_is_undone_later(
        tmp_path: Path, state_fs: Path) -> None:
    root = tmp_path / "proj"
    before = _caches(root, MANY)
    state = state_fs / "tidy"
    (state / "runs").mkdir(parents=True)
    filler = _fill(state_fs, leave_pages=_pages_before_the_first_move(tmp_path, state_fs) + 1)

    fix = tidy("fix", "--yes", "-q", str(root), cwd=root, state=state)
    assert fix.returncode == 2, fix.stderr
    (run,) = [p.name.removesuffix(".jsonl") for p in (state / "runs").iterdir()]
    (line,) = fix.stderr.strip().splitlines()
    assert "cannot write to the journal" in line and f"tidy undo {run}" in line, line
    moved = MANY - _at_home(root, MANY)
    # A batch's items all move before their done lines (trust-15: the look at their users
    # comes between), so the stop lands at the first done line it cannot write: some or
    # all of the batch moved, each under a durable intent.
    assert 0 < moved <= MANY, moved
    assert _every_pyc(root) == before  # each cache at home or in the trash, whole
    _whole_lines(state / "runs" / f"{run}.jsonl")

    # Still full: each command stops at the first line it cannot write, in one line (an
    # undo may have put back what it could journal first); nothing is lost.
    # (A fix again has work, and a journal to write, only if the batch stopped part way.)
    again = [("fix", "--yes", "-q", str(root))] if moved < MANY else []
    for args in [("undo",), *again]:
        refused = tidy(*args, cwd=root, state=state)
        assert refused.returncode == 2, (args, refused.stderr)
        *notices, line = refused.stderr.strip().splitlines()
        assert "cannot write to the journal" in line and "free some space" in line, line
        # Recovery may have resolved the stopped run first (its line frees space): said so.
        assert all(n.startswith(f"tidy: run {run} was interrupted") for n in notices), notices
        assert _every_pyc(root) == before
    listed = tidy("trash", "list", cwd=root, state=state)
    assert listed.returncode == 0 and run in listed.stdout, listed.stderr

    filler.unlink()
    undo = tidy("undo", cwd=root, state=state)
    assert undo.returncode == 0, undo.stderr
    assert _at_home(root, MANY) == MANY and _every_pyc(root) == before
    assert not (root / ".tidy-trash").exists()


@pytest.mark.slow
def test_a_full_disk_after_a_complete_fix_is_a_notice_not_an_internal_error(
        tmp_path: Path, state_fs: Path) -> None:
    """The journal fits in its one page; the audit log (a new file) gets none."""
    root = tmp_path / "proj"
    write(root / "m.py", "x = 1\n")
    write(root / "__pycache__" / "m.cpython-311.pyc", "bytecode\n")
    backdate(root)
    state = state_fs / "tidy"
    (state / "runs").mkdir(parents=True)
    _fill(state_fs, leave_pages=1)
    fix = tidy("fix", "--yes", "-q", "--format", "json", str(root), cwd=root, state=state)
    assert fix.returncode == 0, fix.stderr
    assert "audit log was not written" in fix.stderr and "No space" in fix.stderr
    assert len(fix.stderr.strip().splitlines()) == 1, fix.stderr
    (outcome,) = json.loads(fix.stdout)["result"]["outcomes"]
    assert outcome["status"] == "done"
    undo = tidy("undo", cwd=root, state=state)
    assert undo.returncode == 0, undo.stderr
    assert (root / "__pycache__" / "m.cpython-311.pyc").read_text() == "bytecode\n"


@pytest.mark.slow
def test_a_read_only_state_folder_is_named_as_such_and_undo_works_after(
        tmp_path: Path) -> None:
    """The state folder's filesystem made read-only after a fix (a bind mount remounted ro:
    a full disk the kernel turned read-only looks the same). Before: undo and purge said
    "not a journal file: Read-only file system" (as if the journal were damaged) and
    watch --once "tidy's state files are only regular files; remove it"."""
    import subprocess

    root = tmp_path / "proj"
    before = _caches(root)
    state = tmp_path / "st"
    assert tidy("fix", "--yes", "-q", str(root), cwd=root, state=state).returncode == 0
    if subprocess.run(["mount", "--bind", str(state), str(state)],
                      capture_output=True).returncode:
        pytest.skip("cannot bind-mount here (needs root and mount rights)")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(state)], check=True)
        undo = tidy("undo", cwd=root, state=state)
        assert undo.returncode == 2, undo.stderr
        (line,) = undo.stderr.strip().splitlines()
        assert "Read-only file system" in line and "make its folder writable" in line, line
        assert "not a journal" not in line
        purge = tidy("trash", "purge", "--yes", cwd=root, state=state)
        assert purge.returncode == 1 and "not a journal" not in purge.stdout, purge.stdout
        assert "Read-only file system" in purge.stdout
        watch = tidy("watch", "--once", str(root), cwd=root, state=state)
        assert watch.returncode == 2, watch.stderr
        (line,) = watch.stderr.strip().splitlines()
        assert "Read-only file system" in line and "remove it" not in line, line
        assert _at_home(root) == 0 and len(list(state.rglob("m.cpython-311.pyc"))) == CACHES
    finally:
        subprocess.run(["umount", "-l", str(state)], check=False)
    assert tidy("undo", cwd=root, state=state).returncode == 0
    assert _at_home(root) == CACHES and _every_pyc(root) == before
