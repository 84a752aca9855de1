"""One pass over the tree: catalogued artifacts, per-directory aggregates, repo roots.

The walk never follows a symlink, never enters `.git`, and stays on the root's filesystem
unless asked. Folders recognised as artifacts are measured (summed like `du -sb`) rather
than explored, so nothing inside `node_modules` is mistaken for a project. Measuring runs
on a small thread pool: `scandir` and `lstat` release the GIL, so a second thread keeps the
disk busy while the first one adds numbers. Memory grows with directories, not with files.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from tidy.catalog import Catalog, Kind
from tidy.models import Size, Skipped

ProgressFn = Callable[[int, int], None]  # (entries seen, bytes seen)
PathFilter = Callable[[str, bool], bool]  # (relative path, is_dir) -> excluded?
RepoFn = Callable[[str], None]  # called with a repo root's absolute path as soon as it is seen

# Never entered: VCS internals. Reported neither as content nor as findings.
_VCS_DIRS = frozenset({".git", ".hg", ".svn", ".jj", ".fossil", "_darcs"})
_PROGRESS_EVERY = 8192
_S_ISDIR = stat.S_ISDIR
_S_ISREG = stat.S_ISREG


@dataclass(frozen=True)
class Hit:
    """A catalogued artifact (folder or file) found by the walk."""

    rel: str  # relative to the walk root, POSIX separators
    kind: Kind
    size: Size
    stale_bytecode: tuple[tuple[str, int], ...] = ()  # (name, bytes) of .pyc with no source


@dataclass(frozen=True)
class BigFile:
    rel: str
    bytes: int


@dataclass
class WalkResult:
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
    stale_legacy_pyc: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    total: Size = Size()
    entries: int = 0


@dataclass(frozen=True)
class WalkOptions:
    cross_filesystems: bool = False
    big_file_bytes: int = 1_000_000
    excluded: PathFilter | None = None
    progress: ProgressFn | None = None
    on_repo: RepoFn | None = None
    threads: int = 0  # 0: measure inline. Threads lose to the GIL here (bench/RESULTS.md).


class _Shared:
    """State the measuring threads share: hard links seen, and a rough progress count."""

    def __init__(self, device: int, cross: bool) -> None:
        self.device = device
        self.cross = cross
        self.entries = 0
        self._inodes: set[tuple[int, int]] = set()
        self._lock = threading.Lock()

    def first_sight(self, st: os.stat_result) -> bool:
        """False for the second and later names of a hard-linked file (du counts it once)."""
        key = (st.st_dev, st.st_ino)
        with self._lock:
            if key in self._inodes:
                return False
            self._inodes.add(key)
            return True


@dataclass
class _Measured:
    size: Size
    surface: dict[str, list[int]]
    skipped: list[Skipped]


def _measure_tree(
    path: str, rel: str, listing: list[os.DirEntry[str]], hidden: bool, top: os.stat_result,
    shared: _Shared,
) -> _Measured:
    """Sum a subtree like `du -sb` and `du -sB1`: every entry, hard links once, no link followed."""
    apparent, blocks, files, dirs, newest = top.st_size, top.st_blocks, 0, 1, top.st_mtime
    surface: dict[str, list[int]] = {}
    skipped: list[Skipped] = []
    pending: list[tuple[str, str, bool, list[os.DirEntry[str]] | None]] = [
        (path, rel, hidden, listing)
    ]
    device, cross = shared.device, shared.cross
    while pending:
        dir_path, dir_rel, dir_hidden, entries = pending.pop()
        if entries is None:
            try:
                with os.scandir(dir_path) as it:
                    entries = list(it)
            except OSError as error:
                skipped.append(Skipped(dir_rel, reason(error)))
                continue
        visible_files = visible_bytes = 0
        for entry in entries:
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue  # vanished while we looked: it no longer takes space
            mode = st.st_mode
            if _S_ISDIR(mode):
                if st.st_dev != device and not cross:
                    skipped.append(Skipped(f"{dir_rel}/{entry.name}", "another filesystem"))
                    continue
                dirs += 1
                name = entry.name
                pending.append((entry.path, f"{dir_rel}/{name}", dir_hidden or name[0] == ".", None))
            elif st.st_nlink > 1 and not shared.first_sight(st):
                continue
            elif _S_ISREG(mode):
                files += 1
                if not dir_hidden and entry.name[0] != ".":
                    visible_files += 1
                    visible_bytes += st.st_size
            apparent += st.st_size
            blocks += st.st_blocks
            if st.st_mtime > newest:
                newest = st.st_mtime
        if visible_files:
            surface[dir_rel] = [visible_files, visible_bytes]
        shared.entries += len(entries)
    return _Measured(Size(apparent, blocks * 512, files, dirs, newest), surface, skipped)


class Walker:
    def __init__(self, root: str, catalog: Catalog, options: WalkOptions) -> None:
        self.root = root
        self.catalog = catalog
        self.options = options
        self.result = WalkResult(root=root)
        self._shared = _Shared(0, options.cross_filesystems)
        self._jobs: list[tuple[str, Kind, tuple[tuple[str, int], ...], Future[_Measured]]] = []
        self._pool: ThreadPoolExecutor | None = None
        self._next_progress = _PROGRESS_EVERY

    # ------------------------------------------------------------------ entry point
    def run(self) -> WalkResult:
        try:
            st = os.lstat(self.root)
        except OSError as error:
            self.result.skipped.append(Skipped(".", reason(error)))
            return self.result
        self._shared = _Shared(st.st_dev, self.options.cross_filesystems)
        listing = self._list(self.root, ".")
        if listing is None:
            return self.result
        self._add_content(".", st, is_file=False)
        if self.options.threads > 0:
            with ThreadPoolExecutor(max_workers=self.options.threads) as pool:
                self._pool = pool
                self._explore(self.root, ".", False, listing)
                self._collect()
        else:
            self._explore(self.root, ".", False, listing)
            self._collect()
        self._finish_totals()
        return self.result

    def _finish_totals(self) -> None:
        content = self.result.content_by_dir.values()
        explored = Size(
            sum(v[1] for v in content), sum(v[2] for v in content),
            sum(v[0] for v in content), len(self.result.content_by_dir),
        )
        dir_hits = (h.size for h in self.result.hits if h.kind.type == "dir")
        self.result.total = sum(dir_hits, explored)
        self.result.entries += self._shared.entries

    # ------------------------------------------------------------------ exploring
    def _explore(self, top: str, top_rel: str, hidden: bool, listing: list[os.DirEntry[str]]) -> None:
        """Depth-first over folders that are not artifacts; an explicit stack, no recursion limit."""
        stack: list[tuple[str, str, bool, list[os.DirEntry[str]]]] = [(top, top_rel, hidden, listing)]
        while stack:
            path, rel, is_hidden, entries = stack.pop()
            names = {e.name for e in entries}
            if ".git" in names:
                self._found_repo(path, rel)
            elif rel != "." and _looks_bare(names):
                self.result.bare_repos.append(rel)
                continue
            prefix = "" if rel == "." else rel + "/"
            for entry in entries:
                self._visit(entry, prefix + entry.name, names, is_hidden, stack)
            self.result.entries += len(entries)
            self._tick()

    def _found_repo(self, path: str, rel: str) -> None:
        self.result.repo_roots.append(rel)
        if self.options.on_repo is not None:
            self.options.on_repo(path)

    def _visit(
        self,
        entry: os.DirEntry[str],
        rel: str,
        siblings: set[str],
        parent_hidden: bool,
        stack: list[tuple[str, str, bool, list[os.DirEntry[str]]]],
    ) -> None:
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError as error:
            self.result.skipped.append(Skipped(rel, reason(error)))
            return
        is_dir = _S_ISDIR(st.st_mode)
        excluded = self.options.excluded
        if excluded is not None and excluded(rel, is_dir):
            return
        hidden = parent_hidden or entry.name.startswith(".")
        if is_dir:
            self._visit_dir(entry, rel, st, siblings, hidden, stack)
        else:
            self._visit_file(entry.name, rel, st, siblings, hidden)

    def _visit_dir(
        self,
        entry: os.DirEntry[str],
        rel: str,
        st: os.stat_result,
        siblings: set[str],
        hidden: bool,
        stack: list[tuple[str, str, bool, list[os.DirEntry[str]]]],
    ) -> None:
        if entry.name in _VCS_DIRS:
            return  # not ours to count or clean; .git is git's
        if st.st_dev != self._shared.device and not self.options.cross_filesystems:
            self.result.skipped.append(Skipped(rel, "another filesystem (use --cross-filesystems)"))
            return
        listing = self._list(entry.path, rel)
        if listing is None:
            self._add_content(rel, st, is_file=False)
            return
        inside = {e.name for e in listing}
        kind = self.catalog.classify_dir(entry.path, entry.name, siblings, inside)
        if kind is None:
            self._add_content(rel, st, is_file=False)
            stack.append((entry.path, rel, hidden, listing))
            return
        stale = _stale_in_pycache(listing, siblings) if kind.name == "__pycache__" else ()
        args = (entry.path, rel, listing, hidden, st, self._shared)
        future: Future[_Measured]
        if self._pool is None:
            future = Future()
            future.set_result(_measure_tree(*args))
        else:
            future = self._pool.submit(_measure_tree, *args)
        self._jobs.append((rel, kind, stale, future))

    def _visit_file(
        self, name: str, rel: str, st: os.stat_result, siblings: set[str], hidden: bool
    ) -> None:
        if st.st_nlink > 1 and not self._shared.first_sight(st):
            return
        is_file = _S_ISREG(st.st_mode)
        self._add_content(_parent(rel), st, is_file=is_file)
        if not is_file:
            return  # links, fifos, sockets: counted by size, never searched or cleaned
        if not hidden:
            slot = self.result.surface_by_dir.get(_parent(rel))
            if slot is None:
                slot = self.result.surface_by_dir[_parent(rel)] = [0, 0]
            slot[0] += 1
            slot[1] += st.st_size
        if st.st_size >= self.options.big_file_bytes:
            self.result.big_files.append(BigFile(rel, st.st_size))
        kind = self.catalog.file_kind(name, siblings)
        if kind is None:
            return
        size = Size(st.st_size, st.st_blocks * 512, 1, 0, st.st_mtime)
        self.result.hits.append(Hit(rel, kind, size))
        if kind.name == "pyc" and not _has_source(name, siblings):
            self.result.stale_legacy_pyc.append((rel, st.st_size))

    def _add_content(self, rel: str, st: os.stat_result, is_file: bool) -> None:
        slot = self.result.content_by_dir.get(rel)
        if slot is None:
            slot = self.result.content_by_dir[rel] = [0, 0, 0, 0]
        slot[0] += is_file
        slot[1] += st.st_size
        slot[2] += st.st_blocks * 512
        if is_file and st.st_mtime > slot[3]:
            slot[3] = int(st.st_mtime)

    # ------------------------------------------------------------------ measuring
    def _collect(self) -> None:
        for rel, kind, stale, future in self._jobs:
            measured = future.result()
            self.result.hits.append(Hit(rel, kind, measured.size, stale))
            self.result.surface_by_dir.update(measured.surface)
            self.result.skipped.extend(measured.skipped)
            self._tick()

    def _tick(self) -> None:
        progress = self.options.progress
        seen = self.result.entries + self._shared.entries
        if progress is not None and seen >= self._next_progress:
            self._next_progress = seen + _PROGRESS_EVERY
            progress(seen, sum(v[1] for v in self.result.content_by_dir.values()))

    def _list(self, path: str, rel: str) -> list[os.DirEntry[str]] | None:
        try:
            with os.scandir(path) as it:
                return list(it)
        except OSError as error:
            self.result.skipped.append(Skipped(rel, reason(error)))
            return None


def walk(root: str, catalog: Catalog, options: WalkOptions | None = None) -> WalkResult:
    return Walker(root, catalog, options or WalkOptions()).run()


def reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "vanished during the scan"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, NotADirectoryError):
        return "replaced by a file during the scan"
    return error.strerror or type(error).__name__


def _parent(rel: str) -> str:
    slash = rel.rfind("/")
    return "." if slash < 0 else rel[:slash]


def _looks_bare(names: set[str]) -> bool:
    return {"HEAD", "objects", "refs", "config"} <= names


def _has_source(pyc_name: str, siblings: set[str]) -> bool:
    stem = pyc_name.rsplit(".", 1)[0]
    return stem + ".py" in siblings or stem + ".pyw" in siblings


def _stale_in_pycache(
    listing: list[os.DirEntry[str]], siblings: set[str]
) -> tuple[tuple[str, int], ...]:
    """`mod.cpython-311.pyc` whose `../mod.py` is gone: bytecode of a deleted or renamed module."""
    stale: list[tuple[str, int]] = []
    for entry in listing:
        name = entry.name
        if not name.endswith((".pyc", ".pyo")):
            continue
        module = name.split(".", 1)[0]
        if module + ".py" in siblings or module + ".pyw" in siblings:
            continue
        try:
            stale.append((name, entry.stat(follow_symlinks=False).st_size))
        except OSError:
            continue
    return tuple(stale)
