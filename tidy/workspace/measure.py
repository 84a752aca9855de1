"""Summing subtrees like `du -sb` / `du -sB1`, inline or on worker processes.

Python spends about as long on one `lstat` result as the kernel spends making it, so a
single process cannot keep up with `du`. Artifact folders are therefore split into jobs of
a few subfolders each and measured by forked workers while the main process goes on
exploring. Hard-linked files cannot be de-duplicated inside one worker, so workers hand
them back as records and the main process counts each inode once per finding (what `du`
prints for that path) and once per scan.

The loop below a folder runs in C where tidy/workspace/_fastmeasure.c was built (an install
with a C compiler; the figures and records are the same, it only costs less per entry);
`TIDY_PURE_PYTHON=1` or a missing module runs the same loop in Python.
"""

from __future__ import annotations

import collections
import errno
import os
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Protocol

from tidy.core.catalog import VCS_MARKERS
from tidy.core.models import Size, Skipped

if TYPE_CHECKING:
    from tidy.workspace._fastmeasure import Raw

_S_IFMT, _S_IFDIR, _S_IFREG = 0o170000, stat.S_IFDIR, stat.S_IFREG


class EntryStat(Protocol):
    """What the walk reads of an entry's lstat: an os.stat_result, or the C loop's leaner
    answer (_fastmeasure.Stat, the same fields with the same values)."""

    @property
    def st_mode(self) -> int: ...
    @property
    def st_ino(self) -> int: ...
    @property
    def st_dev(self) -> int: ...
    @property
    def st_nlink(self) -> int: ...
    @property
    def st_size(self) -> int: ...
    @property
    def st_blocks(self) -> int: ...
    @property
    def st_mtime(self) -> float: ...
    @property
    def st_mtime_ns(self) -> int: ...
    @property
    def st_ctime_ns(self) -> int: ...


@dataclass(frozen=True)
class Link:
    """A non-directory entry with more than one name: counted by whoever sees its inode first."""

    dev: int
    ino: int
    size: int
    blocks: int
    mtime: float
    regular: bool
    surface_dir: str | None  # the folder whose search surface it adds to, None when hidden
    # Its number of names: when fewer are inside a finding, deleting the finding frees
    # nothing of it (a pnpm or uv store holds the other name).
    nlink: int


@dataclass
class Measured:
    """The sums of a measured folder, as `du` counts them, and its search surface per folder."""

    apparent: int = 0
    blocks: int = 0
    files: int = 0
    dirs: int = 0
    newest: float = 0.0
    surface: dict[str, list[int]] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    gitignore_dirs: list[str] = field(default_factory=list)  # folders holding a .gitignore
    # Checkouts inside (a `.git` folder or file, `.hg`, ...): where work may exist nowhere else.
    vcs_markers: list[str] = field(default_factory=list)
    entries: int = 0

    def absorb(self, other: Measured) -> None:
        self.apparent += other.apparent
        self.blocks += other.blocks
        self.files += other.files
        self.dirs += other.dirs
        self.newest = max(self.newest, other.newest)
        self.surface.update(other.surface)
        self.skipped.extend(other.skipped)
        self.links.extend(other.links)
        self.gitignore_dirs.extend(other.gitignore_dirs)
        self.vcs_markers.extend(other.vcs_markers)
        self.entries += other.entries


Root = tuple[str, str, bool]  # (absolute path, relative path, hidden)

# Folders are not descended below this level, a level being a '/' of the relative path (so
# the same folders whatever level the walk handed a subtree over at): the C loop holds a
# descriptor per level, and both loops give the same answer, the folder skipped as
# TOO_DEEP (tests/workspace/test_fastmeasure.py). Real trees stop far above it.
MAX_DEPTH = 1000
TOO_DEEP = "nested too deep to measure"


def measure_roots(roots: Iterable[Root], device: int, cross: bool) -> Measured:
    """Measure everything below each root folder (the roots' own entries were counted already)."""
    if _native is not None:
        return _from_native(_native(list(roots), device, cross))
    return measure_roots_in_python(roots, device, cross)


