"""Replacing (or removing) a config file only while it is still the file tidy read: a
compare-and-swap on folder descriptors, so a write that lands meanwhile is never lost.

tidy reads a config file (`.gitignore`, `.vscode/settings.json`, `pyproject.toml` ...),
merges its edit into the text and writes the result. An editor's save or another program's
write landing between that read and a plain rename would be lost without a word. Here the
replacement goes in steps, each by name in the folder's descriptor (opened once from the
root, no link followed: tidy.core.safe_files.folder_in_root):

1. the name is lstat'ed: it must still be the file read (device, inode, size, mtime_ns,
   ctime_ns), or still missing when tidy found none;
2. the new text is written whole to a temp file (O_EXCL, fsync'ed);
3. the folder must still be the one at root/folders (a parent renamed or swapped: changed);
   the root itself is reached with no link on the way, read and write alike (a nested
   repository's folder swapped for a link to an outside folder is refused, never followed:
   safe_files.folder_in_root's `exact_root`; a folder the user names is resolved first);
4. the file is renamed aside, to `.<name>.tidy-aside-<pid>-<hex>`, out of every writer's
   way, and checked there: the same device, inode, size and mtime, the same bytes, one
   link; the folder is checked again;
5. the new file is linked in under the name without replacing anything (link(2) fails when
   the name exists), and the copy aside is removed.

A write before step 4 shows in the check after it: the file goes back to its name and
FileChanged says so (the caller re-reads, re-merges and tries again). A write in the
instant between 4 and 5 made the name anew: the link fails, nothing is replaced, the text
tidy read is kept beside under a visible name, and FileChanged says where. A symlink, FIFO
or folder put in the file's place is moved aside like anything else, found not to be the
file read, and put back: never opened, never followed. A file with several hard links is
refused: replacing it would leave its other names with the old text.

The name is missing for the instant between steps 4 and 5 (a reader sees no file then,
never a wrong one). A kill in that instant leaves the file aside; the next swap in that
folder (any tidy edit or undo there) puts it back once its writer is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass

from tidy.core.processes import process_alive
from tidy.core.safe_files import (
    UnsafeFile,
    folder_in_root,
    lstat_at,
    read_stat_in_root,
    remove_stale_temps,
    split_rel,
    temp_name,
    write_all,
)

RETRIES = 5  # re-read and re-merge this often, then give up naming the file
KEPT_SUFFIX = ".tidy-kept"
_ASIDE = re.compile(r"\.(.+)\.tidy-aside-(\d{1,10})-[0-9a-f]{12}")
_FILE_FLAGS = os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK
_NO_HARD_LINKS = (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK)


class FileChanged(Exception):
    """The file is no longer the one read; nothing was replaced. `again`: re-reading and
    re-merging may succeed (False: a copy was kept beside, the user should look)."""

    def __init__(self, message: str, again: bool = True) -> None:
        super().__init__(message)
        self.again = again


@dataclass(frozen=True)
class Seen:
    """A file as one read found it: its bytes (None: no file) and its identity."""

    data: bytes | None
    dev: int = 0
    ino: int = 0
    size: int = 0
    mtime_ns: int = 0
    ctime_ns: int = 0

    def same(self, st: os.stat_result, *, ctime: bool = True) -> bool:
        """`st` is the file read, unchanged (a rename changes ctime: `ctime=False` after one)."""
        return (stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
                == (self.dev, self.ino, self.size, self.mtime_ns)
                and (not ctime or st.st_ctime_ns == self.ctime_ns))


def read_seen(root: str, rel: str, *, verb: str = "edited") -> Seen:
    """root/rel's bytes and identity, read without following a link, the root's own path
    included (UnsafeFile for a link, a FIFO ...; tidy.core.safe_files.read_stat_in_root)."""
    found = read_stat_in_root(root, rel, verb=verb, exact_root=True)
    if found is None:
        return Seen(None)
    data, st = found
    return Seen(data, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def swap_in_root(root: str, rel: str, data: bytes | None, seen: Seen,
                 mode: int | None = None, mtime_ns: int | None = None) -> None:
    """Make root/rel hold `data` (None: remove it) only while it is still the file `seen`.

    FileChanged when it is not (nothing replaced); UnsafeFile when it, or a folder on the
    way, is not something tidy edits. The file keeps its mode (or gets `mode`, or 0666 minus
    the umask when new); `mtime_ns` is its modification time (an undo putting back the very
    bytes an edit replaced puts back their time too), set on the new file before it takes
    the name, so no other file's time is ever changed."""
    folders, name = split_rel(rel)
    create = data is not None and seen.data is None
    with folder_in_root(root, folders, create=create, exact_root=True) as folder:
        put_back_asides(folder)
        current = lstat_at(name, folder)
        _check_current(rel, current, seen)
        if data is None and current is None:
            return  # removing a file that is not there (and was not): done
        temp = ""
        try:
            if data is not None:
                temp = _write_temp(folder, data, _mode(mode, current))
                if mtime_ns is not None:
                    os.utime(temp, ns=(time.time_ns(), mtime_ns), dir_fd=folder,
                             follow_symlinks=False)
            _same_folder(root, folders, folder, rel)
            if current is None:
                if not _link_in(folder, temp, name):
                    raise FileChanged(f"{rel} was created while tidy wrote it")
            else:
                _replace_seen(folder, name, rel, temp, seen,
                              lambda: _same_folder(root, folders, folder, rel))
        finally:
            if temp:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temp, dir_fd=folder)
        with contextlib.suppress(OSError):
            os.fsync(folder)  # the new name must survive a crash too


