"""Which content caches tidy wrote, and dropping them all (`tidy trash purge`).

A plain folder's cache lives in tidy's state folder (`content-cache/<hash>.json`); a repo's
inside its git directory, where nothing of tidy's state points at it. So each save of a
repo's cache notes the repo's root in `content-cache/repos.jsonl` (one JSON string a line,
appended; bounded: past MAX_REGISTERED roots the oldest are forgotten), and purge reads that
list back.

Purge deletes tidy's own cache files and nothing else. The list is tidy's state and still
untrusted input (anyone who can write the state folder can name any path), and so is what
it leads to: a line that is not an absolute, normalised path is skipped; the git dir, its
`tidy` folder and the cache file are each opened without following a link (a link is left
alone and reported); the file must be a regular, singly linked file of this user that opens
the way tidy writes a cache (`{"format":N,"tidy":"...","shape":"...","root":ROOT,`) for that
very root (a state-folder cache: the root its name is the hash of); it is unlinked by name
relative to its folder, only while that name is still the file that was checked.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeGuard

from tidy.core.safe_files import replace_at
from tidy.core.state import StateError, ensure_private, state_dir
from tidy.workspace import content_cache
from tidy.workspace.git import git_dir

REGISTRY_NAME = "repos.jsonl"
MAX_REGISTERED = 10_000  # repos remembered; the oldest go first
MAX_REGISTRY_BYTES = 8 * 1024 * 1024
# The plain folders' caches in the state folder, together (each is bounded by
# content_cache.MAX_CACHE_BYTES): past either bound the least recently written go.
MAX_STATE_CACHES = 256
MAX_STATE_BYTES = 1024 * 1024 * 1024
_HEAD_BYTES = 65_536  # enough for the header and any root path
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_HEADER = re.compile(rb'\{"format":\d{1,6},"tidy":"[^"\\]{0,64}","shape":"[0-9a-f]{1,64}",'
                     rb'"root":')
# Opening a link with O_NOFOLLOW fails with ELOOP, or ENOTDIR when a folder was asked for.
_A_LINK = (errno.ELOOP, errno.ENOTDIR)
_STATE_NAME = re.compile(r"[0-9a-f]{24}\.json")
_registered: set[tuple[str, str]] = set()  # (state folder, root): a scan reads the list once


def _state_folder() -> str:
    return os.path.join(state_dir(), content_cache.STATE_FOLDER)


# ---------------------------------------------------------------------------- the list
def register(root: str) -> None:
    """Note that the git dir of the repo at `root` holds a content cache. Best effort: a
    scan never fails on it (the cache is then only dropped by `tidy cache clear`)."""
    noted = (_state_folder(), root)
    if noted in _registered or not _usable_root(root):
        return
    try:
        folder = os.open(ensure_private(_state_folder()), _DIR_FLAGS)
    except (OSError, StateError):
        return
    try:
        known = _read_registry(folder)
        if root not in known:
            if len(known) >= MAX_REGISTERED:
                _write_registry(folder, [*known[len(known) - MAX_REGISTERED + 1:], root])
            else:
                _append(folder, root)
        _registered.add(noted)
    except OSError:
        return
    finally:
        os.close(folder)


def registered() -> list[str]:
    """The repo roots the list names that pass as paths (in the order they were noted)."""
    try:
        folder = os.open(_state_folder(), _DIR_FLAGS)
    except OSError:
        return []
    try:
        return _read_registry(folder)
    finally:
        os.close(folder)


def _usable_root(root: object) -> TypeGuard[str]:
    return (isinstance(root, str) and os.path.isabs(root) and "\0" not in root
            and os.path.normpath(root) == root and len(root) < 4096)


def _read_registry(folder: int) -> list[str]:
    try:
        fd = os.open(REGISTRY_NAME, _READ_FLAGS, dir_fd=folder)
    except OSError:
        return []
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_REGISTRY_BYTES:
            return []
        data = content_cache.read_all(fd, MAX_REGISTRY_BYTES)
    finally:
        os.close(fd)
    roots: dict[str, None] = {}
    for line in data.split(b"\n"):
        try:
            root = json.loads(line) if line.strip() else None
        except (ValueError, RecursionError):
            continue
        if _usable_root(root):
            roots[root] = None
    return list(roots)


def _append(folder: int, root: str) -> None:
    fd = os.open(REGISTRY_NAME, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW
                 | getattr(os, "O_CLOEXEC", 0), 0o600, dir_fd=folder)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return
        # One write of one line with O_APPEND: two scans appending at once keep both lines.
        os.write(fd, (json.dumps(root) + "\n").encode("ascii"))
    finally:
        os.close(fd)


def _write_registry(folder: int, roots: list[str]) -> None:
    if roots:
        replace_at(folder, REGISTRY_NAME,
                   "".join(json.dumps(r) + "\n" for r in roots).encode("ascii"), 0o600)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(REGISTRY_NAME, dir_fd=folder)


# ---------------------------------------------------------------------------- dropping
@dataclass
class Dropped:
    """What a purge of the content caches did (or, on a dry run, would do)."""

    removed: list[tuple[str, int]] = field(default_factory=list)  # (path, bytes)
    left: list[tuple[str, str]] = field(default_factory=list)  # (path, why it was left)

    @property
    def bytes(self) -> int:
        return sum(size for _, size in self.removed)


def drop_all(dry_run: bool = False) -> Dropped:
    """Delete every content cache tidy knows of: the repos' on the list, the plain folders'
    in the state folder. The list keeps only the repos whose cache was left."""
    done = Dropped()
    kept: list[str] = []
    roots = registered()
    for root in roots:
        before = len(done.left)
        _drop_repo_cache(root, done, dry_run)
        if len(done.left) > before:
            kept.append(root)
    _drop_state_caches(done, dry_run)
    if not dry_run and roots:
        with contextlib.suppress(OSError):
            folder = os.open(_state_folder(), _DIR_FLAGS)
            try:
                _write_registry(folder, kept)
            finally:
                os.close(folder)
        _registered.clear()
    return done


def _drop_repo_cache(root: str, done: Dropped, dry_run: bool) -> None:
    directory = git_dir(root)
    if directory is None:
        return  # no longer a repo: nothing of tidy's to find there
    shown = os.path.join(directory, content_cache.CACHE_FOLDER, content_cache.CACHE_NAME)
    top = _open_folder(directory, None, done, shown,
                       "the git directory is a symlink: not followed")
    if top is None:
        return
    try:
        folder = _open_folder(content_cache.CACHE_FOLDER, top, done, shown,
                              "its folder is a symlink or not a folder: not followed")
        if folder is None:
            return
        try:
            _drop_at(folder, content_cache.CACHE_NAME, shown, lambda found: found == root,
                     done, dry_run)
            # The cache's notes, begun as the cache is (content_notes), when there are some.
            from tidy.workspace import content_notes

            notes = os.path.join(os.path.dirname(shown), content_notes.NOTES_NAME)
            _drop_at(folder, content_notes.NOTES_NAME, notes, lambda found: found == root,
                     done, dry_run)
            # The index's listing kept beside it, when there is one (loaded here: a purge of
            # runs alone need not import it).
            from tidy.workspace import index_cache

            listing = os.path.join(os.path.dirname(shown), index_cache.CACHE_NAME)
            _drop_at(folder, index_cache.CACHE_NAME, listing, lambda found: found == root,
                     done, dry_run, index_cache.root_in_head)
            from tidy.workspace import untracked_cache

            untracked = os.path.join(os.path.dirname(shown), untracked_cache.CACHE_NAME)
            _drop_at(folder, untracked_cache.CACHE_NAME, untracked,
                     lambda found: found == root, done, dry_run, untracked_cache.root_in_head)
        finally:
            os.close(folder)
    finally:
        os.close(top)


def _open_folder(path: str, dir_fd: int | None, done: Dropped, shown: str,
                 refused: str) -> int | None:
    """A descriptor of the folder `path` (relative to `dir_fd`), never through a link; None
    when it cannot be opened, with `refused` noted for `shown` when a link (or a file) stands
    where the folder should (a folder that is simply not there is nothing to drop)."""
    try:
        return os.open(path, _DIR_FLAGS, dir_fd=dir_fd)
    except OSError as error:
        if error.errno in _A_LINK:
            done.left.append((shown, refused))
        return None


def _drop_state_caches(done: Dropped, dry_run: bool) -> None:
    path = _state_folder()
    folder = _open_folder(path, None, done, path,
                          "a symlink where tidy's state folder has its caches: not followed")
    if folder is None:
        return
    try:
        for name in sorted(os.listdir(folder)):
            if _STATE_NAME.fullmatch(name):
                _drop_at(folder, name, os.path.join(path, name), _named_by(name), done,
                         dry_run)
    finally:
        os.close(folder)


def bound_state_caches(kept: str) -> int:
    """Keep the plain folders' caches in the state folder within MAX_STATE_CACHES files and
    MAX_STATE_BYTES: the least recently written go first, never `kept` (the cache just
    saved). Each goes only as purge would delete it (tidy's own cache file, checked).
    How many went."""
    try:
        folder = os.open(_state_folder(), _DIR_FLAGS)
    except OSError:
        return 0
    try:
        found = []
        for name in os.listdir(folder):
            if _STATE_NAME.fullmatch(name) and name != kept:
                with contextlib.suppress(OSError):
                    st = os.stat(name, dir_fd=folder, follow_symlinks=False)
                    if stat.S_ISREG(st.st_mode):
                        found.append((st.st_mtime_ns, name, st.st_size))
        kept_size = 0
        with contextlib.suppress(OSError):
            kept_size = os.stat(kept, dir_fd=folder, follow_symlinks=False).st_size
        count, total = len(found) + 1, sum(size for _, _, size in found) + kept_size
        done = Dropped()
        for _, name, size in sorted(found):  # oldest first
            if count <= MAX_STATE_CACHES and total <= MAX_STATE_BYTES:
                break
            before = len(done.removed)
            _drop_at(folder, name, name, _named_by(name), done, dry_run=False)
            if len(done.removed) > before:
                count, total = count - 1, total - size
        return len(done.removed)
    finally:
        os.close(folder)


def _named_by(name: str) -> Callable[[str], bool]:
    """A state-folder cache belongs to the root whose hash its name is."""
    digest = name.removesuffix(".json")
    return lambda root: content_cache.state_digest(root) == digest


def _drop_at(folder: int, name: str, shown: str, root_ok: Callable[[str], bool],
             done: Dropped, dry_run: bool,
             root_in_head: Callable[[bytes], str | None] | None = None) -> None:
    """Unlink `name` in `folder` when it is a cache tidy wrote for a root `root_ok` accepts."""
    try:
        fd = os.open(name, _READ_FLAGS, dir_fd=folder)
    except OSError as error:
        if error.errno == errno.ELOOP:
            done.left.append((shown, "a symlink, not tidy's cache: left alone"))
        elif error.errno != errno.ENOENT:
            done.left.append((shown, f"cannot be opened: {error.strerror}"))
        return
    try:
        st = os.fstat(fd)
        why = _not_ours(fd, st, root_ok, root_in_head or _content_cache_root)
    finally:
        os.close(fd)
    if why:
        done.left.append((shown, why))
        return
    if not dry_run:
        try:
            now = os.stat(name, dir_fd=folder, follow_symlinks=False)
            if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
                done.left.append((shown, "replaced while it was checked: left alone"))
                return
            os.unlink(name, dir_fd=folder)
        except OSError as error:
            if error.errno != errno.ENOENT:
                done.left.append((shown, f"cannot be deleted: {error.strerror}"))
            return
    done.removed.append((shown, st.st_size))


def _content_cache_root(head: bytes) -> str | None:
    """The root a content cache's first bytes name; None when they are not one's."""
    found = _HEADER.match(head)
    if found is None:
        return None
    try:
        root, _ = json.JSONDecoder().raw_decode(head[found.end():].decode("utf-8", "replace"))
    except ValueError:
        return None
    return root if isinstance(root, str) else None


def _not_ours(fd: int, st: os.stat_result, root_ok: Callable[[str], bool],
              root_in_head: Callable[[bytes], str | None]) -> str:
    """Why the open file is not a cache tidy wrote for an expected root ("" if it is)."""
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file: left alone"
    if st.st_uid != os.geteuid():
        return "owned by another user: left alone"
    if st.st_nlink != 1:
        return "has other hard links: left alone"
    root = root_in_head(content_cache.read_all(fd, _HEAD_BYTES))
    if root is None:
        return "does not read as tidy's cache: left alone"
    if not root_ok(root):
        return "a cache of another folder: left alone"
    return ""
