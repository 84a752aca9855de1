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
"""

from __future__ import annotations

import os
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


def run_task(task: IndexTask, repo: str, use_cache: bool = False) -> dict[str, object]:
    """In a worker: the index listed once (kept between scans with `use_cache`, with what
    the task's rules worked out from it alone: workspace/index_memo), then the task over it.
    The kept listing's module (and the content cache's, json, hashlib) is the worker's to
    import: the main process needs none of it before its walk."""
    if not use_cache:
        return task(repo, list_index(repo))
    from tidy.workspace.index_cache import keep, kept_listing

    listing = kept_listing(repo)
    done = task(repo, listing)
    # After the task: the listing written once with the answers its rules worked out (a
    # warm rescan that learnt nothing writes nothing).
    keep(repo, listing)
    return done


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
        self._started: dict[str, Future[dict[str, object]]] = {}

    def start(self, repo: str, prepare: Callable[[], object] | None = None) -> None:
        """Queue the task for `repo` (an absolute repo root), once. `prepare` runs first, only
        when the task is queued, before the pool's first job forks its worker."""
        if repo in self._started or self._task is None or not self._worth_it(repo):
            return
        if self._before_fork is not None and not self._pool.started:
            self._before_fork()
        executor = self._pool.get()
        if executor is None:
            return
        if prepare is not None:
            prepare()
        self._started[repo] = executor.submit(run_task, self._task, repo, self._use_cache)

    def started(self, repo: str) -> bool:
        """Whether the task for `repo` was started (its results are to be asked for)."""
        return repo in self._started

    def finished(self, repo: str) -> bool:
        """Whether the task for `repo` was started and has ended: results() will not wait."""
        future = self._started.get(repo)
        return future is not None and future.done()

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
