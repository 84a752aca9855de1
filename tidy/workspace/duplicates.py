"""Identical files and identical folders under a root, tracked or not.

Files: grouped by size, then by a partial hash (the first and last 4 KiB), then by a full
hash read in 1 MiB chunks, the way jdupes and rmlint narrow candidates down; a file is only
read when another file has its size, and files up to 64 KiB are hashed whole in one read.
sha256, not blake2b: with SHA extensions it runs about twice as fast here (bench/RESULTS.md).
Hard links are one file, never duplicates of each other (jdupes' default), and empty files
are not duplicates (jdupes without -z).

Folders: a Merkle hash over each folder's entries (name, type, content hash of files, hash
of subfolders, target of links), computed bottom-up from the file hashes; folders with the
same hash are copies. Only the highest level is kept: when `a/` and `b/` are copies, their
subfolders are not reported again (rmlint's `--merge-directories`, but with names: a folder
is a copy when a `cp -r` of it would be).

One os.scandir pass of its own: it never enters `.git` (or another VCS's folder), a nested
repository, or whatever `skip` says (the artifacts a scan already reported), and never
follows links. Hashing runs on a small thread pool: reads and sha256 release the GIL.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol

from tidy.core.catalog import Catalog
from tidy.core.processes import CtrlCHeld, die_with_parent
from tidy.core.stop_signals import default_in_this_child
from tidy.workspace.beneath import open_beneath, open_root
from tidy.workspace.content_cache import StatKey, stat_key

PARTIAL = 4096  # bytes read from each end for the partial hash
SMALL = 64 * 1024  # files up to this size are hashed whole in one read, without a partial pass
CHUNK = 1 << 20  # full hashes read 1 MiB at a time
_FORK_SMALL = 8192  # this many small files are worth forking hashing processes for
_VCS_DIRS = frozenset({".git", ".hg", ".svn", ".jj", ".fossil", "_darcs"})
_EMPTY = b"empty"
_O_RDONLY = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_sha256 = hashlib.sha256

SkipFn = Callable[[str, bool], bool]  # (relative path, is_dir) -> leave it out?


class HashCache(Protocol):
    """Whole-content sha256 digests kept between scans by stat (tidy.workspace.content's
    ContentFacts): a file whose stat is unchanged is not read again."""

    def cached(self, rel: str, key: StatKey) -> bytes | None: ...

    def remember(self, rel: str, key: StatKey, digest: bytes) -> None: ...


@dataclass(frozen=True)
class DuplicateFiles:
    size: int  # of each copy
    paths: tuple[str, ...]  # sorted; each a different inode
    mtimes: tuple[float, ...]  # in the order of paths
    disk: int = 0  # allocated bytes of one copy

    @property
    def wasted(self) -> int:
        return self.size * (len(self.paths) - 1)


@dataclass(frozen=True)
class DuplicateFolders:
    size: int  # bytes of the files in each copy
    files: int  # files in each copy
    paths: tuple[str, ...]  # sorted
    mtimes: tuple[float, ...]  # newest file mtime of each copy, in the order of paths
    disk: int = 0  # allocated bytes of the files of one copy
    dirs: int = 1  # folders in one copy, itself included


@dataclass(frozen=True)
class Duplicates:
    files: tuple[DuplicateFiles, ...]  # every group of identical files, as jdupes lists them
    folders: tuple[DuplicateFolders, ...]  # highest-level identical folders only
    scanned_files: int = 0
    hashed_bytes: int = 0
    all_folders: tuple[tuple[str, ...], ...] = ()  # every group of identical folders, nested too

    def files_outside_folders(self) -> tuple[DuplicateFiles, ...]:
        """File groups that are not just the same file inside copies of one folder."""
        index = CopyIndex(self.all_folders)
        return tuple(g for g in self.files if not index.explains(g.paths))


class CopyIndex:
    """Which groups of paths are explained by a group of folder copies.

    `a/x` and `b/x` are explained by the copies `a/` and `b/`; `a/x` and `a/y` are not (a
    copy inside one folder), nor are `a/x` and `p/x` when `a/` and `p/` belong to different
    groups of copies.
    """

    def __init__(self, groups: Iterable[tuple[str, ...]]) -> None:
        self._groups = list(groups)
        self._by_path = {p: gid for gid, paths in enumerate(self._groups) for p in paths}

    def explains(self, paths: tuple[str, ...]) -> bool:
        common: set[tuple[int, str]] | None = None
        for path in paths:
            found = set(self._enclosing(path))
            common = found if common is None else common & found
            if not common:
                return False
        return any(len(self._groups[gid]) == len(paths) for gid, _ in common or ())

    def _enclosing(self, path: str) -> Iterable[tuple[int, str]]:
        slash = path.rfind("/")
        while slash > 0:
            gid = self._by_path.get(path[:slash])
            if gid is not None:
                yield gid, path[slash + 1:]
            slash = path.rfind("/", 0, slash)


@dataclass
class _Dir:
    rel: str
    parent: int  # index in the dir list; -1 for the root
    files: list[int] = field(default_factory=list)
    subdirs: list[int] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    eligible: bool = True  # False: holds something a copy cannot be judged by
    digest: bytes | None = None
    size: int = 0
    disk: int = 0
    count: int = 0
    dirs: int = 1
    newest: float = 0.0


@dataclass
class _Tree:
    """What the pass saw: folders, and files as parallel lists (memory grows with files)."""

    dirs: list[_Dir] = field(default_factory=list)
    rel: list[str] = field(default_factory=list)
    name: list[str] = field(default_factory=list)
    size: list[int] = field(default_factory=list)
    disk: list[int] = field(default_factory=list)
    mtime: list[float] = field(default_factory=list)
    inode: list[tuple[int, int]] = field(default_factory=list)
    alias: list[bool] = field(default_factory=list)  # a second name of a hard-linked inode
    stamp: list[tuple[int, int]] = field(default_factory=list)  # mtime_ns, ctime_ns

    def key(self, index: int) -> StatKey:
        dev, ino = self.inode[index]
        mtime, ctime = self.stamp[index]
        return (dev, ino, self.size[index], mtime, ctime)

    def add_file(self, dir_index: int, rel: str, name: str, st: os.stat_result,
                 alias: bool) -> None:
        self.dirs[dir_index].files.append(len(self.rel))
        self.rel.append(rel)
        self.name.append(name)
        self.size.append(st.st_size)
        self.disk.append(st.st_blocks * 512)
        self.mtime.append(st.st_mtime)
        self.inode.append((st.st_dev, st.st_ino))
        self.alias.append(alias)
        self.stamp.append((st.st_mtime_ns, st.st_ctime_ns))


def _scan(root: str, skip: SkipFn | None, cross_filesystems: bool,
          starts: Sequence[str] | None = None) -> _Tree:
    """The tree below `root`, or only below the folders `starts` (relative, none inside
    another): the root then holds just those and is no candidate itself."""
    tree = _Tree()
    seen_links: set[tuple[int, int]] = set()
    device = os.lstat(root).st_dev
    tree.dirs.append(_Dir(".", -1, eligible=starts is None))
    stack: list[tuple[str, int]] = [(root, 0)]
    if starts is not None:
        stack = []
        for rel in starts:
            tree.dirs[0].subdirs.append(len(tree.dirs))
            stack.append((os.path.join(root, rel), len(tree.dirs)))
            tree.dirs.append(_Dir(rel, 0))
    while stack:
        path, index = stack.pop()
        node = tree.dirs[index]
        prefix = "" if node.rel == "." else node.rel + "/"
        try:
            with os.scandir(path) as it:
                entries = list(it)
        except OSError:
            node.eligible = False
            continue
        for entry in entries:
            rel = prefix + entry.name
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                node.eligible = False
                continue
            mode = st.st_mode
            if stat.S_ISDIR(mode):
                if entry.name in _VCS_DIRS or _is_repo(entry.path) or (
                        skip is not None and skip(rel, True)):
                    node.eligible = False  # its copy would differ only by what we cannot see
                    continue
                if st.st_dev != device and not cross_filesystems:
                    node.eligible = False
                    continue
                node.subdirs.append(len(tree.dirs))
                stack.append((entry.path, len(tree.dirs)))
                tree.dirs.append(_Dir(rel, index))
            elif stat.S_ISREG(mode):
                if skip is not None and skip(rel, False):
                    node.eligible = False
                    continue
                alias = False
                if st.st_nlink > 1:
                    key = (st.st_dev, st.st_ino)
                    alias = key in seen_links
                    seen_links.add(key)
                tree.add_file(index, rel, entry.name, st, alias)
            elif stat.S_ISLNK(mode):
                try:
                    node.links.append((entry.name, os.readlink(entry.path)))
                except OSError:
                    node.eligible = False
            else:
                node.eligible = False  # fifos, sockets, devices
    return tree


def _is_repo(path: str) -> bool:
    return os.path.lexists(os.path.join(path, ".git"))


# ------------------------------------------------------------------------- hashing
def _open_file(folder: int, rel: str) -> int:
    """A descriptor of the file `rel` below the root open as `folder`, no link followed at any
    level of its path (tidy.workspace.beneath): a folder swapped for a link to one outside the
    root after the walk saw it makes the read fail, not hash a file outside. Raises OSError."""
    return open_beneath(folder, rel, _O_RDONLY)


def _small_hash(folder: int, rel: str, size: int) -> bytes | None:
    """One read of a small file; bare os calls, as this runs once per candidate file."""
    try:
        fd = _open_file(folder, rel)
    except (OSError, ValueError):
        return None
    try:
        return _sha256(os.read(fd, size + 1)).digest()
    except OSError:
        return None
    finally:
        os.close(fd)


def _start_hashing_worker(parent: int) -> None:
    """A hashing worker ends at once on Ctrl-C, SIGTERM or SIGHUP (a traceback of its own
    otherwise, and a pool that finishes every queued batch before the scan can stop), and
    with the scan (die_with_parent)."""
    default_in_this_child()
    from tidy.workspace.measure import native_death_signal  # loaded before the fork

    die_with_parent(parent, native_death_signal())  # the C setter: no ctypes import here


def _hash_small_batch(folder: int, jobs: list[tuple[int, str, int]]) -> list[tuple[int, bytes]]:
    """Run in a forked worker (`folder`, the root's descriptor, inherited): whole-file hashes
    of a slice of the small files."""
    return [(i, h) for i, rel, size in jobs if (h := _small_hash(folder, rel, size))]


def _partial_hash(folder: int, rel: str, size: int) -> bytes | None:
    """The first and last 4 KiB: most same-size files differ there already."""
    try:
        with open(_open_file(folder, rel), "rb", buffering=0) as f:
            head = f.read(PARTIAL)
            f.seek(size - PARTIAL)
            tail = f.read(PARTIAL)
    except (OSError, ValueError):
        return None
    return hashlib.sha256(head + tail).digest()


def _full_hash(folder: int, rel: str) -> bytes | None:
    digest = hashlib.sha256()
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    try:
        with open(_open_file(folder, rel), "rb", buffering=0) as f:
            while True:
                n = f.readinto(buffer)
                if not n:
                    break
                digest.update(view[:n])
    except (OSError, ValueError):
        return None
    return digest.digest()


def _group(keys: Iterable[tuple[object, int]]) -> list[list[int]]:
    """Indexes that share a key, in groups of two or more."""
    by_key: dict[object, list[int]] = {}
    for key, index in keys:
        by_key.setdefault(key, []).append(index)
    return [members for members in by_key.values() if len(members) > 1]


@dataclass
class _Hasher:
    folder: int  # the root's descriptor: every file is opened below it
    tree: _Tree
    threads: int
    hashed_bytes: int = 0
    cache: HashCache | None = None

    def content_hashes(self) -> dict[int, bytes]:
        """file index -> full content hash, for every file that has a same-size twin."""
        tree = self.tree
        candidates = [i for i in range(len(tree.rel)) if not tree.alias[i] and tree.size[i] > 0]
        by_size = _group((tree.size[i], i) for i in candidates)
        # Two names of one inode are one file: keep one of each inode per size group.
        firsts = [_one_per_inode(g, tree) for g in by_size]
        twins = [i for g in firsts if len(g) > 1 for i in g]
        hashes = self._cached(twins)
        # Small files are read whole at once: a partial pass would open them twice.
        small = [i for i in twins if tree.size[i] <= SMALL and i not in hashes]
        big = [i for i in twins if tree.size[i] > SMALL and i not in hashes]
        fresh = self._small_hashes(small)
        # A big file the cache knows counts as a partial match of its twins: it is compared
        # by its full hash, so they need theirs.
        partial = {i: _partial_hash(self.folder, tree.rel[i], tree.size[i]) for i in big}
        known_sizes = {tree.size[i] for i in hashes if tree.size[i] > SMALL}
        pending = [i for group in _group(((tree.size[i], partial[i]), i) for i in big
                                         if partial[i] is not None) for i in group]
        pending += [i for i in big if tree.size[i] in known_sizes and i not in pending]
        full = self._map(lambda i: _full_hash(self.folder, tree.rel[i]), pending)
        fresh.update((i, h) for i, h in full.items() if h is not None)
        self._remember(fresh)
        hashes.update(fresh)
        self.hashed_bytes += sum(tree.size[i] for i in small) + sum(tree.size[i] for i in pending)
        self.hashed_bytes += 2 * PARTIAL * len(big)
        return hashes

    def _cached(self, indexes: list[int]) -> dict[int, bytes]:
        if self.cache is None:
            return {}
        found = {}
        for i in indexes:
            digest = self.cache.cached(self.tree.rel[i], self.tree.key(i))
            if digest is not None:
                found[i] = digest
        return found

    def _remember(self, hashes: dict[int, bytes]) -> None:
        if self.cache is not None:
            for i, digest in hashes.items():
                self.cache.remember(self.tree.rel[i], self.tree.key(i), digest)

    def _small_hashes(self, small: list[int]) -> dict[int, bytes]:
        """Whole-file hashes of small files, in one batch per thread (not one task per file:
        per-task overhead would eat the gain of overlapping the open/read syscalls)."""
        folder, rel, size = self.folder, self.tree.rel, self.tree.size

        def batch(indexes: list[int]) -> dict[int, bytes]:
            return {i: h for i in indexes if (h := _small_hash(folder, rel[i], size[i]))}

        if self.threads <= 1 or len(small) < 1024:
            return batch(small)
        slices = [small[n::self.threads] for n in range(self.threads)]
        if len(small) >= _FORK_SMALL and sys.platform.startswith("linux"):
            # Per-file Python work (open, read, hash, dict) holds the GIL: forked workers
            # run it on every core; a digest is all that comes back.
            jobs = [[(i, rel[i], size[i]) for i in part] for part in slices]
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=self.threads, mp_context=context,
                                     initializer=_start_hashing_worker,
                                     initargs=(os.getpid(),)) as workers:
                with CtrlCHeld():  # the workers are forked here: none starts with our handler
                    parts = workers.map(_hash_small_batch, [folder] * len(jobs), jobs)
                return {i: h for part in parts for i, h in part}
        with ThreadPoolExecutor(max_workers=self.threads) as threads:
            return {i: h for part in threads.map(batch, slices) for i, h in part.items()}

    def alias_hashes(self, hashes: dict[int, bytes]) -> dict[int, bytes]:
        """Second names of a hard-linked inode get that inode's hash (for folder hashes)."""
        tree = self.tree
        by_inode = {tree.inode[i]: h for i, h in hashes.items()}
        return {i: by_inode[tree.inode[i]] for i in range(len(tree.rel))
                if tree.alias[i] and tree.inode[i] in by_inode}

    def _map(
        self, job: Callable[[int], bytes | None], indexes: list[int]
    ) -> dict[int, bytes | None]:
        # Threads pay off for big reads only; many small tasks lose to the GIL (measured).
        if self.threads <= 1 or len(indexes) < 8:
            return {i: job(i) for i in indexes}
        # Biggest first, so one huge file does not finish last on an idle pool.
        ordered = sorted(indexes, key=lambda i: -self.tree.size[i])
        with ThreadPoolExecutor(max_workers=self.threads) as pool:
            return dict(zip(ordered, pool.map(job, ordered), strict=True))


def _one_per_inode(group: list[int], tree: _Tree) -> list[int]:
    seen: set[tuple[int, int]] = set()
    kept = []
    for index in group:
        if tree.inode[index] not in seen:
            seen.add(tree.inode[index])
            kept.append(index)
    return kept


# ------------------------------------------------------------------------- grouping
def _file_groups(tree: _Tree, hashes: dict[int, bytes]) -> list[DuplicateFiles]:
    groups = []
    for members in _group(((tree.size[i], h), i) for i, h in hashes.items()):
        ordered = sorted(members, key=lambda i: tree.rel[i])
        groups.append(DuplicateFiles(
            tree.size[ordered[0]],
            tuple(tree.rel[i] for i in ordered),
            tuple(tree.mtime[i] for i in ordered),
            tree.disk[ordered[0]],
        ))
    groups.sort(key=lambda g: (-g.wasted, g.paths))
    return groups


def _merkle(tree: _Tree, hashes: dict[int, bytes]) -> None:
    """Each folder's digest from its entries, children first (they were appended later)."""
    for node in reversed(tree.dirs):
        node.size = sum(tree.size[i] for i in node.files)
        node.disk = sum(tree.disk[i] for i in node.files)
        node.count = len(node.files)
        node.newest = max((tree.mtime[i] for i in node.files), default=0.0)
        leaves: list[bytes] = []
        eligible = node.eligible
        for i in node.files:
            content = _EMPTY if tree.size[i] == 0 else hashes.get(i)
            if content is None:
                eligible = False  # a file with no twin anywhere: this folder has no copy
                break
            leaves.append(b"f" + os.fsencode(tree.name[i]) + b"\0" + content)
        for child_index in node.subdirs:
            child = tree.dirs[child_index]
            node.size += child.size
            node.disk += child.disk
            node.dirs += child.dirs
            node.count += child.count
            node.newest = max(node.newest, child.newest)
            if child.digest is None:
                eligible = False
            else:
                name = child.rel.rsplit("/", 1)[-1]
                leaves.append(b"d" + os.fsencode(name) + b"\0" + child.digest)
        leaves += [b"l" + os.fsencode(n) + b"\0" + os.fsencode(t) for n, t in node.links]
        if eligible:
            leaves.sort()
            node.digest = hashlib.sha256(b"\n".join(leaves)).digest()


def _subtree_inodes(tree: _Tree, index: int) -> frozenset[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    pending = [index]
    while pending:
        node = tree.dirs[pending.pop()]
        found.update(tree.inode[i] for i in node.files)
        pending.extend(node.subdirs)
    return frozenset(found)


def _distinct_storage(tree: _Tree, members: list[int]) -> list[int]:
    """One member per set of inodes: a `cp -al` mirror shares its storage, it is no copy."""
    seen: set[frozenset[tuple[int, int]]] = set()
    kept = []
    for index in members:
        inodes = _subtree_inodes(tree, index)
        if inodes not in seen:
            seen.add(inodes)
            kept.append(index)
    return kept


def _folder_groups(tree: _Tree) -> tuple[list[DuplicateFolders], list[tuple[str, ...]]]:
    """(highest-level groups of copies, every group of copies)."""
    candidates = ((node.digest, index) for index, node in enumerate(tree.dirs)
                  if node.digest is not None and node.count > 0 and index != 0)
    groups = [sorted(g, key=lambda i: tree.dirs[i].rel) for g in _group(candidates)]
    groups = [g for g in (_distinct_storage(tree, g) for g in groups) if len(g) > 1]
    every = [tuple(tree.dirs[i].rel for i in g) for g in groups]
    index = CopyIndex(every)
    found = []
    for members, paths in zip(groups, every, strict=True):
        if index.explains(paths):
            continue  # the same subfolder inside copies of a bigger folder
        first = tree.dirs[members[0]]
        found.append(DuplicateFolders(
            first.size, first.count, paths, tuple(tree.dirs[i].newest for i in members),
            first.disk, first.dirs,
        ))
    found.sort(key=lambda g: (-g.size * (len(g.paths) - 1), g.paths))
    return found, every


def find_duplicates(root: str, skip: SkipFn | None = None, threads: int = 2,
                    cross_filesystems: bool = False, cache: HashCache | None = None,
                    starts: Sequence[str] | None = None) -> Duplicates:
    """Identical files and highest-level identical folders under `root` (only inside the
    folders `starts`, when given: the candidates a size prefilter chose)."""
    tree = _scan(root, skip, cross_filesystems, starts)
    folder = open_root(root)
    try:
        hasher = _Hasher(folder, tree, threads, cache=cache)
        hashes = hasher.content_hashes()
    finally:
        os.close(folder)
    _merkle(tree, {**hashes, **hasher.alias_hashes(hashes)})
    folders, every = _folder_groups(tree)
    return Duplicates(
        files=tuple(_file_groups(tree, hashes)),
        folders=tuple(folders),
        scanned_files=len(tree.rel),
        hashed_bytes=hasher.hashed_bytes,
        all_folders=tuple(every),
    )


def duplicate_big_files(root: str, files: Iterable[tuple[str, int]],
                        cache: HashCache | None = None) -> Duplicates:
    """Identical files among `files` (relative path, size), the walk's big files: no walk of
    its own, and only files that share a size with another one are read (or none, when the
    cache knows their hashes).

    This is the default scan's check of files; folders are checked by find_duplicates over
    the candidates a size prefilter chose.
    """
    by_size: dict[int, list[str]] = {}
    for rel, size in files:
        if size > 0:
            by_size.setdefault(size, []).append(rel)
    groups: list[DuplicateFiles] = []
    hashed = 0
    folder = open_root(root)
    try:
        for size, rels in sorted(by_size.items()):
            if len(rels) < 2:
                continue
            for same in _same_content(root, folder, rels, size, cache):
                groups.append(_file_group(root, same, size))
            hashed += size * len(rels)
    finally:
        os.close(folder)
    return Duplicates(files=tuple(groups), folders=(), scanned_files=0, hashed_bytes=hashed)


def _same_content(root: str, folder: int, rels: list[str], size: int,
                  cache: HashCache | None = None) -> list[list[str]]:
    """Partial hash first, full hash only for those that still agree; a full hash the cache
    holds saves both."""
    keys = {rel: _stat_key(os.path.join(root, rel)) for rel in rels} if cache else {}
    known: dict[str, bytes] = {}
    if cache is not None:
        for rel, key in keys.items():
            digest = cache.cached(rel, key) if key is not None else None
            if digest is not None:
                known[rel] = digest
    if len(known) == len(rels):
        return _groups_by(rels, known.get)

    def full(rel: str) -> bytes | None:
        if rel in known:
            return known[rel]
        digest = _full_hash(folder, rel)
        key = keys.get(rel)
        if digest is not None and cache is not None and key is not None:
            cache.remember(rel, key, digest)
        return digest

    def partial(rel: str) -> bytes | None:
        if known:  # compared by full hash: the known ones have nothing else
            return full(rel)
        if size > SMALL:
            return _partial_hash(folder, rel, size)
        digest = _small_hash(folder, rel, size)  # the whole file: a full hash, worth keeping
        key = keys.get(rel)
        if digest is not None and cache is not None and key is not None:
            cache.remember(rel, key, digest)
        return digest

    result: list[list[str]] = []
    for candidates in _groups_by(rels, partial):
        if size <= SMALL or known:
            result.append(candidates)
            continue
        result += _groups_by(candidates, full)
    return result


def _stat_key(path: str) -> StatKey | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return stat_key(st) if stat.S_ISREG(st.st_mode) else None


def _groups_by(rels: list[str], key: Callable[[str], bytes | None]) -> list[list[str]]:
    by_key: dict[bytes, list[str]] = {}
    for rel in rels:
        digest = key(rel)
        if digest is not None:
            by_key.setdefault(digest, []).append(rel)
    return [sorted(group) for group in by_key.values() if len(group) > 1]


def _file_group(root: str, rels: list[str], size: int) -> DuplicateFiles:
    mtimes, disk = [], 0
    for rel in rels:
        try:
            st = os.lstat(os.path.join(root, rel))
        except OSError:
            mtimes.append(0.0)
            continue
        mtimes.append(st.st_mtime)
        disk = st.st_blocks * 512
    return DuplicateFiles(size, tuple(rels), tuple(mtimes), disk)


def catalogued_folder(catalog: Catalog, root: str, rel: str) -> bool:
    """A catalogued folder of any tier (a venv too): the name first, listings only then."""
    name = rel.rsplit("/", 1)[-1]
    if not catalog.dir_candidates(name):
        return False
    path = os.path.join(root, rel)
    try:
        inside = set(os.listdir(path))
        siblings = set(os.listdir(os.path.dirname(path)))
    except OSError:
        return False
    return catalog.classify_dir(path, name, siblings, inside) is not None
