"""The git processes a scan's GitQuery starts: none of the ignore listings when no rule exists
anywhere (each would be empty), and both whenever git has a rule to read, the index's own
`.gitignore` of a sparse checkout included."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import commit, git, make_repo, write
from tidy.workspace.git import GitQuery, _names_gitignore, split_z


def _repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "r")
    write(repo / "src/a.py", "a")
    write(repo / "src/keep.log", "tracked, then ignored")
    commit(repo)
    write(repo / "src/new.log", "untracked")
    return repo


def test_no_rule_anywhere_starts_only_the_tracked_listing(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    query = GitQuery(str(repo))
    facts = query.result(gitignore_found=False)
    assert sorted(query._procs) == ["tracked"]
    assert facts.known and not facts.tracked_ignored and not facts.ignored_files
    assert facts.tracked == ("src/a.py", "src/keep.log")


def test_a_rule_below_the_root_is_asked_about_once_the_walk_saw_it(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write(repo / "src/.gitignore", "*.log\n")
    query = GitQuery(str(repo))
    facts = query.result(gitignore_found=True)
    assert facts.tracked_ignored == frozenset({"src/keep.log"})
    assert facts.is_ignored("src/new.log")


def test_a_sparse_checkouts_gitignore_in_the_index_alone_is_read(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write(repo / "src/.gitignore", "*.log\n")
    commit(repo, "src/.gitignore")
    git(repo, "update-index", "--skip-worktree", "src/.gitignore")
    (repo / "src/.gitignore").unlink()  # git reads it from the index (skip-worktree)
    truth = git(repo, "ls-files", "-z", "--others", "--ignored", "--exclude-standard")
    assert "src/new.log" in truth.split("\0")
    facts = GitQuery(str(repo)).result(gitignore_found=False)  # the walk saw none
    assert facts.is_ignored("src/new.log")
    assert facts.tracked_ignored == frozenset({"src/keep.log"})


_PARTS = st.sampled_from([".gitignore", "a", "x.gitignore", ".gitignore.bak", "gitignore",
                          "é.gitignore", ".gitignorë", "src"])


@given(st.lists(st.lists(_PARTS, min_size=1, max_size=3).map("/".join), max_size=6))
def test_the_listings_gitignore_test_is_the_paths_one(paths: list[str]) -> None:
    """The search of `ls-files -z`'s bytes answers what a test of each decoded path does."""
    listing = b"".join(os.fsencode(p) + b"\0" for p in paths)
    assert _names_gitignore(listing) == any(
        p == ".gitignore" or p.endswith("/.gitignore") for p in split_z(listing))


def test_a_gitignore_only_the_index_holds_at_the_root_is_read(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write(repo / ".gitignore", "*.log\n")
    commit(repo, ".gitignore")
    git(repo, "update-index", "--skip-worktree", ".gitignore")
    (repo / ".gitignore").unlink()
    facts = GitQuery(str(repo)).result(gitignore_found=False)
    assert facts.ignored_files == {"src/new.log"}
    assert facts.tracked_ignored == {"src/keep.log"}
