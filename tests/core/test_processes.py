"""process_alive: a real child process, alive then reaped; pids read from tidy's own state
files are untrusted, so anything that is not a positive int is no process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tidy.core.processes import process_alive


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
