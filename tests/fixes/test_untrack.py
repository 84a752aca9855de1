"""Committed caches: `git rm -r --cached` + an ignore rule, files kept; undo restores the index."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import commit, git, make_repo, write
from tests.fixes.helpers import backdate, run_tidy, snapshot
from tidy.fixes.untrack import ignore_pattern


def committed_cache(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "r")
    write(root / ".gitignore", "*.log\r\n")  # CRLF: must stay CRLF
    write(root / "pkg" / "mod.py", "x = 1\n")
    write(root / "pkg" / "__pycache__" / "mod.cpython-311.pyc", b"\x00pyc")
    write(root / "pkg" / "__pycache__" / "old.cpython-311.pyc", b"\x00old")
    commit(root)
    backdate(root)
    return root


@pytest.mark.slow
def test_safe_mode_never_touches_a_committed_cache(tmp_path: Path, state_dir: Path) -> None:
    root = committed_cache(tmp_path)
    index = git(root, "ls-files", "-s")
    before = snapshot(root)
    result = run_tidy("fix", "--yes", "-q", "--format", "json", cwd=root, state=state_dir)
    document = json.loads(result.stdout)
    assert not [a for a in document["plan"]["actions"] if "__pycache__" in a["rel"]]
    assert any("unsafe" in i["reason"] for i in document["plan"]["left_out"]
               if i["code"] == "TDY102")
    assert git(root, "ls-files", "-s") == index and snapshot(root) == before


@pytest.mark.slow
def test_untrack_keeps_files_adds_rule_and_undo_restores_index(tmp_path: Path,
                                                              state_dir: Path) -> None:
    root = committed_cache(tmp_path)
    index = git(root, "ls-files", "-s")
    ignore_before = (root / ".gitignore").read_bytes()
    before = snapshot(root)
    result = run_tidy("fix", "--yes", "-q", "--unsafe-fixes", "--select", "TDY102",
                      cwd=root, state=state_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "untracked: 1 path, 2 files" in result.stdout
    assert "pkg/__pycache__" not in git(root, "ls-files")
    assert (root / "pkg" / "__pycache__" / "old.cpython-311.pyc").read_bytes() == b"\x00old"
    ignore = (root / ".gitignore").read_bytes()
    assert b"/pkg/__pycache__/\r\n" in ignore and ignore.startswith(ignore_before)
    status = git(root, "status", "--porcelain")
    assert "D  pkg/__pycache__/mod.cpython-311.pyc" in status and "??" not in status.replace(
        "?? .gitignore", "")
    undo = run_tidy("undo", cwd=root, state=state_dir)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert git(root, "ls-files", "-s") == index
    assert (root / ".gitignore").read_bytes() == ignore_before
    assert snapshot(root) == before


@pytest.mark.parametrize("name", ["a[1]*?.pyc", "trailing ", "#hash", "!bang", "back\\slash",
                                  "caf\xe9", "sp ace"])
def test_ignore_pattern_matches_exactly_that_path(tmp_path: Path, name: str) -> None:
    """Checked by git itself: the rule ignores the path and not a look-alike sibling."""
    root = make_repo(tmp_path / "r")
    target = write(root / "d" / name, "x")
    sibling = write(root / "d" / "a1xy.pyc", "y")
    pattern = ignore_pattern(f"d/{name}", is_dir=False)
    assert pattern is not None
    (root / ".gitignore").write_bytes(os.fsencode(pattern) + b"\n")
    ignored = git(root, "ls-files", "--others", "--ignored", "--exclude-standard", "-z")
    assert ignored.split("\0")[:-1] == [os.path.relpath(target, root)]
    assert sibling.exists()


def test_a_newline_in_a_name_gets_no_rule() -> None:
    assert ignore_pattern("a\nb", is_dir=True) is None