def measure_roots_in_python(roots: Iterable[Root], device: int, cross: bool) -> Measured:
    """measure_roots without the C loop: the fallback, and what tests hold the C loop to."""
    out = Measured()
    _measure_pending(out, list(roots), device, cross)
    return out


def _load_native() -> Callable[[list[Root], int, bool], Raw] | None:
    """The C measuring loop, or None where it was not built or is turned off. A build whose
    marker names differ from the catalogue's (older than this source) is not used."""
    if os.environ.get("TIDY_PURE_PYTHON"):
        return None
    try:
        from tidy.workspace import _fastmeasure
    except ImportError:
        return None
    agrees = (_fastmeasure.markers() == VCS_MARKERS
              and getattr(_fastmeasure, "max_depth", lambda: None)() == MAX_DEPTH
              and getattr(_fastmeasure, "link_fields", lambda: None)() == len(fields(Link)))
    return _fastmeasure.measure if agrees else None


_native = _load_native()


# glibc malloc's thresholds for a process that ends with its command (keep_freed_memory):
# blocks under 8 MB from the heap, up to 64 MB freed at its top kept. A scan's big buffers
# (git's listings, the cache file, pickled replies) are a few MB each.
_HEAP_BLOCKS_UNDER = 8 << 20
_HEAP_KEPT_UP_TO = 64 << 20


def keep_freed_memory() -> bool:
    """For a command that ends with its process (`tidy scan`): big buffers from malloc's heap
    and freed memory kept, so each new buffer reuses pages already touched instead of a fresh
    mapping faulted in page by page (250k bench tree, walk-only: ~1,600 of a scan's ~27,000
    minor faults; the pool's workers inherit it with the fork). Not for `tidy watch` or any
    process that lives on: what it frees stays its own. False where the C module is not used
    or malloc is not glibc's: nothing changes."""
    if _native is None:
        return False
    from tidy.workspace import _fastmeasure

    return _fastmeasure.keep_freed_memory(_HEAP_BLOCKS_UNDER, _HEAP_KEPT_UP_TO)


def _load_native_lstat() -> Callable[[int, list[str]], Sequence[EntryStat | int]] | None:
    """The C loop's lstat of a folder's entries, under the same conditions as its measuring."""
    if _native is None:
        return None
    from tidy.workspace import _fastmeasure

    return _fastmeasure.lstat_names


_native_lstat = _load_native_lstat()


def lstat_entries(fd: int, entries: list[os.DirEntry[str]]) -> Sequence[EntryStat | int]:
    """Each entry of one listing lstat'ed (never through a link), in order; an entry that
    cannot be is its errno. Relative to `fd`, the listed folder's descriptor, when there is
    one (>= 0); in C where it was built: one call a folder, and an answer that costs less to
    build than an os.stat_result (250k bench tree, 47,000 entries explored: 3.4 -> 2.8 us an
    entry)."""
    if fd >= 0 and _native_lstat is not None:
        return _native_lstat(fd, [entry.name for entry in entries])
    return lstat_entries_in_python(fd, entries)


def lstat_entries_in_python(fd: int, entries: list[os.DirEntry[str]]) -> list[EntryStat | int]:
    """lstat_entries without the C loop: the fallback, and what tests hold the C loop to."""
    out: list[EntryStat | int] = []
    for entry in entries:
        try:
            out.append(os.lstat(entry.name, dir_fd=fd) if fd >= 0
                       else entry.stat(follow_symlinks=False))
        except OSError as error:
            out.append(error.errno or 0)
    return out


def lstat_listed(fd: int, path: str, names: list[str]) -> Sequence[EntryStat | int]:
    """lstat_entries for a listing of names (list_folder's): each name lstat'ed relative to
    `fd`, the listed folder's descriptor, or by `path`/name where there is none (-1)."""
    if fd >= 0 and _native_lstat is not None:
        return _native_lstat(fd, names)
    out: list[EntryStat | int] = []
    for name in names:
        try:
            out.append(os.lstat(name, dir_fd=fd) if fd >= 0 else os.lstat(f"{path}/{name}"))
        except OSError as error:
            out.append(error.errno or 0)
    return out


