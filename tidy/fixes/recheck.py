"""The re-check right before a move, made on the descriptors the move then uses.

In order (the first that fails decides; see README "Safety"):

1. where it is: inside the scan root, not the root itself, /, the home folder, tidy's state
   folder, tidy's trash or a .git folder (lexical, on the planned path);
2. tracked now: git asked again, in batches, just before the batch moves (tidy/fixes/trash);
3. the way down: the scan root opened with O_DIRECTORY|O_NOFOLLOW, then each folder below it
   by name relative to its parent, each the same (st_dev, st_ino) as at plan time;
4. the item itself, by name in that parent: not a link, the planned type, device and inode,
   not a mount point, nothing mounted inside; stray bytecode still what the scan judged: a
   legacy `mod.pyc` still beside its `mod.py` (else `import mod` loads it now; looked for
   again right before the rename, step 9), a stale `__pycache__` .pyc still without one;
5. locked: a flock held on it, or cargo's `.cargo-lock`;
6. the whole subtree, walked by descriptors: a nested checkout (a name in
   tidy.core.catalog.VCS_MARKERS) skips it with that path (it wins over any other reason found in
   the walk); so does another filesystem below it; then any entry, the item included,
   changed since the scan began (ctime or mtime after the plan's `since_ns`);
7. written within `skip_recent` seconds (newest mtime found by that walk): a build may be
   running;
8. used by a live process (tidy/workspace/inuse.py, asked of the run's one look at /proc):
   a file inside it open, run or mapped, a working folder or an inotify watch inside it, a
   build running in its project or given a path in it, or a git operation in its repo. Asked
   after the others, so that their reasons (a flock, cargo's lock, a write) keep their words;
9. right before the rename (tidy/fixes/trash/move.py): the name in the held parent is still the
   checked inode; the rename never replaces anything (RENAME_NOREPLACE); right after it, the
   inode in the trash is the checked one, or it is renamed back.

What the subtree walk sees. Up to FULL_CHECK_ENTRIES entries (by the scan's count), every
entry is lstat'ed: a file created, deleted, renamed, rewritten in place, chmod'ed or given a
back-dated mtime (npm, tar) since the scan began changes some ctime there, and is seen.
Bigger trees, and every item the trash moves (`files_after`): only folders are lstat'ed here
(every folder is still listed, so nested checkouts are still found). Creating, deleting or
renaming anything changes its folder's ctime and mtime and is seen; rewriting an existing
file in place (O_TRUNC, append) changes no folder and is not seen here. The trash sees it
after all: an item it renames is walked again in the trash, every entry lstat'ed, and put
back when anything changed after the scan began (trash/settled.py; a write between this
walk and the rename, the batch's window, is seen there too); one it copies to another
filesystem gets every entry lstat'ed before the copy (files_unchanged), and what changes
during the copy stays (fdops.remove_copied_at). Never seen: a write through a descriptor
opened before the move and made after the walk in the trash passed its folder (a program
holding a file open: step 8 is what keeps those), the inside of a folder the user may not
read (only that folder's own times are compared), and anything if the clock was set back
between plan and apply. A time with no part of a second (a filesystem keeping whole seconds)
counts as changed when it falls in the second the scan began (written_since).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidy.core import state
from tidy.core.catalog import VCS_MARKERS
from tidy.core.printable import printable
from tidy.fixes.fdops import (
    FILE_FLAGS,
    Chain,
    Refused,
    lstat_at,
    open_chain,
    open_dir,
    same,
    walk_fds,
    why,
)
from tidy.fixes.plan import TRASH_FOLDER_NAME, PlannedAction

if TYPE_CHECKING:
    from tidy.workspace.inuse import Look, Use

# Trees up to this many entries (the scan's count) get every entry lstat'ed again before the
# move; bigger ones only their folders (see the module doc). Measured: ~1 s per 400k entries.
FULL_CHECK_ENTRIES = 200_000


@dataclass(frozen=True)
class Problem:
    reason: str
    attention: bool  # a safety reason (exit 1), not a routine "busy" or "gone"
    use: Use | None = None  # the live process that uses it, when that is the reason

    @classmethod
    def of(cls, refused: Refused) -> Problem:
        return cls(refused.reason, refused.attention, refused.use)


@dataclass
class Opened:
    """The item checked and held open: its parent chain, its name there, its lstat."""

    chain: Chain
    name: str
    st: os.stat_result
    fd: int  # the item opened (its flock is held while this is open); -1 when unreadable
    # A legacy `mod.pyc`'s `mod.py`: looked for again right before the rename (still_there)
    source: str = ""

    @property
    def parent(self) -> int:
        return self.chain.fd


def root_problem(action: PlannedAction) -> Problem | None:
    path, root = action.path, action.scan_root
    slash, home, own = _fixed_places(os.path.expanduser("~"), state.state_dir())
    if path in (slash, home, root) or os.path.dirname(path) == path:
        return Problem("the scanned folder itself, the home folder or /: never moved", True)
    if not path.startswith(root.rstrip(os.sep) + os.sep):
        return Problem("outside the scanned folder", True)
    if any(_inside(path, folder) for folder in own):
        return Problem("inside tidy's own state folder", True)
    if any(_inside(folder, path) for folder in own):
        # TIDY_STATE_DIR inside a cache (node_modules/.cache/tidy): the journals that undo
        # it, and the trash, would go with it.
        return Problem(f"holds tidy's own state folder ({printable(state.state_dir())}): "
                       "never moved; set TIDY_STATE_DIR to a folder outside it", True)
    rel_parts = _relative(path, root).split(os.sep)
    if TRASH_FOLDER_NAME in rel_parts or ".git" in rel_parts[:-1] or ".." in rel_parts:
        return Problem("inside tidy's trash or a .git folder", True)
    return None


_PLACES: dict[tuple[str, str], tuple[str, str, frozenset[str]]] = {}


def _fixed_places(home: str, state_dir: str) -> tuple[str, str, frozenset[str]]:
    """/ and the home folder resolved, and tidy's state folder as given and resolved: asked
    of every item, resolved once per home and state folder (realpath is a walk of lstats)."""
    key = (home, state_dir)
    if key not in _PLACES:
        forget_places()  # only the current pair is ever asked for again
        _PLACES[key] = (os.path.realpath("/"), os.path.realpath(home),
                        frozenset({state_dir, os.path.realpath(state_dir)}))
    return _PLACES[key]


def forget_places() -> None:
    """Resolve them again at the next item (each run of moves starts with this: a long-lived
    process, `tidy watch`, never keeps an answer from one run to the next)."""
    _PLACES.clear()


def parent_parts(path: str, scan_root: str) -> list[str]:
    rel = _relative(os.path.dirname(path), scan_root)
    return [] if rel == os.curdir else rel.split(os.sep)


def _relative(path: str, folder: str) -> str:
    """os.path.relpath for an absolute `path` at or inside `folder` by its text (relpath asks
    for the working folder on every call), relpath itself otherwise."""
    prefix = folder.rstrip(os.sep) + os.sep
    if os.path.isabs(path) and path.startswith(prefix) and os.path.normpath(path) == path:
        return path[len(prefix):]
    if path == folder:
        return os.curdir
    return os.path.relpath(path, folder)


@contextlib.contextmanager
def opened(action: PlannedAction, now: float, skip_recent: float,
           in_use: Look | None = None, mounts: Sequence[str] | None = None,
           chain: Chain | None = None, files_after: bool = False) -> Iterator[Opened]:
    """Steps 3-8 of the module doc on descriptors (8 with `in_use`), then hold them while the
    caller moves the item. Raises Refused with the reason. `mounts`: the mount points
    (mount_points()) read for a batch of moves, rather than the mount table read again for
    each. `chain`: the item's folders already opened for a batch (open_parent_chain), held
    and closed by the caller; checked against this item's own plan (shared_chain_fits).
    `files_after`: step 6 lstats folders only, the caller checking every entry later (the
    trash: once renamed, trash/settled.py; before a copy, files_unchanged)."""
    with contextlib.ExitStack() as owned:
        if chain is None:
            chain = owned.enter_context(open_parent_chain(action))
        else:
            shared_chain_fits(chain, action)
        name = os.path.basename(action.path)
        st = _item_stat(chain, name, action)
        fd = _open_item(chain.fd, name, st)
        try:
            item = Opened(chain, name, st, fd, legacy_source(action))
            _check_item(action, item, now, skip_recent, mounts, files_after)
            _check_bytecode(action, item)
            if in_use is not None:
                _check_users(action, in_use)
            yield item
        finally:
            if fd >= 0:
                os.close(fd)


def open_parent_chain(action: PlannedAction) -> Chain:
    """Step 3: the scan root, then each folder down to the item's parent, by descriptors,
    each the (st_dev, st_ino) the plan saw. Raises Refused."""
    return open_chain(action.scan_root, parent_parts(action.path, action.scan_root),
                      action.expected.chain)


def shared_chain_fits(chain: Chain, action: PlannedAction) -> None:
    """A chain opened for another item of the same parent (a batch opens each parent once):
    it must be every level of this item's own way down (none released yet: the bytecode
    check reads the grandparent) and each level the folder this item's plan saw. Raises
    Refused as open_chain would."""
    parts = parent_parts(action.path, action.scan_root)
    if (any(fd < 0 for fd in chain.fds) or chain.paths[0] != action.scan_root
            or [os.path.basename(p) for p in chain.paths[1:]] != parts):
        raise Refused("internal: a shared folder chain that is not this item's", True)
    for level, (path, st) in enumerate(zip(chain.paths, chain.stats, strict=True)):
        if level < len(action.expected.chain) and not same(st, action.expected.chain[level]):
            raise Refused(f"a folder on the way was replaced since the plan (another folder): "
                          f"{path}")


def still_there(item: Opened) -> None:
    """Right before the rename: the name in the held parent is still the checked inode, a
    legacy .pyc still has its source beside it, and the parent is still where the plan's path
    says (still_in_place)."""
    try:
        st = lstat_at(item.parent, item.name)
    except FileNotFoundError:
        raise Refused("gone since the check", False) from None
    if not same(st, (item.st.st_dev, item.st.st_ino)):
        raise Refused("replaced during the check (another inode)")
    if item.source and not source_is_there(item.parent, item.source):
        raise Refused(_SOURCE_GONE.format(item.source))
    still_in_place(item.chain)


def still_in_place(chain: Chain) -> None:
    """Each folder from the scanned one down to the held parent is still the one opened, at
    its path, and no link. The rename acts on the held parent wherever it is now: a project
    folder moved elsewhere (out of the scanned folder) after a batch's intents were written
    and before its move had its item taken from there, and `tidy undo` made the old path's
    folders again to put it back where it no longer belonged. A stat per level: the scanned
    folder as the user named it (a link there is theirs), below it none followed."""
    for level, (path, held) in enumerate(zip(chain.paths, chain.stats, strict=True)):
        try:
            now = os.stat(path, follow_symlinks=level == 0)
        except OSError:
            now = None
        if now is None or not stat.S_ISDIR(now.st_mode) or not same(
                now, (held.st_dev, held.st_ino)):
            raise Refused(f"{printable(path)} was moved or replaced since the check; "
                          "nothing moved", False)


# Stray bytecode is a cache only while its source is where `import` finds it first
# (tidy/workspace/walk.py decided so at the scan): a legacy `mod.pyc` whose `mod.py` went
# since is what `import mod` loads now; a stale `__pycache__/mod.cpython-311.pyc` whose
# `mod.py` came back is a cache of it again.
_SOURCE_GONE = ("its source {} is gone since the scan: Python imports this .pyc now, so it "
                "may be the only copy of the code; never moved")
_PYCACHE = "__pycache__"


def legacy_source(action: PlannedAction) -> str:
    """For a legacy-location `mod.pyc` the scan found beside its `mod.py` (kind "pyc"), the
    source's name; "" for anything else."""
    if action.kind != "pyc" or action.expected.type != "file":
        return ""
    folder, name = os.path.split(action.path)
    if os.path.basename(folder) == _PYCACHE or not name.endswith((".pyc", ".pyo")):
        return ""
    return name.rsplit(".", 1)[0] + ".py"


