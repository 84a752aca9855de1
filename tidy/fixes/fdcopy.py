"""Copy and compare trees between open folders: the cross-filesystem fallback of the trash.

Like `cp -a`: symlinks copied as symlinks (never followed), modes, mtimes, extended attributes
and ACLs (fixes/xattrs.py), owners (as root; else a group of the user's) kept, fifos re-made,
the hard links between files of the tree made again, holes in sparse files left holes. Sockets
and device files are refused. Every source entry is opened relative to its folder's descriptor
with O_NOFOLLOW and checked to be the inode that lstat saw, so a link swapped in mid-copy is
never followed. The comparison that verifies a copy holds it to all of these but the holes
(trust round 18: a copy lost the attributes and the links, undo gave them back lost, a sparse
file came back taking its whole size on disk, and a file of another user's inside the item came
back the user's).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from dataclasses import dataclass, field

from tidy.fixes import xattrs
from tidy.fixes.fdops import FILE_FLAGS, chmod_at, lstat_at, open_dir, same, same_mtime

_CHUNK = 1 << 20


class CopyError(OSError):
    """A copy that could not be made or did not verify: nothing moved."""


@dataclass
class _Links:
    """The files of one copy with more than one link, by the source's (st_dev, st_ino): the
    path of the copy first made of it below the copy's top (the folders' names, then its
    own) and the copy's inode. A second name of it inside the tree is linked to that copy."""

    top_fd: int
    made: dict[tuple[int, int], tuple[tuple[str, ...], tuple[int, int]]] = field(
        default_factory=dict)


def copy_at(src_fd: int, src: str, dst_fd: int, dst: str) -> None:
    """Copy `src` (in folder src_fd) to `dst` (in folder dst_fd, which must not exist)."""
    try:
        _copy(src_fd, src, dst_fd, dst, _Links(dst_fd), ())
    except RecursionError:
        raise CopyError(errno.ELOOP, "too deep to copy", src) from None


def _copy(src_fd: int, src: str, dst_fd: int, dst: str, links: _Links,
          below: tuple[str, ...]) -> None:
    st = lstat_at(src_fd, src)
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        os.symlink(os.readlink(src, dir_fd=src_fd), dst, dir_fd=dst_fd)
        _meta_by_name(src_fd, src, dst_fd, dst, st)
    elif stat.S_ISREG(mode):
        if not _linked(dst_fd, dst, st, links):
            _copy_file(src_fd, src, dst_fd, dst, st)
            if st.st_nlink > 1:
                made = lstat_at(dst_fd, dst)
                links.made[(st.st_dev, st.st_ino)] = ((*below, dst), (made.st_dev, made.st_ino))
    elif stat.S_ISDIR(mode):
        os.mkdir(dst, 0o700, dir_fd=dst_fd)
        from_fd = _open_same(src_fd, src, st)
        try:
            to_fd = open_dir(dst, dst_fd)
            try:
                with os.scandir(from_fd) as entries:
                    names = sorted(e.name for e in entries)
                for name in names:
                    _copy(from_fd, name, to_fd, name, links, (*below, dst))
                _meta_by_fd(from_fd, to_fd, st)
            finally:
                os.close(to_fd)
        finally:
            os.close(from_fd)
    elif stat.S_ISFIFO(mode):
        os.mkfifo(dst, 0o600, dir_fd=dst_fd)
        _meta_by_name(src_fd, src, dst_fd, dst, st)
    else:
        raise CopyError(errno.EOPNOTSUPP, f"{src}: a socket or device file; tidy does not copy "
                        "those across filesystems")


def _linked(dst_fd: int, dst: str, st: os.stat_result, links: _Links) -> bool:
    """Whether `dst` was made as another link to the copy of a file copied before under
    another name of this tree (`st`: the source's lstat); False when it has no copy yet, or
    this filesystem cannot link it (the comparison then refuses the copy)."""
    first = links.made.get((st.st_dev, st.st_ino))
    if first is None:
        return False
    path, made = first
    # Folders of the copy, made by it, opened one by one with no link followed.
    folders = [os.dup(links.top_fd)]
    try:
        for name in path[:-1]:
            folders.append(open_dir(name, folders[-1]))
        try:
            os.link(path[-1], dst, src_dir_fd=folders[-1], dst_dir_fd=dst_fd,
                    follow_symlinks=False)
        except OSError as error:
            if error.errno in (errno.EMLINK, errno.EPERM, errno.EOPNOTSUPP):
                return False
            raise
    finally:
        for fd in folders:
            os.close(fd)
    if not same(lstat_at(dst_fd, dst), made):
        raise CopyError(errno.ESTALE, "the copy was replaced while being copied", dst)
    return True


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
            _copy_bytes(from_fd, to_fd, st)
            _meta_by_fd(from_fd, to_fd, st)
        finally:
            os.close(to_fd)
    finally:
        os.close(from_fd)


