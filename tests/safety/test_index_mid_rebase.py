"""The unsafe fixes that edit git's index wait for a rebase (merge, cherry-pick ...) to end.

`tidy fix --unsafe-fixes` takes a committed cache out of the index (TDY102 untrack; TDY401's
`git rm` does the same for a vendored library). Before, run while a rebase was stopped on a
conflict, it did so: the staged deletion then went into the commit git was replaying
(someone's `topic` commit rewritten without a word), beside the user's conflict resolution.
Now each is skipped, naming the operation and what to do (exit 1); the index and the
conflict are as they were, and once the rebase is over the same fix applies.

Real git: a rebase stopped on a real conflict.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import commit, git, hermetic_env, make_repo, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import stop_a_rebase, tidy


def _stopped_rebase(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo")
    write(repo / "a.txt", "base\n")
    write(repo / "pkg" / "m.py", "x = 1\n")
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", b"\0" * 200)
    commit(repo)
    stop_a_rebase(repo)
    backdate(repo)
    return repo


def test_untrack_waits_for_a_rebase_stopped_on_a_conflict(tmp_path: Path) -> None:
    repo = _stopped_rebase(tmp_path)
    index = git(repo, "ls-files", "-s")
    state = tmp_path / "st"

    done = tidy("fix", "--yes", "-q", "--unsafe-fixes", "--select", "TDY102", str(repo),
                cwd=repo, state=state)
    assert done.returncode == 1, done.stdout + done.stderr
    said = [line for line in done.stdout.splitlines() if "pkg/__pycache__" in line
            and "rebase in progress" in line]
    assert said and "finish or abort it" in said[0], done.stdout
    assert git(repo, "ls-files", "-s") == index  # the conflict's stages too
    assert not (repo / ".gitignore").exists()

    git(repo, "rebase", "--abort")
    again = tidy("fix", "--yes", "-q", "--unsafe-fixes", "--select", "TDY102", str(repo),
                 cwd=repo, state=state)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "pkg/__pycache__" not in git(repo, "ls-files")


def test_the_undo_of_an_untrack_waits_too_and_works_after(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    write(repo / "pkg" / "m.py", "x = 1\n")
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", b"\0" * 200)
    write(repo / "a.txt", "base\n")
    commit(repo)
    backdate(repo)
    state = tmp_path / "st"
    done = tidy("fix", "--yes", "-q", "--unsafe-fixes", "--select", "TDY102", str(repo),
                cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    git(repo, "add", ".gitignore")
    git(repo, "commit", "-q", "--no-verify", "-m", "untrack the cache")
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo / "a.txt", "topic\n")
    git(repo, "commit", "-q", "--no-verify", "-m", "topic", "--", "a.txt")
    git(repo, "checkout", "-q", "main")
    write(repo / "a.txt", "main\n")
    git(repo, "commit", "-q", "--no-verify", "-m", "main", "--", "a.txt")
    git(repo, "checkout", "-q", "topic")
    stopped = subprocess.run(["git", "rebase", "main"], cwd=repo, env=hermetic_env(),
                             capture_output=True, check=False)
    assert stopped.returncode != 0 and (repo / ".git" / "rebase-merge").is_dir()
    index = git(repo, "ls-files", "-s")

    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 1, undo.stdout + undo.stderr
    assert "rebase in progress" in undo.stdout and "tidy undo again" in undo.stdout
    assert git(repo, "ls-files", "-s") == index

    git(repo, "rebase", "--abort")
    again = tidy("undo", cwd=repo, state=state)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "pkg/__pycache__/m.cpython-311.pyc" in git(repo, "ls-files")
