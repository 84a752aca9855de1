"""Settling: events become one rescan per project once the project has been quiet a while.

Watchman's model (website/docs/config.md, subscribe.md): a *settle* period of filesystem
quiet before anything fires (Watchman: 20 ms; tidy: 2 s, since it moves folders, not rebuilds
an index), notifications held while a VCS operation runs (`.git/index.lock`), and a recrawl
when the kernel queue overflowed. An `npm install` writes 100,000 files in a few seconds:
every one of those events only updates the project's "last event" time and counter, so the
burst ends as one rescan of that project after it settles.

A settled project is still left alone when it looks busy (`busy_reason`): one of the folders
its events touched was modified less than `quiet` seconds ago, a git operation holds
index.lock, or a process other than a shell or an editor is running inside it (a build). It is
looked at again later; nothing inside it is touched meanwhile.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tidy.workspace.inuse import INTERACTIVE, git_lock
from tidy.workspace.procfs import own_family, process_name, tidy_pid

MAX_TOUCHED = 256  # folders remembered per pending project (for the busy check)
MAX_PATHS = 256  # event paths remembered per pending project (to recognise tidy's own moves)

@dataclass
class Pending:
    unit: str
    first: float
    last: float
    events: int = 0
    touched: set[str] = field(default_factory=set)
    not_before: float = 0.0  # deferred (busy): not ready before this time
    overflow: bool = False
    deferrals: int = 0  # times found busy in a row: the wait doubles (a long build)
    paths: list[str] = field(default_factory=list)  # the first MAX_PATHS event paths


class Debouncer:
    """Thread-safe: the observer thread calls add(); the watcher loop takes settled units."""

    def __init__(self, units: Iterable[str], roots: Iterable[str], settle: float,
                 max_wait: float | None = None, ignore: Iterable[str] = (),
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settle = settle
        self.max_wait = max_wait if max_wait is not None else max(60.0, 30 * settle)
        self._roots = tuple(roots)
        self._units = set(units) | set(self._roots)
        self._ignore = tuple(p.rstrip(os.sep) + os.sep for p in ignore)
        self._clock = clock
        self._cond = threading.Condition()
        self._pending: dict[str, Pending] = {}
        self._unit_of_dir: dict[str, str | None] = {}
        self._suppressed: list[tuple[str, float]] = []
        self.events_total = 0
        self.events_dropped = 0

    # -- feeding (observer thread) -----------------------------------------------------------
    def add(self, path: str) -> None:
        """One filesystem event at `path` (a file or folder that changed, appeared or went)."""
        now = self._clock()
        with self._cond:
            self.events_total += 1
            if self._ignored(path, now):
                self.events_dropped += 1
                return
            parent = os.path.dirname(path)
            unit = self._unit_for(parent, path)
            if unit is None:
                self.events_dropped += 1
                return
            pending = self._touch(unit, parent, now)
            if len(pending.paths) < MAX_PATHS:
                pending.paths.append(path)

    def overflow(self) -> None:
        """Events were lost (IN_Q_OVERFLOW): every root is rescanned, like Watchman's recrawl."""
        now = self._clock()
        with self._cond:
            for root in self._roots:
                self._touch(root, root, now).overflow = True

    def add_unit(self, path: str) -> None:
        """A repository appeared (a `.git` was created): its events settle on their own."""
        with self._cond:
            self._units.add(path)
            self._unit_of_dir.clear()

    def suppress(self, paths: Iterable[str], seconds: float) -> None:
        """Events at these paths (what tidy itself just moved) are tidy's own: drop them."""
        until = self._clock() + seconds
        with self._cond:
            self._suppressed += [(p, until) for p in paths]

    def discard_own(self, moved: Iterable[str]) -> None:
        """Forget pending events that were all caused by tidy moving `moved` (during a pass,
        before suppress() could know): the parents' IN_MOVED_FROM of what went to the trash."""
        prefixes = list(moved)
        if not prefixes:
            return
        with self._cond:
            for unit, pending in list(self._pending.items()):
                if pending.overflow or pending.events > len(pending.paths):
                    continue  # not every event is known: keep the rescan
                if all(_under(p, prefixes) for p in pending.paths):
                    del self._pending[unit]

    def _ignored(self, path: str, now: float) -> bool:
        if _TRASH_PART in path:
            return True
        if self._ignore and (path + os.sep).startswith(self._ignore):
            return True
        if self._suppressed:
            self._suppressed = [(p, t) for p, t in self._suppressed if t > now]
            return any(path == p or path.startswith(p + os.sep) for p, _ in self._suppressed)
        return False

    def _unit_for(self, parent: str, path: str) -> str | None:
        if path in self._units:
            return path
        cached = self._unit_of_dir.get(parent, "")
        if cached != "":
            return cached
        current = parent
        while current not in self._units:
            up = os.path.dirname(current)
            if up == current:
                current = ""
                break
            current = up
        found = current or None
        if len(self._unit_of_dir) > 65536:
            self._unit_of_dir.clear()
        self._unit_of_dir[parent] = found
        return found

    def _touch(self, unit: str, folder: str, now: float) -> Pending:
        pending = self._pending.get(unit)
        if pending is None:
            pending = self._pending[unit] = Pending(unit, now, now)
            self._cond.notify_all()
        pending.last = now
        pending.events += 1
        if len(pending.touched) < MAX_TOUCHED:
            pending.touched.add(folder)
        return pending

    # -- draining (watcher loop) -------------------------------------------------------------
    def next_due(self) -> float | None:
        """Seconds until the next pending unit could be ready (None: nothing pending)."""
        with self._cond:
            return self._next_due(self._clock())

    def _next_due(self, now: float) -> float | None:
        if not self._pending:
            return None
        return max(0.0, min(self._due_at(p) for p in self._pending.values()) - now)

    def _due_at(self, pending: Pending) -> float:
        settled = min(pending.last + self.settle, pending.first + self.max_wait)
        return max(settled, pending.not_before)

    def take_ready(self) -> list[Pending]:
        """Units that have settled (or waited max_wait), removed from the pending set."""
        now = self._clock()
        with self._cond:
            ready = [p for p in self._pending.values() if self._due_at(p) <= now]
            for pending in ready:
                del self._pending[pending.unit]
        return sorted(ready, key=lambda p: p.unit)

    def defer(self, pending: Pending, seconds: float) -> None:
        """Put a busy unit back: ready again no sooner than `seconds` from now."""
        now = self._clock()
        with self._cond:
            current = self._pending.get(pending.unit)
            if current is None:
                pending.not_before = now + seconds
                self._pending[pending.unit] = pending
            else:  # new events came meanwhile: keep them, and the later time
                current.not_before = max(current.not_before, now + seconds)
                current.events += pending.events
                current.touched |= set(list(pending.touched)[:MAX_TOUCHED])
                current.deferrals = max(current.deferrals, pending.deferrals)
            self._cond.notify_all()

    def wait(self, timeout: float | None) -> None:
        """Sleep until a new unit becomes pending or `timeout` passes."""
        with self._cond:
            self._cond.wait(timeout)

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def pending_units(self) -> list[str]:
        with self._cond:
            return sorted(self._pending)


