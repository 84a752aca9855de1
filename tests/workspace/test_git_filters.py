"""git.filters_asked: the repo's own filters (git_env's first question) asked ahead, while the
caller does other work; the same answer as asking at once, and no git left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import git, make_repo
from tidy.workspace import git as wgit


def _config_children() -> list[int]:
    """This process's children that are a `git config --show-scope` (running or defunct)."""
    found = []
    for pid in os.listdir("/proc"):
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == os.getpid() and b"--show-scope" in argv:
            found.append(int(pid))
    return found


def _repo_with_filters(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo")
    git(repo, "config", "filter.crypt.clean", "touch /nonexistent/ran-clean")
    git(repo, "config", "filter.crypt.smudge", "touch /nonexistent/ran-smudge")
    return repo


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    wgit._filter_cache.clear()


def test_asked_ahead_is_what_git_env_would_ask_itself(tmp_path: Path) -> None:
    repo = str(_repo_with_filters(tmp_path))
    at_once = wgit.git_env(repo)
    wgit._filter_cache.clear()
    with wgit.filters_asked(repo):
        pass
    assert wgit._filters(repo) == ("filter.crypt.clean", "filter.crypt.smudge")
    assert wgit.git_env(repo) == at_once
    assert "filter.crypt.clean" in at_once.values()  # emptied there: no command runs
    assert not _config_children()


def test_a_failure_meanwhile_leaves_no_git_and_no_answer(tmp_path: Path) -> None:
    repo = str(_repo_with_filters(tmp_path))
    with pytest.raises(RuntimeError, match="meanwhile"), wgit.filters_asked(repo):
        raise RuntimeError("meanwhile")
    assert not _config_children()  # stopped and reaped
    assert not wgit._filter_cache  # asked again by git_env, not taken as "no filters"
    assert "filter.crypt.clean" in wgit.git_env(repo).values()


def test_outside_a_repo_nothing_is_asked(tmp_path: Path) -> None:
    with wgit.filters_asked(None):
        assert not _config_children()
    with wgit.filters_asked(str(tmp_path)):  # no .git: no config state to key an answer by
        assert not _config_children()
    assert not wgit._filter_cache
