"""Folder-descriptor operations: every move, copy and delete tidy makes, relative to folders
it opened itself, so no path is resolved twice and no link is ever followed.

A path is trusted once: its anchor (the scan root, the git dir, the state folder) is opened
with O_DIRECTORY|O_NOFOLLOW; every folder below it is opened one name at a time with
`os.open(name, O_DIRECTORY|O_NOFOLLOW, dir_fd=parent)`, and checked with fstat. A folder
swapped for a symlink after that fails to open (ELOOP) or, if swapped after it was opened,
no longer matters: the descriptor still names the folder that was checked, and rename,
unlink, rmdir, mkdir and stat all act on `dir_fd` + one name.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import shutil
import stat
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ctypes

    from tidy.workspace.inuse import Use

DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK


class Refused(Exception):
    """An operation tidy will not make, and why (a skip, never an internal error)."""

    def __init__(self, reason: str, attention: bool = True, link: bool = False,
                 use: Use | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.attention = attention
        self.link = link  # a symlink (or non-folder) where a folder must be
        self.use = use  # the live process that uses it, when that is the reason


def why(error: OSError) -> str:
    if error.strerror and error.filename:
        return f"{error.strerror}: {error.filename}"
    return error.strerror or str(error)


def open_dir(name: str, dir_fd: int | None = None) -> int:
    """Open a folder (never a link to one): `name` relative to `dir_fd`, or an anchor path."""
    return os.open(name, DIR_FLAGS, dir_fd=dir_fd)


def lstat_at(dir_fd: int, name: str) -> os.stat_result:
    return os.stat(name, dir_fd=dir_fd, follow_symlinks=False)


def exists_at(dir_fd: int, name: str) -> bool:
    try:
        lstat_at(dir_fd, name)
    except FileNotFoundError:
        return False
    return True


def same(st: os.stat_result, ident: tuple[int, int]) -> bool:
    return (st.st_dev, st.st_ino) == ident


@dataclass
class Chain:
    """Open descriptors of an anchor folder and of folders below it, one per level."""

    paths: list[str] = field(default_factory=list)
    fds: list[int] = field(default_factory=list)
    stats: list[os.stat_result] = field(default_factory=list)

    @property
    def fd(self) -> int:
        return self.fds[-1]

    @property
    def path(self) -> str:
        return self.paths[-1]

    def push(self, fd: int, path: str) -> os.stat_result:
        self.fds.append(fd)
        self.paths.append(path)
        st = os.fstat(fd)
        self.stats.append(st)
        return st

    def close(self) -> None:
        for fd in self.fds:
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.fds.clear()

    def release_ancestors(self) -> None:
        """Close every level but the last (their paths and stats stay, for messages): a
        batch of items held open until they move keeps two descriptors each, not a chain."""
        for level, fd in enumerate(self.fds[:-1]):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
                self.fds[level] = -1

    def __enter__(self) -> Chain:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_chain(anchor: str, parts: Sequence[str], expected: Sequence[tuple[int, int]] = (),
               make: int = 0, what: str = "a folder on the way",
               anchor_fd: int | None = None, private: bool = False) -> Chain:
    """Open `anchor` (or, with `anchor_fd`, a duplicate of that open folder, whose path is
    `anchor`), then each of `parts` below it, without following any link.

    `expected[i]` (where given) is the (st_dev, st_ino) level i must still have. With
    `make` (a mode), missing folders below the anchor are created. With `private` (tidy's
    trash), each folder below the anchor must be the user's own and writable by no one
    else: in a folder others may write, another user could have made it, or swapped it for
    theirs, and rename what tidy keeps there. Raises Refused."""
    chain = Chain()
    try:
        if anchor_fd is not None:
            chain.push(os.dup(anchor_fd), anchor)
        else:
            _open_level(chain, None, anchor, anchor, expected, 0, 0, what)
        for level, part in enumerate(parts, start=1):
            if not part or part in (".", "..") or "/" in part or "\0" in part:
                raise Refused(f"not a plain folder name: {part!r}")
            path = os.path.join(chain.path, part)
            _open_level(chain, chain.fd, part, path, expected, level, make, what)
            if private:
                _check_private(chain.stats[-1], path, what)
    except BaseException:
        chain.close()
        raise
    return chain


def _check_private(st: os.stat_result, path: str, what: str) -> None:
    if st.st_uid != os.geteuid():
        raise Refused(f"{what} belongs to another user (uid {st.st_uid}): {path}; tidy "
                      "neither keeps nor takes anything there")
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):  # a group is other users too
        who = "anyone" if st.st_mode & stat.S_IWOTH else "its group"
        raise Refused(f"{what} may be written by {who}: {path}; tidy neither keeps nor "
                      "takes anything there")


def _open_level(chain: Chain, dir_fd: int | None, name: str, path: str,
                expected: Sequence[tuple[int, int]], level: int, make: int, what: str) -> None:
    try:
        fd = open_dir(name, dir_fd)
    except FileNotFoundError:
        if not make:
            raise Refused(f"{what} is gone: {path}", False) from None
        try:
            os.mkdir(name, make, dir_fd=dir_fd)
        except FileExistsError:
            pass
        except OSError as error:
            raise Refused(f"cannot create {path}: {why(error)}") from None
        _open_level(chain, dir_fd, name, path, (), level, 0, what)
        return
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            raise Refused(f"{what} is a symlink or not a folder: {path}", link=True) from None
        raise Refused(f"cannot open {path}: {why(error)}") from None
    st = chain.push(fd, path)
    if level < len(expected) and not same(st, expected[level]):
        raise Refused(f"{what} was replaced since the plan (another folder): {path}")


# -- rename ---------------------------------------------------------------------------------
_RENAME_NOREPLACE = 1
_AT_FDCWD = -100


@functools.cache
def _libc() -> ctypes.CDLL | None:
    """The C library (Linux), loaded at its first use, not when this module is imported:
    finding it runs `ldconfig -p`, and with ctypes' import that was ~13 ms of every
    `tidy fix`, `undo` and `trash` before it did anything (recovery imports this module)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


