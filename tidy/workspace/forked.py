"""Two parts of one job at once: one in this process, the other in a forked child.

Made for the content pass (tidy.workspace.content), whose reading is pure CPU once the page
cache is warm: while the walk has ended and one core idles, a child forked from the process
doing the pass reads half of the files. The child inherits everything (the search's automaton,
the judges, the folder's descriptor) and sends back only its answer, pickled through a pipe.

The child is never needed for a correct answer: when it cannot be forked, dies (a kill -9, an
out-of-memory kill), raises, or sends anything that does not unpickle or is not signed with the
key it inherited (another process of the user can write into the pipe), this process does the
child's part itself. It dies with its parent (PR_SET_PDEATHSIG, as tidy's other children: see
tidy.extract.interpreter, a layer above), takes the stop signals' default action (Ctrl-C, SIGTERM
and SIGHUP end it at once; one coming while it is forked is held), and is killed and reaped
when this process leaves early (an exception, Ctrl-C), so no child outlives the pass.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import TypeVar, cast

from tidy.core.processes import CtrlCHeld, die_with_parent
from tidy.core.stop_signals import default_in_this_child

Part = TypeVar("Part")
Answer = TypeVar("Answer")

_KEY_BYTES = 32
_SIGNATURE_BYTES = 32  # the answer's HMAC-SHA256, before its pickle

# Called with the child's pid right after the fork (the tests kill it there); None in a scan.
ForkHook = Callable[[int], None]


def can_fork() -> bool:
    # Linux only: elsewhere fork is unsafe or absent, and the death signal is Linux's.
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def run_beside(work: Callable[[Part], Answer], mine: Part, theirs: Part,
               on_fork: ForkHook | None = None) -> tuple[Answer, Answer]:
    """(work(mine), work(theirs)), the second computed in a forked child while this process
    computes the first; in this process after the first when the child fails. A process
    running threads does both itself: a lock another thread held at the fork would stay held
    in the child for ever."""
    if not can_fork() or threading.active_count() > 1:
        return work(mine), work(theirs)
    try:
        read_fd, write_fd = os.pipe()
    except OSError:
        return work(mine), work(theirs)
    parent = os.getpid()
    # The answer's signing key: the child has it by inheritance only. The pipe is open to any
    # process of the user (/proc/PID/fd of either end, opened for writing): what it writes
    # there is never unpickled (trust round 16: a forged pickle ran its code here).
    key = os.urandom(_KEY_BYTES)
    # The collector of either process would write to every object it inspects, copying the
    # pages the two processes share: what exists now is left out of its walks until the end.
    gc.freeze()
    # A stop signal between the fork and the child's own handlers, or before this process
    # keeps the child's pid to kill, is held: an interrupt raised in the child there would
    # unwind the parent's copied stack in it (its finally blocks, its "tidy: interrupted").
    held = CtrlCHeld()
    try:
        pid = os.fork()
    except OSError:
        held.release()
        gc.unfreeze()
        os.close(read_fd)
        os.close(write_fd)
        return work(mine), work(theirs)
    if pid == 0:  # the child: never returns
        os.close(read_fd)
        _child(work, theirs, write_fd, parent, key)
    os.close(write_fd)
    drain = _Drain(read_fd, pid)  # the child's answer may be bigger than the pipe holds
    try:
        held.release()
        drain.start()
        if on_fork is not None:
            on_fork(pid)
        own = work(mine)
        drain.join()
        # Unpickled while the child, which closed the pipe once its answer was written, is
        # still freeing its memory (a few ms for a pass's heap); kept only if it then exits 0
        decoded = _decode(drain.data, key)
        answer = decoded if _exited_cleanly(pid) else None
        pid = 0  # reaped
    finally:
        if pid:  # left early (an exception, Ctrl-C): the child goes too, now
            _kill_and_reap(pid)
            drain.join()
        os.close(read_fd)
        gc.unfreeze()
    if answer is None:
        return own, work(theirs)
    return own, cast(Answer, answer[0])


def _child(work: Callable[[Part], Answer], part: Part, write_fd: int, parent: int,
           key: bytes) -> None:
    code = 1
    try:
        default_in_this_child()  # over the hold's handlers: a stop signal now ends it
        # The C module's setter where it is built, as the pool's workers do: its ctypes twin
        # imports ctypes (~2-4 ms of CPU) in this child, half of a cold pass, on the cold
        # scan's longest chain. Loaded in the parent already (the walk's module).
        from tidy.workspace.measure import native_death_signal

        die_with_parent(parent, native_death_signal())  # leaves at once if the parent is gone
        if os.getppid() == parent:
            import pickle

            payload = pickle.dumps((work(part),), protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(_signature(key, payload) + payload)
            while view:
                view = view[os.write(write_fd, view):]
            # The end of the answer, now: the parent sees it before this process's exit has
            # unmapped its memory (its pipe would close only after that)
            os.close(write_fd)
            code = 0
    except BaseException:  # the parent does the part itself
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers


def _exited_cleanly(pid: int) -> bool:
    _, status = os.waitpid(pid, 0)
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _kill_and_reap(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _signature(key: bytes, payload: bytes) -> bytes:
    import hashlib
    import hmac

    return hmac.new(key, payload, hashlib.sha256).digest()


def _decode(data: bytes, key: bytes) -> tuple[object] | None:
    """The child's answer, a 1-tuple; None when it is not one (cut short, garbled, not
    signed with `key`: not the child's alone)."""
    import hmac
    import pickle  # here: a scan that never splits need not load it (~2 ms)

    payload = data[_SIGNATURE_BYTES:]
    if len(data) < _SIGNATURE_BYTES or not hmac.compare_digest(
            data[:_SIGNATURE_BYTES], _signature(key, payload)):
        return None
    try:
        value = pickle.loads(payload)  # our own fork's bytes, signed
    except Exception:  # any failure: the parent reads the part itself
        return None
    return value if isinstance(value, tuple) and len(value) == 1 else None