def _copy_bytes(from_fd: int, to_fd: int, st: os.stat_result) -> None:
    """The file's bytes (`st`: its lstat). One with fewer blocks than its size may have holes:
    only the parts SEEK_DATA finds are written, and the copy cut to the file's size, so they
    stay holes (a sparse 8 GB image stays a few blocks, in the trash and back home)."""
    if st.st_blocks * 512 >= st.st_size:
        _copy_range(from_fd, to_fd, 0, -1)
        return
    offset = 0
    while True:
        try:
            start = os.lseek(from_fd, offset, os.SEEK_DATA)
            stop = os.lseek(from_fd, start, os.SEEK_HOLE)
        except OSError as error:
            if error.errno == errno.ENXIO:  # no data past offset
                break
            if error.errno not in (errno.EINVAL, errno.EOPNOTSUPP):
                raise
            start, stop = offset, -1  # no SEEK_DATA here: the rest as it reads
        os.lseek(to_fd, start, os.SEEK_SET)
        offset = _copy_range(from_fd, to_fd, start, stop)
        if stop < 0 or offset < stop:  # the end of the file came first
            break
    os.ftruncate(to_fd, os.fstat(from_fd).st_size)


def _copy_range(from_fd: int, to_fd: int, start: int, stop: int) -> int:
    """Copy from_fd's bytes from `start` to `stop` (-1: to its end) to to_fd at its place;
    where it stopped."""
    offset = start
    sendfile = getattr(os, "sendfile", None)
    while stop < 0 or offset < stop:
        count = _CHUNK if stop < 0 else min(_CHUNK, stop - offset)
        if sendfile is not None:
            try:
                sent = sendfile(to_fd, from_fd, offset, count)
            except OSError as error:
                if error.errno not in (errno.EINVAL, errno.ENOSYS):
                    raise
                sendfile = None
                continue
            if sent == 0:
                return offset
            offset += sent
            continue
        chunk = os.pread(from_fd, count, offset)
        if not chunk:
            return offset
        view = memoryview(chunk)
        while view:
            view = view[os.write(to_fd, view):]
        offset += len(chunk)
    return offset


def _meta_by_fd(from_fd: int, fd: int, st: os.stat_result) -> None:
    """Owner (as root), mode, extended attributes (after the owner: a chown drops a file's
    capabilities) and times of the copy `fd` of the open `from_fd` (lstat `st`)."""
    if os.geteuid() == 0:
        os.fchown(fd, st.st_uid, st.st_gid)
    elif os.fstat(fd).st_gid != st.st_gid:
        with contextlib.suppress(OSError):  # a group of the user's: theirs to give
            os.fchown(fd, -1, st.st_gid)
    os.fchmod(fd, stat.S_IMODE(st.st_mode))
    xattrs.copy(from_fd, fd)
    os.utime(fd, ns=(st.st_atime_ns, st.st_mtime_ns))


def _meta_by_name(src_fd: int, src: str, dir_fd: int, name: str, st: os.stat_result) -> None:
    """Links and fifos (which cannot be opened without side effects): by name, not followed."""
    made = lstat_at(dir_fd, name)
    if os.geteuid() == 0:
        os.chown(name, st.st_uid, st.st_gid, dir_fd=dir_fd, follow_symlinks=False)
    elif made.st_gid != st.st_gid:
        with contextlib.suppress(OSError):
            os.chown(name, -1, st.st_gid, dir_fd=dir_fd, follow_symlinks=False)
    if not stat.S_ISLNK(st.st_mode):
        # A fifo we just made: in the trash, or (undo) in the user's folder, where another
        # user who may write there could swap it for a link: chmod only what we made.
        chmod_at(dir_fd, name, stat.S_IMODE(st.st_mode), made)
    # A link's own (trusted.*, security.*: rare); a fifo's ACL, or the one it inherited
    xattrs.copy(xattrs.by_name(src_fd, src), xattrs.by_name(dir_fd, name))
    with contextlib.suppress(NotImplementedError):
        os.utime(name, ns=(st.st_atime_ns, st.st_mtime_ns), dir_fd=dir_fd,
                 follow_symlinks=False)