def _check_bytecode(action: PlannedAction, item: Opened) -> None:
    """Bytecode is still what the scan judged it: a legacy .pyc still has its source, a
    stale one in __pycache__ still has none (both looked up in the held folders)."""
    if item.source and not source_is_there(item.parent, item.source):
        raise Refused(_SOURCE_GONE.format(item.source))
    if (action.code == "TDY103" and action.expected.type == "file"
            and os.path.basename(os.path.dirname(action.path)) == _PYCACHE
            and len(item.chain.fds) >= 2 and item.chain.fds[-2] >= 0):
        module = item.name.split(".", 1)[0]
        if any(_exists_at(item.chain.fds[-2], module + suffix, unknown=True)
               for suffix in (".py", ".pyw")):
            raise Refused(f"its source {module}.py is back since the scan: no longer stale",
                          False)


def source_is_there(folder: int, name: str) -> bool:
    """A legacy .pyc's source `name` in `folder` is what `import` would load instead: a
    regular file, a link followed (import's finder stats it so). A folder, a FIFO or a
    dangling link of that name, or one that cannot be looked at, is none."""
    try:
        return stat.S_ISREG(os.stat(name, dir_fd=folder).st_mode)
    except OSError:
        return False


def _exists_at(folder: int, name: str, unknown: bool) -> bool:
    """`name` is in `folder`; `unknown` when the folder cannot say (the answer that keeps
    the item where it is)."""
    try:
        lstat_at(folder, name)
    except FileNotFoundError:
        return False
    except OSError:
        return unknown
    return True


