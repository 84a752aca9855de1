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


@pytest.mark.slow
def test_a_committed_cache_does_not_keep_the_others_unignored(tmp_path: Path) -> None:
    """Issue 17 point 5: one committed `pkg/__pycache__/x.pyc` and a tracked
    `static/.DS_Store` no longer stop the safe fix from writing `__pycache__/` and
    `.DS_Store`: exit 0, every other copy ignored, the committed ones still tracked and on
    disk, each still reported with its untrack fix."""
    repo = make_repo(tmp_path / "app")
    committed = {"pkg/__pycache__/x.cpython-312.pyc": b"committed bytecode",
                 "static/.DS_Store": b"\0\0\0\1Bud1" + bytes(64)}
    for rel, data in committed.items():
        write(repo / rel, data)
    write(repo / "pkg" / "x.py", "X = 1\n")
    commit(repo)
    for rel in ("app/__pycache__/y.cpython-312.pyc", "pkg/sub/__pycache__/z.cpython-312.pyc",
                "docs/.DS_Store"):
        write(repo / rel, b"made since")
    backdate(repo)
    done = run_tidy("fix", "--yes", cwd=repo, state=tmp_path / "state")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "would match tracked file" not in done.stdout + done.stderr
    block = (repo / ".gitignore").read_text().splitlines()
    assert "__pycache__/" in block and ".DS_Store" in block
    assert set(committed) <= _tracked(repo)
    for rel, data in committed.items():
        assert (repo / rel).read_bytes() == data
    status = git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert status == ["?? .gitignore"]  # nothing else left unignored, nothing staged
    report = scan_foundation(repo)
    committed_findings = {f["path"]: f for f in findings(report) if f["tracked"] != "untracked"}
    assert committed_findings["pkg/__pycache__"]["code"] == "TDY102"
    assert committed_findings["static/.DS_Store"]["code"] == "TDY104"
    for finding in committed_findings.values():
        assert finding["fix"]["action"] == "untrack"
    assert not findings(scan_foundation(repo, "--select", "TDY503"))
