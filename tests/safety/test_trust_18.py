"""Trust round 18: what tidy takes on trust, and what a careless user or an attacker can make
it move, delete or lose.

The look after a batch's renames (workspace/procfs.holders): it read each process's working
folder, descriptors and memory maps, not its inotify watches. A dev server, a `tsc -w` or a
`--watch` build that began watching a planned folder after the run's look (it holds no file
open: it only watches) had the folder moved from under it (on 47812e7). Now the lean look
reads the watches of the processes that are not editors too, as the run's look does, and such
an item goes back.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.safety.helpers import (
    held_tidy,
    used_and_unused_node_modules,
    wait_for_intents,
)
from tests.users import WATCH, detached

pytestmark = pytest.mark.slow


# ------------------------------------ a program that watches a folder after the run's look
def _watches(pid: int) -> bool:
    fds = os.listdir(f"/proc/{pid}/fd")
    return any(os.readlink(f"/proc/{pid}/fd/{fd}") == "anon_inode:inotify" for fd in fds)


def test_a_program_that_watches_a_folder_after_the_look_keeps_it(tmp_path: Path) -> None:
    """Fails on 47812e7: the folder is moved into the trash, the watch following it there."""
    ws, state = tmp_path / "ws", tmp_path / "state"
    project, held, other = used_and_unused_node_modules(ws)
    # held at its first rename: every intent durable, the run's look at /proc taken
    fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(ws),
                    cwd=tmp_path, state=state, syscall="renameat2", hold_s=2.5, text=True)
    wait_for_intents(state, 2)
    with detached([sys.executable, "-c", WATCH, str(held.parent)]) as pid:
        assert _watches(pid) and not any(
            os.readlink(f"/proc/{pid}/fd/{fd}").startswith(str(ws))
            for fd in os.listdir(f"/proc/{pid}/fd")), "not a watch alone"
        out, err = fix.communicate(timeout=120)
        outcomes = {o["path"]: o for o in json.loads(out)["result"]["outcomes"]}
        mine = outcomes[str(project / "node_modules")]
        assert held.exists(), "the folder a program began watching mid-fix was moved: " + out
        assert mine["status"] == "skipped", out + err
        assert f"in use by pid {pid}" in str(mine["reason"]), mine
        assert "watches it for changes" in str(mine["reason"]), mine
        assert "put back" in str(mine["reason"])
    assert not other.exists(), "the unused node_modules was not moved"
    assert outcomes[str(ws / "b" / "node_modules")]["status"] == "done"
