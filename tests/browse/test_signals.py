"""`tidy browse` stopped by SIGTERM or SIGHUP ends as every tidy command does (trust round 10).

The app handles both itself (quit as q does; a run under way stops after its current move,
its journal closed). It then exited 0, as if the user had quit: a script or a supervisor
that stopped it could not tell, and the same signal a moment earlier (before the app was up)
ended it by the signal. Now it says `tidy: interrupted (SIGTERM)` once the terminal is given
back and ends by the signal. Real `python -m tidy browse` in an 80x24 pseudo-terminal.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tests.browse.helpers import (
    ALT_SCREEN_OFF,
    browse_in_terminal,
    journal,
    read_until,
    tree_snapshot,
    workspace,
)
from tests.conftest import hermetic_env, run_cli

pytestmark = pytest.mark.slow


def _browse(root: Path, state: Path, apply_first: bool, signum: int) -> tuple[int, bytes]:
    app, master = browse_in_terminal(root, state)
    seen = bytearray()
    try:
        assert read_until(master, b"scanned in", seen, 90), bytes(seen[-3000:])
        if apply_first:
            for keys, wanted in ((b"a", b""), (b"p", b"Plan for"), (b"\r", b"Apply (y)")):
                os.write(master, keys)
                assert read_until(master, wanted, seen, 30), bytes(seen[-3000:])
            os.write(master, b"y")
            read_until(master, b"\0never\0", seen, 0.3)
        read_until(master, b"\0never\0", seen, 0.5)
        os.kill(app.pid, signum)
        deadline = time.monotonic() + 30
        while app.poll() is None and time.monotonic() < deadline:
            read_until(master, b"\0never\0", seen, 0.05)
        code = app.wait(timeout=5)
        read_until(master, b"\0never\0", seen, 0.3)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        os.close(master)
    return code, bytes(seen)


@pytest.mark.parametrize("apply_first", [False, True], ids=["looking", "applying"])
def test_browse_stopped_by_sigterm_says_so_and_ends_by_it(tmp_path: Path,
                                                          apply_first: bool) -> None:
    root = workspace(tmp_path / "ws")
    state = tmp_path / "state"
    before = tree_snapshot(root)
    code, seen = _browse(root, state, apply_first, signal.SIGTERM)
    assert code == -signal.SIGTERM, seen[-3000:]  # on main: 0
    assert ALT_SCREEN_OFF in seen and b"Traceback" not in seen
    assert b"tidy: interrupted (SIGTERM)" in seen[seen.rfind(ALT_SCREEN_OFF):]
    if apply_first:
        entries = journal(state)
        assert entries[-1]["op"] == "end", entries[-1]  # the run closed, not killed
        undone = run_cli("undo", cwd=root, env=hermetic_env({"TIDY_STATE_DIR": str(state)}))
        assert undone.code == 0, undone.out + undone.err
    assert tree_snapshot(root) == before


def test_browse_whose_terminal_closes_ends_by_sighup(tmp_path: Path) -> None:
    root = workspace(tmp_path / "ws")
    code, seen = _browse(root, tmp_path / "state", False, signal.SIGHUP)
    assert code == -signal.SIGHUP, seen[-3000:]  # on main: 0


def test_browse_whose_terminal_closes_without_a_signal_ends(tmp_path: Path) -> None:
    """A terminal that is not the session's controlling one sends no SIGHUP when its other
    side closes (a harness, an IDE pane): the app reads end-of-file from then on. It spun
    at a third of a core until killed; now it sees the hang-up and ends as by SIGHUP."""
    root = workspace(tmp_path / "ws")
    before = tree_snapshot(root)
    app, master = browse_in_terminal(root, tmp_path / "state")
    seen = bytearray()
    try:
        assert read_until(master, b"scanned in", seen, 90), bytes(seen[-3000:])
        os.close(master)
        master = -1
        code = app.wait(timeout=30)  # on main: still running (TimeoutExpired)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        if master >= 0:
            os.close(master)
    assert code == -signal.SIGHUP
    assert tree_snapshot(root) == before
