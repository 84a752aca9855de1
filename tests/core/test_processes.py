"""process_alive: a real child process, alive then reaped; pids read from tidy's own state
files are untrusted, so anything that is not a positive int is no process. running, stop and
CtrlCHeld: real children, real SIGINTs sent to this process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tidy.core.processes import CtrlCHeld, process_alive, running, stop


def test_a_child_is_alive_until_it_is_reaped() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert process_alive(child.pid)
    finally:
        child.kill()
        child.wait()
    assert not process_alive(child.pid)


@pytest.mark.parametrize("pid", [None, "123", 0, -1, True, 1.5, [1]])
def test_what_is_not_a_pid_is_no_process(pid: object) -> None:
    assert process_alive(pid) is False


def test_a_number_too_big_for_kill_is_left_alone_as_running() -> None:
    """Callers keep what a live process may still use: unsure means alive."""
    assert process_alive(2**80) is True


# ----------------------------------------------------------------- children stopped and reaped
def _gone(pid: int) -> bool:
    """Neither running nor a zombie: reaped (its /proc entry is gone)."""
    return not Path(f"/proc/{pid}").exists()


def test_running_stops_and_reaps_a_child_the_block_leaves_by_an_exception() -> None:
    with pytest.raises(ValueError), running(["sleep", "30"], stdout=subprocess.PIPE) as proc:
        pid = proc.pid
        raise ValueError("the reader failed")
    assert proc.returncode == -signal.SIGKILL
    assert _gone(pid)


def test_running_stops_and_reaps_a_child_when_ctrl_c_lands_in_the_block() -> None:
    with pytest.raises(KeyboardInterrupt), running(["sleep", "30"]) as proc:
        pid = proc.pid
        os.kill(os.getpid(), signal.SIGINT)  # a real SIGINT to this process
        time.sleep(5)  # it lands here
    assert _gone(pid)


def test_running_leaves_a_child_that_ended_as_it_ended() -> None:
    with running(["sh", "-c", "echo out; exit 3"], stdout=subprocess.PIPE) as proc:
        out, _ = proc.communicate()
    assert (out, proc.returncode) == (b"out\n", 3)
    assert _gone(proc.pid)


def test_a_ctrl_c_held_is_raised_when_released_not_before() -> None:
    handler = signal.getsignal(signal.SIGINT)
    finished = []
    with pytest.raises(KeyboardInterrupt), CtrlCHeld():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # without the hold it would land here
        finished.append("the whole block")
    assert finished == ["the whole block"]
    assert signal.getsignal(signal.SIGINT) is handler  # put back


def test_a_ctrl_c_held_goes_to_the_handler_it_was_meant_for() -> None:
    """Ignored before the hold (a pool worker between jobs): ignored after it too."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with CtrlCHeld():
            os.kill(os.getpid(), signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


def test_stop_kills_and_reaps_a_child_blocked_writing_to_a_full_pipe() -> None:
    """A git with more to say than the pipe holds, and nobody reading any more."""
    proc = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdout.write('x' * 10**7)"],
                            stdout=subprocess.PIPE, stdin=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.read(10)
    stop(proc)
    assert proc.returncode is not None
    assert _gone(proc.pid)
