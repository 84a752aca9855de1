"""EarlyWork's hook before the pool forks: run once, in this process, before the first
fork, only for a task that starts; what it leaves is the worker's by inheritance."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import commit, make_repo, write
from tidy.workspace.blobs import IndexListing
from tidy.workspace.early import EarlyWork
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
