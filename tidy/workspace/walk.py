"""One pass over the tree: catalogued artifacts, per-directory aggregates, repo roots.

The walk never follows a symlink, never enters `.git`, and stays on the root's filesystem
unless asked. Folders recognised as artifacts are measured (summed like `du -sb`) rather
than explored, so nothing inside `node_modules` is mistaken for a project. Measuring runs
by tidy.workspace.measure, on forked workers for big folders. Memory grows with directories,
not with files.

Work is shared with the scan's workers three ways: a big artifact's subfolders are measured
in jobs that shrink toward the end of the queue; once the tree proves more than small, a
worker with nothing to measure takes the shallowest pending folder and explores it in a
bounded part (what a part does not reach comes back to be shared again; a big artifact met
there comes back unmeasured at once, the part ending there, and is folded in as soon as
this process finishes the folder it is at); and files with several names are always counted
here, where every name is seen, so totals stay those of `du`. When this process has nothing
left to explore it does not only wait: it takes the measuring jobs no worker has started,
in the queue's order, and measures them.
A worker that dies mid-walk (killed) loses its part: the walk is then done again in this
process, never reported without it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import stat
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tidy.core.catalog import Catalog, Kind, file_head_reader
from tidy.core.models import Size, Skipped
from tidy.workspace.beneath import open_beneath, open_root
from tidy.workspace.measure import (
    EntryStat,
    FileNames,
    Link,
    Measured,
    Root,
    add_surface,
    count_dir,
    errno_reason,
    lstat_listed,
    lstat_sum,
    measure_entries,
    measure_roots,
    open_listed,
    reason,
    shrinking_chunks,
    split_roots,
)
from tidy.workspace.pool import WorkerPool

if TYPE_CHECKING:  # loaded with the pool, when a worker is used: not by a small scan
    from concurrent.futures import Future, ProcessPoolExecutor

ProgressFn = Callable[[int, int], None]  # (entries seen, bytes seen)
PathFilter = Callable[[str, bool], bool]  # (relative path, is_dir) -> excluded?
RepoFn = Callable[[str], None]  # called with a repo root's absolute path as soon as it is seen

# Never entered: VCS internals, and tidy's own trash outside repos (what a fix moved away is
# not there to be found again). Reported neither as content nor as findings.
_VCS_DIRS = frozenset({".git", ".hg", ".svn", ".jj", ".fossil", "_darcs", ".tidy-trash"})
_PROGRESS_EVERY = 8192
_S_ISDIR = stat.S_ISDIR
_S_ISREG = stat.S_ISREG
_POOL_MIN_SUBDIRS = 32  # below this a folder is measured inline: forking costs more
_SPLIT_WANT = 64  # subtrees wanted before sharing a folder out
# One folder's measuring jobs: at most _JOB_MOST subfolders each, and at the end fewer, each
# 1/_JOB_SHARE of those left (at least _JOB_LEAST). Every process takes them in order, so the
# last ones are small and the processes finish together. A job's size is bounded, not only the
# last ones': the pool hands the workers a few jobs ahead, which this process cannot take
# back (250k bench tree: with 16 equal jobs, ~40-50 ms each, this process waited 90-120 ms
# for the last ones, its own share done; shrinking from 1/6 of node_modules, ~0.1 s for the
# first job, the workers still held the biggest jobs at the end).
_JOB_SHARE = 4
_JOB_LEAST = 4
_JOB_MOST = 64
# A folder waiting to be explored: (path, rel, hidden, its names, its descriptor or -1).
# The descriptor is the one it was listed through (relative to its parent's), kept open
# for its entries' lstats; -1 past _HELD_MOST held at once (opened again then, below the
# root with no link followed: Walker._reopen).
_Frame = tuple[str, str, bool, list[str], int]
_HELD_MOST = 128  # a wide folder's pending subfolders must not use up the descriptors
_NOT_EXPLORED = -2  # _explore_frame's answer for a folder it left (no descriptor to close)
# Every pending frame's descriptor in this process. A worker forked mid-walk (the pool starts
# its processes when first asked) would inherit them and hold those folders open for its whole
# life, seen by /proc as in use by it: a forked child closes them first thing.
_HELD_FDS: set[int] = set()


def _close_held_in_child() -> None:
    for fd in _HELD_FDS:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD_FDS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held_in_child)
_ROOT_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
# Folders are opened and their entries looked up relative to them (measure._SCANDIR_FD).
_AT_CALLS = os.scandir in os.supports_fd and os.stat in os.supports_dir_fd
_SHARE_ABOVE = 16  # pending folders before the shallowest goes to a worker
# Entries explored here before any exploring is shared: a small tree is walked alone (forking
# a worker costs more than its walk). Past that, a worker with nothing to measure takes the
# shallowest pending folder at once: with 50,000 here the workers sat idle while this process
# explored the sources alone (250k bench tree: walk alone 0.48 -> 0.40 s, 2 cores).
_SHARE_AFTER = 2048
_PART_BUDGET = 25_000  # entries a worker explores before handing back what is left


@dataclass(frozen=True)
class Hit:
    """A catalogued artifact (folder or file) found by the walk."""

    rel: str  # relative to the walk root, POSIX separators
    kind: Kind
    size: Size
    stale_bytecode: tuple[Stale, ...] = ()  # .pyc files with no source
    # Hard-linked files inside that the scan already counted elsewhere: `du PATH` counts them
    # here, a total over several paths must not count them twice.
    repeated: Size = field(default_factory=Size)
    # Version-control markers found while measuring (`dep/.git`, relative to this folder):
    # a checkout inside a cache may hold commits and edits that exist nowhere else.
    nested_vcs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stale:
    """One bytecode file whose source is gone."""

    name: str
    bytes: int
    disk: int
    mtime: float


@dataclass(frozen=True)
class BigFile:
    """A file the walk found over the big-file size, relative to the walk's root."""

    rel: str
    bytes: int


