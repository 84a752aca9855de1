"""`git rm -r` of a vendored library never takes work that is not committed with it, and
neither git fix folds its change into a merge, rebase or cherry-pick in progress.

The GIT_RM applier took the library's entries out of the index (`git rm --cached`) and moved
the whole folder to tidy's trash: a file the user had edited there, a new file staged there,
or a file git does not track at all went with it, while the report said `git rm -r` (which
refuses the first and leaves the last). Once the trash is purged that was the only copy. Now
a folder that is not just its committed copy is skipped, saying why. And during a merge (or
rebase, cherry-pick, revert) whatever is staged goes into the commit that operation makes:
both git fixes (git rm, untrack) now wait until it is finished.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import commit, git, hermetic_env, make_repo, write
from tests.safety.helpers import tidy

MINIFIED = "var a=function(){return 1};" * 400 + "\n"
LIB = "static/vendor/ketcher"


def _site(root: Path) -> Path:
    repo = make_repo(root)
    write(repo / LIB / "package.json", '{"name": "ketcher", "version": "2.4.0"}')
    write(repo / LIB / "ketcher.min.js", MINIFIED)
    write(repo / "templates/base.html", "<p>no scripts</p>\n")
    write(repo / ".gitignore", "*.log\n")
    for i in range(2):
        write(repo / "pkg" / "__pycache__" / f"m{i}.cpython-311.pyc", b"\0" * 300)
    commit(repo)
    return repo


def _edited(repo: Path) -> None:
    with (repo / LIB / "ketcher.min.js").open("a") as f:
        f.write("// my fix for the toolbar\n")


def _staged_new(repo: Path) -> None:
    write(repo / LIB / "plugin.js", "// my plugin\n")
    git(repo, "add", LIB)


def _untracked(repo: Path) -> None:
    write(repo / LIB / "NOTES.md", "what I changed and why\n")


def _fix(repo: Path, state: Path, code: str) -> tuple[int, str]:
    done = tidy("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select", code,
                cwd=repo, state=state)
    return done.returncode, done.stdout + done.stderr


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("work", [_edited, _staged_new, _untracked],
                         ids=["edited", "staged-new", "untracked"])
def test_a_library_holding_uncommitted_work_is_left_alone(
        tmp_path: Path, work: Callable[[Path], None]) -> None:
    repo = _site(tmp_path / "site")
    work(repo)
    files, index = _files(repo / LIB), git(repo, "ls-files", "-s")
    code, out = _fix(repo, tmp_path / "st", "TDY401")
    assert code == 1, out  # skipped, needing attention
    assert "not committed" in out
    assert _files(repo / LIB) == files
    assert git(repo, "ls-files", "-s") == index


@pytest.mark.slow
def test_an_ignored_file_inside_does_not_hold_the_library_back(tmp_path: Path) -> None:
    repo = _site(tmp_path / "site")
    write(repo / LIB / "build.log", "regenerated\n")
    code, out = _fix(repo, tmp_path / "st", "TDY401")
    assert code == 0, out
    assert not (repo / LIB).exists()
    assert LIB not in git(repo, "ls-files")


@pytest.mark.slow
@pytest.mark.parametrize("code", ["TDY401", "TDY102"])
def test_no_git_fix_during_a_merge(tmp_path: Path, code: str) -> None:
    repo = _site(tmp_path / "site")
    git(repo, "checkout", "-q", "-b", "side")
    write(repo / "templates/base.html", "<p>side</p>\n")
    git(repo, "commit", "-q", "-am", "side")
    git(repo, "checkout", "-q", "main")
    write(repo / "templates/base.html", "<p>main</p>\n")
    git(repo, "commit", "-q", "-am", "main")
    git(repo, "merge", "side", check=False)  # a conflict: the merge waits for the user
    assert (repo / ".git/MERGE_HEAD").exists()
    index = git(repo, "ls-files", "-s")
    exit_code, out = _fix(repo, tmp_path / "st", code)
    assert exit_code == 1, out
    assert "merge in progress" in out
    assert git(repo, "ls-files", "-s") == index
    assert (repo / LIB / "ketcher.min.js").exists()


@pytest.mark.slow
@pytest.mark.parametrize(("code", "path", "bit"), [
    ("TDY401", f"{LIB}/package.json", "--skip-worktree"),
    ("TDY102", "pkg/__pycache__/m0.cpython-311.pyc", "--assume-unchanged"),
])
def test_a_file_git_hides_is_never_untracked_half_way(tmp_path: Path, code: str, path: str,
                                                      bit: str) -> None:
    """`git rm --cached` leaves a skip-worktree entry in the index (and git status hides the
    edits of both kinds): the fix said the folder was untracked, the library's folder went to
    the trash with that file still tracked, and undo refused ("tracked again since"), leaving a
    staged deletion behind. An assume-unchanged entry was taken out, and undo put it back
    without its bit (the user's hidden local edits then showed as changes)."""
    repo = _site(tmp_path / "site")
    git(repo, "update-index", bit, path)
    index = git(repo, "ls-files", "-s")
    exit_code, out = _fix(repo, tmp_path / "st", code)
    assert exit_code == 1, out
    assert "skip-worktree or assume-unchanged" in out
    assert git(repo, "ls-files", "-s") == index
    assert (repo / path).exists()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git-lfs") is None, reason="needs git-lfs")
def test_a_git_lfs_library_of_the_users_own_filter_is_compared_through_it(
        tmp_path: Path) -> None:
    """The user's own git-lfs (a filter in their global config) still runs: git status sees
    the LFS file, edited by nobody but touched, as the committed pointer says, so the library
    goes. (A filter the repository's own config names is never run, tidy's git empties it.)"""
    user_config = write(tmp_path / "gitconfig",
                        '[filter "lfs"]\n\tclean = git-lfs clean -- %f\n'
                        "\tsmudge = git-lfs smudge -- %f\n\tprocess = git-lfs filter-process\n"
                        "\trequired = true\n")
    repo = make_repo(tmp_path / "site")
    write(repo / ".gitattributes", "*.min.js filter=lfs diff=lfs merge=lfs -text\n")
    write(repo / LIB / "package.json", '{"name": "ketcher", "version": "2.4.0"}')
    write(repo / LIB / "ketcher.min.js", MINIFIED)
    write(repo / "templates/base.html", "<p>no scripts</p>\n")
    lfs = {"GIT_CONFIG_GLOBAL": str(user_config)}
    env = hermetic_env(lfs)
    for args in (["add", "-A"], ["commit", "-q", "-m", "lfs"]):
        subprocess.run(["git", "-C", str(repo), *args], env=env, check=True)
    assert git(repo, "show", f"HEAD:{LIB}/ketcher.min.js").startswith("version https://git-lfs")
    os.utime(repo / LIB / "ketcher.min.js")  # stat changed: git status compares contents
    done = subprocess.run([sys.executable, "-m", "tidy", "fix", "--yes", "--skip-recent", "0s",
                           "--unsafe-fixes", "--select", "TDY401"], cwd=repo, env=hermetic_env(
                               {**lfs, "TIDY_STATE_DIR": str(tmp_path / "st")}),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (repo / LIB).exists()