@functools.cache
def _libc_renameat2() -> Callable[..., int] | None:
    import ctypes

    libc = _libc()
    try:
        function = libc.renameat2 if libc is not None else None
    except AttributeError:
        return None
    if function is None:
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                         ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def rename_noreplace(src_fd: int, src: str, dst_fd: int, dst: str) -> None:
    """Rename src (in src_fd) to dst (in dst_fd); FileExistsError when dst exists, never
    replacing it (renameat2 RENAME_NOREPLACE where the kernel has it; else check, then rename:
    a rename over an existing name is refused except in that last instant)."""
    renameat2 = _libc_renameat2()
    if renameat2 is not None:
        import ctypes

        result = renameat2(src_fd, os.fsencode(src), dst_fd, os.fsencode(dst),
                           _RENAME_NOREPLACE)
        if result == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS):
            raise OSError(code, os.strerror(code), dst)
    if exists_at(dst_fd, dst):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), dst)
    os.rename(src, dst, src_dir_fd=src_fd, dst_dir_fd=dst_fd)


# -- birth time -----------------------------------------------------------------------------
# statx(2): Python 3.11's os.stat has no birth time on Linux. An inode number is reused
# (ext4 hands a freed one to the next folder made beside it); a birth time is not: it is
# set when the inode is made and no call changes it afterwards (utimensat sets atime and
# mtime only). Where the filesystem keeps none (ramfs, NFS ...) the mask says so: None.
_STATX_BTIME = 0x800
_AT_SYMLINK_NOFOLLOW = 0x100
_STATX_SIZE = 256  # struct statx, spare fields included
_STATX_MASK_AT, _STATX_BTIME_AT = 0, 80  # offsets of stx_mask and stx_btime


@functools.cache
def _libc_statx() -> Callable[..., int] | None:
    import ctypes

    libc = _libc()
    try:
        function = libc.statx if libc is not None else None
    except AttributeError:  # a C library before glibc 2.28
        return None
    if function is None:
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_uint,
                         ctypes.c_void_p]
    function.restype = ctypes.c_int
    return function


def birth_ns(dir_fd: int, name: str) -> int | None:
    """When `name` (in `dir_fd`, never through a link) was made, in ns since the epoch; None
    where the filesystem (or the kernel, or the C library) keeps no birth time. OSError as
    lstat raises it."""
    statx = _libc_statx()
    if statx is None:
        return None
    import ctypes

    buffer = ctypes.create_string_buffer(_STATX_SIZE)
    if statx(dir_fd, os.fsencode(name), _AT_SYMLINK_NOFOLLOW, _STATX_BTIME, buffer) != 0:
        code = ctypes.get_errno()
        if code in (errno.ENOSYS, errno.EINVAL):
            return None
        raise OSError(code, os.strerror(code), name)
    (mask,) = struct.unpack_from("=I", buffer, _STATX_MASK_AT)
    if not mask & _STATX_BTIME:
        return None
    seconds, nanoseconds = struct.unpack_from("=qI", buffer, _STATX_BTIME_AT)
    return int(seconds) * 1_000_000_000 + int(nanoseconds)