@dataclass
class WalkResult:
    """What one walk found: artifact hits, repos, sizes and search surface per folder."""

    root: str
    hits: list[Hit] = field(default_factory=list)
    repo_roots: list[str] = field(default_factory=list)  # relative; "." for the root itself
    bare_repos: list[str] = field(default_factory=list)
    # rel dir -> [files, bytes] of regular files directly inside that rg would list
    # (no hidden component below the root).
    surface_by_dir: dict[str, list[int]] = field(default_factory=dict)
    # rel dir -> [files, apparent bytes, disk bytes, newest file mtime] of what was explored
    # (not measured) there: the folder itself and the files directly inside it.
    content_by_dir: dict[str, list[int]] = field(default_factory=dict)
    big_files: list[BigFile] = field(default_factory=list)
    # Folders holding a `.ignore` or `.rgignore`: ripgrep reads them, tidy's walk does not
    # (it must keep seeing what it reports on); the search surface applies them afterwards.
    search_ignore_dirs: list[str] = field(default_factory=list)
    # Folders holding a `.gitignore`, explored or measured: where git's ignore rules live.
    gitignore_dirs: list[str] = field(default_factory=list)
    stale_legacy_pyc: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    total: Size = field(default_factory=Size)
    entries: int = 0


@dataclass(frozen=True)
class WalkOptions:
    """How a walk goes: which filesystems, what counts as big, what is left out, whom it
    calls back."""

    cross_filesystems: bool = False
    big_file_bytes: int = 1_000_000
    excluded: PathFilter | None = None
    progress: ProgressFn | None = None
    on_repo: RepoFn | None = None
    # Called once the tree is explored, before waiting for the measuring workers: the main
    # process's own later work, done while they finish instead of after.
    while_waiting: Callable[[], None] | None = None
    # Called once the whole tree is explored (every shared part folded in) and while_waiting
    # has run, before the measuring is waited for, with what is known then: the artifact
    # folders found and the repo roots (both relative). Work that needs no sizes starts
    # there (the engine: git's listing of the untracked files outside the artifacts), not
    # after the walk.
    when_explored: Callable[[list[str], list[str]], None] | None = None
    # Forked measuring processes (threads lose to the GIL); a pool with 0 workers measures
    # inline. None: the walk makes its own two, for itself.
    pool: WorkerPool | None = None
    skip_paths: frozenset[str] = frozenset()  # absolute folders never entered (tidy's state)
    # Folders waiting to be explored beyond this many, the shallowest is explored by a worker
    # (an explored tree, a home folder or a monorepo's sources, is mostly not artifacts);
    # 0 explores everything here. `excluded` must then be picklable.
    share_above: int = _SHARE_ABOVE
    share_after: int = _SHARE_AFTER
    # Set for a worker's part of the tree: files with several names are handed back rather
    # than counted, since only the main process sees every name.
    defer_links: bool = False
    # A worker's part stops after about this many entries and hands back the folders it did
    # not reach, so one huge subtree is shared out too, not left to one worker.
    part_budget: int = _PART_BUDGET
    stop_after: int = 0  # entries this walker explores before it stops (a part); 0: no end


class _Inodes:
    """Hard-linked inodes already counted (du counts a file with several names once)."""

    def __init__(self) -> None:
        self._seen: set[tuple[int, int]] = set()

    def first_sight(self, dev: int, ino: int) -> bool:
        key = (dev, ino)
        if key in self._seen:
            return False
        self._seen.add(key)
        return True


@dataclass(frozen=True)
class _Deferred:
    """A file with several names met by a worker: counted by the main process, once."""

    rel_dir: str
    name: str
    link: Link  # its inode and sizes; surface_dir set when it counts toward the surface
    kind: Kind | None  # catalogued as a file artifact
    stale: bool  # a .pyc with no source beside it


@dataclass
class _Part:
    """What a worker found exploring part of the tree, for the main process to fold in."""

    result: WalkResult
    jobs: list[_Job]
    deferred: list[_Deferred]
    leftover: list[Root]  # folders it did not reach (each one's own entry counted already)


