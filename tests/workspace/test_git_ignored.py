"""Where git's ignore rules can come from, and that the scan sees each of them.

tidy only asks git to list ignored paths (a walk of every untracked folder) when some rule
exists: a root `.gitignore`, `.git/info/exclude`, the user's excludes file, or a `.gitignore`
the walk met anywhere, inside measured artifacts too. Each case here puts the only rule in
one of those places and checks the search surface against ripgrep's own listing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import commit, git, make_repo, rg_surface, scan_foundation, write
from tidy.workspace.git import _tracked_index


def _tree(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "r")
    write(repo / "pyproject.toml", "[project]\nname='x'\n")
    write(repo / "src" / "app.py", size=1000)
    write(repo / "src" / "debug.log", size=77)
    write(repo / "node_modules" / "dep" / "index.js", size=500)
    write(repo / "node_modules" / "dep" / "trace.log", size=55)
    write(repo / "package.json", "{}")
    commit(repo, "pyproject.toml", "src/app.py", "package.json")
    return repo


def _surface(report: dict[str, object]) -> tuple[int, int]:
    (group,) = report["groups"]  # type: ignore[index]
    before = group["surface"]["before"]  # type: ignore[index]
    return before["files"], before["bytes"]


def _ignored(report: dict[str, object], path: str) -> object:
    (group,) = report["groups"]  # type: ignore[index]
    (found,) = [f for f in group["findings"] if f["path"] == path]  # type: ignore[index]
    return found["ignored"]


def test_a_repo_without_any_rule_has_nothing_ignored(tmp_path: Path) -> None:
    repo = _tree(tmp_path)
    report = scan_foundation(repo)
    assert _surface(report) == rg_surface(repo, tmp_path)
    assert _ignored(report, "node_modules") is False


@pytest.mark.parametrize("place", ["info-exclude", "nested", "inside-artifact"])
def test_the_only_rule_is_found_wherever_it_is(tmp_path: Path, place: str) -> None:
    repo = _tree(tmp_path)
    if place == "info-exclude":
        (repo / ".git" / "info").mkdir(exist_ok=True)
        (repo / ".git" / "info" / "exclude").write_text("# comment\n*.log\n")
    elif place == "nested":
        write(repo / "src" / ".gitignore", "*.log\n")
    else:  # a package that ships its own .gitignore, deep inside a measured folder
        write(repo / "node_modules" / "dep" / ".gitignore", "*.log\n")
    report = scan_foundation(repo)
    assert _surface(report) == rg_surface(repo, tmp_path)


def test_a_rule_in_the_configured_excludes_file_counts(tmp_path: Path) -> None:
    repo = _tree(tmp_path)
    excludes = write(tmp_path / "my-excludes", "node_modules/\n")
    git(repo, "config", "core.excludesFile", str(excludes))
    report = scan_foundation(repo)
    assert _ignored(report, "node_modules") is True


def test_a_rule_in_the_default_user_excludes_file_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _tree(tmp_path)
    config_home = tmp_path / "config"
    write(config_home / "git" / "ignore", "*.log\nnode_modules/\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    report = scan_foundation(repo)
    assert _ignored(report, "node_modules") is True
    rg = rg_surface(repo, tmp_path, {"XDG_CONFIG_HOME": str(config_home)})
    assert _surface(report) == rg


def test_comments_and_blank_lines_are_not_rules(tmp_path: Path) -> None:
    repo = _tree(tmp_path)
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "exclude").write_text("# git ls-files --exclude-from\n\n   \n")
    report = scan_foundation(repo)
    assert _ignored(report, "node_modules") is False
    assert _surface(report) == rg_surface(repo, tmp_path)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "a/b", "b", "é", "z/y", "Z", ".x"]), max_size=12))
def test_the_tracked_index_lists_each_path_once_and_sorted(listed: list[str]) -> None:
    """A conflicted file comes once per index stage: the index keeps it once, sorted, and
    its set holds exactly those paths (with or without a path listed twice)."""
    tracked, tracked_set = _tracked_index(listed)
    assert tracked == tuple(sorted(set(listed)))
    assert tracked_set == frozenset(listed)
