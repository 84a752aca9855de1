"""`tidy extract` (and its undo, and the TDY301 fix) on a disk that fills up: one line, the
module as it was, and nothing of tidy's left behind.

The repository lives on a real 2 MB tmpfs, filled with a real file until the room left is
measured in pages: too little for the backup of the module, or room for the backup but not
for the data file, or (undo) not for the module's original.

Before: each was an internal error (exit 3, OSError ENOSPC from the backup's or the data
file's write), and a backup that did not fit was left half-written in `.git/tidy/extract/`
(one more on every try). Now the backup is taken out again ("nothing changed"), a failure
after it is finished backwards at once (the data file tidy wrote goes), and an undo that
cannot write the original keeps the stub and the backup and says to run it again.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import data_module_repo, tidy
from tests.safety.mounts import tmpfs

PAGE = 4096


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "fs"
    point.mkdir()
    with tmpfs(point, "size=2m"):
        repo = data_module_repo(point / "repo")
        backdate(repo / "pkg")  # not "written just now" for the fix
        yield repo


def _fill(repo: Path, leave_pages: int) -> Path:
    filler = repo.parent / "filler"
    st = os.statvfs(repo)
    write(filler, b"\0" * max(0, st.f_bavail * st.f_frsize - leave_pages * PAGE))
    return filler


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _nothing_left(repo: Path) -> None:
    backups = repo / ".git" / "tidy" / "extract"
    assert not backups.exists() or os.listdir(backups) == [], os.listdir(backups)
    assert sorted(os.listdir(repo / "pkg")) == ["__init__.py", "data.py"]


def _one_line(done: object) -> str:
    stderr = getattr(done, "stderr", "")
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error" not in stderr, stderr
    return str(lines[0])


def _backup_pages(module: Path) -> int:
    return math.ceil(module.stat().st_size / PAGE) + 1  # the original, and the record


@pytest.mark.slow
def test_a_backup_that_does_not_fit_is_taken_out_and_nothing_changes(
        repo: Path, tmp_path: Path) -> None:
    module = repo / "pkg" / "data.py"
    before = _digest(module)
    _fill(repo, leave_pages=4)
    for _ in range(2):  # and not one more half backup on every try
        done = tidy("extract", "pkg/data.py", cwd=repo, state=tmp_path / "st")
        assert done.returncode == 1, done.stderr
        line = _one_line(done)
        assert "cannot write the extraction's backup" in line and "nothing changed" in line
        assert _digest(module) == before
        _nothing_left(repo)


@pytest.mark.slow
def test_a_data_file_that_does_not_fit_is_finished_backwards_at_once(
        repo: Path, tmp_path: Path) -> None:
    module = repo / "pkg" / "data.py"
    before = _digest(module)
    filler = _fill(repo, leave_pages=_backup_pages(module) + 1)
    done = tidy("extract", "pkg/data.py", cwd=repo, state=tmp_path / "st")
    assert done.returncode == 1, done.stderr
    assert "No space left" in _one_line(done)
    assert _digest(module) == before
    _nothing_left(repo)
    filler.unlink()
    again = tidy("extract", "pkg/data.py", cwd=repo, state=tmp_path / "st")
    assert again.returncode == 0, again.stderr
    assert (repo / "pkg" / "data.json.gz").is_file()


@pytest.mark.slow
def test_an_undo_that_cannot_write_the_original_keeps_the_stub_and_its_backup(
        repo: Path, tmp_path: Path) -> None:
    module = repo / "pkg" / "data.py"
    before = _digest(module)
    state = tmp_path / "st"
    assert tidy("extract", "pkg/data.py", cwd=repo, state=state).returncode == 0
    stub = _digest(module)
    filler = _fill(repo, leave_pages=2)
    undo = tidy("extract", "--undo", "pkg/data.py", cwd=repo, state=state)
    assert undo.returncode == 1, undo.stderr
    line = _one_line(undo)
    assert "nothing was restored" in line and "run the undo again" in line, line
    assert _digest(module) == stub and (repo / "pkg" / "data.json.gz").is_file()
    filler.unlink()
    again = tidy("extract", "--undo", "pkg/data.py", cwd=repo, state=state)
    assert again.returncode == 0, again.stderr
    assert _digest(module) == before
    _nothing_left(repo)


@pytest.mark.slow
def test_the_tdy301_fix_on_a_full_disk_fails_that_item_and_leaves_nothing(
        repo: Path, tmp_path: Path) -> None:
    module = repo / "pkg" / "data.py"
    before = _digest(module)
    _fill(repo, leave_pages=_backup_pages(module) + 1)
    fix = tidy("fix", "--yes", "-q", "--unsafe-fixes", "--select", "TDY301", str(repo),
               cwd=repo, state=tmp_path / "st")
    assert fix.returncode == 1, fix.stderr
    assert "No space left" in fix.stdout + fix.stderr
    assert _digest(module) == before
    _nothing_left(repo)
