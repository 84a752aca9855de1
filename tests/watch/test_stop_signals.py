"""A running watcher stopped by Ctrl-C, `kill` or a closed terminal (trust round 11).

Every tidy command ends by the stop signal it got (tidy/core/stop_signals.py; README "Exit
codes"): a shell shows 130, 143 or 129 and a script's loop stops. `tidy watch` handled
SIGINT and SIGTERM itself once its first pass had run and answered 0, as if its
--stop-after time had come (`while :; do tidy watch ~/code; done` went on after a Ctrl-C);
SIGHUP it did not handle, and the pass in progress was killed with it. Now each is handled
alike: the pass in progress finishes, the log says `stop`, what it moved is journaled whole,
then the process ends by the signal, saying `tidy: interrupted`.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tests.watch.helpers import (
    compile_to_cache,
    log_entries,
    run_tidy,
    set_age,
    wait_for,
    watch_env,
)

pytestmark = pytest.mark.slow


def _stale_bytecode(repo: Path, count: int) -> list[Path]:
    stale = []
    for i in range(count):
        source = write(repo / "pkg" / f"m{i}.py", f"VALUE = {i}\n")
        stale.append(compile_to_cache(source))
        source.unlink()
    set_age(repo / "pkg", 3600)
    return stale


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_watcher_stopped_after_its_first_pass_ends_by_the_signal(
        tmp_path: Path, state: Path, signum: signal.Signals) -> None:
    repo = make_repo(tmp_path / "ws" / "app")
    stale = _stale_bytecode(repo, 5)
    err = tmp_path / "watch.err"
    with open(err, "wb") as errors:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tidy", "watch", str(tmp_path / "ws"), "--stop-after",
             "120s"], cwd="/", env=watch_env(state), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=errors)
        try:
            wait_for(lambda: proc.poll() is not None or log_entries(state, "pass"), 60,
                     "the watcher's start pass")
            assert proc.poll() is None, err.read_text()
            assert not any(p.exists() for p in stale), "the start pass moved the bytecode"
            time.sleep(0.3)
            proc.send_signal(signum)
            code = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    said = err.read_text()
    # On the old code: exit 0 for SIGINT and SIGTERM; SIGHUP ended it without its `stop`.
    assert code == -signum, f"exit {code}: {said}"
    assert said.strip().splitlines()[-1] == (
        "tidy: interrupted" if signum == signal.SIGINT
        else f"tidy: interrupted ({signal.Signals(signum).name})"), said
    assert log_entries(state, "stop"), "the watcher closed its log"
    undone = run_tidy("undo", "--yes", cwd=tmp_path / "ws", state=state)
    assert undone.returncode == 0, undone.stdout + undone.stderr
    assert all(p.exists() for p in stale)
