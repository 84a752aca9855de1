"""Issue 14, point 4: a committed file that looks like editor junk may be a fixture.

Django keeps test fixtures named like editor backups (`tests/.../backup~`): a tracked backup or
swap file is only reported, even with --unsafe-fixes. Committed OS metadata (.DS_Store,
Thumbs.db) is never anyone's content and keeps its unsafe untrack fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import commit, findings, git, make_repo, scan_foundation, write
from tests.fixes.helpers import backdate, run_tidy

BACKUPS = ["tests/files/backup~", "tests/files/.fixture.txt.swp", "tests/files/#autosave#",
           "tests/files/.#lockfile"]
OS_METADATA = ["docs/.DS_Store", "assets/Thumbs.db"]


def _repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "django")
    for rel in BACKUPS:
        write(repo / rel, f"fixture content of {rel}\n")
    for rel in OS_METADATA:
        write(repo / rel, b"\0\0\0\1Bud1" + bytes(64))
    write(repo / "tests" / "test_files.py", "def test(): ...\n")
    commit(repo)
    backdate(repo)
    return repo


def _tracked(repo: Path) -> set[str]:
    return set(git(repo, "ls-files").splitlines())


def test_scan_gives_a_tracked_backup_no_fix_and_os_metadata_its_untrack(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    found = {f["path"]: f for f in findings(scan_foundation(repo), "TDY104")}
    assert set(found) == {*BACKUPS, *OS_METADATA}
    for rel in BACKUPS:
        assert (found[rel]["fix"]["action"], found[rel]["fix"]["applicability"]) == (
            "none", "display-only"), rel
    for rel in OS_METADATA:
        assert (found[rel]["fix"]["action"], found[rel]["fix"]["applicability"]) == (
            "untrack", "unsafe"), rel


@pytest.mark.slow
@pytest.mark.parametrize("select", ["TDY1", "TDY104"])
def test_unsafe_fixes_untrack_os_metadata_but_never_a_tracked_backup(
    tmp_path: Path, select: str
) -> None:
    repo = _repo(tmp_path)
    contents = {rel: (repo / rel).read_bytes() for rel in BACKUPS}
    done = run_tidy("fix", "--yes", "--unsafe-fixes", "--select", select, cwd=repo,
                    state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    tracked = _tracked(repo)
    assert set(BACKUPS) <= tracked, "a committed backup/swap file stays in git"
    assert {rel: (repo / rel).read_bytes() for rel in BACKUPS} == contents
    assert not set(OS_METADATA) & tracked, "committed OS metadata is untracked"
    assert all((repo / rel).exists() for rel in OS_METADATA), "untracking keeps the file"
