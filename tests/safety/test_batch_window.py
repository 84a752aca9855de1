"""The window of a batch of moves: intents written and synced, then the moves (trust round 7).

`tidy fix` checks and holds up to 256 items, writes their intents, syncs once, then renames
each from its held parent folder. A project folder moved elsewhere in that window (the user
reorganising while the fix runs; out of the scanned folder) had its item taken from its new
place, outside the scan, and `tidy undo` then made the old path's folders again to put the
item back where the project no longer was. Now the folders down to the held parent must
still be at their paths right before each rename; else the item stays, named.

The fix is held (strace) at its first renameat2, the first move: the intents are on disk.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import held_tidy, tidy, wait_for_intents

pytestmark = pytest.mark.slow


def _projects(ws: Path, count: int) -> list[Path]:
    made = []
    for i in range(count):
        web = ws / f"proj{i}" / "web"
        write(web / "package.json", "{}\n")
        write(web / "node_modules" / "dep" / "index.js", "module.exports = 1\n")
        made.append(web)
    backdate(ws)
    return made


def test_a_project_moved_out_after_the_intents_is_not_taken_from_its_new_place(
        tmp_path: Path) -> None:
    ws, outside, state = tmp_path / "ws", tmp_path / "outside", tmp_path / "state"
    webs = _projects(ws, 3)
    outside.mkdir()
    fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(ws),
                    cwd=tmp_path, state=state, syscall="renameat2", hold_s=2, text=True)
    wait_for_intents(state, 3)
    (ws / "proj1").rename(outside / "proj1")  # in the window: intents synced, nothing moved
    out, err = fix.communicate(timeout=60)
    outcomes = {o["path"]: o for o in json.loads(out)["result"]["outcomes"]}
    moved_out = outcomes[str(webs[1] / "node_modules")]
    assert moved_out["status"] == "skipped", out + err
    assert "was moved or replaced since the check" in moved_out["reason"]
    assert (outside / "proj1" / "web" / "node_modules" / "dep" / "index.js").is_file()
    assert not (webs[0] / "node_modules").exists() and not (webs[2] / "node_modules").exists()

    undo = tidy("undo", "--yes", cwd=tmp_path, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert not (ws / "proj1").exists(), "undo made the moved project's old path again"
    assert (webs[0] / "node_modules").is_dir() and (webs[2] / "node_modules").is_dir()
    assert sorted(os.listdir(outside / "proj1" / "web")) == ["node_modules", "package.json"]
