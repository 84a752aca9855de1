"""The inotify watch budget: which folders `tidy watch` watches, and which mode that is.

inotify is not recursive: one watch per folder, counted per user against
/proc/sys/fs/inotify/max_user_watches (8,192 before Linux 5.11; since then scaled with RAM up
to 1,048,576), ~1 KB of kernel memory each, shared with every editor and dev server of the
user. A workspace of many repos easily holds 100,000 folders, most of them inside .git,
node_modules and caches, which tidy never needs to watch inside. So, in order:

    inotify-selective   every project folder, non-recursively (new caches, deleted sources,
                        big files appear there), each known cache location itself, and the
                        folders inside small caches (recursive only where cheap). Never inside
                        .git, node_modules-sized artifacts, tidy's trash.
    inotify-projects    when that does not fit: only the roots, the repos and the known cache
                        locations; a periodic rescan finds the rest.
    periodic            when even that does not fit, or inotify is missing: rescans only.
    native-recursive    macOS (FSEvents) and Windows watch a whole tree with one handle:
                        watchdog's own observer, recursive, on each root.

The budget: `max-watches` when set, else half of the limit or what other programs leave
free (their watches are counted from /proc/<pid>/fdinfo), whichever is smaller.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tidy.core.catalog import Catalog
from tidy.fixes.plan import TRASH_FOLDER_NAME

INOTIFY_DIR = "/proc/sys/fs/inotify"
CHEAP_CACHE_DIRS = 64  # a cache with at most this many folders is watched inside
RESERVE = 1024  # watches left for other programs even when the budget is computed
_NEVER_ENTER = frozenset({".git", ".hg", ".svn", ".jj", ".fossil", "_darcs", TRASH_FOLDER_NAME})

SELECTIVE, PROJECTS, PERIODIC, NATIVE = (
    "inotify-selective", "inotify-projects", "periodic", "native-recursive")
MODES = (SELECTIVE, PROJECTS, PERIODIC, NATIVE)


@dataclass(frozen=True)
class Limits:
    max_user_watches: int | None  # None: no inotify on this system
    max_user_instances: int | None
    max_queued_events: int | None
    in_use: int | None  # watches this user's other processes hold now (None: unreadable)


def _read_int(path: str) -> int | None:
    try:
        with open(path, encoding="ascii") as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def read_limits(base: str = INOTIFY_DIR, proc: str = "/proc") -> Limits:
    return Limits(
        _read_int(os.path.join(base, "max_user_watches")),
        _read_int(os.path.join(base, "max_user_instances")),
        _read_int(os.path.join(base, "max_queued_events")),
        used_watches(proc) if os.path.isdir(base) else None,
    )


def used_watches(proc: str = "/proc", uid: int | None = None) -> int | None:
    """inotify watches held by the user's processes: `inotify wd:` lines in their fdinfo."""
    uid = os.getuid() if uid is None else uid
    total = 0
    try:
        pids = [p for p in os.listdir(proc) if p.isdigit()]
    except OSError:
        return None
    for pid in pids:
        with contextlib.suppress(OSError):
            if os.stat(os.path.join(proc, pid)).st_uid != uid:
                continue
            total += _watches_of(os.path.join(proc, pid))
    return total


def _watches_of(pid_dir: str) -> int:
    count = 0
    fd_dir = os.path.join(pid_dir, "fd")
    for fd in os.listdir(fd_dir):
        try:
            if os.readlink(os.path.join(fd_dir, fd)) != "anon_inode:inotify":
                continue
            with open(os.path.join(pid_dir, "fdinfo", fd), "rb") as f:
                count += f.read().count(b"inotify wd:")
        except OSError:
            continue
    return count


# -- what is there: one pruned walk ------------------------------------------------------------
@dataclass(frozen=True)
class Cache:
    """A known cache / artifact location: its folder and, when cheap, the folders inside."""

    path: str
    kind: str
    inner: tuple[str, ...] | None  # None: more than CHEAP_CACHE_DIRS folders inside


@dataclass
class Layout:
    roots: tuple[str, ...]
    project_dirs: list[str] = field(default_factory=list)  # explored folders, roots included
    caches: list[Cache] = field(default_factory=list)
    units: list[str] = field(default_factory=list)  # repo roots (and the roots): rescan units
    skipped: int = 0  # unreadable folders


def survey(roots: Sequence[str], catalog: Catalog, cross_filesystems: bool = False) -> Layout:
    """Project folders, cache locations and repos below `roots`, never entering artifacts,
    VCS folders or tidy's trash, never following links, staying on each root's filesystem."""
    layout = Layout(tuple(roots))
    for root in roots:
        layout.units.append(root)
        _survey_root(root, catalog, cross_filesystems, layout)
    layout.units = sorted(set(layout.units))
    return layout


def _survey_root(root: str, catalog: Catalog, cross: bool, layout: Layout) -> None:
    device = os.lstat(root).st_dev
    # (folder, the names beside it): a folder is judged once listed, by its name and what is
    # beside and inside it, as the scan's walk judges it (a STATIC_ROOT, a venv or a CMake
    # tree of any name is known by a file inside, tsc's outDir "lib" by the tsconfig.json
    # beside it). Each folder is listed once.
    pending: list[tuple[str, set[str] | None]] = [(root, None)]
    while pending:
        folder, siblings = pending.pop()
        listing = _listing(folder)
        names = {e.name for e in listing or ()}
        if siblings is not None:
            kind = _artifact_kind(catalog, folder, siblings, names)
            if kind is not None:
                layout.caches.append(Cache(folder, kind, _inner_dirs(folder)))
                continue
        layout.project_dirs.append(folder)
        if listing is None:
            layout.skipped += 1
            continue
        if ".git" in names and folder not in layout.units:
            layout.units.append(folder)
        for entry in listing:
            child = _child_dir(entry, device, cross)
            if child is None or entry.name in _NEVER_ENTER:
                continue
            pending.append((entry.path, names))


