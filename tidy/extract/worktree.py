"""The work-tree files an extraction reads, writes and deletes (the module, its data file, the
build config, the copies undo keeps beside them), each by name inside its folder's descriptor.

A module's path never goes through a symlink (guards.path_refusal). Its folder is opened from
`/` one name at a time, none followed (tidy.core.safe_files.folder_in_root), once per
operation; every file is then reached by name in that descriptor. A folder swapped for a
link after the checks is never written through: opening it is refused (UnsafeFile, naming
the link), and a swap after the opening no longer matters, the descriptor still names the
folder that was checked. Only regular files are read, replaced or deleted.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from tidy.core.safe_files import UnsafeFile, folder_in_root, kind_of, replace_at, temp_name

_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


@dataclass(frozen=True)
class Folder:
    """An open folder of the work tree and its path (for messages)."""

    fd: int
    path: str

    def _lstat(self, name: str) -> os.stat_result | None:
        try:
            return os.stat(name, dir_fd=self.fd, follow_symlinks=False)
        except FileNotFoundError:
            return None

    def exists(self, name: str) -> bool:
        return self._lstat(name) is not None

    def is_file(self, name: str) -> bool:
        st = self._lstat(name)
        return st is not None and stat.S_ISREG(st.st_mode)

    def read(self, name: str) -> bytes:
        """The bytes of a regular file (never through a link); UnsafeFile otherwise."""
        with self._open(name) as f:
            return f.read()

    def head(self, name: str, limit: int) -> bytes:
        """The first `limit` bytes of a regular file (never through a link)."""
        with self._open(name) as f:
            return f.read(limit)

    def sha256(self, name: str) -> str | None:
        """The sha256 of a regular file (read in blocks: a data module can be 50 MB); None
        when it is missing or not one."""
        if not self.is_file(name):
            return None
        digest = hashlib.sha256()
        try:
            with self._open(name) as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
        except (OSError, UnsafeFile):
            return None
        return digest.hexdigest()

    def _open(self, name: str) -> BinaryIO:
        try:
            fd = os.open(name, _FILE_FLAGS, dir_fd=self.fd)
        except OSError as error:
            if error.errno == errno.ELOOP:  # O_NOFOLLOW on a link
                raise UnsafeFile(self._shown(name), "is a symlink; not read") from None
            raise
        f = open(fd, "rb")  # noqa: SIM115 - returned to the caller's `with`
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            f.close()
            raise UnsafeFile(self._shown(name), "is not a regular file; not read")
        return f

    def times_ns(self, name: str) -> tuple[int, int] | None:
        """The (atime, mtime) of `name` in nanoseconds; None when it is missing."""
        st = self._lstat(name)
        return (st.st_atime_ns, st.st_mtime_ns) if st is not None else None

    def write(self, name: str, data: bytes, like: str | None = None,
              times_ns: tuple[int, int] | None = None) -> None:
        """Replace `name` in one rename: with the mode of `like` (in this folder), else its
        own, else 0644; with `times_ns`, those times. UnsafeFile when it is a link or not a
        regular file."""
        st = self._lstat(name)
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise UnsafeFile(self._shown(name), f"is {kind_of(st.st_mode)}; not written")
        model = self._lstat(like) if like else st
        mode = stat.S_IMODE(model.st_mode) if model is not None and stat.S_ISREG(
            model.st_mode) else 0o644
        replace_at(self.fd, name, data, mode, times_ns)

    def create(self, name: str, data: bytes, like: str) -> bool:
        """Make `name`, which must not exist, holding `data` (the mode of `like`, in this
        folder): written whole under a temp name, then linked in without replacing anything.
        False, nothing written, when something took the name meanwhile: a rename over it
        lost the user's file that appeared there (trust round 16)."""
        model = self._lstat(like)
        mode = stat.S_IMODE(model.st_mode) if model is not None and stat.S_ISREG(
            model.st_mode) else 0o644
        new = self._written(data, mode)
        try:
            return self._link_in(new, name)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(new, dir_fd=self.fd)

    def swap_in(self, name: str, data: bytes, expected: str, aside: str,
                times_ns: tuple[int, int] | None = None) -> bool:
        """Replace `name` with `data` only while it holds the bytes whose sha256 is
        `expected`, with no instant in which a write to it is lost: the new file is written
        whole under a temp name; `name` is renamed to `aside` (out of every writer's way: a
        save from now on makes a new `name`) and checked there; the new file is then linked
        in without replacing anything. False, with nothing replaced, when the bytes differ
        (they go back to `name`, or stay at `aside` when a save made `name` anew meanwhile)
        or a save made `name` anew (then `aside`, the expected bytes, goes). `name` is
        missing for the instant of the check (a reader then sees no module, never a wrong
        one). With `times_ns` (atime, mtime) the new file has those times before it takes the
        name: no instant shows the new bytes with another mtime."""
        st = self._lstat(name)
        if st is None or not stat.S_ISREG(st.st_mode):
            raise UnsafeFile(self._shown(name), "is not a regular file; not written")
        new = self._written(data, stat.S_IMODE(st.st_mode), times_ns)
        try:
            os.rename(name, aside, src_dir_fd=self.fd, dst_dir_fd=self.fd)
            if self.sha256(aside) != expected:
                self.put_back(aside, name)
                return False
            if not self._link_in(new, name):
                os.unlink(aside, dir_fd=self.fd)  # the expected bytes: the backup has them
                return False
            os.unlink(aside, dir_fd=self.fd)
            return True
        finally:
            with contextlib.suppress(OSError):
                os.unlink(new, dir_fd=self.fd)

    def _written(self, data: bytes, mode: int, times_ns: tuple[int, int] | None = None) -> str:
        """A new file of this folder under a temp name holding `data` whole and synced, with
        `mode` (and `times_ns`, atime and mtime, when given): its name. Nothing is left
        behind when writing it fails."""
        new = temp_name()
        fd = os.open(new, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                     0o600, dir_fd=self.fd)
        try:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                os.fchmod(fd, mode)
                if times_ns is not None:
                    os.utime(fd, ns=times_ns)
                os.fsync(fd)
            finally:
                os.close(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(new, dir_fd=self.fd)
            raise
        return new

    def put_back(self, aside: str, name: str) -> bool:
        """`aside` back at `name` when nothing took the name since; False (kept at
        `aside`) when something did."""
        if not self._link_in(aside, name):
            return False
        with contextlib.suppress(FileNotFoundError):
            os.unlink(aside, dir_fd=self.fd)
        return True

    def _link_in(self, src: str, dst: str) -> bool:
        """Give `src` the name `dst` too, never replacing it: False when `dst` exists."""
        try:
            os.link(src, dst, src_dir_fd=self.fd, dst_dir_fd=self.fd, follow_symlinks=False)
        except FileExistsError:
            return False
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            if self.exists(dst):  # a filesystem without hard links: check, then rename
                return False
            os.rename(src, dst, src_dir_fd=self.fd, dst_dir_fd=self.fd)  # src is gone now
        return True

    def remove(self, name: str) -> bool:
        """Delete `name` when it is a regular file; True when it was deleted."""
        if not self.is_file(name):
            return False
        os.unlink(name, dir_fd=self.fd)
        return True

    def names(self) -> list[str]:
        return os.listdir(self.fd)

    def mtime(self, name: str) -> float:
        st = self._lstat(name)
        return st.st_mtime if st is not None else 0.0

    def _shown(self, name: str) -> str:
        return os.path.join(self.path, name)


@contextlib.contextmanager
def folder_of(path: str) -> Iterator[Folder]:
    """The folder holding `path`, opened from `/` without following any link on the way."""
    folder = os.path.dirname(os.path.abspath(path))
    with folder_in_root(os.sep, [p for p in folder.split(os.sep) if p],
                        verb="written") as fd:
        yield Folder(fd, folder)
