"""The history database (history.sqlite, `tidy history`) is one of tidy's state files: never
opened through a symlink, never a FIFO or another non-regular file.

Before, `tidy scan` handed the path straight to SQLite, which follows links: a link named
history.sqlite had every scan add tidy's tables and rows to whatever database the link
named, and a dangling link made a new file where it pointed. A FIFO in its place gave
"disk I/O error", which names nothing to fix. Now each is refused with one line naming it
(a warning for `tidy scan`, whose report stands; an error for `tidy history`), and nothing
is written elsewhere.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.safety.helpers import tidy
from tests.safety.moves_helpers import node_project

DB = "history.sqlite"


def _other_database(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('the user''s own data')")
    db.close()


def _tables(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'"))
    finally:
        db.close()


@pytest.mark.parametrize("target", ["another-database", "dangling"])
def test_a_link_named_as_the_history_is_never_opened(tmp_path: Path, target: str) -> None:
    root = node_project(tmp_path, repo=True)
    state = tmp_path / "st"
    state.mkdir(mode=0o700)
    outside = tmp_path / "outside" / "app.sqlite"
    outside.parent.mkdir()
    if target == "another-database":
        _other_database(outside)
    (state / DB).symlink_to(outside)

    scan = tidy("scan", str(root), cwd=root, state=state, timeout=60)
    assert scan.returncode in (0, 1), scan.stdout + scan.stderr
    warnings = [line for line in scan.stderr.splitlines() if "history" in line]
    assert len(warnings) == 1 and DB in warnings[0] and "symlink" in warnings[0], scan.stderr
    if target == "another-database":
        assert _tables(outside) == ["notes"]
    else:
        assert not outside.exists()
    assert (state / DB).is_symlink()

    shown = tidy("history", str(root), cwd=root, state=state, timeout=60)
    assert shown.returncode != 0 and len(shown.stderr.strip().splitlines()) == 1, shown.stderr
    assert "symlink" in shown.stderr


def test_a_link_named_as_the_write_ahead_log_is_never_written(tmp_path: Path) -> None:
    root = node_project(tmp_path, repo=True)
    state = tmp_path / "st"
    state.mkdir(mode=0o700)
    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n")
    (state / f"{DB}-wal").symlink_to(outside)

    scan = tidy("scan", str(root), cwd=root, state=state, timeout=60)
    assert scan.returncode in (0, 1), scan.stdout + scan.stderr
    assert outside.read_text() == "precious\n"  # SQLite itself replaces such a link: a guard


def test_a_fifo_named_as_the_history_does_not_hang_a_scan(tmp_path: Path) -> None:
    root = node_project(tmp_path, repo=True)
    state = tmp_path / "st"
    state.mkdir(mode=0o700)
    os.mkfifo(state / DB)

    scan = tidy("scan", str(root), cwd=root, state=state, timeout=30)
    assert scan.returncode in (0, 1), scan.stdout + scan.stderr
    assert "FIFO" in scan.stderr and DB in scan.stderr
