"""EarlyWork's hook before the pool forks: run once, in this process, before the first
fork, only for a task that starts; what it leaves is the worker's by inheritance."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import commit, make_repo, write
from tidy.workspace import early
from tidy.workspace.blobs import IndexListing
from tidy.workspace.early import EarlyWork, IndexTask
from tidy.workspace.pool import WorkerPool

# Set by the hook in the parent; read by the task in the forked worker.
_PREPARED: list[int] = []


def _prepare() -> None:
    _PREPARED.append(os.getpid())


def _report(repo: str, listing: IndexListing) -> dict[str, object]:
    return {"prepared": list(_PREPARED), "worker": os.getpid(), "files": len(listing.paths)}


def _repo(path: Path) -> str:
    repo = make_repo(path)
    write(repo / "a.py", "print(1)\n")
    commit(repo)
    return str(repo)


def test_the_hook_runs_here_once_before_the_fork_and_the_worker_inherits_it(
        tmp_path: Path) -> None:
    _PREPARED.clear()
    first, second = _repo(tmp_path / "one"), _repo(tmp_path / "two")
    with WorkerPool() as pool:
        early = EarlyWork(_report, pool, min_index_bytes=0, before_fork=_prepare)
        early.start(first)
        early.start(second)  # the pool has forked: nothing left to prepare
        found = early.results(first)
        again = early.results(second)
    here = [os.getpid()]
    assert here == _PREPARED
    assert found["prepared"] == here and found["worker"] != os.getpid()
    assert found["files"] == 1 and again["prepared"] == here


def test_no_hook_for_a_task_that_does_not_start(tmp_path: Path) -> None:
    _PREPARED.clear()
    repo = _repo(tmp_path / "small")
    with WorkerPool() as pool:
        early = EarlyWork(_report, pool, before_fork=_prepare)  # a tiny index: not worth it
        early.start(repo)
        assert early.results(repo) == {}
        assert not pool.started
    plain = tmp_path / "plain"
    plain.mkdir()
    with WorkerPool() as pool:
        EarlyWork(_report, pool, min_index_bytes=0, before_fork=_prepare).start(str(plain))
    assert not _PREPARED


# ------------------------------------------------ the hand-over: a first answer before the end
def _handing(repo: str, listing: IndexListing) -> dict[str, object]:
    """Hands its first answer over, then waits (as a history walk may) for the test's go-on
    file, and returns the rest."""
    from tidy.workspace.early import hand_over

    went = hand_over({"first": len(listing.paths), "worker": os.getpid()})
    go_on = Path(repo) / ".git" / "go-on"
    for _ in range(3000):  # at most 30 s: a test that fails does not hang
        if go_on.exists():
            break
        time.sleep(0.01)
    return {"rest": go_on.read_text(encoding="utf-8"), "went": went}


def test_the_first_answer_comes_while_the_task_goes_on(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "one")
    with WorkerPool() as pool:
        early = EarlyWork(_handing, pool, min_index_bytes=0)
        early.start(repo)
        first = early.results(repo)  # the task still waits for its go-on file
        assert first["first"] == 1 and early.handed_over(repo)
        assert not early._started[repo].future.done()
        Path(repo, ".git", "go-on").write_text("later", encoding="utf-8")
        assert early.rest(repo) == {"rest": "later", "went": True}
        assert early.results(repo) is first  # asked again: the same answer, not the rest
        early.close()


def _handing_then_killed(repo: str, listing: IndexListing) -> dict[str, object]:
    from tidy.workspace.early import hand_over

    hand_over({"first": len(listing.paths)})
    os.kill(os.getpid(), signal.SIGKILL)  # the worker dies before the rest (a kill -9, OOM)
    return {"rest": True}


def test_a_worker_killed_after_its_hand_over_leaves_no_rest(tmp_path: Path) -> None:
    """Whoever wanted the rest (TDY401's history) then does the work itself."""
    repo = _repo(tmp_path / "one")
    with WorkerPool() as pool:
        early = EarlyWork(_handing_then_killed, pool, min_index_bytes=0)
        early.start(repo)
        assert early.results(repo) == {"first": 1}
        assert early.rest(repo) == {}
        early.close()


def _killed_before_handing(repo: str, listing: IndexListing) -> dict[str, object]:
    os.kill(os.getpid(), signal.SIGKILL)
    return {"never": True}


def _failing_before_handing(repo: str, listing: IndexListing) -> dict[str, object]:
    raise RuntimeError("no git")


def _half_handed(repo: str, listing: IndexListing) -> dict[str, object]:
    """A hand-over cut short (its length says more than came): dropped, the answer stands."""
    import tidy.workspace.early as early_module

    assert early_module._handing is not None
    fd, _ = early_module._handing
    os.write(fd, (1000).to_bytes(8, "little") + b"\x80\x05")
    return {"all": True}


@pytest.mark.parametrize("task, expected", [(_killed_before_handing, {}),
                                            (_failing_before_handing, {}),
                                            (_half_handed, {"all": True})])
def test_a_task_that_hands_nothing_whole_over_is_waited_for(
        tmp_path: Path, task: Callable[[str, IndexListing], dict[str, object]],
        expected: dict[str, object]) -> None:
    repo = _repo(tmp_path / "one")
    with WorkerPool() as pool:
        early = EarlyWork(task, pool, min_index_bytes=0)
        early.start(repo)
        assert early.results(repo) == expected
        assert not early.handed_over(repo) and early.rest(repo) == {}
        early.close()


def _too_big(repo: str, listing: IndexListing) -> dict[str, object]:
    from tidy.workspace.early import hand_over

    big = {"first": os.urandom(2 * 1024 * 1024)}  # more than the pipe holds
    return {"went": hand_over(big), "all": True}


def test_a_hand_over_bigger_than_the_pipe_is_not_sent(tmp_path: Path) -> None:
    """Never written in part, never waited on: the task returns everything, as before."""
    repo = _repo(tmp_path / "one")
    with WorkerPool() as pool:
        early = EarlyWork(_too_big, pool, min_index_bytes=0)
        early.start(repo)
        assert early.results(repo) == {"went": False, "all": True}
        assert not early.handed_over(repo)
        early.close()


def test_only_the_job_that_forks_the_workers_hands_over(tmp_path: Path) -> None:
    """A job queued after the fork has no pipe its worker inherited: it answers at its end."""
    first, second = _repo(tmp_path / "one"), _repo(tmp_path / "two")
    for repo in (first, second):
        Path(repo, ".git", "go-on").write_text("now", encoding="utf-8")
    with WorkerPool() as pool:
        early = EarlyWork(_handing, pool, min_index_bytes=0)
        early.start(first)
        early.start(second)
        assert early.results(first)["first"] == 1 and early.handed_over(first)
        assert early.results(second) == {"rest": "now", "went": False}
        assert not early.handed_over(second)
        early.close()


def _handing_then_interrupted(repo: str, listing: IndexListing) -> dict[str, object]:
    from tidy.workspace.early import hand_over

    hand_over({"first": True})
    time.sleep(30)  # Ctrl-C comes meanwhile
    return {"rest": True}


def test_ctrl_c_after_the_hand_over_reaches_the_main_process_from_the_rest(
        tmp_path: Path) -> None:
    """A scan's Ctrl-C reaches its worker too: the job's KeyboardInterrupt comes back as the
    rest's, as it came back as the whole answer's before (the scan stops)."""
    repo = _repo(tmp_path / "one")
    with WorkerPool() as pool:
        early = EarlyWork(_handing_then_interrupted, pool, min_index_bytes=0)
        early.start(repo)
        assert early.results(repo) == {"first": True}
        worker = next(iter(pool.get()._processes))  # type: ignore[union-attr]
        for pid in list(pool.get()._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGINT)  # the idle one ignores it
        assert worker
        with pytest.raises(KeyboardInterrupt):
            early.rest(repo)
        early.close()


def test_the_hand_over_is_waited_for_with_over_1024_files_open(tmp_path: Path) -> None:
    """Its pipe's numbers past select()'s FD_SETSIZE (a watch, a big walk's descriptors):
    still waited for (poll)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 1200
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"the hard limit on open files is {hard}")
    repo = _repo(tmp_path / "one")
    Path(repo, ".git", "go-on").write_text("now", encoding="utf-8")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    try:
        with WorkerPool() as pool:
            early = EarlyWork(_handing, pool, min_index_bytes=0)
            early.start(repo)
            assert early._started[repo].channel is not None
            assert early._started[repo].channel.read_fd > 1024
            assert early.results(repo)["first"] == 1 and early.handed_over(repo)
            assert early.rest(repo) == {"rest": "now", "went": True}
            early.close()
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def _collecting(repo: str, listing: IndexListing) -> dict[str, object]:
    import gc

    return {"collecting": gc.isenabled(), "paths": len(listing.paths)}


def _failing(repo: str, listing: IndexListing) -> dict[str, object]:
    raise RuntimeError("the task failed")


@pytest.mark.parametrize("task", [_collecting, _failing])
def test_a_job_runs_without_collections_and_leaves_them_on(tmp_path: Path,
                                                           task: IndexTask) -> None:
    """No garbage collection during a job; after it (whatever became of it), collections run
    again, what was there frozen. In a forked child: a freeze here would hold the test
    process's whole heap."""
    import gc

    repo = _repo(tmp_path)
    read, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child's report is what is checked)
        try:
            try:
                went, answer = early._run_job(task, repo, False, None)
            except RuntimeError:
                went, answer = False, {"collecting": "raised"}
            os.write(write_end, repr((went, answer.get("collecting"), gc.isenabled(),
                                      gc.get_freeze_count() > 0)).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read, "rb") as got:
        report = got.read().decode()
    os.waitpid(pid, 0)
    during = "False" if task is _collecting else "'raised'"
    assert report == f"(False, {during}, True, True)"