# FS_IOC_GETVERSION (_IOR('v', 1, long)): the inode's generation number, which ext2/3/4 draw
# at random each time an inode is made. Where a filesystem keeps no birth time (ext4 with
# 128-byte inodes) and whole-second timestamps, a folder made in a freed inode within the
# second of a move has the old number and times, but not the old generation (trust round 9).
_FS_IOC_GETVERSION = 0x80087601 if struct.calcsize("l") == 8 else 0x80047601
_NO_GENERATION = frozenset({errno.ENOTTY, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOSYS})


def generation(fd: int) -> int | None:
    """The generation number of the open file or folder `fd`; None where the filesystem
    keeps none (tmpfs, NFS ...)."""
    buffer = bytearray(8)  # the kernel writes an int; a long's room in case
    try:
        fcntl.ioctl(fd, _FS_IOC_GETVERSION, buffer, True)
    except OSError as error:
        if error.errno in _NO_GENERATION:
            return None
        raise
    (number,) = struct.unpack_from("=I", buffer)
    return int(number)


def generation_at(dir_fd: int, name: str, st: os.stat_result) -> int | None:
    """generation() of `name` in `dir_fd` (never through a link), which must still be the
    inode `st` says; None where it cannot be read. Opening a FIFO does not wait."""
    try:
        fd = os.open(name, FILE_FLAGS | os.O_NOCTTY, dir_fd=dir_fd)
    except OSError:
        return None
    try:
        if not same(os.fstat(fd), (st.st_dev, st.st_ino)):
            return None
        return generation(fd)
    except OSError:
        return None
    finally:
        os.close(fd)


# -- deleting -------------------------------------------------------------------------------
def remove_at(dir_fd: int, name: str) -> None:
    """Delete `name` in `dir_fd` for good, folders with all they hold. Never follows a link
    (a link is removed, not its target), never leaves the folder's filesystem (EXDEV), and
    makes folders we own writable on the way (a Go module cache is 0555)."""
    st = lstat_at(dir_fd, name)
    if not stat.S_ISDIR(st.st_mode):
        os.unlink(name, dir_fd=dir_fd)
        return
    fd = _open_owned_dir(dir_fd, name, st)
    try:
        _empty(fd, st.st_dev)
    finally:
        os.close(fd)
    _retry_owner(dir_fd, os.rmdir, name)


# Whether two regular files (each in its folder, with the lstat seen) hold the same bytes.
SameBytes = Callable[[int, str, os.stat_result, int, str, os.stat_result], bool]


def remove_copied_at(dir_fd: int, name: str, copy_fd: int, copy: str,
                     since_ns: int, same_bytes: SameBytes | None = None) -> list[str]:
    """Delete `name` (in `dir_fd`) as far as `copy` (in `copy_fd`), a verified copy of it,
    holds it: the second half of a move across filesystems. The paths (from `name` down)
    left in place: what the copy does not hold, or holds otherwise (type, size, mtime, mode,
    link target; with `same_bytes`, a file's bytes too), or that changed after `since_ns`,
    when the copy began (its ctime, which no one can set back). A folder goes only once
    empty. Whatever a build wrote into the tree after the comparison passed it is never
    deleted uncopied. `same_bytes` where the copy was not just verified: recovery after a
    kill, which has only a journal's word (input, not trusted) that it was."""
    left: list[str] = []
    try:
        st = lstat_at(dir_fd, name)
        _remove_copied(dir_fd, name, copy_fd, copy, _Copied(since_ns, st.st_dev, same_bytes),
                       name, left)
    except FileNotFoundError:
        pass
    except RecursionError:
        raise OSError(errno.ELOOP, "too deep to remove", name) from None
    return left


@dataclass
class _Copied:
    since_ns: int
    dev: int
    same_bytes: SameBytes | None = None
    unlinked: set[tuple[int, int]] = field(default_factory=set)  # a hard link's ctime: ours


