"""The scan's worker processes: made on first use, shared by everything that runs in parallel.

One pool per scan, so the walk's measuring jobs and the rules' early work queue on the same
workers instead of crowding the two cores with more processes than they have. Workers are
forked (the only cheap start method); where forking is not possible, `get()` answers None and
callers do the work inline.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from tidy.core.processes import die_with_parent

if TYPE_CHECKING:  # multiprocessing and its executor load on first use (~4 ms a scan saves
    from concurrent.futures import ProcessPoolExecutor  # when nothing runs in parallel)


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
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # Workers die with the scan: a kill -9 of tidy must not leave them walking.
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("fork"),
                initializer=die_with_parent, initargs=(os.getpid(),))
        return self._executor

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
