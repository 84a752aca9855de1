"""The scan's worker processes: made on first use, shared by everything that runs in parallel.

One pool per scan, so the walk's measuring jobs and the rules' early work queue on the same
workers instead of crowding the two cores with more processes than they have. Workers are
forked (the only cheap start method); where forking is not possible, `get()` answers None and
callers do the work inline.

Ctrl-C (a terminal's SIGINT goes to the whole process group) reaches a worker only while it
runs a job, and then as it would reach the pool's owner: in a scan the job gets
KeyboardInterrupt, its finally blocks stop and reap the git processes it started (a history
walk's `git cat-file --batch`), and the exception goes back as the job's result (`tidy watch`
handles SIGINT itself, and its workers' jobs go on as they did). A worker waiting for a job
ignores it: one dying there would break the pool, and the executor then terminates every
other worker with SIGTERM, a busy one before its finally blocks ran, leaving its git children
defunct (and a traceback on the terminal). SIGTERM and SIGHUP take their default action in a
worker: the executor itself stops workers with SIGTERM, and one that went on would be waited
for ever; the pool's owner, which tidy's handler turns them into an exception for, stops and
reaps what is left, and a worker dies with it (die_with_parent).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from tidy.core.processes import CtrlCHeld, die_with_parent
from tidy.core.stop_signals import default_in_this_child

if TYPE_CHECKING:  # multiprocessing and its executor load on first use (~4 ms a scan saves
    from concurrent.futures import ProcessPoolExecutor  # when nothing runs in parallel)

_Args = ParamSpec("_Args")
_Result = TypeVar("_Result")
_Handler = Callable[[int, Any], Any] | int | signal.Handlers
# In a worker: SIGINT's handler while a job runs (the pool owner's when the pool was made).
_job_sigint: _Handler = signal.default_int_handler


def can_fork() -> bool:
    # fork is the only cheap start method; macOS and Windows get the inline path.
    return sys.platform.startswith("linux")


class WorkerPool:
    def __init__(self, workers: int = 2) -> None:
        self.workers = workers  # 0: everything inline
        self._executor: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        """Workers run (the tree is big enough to share)."""
        return self._executor is not None

    @property
    def available(self) -> bool:
        return self.workers > 0 and can_fork()

    def get(self) -> ProcessPoolExecutor | None:
        if not self.available:
            return None
        if self._executor is None:
            self._executor = _executor(self.workers)
            if self._executor is None:  # its pipes could not be signed: everything inline
                self.workers = 0
        return self._executor

    def no_more_jobs(self) -> None:
        """Nothing more will be queued: each worker leaves once the jobs queued already are
        done (their answers stay to be read), while this process goes on. shutdown() still
        waits for them: they end meanwhile instead of after."""
        if self._executor is not None:
            self._executor.shutdown(wait=False)

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def retire(self) -> None:
        """After a worker died: the broken executor is dropped and everything from now on
        runs inline (`available` is False)."""
        self.workers = 0
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.shutdown()


def _executor(workers: int) -> ProcessPoolExecutor | None:
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    from tidy.workspace.signed_pipes import sign_pipes

    class JobsTakeCtrlC(ProcessPoolExecutor):
        """Each job (map's too: it submits) runs through _run_job. The workers are forked
        in a submit: with Ctrl-C held (CtrlCHeld), a worker starts with the hold's handler,
        which drops what reaches it before its initializer ignores SIGINT."""

        def submit(self, fn: Callable[_Args, _Result], /, *args: _Args.args,
                   **kwargs: _Args.kwargs) -> Future[_Result]:
            with CtrlCHeld():
                return super().submit(_run_job, fn, *args, **kwargs)

    owner = signal.getsignal(signal.SIGINT)  # None: set outside Python, taken as Python's
    # Workers die with the scan: a kill -9 of tidy must not leave them walking.
    executor = JobsTakeCtrlC(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_start_worker,
                             initargs=(os.getpid(), signal.default_int_handler
                                       if owner is None else owner))
    # Its pipes are open to any process of the user (/proc/PID/fd): only signed messages
    # are unpickled on either (trust round 16). Before the first job forks the workers.
    if not sign_pipes(executor):
        executor.shutdown(wait=False)
        return None
    return executor


def _start_worker(parent: int, job_sigint: _Handler) -> None:
    global _job_sigint
    # Waiting for a job, Ctrl-C is not for it: ignored first, never at its default on the
    # way (set to default and then ignored, a Ctrl-C between the two killed a starting
    # worker, and the executor then stopped every other one: seen under load 18).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    default_in_this_child(but=(signal.SIGINT,))  # SIGTERM and SIGHUP end a worker (the
    # executor stops one so)
    _job_sigint = job_sigint
    from tidy.workspace.measure import native_death_signal  # loaded before the fork

    die_with_parent(parent, native_death_signal())


def _run_job(job: Callable[_Args, _Result], /, *args: _Args.args,
             **kwargs: _Args.kwargs) -> _Result:
    """In a worker: the job, with Ctrl-C handled as its owner handles it (in a scan:
    KeyboardInterrupt in the job). The git processes it starts take SIGINT's default action
    again: a handler, unlike SIG_IGN, is reset at exec."""
    signal.signal(signal.SIGINT, _job_sigint)
    try:
        return job(*args, **kwargs)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
