"""The scan behind `tidy browse`: a child process that streams what it finds, group by group.

Why a child process, read by one of Textual's thread workers, and not the scan in a thread:

- Ctrl-C must stop a scan at once. A thread cannot be stopped from outside, and asyncio waits
  for its executor's threads when the app exits; a child's process group goes in one signal,
  with the walk's forked workers and the git processes in it.
- The walk forks worker processes. Forking a process that runs Textual's threads could leave
  a worker holding a lock that no thread of its own will ever release.

The child reads one pickled `Job` on stdin and writes pickled events on stdout, each after its
length (8 bytes, big-endian), so that the reader unpickles a whole event at once with the
cyclic garbage collector paused (a group of 100,000 findings: 7.3 s to unpickle with it,
0.6 s without, the app's screen frozen meanwhile): `Progress`
while it walks, a `GroupDone` as each group is complete (engine.scan's `on_group`), then
`Finished`, or `Failed`. The child's stdin and stdout are one end of a socket pair, the other
this process's: a pipe there could be opened by any process of the user through /proc/PID/fd
and written to (a pickle the app would have loaded, or a Job the child would have: trust round
16); a socket cannot be opened that way, so nothing but the two ends reads or writes it.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from tidy.core.config import Config
from tidy.core.models import Group, Skipped

_PROGRESS_INTERVAL = 0.1  # seconds between two progress events (the walk reports more often)
_STOP_GRACE = 2.0  # seconds a stopped child gets after SIGTERM before SIGKILL


@dataclass(frozen=True)
class Job:
    paths: tuple[str, ...]
    config: Config


@dataclass(frozen=True)
class Progress:
    entries: int
    bytes: int


@dataclass(frozen=True)
class GroupDone:
    group: Group


@dataclass(frozen=True)
class Finished:
    roots: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]
    hidden_kinds: tuple[tuple[str, int, int], ...]
    duration_s: float


@dataclass(frozen=True)
class Failed:
    message: str
    usage: bool = False  # the path cannot be scanned (missing, not a folder): exit 2


Event = Progress | GroupDone | Finished | Failed


class ScanStream:
    """One scan in a child process; iterate `events()` in a worker thread, `stop()` anywhere."""

    def __init__(self, job: Job) -> None:
        self._job = job
        self._child: subprocess.Popen[bytes] | None = None
        self._events: IO[bytes] | None = None  # this process's end of the socket pair
        self._stderr: IO[bytes] | None = None
        self._reaping = threading.Lock()
        self.stopped = False

    @property
    def pid(self) -> int | None:
        return self._child.pid if self._child is not None else None

    def start(self) -> None:
        # The child's stderr, read back when it dies; closed in close().
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        mine, theirs = socket.socketpair()
        try:
            self._child = self._started(theirs)
        finally:
            theirs.close()
        self._events = mine.makefile("rb")
        with contextlib.suppress(OSError):  # the child gone already: events() says so
            mine.sendall(pickle.dumps(self._job))
            mine.shutdown(socket.SHUT_WR)
        mine.close()  # the file object keeps the socket open

    def _started(self, theirs: socket.socket) -> subprocess.Popen[bytes]:
        """The child, its stdin and stdout the socket pair's other end."""
        return subprocess.Popen(
            [sys.executable, "-m", "tidy.browse.stream"],
            stdin=theirs.fileno(), stdout=theirs.fileno(), stderr=self._stderr,
            # Safe path: the current folder (the tree being browsed, perhaps a stranger's
            # checkout with a `tidy/` package of its own) is never put on sys.path, neither
            # in the child nor in the interpreters the scan starts (`python -m
            # tidy.extract.confirm` for a data module).
            env={**os.environ, "PYTHONSAFEPATH": "1"},
            # Its own session: a terminal's Ctrl-C never reaches it, and stop() can signal
            # the whole group (the walk's workers, git) at once.
            start_new_session=True,
        )

    def events(self) -> Iterator[Event]:
        """Every event until the child ends; the last one is Finished or Failed."""
        child, received = self._child, self._events
        assert child is not None and received is not None, "start() first"
        finished = False
        while True:
            try:
                event = _receive(received)
            except (EOFError, pickle.UnpicklingError, OSError, ValueError):
                break  # the child ended (or was stopped mid-write; or close() came first)
            if not isinstance(event, Progress | GroupDone | Finished | Failed):
                break
            finished = isinstance(event, Finished | Failed)
            yield event
        with self._reaping:
            code = child.wait()
        if not finished:
            yield Failed("stopped" if self.stopped else self._died(code))

    def stop(self) -> None:
        """End the scan and everything it started; returns once the child is gone."""
        child = self._child
        self.stopped = True
        if child is None:
            return
        # The lock keeps the reader from reaping the child in between: while the leader is
        # not reaped its group id cannot be reused, so no signal can reach a stranger.
        with self._reaping:
            if child.returncode is not None:
                return
            _signal_group(child.pid, signal.SIGTERM)
            deadline = time.monotonic() + _STOP_GRACE
            while not _has_exited(child) and time.monotonic() < deadline:
                time.sleep(0.005)
            if child.returncode is None:  # not reaped yet: the group id is still ours
                _signal_group(child.pid, signal.SIGKILL)  # the child if stuck, workers left
            child.wait()

    def close(self) -> None:
        self.stop()
        for stream in (self._events, self._stderr):
            if stream is not None:
                stream.close()

    def _died(self, code: int) -> str:
        last = ""
        if self._stderr is not None:
            self._stderr.seek(0)
            lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
            last = lines[-1] if lines else ""
        return f"the scan ended with exit code {code}" + (f": {last}" if last else "")