def _load_native_list() -> Callable[[int], list[str]] | None:
    if _native is None:
        return None
    from tidy.workspace import _fastmeasure

    return getattr(_fastmeasure, "list_names", None)


_native_list = _load_native_list()


def list_names(fd: int) -> list[str]:
    """The names in the folder open as `fd` (just opened: read from its start), `.` and `..`
    left out, in the kernel's order: os.listdir(fd)'s answer. In C where it was built
    (getdents64 into one buffer, no dup or fdopendir). Raises OSError."""
    if _native_list is not None:
        return _native_list(fd)
    return os.listdir(fd)


def open_listed(parent_fd: int, name: str, path: str,
                follow: bool = False) -> tuple[int, list[str]]:
    """The folder `name` opened relative to its parent's descriptor `parent_fd` (by `path`
    where that is -1 or the platform has no *at calls), never through a link
    (O_NOFOLLOW | O_DIRECTORY; `follow`: the walk's root, a link given as the root is
    followed, as os.scandir did), and listed: (its descriptor, its names). The caller closes
    the descriptor; -1 where the platform cannot open folders (listed by path then). Raises
    OSError, the descriptor closed."""
    if not _SCANDIR_FD:
        return -1, os.listdir(path)
    flags = _DIR_FLAGS & ~os.O_NOFOLLOW if follow else _DIR_FLAGS
    fd = (os.open(name, flags, dir_fd=parent_fd) if parent_fd >= 0
          else os.open(path, flags))
    try:
        return fd, list_names(fd)
    except BaseException:
        os.close(fd)
        raise


# (files, apparent, blocks, newest, visible files, visible bytes, [(index, lstat or errno)])
Summed = tuple[int, int, int, int, int, int, list[tuple[int, EntryStat | int]]]
FileNames = tuple[frozenset[str], tuple[str, ...], tuple[str, ...], bool]


def lstat_sum(fd: int, names: list[str], hidden: bool, big: int, kinds: FileNames,
              programs: bool) -> Summed:
    """One folder's entries (`names`, relative to its open descriptor `fd`) lstat'ed, the
    plain ones summed and the others handed back: what the walk's loop does for a regular
    file with one name under `big` bytes that no catalogued kind can be (`kinds`:
    Catalog.file_names) and, with `programs`, no execute bit (files, apparent bytes, blocks,
    newest mtime kept as `if mtime > newest: newest = int(mtime)`, and the files and bytes
    of those not hidden: `hidden` false and no leading dot), and for any other non-folder
    with one name (its size). Every other entry (a folder, one with several names, a file
    the catalogue or the size must be asked about, one that cannot be looked up: its errno)
    comes back as (index, lstat), in order. In C where it was built (250k bench tree: the
    explorer's Python per plain file gone)."""
    if _native_sum is not None:
        return _native_sum(fd, names, hidden, big, *kinds, programs)
    return lstat_sum_in_python(fd, names, hidden, big, kinds, programs)


def lstat_sum_in_python(fd: int, names: list[str], hidden: bool, big: int, kinds: FileNames,
                        programs: bool) -> Summed:
    """lstat_sum without the C loop: the fallback, and what tests hold the C loop to."""
    exact, starts, ends, any_file = kinds
    files = apparent = blocks = newest = visible = visible_bytes = 0
    special: list[tuple[int, EntryStat | int]] = []
    for index, name in enumerate(names):
        try:
            st = os.lstat(name, dir_fd=fd)
        except OSError as error:
            special.append((index, error.errno or 0))
            continue
        mode = st.st_mode
        if _S_IFMT & mode == _S_IFDIR or st.st_nlink > 1:
            special.append((index, st))
            continue
        if _S_IFMT & mode != _S_IFREG:
            apparent += st.st_size
            blocks += st.st_blocks
            continue
        if (st.st_size >= big or (programs and mode & 0o111) or any_file or name in exact
                or name.startswith(starts) or name.endswith(ends)):
            special.append((index, st))
            continue
        files += 1
        apparent += st.st_size
        blocks += st.st_blocks
        if st.st_mtime > newest:
            newest = int(st.st_mtime)
        if not hidden and not name.startswith("."):
            visible += 1
            visible_bytes += st.st_size
    return files, apparent, blocks, newest, visible, visible_bytes, special