def _item_stat(chain: Chain, name: str, action: PlannedAction) -> os.stat_result:
    expected = action.expected
    try:
        st = lstat_at(chain.fd, name)
    except FileNotFoundError:
        raise Refused("gone since the scan", False) from None
    except OSError as error:
        raise Refused(f"cannot look at it: {why(error)}") from None
    if stat.S_ISLNK(st.st_mode):
        raise Refused("now a symlink where a folder or file was planned")
    now_type = "dir" if stat.S_ISDIR(st.st_mode) else "file" if stat.S_ISREG(st.st_mode) else "?"
    if now_type != expected.type:
        raise Refused(f"now a {now_type}, planned as a {expected.type}")
    if not same(st, (expected.dev, expected.ino)):
        raise Refused("replaced since the plan (another inode)")
    return st


def _open_item(parent: int, name: str, st: os.stat_result) -> int:
    try:
        fd = open_dir(name, parent) if stat.S_ISDIR(st.st_mode) else os.open(
            name, FILE_FLAGS, dir_fd=parent)
    except PermissionError:
        if stat.S_ISDIR(st.st_mode):
            raise Refused("cannot read it to check what is inside (permission denied)") from None
        return -1  # an unreadable file: no lock to test; the move itself decides
    except OSError as error:
        raise Refused(f"changed while being opened: {why(error)}") from None
    if not same(os.fstat(fd), (st.st_dev, st.st_ino)):
        os.close(fd)
        raise Refused("replaced since the plan (another inode)")
    return fd


