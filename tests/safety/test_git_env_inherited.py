"""A GIT_* variable tidy inherits never points its git at another repository or pathspec.

A git hook runs with GIT_DIR and GIT_INDEX_FILE set, and a shell may export them (or
GIT_CONFIG_PARAMETERS, GIT_ICASE_PATHSPECS ...). The scan's git calls dropped six of these, but
`tidy extract` ran `git rev-parse --absolute-git-dir` with all of them: under GIT_DIR of
another repository it wrote its backup of the module into that repository's `.git`. And a
pathspec setting reached `git rm --cached`: GIT_ICASE_PATHSPECS made every untrack fail with
git's "global 'literal' pathspec setting is incompatible". Now only the variables that name
the user's config files (and tracing) reach tidy's git (tidy.workspace.git.git_env).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import commit, git, hermetic_env, make_repo, write
from tests.safety.helpers import data_module_repo


def _tidy(*args: str, cwd: Path, state: Path, env: dict[str, str]
          ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tidy", *args], cwd=cwd,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          env=hermetic_env({"TIDY_STATE_DIR": str(state), **env}),
                          timeout=120, check=False)


@pytest.mark.slow
def test_extract_under_another_repos_git_dir_writes_nothing_there(tmp_path: Path) -> None:
    repo = data_module_repo(tmp_path / "project")
    other = make_repo(tmp_path / "other")
    write(other / "README", "other\n")
    commit(other)
    inherited = {"GIT_DIR": str(other / ".git"), "GIT_INDEX_FILE": str(other / ".git/index")}
    done = _tidy("extract", "pkg/data.py", cwd=repo, state=tmp_path / "st", env=inherited)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (other / ".git/tidy").exists()
    assert list((repo / ".git/tidy/extract").iterdir())  # the backup is in its own repo
    assert git(other, "status", "--porcelain") == ""
    undone = _tidy("extract", "pkg/data.py", "--undo", cwd=repo, state=tmp_path / "st",
                   env=inherited)
    assert undone.returncode == 0, undone.stdout + undone.stderr
    assert git(repo, "status", "--porcelain") == ""


@pytest.mark.slow
def test_untrack_under_inherited_pathspec_and_config_settings(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "project")
    for i in range(3):
        write(repo / "pkg" / f"m{i}.py", f"x = {i}\n")
        write(repo / "pkg" / "__pycache__" / f"m{i}.cpython-311.pyc", b"\0" * 300)
    write(repo / "PKG" / "__PYCACHE__" / "notes.txt", "not a cache\n")
    commit(repo)
    inherited = {"GIT_ICASE_PATHSPECS": "1", "GIT_GLOB_PATHSPECS": "0",
                 "GIT_CONFIG_PARAMETERS": "'core.worktree'='/nonexistent'"}
    done = _tidy("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select", "TDY102",
                 cwd=repo, state=tmp_path / "st", env=inherited)
    assert done.returncode == 0, done.stdout + done.stderr
    tracked = git(repo, "ls-files").split()
    assert "PKG/__PYCACHE__/notes.txt" in tracked  # no case-blind match took it too
    assert not [p for p in tracked if p.startswith("pkg/__pycache__/")]


@pytest.mark.slow
def test_a_core_worktree_in_the_repos_config_does_not_point_git_elsewhere(
        tmp_path: Path) -> None:
    """A downloaded repo's .git/config may name another folder as its work tree: git status
    then compared the library with that folder's files, and GIT_RM refused an untouched
    library as edited. tidy's git works on the folder that holds `.git`, the one reported."""
    repo = make_repo(tmp_path / "site")
    write(repo / "static/vendor/ketcher/package.json", '{"name": "ketcher"}')
    write(repo / "static/vendor/ketcher/ketcher.min.js", "var a=function(){return 1};" * 400)
    write(repo / "templates/base.html", "<p>no scripts</p>\n")
    commit(repo)
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "static/vendor/ketcher/package.json", "someone else's\n")
    git(repo, "config", "core.worktree", str(elsewhere))
    done = _tidy("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select", "TDY401",
                 cwd=repo, state=tmp_path / "st", env={})
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (repo / "static/vendor/ketcher").exists()
    assert (elsewhere / "static/vendor/ketcher/package.json").read_text() == "someone else's\n"


@pytest.mark.slow
@pytest.mark.parametrize("setting", ["GIT_GLOB_PATHSPECS", "GIT_ICASE_PATHSPECS"])
def test_the_commit_check_under_a_pathspec_setting_of_the_users_shell(
        tmp_path: Path, setting: str) -> None:
    """The commit hook's checks kept the whole environment: a pathspec setting exported in
    the user's shell made every check die with git's "incompatible pathspec settings" (exit
    2, the commit refused for no reason). Inside a hook only the variables git sets for it
    (GIT_DIR, GIT_INDEX_FILE, ...) are kept."""
    repo = make_repo(tmp_path / "project")
    write(repo / "big.bin", size=3_000_000)
    git(repo, "add", "big.bin")
    done = _tidy("hook", "check-staged", "big.bin", cwd=repo, state=tmp_path / "st",
                 env={setting: "1"})
    assert done.returncode == 1, done.stdout + done.stderr  # the staged blob is too big
    assert "TDY202" in done.stdout + done.stderr
