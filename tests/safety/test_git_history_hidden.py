"""`tidy scan --history` sees the history a push or a clone carries, not the one a replace
ref or a grafts file shows.

`git replace --graft` (or a line in .git/info/grafts) cuts a commit's parents for git log and
rev-list, but the commits behind it stay in the object store and in every clone. A 3 MB blob
committed and deleted behind such a graft vanished from tidy's history facts: no TDY203, and
TDY206 counted 20 bytes of history. Now tidy's git ignores replace refs and grafts
(GIT_NO_REPLACE_OBJECTS, a GIT_GRAFT_FILE no repo has).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import commit, git, make_repo, write
from tests.safety.helpers import tidy


def _history_with_a_big_deleted_blob(root: Path) -> Path:
    repo = make_repo(root)
    write(repo / "dump.bin", os.urandom(3_000_000))
    commit(repo, message="big")
    git(repo, "rm", "-q", "dump.bin")
    git(repo, "commit", "-q", "-m", "rm")
    for n in range(3):
        write(repo / "a.txt", f"{n}\n")
        commit(repo, message=f"a{n}")
    return repo


def _history_codes(repo: Path, state: Path) -> dict[str, str]:
    done = tidy("scan", "--history", "--format", "json", cwd=repo, state=state)
    assert done.returncode in (0, 1), done.stderr
    return {f["code"]: f["message"] for g in json.loads(done.stdout)["groups"]
            for f in g["findings"]}


@pytest.mark.slow
@pytest.mark.parametrize("hide", ["replace", "grafts"])
def test_a_blob_behind_a_graft_is_still_reported(tmp_path: Path, hide: str) -> None:
    repo = _history_with_a_big_deleted_blob(tmp_path / "repo")
    cut = git(repo, "rev-parse", "HEAD~2").strip()  # "a0": its parent "rm" is hidden
    if hide == "replace":
        git(repo, "replace", "--graft", cut)
    else:
        write(repo / ".git/info/grafts", cut + "\n")
    assert "big" not in git(repo, "log", "--format=%s")  # what git log shows now
    found = _history_codes(repo, tmp_path / "st")
    assert "TDY203" in found, found
    assert "deleted but still in history" in found["TDY203"]
    assert "3.0 MB" in found["TDY206"]
