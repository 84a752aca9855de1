"""`tidy watch` acting while the tree changes under it (trust round 10).

A real watcher (`python -m tidy watch ROOT`, its passes in a child it starts). The pass is
held by strace at the link that makes its run's journal, after its scan planned the move of
a stale `.pyc` and before anything moves: meanwhile the `.pyc`'s folder is swapped for a link
to a folder outside the root holding a file of the same name. And a FIFO named as stale
bytecode appears with a burst of events around it. Nothing outside the root may move, the
watcher may not hang on the FIFO, and what it moves `tidy undo` puts back.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tests.safety.helpers import strace_hold
from tests.watch.helpers import (
    compile_to_cache,
    log_entries,
    run_tidy,
    set_age,
    wait_for,
    watch_env,
)

pytestmark = pytest.mark.slow

FAST = ("--settle", "0.3s", "--quiet-period", "0.5s", "--stop-after", "120s")


def _stale_bytecode(repo: Path) -> Path:
    """repo/pkg/__pycache__/gone.*.pyc whose source is gone, an hour old."""
    make_repo(repo)
    write(repo / "pkg" / "keep.py", "")
    stale = compile_to_cache(write(repo / "pkg" / "gone.py", "VALUE = 1\n"))
    (repo / "pkg" / "gone.py").unlink()
    set_age(repo / "pkg", 3600)
    return stale


def _watcher(root: Path, state: Path, prefix: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*prefix, sys.executable, "-m", "tidy", "watch", str(root), *FAST],
                            cwd="/", env=watch_env(state), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def _stop(proc: subprocess.Popen[bytes]) -> str:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        _out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _out, err = proc.communicate()
        raise AssertionError("tidy watch did not stop on SIGTERM") from None
    return err.decode(errors="replace")


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_a_folder_swapped_for_a_link_between_plan_and_move_leads_nowhere(
        tmp_path: Path) -> None:
    root, state = tmp_path / "ws", tmp_path / "state"
    stale = _stale_bytecode(root / "app")
    victim = write(tmp_path / "victim" / "__pycache__" / stale.name, "the user's own\n")
    proc = _watcher(root, state, strace_hold("linkat", 3.0))
    try:
        # The start pass planned the move and is making its journal (held there).
        wait_for(lambda: proc.poll() is not None or any(
            n.endswith(".jsonl.new") for n in os.listdir(state / "runs"))
                 if (state / "runs").is_dir() else proc.poll() is not None, 60,
                 "the pass's journal")
        assert proc.poll() is None, _stop(proc)
        cache = stale.parent
        cache.rename(cache.with_name("__pycache__.old"))
        cache.symlink_to(victim.parent)
        wait_for(lambda: log_entries(state, "action") or log_entries(state, "pass"), 60,
                 "the pass's end")
        time.sleep(0.5)
    finally:
        err = _stop(proc)
    assert victim.read_text() == "the user's own\n", err
    assert (cache.with_name("__pycache__.old") / stale.name).exists(), \
        [a for a in log_entries(state) if a.get("event") in ("action", "warning")]
    [action] = log_entries(state, "action")
    assert action["status"] == "skipped" and "symlink" in action["reason"], action


def test_a_fifo_in_a_burst_of_events_neither_hangs_nor_loses_anything(tmp_path: Path) -> None:
    root, state = tmp_path / "ws", tmp_path / "state"
    stale = _stale_bytecode(root / "app")
    proc = _watcher(root, state, [])
    try:
        wait_for(lambda: not stale.exists(), 60, "the start pass to move the stale .pyc")
        cache = stale.parent
        fifo = cache / stale.name.replace("gone", "piped")
        os.mkfifo(fifo)  # bytecode of no source, as a FIFO: never opened, never waited on
        for i in range(300):  # a burst around it
            write(root / "app" / "pkg" / f"gen{i}.py", f"X = {i}\n")
        for i in range(300):
            (root / "app" / "pkg" / f"gen{i}.py").unlink()
        passes = len(log_entries(state, "pass"))
        wait_for(lambda: len(log_entries(state, "pass")) > passes or proc.poll() is not None,
                 60, "a pass after the burst")
        assert proc.poll() is None, _stop(proc)
    finally:
        err = _stop(proc)
    assert "Traceback" not in err, err
    assert (root / "app" / "pkg" / "keep.py").exists()
    assert os.path.lexists(fifo)  # not bytecode: left where it is
    undone = run_tidy("undo", "--yes", state=state)
    assert undone.returncode == 0, undone.stdout + undone.stderr
    assert stale.exists()