def _check_item(action: PlannedAction, item: Opened, now: float, skip_recent: float,
                mounts: Sequence[str] | None = None, files_after: bool = False) -> None:
    expected, st = action.expected, item.st
    if stat.S_ISDIR(st.st_mode):
        if os.fstat(item.parent).st_dev != st.st_dev:
            raise Refused("a mount point")
        inner = mounts_below(action.path, mounts)
        if inner:
            raise Refused(f"another filesystem is mounted inside: {inner[0]}")
    # The folder's own listing, read once: the cargo lock check and the subtree walk share it.
    listing = _listing(item.fd) if item.fd >= 0 and stat.S_ISDIR(st.st_mode) else None
    if item.fd >= 0:
        _check_locks(item, listing)
    since = expected.since_ns
    newest = st.st_mtime_ns
    if listing is not None:
        full = not files_after and action.files <= FULL_CHECK_ENTRIES
        newest = max(newest, _check_subtree(action.path, item.fd, st.st_dev, since, full,
                                            listing))
    if st.st_mtime_ns > expected.mtime_ns or (
            since and written_since(st, since)):
        raise Refused("modified since the plan (changed after the scan began)", False)
    _check_recent(action, newest, now, skip_recent)


def _check_users(action: PlannedAction, in_use: Look) -> None:
    """Step 8: a live process uses it. Attention (exit 1): the user ran a fix that left
    this undone, and only stopping that program lets it go."""
    use = in_use.use_of(action.path, action.root, action.is_repo)
    if use is not None:
        raise Refused(use.reason, True, use=use)


def _listing(fd: int) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(fd) as entries:
            return list(entries)
    except OSError as error:
        raise Refused(f"cannot look inside it: {why(error)}") from None


