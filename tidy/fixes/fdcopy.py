"""Copy and compare trees between open folders: the cross-filesystem fallback of the trash.

Like `cp -a` without hard links: symlinks copied as symlinks (never followed), modes, mtimes
and (as root) owners kept, fifos re-made. Sockets and device files are refused. Every source
entry is opened relative to its folder's descriptor with O_NOFOLLOW and checked to be the
inode that lstat saw, so a link swapped in mid-copy is never followed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat

from tidy.fixes.fdops import FILE_FLAGS, chmod_at, lstat_at, open_dir, same, same_mtime

_CHUNK = 1 << 20


class CopyError(OSError):
    """A copy that could not be made or did not verify: nothing moved."""


def copy_at(src_fd: int, src: str, dst_fd: int, dst: str) -> None:
    """Copy `src` (in folder src_fd) to `dst` (in folder dst_fd, which must not exist)."""
    try:
        _copy(src_fd, src, dst_fd, dst)
    except RecursionError:
        raise CopyError(errno.ELOOP, "too deep to copy", src) from None


def _copy(src_fd: int, src: str, dst_fd: int, dst: str) -> None:
    st = lstat_at(src_fd, src)
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        os.symlink(os.readlink(src, dir_fd=src_fd), dst, dir_fd=dst_fd)
        _meta_by_name(dst_fd, dst, st)
    elif stat.S_ISREG(mode):
        _copy_file(src_fd, src, dst_fd, dst, st)
    elif stat.S_ISDIR(mode):
        os.mkdir(dst, 0o700, dir_fd=dst_fd)
        from_fd = _open_same(src_fd, src, st)
        try:
            to_fd = open_dir(dst, dst_fd)
            try:
                with os.scandir(from_fd) as entries:
                    names = sorted(e.name for e in entries)
                for name in names:
                    _copy(from_fd, name, to_fd, name)
                _meta_by_fd(to_fd, st)
            finally:
                os.close(to_fd)
        finally:
            os.close(from_fd)
    elif stat.S_ISFIFO(mode):
        os.mkfifo(dst, 0o600, dir_fd=dst_fd)
        _meta_by_name(dst_fd, dst, st)
    else:
        raise CopyError(errno.EOPNOTSUPP, f"{src}: a socket or device file; tidy does not copy "
                        "those across filesystems")


def _open_same(dir_fd: int, name: str, st: os.stat_result) -> int:
    """Open `name` (a folder or a regular file, never a link) and check it is `st`'s inode."""
    fd = open_dir(name, dir_fd) if stat.S_ISDIR(st.st_mode) else os.open(
        name, FILE_FLAGS, dir_fd=dir_fd)
    if not same(os.fstat(fd), (st.st_dev, st.st_ino)):
        os.close(fd)
        raise CopyError(errno.ESTALE, "replaced while being copied", name)
    return fd


def _copy_file(src_fd: int, src: str, dst_fd: int, dst: str, st: os.stat_result) -> None:
    from_fd = _open_same(src_fd, src, st)
    try:
        to_fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                        0o600, dir_fd=dst_fd)
        try:
            _copy_bytes(from_fd, to_fd)
            _meta_by_fd(to_fd, st)
        finally:
            os.close(to_fd)
    finally:
        os.close(from_fd)


def _copy_bytes(from_fd: int, to_fd: int) -> None:
    offset = 0
    sendfile = getattr(os, "sendfile", None)
    while True:
        if sendfile is not None:
            try:
                sent = sendfile(to_fd, from_fd, offset, _CHUNK)
            except OSError as error:
                if error.errno not in (errno.EINVAL, errno.ENOSYS):
                    raise
                sendfile = None
                continue
            if sent == 0:
                return
            offset += sent
            continue
        chunk = os.pread(from_fd, _CHUNK, offset)
        if not chunk:
            return
        view = memoryview(chunk)
        while view:
            view = view[os.write(to_fd, view):]
        offset += len(chunk)


def _meta_by_fd(fd: int, st: os.stat_result) -> None:
    if os.geteuid() == 0:
        os.fchown(fd, st.st_uid, st.st_gid)
    os.fchmod(fd, stat.S_IMODE(st.st_mode))
    os.utime(fd, ns=(st.st_atime_ns, st.st_mtime_ns))


def _meta_by_name(dir_fd: int, name: str, st: os.stat_result) -> None:
    """Links and fifos (which cannot be opened without side effects): by name, not followed."""
    made = lstat_at(dir_fd, name)
    if os.geteuid() == 0:
        os.chown(name, st.st_uid, st.st_gid, dir_fd=dir_fd, follow_symlinks=False)
    if not stat.S_ISLNK(st.st_mode):
        # A fifo we just made: in the trash, or (undo) in the user's folder, where another
        # user who may write there could swap it for a link: chmod only what we made.
        chmod_at(dir_fd, name, stat.S_IMODE(st.st_mode), made)
    with contextlib.suppress(NotImplementedError):
        os.utime(name, ns=(st.st_atime_ns, st.st_mtime_ns), dir_fd=dir_fd,
                 follow_symlinks=False)


