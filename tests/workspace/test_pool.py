"""The scan's worker pool and Ctrl-C: real forked workers, real SIGINTs sent to them.

A worker waiting for a job ignores SIGINT (one dying there would break the pool, and the
executor would then SIGTERM the busy workers before their finally blocks could stop their git
children); a worker running a job gets KeyboardInterrupt in the job and lives on."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from tidy.core.processes import process_alive
from tidy.workspace.pool import WorkerPool

pytestmark = pytest.mark.skipif(not WorkerPool().available, reason="workers need fork")


def _sleep_after_saying_where(path: str) -> str:
    """A job that writes its worker's pid to `path`, then runs until it is interrupted.

    In short sleeps, not one of 60 s: Python runs a signal's handler between bytecodes, and
    a SIGINT landing after the pid is written but before the sleep's system call begins is
    only noted, the call not interrupted; its handler then ran when the 60 s were over (the
    flake of test_a_job_takes_ctrl_c_as_the_pool_owner_takes_it: 30 s waited in vain. Its
    steps repeated beside 4 busy loops, load 13-16: 4 of 800 jobs not ended 5 s after the
    SIGINT, the one followed further ended by the handler when its 60 s were over; 0 of 400
    with short sleeps). Each short sleep ends with a check of the signals noted meanwhile."""
    Path(path).write_text(str(os.getpid()))
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            time.sleep(0.01)
    except KeyboardInterrupt:
        return "interrupted in the job"
    return "slept"


def _wait_for(path: Path) -> int:
    deadline = time.monotonic() + 30
    while not (path.exists() and path.read_text()):
        assert time.monotonic() < deadline, "the job never started"
        time.sleep(0.01)
    return int(path.read_text())


def test_ctrl_c_between_jobs_leaves_the_workers_and_the_pool_working() -> None:
    with WorkerPool(2) as pool:
        executor = pool.get()
        assert executor is not None
        assert executor.submit(abs, -1).result(timeout=30) == 1  # the workers are up
        pids = {child.pid for child in multiprocessing.active_children()}
        assert len(pids) == 2
        for pid in pids:
            os.kill(pid, signal.SIGINT)  # waiting for a job: no job to interrupt
        time.sleep(0.3)
        assert all(process_alive(pid) for pid in pids)
        assert executor.submit(abs, -7).result(timeout=30) == 7  # not broken


def test_ctrl_c_during_a_job_interrupts_the_job_only(tmp_path: Path) -> None:
    where = tmp_path / "worker"
    with WorkerPool(1) as pool:
        executor = pool.get()
        assert executor is not None
        job = executor.submit(_sleep_after_saying_where, str(where))
        worker = _wait_for(where)
        os.kill(worker, signal.SIGINT)
        assert job.result(timeout=30) == "interrupted in the job"
        assert process_alive(worker)
        assert executor.submit(os.getpid).result(timeout=30) == worker  # the same one


def test_a_job_takes_ctrl_c_as_the_pool_owner_takes_it(tmp_path: Path) -> None:
    """`tidy watch` handles SIGINT itself (it stops after the pass): its workers' jobs get
    that handler, not KeyboardInterrupt."""
    def owners(_signum: int, _frame: object) -> None:
        raise LookupError("the owner's own handling")

    previous = signal.signal(signal.SIGINT, owners)
    try:
        where = tmp_path / "worker"
        with WorkerPool(1) as pool:
            executor = pool.get()
            assert executor is not None
            job = executor.submit(_sleep_after_saying_where, str(where))
            os.kill(_wait_for(where), signal.SIGINT)
            with pytest.raises(LookupError, match="the owner's own handling"):
                job.result(timeout=30)
    finally:
        signal.signal(signal.SIGINT, previous)


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_no_more_jobs_lets_queued_jobs_finish_and_the_workers_leave() -> None:
    """After no_more_jobs() the jobs already queued still run and answer; each worker then
    leaves by itself, while the owner goes on, and shutdown() finds them gone or reaps them."""
    # Children an earlier test's pool left still exiting are not this pool's (the suite runs
    # in one process): only the ones started here must be gone.
    before = set(multiprocessing.active_children())
    with WorkerPool(2) as pool:
        executor = pool.get()
        assert executor is not None
        jobs = [executor.submit(_pid_after, 0.2) for _ in range(3)]  # one waits for a worker
        pool.no_more_jobs()
        pids = {job.result(timeout=30) for job in jobs}
        assert 1 <= len(pids) <= 2
        deadline = time.monotonic() + 30
        while any(process_alive(pid) for pid in pids):  # gone without shutdown() (reaped by
            assert time.monotonic() < deadline  # the executor's own thread)
            time.sleep(0.01)
        pool.shutdown()
    assert not set(multiprocessing.active_children()) - before


def test_a_starting_worker_never_leaves_ctrl_c_at_its_default(tmp_path: Path) -> None:
    """A worker's start sets its signals one call at a time; SIGINT must go straight from
    the hold's handler (inherited from the fork) to ignored. It went through SIG_DFL first,
    and a Ctrl-C landing between the two calls (seen under load 18) killed the starting
    worker, which breaks the pool: the executor then stops the others. Recorded in a real
    forked child, through the signal calls the start makes."""
    from tidy.workspace import pool as pool_module

    record = tmp_path / "dispositions"
    child = os.fork()
    if child == 0:  # the worker's start, as the executor runs it after its fork
        code = 1
        try:
            real_signal = signal.signal
            seen: list[str] = []

            def recording(signum: int, handler: object) -> object:
                previous = real_signal(signum, handler)  # type: ignore[arg-type]
                now = signal.getsignal(signal.SIGINT)
                seen.append("default" if now is signal.SIG_DFL else
                            "ignored" if now is signal.SIG_IGN else "handler")
                return previous

            signal.signal(signal.SIGINT, lambda *_: None)  # the hold's handler
            signal.signal = recording  # type: ignore[assignment]
            pool_module._start_worker(os.getppid(), signal.default_int_handler)
            record.write_text(" ".join(seen))
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    seen = record.read_text().split()
    assert seen and seen[-1] == "ignored", seen
    assert "default" not in seen, seen
