"""The managed block in .gitignore: idempotent, never touches user lines, keeps line endings."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidy.core.safe_files import UnsafeFile
from tidy.fixes.ignore.managed_block import (
    BEGIN,
    END,
    IgnoreFileError,
    add_rules,
    managed_patterns,
    merge_block,
)

USER = "# my rules\n*.log\n!keep.log\n"


def test_new_file_gets_block(tmp_path: Path) -> None:
    assert add_rules(str(tmp_path), ["__pycache__/", "/frontend/.next/"]) is True
    text = (tmp_path / ".gitignore").read_text()
    assert text == f"{BEGIN}\n__pycache__/\n/frontend/.next/\n{END}\n"


def test_rerun_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text(USER)
    assert add_rules(str(tmp_path), ["__pycache__/"]) is True
    first = (tmp_path / ".gitignore").read_bytes()
    mtime = os.stat(tmp_path / ".gitignore").st_mtime_ns
    assert add_rules(str(tmp_path), ["__pycache__/"]) is False
    assert (tmp_path / ".gitignore").read_bytes() == first
    assert os.stat(tmp_path / ".gitignore").st_mtime_ns == mtime


def test_user_lines_kept_byte_for_byte(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text(USER)
    add_rules(str(tmp_path), ["a/"])
    add_rules(str(tmp_path), ["b/"])
    text = (tmp_path / ".gitignore").read_text()
    assert text.startswith(USER)
    assert managed_patterns(text) == ["a/", "b/"]


def test_block_in_the_middle_grows_in_place() -> None:
    text = f"top\n{BEGIN}\nx/\n{END}\nbottom\n"
    assert merge_block(text, ["y/"]) == f"top\n{BEGIN}\nx/\ny/\n{END}\nbottom\n"


def test_crlf_stays_crlf(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_bytes(b"*.log\r\nbuild/\r\n")
    add_rules(str(tmp_path), ["__pycache__/"])
    add_rules(str(tmp_path), [".mypy_cache/"])
    data = (tmp_path / ".gitignore").read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")
    assert data.startswith(b"*.log\r\nbuild/\r\n")


def test_missing_final_newline(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_bytes(b"*.log")
    add_rules(str(tmp_path), ["x/"])
    assert (tmp_path / ".gitignore").read_bytes() == f"*.log\n\n{BEGIN}\nx/\n{END}\n".encode()


def test_missing_final_newline_after_end_marker() -> None:
    text = f"{BEGIN}\nx/\n{END}"
    assert merge_block(text, ["y/"]) == f"{BEGIN}\nx/\ny/\n{END}"


def test_pattern_already_a_user_line_not_repeated() -> None:
    assert merge_block(USER, ["*.log"]) == USER


def test_non_utf8_bytes_survive(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_bytes(b"caf\xe9/\n")
    add_rules(str(tmp_path), ["x/"])
    assert (tmp_path / ".gitignore").read_bytes().startswith(b"caf\xe9/\n\n")


def test_mode_kept(tmp_path: Path) -> None:
    path = tmp_path / ".ignore"
    path.write_text("a\n")
    path.chmod(0o640)
    add_rules(str(tmp_path), ["b/"], filename=".ignore")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".tidy-")]


def test_symlinked_file_is_refused_and_stays_a_link(tmp_path: Path) -> None:
    # Was: written through the link. A symlinked .gitignore is never edited (git ignores a
    # symlinked .gitignore too); the link and its target are left exactly as they were.
    real = tmp_path / "shared-ignore"
    real.write_text("a\n")
    (tmp_path / ".gitignore").symlink_to(real)
    with pytest.raises(UnsafeFile, match="is a symlink"):
        add_rules(str(tmp_path), ["b/"])
    assert (tmp_path / ".gitignore").is_symlink()
    assert real.read_text() == "a\n"


@pytest.mark.parametrize(
    "text",
    [f"{BEGIN}\nx\n", f"x\n{END}\n", f"{BEGIN}\n{END}\n{BEGIN}\n{END}\n", f"{END}\n{BEGIN}\n"],
)
def test_broken_block_refused(text: str) -> None:
    with pytest.raises(IgnoreFileError, match="broken"):
        merge_block(text, ["y/"])


@pytest.mark.parametrize("bad", ["", "  ", "#x", "a\nb", BEGIN])
def test_bad_pattern_refused(bad: str) -> None:
    with pytest.raises(IgnoreFileError):
        merge_block("", [bad])


def _git_ignored(repo: Path, path: str) -> bool:
    proc = subprocess.run(["git", "-C", str(repo), "check-ignore", "--no-index", "-q", path],
                          check=False)
    return proc.returncode == 0


def test_git_reads_the_block(tmp_path: Path) -> None:
    # Existing folders, named without a trailing slash: git 2.39 matches a blank CRLF line
    # against "dir/" (empty basename), so a slash would make every folder look ignored.
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for folder in ("a/b/__pycache__", "frontend/.next", "other/frontend/.next"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / ".gitignore").write_bytes(b"*.log\r\n")
    add_rules(str(tmp_path), ["__pycache__/", "/frontend/.next/"])
    assert _git_ignored(tmp_path, "a/b/__pycache__")
    assert _git_ignored(tmp_path, "frontend/.next")
    assert not _git_ignored(tmp_path, "other/frontend/.next")
    assert _git_ignored(tmp_path, "x.log")


_LINE = st.text(alphabet="ab*/!# .\t\u00e9", max_size=8)


@settings(max_examples=60, deadline=None)
@given(
    user=st.lists(_LINE, max_size=6),
    crlf=st.booleans(),
    final_newline=st.booleans(),
    batches=st.lists(st.lists(st.sampled_from(["a/", "/b/", "*.c", "d"]), max_size=3),
                     max_size=3),
)
def test_properties(
    user: list[str], crlf: bool, final_newline: bool, batches: list[list[str]]
) -> None:
    eol = "\r\n" if crlf else "\n"
    text = eol.join(user) + (eol if final_newline and user else "")
    current = text
    for batch in batches:
        current = merge_block(current, batch)
        assert merge_block(current, batch) == current  # idempotent
    if current == text:
        return
    # the user's text is a prefix, with at most the missing newline added
    assert current.startswith(text)
    block = managed_patterns(current)
    wanted = [p for batch in batches for p in batch]
    user_lines = {line.strip() for line in user}
    assert set(block) == {p for p in wanted if p not in user_lines}
    if crlf and user and "\r\n" in text:
        assert current.count("\n") == current.count("\r\n")