@dataclass
class _Job:
    """An artifact being measured: its kind, the parts the workers measure, and what is left."""

    rel: str
    kind: Kind
    stale: tuple[Stale, ...]
    top: Measured
    futures: list[Future[Measured]]
    # Subfolders a worker's part left unmeasured (a big artifact): the main process shares
    # them out to all the workers instead of one measuring them alone.
    unmeasured: list[Root] = field(default_factory=list)


class Walker:
    def __init__(self, root: str, catalog: Catalog, options: WalkOptions) -> None:
        self.root = root
        self.catalog = catalog
        self.options = options
        self.result = WalkResult(root=root)
        self._device = 0
        self._inodes = _Inodes()
        self._jobs: list[_Job] = []
        self._shared: list[Future[_Part]] = []
        # Worker jobs this walk queued, not yet done: each removes itself when it ends (in the
        # pool's thread; set.discard is atomic), so asking costs a len(), not a pass over
        # hundreds of measuring jobs after every folder explored.
        self._running: set[Future[Any]] = set()
        self._deferred: list[_Deferred] = []
        self._leftover: list[Root] = []
        # Measuring jobs queued on the workers, in order, with their roots; the workers take
        # them from the front, and so does this process when it would only wait (_steal). A
        # job measured here is left out of the queue and its answer kept.
        self._queued: deque[tuple[Future[Measured], list[Root]]] = deque()
        self._stolen: dict[Future[Measured], Measured] = {}
        self._waited = False  # while_waiting has run
        self._told = False  # when_explored has run
        # A shared part came back (set from the pool's thread; a bool store is atomic): the
        # explorer folds it in at its next folder instead of after its own exploring, so a big
        # artifact a part handed back is measured by every process at once, not at the end.
        self._part_back = False
        # A part met an artifact too big to measure alone: it stops and hands it back at once.
        self._handing_back = False
        self._own_pool = options.pool is None
        self._pool = options.pool if options.pool is not None else WorkerPool()
        self._repeated_links = Size()  # hard links counted in two findings: once in the total
        self._next_progress = _PROGRESS_EVERY
        self._bytes_seen = 0  # for the progress line only
        self._file_names: FileNames | None = None  # the catalogue's names, for lstat_sum
        self._held = 0  # descriptors the pending frames hold (at most _HELD_MOST)
        self._root_fd = -1  # the root, opened when a folder not held is opened again

    # ------------------------------------------------------------------ entry point
    def run(self) -> WalkResult:
        try:
            return self._run()
        except Exception as error:
            if not _worker_died(error):
                raise
            return self._again_alone()

    def _again_alone(self) -> WalkResult:
        """A worker died mid-walk (killed, out of memory): what it had found is lost, and a
        total without it would be wrong, so the whole walk is done again in this process.
        The pool is retired first: nothing else queues work on a broken pool."""
        self._pool.retire()
        options = dataclasses.replace(
            self.options, pool=self._pool,
            while_waiting=None if self._waited else self.options.while_waiting,
            when_explored=None if self._told else self.options.when_explored)
        return Walker(self.root, self.catalog, options).run()

    def _run(self) -> WalkResult:
        try:
            st = os.lstat(self.root)
        except OSError as error:
            self.result.skipped.append(Skipped(".", reason(error)))
            return self.result
        self._device = st.st_dev
        frame = self._list_frame((self.root, ".", False))
        if frame is None:
            return self.result
        self._add_content(".", st, is_file=False)
        try:
            self._explore_stack([frame])
            self._drain_shared()
            self._before_waiting()
            self._explored()
            self._collect()
        finally:
            self._close_root()
            if self._own_pool:
                self._pool.shutdown()
        self._finish_totals()
        return self.result

    def _finish_totals(self) -> None:
        content = self.result.content_by_dir.values()
        explored = Size(
            sum(v[1] for v in content), sum(v[2] for v in content),
            sum(v[0] for v in content), len(self.result.content_by_dir),
        )
        dir_hits = sum((h.size for h in self.result.hits if h.kind.type == "dir"), explored)
        repeated = self._repeated_links
        self.result.total = Size(
            dir_hits.apparent - repeated.apparent, dir_hits.disk - repeated.disk,
            dir_hits.files - repeated.files, dir_hits.dirs, dir_hits.newest_mtime,
        )

    # ------------------------------------------------------------------ exploring
    def _explore_stack(self, stack: list[_Frame]) -> None:
        """Depth-first over folders that are not artifacts; an explicit stack, no recursion.
        The descriptors the pending frames hold are closed whatever happens."""
        try:
            self._explore_frames(stack)
        finally:
            for frame in stack:
                self._release(frame[4])
            stack.clear()

    def _release(self, fd: int) -> None:
        if fd >= 0:
            self._unhold(fd)
            os.close(fd)

    def _unhold(self, fd: int) -> None:
        self._held -= 1
        _HELD_FDS.discard(fd)

    def _explore_frames(self, stack: list[_Frame]) -> None:
        budget = self.options.stop_after
        while stack:
            if (budget and self.result.entries >= budget) or self._handing_back:
                self._leftover = [(path, rel, hidden) for path, rel, hidden, _, _ in stack]
                return
            if self._part_back:
                self._fold_ready(stack)
            path, rel, is_hidden, entries, fd = stack.pop()
            if fd >= 0:
                self._unhold(fd)  # this loop closes it now
            try:
                fd = self._explore_frame(path, rel, is_hidden, entries, fd, stack)
            finally:
                if fd >= 0:
                    os.close(fd)
            if fd == _NOT_EXPLORED:
                continue
            self.result.entries += len(entries)
            self._tick()
            if (len(stack) > self.options.share_above > 0
                    and self.result.entries >= self.options.share_after):
                self._share(stack)

    def _explore_frame(self, path: str, rel: str, hidden: bool, entries: list[str], fd: int,
                       stack: list[_Frame]) -> int:
        """One pending folder explored through `fd`, its held descriptor (opened again here
        when -1); answers the descriptor the caller is to close (-1: none), or _NOT_EXPLORED
        (a bare repository, a folder that cannot be opened again)."""
        names = set(entries)
        if ".ignore" in names or ".rgignore" in names:
            self.result.search_ignore_dirs.append(rel)
        if ".gitignore" in names:
            self.result.gitignore_dirs.append(rel)
        if ".git" in names:
            self._found_repo(path, rel)
        elif _looks_bare(names):
            self.result.bare_repos.append(rel)
            if fd >= 0:
                os.close(fd)
            return _NOT_EXPLORED
        if fd < 0 and _AT_CALLS:  # not held (a wide folder's): opened again, closed here
            try:
                again = self._reopen(rel)
            except OSError as error:  # gone, closed or swapped since it was listed
                self.result.skipped.append(Skipped(rel, reason(error)))
                return _NOT_EXPLORED
            try:
                self._visit_listing(path, rel, entries, names, hidden, stack, again)
            finally:
                os.close(again)
            return -1
        self._visit_listing(path, rel, entries, names, hidden, stack, fd)
        return fd

    def _found_repo(self, path: str, rel: str) -> None:
        self.result.repo_roots.append(rel)
        if self.options.on_repo is not None:
            self.options.on_repo(path)

    def _visit_listing(
        self,
        path: str,
        rel: str,
        entries: list[str],
        names: set[str],
        hidden: bool,
        stack: list[_Frame],
        fd: int,
    ) -> None:
        """The explorer's hot loop: one lstat per entry (relative to the open folder `fd`
        when there is one), the folder's sums kept in locals and stored once; folders, links
        with several names and catalogued files leave the loop. With the folder open and no
        exclusions, the plain files (nearly all) are summed by measure.lstat_sum, in C
        where it was built, and only the other entries come through this loop."""
        if ".git" in names:
            # git's own, never counted: a .git folder (_visit_dir skips it), and the .git
            # file of a submodule or a linked worktree ("gitdir: ..."), which `du
            # --exclude=.git` leaves out too and no fix may move.
            entries = [name for name in entries if name != ".git"]
        prefix = "" if rel == "." else rel + "/"
        excluded = self.options.excluded
        big = self.options.big_file_bytes
        file_kind = self.catalog.file_kind
        programs = self.catalog.finds_programs
        head = file_head_reader(fd) if fd >= 0 else None  # a generated file's first lines
        result = self.result
        count = apparent = blocks = newest = visible = visible_bytes = 0
        sources = _Sources(names, fd, path)
        pairs: Iterable[tuple[str, EntryStat | int]]
        if fd >= 0 and excluded is None:
            if self._file_names is None:
                self._file_names = self.catalog.file_names()
            (count, apparent, blocks, newest, visible, visible_bytes, special) = lstat_sum(
                fd, entries, hidden, big, self._file_names, programs)
            pairs = [(entries[index], st) for index, st in special]
        else:
            pairs = zip(entries, lstat_listed(fd, path, entries), strict=True)
        for name, st in pairs:
            if isinstance(st, int):  # its errno: gone or closed since it was listed
                result.skipped.append(Skipped(prefix + name, errno_reason(st)))
                continue
            mode = st.st_mode
            if excluded is not None and excluded(prefix + name, _S_ISDIR(mode)):
                continue
            if _S_ISDIR(mode):
                self._visit_dir(name, _child(path, name), prefix + name, st, names,
                                hidden or name.startswith("."), stack, fd)
                continue
            if st.st_nlink > 1 and not self._counted_here(prefix, name, st, names, hidden,
                                                          sources):
                continue
            apparent += st.st_size
            blocks += st.st_blocks
            if not _S_ISREG(mode):
                continue  # links, fifos, sockets: counted by size, never searched or cleaned
            count += 1
            if st.st_mtime > newest:
                newest = int(st.st_mtime)
            if not hidden and not name.startswith("."):
                visible += 1
                visible_bytes += st.st_size
            if st.st_size >= big:
                result.big_files.append(BigFile(prefix + name, st.st_size))
            kind = file_kind(name, names, head)
            if kind is None and programs and fd >= 0 and self.catalog.may_be_program(name, mode):
                # an executable without extension, a lib*.a/.so: built beside its source?
                kind = self.catalog.program_kind(name, names, fd, self._folder_name(rel))
            if kind is not None:
                self._file_hit(prefix + name, kind, st, sources)
        if count or apparent:
            slot = result.content_by_dir.get(rel)
            if slot is None:
                slot = result.content_by_dir[rel] = [0, 0, 0, 0]
            slot[0] += count
            slot[1] += apparent
            slot[2] += blocks * 512
            slot[3] = max(slot[3], newest)
            self._bytes_seen += apparent
        if visible:
            add_surface(result.surface_by_dir, rel, visible, visible_bytes)

    def _folder_name(self, rel: str) -> str:
        return os.path.basename(os.path.abspath(self.root) if rel == "." else rel)

    def _counted_here(
        self, prefix: str, name: str, st: EntryStat, siblings: set[str], hidden: bool,
        sources: _Sources,
    ) -> bool:
        """A file with several names: counted where its inode is first seen; a worker hands
        it to the main process instead."""
        if not self.options.defer_links:
            return self._inodes.first_sight(st.st_dev, st.st_ino)
        regular = _S_ISREG(st.st_mode)
        rel_dir = prefix.rstrip("/") or "."
        visible = regular and not hidden and not name.startswith(".")
        link = Link(st.st_dev, st.st_ino, st.st_size, st.st_blocks, st.st_mtime, regular,
                    rel_dir if visible else None, st.st_nlink)
        kind = self.catalog.file_kind(name, siblings) if regular else None
        self._deferred.append(_Deferred(
            rel_dir, name, link, kind,
            kind is not None and kind.name == "pyc" and not sources.has_source(name)))
        return False

    # ------------------------------------------------------------------ sharing the tree
    def _share(self, stack: list[_Frame]) -> None:
        """Give the shallowest pending folder (likely the biggest subtree) to a worker, when
        one is free: measuring artifacts comes first, and a job queued behind it would only
        make this process wait at the end."""
        if len(self._running) >= self._pool.workers:
            return
        executor = self._pool.get()
        if executor is None:
            return
        path, rel, hidden, _listing, fd = stack.pop(0)  # the worker lists it again
        self._release(fd)
        options = dataclasses.replace(
            self.options, progress=None, on_repo=None, while_waiting=None, when_explored=None,
            pool=WorkerPool(0),
            share_above=0, defer_links=True, stop_after=self.options.part_budget)
        future = executor.submit(
            explore_part, self.root, self._device, self.catalog, options, path, rel, hidden)
        self._shared.append(future)
        self._track(future)
        future.add_done_callback(self._on_part_back)

    def _on_part_back(self, _future: Future[_Part]) -> None:
        self._part_back = True

    def _track(self, future: Future[Any]) -> None:
        self._running.add(future)
        future.add_done_callback(self._running.discard)

    def _explored(self) -> None:
        if not self._told and self.options.when_explored is not None:
            self._told = True
            self.options.when_explored([job.rel for job in self._jobs],
                                       list(self.result.repo_roots))

    def _before_waiting(self) -> None:
        if not self._waited and self.options.while_waiting is not None:
            self.options.while_waiting()
        self._waited = True

    def _drain_shared(self) -> None:
        """Fold in the workers' parts as they come; what a part did not reach is explored
        here, or shared again while a worker is free."""
        while self._shared:
            frames: list[_Frame] = []
            if self._fold_ready(frames):
                if frames:
                    self._explore_stack(frames)
                continue
            from concurrent.futures import FIRST_COMPLETED, wait  # loaded with the pool

            self._before_waiting()  # this process's own later work, while they finish
            while not self._part_back and self._steal():
                pass
            wait(self._shared, return_when=FIRST_COMPLETED)

    def _fold_ready(self, stack: list[_Frame]) -> bool:
        """Fold in the parts that came back; what they did not reach goes to the bottom of
        `stack` (the shallowest end, shared first). False when none had."""
        self._part_back = False  # before looking: a part back meanwhile sets it again
        ready = [f for f in self._shared if f.done()]
        for future in ready:
            self._shared.remove(future)
            part = future.result()
            self._fold_part(part)
            stack[:0] = [frame for frame in map(self._list_frame, part.leftover) if frame]
        return bool(ready)

    def _list_frame(self, root: Root) -> _Frame | None:
        """A frame for the folder at root's path (the walk's root, a part's top, a folder a
        part left), opened and listed by its path."""
        path, rel, hidden = root
        listed = self._list(-1, path, path, rel, follow=rel == ".")
        return None if listed is None else (path, rel, hidden, listed[1], self._hold(listed[0]))

    def _reopen(self, rel: str) -> int:
        """A pending folder not held open (past _HELD_MOST) opened again: below the walk's
        root, no link followed at any level (open_beneath), so a folder of its path swapped
        for a link since it was listed is an error, never a folder outside the root. Raises
        OSError."""
        if rel == ".":
            return os.open(self.root, _ROOT_FLAGS)
        if self._root_fd < 0:
            self._root_fd = open_root(self.root)
        return open_beneath(self._root_fd, rel, _ROOT_FLAGS)

    def _close_root(self) -> None:
        if self._root_fd >= 0:
            os.close(self._root_fd)
            self._root_fd = -1

    def _hold(self, fd: int) -> int:
        """`fd` kept for a pending frame, or closed (-1) when enough are held already."""
        if fd < 0:
            return -1
        if self._held >= _HELD_MOST:
            os.close(fd)
            return -1
        self._held += 1
        _HELD_FDS.add(fd)
        return fd

    def _fold_part(self, part: _Part) -> None:
        self._fold(part.result)
        for job in part.jobs:
            unmeasured, job.unmeasured = job.unmeasured, []
            self._jobs.append(self._measure_roots(job, unmeasured) if unmeasured else job)
        for deferred in part.deferred:
            self._account_deferred(deferred)
        if self.options.on_repo is not None:
            for rel in part.result.repo_roots:
                self.options.on_repo(os.path.join(self.root, rel))

    def _fold(self, found: WalkResult) -> None:
        mine = self.result
        for name in ("hits", "repo_roots", "bare_repos", "big_files", "search_ignore_dirs",
                     "gitignore_dirs", "stale_legacy_pyc", "skipped"):
            getattr(mine, name).extend(getattr(found, name))
        for rel, (files, size) in found.surface_by_dir.items():
            add_surface(mine.surface_by_dir, rel, files, size)
        for rel, row in found.content_by_dir.items():
            slot = mine.content_by_dir.setdefault(rel, [0, 0, 0, 0])
            slot[0] += row[0]
            slot[1] += row[1]
            slot[2] += row[2]
            slot[3] = max(slot[3], row[3])
            self._bytes_seen += row[1]
        mine.entries += found.entries
        self._tick()

    def _account_deferred(self, file: _Deferred) -> None:
        """What the explore loop does for a file, for one a worker handed back."""
        link = file.link
        if not self._inodes.first_sight(link.dev, link.ino):
            return
        slot = self.result.content_by_dir.setdefault(file.rel_dir, [0, 0, 0, 0])
        slot[1] += link.size
        slot[2] += link.blocks * 512
        if not link.regular:
            return
        slot[0] += 1
        slot[3] = max(slot[3], int(link.mtime))
        rel = file.name if file.rel_dir == "." else f"{file.rel_dir}/{file.name}"
        if link.surface_dir is not None:
            add_surface(self.result.surface_by_dir, link.surface_dir, 1, link.size)
        if link.size >= self.options.big_file_bytes:
            self.result.big_files.append(BigFile(rel, link.size))
        if file.kind is not None:
            size = _file_size(link.size, link.blocks, link.mtime, link.nlink)
            self.result.hits.append(Hit(rel, file.kind, size))
            if file.stale:
                self.result.stale_legacy_pyc.append((rel, link.size))

    def _file_hit(self, rel: str, kind: Kind, st: EntryStat, sources: _Sources) -> None:
        size = _file_size(st.st_size, st.st_blocks, st.st_mtime, st.st_nlink)
        self.result.hits.append(Hit(rel, kind, size))
        if kind.name == "pyc" and not sources.has_source(os.path.basename(rel)):
            self.result.stale_legacy_pyc.append((rel, st.st_size))

    def _visit_dir(
        self,
        name: str,
        path: str,
        rel: str,
        st: EntryStat,
        siblings: set[str],
        hidden: bool,
        stack: list[_Frame],
        parent_fd: int,
    ) -> None:
        """A subfolder met exploring: opened relative to its parent's descriptor `parent_fd`
        (by path where that is -1) and listed once; explored later through that descriptor,
        or measured through it at once when it is an artifact."""
        if name in _VCS_DIRS or path in self.options.skip_paths:
            return  # not ours to count or clean; .git is git's, the state folder tidy's
        if st.st_dev != self._device and not self.options.cross_filesystems:
            self.result.skipped.append(Skipped(rel, "another filesystem (use --cross-filesystems)"))
            return
        listed = self._list(parent_fd, name, path, rel)
        if listed is None:
            self._add_content(rel, st, is_file=False)
            return
        fd, listing = listed
        try:
            kind = self.catalog.classify_dir(path, name, siblings, set(listing))
            if kind is None:
                self._add_content(rel, st, is_file=False)
                stack.append((path, rel, hidden, listing, self._hold(fd)))
                fd = -1  # the frame holds it now, or _hold closed it
                return
            stale = (_stale_in_pycache(fd, path, listing, siblings)
                     if kind.name == "__pycache__" else ())
            self._jobs.append(
                self._measure_hit(path, rel, kind, stale, st, listing, fd, hidden))
        finally:
            if fd >= 0:
                os.close(fd)

    def _measure_hit(
        self,
        path: str,
        rel: str,
        kind: Kind,
        stale: tuple[Stale, ...],
        st: EntryStat,
        listing: list[str],
        fd: int,
        hidden: bool,
    ) -> _Job:
        device, cross = self._device, self.options.cross_filesystems
        top = Measured()
        count_dir(top, st)
        first, roots = measure_entries(listing, fd, path, rel, hidden, device, cross)
        top.absorb(first)
        if self.options.defer_links:
            # As the main process would split it: a big artifact with few folders at its top
            # (`.next`: one) is handed back too, not measured here alone.
            roots = split_roots(roots, top, device, cross, want=_SPLIT_WANT)
            if len(roots) >= _POOL_MIN_SUBDIRS:
                # For the main process to share now: this part stops at its next folder.
                self._handing_back = True
                return _Job(rel, kind, stale, top, [], roots)
        return self._measure_roots(_Job(rel, kind, stale, top, []), roots)

    def _measure_roots(self, job: _Job, roots: list[Root]) -> _Job:
        """Measure an artifact's subfolders: on the workers when there are enough of them."""
        device, cross = self._device, self.options.cross_filesystems
        if self._pool.available:
            roots = split_roots(roots, job.top, device, cross, want=_SPLIT_WANT)
        pool = self._pool_for(roots)
        if pool is None:
            job.top.absorb(measure_roots(roots, device, cross))
            self._bytes_seen += job.top.apparent
            return job
        parts = shrinking_chunks(roots, _JOB_SHARE, _JOB_LEAST, _JOB_MOST)
        job.futures = [pool.submit(measure_roots, part, device, cross) for part in parts]
        for future, part in zip(job.futures, parts, strict=True):
            self._track(future)
            self._queued.append((future, part))
        return job

    def _steal(self) -> bool:
        """Measure here the next queued measuring job that no worker has taken yet, instead
        of waiting while the workers go through the queue (250k bench tree: this process
        waited ~0.27 s for the measuring after exploring its part). The next one, as a worker
        would take it: the jobs shrink as they go, so the last ones, whoever takes them, are
        small. The workers take the queue in order: a job that cannot be taken back
        (cancelled before it started) is theirs, and so is every job before it. False when
        none is left."""
        queued = self._queued
        while queued:
            future, roots = queued.popleft()
            if future.cancel():
                self._stolen[future] = measure_roots(roots, self._device,
                                                     self.options.cross_filesystems)
                return True
        return False

    def _pool_for(self, roots: list[Root]) -> ProcessPoolExecutor | None:
        """Workers only pay off for folders with many subfolders (node_modules, .next, ...)."""
        if len(roots) < _POOL_MIN_SUBDIRS:
            return None
        return self._pool.get()

    def _add_content(self, rel: str, st: EntryStat, is_file: bool) -> None:
        slot = self.result.content_by_dir.get(rel)
        if slot is None:
            slot = self.result.content_by_dir[rel] = [0, 0, 0, 0]
        slot[0] += is_file
        slot[1] += st.st_size
        self._bytes_seen += st.st_size
        slot[2] += st.st_blocks * 512
        if is_file and st.st_mtime > slot[3]:
            slot[3] = int(st.st_mtime)

    # ------------------------------------------------------------------ measuring
    def _collect(self) -> None:
        while self._steal():
            pass
        for job in self._jobs:
            measured = job.top
            for future in job.futures:
                stolen = self._stolen.pop(future, None)
                part = future.result() if stolen is None else stolen
                measured.absorb(part)
                self._bytes_seen += part.apparent
            size, repeated = self._with_links(measured)
            nested = tuple(sorted(m[len(job.rel) + 1:] for m in measured.vcs_markers))
            self.result.hits.append(Hit(job.rel, job.kind, size, job.stale, repeated, nested))
            for rel, (files, total) in measured.surface.items():
                add_surface(self.result.surface_by_dir, rel, files, total)
            self.result.skipped.extend(measured.skipped)
            self.result.gitignore_dirs.extend(measured.gitignore_dirs)
            self.result.entries += measured.entries
            self._tick()

    def _with_links(self, measured: Measured) -> tuple[Size, Size]:
        """Add hard-linked files once per finding (as `du PATH` does); note scan-wide repeats,
        and the files whose other names lie outside the finding (deleting it frees none of
        them).

        The search surface counts every name: ripgrep lists each path of a hard link.
        """
        names_here: dict[tuple[int, int], int] = {}
        first: list[Link] = []
        repeated = Size()
        for link in measured.links:
            if link.surface_dir is not None and link.regular:
                add_surface(measured.surface, link.surface_dir, 1, link.size)
            key = (link.dev, link.ino)
            if key in names_here:
                names_here[key] += 1
                continue
            names_here[key] = 1
            first.append(link)
            measured.apparent += link.size
            measured.blocks += link.blocks
            measured.files += link.regular
            measured.newest = max(measured.newest, link.mtime)
            if not self._inodes.first_sight(link.dev, link.ino):
                repeated = repeated + Size(link.size, link.blocks * 512, int(link.regular), 0)
        self._repeated_links = self._repeated_links + repeated
        out = [link for link in first if names_here[(link.dev, link.ino)] < link.nlink]
        size = Size(measured.apparent, measured.blocks * 512, measured.files, measured.dirs,
                    measured.newest, sum(link.size for link in out),
                    sum(link.blocks for link in out) * 512, sum(link.regular for link in out))
        return size, repeated

    def _tick(self) -> None:
        progress = self.options.progress
        seen = self.result.entries
        if progress is not None and seen >= self._next_progress:
            self._next_progress = seen + _PROGRESS_EVERY
            progress(seen, self._bytes_seen)

    def _list(self, parent_fd: int, name: str, path: str, rel: str,
              follow: bool = False) -> tuple[int, list[str]] | None:
        """The folder opened (relative to `parent_fd`, by `path` where that is -1) and
        listed: (its descriptor, its names); None, noted as skipped, when it cannot be."""
        try:
            return open_listed(parent_fd, name, path, follow)
        except OSError as error:
            self.result.skipped.append(Skipped(rel, reason(error)))
            return None


