"""Filesystem events from watchdog, fed to a sink (the debouncer).

On Linux, watchdog's inotify layer is used below its Observer: one `InotifyFD` (one inotify
instance, one reader thread) holding a non-recursive watch per folder of the WatchPlan.
watchdog's Observer would start one emitter thread per scheduled path, so a per-folder
schedule of 50,000 project folders would mean 50,000 threads. Folders that appear later are
watched as they appear (new project folders; inside a cache only while it stays small), so
the plan's budget holds for the whole run; when it runs out, the observer says so and the
periodic rescan covers the rest.

Elsewhere (macOS FSEvents, Windows) watchdog's native Observer watches each root
recursively: the OS does that with one handle per tree.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from tidy.watch.scale import CHEAP_CACHE_DIRS, NATIVE, PERIODIC, WatchPlan

log = logging.getLogger("tidy.watch")

_VCS_AND_TRASH = frozenset({".git", ".hg", ".svn", ".jj", ".fossil", "_darcs", ".tidy-trash"})


class Sink(Protocol):
    def add(self, path: str) -> None: ...

    def overflow(self) -> None: ...

    def add_unit(self, path: str) -> None: ...


@dataclass
class _Watched:
    path: str
    cache_root: str  # "" for a project folder; the cache location it belongs to otherwise


class Observer(Protocol):
    watches: int
    exhausted: bool

    def start(self) -> None: ...

    def stop(self) -> None: ...


class NullObserver:
    """The periodic mode: nothing to watch."""

    watches = 0
    exhausted = False

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass


class SelectiveInotify:
    """Non-recursive inotify watches on chosen folders, through watchdog's InotifyFD."""

    def __init__(self, plan: WatchPlan, sink: Sink,
                 is_artifact: Callable[[str, str], bool]) -> None:
        from watchdog.observers.inotify_c import InotifyConstants as C
        from watchdog.observers.inotify_c import InotifyFD

        self._fd_class = InotifyFD
        self._c = C
        self._mask = (C.IN_CREATE | C.IN_DELETE | C.IN_MOVED_FROM | C.IN_MOVED_TO
                      | C.IN_CLOSE_WRITE | C.IN_DELETE_SELF | C.IN_MOVE_SELF | C.IN_ONLYDIR
                      | C.IN_DONT_FOLLOW | C.IN_EXCL_UNLINK)
        self._plan = plan
        self._sink = sink
        self._is_artifact = is_artifact  # (folder, name) -> a catalogued cache/artifact?
        self._lock = threading.Lock()
        self._by_wd: dict[int, _Watched] = {}
        self._cache_sizes: dict[str, int] = {}
        self._fd: Any = None
        self.watches = 0
        self.exhausted = False  # the budget (or the kernel's limit) stopped a watch
        self.errors = 0

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> None:
        self._fd = self._fd_class()
        self._fd.daemon = True
        self._fd.start()
        caches = self._plan.cache_dirs
        for path in self._plan.dirs:
            root = next((c for c in _parents_and_self(path) if c in caches), "")
            self._add(path, root)

    def stop(self) -> None:
        if self._fd is not None:
            self._fd.stop()
            with contextlib.suppress(RuntimeError):
                self._fd.join(timeout=5)
            self._fd = None

    # -- watches -------------------------------------------------------------------------
    def _add(self, path: str, cache_root: str) -> bool:
        from watchdog.observers.inotify_c import CallbackId

        with self._lock:
            if self.watches >= self._plan.budget:
                self.exhausted = True
                return False
        try:
            with warnings.catch_warnings():
                # A folder renamed in the tree (cargo's `targetXXXX` -> `target`) keeps its
                # inotify watch: added again under its new name, watchdog warns on stderr
                # that our callback is replaced. It is the same callback; only the name is new.
                warnings.simplefilter("ignore", RuntimeWarning)
                wd = self._fd.add_callback(os.fsencode(path), self._mask, self, CallbackId(1))
        except OSError as error:
            self.errors += 1
            if error.errno in (28, 24):  # ENOSPC: max_user_watches; EMFILE: instances
                self.exhausted = True
            return False
        with self._lock:
            before = self._by_wd.get(wd)
            if before is None:
                self.watches += 1
            else:  # a watched folder renamed: the same watch, counted under its new name
                self._uncount(before)
            if cache_root:
                self._cache_sizes[cache_root] = self._cache_sizes.get(cache_root, 0) + 1
            self._by_wd[wd] = _Watched(path, cache_root)
        return True

    def _uncount(self, watched: _Watched) -> None:
        """Called with the lock held. A count missing is no reason to stop: this runs on the
        inotify reader thread, and an exception there would end every event for good."""
        if watched.cache_root:
            left = self._cache_sizes.get(watched.cache_root, 0) - 1
            if left > 0:
                self._cache_sizes[watched.cache_root] = left
            else:
                self._cache_sizes.pop(watched.cache_root, None)

    def _watch_new_dir(self, path: str, parent: _Watched) -> None:
        name = os.path.basename(path)
        if name in _VCS_AND_TRASH:
            if name == ".git":
                self._sink.add_unit(os.path.dirname(path))
            return
        if parent.cache_root:
            # Inside a cache: watched while the cache stays cheap to watch.
            if self._cache_sizes.get(parent.cache_root, 0) <= CHEAP_CACHE_DIRS:
                self._add(path, parent.cache_root)
            return
        if self._is_artifact(os.path.dirname(path), name):
            self._add(path, path)  # a new cache location: its own folder only, for now
            return
        if self._plan.mode.endswith("selective"):
            self._add(path, "")
            self._watch_moved_in(path)

    def _watch_moved_in(self, path: str) -> None:
        """A project folder moved or copied in with content: watch its folders too."""
        try:
            with os.scandir(path) as it:
                subdirs = [e.path for e in it if e.is_dir(follow_symlinks=False)]
        except OSError:
            return
        for sub in subdirs:
            self._watch_new_dir(sub, _Watched(path, ""))

    # -- watchdog's WatchCallback protocol (called on the reader thread) ------------------
    def on_event(self, event: Any) -> None:
        watched = self._by_wd.get(event.wd)
        if watched is None:
            return
        name = os.fsdecode(event.name) if event.name else ""
        path = os.path.join(watched.path, name) if name else watched.path
        if event.is_directory and (event.is_create or event.is_moved_to):
            self._watch_new_dir(path, watched)
        self._sink.add(path)

    def on_watch_deleted(self, wd: Any) -> None:
        with self._lock:
            watched = self._by_wd.pop(wd, None)
            if watched is not None:
                self.watches -= 1
                self._uncount(watched)

    def on_queue_overflow(self) -> None:
        log.warning("inotify queue overflowed: rescanning every root")
        self._sink.overflow()


class NativeRecursive:
    """watchdog's Observer, one recursive schedule per root (FSEvents, Windows, kqueue)."""

    def __init__(self, plan: WatchPlan, sink: Sink) -> None:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer as WatchdogObserver

        class Forward(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                sink.add(os.fsdecode(event.src_path))
                if event.dest_path:
                    sink.add(os.fsdecode(event.dest_path))

        self._observer = WatchdogObserver()
        self._handler = Forward()
        self._plan = plan
        self.watches = len(plan.dirs)
        self.exhausted = False

    def start(self) -> None:
        for root in self._plan.dirs:
            self._observer.schedule(self._handler, root, recursive=True)
        self._observer.daemon = True
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=5)


def make_observer(plan: WatchPlan, sink: Sink,
                  is_artifact: Callable[[str, str], bool]) -> Observer:
    if plan.mode == PERIODIC:
        return NullObserver()
    if plan.mode == NATIVE:
        return NativeRecursive(plan, sink)
    return SelectiveInotify(plan, sink, is_artifact)


def _parents_and_self(path: str) -> list[str]:
    found = [path]
    while True:
        up = os.path.dirname(path)
        if up == path:
            return found
        found.append(up)
        path = up
