"""A project's parent folder swapped for a symlink to an outside folder, again and again,
while `tidy fix --yes`, `tidy undo` and `tidy trash purge` run (issue 14, points 6 and 11).

Outside the scanned folder sits a canary tree with the same names as the projects inside
(group/projNN/node_modules/...). A tool that resolves a path twice (check, then rename by
path) sooner or later moves the canary's node_modules into its trash, and purge deletes it.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate, snapshot
from tests.safety.moves_helpers import Swapper, every_file

PROJECTS = 50
ROUNDS = 20
CANARY = b"canary: outside the scanned folder\n"


def _projects(group: Path, content: bytes) -> None:
    for i in range(PROJECTS):
        proj = group / f"proj{i:02d}"
        write(proj / "package.json", "{}\n")
        write(proj / "node_modules" / "dep" / "index.js", content)
        write(proj / "node_modules" / "dep" / "deep" / "more.js", content)


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(path))
    return path


@pytest.mark.slow
def test_parent_swapped_for_a_symlink_never_moves_or_deletes_outside(
        tmp_path: Path, state: Path, tidy_main: object) -> None:
    work = tmp_path / "work"
    group = work / "group"
    outside = tmp_path / "outside"
    _projects(group, b"module.exports = 1\n")
    _projects(outside, CANARY)
    os.symlink(outside, work / "swap")
    backdate(tmp_path)
    canary = snapshot(outside)
    swapper = Swapper(group, work / "swap")
    codes: list[int] = []
    moved = refused = 0
    started = time.monotonic()
    try:
        for _ in range(ROUNDS):
            for proj in group.iterdir():  # the swapper is paused: `group` is the real folder
                if not (proj / "node_modules").exists():
                    write(proj / "node_modules" / "dep" / "index.js", "module.exports = 1\n")
            backdate(group, 7200)
            swapper.go()
            result = tidy_main("fix", "--yes", "--format", "json", "--select", "TDY1",  # type: ignore[operator]
                               "--skip-recent", "0s", str(work), cwd=tmp_path)
            swapper.pause()
            codes.append(result.code)
            assert result.out, result.err
            outcomes = json.loads(result.out)["result"]["outcomes"]
            moved += sum(o["status"] == "done" for o in outcomes)
            refused += sum(o["status"] == "skipped" and "symlink" in o["reason"]
                           for o in outcomes)
            swapper.go()
            undo = tidy_main("undo", cwd=tmp_path)  # type: ignore[operator]
            swapper.pause()
            codes.append(undo.code)
        assert snapshot(outside) == canary  # nothing outside moved
        swapper.go()
        purge = tidy_main("trash", "purge", "--yes", cwd=tmp_path)  # type: ignore[operator]
        swapper.pause()
        codes.append(purge.code)
    finally:
        swapper.stop()
    elapsed = time.monotonic() - started
    assert 3 not in codes and set(codes) <= {0, 1}, codes
    assert swapper.swaps > ROUNDS * 100, swapper.swaps  # the race really ran
    assert moved > 0 and refused > 0, (moved, refused)  # both sides of the race were met
    assert snapshot(outside) == canary  # purge deleted nothing outside either
    trash_files = every_file(state)
    assert not [p for p, data in trash_files.items() if data == CANARY]
    listing = tidy_main("trash", "list", "--all", "--format", "json", cwd=tmp_path)  # type: ignore[operator]
    statuses = {r["status"] for r in json.loads(listing.out)["runs"]}
    assert "interrupted" not in statuses and "running" not in statuses, statuses
    print(f"{ROUNDS} rounds, {swapper.swaps} swaps, {moved} moved, {refused} refused, "
          f"{elapsed:.1f}s")
