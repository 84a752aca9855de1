"""The disk holding the project (or the scheduler's files) is full: every command that
writes there says so in one line, leaves each file as it was, and works again once there is
room.

Real tmpfs filesystems, filled with a real file to the last page.

Before: `tidy init --write` and `tidy schedule install` (a unit file, the crontab file) were
internal errors (exit 3, OSError ENOSPC), and `tidy watch --once` with a full state disk too.
Now init keeps each file with the reason (exit 1), schedule and watch say what could not be
written (exit 2). Held on the old code and kept as guards: a `.gitignore` edit that does
not fit fails that item and keeps the file; an undo whose copy back (across filesystems)
does not fit keeps the trash's copy and completes later.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import tidy
from tests.safety.mounts import tmpfs


def _fill(point: Path) -> Path:
    """Take every free page of the filesystem at `point`."""
    filler = point / "filler"
    st = os.statvfs(point)
    write(filler, b"\0" * (st.f_bavail * st.f_frsize))
    return filler


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "fs"
    point.mkdir()
    with tmpfs(point, "size=1m"):
        yield point


def _one_line(text: str, *words: str) -> None:
    lines = text.strip().splitlines()
    assert len(lines) == 1 and "internal error" not in text, text
    assert all(w in lines[0] for w in words), text


@pytest.mark.slow
def test_a_gitignore_edit_that_does_not_fit_fails_that_item_and_keeps_the_file(
        small_fs: Path, tmp_path: Path) -> None:
    repo = make_repo(small_fs / "repo")
    write(repo / "pkg" / "m.py", "x = 1\n")
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", "bytecode\n")
    write(repo / ".gitignore", "notes.txt\n")
    commit(repo, "pkg/m.py", ".gitignore")
    backdate(repo / "pkg")
    _fill(small_fs)
    fix = tidy("fix", "--yes", "-q", "--format", "json", str(repo), cwd=repo,
               state=tmp_path / "st")
    assert fix.returncode == 1, fix.stdout + fix.stderr
    outcomes = {o["code"]: o for o in json.loads(fix.stdout)["result"]["outcomes"]}
    assert outcomes["TDY501"]["status"] == "failed"
    assert "No space left" in outcomes["TDY501"]["reason"]
    assert (repo / ".gitignore").read_text() == "notes.txt\n"
    assert not [n for n in os.listdir(repo) if n.startswith(".gitignore") and n != ".gitignore"]


@pytest.mark.slow
def test_an_undo_that_cannot_copy_back_keeps_the_trash_copy_and_completes_later(
        no_trash_of_its_own: Path, tmp_path: Path) -> None:
    root = no_trash_of_its_own
    state = tmp_path / "st"
    fix = tidy("fix", "--yes", "-q", "--select", "TDY1", str(root), cwd=tmp_path, state=state)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    filler = _fill(root.parent)
    undo = tidy("undo", cwd=tmp_path, state=state)
    assert undo.returncode == 1, undo.stdout + undo.stderr
    assert "No space left" in undo.stdout
    assert not (root / "web" / "node_modules").exists()
    assert [p.name for p in (root / "web").iterdir()] == ["package.json"]  # no .partial left
    assert len(list((state / "trash").rglob("index.js"))) == 1
    filler.unlink()
    again = tidy("undo", cwd=tmp_path, state=state)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (root / "web" / "node_modules" / "dep" / "index.js").read_text() == \
        "module.exports = 1\n"


@pytest.mark.slow
def test_init_on_a_full_disk_keeps_each_file_and_says_why(small_fs: Path,
                                                            tmp_path: Path) -> None:
    repo = make_repo(small_fs / "repo")
    write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    commit(repo, "pyproject.toml")
    _fill(small_fs)
    init = tidy("init", "--write", str(repo), cwd=repo, state=tmp_path / "st")
    assert init.returncode == 1, init.stdout + init.stderr
    assert init.stdout.count("kept") == 2 and init.stdout.count("No space left") == 2
    assert "internal error" not in init.stderr
    assert (repo / "pyproject.toml").read_text() == '[project]\nname = "x"\n'
    assert not (repo / ".pre-commit-config.yaml").exists()
    assert sorted(os.listdir(repo)) == [".git", "pyproject.toml"]


@pytest.mark.slow
@pytest.mark.parametrize("scheduler", ["systemd", "cron"])
def test_schedule_install_on_a_full_disk_is_one_line_and_keeps_the_crontab(
        small_fs: Path, tmp_path: Path, scheduler: str) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    crontab = write(small_fs / "crontab", "# my jobs\n0 1 * * * echo hi\n")
    units = small_fs / "units"
    units.mkdir()
    _fill(small_fs)
    where = (("--systemd-dir", str(units)) if scheduler == "systemd"
             else ("--crontab-file", str(crontab)))
    done = tidy("schedule", "install", "--scheduler", scheduler, "--no-activate", *where,
                str(project), cwd=project, state=tmp_path / "st")
    assert done.returncode == 2, done.stdout + done.stderr
    _one_line(done.stderr, "cannot write", "No space left", "run the command again")
    assert crontab.read_text() == "# my jobs\n0 1 * * * echo hi\n"
    assert os.listdir(units) == []
    assert sorted(os.listdir(small_fs)) == ["crontab", "filler", "units"]


@pytest.mark.slow
def test_watch_once_with_a_full_state_disk_is_one_line(small_fs: Path,
                                                        tmp_path: Path) -> None:
    project = tmp_path / "proj"
    write(project / "a" / "m.py", "x = 1\n")
    write(project / "a" / "__pycache__" / "m.cpython-311.pyc", "bytecode\n")
    backdate(project, 40 * 86400)
    state = small_fs / "tidy"
    (state / "runs").mkdir(parents=True)
    _fill(small_fs)
    done = tidy("watch", "--once", str(project), cwd=project, state=state)
    assert done.returncode == 2, done.stdout + done.stderr
    _one_line(done.stderr, "cannot write to the journal", "free some space")
    assert (project / "a" / "__pycache__" / "m.cpython-311.pyc").read_text() == "bytecode\n"