def compare_at(a_fd: int, a: str, b_fd: int, b: str) -> str:
    """"" when b is an exact copy of a (type, owner, mode, size, mtime, link target, bytes,
    extended attributes, which of its files are one file under several names)."""
    try:
        return _compare(a_fd, a, b_fd, b, a, ({}, {}))
    except RecursionError:
        return f"{a}: too deep to compare"


# Per side, each file with more than one link: the first path it was seen at.
_FirstSeen = tuple[dict[tuple[int, int], str], dict[tuple[int, int], str]]


def _compare(a_fd: int, a: str, b_fd: int, b: str, shown: str, seen: _FirstSeen) -> str:
    try:
        sa, sb = lstat_at(a_fd, a), lstat_at(b_fd, b)
    except OSError as error:
        return f"{shown}: {error.strerror}"
    if stat.S_IFMT(sa.st_mode) != stat.S_IFMT(sb.st_mode):
        return f"{shown}: another type"
    if (sa.st_uid, sa.st_gid) != (sb.st_uid, sb.st_gid):
        # Only root can give a copy another user's name: a copy of someone else's file
        # (what `sudo` or a container left inside the item) would come back the user's.
        return f"{shown}: another owner (uid {sa.st_uid}, gid {sa.st_gid})"
    if stat.S_ISLNK(sa.st_mode):
        if os.readlink(a, dir_fd=a_fd) != os.readlink(b, dir_fd=b_fd):
            return f"{shown}: another link target"
        return _attributes(xattrs.by_name(a_fd, a), xattrs.by_name(b_fd, b), shown)
    if stat.S_IMODE(sa.st_mode) != stat.S_IMODE(sb.st_mode) or not same_mtime(
            sa.st_mtime_ns, sb.st_mtime_ns):
        return f"{shown}: another mode or mtime"
    if stat.S_ISREG(sa.st_mode):
        if _first_seen(seen[0], sa, shown) != _first_seen(seen[1], sb, shown):
            return f"{shown}: other hard links"
        if sa.st_size != sb.st_size:
            return f"{shown}: other bytes"
        fa, fb = _open_same(a_fd, a, sa), _open_same(b_fd, b, sb)
        try:
            if not _same_bytes_of(fa, fb):
                return f"{shown}: other bytes"
            return _attributes(fa, fb, shown)
        finally:
            os.close(fa)
            os.close(fb)
    if not stat.S_ISDIR(sa.st_mode):  # a fifo: never opened
        return _attributes(xattrs.by_name(a_fd, a), xattrs.by_name(b_fd, b), shown)
    fa, fb = _open_same(a_fd, a, sa), _open_same(b_fd, b, sb)
    try:
        difference = _attributes(fa, fb, shown)
        if difference:
            return difference
        with os.scandir(fa) as ea, os.scandir(fb) as eb:
            names_a, names_b = sorted(e.name for e in ea), sorted(e.name for e in eb)
        if names_a != names_b:
            return f"{shown}: other entries"
        for name in names_a:
            difference = _compare(fa, name, fb, name, f"{shown}/{name}", seen)
            if difference:
                return difference
    finally:
        os.close(fa)
        os.close(fb)
    return ""


def _attributes(a: int | str, b: int | str, shown: str) -> str:
    difference = xattrs.difference(a, b)
    return f"{shown}: {difference}" if difference else ""


def _first_seen(first: dict[tuple[int, int], str], st: os.stat_result, shown: str) -> str:
    """The path the file `st` was first met at in this comparison (`shown` itself when it
    has one link): two trees are linked alike when every file's is the same in both."""
    if st.st_nlink < 2:
        return shown
    return first.setdefault((st.st_dev, st.st_ino), shown)


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
        return _same_bytes_of(fa, fb)
    finally:
        os.close(fa)
        os.close(fb)


def _same_bytes_of(fa: int, fb: int) -> bool:
    """Whether the open files fa and fb hold the same bytes."""
    offset = 0
    while True:
        left, right = os.pread(fa, _CHUNK, offset), os.pread(fb, _CHUNK, offset)
        if left != right:
            return False
        if not left:
            return True
        offset += len(left)


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
