"""Whether a process recorded in tidy's own state (a lock, a temp file's name, a backup
record) still runs. The pid comes from files tidy treats as untrusted input: anything that is
not a positive int is no process. And the children tidy starts: they die with it
(die_with_parent), and the code reading one stops and reaps it however it is left (running,
stop), a Ctrl-C held back meanwhile (CtrlCHeld)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

_Output = TypeVar("_Output", bytes, str)
# How long a killed child is waited for (it goes in microseconds; one stuck in the kernel, on a
# dead network mount, is left to be reaped when tidy exits rather than hold tidy up).
_REAP_SECONDS = 5.0
_HELD = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def process_alive(pid: object) -> bool:
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process (or a number no pid can be): leave it alone
    return True


def die_with_parent(parent: int,
                    set_signal: Callable[[int], None] | None = None) -> None:
    """In a child tidy forked: be killed when `parent` dies (Linux's PR_SET_PDEATHSIG), and
    leave now if it already has. A worker orphaned by a kill -9 of tidy would otherwise go on
    walking or reading a tree nobody waits for. `set_signal`: how the signal is asked for
    (the scan's workers pass the C measuring module's, which costs no ctypes import);
    set_death_signal by default."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            (set_signal or set_death_signal)(signal.SIGKILL)
    if os.getppid() != parent:  # it died before the death signal was set
        os._exit(1)


def set_death_signal(signum: int) -> None:
    """PR_SET_PDEATHSIG through ctypes (Linux): this process gets `signum` when the thread
    that forked it ends; OSError when the kernel refuses it. The twin of
    tidy/workspace/_fastmeasure.c's set_death_signal (tests hold them to the same answers)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(1, signum, 0, 0, 0) != 0:  # PR_SET_PDEATHSIG
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


class CtrlCHeld:
    """The stop signals (SIGINT, and SIGTERM and SIGHUP where tidy raises them too:
    core/stop_signals) held back from creation to release(), then delivered to the handler
    each was meant for (KeyboardInterrupt, as a rule), as if it came then: what must happen
    whole is not cut in two by a Ctrl-C or a `kill` (a child started and its Popen kept by
    its owner; a killed child reaped). Also a context manager (released on leaving). In the
    main thread only: Python runs signal handlers there, so none lands in another thread's
    code. Holds are released in the reverse order of their making (nested `with`)."""

    def __init__(self) -> None:
        self._caught: list[int] = []
        self._previous: dict[int, Any] = {}
        if threading.current_thread() is not threading.main_thread():
            return
        for signum in _HELD:
            previous = signal.getsignal(signum)
            # SIGINT as before (Python's handler, or ignored); the others only where a
            # Python handler raises for them: their default ends the process, held or not.
            if previous is None or (signum != signal.SIGINT and not callable(previous)):
                continue
            self._previous[signum] = previous
            signal.signal(signum, self._catch)

    def _catch(self, signum: int, _frame: object) -> None:
        if signum not in self._caught:
            self._caught.append(signum)

    def release(self) -> None:
        previous, self._previous = self._previous, {}
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in self._caught:
            if signum in previous:
                signal.raise_signal(signum)

    def __enter__(self) -> CtrlCHeld:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


@contextlib.contextmanager
def running(argv: Sequence[str], **popen: Any) -> Iterator[subprocess.Popen[bytes]]:
    """`with running([git, ...], stdout=PIPE) as proc:` a child (subprocess.Popen's keywords)
    stopped and reaped however the block is left (stop). A Ctrl-C while it starts is held
    until it is owned here (else a Ctrl-C inside Popen's start would lose the child, left
    defunct until this process exits), then raised."""
    held = CtrlCHeld()
    # No child reads tidy's own stdin unless given one: git reads a config `include.path =
    # /dev/stdin`, and a repo naming it made a scan in a terminal wait for (and parse) the
    # user's typing.
    popen.setdefault("stdin", subprocess.DEVNULL)
    try:
        proc: subprocess.Popen[bytes] = subprocess.Popen(list(argv), **popen)
    except BaseException:
        held.release()
        raise
    try:
        held.release()
        yield proc
    finally:
        stop(proc)


def stop(proc: subprocess.Popen[_Output]) -> None:
    """End a child and reap it: killed unless it has exited, its pipes closed (what it still
    had to say is not read), waited for. For every way out of the code that reads a child (an
    exception, an early return, Ctrl-C): no git is left running, nor defunct (a zombie until
    this process exits). A Ctrl-C meanwhile is held until it is reaped."""
    with CtrlCHeld():
        if proc.returncode is None:
            with contextlib.suppress(OSError):
                proc.kill()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):  # a full pipe to a dead child: still closed
                    stream.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=_REAP_SECONDS)