def _check_locks(item: Opened, listing: list[os.DirEntry[str]] | None = None) -> None:
    """systemd-tmpfiles' convention: a program keeps its folder by holding a BSD lock on it.
    Cargo holds `.cargo-lock` (in target/ and target/<profile>/) while it builds."""
    try:
        fcntl.flock(item.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise Refused("locked by another process (flock held on it)", False) from None
    except OSError:
        pass  # a filesystem without flock: nothing to respect
    if stat.S_ISDIR(item.st.st_mode) and _cargo_busy(item.fd, listing):
        raise Refused("cargo is building here (.cargo-lock is held)", False)


def _cargo_busy(fd: int, listing: list[os.DirEntry[str]] | None = None) -> bool:
    places: list[tuple[int, str]] = [(fd, ".cargo-lock")]
    opened_dirs: list[int] = []
    try:
        entries = listing if listing is not None else _listing(fd)
        subdirs = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
        for name in subdirs:
            with contextlib.suppress(OSError):
                opened_dirs.append(open_dir(name, fd))
                places.append((opened_dirs[-1], ".cargo-lock"))
        return any(_lock_held(d, n) for d, n in places)
    finally:
        for d in opened_dirs:
            os.close(d)


def _lock_held(dir_fd: int, name: str) -> bool:
    try:
        fd = os.open(name, FILE_FLAGS, dir_fd=dir_fd)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        pass
    finally:
        os.close(fd)
    return False


def _check_subtree(path: str, top: int, dev: int, since: int, full: bool,
                   listing: list[os.DirEntry[str]] | None = None) -> int:
    """Step 6 of the module doc; the newest mtime (ns) it saw. The walk goes on past a write
    it has seen, so that a nested checkout (often the write itself: a `git clone`) is the
    reason given when there is one."""
    newest, written = 0, ""
    try:
        for _fd, rel, entries in walk_fds(top, listing):
            for entry in entries:
                where = os.path.join(path, rel, entry.name)
                if entry.name in VCS_MARKERS:
                    raise Refused(f"holds a nested checkout ({entry.name}) at {where}: another "
                                  "repository's work is never moved; move or delete it yourself")
                is_dir = entry.is_dir(follow_symlinks=False)
                if not (full or is_dir):
                    continue
                st = entry.stat(follow_symlinks=False)
                if is_dir and st.st_dev != dev:
                    raise Refused(f"another filesystem is mounted inside: {where}")
                if since and not written and written_since(st, since):
                    written = where
                newest = max(newest, st.st_mtime_ns)
    except OSError as error:
        raise Refused(f"cannot look inside it: {why(error)}") from None
    if written:
        raise Refused(f"modified since the plan: {written} changed after the scan began", False)
    return newest


def files_unchanged(action: PlannedAction, item: Opened) -> None:
    """Step 6 for every entry of a held folder whose `opened` walk left files to the caller
    (files_after): Refused when any changed after the scan began."""
    if item.fd >= 0 and stat.S_ISDIR(item.st.st_mode):
        _check_subtree(action.path, item.fd, item.st.st_dev, action.expected.since_ns, True)


def written_since(st: os.stat_result, since_ns: int) -> bool:
    """Changed after `since_ns` (ctime or mtime later). A filesystem that keeps whole seconds
    stamps a write made later in `since_ns`'s own second with that second, no later than it:
    as git's racy-clean rule does, such a time (no part of a second) counts as changed when
    it falls in that second. A file written then, before the scan, is left too: the safe side."""
    newest = max(st.st_ctime_ns, st.st_mtime_ns)
    if newest > since_ns:
        return True
    return newest % 1_000_000_000 == 0 and newest >= since_ns - since_ns % 1_000_000_000


def _check_recent(action: PlannedAction, newest_ns: int, now: float, window: float) -> None:
    """Written within the last `window` seconds: a build may be running; leave it alone."""
    if window <= 0:
        return
    newest = max(action.expected.newest_mtime, newest_ns / 1e9)
    age = now - newest
    if age < window:
        raise Refused(f"written {max(age, 0):.0f}s ago: a build may be running", False)


def mounts_below(path: str, points: Sequence[str] | None = None) -> list[str]:
    """Mount points strictly inside `path` (Linux: /proc/self/mountinfo; elsewhere none known);
    of `points` when given (mount_points(), read once for many paths).

    A move would carry a mounted filesystem along, and a purge would then delete its content.
    A bind mount of the same filesystem has the same st_dev: only this list shows it."""
    prefix = path.rstrip(os.sep) + os.sep
    return sorted(p for p in (mount_points() if points is None else points)
                  if p.startswith(prefix))


def mount_points() -> list[str]:
    """Every mount point of this process's mount table (Linux; elsewhere none known)."""
    try:
        with open("/proc/self/mountinfo", "rb") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        fields = line.split(b" ")
        if len(fields) > 4:
            found.append(_unescape_mount(fields[4]))
    return found


def _unescape_mount(field: bytes) -> str:
    # mountinfo escapes space, tab, newline and backslash as \ooo (octal).
    out = bytearray()
    i = 0
    while i < len(field):
        if field[i:i + 1] == b"\\" and field[i + 1:i + 4].isdigit():
            out.append(int(field[i + 1:i + 4], 8))
            i += 4
        else:
            out += field[i:i + 1]
            i += 1
    return os.fsdecode(bytes(out))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def recheck(action: PlannedAction, now: float, skip_recent: float) -> Problem | None:
    """Every re-check a move makes, without moving: None when it may move (the extraction
    applier asks this before it rewrites a module)."""
    problem = root_problem(action)
    if problem is not None:
        return problem
    try:
        with opened(action, now, skip_recent):
            return None
    except Refused as refused:
        return Problem.of(refused)