_TRASH_PART = os.sep + ".tidy-trash"


def _under(path: str, prefixes: Iterable[str]) -> bool:
    return any(path == p or path.startswith(p + os.sep) for p in prefixes)


# -- busy: what makes a settled project wait longer ---------------------------------------------
MAX_BACKOFF = 300.0


@dataclass(frozen=True)
class Busy:
    reason: str
    wait: float  # seconds before it is worth looking again
    lasting: bool = False  # a process or a git operation: look again later and later

    def backoff(self, deferrals: int) -> float:
        if not self.lasting:
            return self.wait
        return min(self.wait * 2.0 ** max(0, deferrals - 1), MAX_BACKOFF)


def busy_reason(unit: str, touched: Iterable[str], quiet: float,
                now: float | None = None, proc: str = "/proc", builds: bool = True) -> Busy | None:
    """Why the project should not be touched now (and for how long), else None.

    builds=False for a watched root: a dev server in one project must not hold back every
    other project below it; the pass asks per item instead (tidy/workspace/inuse.py)."""
    now = time.time() if now is None else now
    recent = _recently_modified(touched, quiet, now)
    if recent is not None:
        return Busy(*recent)
    lock = git_lock(unit)
    if lock:
        return Busy(f"a git operation is running ({lock} exists)", quiet, True)
    build = build_process(unit, proc) if builds else ""
    if build:
        return Busy(f"a process is running inside it: {build}", quiet, True)
    return None


def _recently_modified(touched: Iterable[str], quiet: float,
                       now: float) -> tuple[str, float] | None:
    newest, where = 0.0, ""
    for folder in touched:
        try:
            mtime = os.stat(folder, follow_symlinks=False).st_mtime
        except OSError:
            continue
        if mtime > newest:
            newest, where = mtime, folder
    age = now - newest
    if newest and age < quiet:
        return f"{where} was written {max(age, 0):.1f}s ago", quiet - max(age, 0.0) + 0.05
    return None


def build_process(unit: str, proc: str = "/proc") -> str:
    """'name (pid N)' of a non-interactive process whose working folder is inside `unit`."""
    try:
        pids = [int(p) for p in os.listdir(proc) if p.isdigit()]
    except OSError:
        return ""
    mine = own_family(proc)
    prefix = unit.rstrip(os.sep) + os.sep
    for pid in pids:
        if pid in mine:
            continue
        try:
            cwd = os.readlink(f"{proc}/{pid}/cwd")
        except OSError:
            continue
        if cwd != unit and not cwd.startswith(prefix):
            continue
        name = process_name(proc, pid)
        if name and name not in INTERACTIVE and not tidy_pid(proc, pid):
            return f"{name} (pid {pid})"
    return ""