def _file_size(size: int, blocks: int, mtime: float, nlink: int) -> Size:
    """A file finding's size; with another name, deleting it frees nothing."""
    out = nlink > 1
    return Size(size, blocks * 512, 1, 0, mtime, size if out else 0, blocks * 512 if out else 0,
                int(out))


def explore_part(
    root: str, device: int, catalog: Catalog, options: WalkOptions, path: str, rel: str,
    hidden: bool,
) -> _Part:
    """A worker's share: the folder `path` (its own entry counted already) and all below it,
    artifacts measured here; paths stay relative to the walk's root."""
    walker = Walker(root, catalog, options)
    walker._device = device
    frame = walker._list_frame((path, rel, hidden))
    try:
        if frame is not None:
            walker._explore_stack([frame])
    finally:
        walker._close_root()
    return _Part(walker.result, walker._jobs, walker._deferred, walker._leftover)


def walk(root: str, catalog: Catalog, options: WalkOptions | None = None) -> WalkResult:
    return Walker(root, catalog, options or WalkOptions()).run()


def _worker_died(error: Exception) -> bool:
    """A BrokenProcessPool: a worker process ended without its answer. The class is looked up
    where it was loaded, with the pool: a walk that forked nothing never loads it."""
    import sys

    process = sys.modules.get("concurrent.futures.process")
    return process is not None and isinstance(error, process.BrokenProcessPool)