def lstat_paths(fd: int, paths: list[str]) -> Sequence[EntryStat | int]:
    """Each of `paths`, relative to the open folder `fd`, lstat'ed (its last component never
    followed: `os.stat(path, dir_fd=fd, follow_symlinks=False)`), in order; one that cannot be
    is its errno. In C where it was built: one call for a repo's tracked files (the content
    cache's check of every file's stat on a warm scan), no os.stat_result built for each.
    ValueError for a path with a NUL byte, as os.stat raises it."""
    if _native_lstat is not None:
        return _native_lstat(fd, paths)
    return lstat_paths_in_python(fd, paths)


def lstat_paths_in_python(fd: int, paths: list[str]) -> list[EntryStat | int]:
    """lstat_paths without the C loop: the fallback, and what tests hold the C loop to. A
    path with folders is looked up relative to its folder, opened below `fd` with no link
    followed at any level (open_beneath, once for a run of paths in the same folder): a
    folder swapped for a link since the walk gives an errno, never an outside file's stat."""
    out: list[EntryStat | int] = []
    folder: str | None = None
    folder_fd, folder_err = -1, 0
    try:
        for path in paths:
            head, slash, name = path.rpartition("/")
            if slash and head != folder:
                if folder_fd >= 0:
                    os.close(folder_fd)
                folder, folder_fd, folder_err = head, -1, 0
                try:
                    folder_fd = _open_folder_beneath(fd, head)
                except OSError as error:
                    folder_err = error.errno or 0
            if slash and folder_fd < 0:
                out.append(folder_err)
                continue
            try:
                out.append(os.stat(name if slash else path, dir_fd=folder_fd if slash else fd,
                                   follow_symlinks=False))
            except OSError as error:
                out.append(error.errno or 0)
    finally:
        if folder_fd >= 0:
            os.close(folder_fd)
    return out


def _open_folder_beneath(fd: int, folder: str) -> int:
    if not folder:  # "/name": no folder of that name below the root
        raise OSError(errno.ENOENT, os.strerror(errno.ENOENT), folder)
    opener = native_open_beneath() or open_beneath_py
    return opener(fd, folder, getattr(os, "O_PATH", os.O_RDONLY) | os.O_DIRECTORY | os.O_CLOEXEC)


def lstat_changed(fd: int, paths: list[str], keys: Sequence[tuple[int, int, int, int, int]],
                  below: int) -> Sequence[EntryStat | int | None]:
    """lstat_paths for a cache's check: None for a path that is a regular file under `below`
    bytes whose (st_dev, st_ino, st_size, st_mtime_ns, st_ctime_ns) is its key (integers),
    else its lstat (or errno). In C where it was built: no answer made for an unchanged file
    (a warm scan: nearly all of a repo's files; 250k bench tree, 21,700 files: the check's
    Python ~23 -> ~10 ms). ValueError for a path with a NUL byte, or a key missing."""
    if _native_changed is not None:
        return _native_changed(fd, paths, keys, below)
    return lstat_changed_in_python(fd, paths, keys, below)


def lstat_changed_in_python(fd: int, paths: list[str],
                            keys: Sequence[tuple[int, int, int, int, int]],
                            below: int) -> list[EntryStat | int | None]:
    """lstat_changed without the C loop: the fallback, and what tests hold the C loop to."""
    out: list[EntryStat | int | None] = []
    for st, key in zip(lstat_paths_in_python(fd, paths), keys, strict=True):
        same = (not isinstance(st, int) and _S_IFMT & st.st_mode == _S_IFREG
                and st.st_size < below
                and (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns) == key)
        out.append(None if same else st)
    return out