def compare_at(a_fd: int, a: str, b_fd: int, b: str) -> str:
    """"" when b is an exact copy of a (type, mode, size, mtime, link target, bytes)."""
    try:
        return _compare(a_fd, a, b_fd, b, a)
    except RecursionError:
        return f"{a}: too deep to compare"


def _compare(a_fd: int, a: str, b_fd: int, b: str, shown: str) -> str:
    try:
        sa, sb = lstat_at(a_fd, a), lstat_at(b_fd, b)
    except OSError as error:
        return f"{shown}: {error.strerror}"
    if stat.S_IFMT(sa.st_mode) != stat.S_IFMT(sb.st_mode):
        return f"{shown}: another type"
    if stat.S_ISLNK(sa.st_mode):
        same_target = os.readlink(a, dir_fd=a_fd) == os.readlink(b, dir_fd=b_fd)
        return "" if same_target else f"{shown}: another link target"
    if stat.S_IMODE(sa.st_mode) != stat.S_IMODE(sb.st_mode) or not same_mtime(
            sa.st_mtime_ns, sb.st_mtime_ns):
        return f"{shown}: another mode or mtime"
    if stat.S_ISREG(sa.st_mode):
        if sa.st_size != sb.st_size or not _same_bytes(a_fd, a, sa, b_fd, b, sb):
            return f"{shown}: other bytes"
    elif stat.S_ISDIR(sa.st_mode):
        fa, fb = _open_same(a_fd, a, sa), _open_same(b_fd, b, sb)
        try:
            with os.scandir(fa) as ea, os.scandir(fb) as eb:
                names_a, names_b = sorted(e.name for e in ea), sorted(e.name for e in eb)
            if names_a != names_b:
                return f"{shown}: other entries"
            for name in names_a:
                difference = _compare(fa, name, fb, name, f"{shown}/{name}")
                if difference:
                    return difference
        finally:
            os.close(fa)
            os.close(fb)
    return ""


def same_bytes(a_fd: int, a: str, sa: os.stat_result, b_fd: int, b: str,
               sb: os.stat_result) -> bool:
    """Whether the regular files a and b (each still the inode its lstat says) hold the
    same bytes; False when either cannot be read (fdops.SameBytes)."""
    try:
        return sa.st_size == sb.st_size and _same_bytes(a_fd, a, sa, b_fd, b, sb)
    except OSError:
        return False


def _same_bytes(a_fd: int, a: str, sa: os.stat_result, b_fd: int, b: str,
                sb: os.stat_result) -> bool:
    fa, fb = _open_same(a_fd, a, sa), _open_same(b_fd, b, sb)
    try:
        offset = 0
        while True:
            left, right = os.pread(fa, _CHUNK, offset), os.pread(fb, _CHUNK, offset)
            if left != right:
                return False
            if not left:
                return True
            offset += len(left)
    finally:
        os.close(fa)
        os.close(fb)


def holds_only_a_copy_of(a_fd: int, a: str, b_fd: int, b: str) -> bool:
    """Whether `a` is what a copy of `b` cut short leaves: every entry of it is in b with the
    same type (a link with the same target), each file's bytes the start of b's. Removing
    such a thing loses nothing b does not hold (recovery's clearing of a half copy: the
    journal that names it is input, not trusted)."""
    try:
        return _holds_only_a_copy_of(a_fd, a, b_fd, b)
    except (OSError, RecursionError):
        return False


def _holds_only_a_copy_of(a_fd: int, a: str, b_fd: int, b: str) -> bool:
    sa, sb = lstat_at(a_fd, a), lstat_at(b_fd, b)
    if stat.S_IFMT(sa.st_mode) != stat.S_IFMT(sb.st_mode):
        return False
    if stat.S_ISLNK(sa.st_mode):
        return os.readlink(a, dir_fd=a_fd) == os.readlink(b, dir_fd=b_fd)
    if stat.S_ISREG(sa.st_mode):
        return sa.st_size <= sb.st_size and _starts_alike(a_fd, a, sa, b_fd, b, sb)
    if not stat.S_ISDIR(sa.st_mode):
        return stat.S_ISFIFO(sa.st_mode)  # a fifo holds nothing
    fa, fb = _open_same(a_fd, a, sa), _open_same(b_fd, b, sb)
    try:
        return all(_holds_only_a_copy_of(fa, name, fb, name) for name in os.listdir(fa))
    finally:
        os.close(fa)
        os.close(fb)


def _starts_alike(a_fd: int, a: str, sa: os.stat_result, b_fd: int, b: str,
                  sb: os.stat_result) -> bool:
    """a's bytes are the first bytes of b's."""
    fa, fb = _open_same(a_fd, a, sa), _open_same(b_fd, b, sb)
    try:
        offset = 0
        while True:
            left = os.pread(fa, _CHUNK, offset)
            if not left:
                return True
            if os.pread(fb, len(left), offset) != left:
                return False
            offset += len(left)
    finally:
        os.close(fa)
        os.close(fb)
