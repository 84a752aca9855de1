"""Early work: what can be done from a repo's index alone (the vendored rule's reference
search, the index's size), done on the scan's worker pool while the walk runs.

The walk keeps both cores busy only part of the time (it starts alone, and the last measuring
job finishes alone); work queued on the pool fills those gaps instead of running after the
walk. Jobs are named by module path, so the scan starts them before it has imported the
rules, and a worker imports only what its job needs. One task per repo lists the index once
for all its jobs. A repo whose index is small gets nothing early: the fork and the hand-over
would cost more than the work.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidy.workspace.git import git_dir
from tidy.workspace.pool import WorkerPool

if TYPE_CHECKING:  # the workers import it, the main process need not
    from tidy.workspace.blobs import IndexListing

EARLY_MIN_INDEX_BYTES = 512 * 1024  # about 5,000 tracked files
TRACKED = "tracked"  # the key of the index's size


@dataclass(frozen=True)
class Job:
    key: str  # what the result is found under: a rule code, or TRACKED
    # "module:function", called as function(repo root, IndexListing); returns something
    # picklable.
    target: str
    serves: tuple[str, ...] = ()  # rule codes that use it: started when one is selected


JOBS = (
    Job("TDY401", "tidy.rules.vendored:early_references", ("TDY401", "TDY402", "TDY403")),
    Job("TDY502", "tidy.rules.ignore_rules:early_heavy_candidates", ("TDY502",)),
)
_TRACKED_JOB = Job(TRACKED, "tidy.workspace.early:index_size_of")


def jobs_for(selects: Callable[[str], bool], tracked_size: bool) -> dict[str, str]:
    """key -> target of the jobs this scan wants."""
    wanted = {job.key: job.target for job in JOBS if any(selects(c) for c in job.serves)}
    if tracked_size:
        wanted[TRACKED] = _TRACKED_JOB.target
    return wanted


def run_jobs(targets: Mapping[str, str], repo: str) -> dict[str, object]:
    """Every job for one repo over one listing of its index; a job that fails is left out
    (whoever wanted it does the work itself and meets the error where it can report it)."""
    from tidy.workspace.blobs import list_index

    listing = list_index(repo)
    done: dict[str, object] = {}
    for key, target in targets.items():
        module, _, function = target.partition(":")
        try:
            done[key] = getattr(importlib.import_module(module), function)(repo, listing)
        except Exception:
            continue
    return done


def index_size_of(repo: str, listing: IndexListing) -> tuple[int, int] | None:
    from tidy.workspace.blobs import index_size

    return index_size(repo, listing=listing)


class EarlyWork:
    def __init__(self, jobs: Mapping[str, str], pool: WorkerPool,
                 min_index_bytes: int | None = None) -> None:
        self._jobs = dict(jobs)
        self._pool = pool
        self._min_index_bytes = (EARLY_MIN_INDEX_BYTES if min_index_bytes is None
                                 else min_index_bytes)
        self._started: dict[str, Future[dict[str, object]]] = {}

    def start(self, repo: str) -> None:
        """Queue every job for `repo` (an absolute repo root), once."""
        if repo in self._started or not self._jobs or not self._worth_it(repo):
            return
        executor = self._pool.get()
        if executor is None:
            return
        self._started[repo] = executor.submit(run_jobs, self._jobs, repo)

    def results(self, repo: str) -> dict[str, object]:
        """What finished for `repo`, by key; nothing when the task failed as a whole (no
        git): whoever wanted a result then does the work itself."""
        future = self._started.get(repo)
        if future is None:
            return {}
        try:
            return future.result()
        except Exception:
            return {}

    def _worth_it(self, repo: str) -> bool:
        directory = git_dir(repo)
        if directory is None:
            return False
        try:
            return os.stat(os.path.join(directory, "index")).st_size >= self._min_index_bytes
        except OSError:
            return False
