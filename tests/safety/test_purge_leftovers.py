"""What a purge could not delete stays listed, and the next purge tries it again.

Before: a purge that could not delete part of a run (files of another user inside the
cache: a `sudo npm install` leaves root-owned packages in node_modules) said so once, then
journaled the run as purged: `tidy trash list` said "the trash is empty" while the trash
still held those files, and no later purge looked at them again. Now such a run is
'partly purged': listed, chosen by the next purge (which says again what is left), and
never put back by undo.

A real non-root user (uid 65534) runs tidy on a tree it owns, but for one root-owned
package.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import write
from tests.safety.moves_helpers import node_project
from tests.safety.other_user import USER, as_user_argv, readable_python, user_env


def _tidy_as_user(python: list[str], state: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(as_user_argv(python, state, *args), env=user_env(),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.mark.slow
def test_a_run_a_purge_could_not_finish_stays_listed_and_is_tried_again(
        user_tree: Path) -> None:
    python = readable_python()
    if python is None:
        pytest.skip("no python the other user can run tidy with")
    root = node_project(user_tree, repo=False)
    write(root / "web" / "node_modules" / "rootpkg" / "r.js", "root's\n")
    state = user_tree / "state"
    state.mkdir()
    old = time.time() - 7200
    for path in [root, *root.rglob("*"), state]:
        if "rootpkg" not in str(path):
            os.chown(path, USER, USER)
        os.utime(path, (old, old))

    fix = _tidy_as_user(python, state, "fix", "--yes", "-q", "--select", "TDY1", str(root))
    assert fix.returncode == 0, fix.stdout + fix.stderr
    purge = _tidy_as_user(python, state, "trash", "purge", "--yes")
    assert purge.returncode == 1 and "r.js" in purge.stdout + purge.stderr, purge

    listed = _tidy_as_user(python, state, "trash", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    runs = json.loads(listed.stdout)
    runs = runs["runs"] if isinstance(runs, dict) else runs
    assert [r["status"] for r in runs] == ["partly purged"], runs
    again = _tidy_as_user(python, state, "trash", "purge", "--yes")
    assert again.returncode == 1 and "r.js" in again.stdout + again.stderr, again
    run_id = str(runs[0].get("run_id") or runs[0].get("run") or runs[0].get("id"))
    undo = _tidy_as_user(python, state, "undo", "--yes", run_id)
    assert undo.returncode != 0 and "partial" in undo.stderr, undo
    assert not (root / "web" / "node_modules").exists()