def _listing(folder: str) -> list[os.DirEntry[str]] | None:
    try:
        with os.scandir(folder) as it:
            return list(it)
    except OSError:
        return None


def _child_dir(entry: os.DirEntry[str], device: int, cross: bool) -> os.stat_result | None:
    try:
        st = entry.stat(follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or (st.st_dev != device and not cross):
        return None
    return st


def _artifact_kind(catalog: Catalog, path: str, siblings: set[str],
                   inside: set[str]) -> str | None:
    name = os.path.basename(path)
    if not catalog.dir_candidates(name) and not catalog.may_be_unnamed_kind(siblings, inside):
        return None
    kind = catalog.classify_dir(path, name, siblings, inside)
    return kind.name if kind is not None else None


def _inner_dirs(path: str, cap: int = CHEAP_CACHE_DIRS) -> tuple[str, ...] | None:
    """The folders inside a cache when there are at most `cap` (else None: too dear)."""
    found: list[str] = []
    pending = [path]
    while pending:
        listing = _listing(pending.pop()) or []
        for entry in listing:
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):
                    found.append(entry.path)
                    if len(found) > cap:
                        return None
                    pending.append(entry.path)
    return tuple(found)


# -- the decision ------------------------------------------------------------------------------
@dataclass(frozen=True)
class WatchPlan:
    mode: str
    dirs: tuple[str, ...]  # folders to watch, non-recursively, each one watch
    cache_dirs: frozenset[str]  # which of them are cache locations (new folders inside: not
    #                             watched unless the cache is small)
    budget: int  # watches tidy allows itself
    limit: int | None  # max_user_watches
    in_use: int | None  # by other programs when planned
    reason: str  # one line: why this mode
    rescan_every: float  # seconds between reconciliation scans in this mode

    def describe(self) -> str:
        if self.mode == NATIVE:
            return f"{self.mode}: {self.reason}; rescan every {_span(self.rescan_every)}"
        if self.mode == PERIODIC:
            return f"{self.mode}: rescan every {_span(self.rescan_every)} ({self.reason})"
        used = f"{len(self.dirs):,} inotify watches"
        limit = f" of {self.limit:,} allowed (max_user_watches)" if self.limit else ""
        others = f", {self.in_use:,} in use by other programs" if self.in_use else ""
        return (f"{self.mode}: {used}{limit}{others}, budget {self.budget:,}; {self.reason}; "
                f"rescan every {_span(self.rescan_every)}")


def _span(seconds: float) -> str:
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


def budget_for(limits: Limits, max_watches: int | None) -> int:
    if max_watches is not None:
        return max_watches
    limit = limits.max_user_watches or 0
    free = limit - (limits.in_use or 0) - RESERVE
    return max(0, min(limit // 2, free))


def choose(layout: Layout, limits: Limits, rescan_every: float, max_watches: int | None = None,
           force: str | None = None, platform: str = sys.platform,
           inotify_available: bool = True) -> WatchPlan:
    """The mode and the folders to watch. `force` picks a mode (tests, benchmarks, --mode)."""
    budget = budget_for(limits, max_watches)
    fallback_rescan = min(rescan_every, 900.0)  # no events for most folders: look more often
    caches = frozenset(c.path for c in layout.caches)
    if force == NATIVE or (force is None and not platform.startswith("linux")):
        return WatchPlan(NATIVE, tuple(layout.roots), frozenset(), 0, None, None,
                         "the OS watches whole trees (FSEvents / ReadDirectoryChangesW)",
                         rescan_every)
    selective = _selective_dirs(layout)
    projects = _project_dirs(layout)
    no_inotify = limits.max_user_watches is None or not inotify_available
    if force == PERIODIC or (force is None and no_inotify):
        why = "forced" if force else "inotify is not available here"
        return WatchPlan(PERIODIC, (), frozenset(), budget, limits.max_user_watches,
                         limits.in_use, why, fallback_rescan)
    if force == SELECTIVE or (force is None and len(selective) <= budget):
        return WatchPlan(SELECTIVE, selective, caches, budget, limits.max_user_watches,
                         limits.in_use, f"{len(layout.project_dirs):,} project folders and "
                         f"{len(layout.caches):,} cache locations fit the budget", rescan_every)
    if force == PROJECTS or len(projects) <= budget:
        return WatchPlan(PROJECTS, projects, caches, budget, limits.max_user_watches,
                         limits.in_use, f"{len(selective):,} folders would not fit the budget: "
                         "repos and cache locations only", fallback_rescan)
    return WatchPlan(PERIODIC, (), frozenset(), budget, limits.max_user_watches, limits.in_use,
                     f"even {len(projects):,} repo and cache folders exceed the budget",
                     fallback_rescan)


def _selective_dirs(layout: Layout) -> tuple[str, ...]:
    dirs: list[str] = list(layout.project_dirs)
    for cache in layout.caches:
        dirs.append(cache.path)
        dirs.extend(cache.inner or ())
    return tuple(dict.fromkeys(dirs))


def _project_dirs(layout: Layout) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*layout.roots, *layout.units, *(c.path for c in layout.caches)]))


def inside(path: str, folders: Iterable[str]) -> bool:
    return any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)
