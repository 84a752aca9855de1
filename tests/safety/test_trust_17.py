"""Trust round 17: what tidy takes on trust, and what a careless user or an attacker can make
it move, delete, overwrite or hang on.

The content pass's forked child (workspace/forked): its answer was read from a pipe to its
end, and the end comes only when every write end is closed. Any process of the user opens the
child's write end through /proc/PID/fd and keeps it: the scan then waited as long as that
process lived (on 486f37e). Now the answer's reading ends once the child has exited.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.safety.helpers import pipe_write_end, wait_for

pytestmark = pytest.mark.slow


# ------------------------------------ the forked child's answer pipe, held open by another
_HOLD_FOR_S = 20  # how long the other process keeps the write end open


def _held_open_beside(tmp_path: Path, holders: list[subprocess.Popen[bytes]]
                      ) -> Callable[[str], str]:
    """A job whose forked child says where its answer's pipe is and waits; this process's
    part has another process open that pipe's write end (through /proc) and keep it."""
    where, go, here = tmp_path / "where", tmp_path / "go", os.getpid()

    def work(part: str) -> str:
        if part == "theirs":
            if os.getpid() != here:
                where.write_text(f"{os.getpid()} {pipe_write_end(os.getpid())}")
                wait_for(go)
            return "the child's answer"
        wait_for(where)
        pid, fd = map(int, where.read_text().split())
        holder = subprocess.Popen(
            [sys.executable, "-c", "import os, sys, time\n"
             "fd = os.open(sys.argv[1], os.O_WRONLY)\n"
             "print('ready', flush=True); time.sleep(float(sys.argv[2]))\n",
             f"/proc/{pid}/fd/{fd}", str(_HOLD_FOR_S)], stdout=subprocess.PIPE)
        holders.append(holder)
        assert holder.stdout is not None and holder.stdout.readline() == b"ready\n"
        go.write_text("")
        return "mine"
    return work


@pytest.mark.parametrize("exit_seen_by", ["a pidfd", "waitid (no pidfd_open)"])
def test_the_forked_childs_answer_is_read_once_it_exits_whoever_holds_its_pipe(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exit_seen_by: str) -> None:
    """Fails on 486f37e: run_beside waits until the other process lets the pipe go (20 s).
    Where there is no pidfd (Linux before 5.3), the child's exit is asked every 50 ms."""
    from tidy.workspace import forked

    if exit_seen_by != "a pidfd":
        monkeypatch.delattr(os, "pidfd_open")

    holders: list[subprocess.Popen[bytes]] = []
    started = time.monotonic()
    try:
        mine, theirs = forked.run_beside(_held_open_beside(tmp_path, holders), "mine", "theirs")
        took = time.monotonic() - started
    finally:
        for holder in holders:
            holder.kill()
            holder.wait()
    assert holders, "the child never said where its pipe was"
    assert took < _HOLD_FOR_S / 2, f"the pass waited {took:.1f} s for another process"
    assert (mine, theirs) == ("mine", "the child's answer")