def _load_native_changed() -> Callable[
        [int, list[str], Sequence[tuple[int, int, int, int, int]], int],
        Sequence[EntryStat | int | None]] | None:
    if _native is None:
        return None
    from tidy.workspace import _fastmeasure

    return getattr(_fastmeasure, "lstat_changed", None)


_native_changed = _load_native_changed()


def _load_native_sum() -> Callable[..., Summed] | None:
    if _native is None:
        return None
    from tidy.workspace import _fastmeasure

    return getattr(_fastmeasure, "lstat_sum", None)


_native_sum = _load_native_sum()


def native_death_signal() -> Callable[[int], None] | None:
    """The C module's set_death_signal (tidy.core.processes.set_death_signal's twin, without
    its ctypes import), where it was built and is used; None otherwise."""
    if _native is None:
        return None
    from tidy.workspace import _fastmeasure

    return getattr(_fastmeasure, "set_death_signal", None)


def native_open_beneath() -> Callable[[int, str, int], int] | None:
    """The C module's open_beneath (tidy.workspace.beneath's), where it was built and is used;
    None otherwise."""
    if _native is None:
        return None
    from tidy.workspace import _fastmeasure

    return getattr(_fastmeasure, "open_beneath", None)


def _load_native_folder_counts() -> Callable[[list[str]], dict[str, int]] | None:
    if _native is None:
        return None
    from tidy.workspace import _fastmeasure

    return getattr(_fastmeasure, "folder_counts", None)


_native_folder_counts = _load_native_folder_counts()


def folder_counts(paths: list[str]) -> Mapping[str, int]:
    """How many of `paths` lie right in each folder (a path's part before its last '/', ""
    for none): in C where it was built (a folder made once per run of paths in it, not two
    strings and a tuple per path: the vendored rule counts 21,700 searched files of the 250k
    bench tree on every warm scan), else folder_counts_in_python."""
    if _native_folder_counts is not None:
        return _native_folder_counts(paths)
    return folder_counts_in_python(paths)


def folder_counts_in_python(paths: Iterable[str]) -> Mapping[str, int]:
    """folder_counts without C: the fallback, and what tests hold the C loop to."""
    return collections.Counter(path.rpartition("/")[0] for path in paths)


_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def open_beneath_py(folder: int, rel: str, flags: int) -> int:
    """open_beneath (tidy.workspace.beneath) in Python: the folders of `rel` opened one by
    one from `folder`, none followed, then its last part with O_NOFOLLOW. Raises OSError
    (EXDEV for a path that is absolute or has a ".." part, ELOOP for a link at any level)."""
    if not _inside(rel):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), rel)
    *folders, name = rel.split("/")
    current = folder
    try:
        for part in folders:
            if part in ("", "."):
                continue
            below = os.open(part, _DIR_FLAGS, dir_fd=current)
            if current != folder:
                os.close(current)
            current = below
        # "lib/" is the folder itself, as openat2 takes it.
        return os.open(name or ".", flags | os.O_NOFOLLOW, dir_fd=current)
    finally:
        if current != folder:
            os.close(current)


def _inside(rel: str) -> bool:
    return bool(rel) and not rel.startswith("/") and ".." not in rel.split("/")


def errno_reason(err: int) -> str:
    """reason() for an errno lstat_entries gave."""
    return reason(OSError(err, os.strerror(err)))

# Folders the C loop could not measure: its stand-ins for an errno, in words.
_NATIVE_REASONS = {-1: "another filesystem", -2: TOO_DEEP}


def _from_native(raw: Raw) -> Measured:
    (apparent, blocks, files, dirs, entries, newest, surface_rows, skipped, links,
     gitignore_dirs, vcs_markers) = raw
    out = Measured(apparent, blocks, files, dirs, newest, entries=entries,
                   gitignore_dirs=gitignore_dirs, vcs_markers=vcs_markers)
    for rel, count, size in surface_rows:
        add_surface(out.surface, rel, count, size)
    out.skipped = [Skipped(rel, _NATIVE_REASONS.get(err) or reason(OSError(err, os.strerror(err))))
                   for rel, err in skipped]
    out.links = [Link(*row) for row in links]
    return out