def _child(path: str, name: str) -> str:
    """os.path.join(path, name) for a name from a listing (no '/' in it), as DirEntry.path
    was: the root "/" gives "/name", not "//name" (skip_paths are compared as strings)."""
    return path + name if path.endswith("/") else f"{path}/{name}"


def _looks_bare(names: set[str]) -> bool:
    return {"HEAD", "objects", "refs", "config"} <= names


class _Sources:
    """Whether a legacy-location `mod.pyc` has the `mod.py` that `import mod` prefers: a
    regular file, a link followed, as import's finder asks (`_path_isfile`). A folder, a
    FIFO or a dangling link named `mod.py` is no source: `import mod` loads the .pyc, the
    only copy of the code (trust round 8: such a .pyc was moved as a cache). Looked up
    relative to the listed folder's descriptor (by path where there is none), only when the
    listing has that name.

    Not `.pyw`: outside Windows it is no source suffix, so `import mod` loads the .pyc.
    """

    def __init__(self, names: set[str], fd: int, path: str) -> None:
        self._names = names
        self._fd = fd
        self._path = path

    def has_source(self, pyc_name: str) -> bool:
        source = pyc_name.rsplit(".", 1)[0] + ".py"
        if source not in self._names:
            return False
        try:
            st = (os.stat(source, dir_fd=self._fd) if self._fd >= 0
                  else os.stat(f"{self._path}/{source}"))
        except (OSError, ValueError):
            return False
        return _S_ISREG(st.st_mode)


def _stale_in_pycache(fd: int, path: str, listing: list[str],
                      siblings: set[str]) -> tuple[Stale, ...]:
    """`mod.cpython-311.pyc` whose `../mod.py` is gone: bytecode of a deleted or renamed
    module. Looked up relative to the folder's descriptor `fd` (by `path` where it is -1)."""
    stale: list[Stale] = []
    for name in listing:
        if not name.endswith((".pyc", ".pyo")):
            continue
        module = name.split(".", 1)[0]
        if module + ".py" in siblings or module + ".pyw" in siblings:
            continue
        try:
            st = os.lstat(name, dir_fd=fd) if fd >= 0 else os.lstat(f"{path}/{name}")
        except OSError:
            continue
        stale.append(Stale(name, st.st_size, st.st_blocks * 512, st.st_mtime))
    return tuple(stale)
