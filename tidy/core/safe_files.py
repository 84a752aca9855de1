"""The small files tidy reads for configuration or evidence, and the ones it edits.

Reading (`read_regular`): `.tidy.toml`, `pyproject.toml`, `.ignore`, `.rgignore`,
`.vscode/settings.json`, `.gitattributes`, `CACHEDIR.TAG`, a `--baseline` report ... are
opened with O_NONBLOCK (and O_NOFOLLOW unless the caller follows links on purpose), and only
a regular file is read, up to a cap. A FIFO with one of those names would otherwise block the
scan forever at open(), and a link to /dev/zero would fill memory. Anything else raises
`UnsafeFile`, whose message the caller shows as a note or an error.

Editing (`write_in_root`, `read_in_root`, `remove_in_root`): a config file inside a root
(`.gitignore`, `.ignore`, `.vscode/settings.json`, `pyproject.toml` ...) is reached by
opening every folder from the root down with O_NOFOLLOW|O_DIRECTORY relative to its parent,
so no path is resolved twice and a folder swapped for a symlink is refused, never followed.
Only a regular file is edited (a symlink is not, wherever it points: git itself ignores a
symlinked `.gitignore`). The new text goes to a temp file created with O_EXCL|O_NOFOLLOW in
that same folder descriptor, is fsync'ed, and is renamed over the old name relative to it:
readers see the old file or the new one, never half of it. tidy's config edits and their
undos go through tidy.core.swap, which adds the check that the file is still the one read.

Temp files are named `.tidy-<pid>-<random>.tmp`. One left behind by a writer killed between
creating and renaming it is removed by the next write into that folder: only regular files,
only names of that pattern, only when their writer is gone or they are over an hour old.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Iterable, Iterator

from tidy.core.processes import process_alive

MAX_CONFIG_BYTES = 16 << 20  # no config or evidence file tidy reads is anywhere near this
STALE_TEMP_SECONDS = 3600.0
TEMP_PREFIX, TEMP_SUFFIX = ".tidy-", ".tmp"
# Ours: .tidy-<pid>-<12 hex>.tmp; before the pid was in the name: mkstemp's 8 characters.
_TEMP_NAME = re.compile(r"\.tidy-(?:(\d{1,10})-[0-9a-f]{12}|[a-z0-9_]{8})\.tmp")
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_LINK_ERRORS = (errno.ELOOP, errno.EMLINK)  # O_NOFOLLOW on a link: ELOOP (EMLINK on BSDs)


class UnsafeFile(ValueError):
    """A file tidy will not read or edit (a FIFO, a device, a symlink, a linked folder ...).

    The message names the file and says why, e.g. ".gitignore is a symlink to a file
    outside the root; not edited".
    """

    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(f"{shown} {reason}")
        self.shown = shown
        self.reason = reason


def kind_of(mode: int) -> str:
    """`a FIFO`, `a socket`, `a folder` ...: what a non-regular file is, for messages."""
    for test, name in ((stat.S_ISREG, "a regular file"), (stat.S_ISFIFO, "a FIFO"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symlink")):
        if test(mode):
            return name
    return "not a regular file"


# ---------------------------------------------------------------------------- reading

def read_regular(path: str, *, limit: int = MAX_CONFIG_BYTES, follow_links: bool = False,
                 shown: str | None = None, verb: str = "read",
                 head: bool = False) -> bytes | None:
    """The bytes of `path` if it is a regular file; None if it does not exist.

    Raises UnsafeFile for anything else (a link unless `follow_links`, a FIFO, a device, a
    folder, a file over `limit` bytes unless `head`: then its first `limit` bytes) and
    OSError when it cannot be read (permissions).
    """
    return _read(path, None, shown or path, limit, follow_links, verb, head)


def read_regular_at(name: str, folder: int, *, limit: int, head: bool = False) -> bytes | None:
    """read_regular for the entry `name` of the open folder `folder` (no path resolved
    again): the same refusals, links never followed."""
    return _read(name, folder, name, limit, False, "read", head)


def _read(name: str, dir_fd: int | None, shown: str, limit: int, follow_links: bool,
          verb: str, head: bool = False) -> bytes | None:
    found = _read_stat(name, dir_fd, shown, limit, follow_links, verb, head)
    return None if found is None else found[0]


def _read_stat(name: str, dir_fd: int | None, shown: str, limit: int, follow_links: bool,
               verb: str, head: bool = False) -> tuple[bytes, os.stat_result] | None:
    """The bytes and the fstat of the file read (None: missing)."""
    # lstat first: opening a device can have effects of its own, so only a regular file
    # is ever opened; fstat afterwards proves it is still the file that was checked.
    try:
        before = os.stat(name, dir_fd=dir_fd, follow_symlinks=follow_links)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(before.st_mode):
        raise UnsafeFile(shown, _not_regular(before.st_mode, verb))
    flags = os.O_RDONLY | os.O_CLOEXEC | _NONBLOCK | (0 if follow_links else _NOFOLLOW)
    try:
        fd = os.open(name, flags, dir_fd=dir_fd)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        if error.errno in _LINK_ERRORS:
            raise UnsafeFile(shown, f"is a symlink; not {verb}") from None
        raise
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (
                before.st_dev, before.st_ino):
            raise UnsafeFile(shown, f"changed while tidy opened it; not {verb}")
        data = _read_up_to(fd, limit if head else limit + 1)
        now = os.fstat(fd)  # after the read: a write meanwhile shows in size or mtime
    finally:
        os.close(fd)
    if len(data) > limit and not head:
        raise UnsafeFile(shown, f"is over {limit:,} bytes, too big for a config file; not {verb}")
    return data, now


def _not_regular(mode: int, verb: str) -> str:
    if stat.S_ISLNK(mode):
        return f"is a symlink; not {verb}"
    return f"is {kind_of(mode)}, not a regular file; not {verb}"


def _read_up_to(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


# ---------------------------------------------------------------------------- inside a root

def _parts(rel: str) -> list[str]:
    parts = [p for p in rel.replace(os.sep, "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        raise UnsafeFile(rel, "leaves the root (..); not edited")
    return parts


def _split(rel: str) -> tuple[list[str], str]:
    parts = _parts(rel)
    if not parts:
        raise UnsafeFile(rel or ".", "is the root itself, not a file; not edited")
    return parts[:-1], parts[-1]


@contextlib.contextmanager
def folder_in_root(root: str, folders: list[str], *, create: bool = False,
                   verb: str = "edited", exact_root: bool = False) -> Iterator[int]:
    """A descriptor of root/folders..., each part opened O_NOFOLLOW|O_DIRECTORY from its parent.

    The root is opened as the user named it; below it nothing is followed. With `exact_root`
    (a root tidy found, not one the user named: a nested repository, a journal's), the root
    too must be reached with no link on the way (UnsafeFile). Missing folders are made with
    `create` (like `.vscode/`), else FileNotFoundError.
    """
    fd = os.open(root, _DIR_FLAGS)
    try:
        if exact_root:
            _reached_as_named(root, fd, verb)
        for depth, part in enumerate(folders):
            child = _open_child_folder(root, folders[:depth], part, fd, create, verb)
            os.close(fd)
            fd = child
        yield fd
    finally:
        os.close(fd)


def _reached_as_named(root: str, fd: int, verb: str) -> None:
    """The folder `fd`, opened by the path `root`, is at that very path: no symlink on the
    way (trust round 20: a nested repository's folder swapped for a link to an outside folder
    between tidy's read of its .gitignore and its write had the write land outside). The
    kernel's own path of the descriptor says where the open went; without /proc (not
    mounted, another namespace's), the path is walked again from / with no link followed and
    must lead to the same folder (trust round 22: the check was skipped there)."""
    try:
        reached = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        here = os.fstat(fd)
        if _walked_to(root) != (here.st_dev, here.st_ino):
            raise UnsafeFile(root, "is reached through a symlink, or was moved (no /proc to "
                             f"say where); nothing in it {verb}") from None
        return
    if reached != os.path.abspath(root):
        raise UnsafeFile(root, f"is reached through a symlink (to {reached}), or was moved; "
                         f"nothing in it {verb}")


def _walked_to(root: str) -> tuple[int, int] | None:
    """(device, inode) of the folder at `root`, opened from / a part at a time with
    O_NOFOLLOW; None when a part is a link, missing or not a folder."""
    try:
        fd = os.open(os.sep, _DIR_FLAGS)
    except OSError:
        return None
    try:
        for part in os.path.abspath(root).split(os.sep):
            if part:
                child = os.open(part, _DIR_FLAGS | _NOFOLLOW, dir_fd=fd)
                os.close(fd)
                fd = child
        found = os.fstat(fd)
        return found.st_dev, found.st_ino
    except OSError:
        return None
    finally:
        os.close(fd)


def _open_child_folder(root: str, above: list[str], part: str, parent: int, create: bool,
                       verb: str) -> int:
    flags = _DIR_FLAGS | _NOFOLLOW
    try:
        return os.open(part, flags, dir_fd=parent)
    except FileNotFoundError:
        if not create:
            raise
    except OSError as error:
        if error.errno not in (*_LINK_ERRORS, errno.ENOTDIR):
            raise
        raise _not_a_folder(root, above, part, parent, verb) from None
    with contextlib.suppress(FileExistsError):  # made by someone else meanwhile: fine
        os.mkdir(part, 0o777, dir_fd=parent)
    try:
        return os.open(part, flags, dir_fd=parent)
    except OSError as error:
        if error.errno not in (*_LINK_ERRORS, errno.ENOTDIR):
            raise
        raise _not_a_folder(root, above, part, parent, verb) from None


def _shown(root: str, rel: str) -> str:
    """`rel` as a message names it: absolute when the root is "/" (tidy extract's reads)."""
    return os.sep + rel if root == os.sep else rel


def _not_a_folder(root: str, above: list[str], part: str, parent: int, verb: str
                  ) -> UnsafeFile:
    shown = _shown(root, "/".join([*above, part]) + "/")
    st = os.stat(part, dir_fd=parent, follow_symlinks=False)
    if stat.S_ISLNK(st.st_mode):
        return UnsafeFile(shown, _link_reason(root, above, part, parent, st, verb))
    return UnsafeFile(shown, f"is {kind_of(st.st_mode)}, not a folder; not {verb}")


def _link_reason(root: str, folders: list[str], name: str, parent: int, st: os.stat_result,
                 verb: str) -> str:
    """"is a symlink to a file outside the root; not edited" (or inside: still not edited).
    Below "/" (tidy extract reads its module's files from the top down) every target is
    inside: "is a symlink; not edited"."""
    if os.path.realpath(root) == os.sep:
        return f"is a symlink; not {verb}"
    try:
        target = os.readlink(name, dir_fd=parent)
    except OSError:
        target = ""
    here = os.path.join(os.path.realpath(root), *folders)
    resolved = os.path.realpath(os.path.join(here, target)) if target else ""
    real_root = os.path.realpath(root)
    inside = bool(resolved) and (resolved == real_root or
                                 resolved.startswith(real_root.rstrip(os.sep) + os.sep))
    what = "a folder" if resolved and os.path.isdir(resolved) else "a file"
    where = "inside the root: tidy edits only regular files" if inside else "outside the root"
    return f"is a symlink to {what} {where}; not {verb}"


def lstat_at(name: str, folder: int) -> os.stat_result | None:
    """lstat of `name` in the folder descriptor; None when it is missing."""
    return _lstat_at(name, folder)


def split_rel(rel: str) -> tuple[list[str], str]:
    """`a/b/c` -> (["a", "b"], "c"); UnsafeFile for `..` or the root itself."""
    return _split(rel)


def link_reason(root: str, folders: list[str], name: str, parent: int, st: os.stat_result,
                verb: str) -> str:
    """Why a symlink found at folders/name is not followed, in words."""
    return _link_reason(root, folders, name, parent, st, verb)


def write_all(fd: int, data: bytes) -> None:
    """Every byte of `data` to `fd` (os.write may write fewer)."""
    _write_all(fd, data)


def _lstat_at(name: str, folder: int) -> os.stat_result | None:
    try:
        return os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return None


def check_editable(root: str, rel: str, verb: str = "edited") -> str:
    """Why root/rel cannot be edited ("" when it can, or does not exist yet): a symlink,
    a FIFO, a linked folder on the way. Reads nothing; for plans, dry runs and notes."""
    folders, name = _split(rel)
    try:
        with folder_in_root(root, folders, verb=verb) as folder:
            st = _lstat_at(name, folder)
            if st is None or stat.S_ISREG(st.st_mode):
                return ""
            if stat.S_ISLNK(st.st_mode):
                return f"{rel} {_link_reason(root, folders, name, folder, st, verb)}"
            return f"{rel} is {kind_of(st.st_mode)}, not a regular file; not {verb}"
    except FileNotFoundError:
        return ""  # the folder does not exist yet: it will be made, and the file with it
    except NotADirectoryError:
        return ""
    except UnsafeFile as error:
        return str(error)


# What a scan reads in a repo (or folder) besides its tree: (file, links followed). tidy's own
# settings may be a link to a shared file; the rest must be real files inside the tree.
SCAN_CONFIG_FILES = ((".gitignore", False), (".gitattributes", False), (".ignore", False),
                     (".rgignore", False), (".vscode/settings.json", False),
                     (".tidy.toml", True), ("pyproject.toml", True))


def config_file_notes(root: str, ignore_dirs: Iterable[str] = ()) -> list[str]:
    """One note per config or evidence file a scan of `root` left unread, and why: a FIFO,
    socket or device (it would have blocked the scan), or a link out of the tree."""
    notes = []
    wanted = [rel for rel, _ in SCAN_CONFIG_FILES]
    follow = {rel for rel, links in SCAN_CONFIG_FILES if links}
    for folder in ignore_dirs:
        if folder not in ("", "."):
            wanted += [f"{folder}/.ignore", f"{folder}/.rgignore"]
    for rel in dict.fromkeys(wanted):
        if rel in follow:
            note = _followed_note(os.path.join(root, rel), rel)
        else:
            try:
                note = check_editable(root, rel, verb="read")
            except OSError:
                note = ""
        if note:
            notes.append(note)
    return notes


def _followed_note(path: str, rel: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return ""
    if stat.S_ISREG(st.st_mode):
        return ""
    return f"{rel} is {kind_of(st.st_mode)}, not a regular file; not read"


def read_in_root(root: str, rel: str, *, limit: int = MAX_CONFIG_BYTES,
                 verb: str = "edited") -> bytes | None:
    """The bytes of root/rel, reached without following any link; None when it is missing.

    UnsafeFile when it (or a folder on the way) is a link, a FIFO, a device ...; `verb` ends
    its message ("not edited", "not read").
    """
    found = read_stat_in_root(root, rel, limit=limit, verb=verb)
    return None if found is None else found[0]


def read_stat_in_root(root: str, rel: str, *, limit: int = MAX_CONFIG_BYTES,
                      verb: str = "edited", exact_root: bool = False
                      ) -> tuple[bytes, os.stat_result] | None:
    """read_in_root, with the fstat of the very file read (its identity for a later
    compare-and-swap, tidy.core.swap); None when it is missing. `exact_root`: folder_in_root's."""
    folders, name = split_rel(rel)
    try:
        with folder_in_root(root, folders, verb=verb, exact_root=exact_root) as folder:
            st = lstat_at(name, folder)
            if st is not None and stat.S_ISLNK(st.st_mode):
                raise UnsafeFile(_shown(root, rel),
                                 _link_reason(root, folders, name, folder, st, verb))
            return _read_stat(name, folder, _shown(root, rel), limit, False, verb)
    except FileNotFoundError:
        return None


def write_in_root(root: str, rel: str, data: bytes, *, mode: int | None = None) -> None:
    """Replace root/rel with `data` in one rename, relative to its folder's descriptor.

    The file keeps its mode (or gets `mode`, or 0666 minus the umask when new). Folders on
    the way are created when missing. UnsafeFile when the file or a folder on the way is not
    what tidy edits; nothing is written then.
    """
    folders, name = _split(rel)
    with folder_in_root(root, folders, create=True) as folder:
        st = _lstat_at(name, folder)
        if st is not None and stat.S_ISLNK(st.st_mode):
            raise UnsafeFile(rel, _link_reason(root, folders, name, folder, st, "edited"))
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise UnsafeFile(rel, f"is {kind_of(st.st_mode)}, not a regular file; not edited")
        final_mode = mode if mode is not None else (
            stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
        replace_at(folder, name, data, final_mode)


def remove_in_root(root: str, rel: str) -> bool:
    """Delete root/rel if it is a regular file (never a link, never through one); True if
    it was removed, False if it was not there."""
    folders, name = _split(rel)
    try:
        with folder_in_root(root, folders) as folder:
            st = _lstat_at(name, folder)
            if st is None:
                return False
            if not stat.S_ISREG(st.st_mode):
                raise UnsafeFile(rel, f"is {kind_of(st.st_mode)}, not a regular file; not removed")
            os.unlink(name, dir_fd=folder)
            _fsync(folder)
            return True
    except FileNotFoundError:
        return False


def create_in_root(root: str, rel: str, data: bytes, mode: int = 0o644) -> None:
    """Write a new file root/rel (O_EXCL: an existing name is never replaced); FileExistsError
    when the name is taken. The root is reached with no link on the way (`exact_root`: its
    one caller, undo's conflict copy, writes in a root a journal names)."""
    folders, name = _split(rel)
    with folder_in_root(root, folders, create=True, exact_root=True) as folder:
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | _NOFOLLOW,
                     mode, dir_fd=folder)
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        _fsync(folder)


def remove_kept_file(path: str | None) -> str | None:
    """Delete a file tidy keeps for itself (a cache, its notes) at `path`: a regular file or
    a link, by name in its folder (opened without following its last part), never a folder
    or a FIFO that took its name; `path` when it was removed, None when it was not there or
    could not be."""
    if path is None:
        return None
    try:
        folder = os.open(os.path.dirname(path), _DIR_FLAGS | _NOFOLLOW)
    except OSError:
        return None
    name = os.path.basename(path)
    try:
        st = os.stat(name, dir_fd=folder, follow_symlinks=False)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
            return None
        os.unlink(name, dir_fd=folder)
        return path
    except OSError:
        return None
    finally:
        os.close(folder)


# ---------------------------------------------------------------------------- tidy's logs

def open_for_append(path: str, mode: int = 0o600) -> int:
    """A descriptor appending to one of tidy's own log files (created when missing): only a
    regular file, never reached through a symlink (a line would land in whatever it names),
    never a FIFO (an open for writing waits for a reader for ever). UnsafeFile otherwise."""
    return open_own_file(path, os.O_WRONLY | os.O_APPEND, mode)


def open_own_file(path: str, access: int = os.O_RDWR, mode: int = 0o600) -> int:
    """One of tidy's own state files (a lock, a log), created when missing and opened with
    `access` (O_RDWR, O_WRONLY | O_APPEND ...): only as a regular file reached without a
    link, never waiting on a FIFO. UnsafeFile otherwise."""
    flags = access | os.O_CREAT | os.O_CLOEXEC | _NOFOLLOW | _NONBLOCK
    try:
        fd = os.open(path, flags, mode)
    except OSError as error:
        if error.errno in _LINK_ERRORS:
            raise UnsafeFile(path, "is a symlink; not written") from None
        if error.errno in (errno.ENXIO, errno.EISDIR):  # a FIFO with no reader; a folder
            st = os.stat(path, follow_symlinks=False)
            raise UnsafeFile(path, f"is {kind_of(st.st_mode)}, not a regular file; "
                             "not written") from None
        raise
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise UnsafeFile(path, f"is {kind_of(st.st_mode)}, not a regular file; not written")
    return fd


# ---------------------------------------------------------------------------- the rename

def temp_name() -> str:
    import secrets  # on a write only: ~3 ms (hmac, hashlib, random) a read-only run saves

    return f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}{TEMP_SUFFIX}"


def replace_at(folder: int, name: str, data: bytes, mode: int,
               times_ns: tuple[int, int] | None = None) -> None:
    """Write `data` to a new temp file in `folder` (a descriptor) and rename it to `name`;
    with `times_ns` (atime, mtime) the file gets those times before it takes the name."""
    remove_stale_temps(folder)
    temp = temp_name()
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | _NOFOLLOW, 0o600,
                 dir_fd=folder)
    try:
        try:
            _write_all(fd, data)
            os.fchmod(fd, mode)
            if times_ns is not None:
                os.utime(fd, ns=times_ns)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.rename(temp, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp, dir_fd=folder)
        raise
    _fsync(folder)  # the new name must survive a crash too


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync(folder: int) -> None:
    with contextlib.suppress(OSError):
        os.fsync(folder)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def is_temp_name(name: str) -> bool:
    return _TEMP_NAME.fullmatch(name) is not None


def remove_stale_temps(folder: int, now: float | None = None) -> list[str]:
    """Remove tidy's own temp files that a killed writer left in `folder` (a descriptor).

    Only regular files named like tidy's temps, and only when the process that made them is
    gone (its pid is in the name) or they are over an hour old: a live writer's temp file is
    never taken from under it. Returns the names removed.
    """
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    moment = time.time() if now is None else now
    for name in names:
        match = _TEMP_NAME.fullmatch(name)
        if match is None:
            continue
        st = _lstat_at(name, folder)
        if st is None or not stat.S_ISREG(st.st_mode):
            continue
        old = moment - st.st_mtime > STALE_TEMP_SECONDS
        pid = match.group(1)
        running = pid is None or int(pid) == os.getpid() or process_alive(int(pid))
        if not old and running:
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name, dir_fd=folder)
            removed.append(name)
    return removed

