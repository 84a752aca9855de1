"""kill -9 in the middle of `tidy fix --yes`: nothing lost, nothing half-moved, recoverable.

A real child process, a real SIGKILL once the journal shows it has started moving. Then the
next commands must see the interrupted run, and `tidy fix` must be able to finish it and
`tidy undo` to roll it back, ending with the tree exactly as it was.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_repo, write
from tests.fixes.helpers import backdate, journal_entries, run_tidy, snapshot, tidy_env


def build_tree(root: Path, count: int) -> None:
    make_repo(root)
    write(root / ".gitignore", "__pycache__/\n")
    for i in range(count):
        folder = root / f"p{i:04d}"
        write(folder / "m.py", "x = 1\n")
        write(folder / "__pycache__" / "m.cpython-311.pyc", f"bytecode {i}\n" * 20)
        os.symlink("../m.py", folder / "__pycache__" / "link")
    backdate(root)


def kill_mid_run(root: Path, state: Path) -> tuple[str, list[dict[str, Any]]]:
    """Start `tidy fix --yes`, SIGKILL it once its journal shows it moving (20 moves done:
    intents are written a batch at a time, ahead of the moves); (run id, entries)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tidy", "fix", "--yes", "-q", "--select", "TDY1", str(root)],
        cwd=root, env=tidy_env(state), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and child.poll() is None:
            entries = journal_entries(state)
            if sum(1 for e in entries if e.get("op") == "done") >= 20:
                break
            time.sleep(0.002)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    entries = journal_entries(state)
    run_ids = {e["run"] for e in entries}
    assert len(run_ids) == 1
    return run_ids.pop(), entries


def killed_run(tmp_path: Path) -> tuple[Path, Path, str, dict[bytes, Any],
                                        list[dict[str, Any]]]:
    """A `tidy fix` SIGKILLed mid-run: (root, state, run id, the tree before, its journal's
    entries). Each try has its own tree and state folder, a bigger tree when the last run
    finished before its kill (under load 10, 150 folders were all moved before the poll saw
    20 of them)."""
    for count in (150, 600, 3000):
        root, state = tmp_path / f"repo{count}", tmp_path / f"state{count}"
        build_tree(root, count)
        before = snapshot(root)
        run_id, entries = kill_mid_run(root, state)
        if not any(e.get("op") == "end" for e in entries):
            return root, state, run_id, before, entries
    pytest.fail("tidy fix finished before it could be killed, three times")


def assert_nothing_lost(root: Path, before: dict[bytes, Any],
                        entries: list[dict[str, Any]]) -> None:
    """Each cache is wholly at home or wholly in the trash, never both, never neither."""
    trashed = {e["path"]: e["dst"] for e in entries if e.get("op") == "intent"}
    for rel in {k.split(b"/")[0] for k in before if b"__pycache__" in k}:
        home = root / os.fsdecode(rel) / "__pycache__"
        expected = {k[len(rel) + len(b"/__pycache__/"):]: v for k, v in before.items()
                    if k.startswith(rel + b"/__pycache__/")}
        in_trash = trashed.get(str(home))
        places = [p for p in (str(home), in_trash) if p and os.path.lexists(p)]
        assert len(places) == 1, f"{home}: found at {places}"
        assert snapshot(places[0]) == expected, f"{places[0]} is not whole"


@pytest.mark.slow
@pytest.mark.parametrize("then", ["finish-then-undo", "roll-back"])
def test_kill_9_mid_fix_loses_nothing_and_can_be_finished_or_rolled_back(
        tmp_path: Path, then: str) -> None:
    state = tmp_path / "state"
    for count in (600, 3000):  # a bigger tree if the first run was too quick to catch
        root = tmp_path / f"tree{count}"
        build_tree(root, count)
        before = snapshot(root)
        run_id, entries = kill_mid_run(root, state)
        if not any(e.get("op") == "end" for e in entries):
            break
        assert run_tidy("undo", run_id, cwd=root, state=state).returncode == 0
    else:
        pytest.fail("tidy fix finished before it could be killed, twice")

    assert any(e.get("op") == "intent" for e in entries)
    assert_nothing_lost(root, before, entries)

    listing = run_tidy("trash", "list", "--format", "json", cwd=root, state=state)
    assert listing.returncode == 0
    runs = {r["run"]: r for r in json.loads(listing.stdout)["runs"]}
    assert runs[run_id]["status"] == "interrupted"
    text = run_tidy("trash", "list", cwd=root, state=state)
    assert "INTERRUPTED" in text.stdout

    if then == "finish-then-undo":
        finish = run_tidy("fix", "--yes", "-q", "--select", "TDY1", cwd=root, state=state)
        assert finish.returncode == 0, finish.stderr
        assert not [k for k in snapshot(root) if b"__pycache__" in k]  # all caches now gone
        assert run_tidy("undo", cwd=root, state=state).returncode == 0  # the finishing run
        undo = run_tidy("undo", run_id, cwd=root, state=state)  # then the killed one
    else:
        undo = run_tidy("undo", cwd=root, state=state)  # the last run is the killed one
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert snapshot(root) == before
    log = run_tidy("log", "--format", "json", cwd=root, state=state)
    assert any(e["event"] == "undo" and e["run"] == run_id
               for e in json.loads(log.stdout)["entries"])