def _remove_copied(dir_fd: int, name: str, copy_fd: int, copy: str, done: _Copied,
                   shown: str, left: list[str]) -> None:
    try:
        st = lstat_at(dir_fd, name)
    except FileNotFoundError:
        return
    try:
        copied = lstat_at(copy_fd, copy)
    except FileNotFoundError:
        left.append(shown)
        return
    if stat.S_ISDIR(st.st_mode) and stat.S_ISDIR(copied.st_mode) and st.st_dev == done.dev:
        before = len(left)
        fd = _open_owned_dir(dir_fd, name, st)
        try:
            copy_dir = open_dir(copy, copy_fd)
            try:
                for child in sorted(os.listdir(fd)):
                    _remove_copied(fd, child, copy_dir, child, done, f"{shown}/{child}", left)
            finally:
                os.close(copy_dir)
        finally:
            os.close(fd)
        if len(left) == before:
            try:
                _retry_owner(dir_fd, os.rmdir, name)
            except OSError as error:
                if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                    raise
                left.append(shown)  # something was made in it just now
        return
    if not _same_as_copy(st, copied, dir_fd, name, copy_fd, copy, done):
        left.append(shown)
        return
    _retry_owner(dir_fd, os.unlink, name)
    done.unlinked.add((st.st_dev, st.st_ino))


