"""No git tidy starts runs a command the scanned repository's config names.

tidy reads repositories it did not make: a downloaded one's `.git/config` and hooks are
whoever made it's. Every git call tidy made inherited them: `core.fsmonitor` ran on each
`git ls-files` of a plain `tidy scan`; a diff driver's `textconv` ran in the `git log -S` that
answers TDY401's "last referenced"; a filter's `process` or `clean` command ran in that `git log
-S` and in the `git rm --cached` of `tidy fix --unsafe-fixes` (which then failed); the
`post-index-change` hook ran after every index write of a fix and of its undo. Now every git
tidy starts has those settings switched off (tidy.workspace.git.git_env): each marker command
below would leave a file behind if it ran.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import commit, git, hermetic_env, make_repo, write
from tests.safety.helpers import tidy

MINIFIED = "var a=function(){return 1};" * 400 + "\n"


def _marker(marks: Path, name: str) -> str:
    return f"touch '{marks / name}'; cat"


def _project(root: Path) -> Path:
    """A committed __pycache__ (TDY102, untrack) and an unused vendored library (TDY401,
    git rm) whose path a note named once, two commits ago (git log -S finds it)."""
    repo = make_repo(root)
    for i in range(3):
        write(repo / "pkg" / f"m{i}.py", f"x = {i}\n")
        write(repo / "pkg" / "__pycache__" / f"m{i}.cpython-311.pyc", b"\0" * 300)
    write(repo / "static/vendor/ketcher/package.json", '{"name": "ketcher", "version": "2.4.0"}')
    write(repo / "static/vendor/ketcher/ketcher.min.js", MINIFIED)
    write(repo / "notes.txt", "we load static/vendor/ketcher here\n")
    commit(repo)
    write(repo / "notes.txt", "not any more\n")
    commit(repo)
    return repo


def _hostile(repo: Path, marks: Path, filter_command: str) -> None:
    """Commands in the repo's own config and hooks, each leaving a file named after it;
    `filter_command` is "clean" or "process" (git runs a process filter in place of clean)."""
    marks.mkdir()
    hooks = marks.parent / "hooks"
    hooks.mkdir()
    for name in ("post-index-change", "reference-transaction", "pre-auto-gc"):
        hook = write(hooks / name, f"#!/bin/sh\ntouch '{marks / ('hook-' + name)}'\n")
        hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    settings = {
        "core.fsmonitor": f"touch '{marks / 'fsmonitor'}'; false",
        "core.hooksPath": str(hooks),
        "diff.tx.textconv": _marker(marks, "textconv"),
        f"filter.fx.{filter_command}": _marker(marks, filter_command),
        "filter.fx.smudge": _marker(marks, "smudge"),
    }
    for key, value in settings.items():
        git(repo, "config", key, value)
    write(repo / ".git/info/attributes", "*.txt diff=tx\n*.js filter=fx\n*.pyc filter=fx\n")


def _ran(marks: Path) -> list[str]:
    return sorted(p.name for p in marks.iterdir())


@pytest.mark.slow
def test_a_scan_with_history_runs_nothing_the_repo_configures(tmp_path: Path) -> None:
    repo = _project(tmp_path / "downloaded")
    marks = tmp_path / "marks"
    _hostile(repo, marks, "process")
    state = tmp_path / "st"
    done = tidy("scan", "--history", "--format", "json", cwd=repo, state=state)
    assert done.returncode in (0, 1), done.stderr
    codes = {f["code"] for g in json.loads(done.stdout)["groups"] for f in g["findings"]}
    assert {"TDY102", "TDY401"} <= codes  # git answered: the scan saw the repo as it is
    assert _ran(marks) == []


@pytest.mark.slow
def test_fix_and_undo_run_no_filter_and_no_hook_of_the_repo(tmp_path: Path) -> None:
    repo = _project(tmp_path / "downloaded")
    marks = tmp_path / "marks"
    _hostile(repo, marks, "clean")
    # The work tree's files are newer than the index says: `git rm --cached` (and git status)
    # compare their contents, through the clean filter when one is configured.
    for path in (repo / "static/vendor/ketcher").iterdir():
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime - 100))
    state = tmp_path / "st"
    before = git(repo, "-c", "core.fsmonitor=false", "ls-files", "-s")
    for code in ("TDY401", "TDY102"):
        done = tidy("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select", code,
                    "--format", "json", cwd=repo, state=state)
        assert done.returncode == 0, done.stdout + done.stderr
    assert not (repo / "static/vendor/ketcher").exists()
    assert "pkg/__pycache__" not in git(repo, "-c", "core.fsmonitor=false", "ls-files")
    assert _ran(marks) == []
    for _ in range(2):
        undone = tidy("undo", cwd=repo, state=state)
        assert undone.returncode == 0, undone.stdout + undone.stderr
    assert git(repo, "-c", "core.fsmonitor=false", "ls-files", "-s") == before
    assert (repo / "static/vendor/ketcher/ketcher.min.js").read_text() == MINIFIED
    assert _ran(marks) == []


@pytest.mark.slow
def test_a_config_that_includes_stdin_does_not_read_tidys_stdin(tmp_path: Path) -> None:
    """git reads `include.path = /dev/stdin`: every git tidy started shared tidy's stdin, so a
    scan run in a terminal (here: a pipe nobody closes) waited for ever for the user's typing,
    and would have parsed it as config. Now no git of tidy's has tidy's stdin."""
    repo = _project(tmp_path / "downloaded")
    git(repo, "config", "include.path", "/dev/stdin")
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "st")})
    reader, writer = os.pipe()  # the writer stays open, as a terminal does: no end of input
    try:
        with subprocess.Popen([sys.executable, "-m", "tidy", "scan", "--history", "--format",
                               "json"], cwd=repo, stdin=reader, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env) as proc:
            os.close(reader)
            try:
                out, err = proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                pytest.fail("tidy scan waited on its stdin")
    finally:
        os.close(writer)
    assert proc.returncode in (0, 1), err
    codes = {f["code"] for g in json.loads(out)["groups"] for f in g["findings"]}
    assert {"TDY102", "TDY401"} <= codes


def _as_an_old_git_reads_it(env: dict[str, str]) -> dict[str, str]:
    """What a git older than 2.31 takes from tidy's environment: it knows no
    GIT_CONFIG_COUNT/KEY/VALUE, only GIT_CONFIG_PARAMETERS (`git -c`'s channel)."""
    return {k: v for k, v in env.items()
            if not (k == "GIT_CONFIG_COUNT" or k.startswith(("GIT_CONFIG_KEY_",
                                                                "GIT_CONFIG_VALUE_")))}


def test_a_git_older_than_2_31_gets_the_same_guards(tmp_path: Path) -> None:
    """git_env's settings are also in GIT_CONFIG_PARAMETERS, which every git reads: with
    only that left, the repo's fsmonitor, its post-index-change hook and its clean filter
    still run nowhere. (Without it, the same env runs all three: the check below.)"""
    from tidy.workspace.git import git_env

    repo = make_repo(tmp_path / "repo")
    write(repo / "a.txt", "a\n")
    write(repo / ".gitattributes", "*.txt filter=mark\n")
    commit(repo)
    marks = tmp_path / "marks"
    marks.mkdir()
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    hook = write(hooks / "post-index-change", f"#!/bin/sh\ntouch '{marks / 'hook'}'\n")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    for key, value in (("core.fsmonitor", f"touch '{marks / 'fsmonitor'}'; false"),
                       ("core.hooksPath", str(hooks)),
                       ("filter.mark.clean", _marker(marks, "clean"))):
        git(repo, "config", key, value)
    write(repo / "a.txt", "changed\n")

    def run_git(env: dict[str, str]) -> None:
        for args in (["ls-files", "-z"], ["add", "a.txt"]):
            subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True,
                           stdin=subprocess.DEVNULL, check=False, timeout=60)

    old_git = _as_an_old_git_reads_it(git_env(str(repo)))
    run_git(old_git)
    assert sorted(os.listdir(marks)) == []
    del old_git["GIT_CONFIG_PARAMETERS"]
    run_git(old_git)
    assert sorted(os.listdir(marks)) == ["clean", "fsmonitor", "hook"]
