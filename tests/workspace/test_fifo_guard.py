"""fifo_guard.communicate is subprocess's communicate for git: it must give the same answer,
whatever the child's pace, while it looks at a silent child every few milliseconds."""

from __future__ import annotations

import os
import subprocess
import threading

import pytest

from tidy.workspace import fifo_guard


def _communicate(argv: list[str], data: bytes | None,
                 timeout: float | None = None) -> tuple[bytes, bytes, int]:
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE if data is not None else None,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = fifo_guard.communicate(proc, data, timeout=timeout)
    return out, err, proc.returncode


@pytest.mark.parametrize("pause", [0.0, 0.05, 0.6])
def test_input_a_slow_reader_takes_late_is_all_sent(pause: float) -> None:
    """Input bigger than a pipe holds, to a child that starts reading only after `pause`
    (a loaded machine, or git busy before it reads its stdin): past the first look at it,
    Popen.communicate could not go on sending (stdin was never closed: both waited for
    ever), here every byte arrives and the output is complete."""
    data = os.urandom(3 * 1024 * 1024)
    out, err, code = _communicate(["sh", "-c", f"sleep {pause}; cat"], data)
    assert code == 0 and out == data and err == b""
    assert threading.active_count() == 1  # the stdin writer does not outlive the call


def test_a_child_that_stops_reading_does_not_hang_the_writer() -> None:
    data = os.urandom(3 * 1024 * 1024)
    out, _, code = _communicate(["sh", "-c", "head -c 10 >/dev/null; echo done"], data)
    assert code == 0 and out == b"done\n"
    assert threading.active_count() == 1


def test_a_timeout_is_raised_as_communicate_raises_it() -> None:
    proc = subprocess.Popen(["sleep", "5"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            fifo_guard.communicate(proc, timeout=0.2)
    finally:
        proc.kill()
        proc.communicate()


def test_no_input_and_no_stdin_is_plain_output() -> None:
    out, err, code = _communicate(["sh", "-c", "echo out; echo err >&2; exit 3"], None)
    assert (out, err, code) == (b"out\n", b"err\n", 3)
