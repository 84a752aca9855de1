"""No leftovers from moves (issue 14, point 12): no empty run folders or `.tidy-trash/` after
undo or purge, and no copy added to the trash on every run where the original cannot go.

The filesystem cases mount a real tmpfs (tests run as root in CI); they are skipped, with the
reason, only where mounting is impossible.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, write
from tests.fixes.helpers import snapshot
from tests.safety.moves_helpers import node_project

Tidy = Callable[..., CliResult]
FIX = ("fix", "--yes", "-q", "--select", "TDY1", "--format", "json")


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(path))
    return path


def project(parent: Path, repo: bool = False) -> Path:
    return node_project(parent, repo=repo)


def outcomes(result: CliResult) -> list[dict[str, object]]:
    assert result.out, result.err
    found: list[dict[str, object]] = json.loads(result.out)["result"]["outcomes"]
    return found


def files_below(path: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(path)) if path.exists() else 0


def test_undo_leaves_no_empty_tidy_trash_or_run_folder(other_fs: Path, state: Path,
                                                       tidy_main: Tidy) -> None:
    root = project(other_fs)  # not a repo, not the state folder's filesystem: .tidy-trash
    before = snapshot(root)
    result = tidy_main(*FIX, str(root), cwd=root)
    assert result.code == 0 and (root / ".tidy-trash").is_dir()
    assert tidy_main("undo", cwd=root).code == 0
    assert snapshot(root) == before  # no .tidy-trash, .gitignore or CACHEDIR.TAG left


def test_purge_leaves_no_empty_tidy_trash(other_fs: Path, state: Path,
                                          tidy_main: Tidy) -> None:
    root = project(other_fs)
    assert tidy_main(*FIX, str(root), cwd=root).code == 0
    assert tidy_main("trash", "purge", "--yes", cwd=root).code == 0
    assert not (root / ".tidy-trash").exists()


def test_undo_leaves_no_empty_run_folder_in_the_git_trash(tmp_path: Path, state: Path,
                                                          tidy_main: Tidy) -> None:
    root = project(tmp_path, repo=True)
    assert tidy_main(*FIX, str(root), cwd=root).code == 0
    assert tidy_main("undo", cwd=root).code == 0
    assert list((root / ".git" / "tidy" / "trash").iterdir()) == []


def test_a_read_only_filesystem_gets_no_copy_in_the_trash(other_fs: Path, state: Path,
                                                         tidy_main: Tidy) -> None:
    root = project(other_fs)
    before = snapshot(root)
    subprocess.run(["mount", "-o", "remount,ro,bind", str(other_fs)], check=True)
    for _ in range(2):
        result = tidy_main(*FIX, str(root), cwd=root)
        assert result.code == 1
        (outcome,) = outcomes(result)
        assert outcome["status"] == "skipped" and "read-only" in str(outcome["reason"])
    assert files_below(state / "trash") == 0  # not one copy, let alone one per run
    assert snapshot(root) == before


def test_what_was_copied_but_could_not_be_removed_is_not_copied_again(
        other_fs: Path, state: Path, tidy_main: Tidy) -> None:
    """No trash can be made on its filesystem (the top folder is immutable), its own folder
    is writable, but a file inside cannot be deleted (immutable): the first run copies,
    verifies, and reports that the original stayed; the next runs refuse to copy it again
    instead of filling the trash."""
    root = project(other_fs)
    stuck = root / "web" / "node_modules" / "dep" / "index.js"
    for path in (stuck, root):
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
            pytest.skip("chattr +i is not supported here")
    first = outcomes(tidy_main(*FIX, str(root), cwd=root))
    assert first[0]["status"] == "failed" and "could not be fully removed" in str(
        first[0]["reason"])
    copies = files_below(state / "trash")
    assert copies >= 1
    for _ in range(2):
        result = tidy_main(*FIX, str(root), cwd=root)
        assert result.code == 1
        (outcome,) = outcomes(result)
        assert outcome["status"] == "skipped" and "already copied" in str(outcome["reason"])
    assert files_below(state / "trash") == copies
    assert stuck.read_text() == "module.exports = 1\n"


def test_purge_leaves_a_slot_with_a_bind_mount_inside_alone(tmp_path: Path, state: Path,
                                                           tidy_main: Tidy) -> None:
    """A bind mount of the same filesystem has the same st_dev: `rm --one-file-system` alone
    would go in and delete the mounted folder's content."""
    root = project(tmp_path, repo=True)
    result = tidy_main(*FIX, str(root), cwd=root)
    run_id = json.loads(result.out)["run"]
    outside = tmp_path / "outside"
    write(outside / "precious.txt", "outside the root\n")
    point = root / ".git" / "tidy" / "trash" / run_id / "000000" / "node_modules" / "mnt"
    point.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "--bind", str(outside), str(point)],
                                           capture_output=True).returncode:
        pytest.skip("cannot bind-mount here (needs root and mount rights)")
    try:
        purge = tidy_main("trash", "purge", "--yes", cwd=root)
        assert purge.code == 1 and "mounted inside" in purge.out
        assert (outside / "precious.txt").read_text() == "outside the root\n"
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)