def count_dir(out: Measured, st: EntryStat) -> None:
    """Count a folder's own entry (the top of a finding, which no parent listing counted)."""
    out.apparent += st.st_size
    out.blocks += st.st_blocks
    out.dirs += 1
    if st.st_mtime > out.newest:
        out.newest = st.st_mtime


def measure_entries(
    names: list[str], fd: int, path: str, rel: str, hidden: bool, device: int, cross: bool,
) -> tuple[Measured, list[Root]]:
    """Count the non-folder entries of one listing of `path` (`names`, its folder open as `fd`,
    which the caller closes; -1: looked up by path); hand its subfolders back. The entries
    are looked up relative to the folder (lstat_listed: one C call where it was built; the top
    of each artifact of the 250k bench tree, 7,500 entries, cost ~33 ms of DirEntry.stat by
    path), through the descriptor the walk listed it with, not a second open."""
    out = Measured()
    roots: list[Root] = []
    _count_stats(out, names, lstat_listed(fd, path, names), path, rel, hidden, device, cross,
                 roots)
    return out, roots


def _measure_pending(out: Measured, pending: list[Root], device: int, cross: bool) -> None:
    while pending:
        path, rel, hidden = pending.pop()
        try:
            fd = open_folder(path)
        except OSError as error:
            out.skipped.append(Skipped(rel, reason(error)))
            continue
        _measure_below(out, fd, (path, rel, hidden), device, cross)


# A folder is opened once and its entries are looked up relative to it (fstatat), so the
# kernel resolves one name per entry, not the whole path: as `du` does. Never through a link.
_DIR_FLAGS = (os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
              | getattr(os, "O_CLOEXEC", 0))
_SCANDIR_FD = os.scandir in os.supports_fd and os.stat in os.supports_dir_fd


def open_folder(path: str) -> int:
    """A descriptor of the folder `path` to look its entries up through; -1 where the
    platform cannot (entries are then looked up by path). Raises OSError."""
    return os.open(path, _DIR_FLAGS) if _SCANDIR_FD else -1


def _measure_below(out: Measured, fd: int, root: Root, device: int, cross: bool) -> None:
    """Count the folder `root` (open as `fd`, which this closes) and everything below it, each
    subfolder opened by its name relative to its parent's descriptor, as the C loop does: a
    path longer than PATH_MAX (4,096 bytes) is never handed to the kernel, so both loops
    reach the same folders (trust round 9: by path, this loop skipped them as `File name too
    long`). Depth first; a descriptor is held per level with subfolders still to count."""
    stack: list[tuple[int, list[Root]]] = [(fd, [])]
    current: Root | None = root
    try:
        while current is not None:
            subdirs: list[Root] = []
            _count_folder(out, stack[-1][0], current, device, cross, subdirs)
            stack[-1] = (stack[-1][0], subdirs)
            current = _next_folder(out, stack)
    finally:  # Ctrl-C mid-walk: the descriptors still held
        for held, _rest in stack:
            if held >= 0:
                os.close(held)


def _next_folder(out: Measured, stack: list[tuple[int, list[Root]]]) -> Root | None:
    """The next subfolder to count, opened relative to its parent's descriptor and pushed on
    `stack`; the descriptors of folders with nothing left below them closed on the way."""
    while stack:
        parent_fd, rest = stack[-1]
        if not rest:
            stack.pop()
            if parent_fd >= 0:
                os.close(parent_fd)
            continue
        sub = rest.pop()
        path, rel, _hidden = sub
        try:
            fd = (os.open(path.rpartition("/")[2], _DIR_FLAGS, dir_fd=parent_fd)
                  if parent_fd >= 0 else open_folder(path))
        except OSError as error:
            out.skipped.append(Skipped(rel, reason(error)))
            continue
        if not rest:  # its last subfolder: the parent is done with (a chain holds two)
            stack.pop()
            if parent_fd >= 0:
                os.close(parent_fd)
        stack.append((fd, []))
        return sub
    return None


