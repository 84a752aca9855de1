"""`git rm -r` of an unused vendored library: only when asked by name, and undoable."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli.many_rules import write_vendored_site
from tests.conftest import commit, git, hermetic_env, make_repo, run_cli


def _snapshot(repo: Path) -> dict[str, str]:
    """Every file under the repo (not .git) with a hash of its bytes."""
    return {str(p.relative_to(repo)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(repo.rglob("*")) if p.is_file() and ".git" not in p.parts}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "site")
    write_vendored_site(repo)
    commit(repo)
    return repo


def _fix(repo: Path, state: Path, *args: str) -> int:
    env = hermetic_env({"TIDY_STATE_DIR": str(state)})
    return run_cli("fix", "--yes", "--skip-recent", "0s", *args, cwd=repo, env=env).code


@pytest.mark.slow
def test_not_applied_unless_the_rule_is_named(site: Path, tmp_path: Path) -> None:
    before = _snapshot(site)
    assert _fix(site, tmp_path / "state", "--unsafe-fixes") == 0
    assert _fix(site, tmp_path / "state", "--unsafe-fixes", "--select", "TDY4") == 0
    assert _snapshot(site) == before
    assert "static/vendor/ketcher/ketcher.min.js" in git(site, "ls-files")


@pytest.mark.slow
def test_git_rm_removes_only_the_unused_library_and_undo_restores_it(
    site: Path, tmp_path: Path
) -> None:
    before, index_before = _snapshot(site), git(site, "ls-files", "-s")
    state = tmp_path / "state"
    assert _fix(site, state, "--unsafe-fixes", "--select", "TDY401") == 0
    assert not (site / "static/vendor/ketcher").exists()
    status = git(site, "status", "--porcelain")
    assert "D  static/vendor/ketcher/ketcher.min.js" in status  # staged deletion, as git rm
    after = _snapshot(site)
    assert {k: v for k, v in before.items() if "ketcher" not in k} == after  # the rest intact
    env = hermetic_env({"TIDY_STATE_DIR": str(state)})
    assert run_cli("undo", cwd=site, env=env).code == 0
    assert _snapshot(site) == before
    assert git(site, "ls-files", "-s") == index_before
    assert git(site, "status", "--porcelain") == ""


@pytest.mark.slow
def test_the_vendored_bytes_budget_names_a_fix_command_that_removes_the_library(
    site: Path, tmp_path: Path
) -> None:
    """TDY905's page names the `tidy fix` line to run; that line, run as written, must do the
    git rm (`--select TDY4` alone would plan nothing: the rule has to be named)."""
    import re
    import shlex

    from tidy.rules.registry import BY_CODE

    (line,) = re.findall(r"`(tidy fix [^`]*)`", BY_CODE["TDY905"].doc)
    assert _fix(site, tmp_path / "state", *shlex.split(line)[2:]) == 0
    assert not (site / "static/vendor/ketcher").exists()
