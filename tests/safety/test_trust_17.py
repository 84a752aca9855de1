"""Trust round 17: what tidy takes on trust, and what a careless user or an attacker can make
it move, delete, overwrite or hang on.

The content pass's forked child (workspace/forked): its answer was read from a pipe to its
end, and the end comes only when every write end is closed. Any process of the user opens the
child's write end through /proc/PID/fd and keeps it: the scan then waited as long as that
process lived (on 486f37e). Now the answer's reading ends once the child has exited.

The look after a batch's renames (workspace/procfs.holders): it read each process's working
folder and descriptors, not its memory maps. A program that mapped a file inside a planned
folder after the run's look and closed the descriptor (the dynamic loader does so with every
.so: a Python importing a C extension from a venv, a node loading a native addon) had the
folder moved from under it; a copied folder's original was deleted under it (on 486f37e).
Now the lean look reads the maps too (only the lines naming the batch's common folder are
parsed), and such an item goes back, or its copy is dropped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.safety.helpers import (
    held_tidy,
    pipe_write_end,
    used_and_unused_node_modules,
    wait_for,
    wait_for_intents,
    wait_while_held,
)
from tests.users import MAP, detached

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


# ------------------------------- a program that maps a file of a folder after the run's look
def _maps(pid: int) -> str:
    return Path(f"/proc/{pid}/maps").read_text(errors="surrogateescape")


def test_a_program_that_maps_a_file_of_a_folder_after_the_look_keeps_it(tmp_path: Path) -> None:
    """Fails on 486f37e: the folder is moved into the trash, its file mapped from there."""
    ws, state = tmp_path / "ws", tmp_path / "state"
    project, held, other = used_and_unused_node_modules(ws)
    # held at its first rename: every intent durable, the run's look at /proc taken
    fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(ws),
                    cwd=tmp_path, state=state, syscall="renameat2", hold_s=2.5, text=True)
    wait_for_intents(state, 2)
    with detached([sys.executable, "-c", MAP, str(held)]) as pid:
        assert str(held) in _maps(pid) and not any(
            os.readlink(f"/proc/{pid}/fd/{fd}") == str(held)
            for fd in os.listdir(f"/proc/{pid}/fd")), "not mapped alone"
        out, err = fix.communicate(timeout=120)
        outcomes = {o["path"]: o for o in json.loads(out)["result"]["outcomes"]}
        mine = outcomes[str(project / "node_modules")]
        assert held.exists(), "the folder of a file a program mapped mid-fix was moved: " + out
        assert mine["status"] == "skipped", out + err
        assert f"in use by pid {pid}" in str(mine["reason"]), mine
        assert f"it maps {held}" in str(mine["reason"]), mine
        assert str(held) in _maps(pid), "it maps the file in the trash"
    assert not other.exists(), "the unused node_modules was not moved"
    assert outcomes[str(ws / "b" / "node_modules")]["status"] == "done"


def test_a_program_that_maps_a_file_of_a_folder_being_copied_keeps_it(tmp_path: Path) -> None:
    """No trash on the tree's filesystem: the folder is copied, then its original deleted.
    Fails on 486f37e: the original, whose file a program mapped after the look, is deleted."""
    from tests.safety.mounts import tmpfs

    state = tmp_path / "state"
    (tmp_path / "mnt").mkdir()
    with tmpfs(tmp_path / "mnt") as mnt:
        ws = mnt / "ws"
        project, held, other = used_and_unused_node_modules(ws)
        if subprocess.run(["chattr", "+i", str(ws)], capture_output=True).returncode:
            pytest.skip("chattr +i is not supported here")
        fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json",
                        str(ws), cwd=tmp_path, state=state, syscall="renameat2", hold_s=2.5,
                        text=True)
        wait_for_intents(state, 2)
        wait_while_held(fix, lambda: any(p.name.endswith(".partial")
                                         for p in state.rglob("*")), "copied")
        with detached([sys.executable, "-c", MAP, str(held)]) as pid:
            out, err = fix.communicate(timeout=120)
            assert held.exists(), "the folder of a file a program maps was deleted: " + out
            assert f"{held} (deleted)" not in _maps(pid)
            outcomes = {o["path"]: o for o in json.loads(out)["result"]["outcomes"]}
            mine = outcomes[str(project / "node_modules")]
            assert mine["status"] == "skipped", out + err
            assert f"in use by pid {pid}" in str(mine["reason"]), mine
        assert not other.exists(), "the unused node_modules was not moved"
        assert outcomes[str(ws / "b" / "node_modules")]["status"] == "done"
        assert not [p for p in state.rglob("*") if "dep" in p.parts], "the copy stayed"
