"""Early work: what can be done from a repo's index alone (a rule's, the index's size), done
while the walk runs.

The walk keeps both cores busy only part of the time (it starts alone, and the last measuring
job finishes alone); work queued on the scan's worker pool fills those gaps instead of
running after the walk. A repo whose index is small gets nothing early: the fork and the
hand-over would cost more than the work.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from concurrent.futures import Future

from tidy.rules.base import Early, Rule
from tidy.workspace.blobs import index_size
from tidy.workspace.git import git_dir
from tidy.workspace.pool import WorkerPool

EARLY_MIN_INDEX_BYTES = 512 * 1024  # about 5,000 tracked files


class EarlyWork:
    def __init__(self, jobs: Mapping[str, Early], pool: WorkerPool,
                 min_index_bytes: int | None = None) -> None:
        self._work = list(jobs.items())  # (key, function of the repo root)
        self._pool = pool
        self._min_index_bytes = (EARLY_MIN_INDEX_BYTES if min_index_bytes is None
                                 else min_index_bytes)
        self._started: dict[str, dict[str, Future[object]]] = {}

    def start(self, repo: str) -> None:
        """Queue every job for `repo` (an absolute repo root), once."""
        if repo in self._started or not self._work or not self._worth_it(repo):
            return
        executor = self._pool.get()
        if executor is None:
            return
        self._started[repo] = {key: executor.submit(work, repo) for key, work in self._work}

    def results(self, repo: str) -> dict[str, object]:
        """What finished for `repo`, by key. Work that failed is left out: whoever wanted it
        then does it itself and meets the same error where it can report it."""
        found: dict[str, object] = {}
        for key, future in self._started.get(repo, {}).items():
            try:
                found[key] = future.result()
            except Exception:
                continue
        return found

    def _worth_it(self, repo: str) -> bool:
        directory = git_dir(repo)
        if directory is None:
            return False
        try:
            return os.stat(os.path.join(directory, "index")).st_size >= self._min_index_bytes
        except OSError:
            return False


TRACKED = "tracked"  # the key of the index's size among the jobs


def jobs_for(rules: Iterable[Rule], tracked_size: bool) -> dict[str, Early]:
    """Each rule's early work by its code, and the index's size when it is wanted."""
    jobs: dict[str, Early] = {r.code: r.early for r in rules if r.early is not None}
    if tracked_size:
        jobs[TRACKED] = index_size
    return jobs