def _check_current(rel: str, current: os.stat_result | None, seen: Seen) -> None:
    if seen.data is None:
        if current is not None:
            raise FileChanged(f"{rel} appeared while tidy wrote it")
        return
    if current is None:
        raise FileChanged(f"{rel} was removed while tidy wrote it")
    if not seen.same(current):
        raise FileChanged(f"{rel} changed while tidy wrote it")
    if current.st_nlink > 1:
        raise UnsafeFile(rel, f"has {current.st_nlink} hard links: replacing it would leave "
                         "the other names with the old text; not edited")


def _mode(mode: int | None, current: os.stat_result | None) -> int:
    if mode is not None:
        return mode
    if current is not None:
        return stat.S_IMODE(current.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_temp(folder: int, data: bytes, mode: int) -> str:
    remove_stale_temps(folder)
    temp = temp_name()
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW,
                 0o600, dir_fd=folder)
    try:
        write_all(fd, data)
        os.fchmod(fd, mode)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(temp, dir_fd=folder)
        raise
    os.close(fd)
    return temp


def _same_folder(root: str, folders: list[str], folder: int, rel: str) -> None:
    """The descriptor is still the folder at root/folders: a parent renamed or swapped for
    a link since it was opened means the file is no longer where tidy read it."""
    moved = FileChanged(f"{rel}: its folder was moved or replaced while tidy wrote it")
    try:
        with folder_in_root(root, folders, exact_root=True) as again:
            now = os.fstat(again)
    except (OSError, UnsafeFile):
        raise moved from None
    held = os.fstat(folder)
    if (now.st_dev, now.st_ino) != (held.st_dev, held.st_ino):
        raise moved


def _replace_seen(folder: int, name: str, rel: str, temp: str, seen: Seen,
                  same_folder: Callable[[], None]) -> None:
    """Steps 4 and 5: the file aside, checked there (and the folder again, and its links),
    the new one (`temp`; "": none, a removal) linked in without replacing anything."""
    aside = f".{name}.tidy-aside-{os.getpid()}-{secrets.token_hex(6)}"
    try:
        os.rename(name, aside, src_dir_fd=folder, dst_dir_fd=folder)
    except FileNotFoundError:
        raise FileChanged(f"{rel} was removed while tidy wrote it") from None
    try:
        same_folder()
    except FileChanged:
        _back(folder, aside, name)
        raise
    links = _links(folder, aside)
    if links > 1:
        _back(folder, aside, name)
        raise UnsafeFile(rel, f"has {links} hard links: replacing it would leave the other "
                         "names with the old text; not edited")
    if not _is_seen(folder, aside, seen):
        kept = _back(folder, aside, name)
        if kept:
            raise FileChanged(f"{rel} changed while tidy wrote it, and again after: the newer "
                              f"write stays, the one before is kept as {kept}; tidy changed "
                              "nothing", again=False)
        raise FileChanged(f"{rel} changed while tidy wrote it")
    if temp and not _link_in(folder, temp, name):
        kept = _keep(folder, aside, name)
        raise FileChanged(f"{rel} was written in the instant tidy replaced it: that write "
                          f"stays, the text tidy had read is kept as {kept}; tidy changed "
                          "nothing", again=False)
    os.unlink(aside, dir_fd=folder)


def _links(folder: int, name: str) -> int:
    st = lstat_at(name, folder)
    return st.st_nlink if st is not None and stat.S_ISREG(st.st_mode) else 1


def _is_seen(folder: int, name: str, seen: Seen) -> bool:
    """`name` is the file read, bytes and all (opened only as a regular file, no link)."""
    st = lstat_at(name, folder)
    if st is None or not seen.same(st, ctime=False):
        return False
    try:
        fd = os.open(name, _FILE_FLAGS, dir_fd=folder)
    except OSError:
        return False
    try:
        opened = os.fstat(fd)
        if not seen.same(opened, ctime=False):
            return False
        chunks, size = [], 0
        while size <= seen.size:
            chunk = os.read(fd, max(1, seen.size + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks) == seen.data


def _link_in(folder: int, src: str, dst: str) -> bool:
    """Give `src` the name `dst` too, never replacing it: False when `dst` exists. (On a
    filesystem without hard links, or for a folder: checked, then renamed; src is gone.)"""
    try:
        os.link(src, dst, src_dir_fd=folder, dst_dir_fd=folder, follow_symlinks=False)
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        if lstat_at(dst, folder) is not None:
            return False
        os.rename(src, dst, src_dir_fd=folder, dst_dir_fd=folder)
    return True


def _back(folder: int, aside: str, name: str) -> str:
    """`aside` back at `name`: "" when done; else (something took the name meanwhile) the
    visible name it is kept under."""
    if _link_in(folder, aside, name):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(aside, dir_fd=folder)
        return ""
    return _keep(folder, aside, name)


def _keep(folder: int, aside: str, name: str) -> str:
    """`aside` under a new visible name beside `name` (`name.tidy-kept[-N]`); that name."""
    for n in range(1, 1000):
        kept = name + KEPT_SUFFIX + ("" if n == 1 else f"-{n}")
        if _link_in(folder, aside, kept):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(aside, dir_fd=folder)
            return kept
    return aside  # 999 copies already: it stays under its hidden name


def put_back_asides(folder: int) -> list[str]:
    """Files a killed swap left aside in `folder` (its pid gone) back under their names, or,
    when the name was taken since, kept beside it under a visible name. What was done."""
    done: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return done
    for aside in names:
        match = _ASIDE.fullmatch(aside)
        if match is None:
            continue
        pid = int(match.group(2))
        if pid == os.getpid() or process_alive(pid):
            continue
        name = match.group(1)
        with contextlib.suppress(FileNotFoundError):
            kept = _back(folder, aside, name)
            done.append(f"{name} kept as {kept}" if kept else f"{name} put back")
    return done