def _count_opened(out: Measured, root: Root, device: int, cross: bool,
                  subdirs: list[Root]) -> None:
    """_count_folder of the folder at root's path (a subtree the walk handed over), opened
    for it and closed again."""
    try:
        fd = open_folder(root[0])
    except OSError as error:
        out.skipped.append(Skipped(root[1], reason(error)))
        return
    try:
        _count_folder(out, fd, root, device, cross, subdirs)
    finally:
        if fd >= 0:
            os.close(fd)


def _count_folder(out: Measured, fd: int, root: Root, device: int, cross: bool,
                  subdirs: list[Root]) -> None:
    """List one open folder (by its path where fd is -1) and count its entries; its
    subfolders go to `subdirs`."""
    path, rel, hidden = root
    try:
        with os.scandir(fd if fd >= 0 else path) as it:
            entries = list(it)
        # While the folder is open: its entries' stat() go through the descriptor.
        _count_listing(out, entries, path, rel, hidden, device, cross, subdirs)
    except OSError as error:
        out.skipped.append(Skipped(rel, reason(error)))


def _count_listing(
    out: Measured,
    entries: Iterable[os.DirEntry[str]],
    path: str,
    rel: str,
    hidden: bool,
    device: int,
    cross: bool,
    subdirs: list[Root],
) -> None:
    """One lstat per entry (DirEntry.stat, through the open folder the listing came from),
    then _count_stats."""
    listing = list(entries)
    _count_stats(out, [entry.name for entry in listing], lstat_entries_in_python(-1, listing),
                 path, rel, hidden, device, cross, subdirs)


def _count_stats(
    out: Measured,
    names: list[str],
    stats: Sequence[EntryStat | int],
    path: str,
    rel: str,
    hidden: bool,
    device: int,
    cross: bool,
    subdirs: list[Root],
) -> None:
    """The hot loop over a listing and its entries' lstats, local sums, no allocation for
    plain files. A plain file (one name) takes the first branch; everything else the rarer
    ones."""
    apparent = blocks = files = dirs = visible_files = visible_bytes = count = 0
    newest = out.newest
    markers = VCS_MARKERS
    deepest = rel.count("/") >= MAX_DEPTH  # its subfolders are counted, not descended
    for name, st in zip(names, stats, strict=True):
        count += 1
        if isinstance(st, int):
            continue  # vanished while we looked: it no longer takes space
        kind = st.st_mode & _S_IFMT
        # Version-control markers are looked for in every branch. A visible plain file (most
        # entries) can only be Fossil's `_FOSSIL_` (the other undotted markers, `_darcs` and
        # `CVS`, are folders): one literal compare, where a set lookup would hash every name
        # (+1.5% CPU on the 250k bench tree, against +0.4% for the compare).
        if kind == _S_IFREG and st.st_nlink == 1:
            files += 1
            if name[0] != ".":
                if not hidden:
                    visible_files += 1
                    visible_bytes += st.st_size
                if name == "_FOSSIL_":
                    out.vcs_markers.append(f"{rel}/{name}")
            elif name == ".gitignore":  # git's ignored paths hinge on these
                out.gitignore_dirs.append(rel)
            elif name in markers:  # `.git` as a `gitdir:` file: a submodule, a worktree
                out.vcs_markers.append(f"{rel}/{name}")
        elif kind == _S_IFDIR:
            if name in markers:
                out.vcs_markers.append(f"{rel}/{name}")
            if st.st_dev != device and not cross:
                out.skipped.append(Skipped(f"{rel}/{name}", "another filesystem"))
                continue
            if deepest:
                out.skipped.append(Skipped(f"{rel}/{name}", TOO_DEEP))
            else:
                subdirs.append((f"{path}/{name}", f"{rel}/{name}", hidden or name[0] == "."))
            dirs += 1
        elif st.st_nlink > 1:
            if name == ".gitignore":
                out.gitignore_dirs.append(rel)
            elif name in markers:  # a hard-linked `gitdir:` file
                out.vcs_markers.append(f"{rel}/{name}")
            visible = not hidden and name[0] != "."
            out.links.append(Link(st.st_dev, st.st_ino, st.st_size, st.st_blocks, st.st_mtime,
                                  kind == _S_IFREG, rel if visible else None, st.st_nlink))
            continue
        elif name in markers:  # a symlink named `.git` (git follows it to the repository)
            out.vcs_markers.append(f"{rel}/{name}")
        apparent += st.st_size
        blocks += st.st_blocks
        if st.st_mtime > newest:
            newest = st.st_mtime
    out.apparent += apparent
    out.blocks += blocks
    out.files += files
    out.dirs += dirs
    out.newest = newest
    out.entries += count
    if visible_files:
        add_surface(out.surface, rel, visible_files, visible_bytes)