class _Drain(threading.Thread):
    """Reads the pipe beside the parent's own part (a child blocked on a full pipe would wait
    for the parent's part to end before its own could), until the child has exited and what
    it wrote is read. Not until the pipe's end: that comes only once every write end is
    closed, and another process of the user can open the child's through /proc/PID/fd and
    keep it (trust round 17: the scan waited as long as that process lived)."""

    def __init__(self, fd: int, pid: int) -> None:
        super().__init__(daemon=True)
        self._fd = fd
        self._pid = pid
        self._chunks: list[bytes] = []
        # Opened now, before anything can reap the child: it becomes readable at its exit
        self._exit = _exit_notice(pid)

    def run(self) -> None:
        try:
            self._read()
        except OSError:
            self._chunks = []
        finally:
            if self._exit >= 0:
                os.close(self._exit)

    def _read(self) -> None:
        import select

        poller = select.poll()
        poller.register(self._fd, select.POLLIN)
        if self._exit >= 0:
            poller.register(self._exit, select.POLLIN)
        while True:
            ready = {fd for fd, _ in poller.poll(None if self._exit >= 0 else _EXIT_POLL_MS)}
            if self._fd in ready:
                chunk = os.read(self._fd, 1 << 20)
                if not chunk:
                    return  # every write end closed: all there is
                self._chunks.append(chunk)
            elif self._exit in ready or (self._exit < 0 and _has_exited(self._pid)):
                self._take_what_is_left()
                return

    def _take_what_is_left(self) -> None:
        """The child has exited: what it wrote is all in the pipe now. Read without waiting
        (a write end held elsewhere never gives the pipe's end)."""
        os.set_blocking(self._fd, False)
        with contextlib.suppress(BlockingIOError):
            while chunk := os.read(self._fd, 1 << 20):
                self._chunks.append(chunk)

    @property
    def data(self) -> bytes:
        return b"".join(self._chunks)


_EXIT_POLL_MS = 50  # without a pidfd: how often the child's exit is asked


def _exit_notice(pid: int) -> int:
    """A pidfd of child `pid` (readable once it has exited); -1 where there is none (Linux
    before 5.3, Python before 3.9): then its exit is asked every _EXIT_POLL_MS."""
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return -1


def _has_exited(pid: int) -> bool:
    """Child `pid` has exited (it is left to be reaped: WNOWAIT)."""
    try:
        return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True  # reaped already
