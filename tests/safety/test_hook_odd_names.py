"""The commit hook in a repository mid-rebase or on a detached HEAD, with names that hold a
newline or bytes that are not UTF-8: one problem per line, and a fix that runs as shown.

Before, a staged `dir\\n x/__pycache__` was printed over two lines (`dir`, then
` x/__pycache__: ...`: two entries to the eye), its `git rm` fix quoted with a newline
inside the quotes, and a name that is not UTF-8 printed as raw bytes. Now the path is
escaped on its line and the fix uses bash's $'...' quoting (\\xNN per byte), which bash runs
as shown: the test runs it and the index no longer holds the cache.

Real git, the plain hook (hooks/pre-commit) installed in .git/hooks, a real rebase stopped
on a conflict (HEAD detached), then a commit on a detached HEAD.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import tidy
from tests.conftest import commit, git, hermetic_env, make_repo, write
from tests.safety.helpers import stop_a_rebase

SOURCE = Path(tidy.__file__).resolve().parent.parent
NEWLINE = "dir\n x"
NOT_UTF8 = os.fsdecode(b"caf\xe9")


@pytest.fixture
def hooked(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = make_repo(tmp_path / "repo")
    write(repo / "a.txt", "base\n")
    commit(repo)
    hook = repo / ".git" / "hooks" / "pre-commit"
    shutil.copy(SOURCE / "hooks" / "pre-commit", hook)
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "tidy").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tidy "$@"\n')
    (bin_dir / "tidy").chmod(0o755)
    env = hermetic_env({"PYTHONPATH": str(SOURCE), "TIDY_STATE_DIR": str(tmp_path / "st")})
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    return repo, env


def _commit(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "commit", "-q", "-m", "c"], cwd=repo, env=env,
                          capture_output=True, text=True, errors="surrogateescape", check=False)


def _stage_caches(repo: Path) -> None:
    for folder in (NEWLINE, NOT_UTF8):
        write(repo / folder / "__pycache__" / "m.cpython-311.pyc", b"\0" * 10)
        write(repo / folder / "notes.txt", "an ordinary file: never flagged\n")
    git(repo, "add", "-A", "-f")


def _check_blocked(repo: Path, env: dict[str, str]) -> None:
    blocked = _commit(repo, env)
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    said = blocked.stdout + blocked.stderr
    problems = [line for line in said.splitlines() if "[TDY102]" in line]
    assert sorted(line.split(":", 1)[0] for line in problems) == [
        "caf\\xe9/__pycache__", "dir\\n x/__pycache__"], said
    fixes = re.findall(r"fix: (git rm .*?), then add ", said)
    assert len(fixes) == 2, said
    for fix in fixes:  # bash runs each as shown
        subprocess.run(["bash", "-c", fix], cwd=repo, env=env, check=True)
    assert "__pycache__" not in git(repo, "ls-files", "-z", "--cached")


def test_mid_rebase_the_hook_shows_each_odd_name_on_its_line(
        hooked: tuple[Path, dict[str, str]]) -> None:
    repo, env = hooked
    stop_a_rebase(repo, env)
    write(repo / "a.txt", "resolved\n")
    _stage_caches(repo)
    _check_blocked(repo, env)
    assert _commit(repo, env).returncode == 0


def test_on_a_detached_head_the_same(hooked: tuple[Path, dict[str, str]]) -> None:
    repo, env = hooked
    git(repo, "checkout", "-q", "--detach", "HEAD")
    _stage_caches(repo)
    _check_blocked(repo, env)
    assert _commit(repo, env).returncode == 0