def same_mtime(a_ns: int, b_ns: int) -> bool:
    """The copy `b` has the mtime of `a`, as far as its filesystem keeps one: ext4 with
    128-byte inodes (and FAT, ext3) keep whole seconds, so a copy from a tmpfs onto them had
    "another mtime" and every move into such a trash failed (trust round 10)."""
    second = 1_000_000_000
    return a_ns == b_ns or (b_ns % second == 0 and a_ns // second * second == b_ns)


def _same_as_copy(st: os.stat_result, copied: os.stat_result, dir_fd: int, name: str,
                  copy_fd: int, copy: str, done: _Copied) -> bool:
    if stat.S_IFMT(st.st_mode) != stat.S_IFMT(copied.st_mode) or stat.S_ISDIR(st.st_mode):
        return False
    if st.st_ctime_ns > done.since_ns and (st.st_dev, st.st_ino) not in done.unlinked:
        return False
    if stat.S_ISLNK(st.st_mode):
        return os.readlink(name, dir_fd=dir_fd) == os.readlink(copy, dir_fd=copy_fd)
    if (st.st_size, stat.S_IMODE(st.st_mode)) != (copied.st_size, stat.S_IMODE(copied.st_mode)) \
            or not same_mtime(st.st_mtime_ns, copied.st_mtime_ns):
        return False
    return (done.same_bytes is None or not stat.S_ISREG(st.st_mode)
            or done.same_bytes(dir_fd, name, st, copy_fd, copy, copied))


def _open_owned_dir(dir_fd: int, name: str, st: os.stat_result) -> int:
    try:
        fd = open_dir(name, dir_fd)
    except PermissionError:
        _chmod_owner(dir_fd, name, st)
        fd = open_dir(name, dir_fd)
    if not same(os.fstat(fd), (st.st_dev, st.st_ino)):
        os.close(fd)
        raise OSError(errno.ESTALE, "replaced while being deleted", name)
    return fd


def _empty(top: int, dev: int) -> None:
    """Delete everything inside the open folder `top`, depth first, without recursion (at
    most one descriptor per level is open)."""
    frames: list[tuple[int, list[str], str]] = [(top, _clear_files(top), "")]
    try:
        while frames:
            fd, subdirs, own_name = frames[-1]
            if subdirs:
                name = subdirs.pop()
                st = lstat_at(fd, name)
                if st.st_dev != dev:
                    raise OSError(errno.EXDEV, "another filesystem is mounted here", name)
                if not stat.S_ISDIR(st.st_mode):
                    os.unlink(name, dir_fd=fd)
                    continue
                child = _open_owned_dir(fd, name, st)
                frames.append((child, [], name))  # closed by `finally` if the next line fails
                frames[-1] = (child, _clear_files(child), name)
                continue
            frames.pop()
            if frames:
                os.close(fd)
                parent = frames[-1][0]
                _retry_owner(parent, os.rmdir, own_name)
    finally:
        for fd, _, _ in frames[1:]:
            with contextlib.suppress(OSError):
                os.close(fd)


def _clear_files(fd: int) -> list[str]:
    """Unlink every non-folder in `fd`; the names of the folders in it."""
    folders: list[str] = []
    with os.scandir(fd) as entries:
        names = [(e.name, e.is_dir(follow_symlinks=False)) for e in entries]
    for name, is_dir in names:
        if is_dir:
            folders.append(name)
        else:
            _retry_owner(fd, os.unlink, name)
    return folders


def _retry_owner(dir_fd: int, act: Callable[..., None], name: str) -> None:
    """`act(name, dir_fd=dir_fd)` (unlink, rmdir); on EACCES/EPERM make the folder `dir_fd`
    writable to its owner and try once more."""
    try:
        act(name, dir_fd=dir_fd)
    except PermissionError:
        st = os.fstat(dir_fd)
        wanted = stat.S_IMODE(st.st_mode) | stat.S_IRWXU
        if wanted == stat.S_IMODE(st.st_mode):
            raise
        os.fchmod(dir_fd, wanted)
        act(name, dir_fd=dir_fd)


def _chmod_owner(dir_fd: int, name: str, st: os.stat_result) -> None:
    """Give the owner rwx on folder `name` (a folder we could not open), the one lstat saw:
    in the user's own tree (the original of a copy-fallback move) another user who may
    write there could swap it for a link between the failed open and the chmod."""
    chmod_at(dir_fd, name, stat.S_IMODE(st.st_mode) | stat.S_IRWXU, st)


_O_PATH = getattr(os, "O_PATH", 0)


def chmod_at(dir_fd: int, name: str, mode: int, st: os.stat_result) -> None:
    """chmod `name` in `dir_fd` only when it is still the inode `st` describes, and never
    through a link: chmod by name follows one (the target would get `mode`). Linux: an
    O_PATH|O_NOFOLLOW descriptor checked by fstat, then chmod through /proc/self/fd (no
    fchmod on O_PATH); elsewhere lchmod (follow_symlinks=False). OSError otherwise."""
    if not _O_PATH or not os.path.isdir("/proc/self/fd"):
        os.chmod(name, mode, dir_fd=dir_fd, follow_symlinks=False)
        return
    fd = os.open(name, _O_PATH | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)
    try:
        now = os.fstat(fd)
        if not same(now, (st.st_dev, st.st_ino)) or stat.S_ISLNK(now.st_mode):
            raise OSError(errno.ESTALE, "replaced while its mode was changed", name)
        os.chmod(f"/proc/self/fd/{fd}", mode)
    finally:
        os.close(fd)


def purge_at(dir_fd: int, names: Sequence[str]) -> list[str]:
    """Delete `names` (inside the open folder `dir_fd`) as fast as `rm -rf`; the names that
    could not be deleted, each with the reason ("name: why").

    GNU rm where there is one, run with its working folder set to the descriptor
    (/proc/self/fd/N: no path is resolved) and plain names as arguments; it never follows
    links, and --one-file-system keeps it out of anything mounted inside. What it leaves
    (read-only folders of an ordinary user) goes through remove_at."""
    pending = [n for n in names if exists_at(dir_fd, n)]
    rm = shutil.which("rm") if sys.platform.startswith("linux") else None
    if rm is not None and pending and os.path.isdir(f"/proc/self/fd/{dir_fd}"):
        for start in range(0, len(pending), 512):
            subprocess.run([rm, "-rf", "--one-file-system", "--", *pending[start:start + 512]],
                           cwd=f"/proc/self/fd/{dir_fd}", pass_fds=(dir_fd,),
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
        pending = [n for n in pending if exists_at(dir_fd, n)]
    errors = []
    for name in pending:
        try:
            remove_at(dir_fd, name)
        except OSError as error:
            errors.append(f"{name}: {why(error)}")
    return errors


def walk_fds(top: int, listing: list[os.DirEntry[str]] | None = None
             ) -> Iterator[tuple[int, str, list[os.DirEntry[str]]]]:
    """(folder fd, path relative to top, its entries) for `top` and every folder below it,
    depth first, each opened by descriptor (one open per level at a time). A folder we may
    not read (EACCES) is not entered; any other failure to open one raises OSError (ELOOP for
    a folder swapped for a link meanwhile). `listing`: top's entries, when already read."""
    frames: list[tuple[int, str, list[str]]] = []
    try:
        entries = _entries(top) if listing is None else listing
        yield top, "", entries
        frames.append((top, "", [e.name for e in entries if e.is_dir(follow_symlinks=False)]))
        while frames:
            fd, rel, subdirs = frames[-1]
            if not subdirs:
                frames.pop()
                if fd != top:
                    os.close(fd)
                continue
            name = subdirs.pop()
            try:
                child = open_dir(name, fd)
            except PermissionError:
                continue
            child_rel = f"{rel}/{name}" if rel else name
            frames.append((child, child_rel, []))
            entries = _entries(child)
            yield child, child_rel, entries
            frames[-1] = (child, child_rel,
                          [e.name for e in entries if e.is_dir(follow_symlinks=False)])
    finally:
        for fd, _, _ in frames:
            if fd != top:
                with contextlib.suppress(OSError):
                    os.close(fd)


def _entries(fd: int) -> list[os.DirEntry[str]]:
    with os.scandir(fd) as it:
        return list(it)
