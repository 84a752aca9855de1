"""Extraction never writes through a module's folder swapped for a symlink.

The extraction checked the module's path (no link on the way, the bytes it read) and then
wrote the data file, the stub and, on undo, the original module by path again. A folder
swapped for a link to another folder in between had tidy write there: the other folder's
module was replaced by a stub of this one (its own text was in no backup) and a data file
was added beside it; `tidy undo` wrote this module's original over the other folder's
module and deleted its data file. Now every write, read and delete of an extraction in the
work tree goes through the module's folder opened from `/` one name at a time without
following a link: a swap before the opening makes it refuse, a swap after it no longer
matters (the descriptor is the folder that was checked), and the other folder is left byte
for byte.

strace holds the real `tidy` process at the one syscall before the writes (the rename of
the backup's record on apply, the fsync of the undo's intent on undo) while the folder is
swapped, so every run meets the window.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import snapshot
from tests.safety.helpers import data_module_repo, held_tidy, tidy

HOLD_S = 3
FIX = ("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select", "TDY301",
       "--format", "json")


def _repo_and_outside(tmp_path: Path) -> tuple[Path, Path]:
    repo = data_module_repo(tmp_path / "svc")
    outside = tmp_path / "elsewhere" / "pkg"
    write(outside / "__init__.py", "")
    write(outside / "data.py", "precious = 'another project, not tidy's to rewrite'\n")
    write(outside / "notes.txt", "kept\n")
    return repo, outside


def _held(repo: Path, state: Path, syscall: str, when: int, *args: str
          ) -> subprocess.Popen[bytes]:
    return held_tidy(*args, cwd=repo, state=state, syscall=syscall, hold_s=HOLD_S,
                     when=str(when))


def _swap(repo: Path, outside: Path) -> None:
    os.rename(repo / "pkg", repo / "pkg.real")
    os.symlink(outside, repo / "pkg")


def _wait(until: object, proc: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if callable(until) and until():
            time.sleep(0.3)  # well inside the hold
            return
        time.sleep(0.01)
    raise AssertionError(f"never saw {what}")


@pytest.mark.slow
def test_a_folder_swapped_while_the_extraction_writes_is_not_written_through(
        tmp_path: Path) -> None:
    repo, outside = _repo_and_outside(tmp_path)
    before = snapshot(outside)
    original = (repo / "pkg" / "data.py").read_bytes()
    backups = repo / ".git" / "tidy" / "extract"
    # The first rename of the run is the backup record's, right before the work-tree writes
    # (--no-cache: the plan's scan writes no content cache first).
    fix = _held(repo, tmp_path / "st", "renameat", 1, *FIX, "--no-cache", ".")
    _wait(lambda: backups.is_dir() and any(backups.iterdir()), fix, "the backup folder")
    assert fix.poll() is None, "tidy was not held"
    _swap(repo, outside)
    out, err = fix.communicate(timeout=120)

    assert snapshot(outside) == before, "written through the swapped folder"
    # The writes went into the folder that was checked (opened before the swap); the
    # import that verifies them then read the other folder's module through the link and
    # failed, so the run reports a failure and the original is kept in the backup.
    (outcome,) = json.loads(out)["result"]["outcomes"]
    assert outcome["status"] == "failed", outcome
    assert fix.returncode == 1, err.decode()
    kept = [p.read_bytes() for p in backups.glob("*/module.py.orig")]
    assert original in [(repo / "pkg.real" / "data.py").read_bytes(), *kept]


@pytest.mark.slow
def test_undo_of_an_extraction_never_writes_through_a_swapped_folder(tmp_path: Path) -> None:
    repo, outside = _repo_and_outside(tmp_path)
    state = tmp_path / "st"
    done = tidy(*FIX, ".", cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    stub = (repo / "pkg" / "data.py").read_bytes()
    # The other folder holds what undo checks (a copy of the stub and its data file).
    for name in ("data.py", "data.json.gz"):
        shutil.copy2(repo / "pkg" / name, outside / name)
    before = snapshot(outside)
    # fsync 1: the undo's begin, 2: the extraction's undo-intent, right before it acts.
    undo = _held(repo, state, "fsync", 2, "undo")
    _wait(lambda: '"undo-intent"' in "".join(
        p.read_text() for p in (state / "runs").glob("*.jsonl")), undo, "the undo's intent")
    _swap(repo, outside)
    out, err = undo.communicate(timeout=120)

    assert snapshot(outside) == before, "written through the swapped folder"
    assert undo.returncode == 1, out.decode() + err.decode()
    assert "nothing was put back" in out.decode()
    assert (repo / "pkg.real" / "data.py").read_bytes() == stub


@pytest.mark.slow
def test_undo_refuses_a_module_folder_that_is_now_a_link_inside_the_repo(tmp_path: Path) -> None:
    """No race: `pkg/` replaced by a link to another folder of the same repository holding
    the same files. The old undo wrote the original module there and deleted its data
    file; a linked folder on the way is never followed, so nothing is written."""
    repo, _ = _repo_and_outside(tmp_path)
    state = tmp_path / "st"
    done = tidy(*FIX, ".", cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    other = repo / "vendor" / "pkg"
    shutil.copytree(repo / "pkg", other)
    before = snapshot(other)
    _swap(repo, other)
    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 1 and "symlink" in undo.stdout, undo.stdout + undo.stderr
    assert snapshot(other) == before


@pytest.mark.slow
def test_undo_names_a_module_folder_now_linked_outside_the_repo(tmp_path: Path) -> None:
    """No race: `pkg/` replaced by a link to a folder outside the repository. Undo refused,
    rightly, but said the backup was "not one of tidy's extraction backups", which sent the
    user after tidy's state; the message now names the folder that became a link."""
    repo, outside = _repo_and_outside(tmp_path)
    state = tmp_path / "st"
    done = tidy(*FIX, ".", cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("data.py", "data.json.gz"):
        shutil.copy2(repo / "pkg" / name, outside / name)
    before = snapshot(outside)
    _swap(repo, outside)
    undo = tidy("undo", cwd=repo, state=state)
    said = undo.stdout + undo.stderr
    assert undo.returncode == 1, said
    assert "not one of tidy's extraction backups" not in said, said
    (line,) = [ln for ln in said.splitlines() if "pkg" in ln and "symlink" in ln]
    assert f"{repo / 'pkg'} is now a symlink to {outside}" in line, line
    assert "not the folder the module was extracted in" in line, line
    assert snapshot(outside) == before
