"""Early work: what can be done from a repo's index alone, done on the scan's worker pool while
the walk runs.

The walk keeps both cores busy only part of the time (it starts alone, and the last measuring
job finishes alone); work queued on the pool fills those gaps instead of running after the
walk. What the work is, is the caller's: a task gets the repo root and one listing of its
index and returns, by key, what it found (the engine's task runs each selected rule's `early`
job and measures the index for the trends). It runs in the worker; what it imports, the caller
may import here first (`before_fork`, run once, right before a task forks the pool), so the
worker inherits it instead of importing it a second time beside the walk. A repo whose index
is small gets nothing early, and nothing is imported for it: the fork and the hand-over would
cost more than the work.

A task may hand its first answer over before it ends (`hand_over`, in the worker): the main
process takes it up while the task goes on with work whose answer it needs later (the
engine's: TDY401's history walk), which the task then returns as the rest (`rest`). The
hand-over goes over a pipe made before the pool forks, one message no bigger than the pipe
holds, written at once and never waited on: a task that cannot hand over (too big, a job
queued after the fork, no pool) returns everything as before. Whatever becomes of the task
(it fails, its worker is killed, Ctrl-C), the job's future ends, which wakes the main
process: a hand-over not whole by then is dropped, and the future's answer (or {}) stands.

The pipe is not the job's alone: any process of the user can write to it (through the
worker's /proc/PID/fd), and a worker may die mid-write. So a hand-over is signed with a key
made here before the fork, which the worker has by inheritance only (it never crosses a pipe),
and is unpickled only when its signature holds (trust round 15: a forged "nothing references
this vendored lib" was taken as the job's). The job's answer says whether it handed over: one
that did, whose hand-over did not arrive whole and signed, answers nothing at all (its answer
is then only the rest), and whoever wanted a result works it out itself.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import os
import pickle
import select
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from tidy.workspace.blobs import IndexListing, list_index
from tidy.workspace.git import git_dir
from tidy.workspace.pool import WorkerPool

if TYPE_CHECKING:
    from concurrent.futures import Future

EARLY_MIN_INDEX_BYTES = 512 * 1024  # about 5,000 tracked files

# (repo root, one listing of its index) -> results by key; picklable (it crosses to a worker).
IndexTask = Callable[[str, IndexListing], dict[str, object]]


_LENGTH_BYTES = 8  # a hand-over's length, before it
_SIGNATURE_BYTES = 32  # its HMAC-SHA256, after the length and before the pickle
_KEY_BYTES = 32
_PIPE_BYTES = 1024 * 1024  # asked for the hand-over's pipe (Linux's default limit); 64 kB else
_F_SETPIPE_SZ, _F_GETPIPE_SZ = 1031, 1032  # fcntl's (named in Python 3.10+, on Linux only)

# In a worker, while run_task runs a task that may hand over: (pipe's write end, what it holds)
_handing: tuple[int, int] | None = None
# Each channel's signing key by its pipe's write end: set here before the fork, a worker's by
# inheritance (never sent: the jobs' own queue is a pipe too); dropped here once forked.
_keys: dict[int, bytes] = {}
_handed = False  # in a worker: the running task's hand-over went

# What a job answers: (whether it handed over, its answer: then only the rest).
JobAnswer = tuple[bool, dict[str, object]]


def run_task(task: IndexTask, repo: str, use_cache: bool = False,
             channel: tuple[int, int] | None = None) -> dict[str, object]:
    """In a worker: the index listed once (kept between scans with `use_cache`, with what
    the task's rules worked out from it alone: workspace/index_memo), then the task over it.
    The kept listing's module (and the content cache's, json, hashlib) is the worker's to
    import: the main process needs none of it before its walk. `channel`: where the task
    may hand its first answer over (hand_over)."""
    global _handing
    _handing = channel
    try:
        if not use_cache:
            return task(repo, list_index(repo))
        from tidy.workspace.index_cache import keep, kept_listing

        listing = kept_listing(repo)
        done = task(repo, listing)
        # After the task: the listing written once with the answers its rules worked out (a
        # warm rescan that learnt nothing writes nothing).
        keep(repo, listing)
        return done
    finally:
        _handing = None


def _run_job(task: IndexTask, repo: str, use_cache: bool,
             channel: tuple[int, int] | None) -> JobAnswer:
    """In a worker: run_task's answer, and whether the task handed over (its answer is then
    only the rest).

    No garbage collection runs during the job, and what is there at its end is frozen
    (gc.freeze): the job makes tens of thousands of objects that live as long as the
    worker (the listing, the cache's entries, held for its next job), which collections
    went over again and again as they aged (250k bench tree: ~8 % of a warm job's
    instructions), and later collections (the walk's measuring jobs in this worker) never
    go over them. What the job made and dropped in cycles stays until the worker ends (the
    pool is the scan's)."""
    global _handed
    _handed = False
    collecting = gc.isenabled()
    gc.disable()
    try:
        done = run_task(task, repo, use_cache, channel)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    return _handed, done


def hand_over(first: dict[str, object]) -> bool:
    """In a task: `first` to the main process now, before the task ends (EarlyWork.results
    answers it); True when it went whole, and the task's own answer is then only the rest
    (EarlyWork.rest). False (no channel, too big, the pipe not empty): nothing went, and the
    task returns everything. Never waits: the main process may be busy walking."""
    global _handing, _handed
    if _handing is None:
        return False
    fd, holds = _handing
    _handing = None  # one message a task
    key = _keys.get(fd)
    if key is None:  # not forked with this channel's key: nothing it could sign
        return False
    data = pickle.dumps(first, pickle.HIGHEST_PROTOCOL)
    message = len(data).to_bytes(_LENGTH_BYTES, "little") + _signature(key, data) + data
    if len(message) > holds:
        return False
    try:
        os.set_blocking(fd, False)
        written = os.write(fd, message)
    except OSError:  # nothing went
        return False
    # Partly written, it is not whole when the job ends: the main process drops it, and
    # since part went, the job's answer says it handed over (nothing of it is taken).
    _handed = True
    return written == len(message)


def _signature(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


class _Channel:
    """The main process's end of one job's hand-over (a pipe made before the pool forks, which
    the workers inherit), and the wake-up the job's end writes to (its future's callback):
    waiting on both, the main process never waits for a hand-over that will not come."""

    def __init__(self) -> None:
        # Both close on exec: git's children inherit neither end.
        self.read_fd, self.write_fd = os.pipe()
        self.holds = _pipe_size(self.write_fd)
        self._key = os.urandom(_KEY_BYTES)
        _keys[self.write_fd] = self._key  # the worker forked next inherits it
        self._wake_read, self._wake_write = os.pipe()
        self._buffer = bytearray()
        self._ended = False  # the pipe's write ends all closed (the workers gone)
        self._closed = False
        # The future's callback runs on the executor's thread: the wake-up's end is not
        # written once closed here (its number may be another file's by then).
        self._lock = threading.Lock()

    def watch(self, future: Future[JobAnswer]) -> None:
        """The job is queued (its worker forked): this process keeps the read ends only."""
        self.forget_write_end()
        future.add_done_callback(self._wake)

    def forget_write_end(self) -> None:
        _keys.pop(self.write_fd, None)  # before the close: the number may be reused
        os.close(self.write_fd)

    def _wake(self, _: object) -> None:
        with self._lock:
            if not self._closed:
                os.write(self._wake_write, b"x")

    def receive(self, future: Future[JobAnswer], wait: bool
                ) -> dict[str, object] | None:
        """The hand-over once whole; None when the job ended without one (or, not `wait`ing,
        when it is not whole yet)."""
        while not self._closed:
            whole = self._whole()
            if whole is not None or self._closed:  # closed: one came whole, not the job's
                return whole
            ended = future.done()
            # poll, not select: a process with over 1,024 files open (FD_SETSIZE) may wait
            poller = select.poll()
            poller.register(self._wake_read, select.POLLIN)
            if not self._ended:
                poller.register(self.read_fd, select.POLLIN)
            ready = {fd for fd, _ in poller.poll(None if wait and not ended else 0)}
            if self.read_fd in ready:
                chunk = os.read(self.read_fd, _PIPE_BYTES)
                self._buffer += chunk
                self._ended = not chunk
                if chunk:
                    continue
            if ended:  # written before the job ended, or never: what is here is all
                return self._whole()
            if not wait:
                return None
        return None

    def _whole(self) -> dict[str, object] | None:
        if len(self._buffer) < _LENGTH_BYTES:
            return None
        size = int.from_bytes(self._buffer[:_LENGTH_BYTES], "little")
        start = _LENGTH_BYTES + _SIGNATURE_BYTES
        if len(self._buffer) < start + size:
            return None
        data = bytes(self._buffer[start:start + size])
        signed = hmac.compare_digest(bytes(self._buffer[_LENGTH_BYTES:start]),
                                     _signature(self._key, data))
        found = None
        if signed:  # unpickled only when it is the job's own
            try:
                found = pickle.loads(data)
            except Exception:  # dropped: the job's answer says what stands
                found = None
        self.close()
        return found if isinstance(found, dict) else None

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._buffer = bytearray()
                for fd in (self.read_fd, self._wake_read, self._wake_write):
                    os.close(fd)


def _pipe_size(fd: int) -> int:
    """What the pipe holds, asked to hold _PIPE_BYTES."""
    import fcntl

    with contextlib.suppress(OSError):  # over the user's limit: the default
        fcntl.fcntl(fd, _F_SETPIPE_SZ, _PIPE_BYTES)
    try:
        return int(fcntl.fcntl(fd, _F_GETPIPE_SZ))
    except OSError:
        return 64 * 1024


class _Job:
    """One queued task: its future, and its hand-over's channel (None: it cannot hand over)."""

    def __init__(self, future: Future[JobAnswer], channel: _Channel | None) -> None:
        self.future = future
        self.channel = channel
        self.first: dict[str, object] | None = None  # what results() answers
        self.handed = False  # `first` came over the channel: the future holds the rest

    def take_first(self, wait: bool) -> dict[str, object] | None:
        if self.first is None and self.channel is not None:
            handed = self.channel.receive(self.future, wait)
            if handed is not None:
                self.first, self.handed = handed, True
            elif self.future.done() or wait:
                self.channel.close()
                self.channel = None
        if self.first is None and (wait or self.future.done()):
            went, answer = _answer(self.future)
            # It handed over, and what came was not that (forged, cut short): its answer is
            # only the rest, and nothing of it is taken.
            self.first = {} if went else answer
        return self.first

    def close(self) -> None:
        if self.channel is not None:
            self.channel.close()
            self.channel = None


def _answer(future: Future[JobAnswer]) -> JobAnswer:
    """(whether the job handed over, its answer); (False, {}) when it failed."""
    try:
        went, answer = future.result()
    except Exception:
        return False, {}
    return went is True, answer if isinstance(answer, dict) else {}


class EarlyWork:
    def __init__(self, task: IndexTask | None, pool: WorkerPool,
                 min_index_bytes: int | None = None, use_cache: bool = False,
                 before_fork: Callable[[], None] | None = None) -> None:
        self._task = task
        self._pool = pool
        # Run in this process right before a task makes the pool fork its workers: what the
        # task would otherwise import in its worker, imported once here and inherited.
        self._before_fork = before_fork
        self._use_cache = use_cache  # the index's listing from index_cache
        self._min_index_bytes = (EARLY_MIN_INDEX_BYTES if min_index_bytes is None
                                 else min_index_bytes)
        self._started: dict[str, _Job] = {}

    def start(self, repo: str, prepare: Callable[[], object] | None = None) -> None:
        """Queue the task for `repo` (an absolute repo root), once. `prepare` runs first, only
        when the task is queued, before the pool's first job forks its worker."""
        if repo in self._started or self._task is None or not self._worth_it(repo):
            return
        forks = not self._pool.started  # the workers, forked by this job's submit
        if self._before_fork is not None and forks:
            self._before_fork()
        executor = self._pool.get()
        if executor is None:
            return
        if prepare is not None:
            prepare()
        # Only a job that forks the workers can hand over: they inherit its pipe.
        channel = _Channel() if forks else None
        try:
            future = executor.submit(_run_job, self._task, repo, self._use_cache,
                                     None if channel is None
                                     else (channel.write_fd, channel.holds))
        except BaseException:
            if channel is not None:
                channel.forget_write_end()
                channel.close()
            raise
        if channel is not None:
            channel.watch(future)
        self._started[repo] = _Job(future, channel)

    def started(self, repo: str) -> bool:
        """Whether the task for `repo` was started (its results are to be asked for)."""
        return repo in self._started

    def finished(self, repo: str) -> bool:
        """Whether the task for `repo` was started and has handed over or ended: results()
        will not wait."""
        job = self._started.get(repo)
        return job is not None and job.take_first(wait=False) is not None

    def results(self, repo: str) -> dict[str, object]:
        """What finished for `repo`, by key (the task's hand-over, or all it answered);
        nothing when the task failed as a whole (no git): whoever wanted a result then does
        the work itself."""
        job = self._started.get(repo)
        if job is None:
            return {}
        first = job.take_first(wait=True)
        return {} if first is None else first

    def handed_over(self, repo: str) -> bool:
        """Whether results() for `repo` came before the task's end: rest() has the rest."""
        job = self._started.get(repo)
        return job is not None and job.handed

    def rest(self, repo: str) -> dict[str, object]:
        """What the task for `repo` answered after its hand-over, once it has ended; nothing
        when it handed nothing over (results() had it all) or failed after it (its worker
        killed, Ctrl-C, an error): whoever wanted a result then does the work itself."""
        job = self._started.get(repo)
        if job is None or not job.handed:
            return {}
        went, answer = _answer(job.future)
        return answer if went else {}

    def close(self) -> None:
        """The channels' ends this process holds, closed (the scan is over)."""
        for job in self._started.values():
            job.close()

    def _worth_it(self, repo: str) -> bool:
        directory = git_dir(repo)
        if directory is None:
            return False
        try:
            return os.stat(os.path.join(directory, "index")).st_size >= self._min_index_bytes
        except OSError:
            return False