def add_surface(surface: dict[str, list[int]], rel: str, files: int, size: int) -> None:
    """Add to a folder's search surface: [files, bytes] that rg would list there."""
    slot = surface.setdefault(rel, [0, 0])
    slot[0] += files
    slot[1] += size


# split_roots goes down this many levels at most, past the second only along a chain of a
# folder or two: `.next` holds `cache/webpack/client-development/` and only then its 240
# folders (250k bench tree: 24,000 entries measured by one process alone, ~0.1 s).
_SPLIT_LEVELS = 6
_CHAIN = 2


def split_roots(
    roots: list[Root], out: Measured, device: int, cross: bool, want: int
) -> list[Root]:
    """Go down a level or two in the main process until there are enough subtrees to share;
    further along a chain of lone folders."""
    for level in range(_SPLIT_LEVELS):
        if len(roots) >= want or not roots or (level >= 2 and len(roots) > _CHAIN):
            break
        expanded: list[Root] = []
        for root in roots:
            _count_opened(out, root, device, cross, expanded)
        roots = expanded
    return roots


def shrinking_chunks(roots: list[Root], share: int, least: int, most: int) -> list[list[Root]]:
    """`roots` cut into jobs that shrink at the end (guided self-scheduling): each takes
    1/`share` of the roots left, none more than `most` nor fewer than `least`. Taken in order
    by every process, the last jobs are small, so the processes finish together."""
    out: list[list[Root]] = []
    start = 0
    while start < len(roots):
        size = max(least, min(most, (len(roots) - start) // share))
        out.append(roots[start:start + size])
        start += size
    return out


def reason(error: OSError) -> str:
    """A skipped path's reason, in words a user knows."""
    if isinstance(error, FileNotFoundError):
        return "vanished during the scan"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, NotADirectoryError):
        return "replaced by a file during the scan"
    return error.strerror or type(error).__name__


def files_size(root: str, paths: Iterable[str]) -> Size:
    """These files (relative to root) as `du` counts them, each lstat'ed; gone ones skipped."""
    apparent = disk = files = 0
    newest = 0.0
    for path in paths:
        try:
            st = os.lstat(os.path.join(root, path))
        except OSError:
            continue
        apparent += st.st_size
        disk += st.st_blocks * 512
        files += 1
        newest = max(newest, st.st_mtime)
    return Size(apparent, disk, files, 0, newest)


def regular_file_size(root: str, rel: str) -> int | None:
    """The size of root/rel when it is a regular file (lstat: a link is not followed)."""
    try:
        st = os.lstat(os.path.join(root, rel))
    except OSError:
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) else None



def folder_names(root: str, rel: str) -> list[str]:
    """The entry names of the folder `rel` below `root` ("" or "." for root itself); [] when
    it cannot be listed."""
    try:
        return os.listdir(os.path.join(root, rel) if rel not in ("", ".") else root)
    except OSError:
        return []