def _has_exited(child: subprocess.Popen[bytes]) -> bool:
    """The child has ended; where the OS allows, left a zombie so that its pid and group id
    stay taken until child.wait() (macOS has no waitid: poll() reaps it)."""
    if not hasattr(os, "waitid"):
        return child.poll() is not None
    try:
        flags = os.WEXITED | os.WNOHANG | os.WNOWAIT
        return os.waitid(os.P_PID, child.pid, flags) is not None
    except ChildProcessError:
        return True


def _signal_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


def _receive(stream: IO[bytes]) -> object:
    """One event: its length, its bytes, then the unpickling with the collector paused (the
    millions of objects of a big group are all new: each collection would walk them)."""
    head = _read_exactly(stream, _HEAD)
    data = _read_exactly(stream, int.from_bytes(head, "big"))
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if paused:
            gc.enable()


def _read_exactly(stream: IO[bytes], n: int) -> bytes:
    data = stream.read(n)
    if data is None or len(data) != n:
        raise EOFError("the scan's stream ended mid-event")
    return data


# -- the child --------------------------------------------------------------------------------
_HEAD = 8  # bytes of an event's length


def _send(out: IO[bytes], event: Event) -> None:
    data = pickle.dumps(event, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(len(data).to_bytes(_HEAD, "big") + data)
    out.flush()


def _scan(job: Job, out: IO[bytes]) -> None:
    from tidy import engine

    last = 0.0

    def progress(entries: int, size: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= _PROGRESS_INTERVAL:
            last = now
            _send(out, Progress(entries, size))

    try:
        report = engine.scan(job.paths, job.config, progress,
                             on_group=lambda group: _send(out, GroupDone(group)))
    except engine.ScanError as error:
        _send(out, Failed(str(error), usage=True))
        return
    _send(out, Finished(report.roots, report.skipped, report.warnings, report.hidden_kinds,
                        report.duration_s))


def main(argv: Sequence[str] | None = None) -> int:
    """The child's entry point: `python -m tidy.browse.stream`, a pickled Job on stdin."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # whatever prints by mistake must not corrupt the event stream
    job = pickle.load(sys.stdin.buffer)
    if not isinstance(job, Job):
        return 2
    try:
        _scan(job, out)
    except BrokenPipeError:
        return 0  # the app went away: nobody is listening
    except Exception as error:  # the app shows one line; the traceback goes to stderr
        import traceback

        traceback.print_exc()
        with contextlib.suppress(BrokenPipeError):
            _send(out, Failed(f"internal error: {type(error).__name__}: {error}"))
        return 3
    return 0


if __name__ == "__main__":
    # Run as a script this file is `__main__`; the events must be pickled as the classes of
    # `tidy.browse.stream`, which the app compares them with.
    from tidy.browse import stream

    sys.exit(stream.main())
