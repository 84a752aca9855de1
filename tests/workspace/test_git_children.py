"""The git processes a scan's GitQuery starts: none of the ignore listings when no rule exists
anywhere (each would be empty), and both whenever git has a rule to read, the index's own
`.gitignore` of a sparse checkout included."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import commit, git, make_repo, write
from tidy.workspace.git import GitQuery


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
