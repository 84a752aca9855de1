"""Where things go in the trash, and where a journal entry may say they went.

TrashLocator picks a trash folder on the item's filesystem (or the copy fallback) and opens it
by descriptors; Spot/spot_of check a trash intent of a journal (input, not trusted) against
its run before undo, recovery or purge act on it."""

from __future__ import annotations

import contextlib
import errno
import math
import os
import re
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass

from tidy.core import state
from tidy.core.catalog import CACHEDIR_SIGNATURE
from tidy.core.safe_files import remove_stale_temps, temp_name
from tidy.fixes.fdops import (
    Chain,
    Refused,
    birth_ns,
    generation_at,
    lstat_at,
    open_chain,
    open_dir,
)
from tidy.fixes.journal import (
    LEFTOVER_AGE_S,
    RUN_ID,
    Intent,
    RunJournal,
    RunRecord,
    is_active,
    journal_path,
    list_runs,
)
from tidy.fixes.plan import TRASH_FOLDER_NAME, PlannedAction
from tidy.fixes.recheck import Opened
from tidy.workspace.git import git_dir

SLOT = re.compile(r"[0-9]{6}")
# What tidy writes into a .tidy-trash folder, byte for byte: a file of that name holding
# anything else is someone's own (a project may ship a `.tidy-trash/`) and is never removed.
_MARKER_TEXTS = {
    ".gitignore": b"# tidy's trash (`tidy trash list`, `tidy trash purge`): never commit it\n*\n",
    "CACHEDIR.TAG": CACHEDIR_SIGNATURE + b"\n# tidy's trash: backups need not keep it.\n",
}
_MARKERS = tuple(_MARKER_TEXTS)


@dataclass
class Slot:
    path: str
    fd: int
    run: RunFolder
    shared: SharedSlot | None = None  # a slot several files of the run go into

    def close(self) -> None:
        if self.shared is not None:
            self.shared.release()
            return
        with contextlib.suppress(OSError):
            os.close(self.fd)


# Files (a legacy `mod.pyc` beside each source: 100,000 of them) share slots: a slot folder
# each made a fix, its undo and its purge make, sync and remove 100,000 folders holding one
# file. Names stay unique in a slot (the rename refuses to replace, RENAME_NOREPLACE, and a
# name taken gets another slot), so `<run>/<slot>/<name>` still names one item; folders
# (20,000 `__pycache__` of one name) and copies keep a slot each. A name ending `.partial`
# never shares: that is the copy's temporary name, which recovery removes in a copy's slot.
SHARED_SLOT_NAMES = 4096
_COPY_SUFFIX = ".partial"


@dataclass
class SharedSlot:
    """A slot that files of one run folder go into, each under its own name; its descriptor
    is closed when the locator has moved on and no prepared item holds it any more."""

    path: str
    fd: int
    names: set[str]
    holders: int = 1  # the locator's own hold while it still hands the slot out

    def takes(self, name: str) -> bool:
        return (len(self.names) < SHARED_SLOT_NAMES and name not in self.names
                and not name.endswith(_COPY_SUFFIX))

    def release(self) -> None:
        self.holders -= 1
        if self.holders == 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)


@dataclass
class RunFolder:
    """This run's folder in one trash, held open for the whole run."""

    chain: Chain  # anchor ... base, run folder

    @property
    def fd(self) -> int:
        return self.chain.fd

    @property
    def path(self) -> str:
        return self.chain.path

    @property
    def dev(self) -> int:
        return self.chain.stats[-1].st_dev


class TrashLocator:
    """Chooses, per path, a trash folder on its filesystem (or the copy fallback), and opens
    it by descriptors. A context manager: the run folders stay open until the run ends."""

    def __init__(self, run_id: str, journal: RunJournal | None = None) -> None:
        self.run_id = run_id
        self._journal = journal
        self._noted: set[str] = set()
        self.last = ""
        self._next = 0
        self._runs: dict[tuple[str, tuple[str, ...]], RunFolder] = {}
        self._git_dirs: dict[str, str | None] = {}
        self._copied: dict[tuple[int, int], str] | None = None
        self._shared: dict[int, SharedSlot] = {}  # by the run folder's descriptor: current
        self._shared_made: list[tuple[RunFolder, str]] = []
        self._devices: dict[str, int] = {}

    def __enter__(self) -> TrashLocator:
        return self

    def __exit__(self, *_exc: object) -> None:
        for shared in self._shared.values():
            shared.release()
        self._shared.clear()
        for run, name in self._shared_made:  # one every item of failed to move: not kept
            with contextlib.suppress(OSError):
                os.rmdir(name, dir_fd=run.fd)
        for run in self._runs.values():
            _drop_if_empty(run.chain, self.run_id)
            run.chain.close()
        self._runs.clear()

    def place(self, action: PlannedAction, item: Opened) -> tuple[Slot, str]:
        """A new slot in this run's folder in the chosen trash, and "rename" or "copy".
        Raises Refused when no trash may be used for it."""
        candidates = self._candidates(action, item)
        for where in candidates:
            if self._device(where, item) == item.st.st_dev:
                with contextlib.suppress(OSError):  # not writable: try the next one
                    run = self._run_folder(where, item, action)
                    if run.dev == item.st.st_dev:
                        return self._slot(run, item), "rename"
        self._copy_allowed(item)
        last: Exception | None = None
        for where in candidates[:2]:
            try:
                return self._slot(self._run_folder(where, item, action)), "copy"
            except OSError as error:
                last = error
        raise Refused(f"failed: cannot make the trash folder: {last}")

    def _device(self, where: _Where, item: Opened) -> int:
        """where.device, a trash anchor's looked at once per run (a stat per item was most
        of placing 100,000 files): the run folder opened there is checked for the item's
        device anyway before anything goes in."""
        if where.kind == "outside":
            return where.device(item)
        if where.anchor not in self._devices:
            self._devices[where.anchor] = where.device(item)
        return self._devices[where.anchor]

    def drop(self, slot: Slot) -> None:
        """Remove the slot of an item that did not move (a shared one stays: other items
        of the run are in it or about to be; the locator removes it at the end if empty)."""
        if slot.shared is not None:
            return
        with contextlib.suppress(OSError):
            os.rmdir(os.path.basename(slot.path), dir_fd=slot.run.fd)

    # -- choosing ------------------------------------------------------------------------
    def _candidates(self, action: PlannedAction, item: Opened) -> list[_Where]:
        found: list[_Where] = []
        if action.is_repo:
            if action.root not in self._git_dirs:
                self._git_dirs[action.root] = git_dir(action.root)
            directory = self._git_dirs[action.root]
            if directory is not None:
                found.append(_Where(directory, ("tidy", "trash"), "git"))
        found.append(_Where(state.state_dir(), ("trash",), "state"))
        level = next((i for i, st in enumerate(item.chain.stats)
                      if st.st_dev == item.st.st_dev), len(item.chain.stats) - 1)
        found.append(_Where(item.chain.paths[level], (TRASH_FOLDER_NAME,), "outside", level))
        return found

    def _run_folder(self, where: _Where, item: Opened, action: PlannedAction) -> RunFolder:
        key = (where.anchor, where.parts)
        if key in self._runs:
            return self._runs[key]
        if where.kind != "state":
            self._note_base(where, item, action)
        try:
            if where.kind == "outside":
                chain = _open_outside_run(where.anchor, where.parts,
                                          item.chain.fds[where.level], self.run_id)
            else:
                if where.kind == "state":
                    try:
                        state.ensure_private(where.anchor)
                    except state.StateError as error:
                        raise Refused(str(error)) from None
                chain = open_chain(where.anchor, (*where.parts, self.run_id), make=0o700,
                                   what="tidy's trash folder", private=True)
        except Refused as refused:
            if refused.link:
                raise Refused(f"{refused.reason}: tidy's state is never followed through a "
                              "link; remove the link") from None
            raise OSError(errno.EACCES, refused.reason) from None
        run = RunFolder(chain)
        self._runs[key] = run
        return run

    def _note_base(self, where: _Where, item: Opened, action: PlannedAction) -> None:
        """Journal a trash folder in the user's tree (or git dir) before this run makes its
        folder there: a kill before the first intent then still says where the run left
        an empty folder (clear_dead_run_folders). The state trash is found by listing."""
        anchor = item.chain.paths[where.level] if where.kind == "outside" else where.anchor
        base = os.path.join(anchor, *where.parts)
        if self._journal is None or base in self._noted:
            return
        self._journal.write({"op": "trash-base", "base": base,
                             "scan_root": action.scan_root, "root": action.root}, sync=True)
        self._noted.add(base)

    def _slot(self, run: RunFolder, item: Opened | None = None) -> Slot:
        """A new slot of its own; for a file moved by rename, a slot it shares with other
        files of the run whose names differ from its own."""
        if item is not None and stat.S_ISREG(item.st.st_mode):
            return self._shared_slot(run, item.name)
        path, fd = self._new_slot(run)
        return Slot(path, fd, run)

    def _new_slot(self, run: RunFolder) -> tuple[str, int]:
        while True:
            name = f"{self._next:06d}"
            self._next += 1
            try:
                os.mkdir(name, 0o700, dir_fd=run.fd)
            except FileExistsError:
                continue
            return os.path.join(run.path, name), open_dir(name, run.fd)

    def _shared_slot(self, run: RunFolder, name: str) -> Slot:
        if name.endswith(_COPY_SUFFIX):
            path, fd = self._new_slot(run)
            return Slot(path, fd, run)
        shared = self._shared.get(run.fd)
        if shared is None or not shared.takes(name):
            if shared is not None:
                shared.release()  # full, or the name is taken: the next files go elsewhere
                del self._shared[run.fd]
            path, fd = self._new_slot(run)
            shared = SharedSlot(path, fd, set())
            self._shared[run.fd] = shared
            self._shared_made.append((run, os.path.basename(path)))
        shared.names.add(name)
        shared.holders += 1
        return Slot(shared.path, shared.fd, run, shared)

    # -- the copy fallback ---------------------------------------------------------------
    def _copy_allowed(self, item: Opened) -> None:
        """Copy only what can then be removed, and never the same thing twice."""
        parent = item.parent
        if os.fstatvfs(parent).f_flag & os.ST_RDONLY:
            raise Refused("on a read-only filesystem with no trash of its own: tidy can "
                          "neither move nor delete it (this fix does not apply here)")
        if not os.access(".", os.W_OK | os.X_OK, dir_fd=parent):
            raise Refused("its folder is not writable: tidy could copy it to the trash but "
                          "not remove it (this fix does not apply here)")
        earlier = self._copies().get((item.st.st_dev, item.st.st_ino))
        if earlier:
            raise Refused(f"run {earlier} already copied it to the trash and could not remove "
                          "the original; tidy does not copy it again")

    def _copies(self) -> dict[tuple[int, int], str]:
        if self._copied is None:
            self._copied = {}
            for record in list_runs():
                for intent in record.intents():
                    entry = intent.entry
                    done = intent.last("done")
                    if (entry.get("method") == "copy" and done is not None
                            and done.get("warning") and "src_ino" in entry
                            and "src_dev" in entry):
                        key = (int(entry["src_dev"]), int(entry["src_ino"]))
                        self._copied[key] = record.run_id
        return self._copied


@dataclass(frozen=True)
class _Where:
    anchor: str
    parts: tuple[str, ...]
    kind: str  # git / state / outside
    level: int = 0  # outside: the level of the item's parent chain that is the anchor

    def device(self, item: Opened) -> int:
        if self.kind == "outside":
            return item.chain.stats[self.level].st_dev
        return _device_of(self.anchor)


def _open_outside_run(anchor: str, parts: tuple[str, ...], anchor_fd: int,
                      run_id: str) -> Chain:
    """.tidy-trash (made when missing) and this run's folder in it, marked. A purge or undo
    may remove a .tidy-trash that holds no run between our opening it and the mkdir of our
    run folder in it (then ENOENT, the folder has no links): start again, once."""
    for attempt in range(2):
        chain = open_chain(anchor, parts, make=0o700, anchor_fd=anchor_fd,
                           what="tidy's trash folder", private=True)
        try:
            _mark_outside_trash(chain.fd)
            try:
                _open_more(chain, run_id)
            except Refused:
                if attempt == 0 and os.fstat(chain.fd).st_nlink == 0:
                    chain.close()
                    continue
                raise
            # Again, now that it holds our run: a purge may have unlinked the markers after
            # the first check, before it found the folder no longer empty.
            _mark_outside_trash(chain.fds[-2])
        except BaseException:
            chain.close()
            raise
        return chain
    raise Refused("tidy's trash folder was removed twice while being opened")


def _drop_if_empty(chain: Chain, run_id: str) -> None:
    """Take this run's folder out of a trash when nothing landed in it (every copy failed,
    for want of space ...): nothing lists or purges an empty run folder. A .tidy-trash
    left holding no run goes too."""
    with contextlib.suppress(OSError):
        os.rmdir(run_id, dir_fd=chain.fds[-2])  # only an empty folder: rmdir says so
        if os.path.basename(chain.paths[-2]) == TRASH_FOLDER_NAME and len(chain.fds) >= 3:
            _remove_outside_trash_if_unused(
                Chain(chain.paths[:-1], chain.fds[:-1], chain.stats[:-1]))


def _open_more(chain: Chain, name: str) -> None:
    """Open (making it 0700 when missing) folder `name` below the chain's last folder."""
    more = open_chain(chain.path, (name,), make=0o700, anchor_fd=chain.fd,
                      what="tidy's trash folder", private=True)
    chain.push(os.dup(more.fd), more.path)
    more.close()


def _device_of(path: str) -> int:
    """The device `path` would live on: its own, or its nearest existing ancestor's."""
    current = path
    while True:
        try:
            return os.stat(current).st_dev
        except FileNotFoundError:
            parent = os.path.dirname(current)
            if parent == current:
                return -1
            current = parent
        except OSError:
            return -1


def _mark_outside_trash(fd: int) -> None:
    """`.gitignore` of `*` and a CACHEDIR.TAG in a .tidy-trash folder (never overwritten).
    Written whole under a temp name of tidy's own, then linked in: a reader never sees a
    half-written one, and a name taken meanwhile is kept."""
    remove_stale_temps(fd)  # a marker's temp a killed tidy left (it keeps the folder)
    for name, text in _MARKER_TEXTS.items():
        if lstat_or_none(fd, name) is not None:
            continue
        temp = temp_name()
        out = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                      | os.O_CLOEXEC, 0o644, dir_fd=fd)
        try:
            try:
                os.write(out, text)
            finally:
                os.close(out)
            with contextlib.suppress(FileExistsError):  # another tidy's, just now: kept
                os.link(temp, name, src_dir_fd=fd, dst_dir_fd=fd, follow_symlinks=False)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp, dir_fd=fd)


def _is_our_marker(dir_fd: int, name: str) -> bool:
    """A regular file holding exactly the marker tidy writes under that name."""
    text = _MARKER_TEXTS[name]
    try:
        st = lstat_at(dir_fd, name)
        if not stat.S_ISREG(st.st_mode) or st.st_size != len(text):
            return False
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                     dir_fd=dir_fd)
        try:
            return os.fstat(fd).st_ino == st.st_ino and os.read(fd, len(text) + 1) == text
        finally:
            os.close(fd)
    except OSError:
        return False


def lstat_or_none(dir_fd: int, name: str) -> os.stat_result | None:
    try:
        return lstat_at(dir_fd, name)
    except FileNotFoundError:
        return None


# -- what a killed run left ----------------------------------------------------------------
def clear_dead_run_folders(now: float | None = None,
                           records: list[RunRecord] | None = None) -> list[str]:
    """Remove the empty run folders (and empty slots in them) that killed runs left in
    tidy's trash folders, and a .tidy-trash left holding only its markers. Where: every run
    folder of the state folder's trash, and for each run a kill cut short (or whose undo a
    kill cut short), the trash folders its journal names (its trash intents and the
    `trash-base` entries written before each folder was made), each checked as a journal
    entry is (spot_of). What: only a folder named like a run (and slots in it named like
    slots), of this user, empty (rmdir says so), whose run holds no lock, and either over a
    minute old or of a run that has ended (recovery ends a killed run: nothing ever fills
    its folders again); looked at by name in the trash folder's descriptor (opened without
    links, as tidy's own). The paths removed."""
    moment = time.time() if now is None else now
    removed = _clear_dead_in(state.state_dir(), ("trash",), None, moment)
    for record in list_runs() if records is None else records:
        if record.active or not _cut_short(record):
            continue
        for anchor, parts in sorted(trash_bases(record)):
            if (anchor, parts) != (state.state_dir(), ("trash",)):
                removed += _clear_dead_in(anchor, parts, record.run_id,
                                          math.inf if record.ended else moment)
    return removed


def _cut_short(record: RunRecord) -> bool:
    """A run a kill interrupted, or one of whose undos it did: the only ones that leave
    empty folders (a run, an undo, a purge that ends takes its own out)."""
    return record.interrupted or any(e.get("op") == "recovered-undo" for e in record.entries)


def trash_bases(record: RunRecord, checker: SpotChecker | None = None
                ) -> set[tuple[str, tuple[str, ...]]]:
    """The trash folders (anchor, folders below it) the whole lines of `record` name;
    `checker`: one that already checked (or will check) its intents."""
    checker = checker or SpotChecker(record.run_id, record)
    roots = set(_roots_of(record))
    bases: set[tuple[str, tuple[str, ...]]] = set()
    for intent in record.intents():
        if intent.action == "trash":
            spot = checker.spot(intent, record)
            if isinstance(spot, Spot):
                bases.add((spot.anchor, spot.base_parts))
    for entry in record.entries:
        if entry.get("op") == "trash-base":
            base = base_of(entry, roots, checker.git_dir)
            if base is not None:
                bases.add(base)
    return bases


def _clear_dead_in(anchor: str, parts: tuple[str, ...], run_id: str | None,
                   moment: float) -> list[str]:
    """In the trash folder anchor/parts: the run folder `run_id` (None: every run folder
    there) when dead, old (against `moment`) and empty but for old empty slots."""
    removed: list[str] = []
    try:
        base = open_chain(anchor, parts, what="tidy's trash folder", private=True)
    except Refused:
        return removed
    with base:
        try:
            names = os.listdir(base.fd) if run_id is None else [run_id]
        except OSError:
            return removed
        for name in names:
            if RUN_ID.fullmatch(name) and _clear_dead_run(base.fd, name, moment):
                removed.append(os.path.join(base.path, name))
        if parts[-1:] == (TRASH_FOLDER_NAME,) and len(base.fds) >= 2:
            with contextlib.suppress(OSError):
                _remove_outside_trash_if_unused(base)
    return removed


def _clear_dead_run(base_fd: int, name: str, moment: float) -> bool:
    try:
        st = lstat_at(base_fd, name)
    except OSError:
        return False
    if (not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid()
            or moment - st.st_mtime < LEFTOVER_AGE_S or is_active(journal_path(name))):
        return False
    with contextlib.suppress(OSError):
        run_fd = open_dir(name, base_fd)
        try:
            if (os.fstat(run_fd).st_dev, os.fstat(run_fd).st_ino) == (st.st_dev, st.st_ino):
                for slot in os.listdir(run_fd):
                    if SLOT.fullmatch(slot) and _old_dir(run_fd, slot, moment):
                        with contextlib.suppress(OSError):
                            os.rmdir(slot, dir_fd=run_fd)  # fails unless empty
        finally:
            os.close(run_fd)
    try:
        os.rmdir(name, dir_fd=base_fd)  # fails unless empty
    except OSError:
        return False
    return True


def _old_dir(folder: int, name: str, moment: float) -> bool:
    st = lstat_at(folder, name)
    return stat.S_ISDIR(st.st_mode) and moment - st.st_mtime >= LEFTOVER_AGE_S


# -- journal entries are input: where each may point ----------------------------------------
@dataclass(frozen=True)
class Spot:
    """A validated trash intent: the original (scan root + folders + name) and its place in
    the trash (anchor + folders down to the run folder, slot, name)."""

    scan_root: str
    src_parts: tuple[str, ...]
    name: str
    anchor: str
    base_parts: tuple[str, ...]  # below the anchor, down to the trash base
    run_id: str
    slot: str

    @property
    def run_parts(self) -> tuple[str, ...]:
        return (*self.base_parts, self.run_id)


class SpotChecker:
    """Checks trash intents of one run against its begin entry; caches git dirs."""

    def __init__(self, run_id: str, record: RunRecord | None = None) -> None:
        self.run_id = run_id
        self._roots: set[str] | None = (
            None if record is None else set(_roots_of(record)))
        self._git_dirs: dict[str, str | None] = {}
        # by the entry's identity (the entry is kept with its answer, so the id stays its own)
        self._spots: dict[int, tuple[dict[str, object], Spot | str]] = {}
        self._links: dict[str, bool] = {}

    def spot(self, intent: Intent, record: RunRecord | None = None) -> Spot | str:
        """The Spot, or why this entry is refused (one line)."""
        if self._roots is None:
            from tidy.fixes.journal import read_run

            self._roots = set(_roots_of(record or read_run(self.run_id)))
        key = id(intent.entry)
        if key not in self._spots:  # undo asks twice per intent; 100,000 intents in a run
            self._spots[key] = (intent.entry, spot_of(intent.entry, self.run_id, self._roots,
                                                      self.git_dir, self.has_link))
        return self._spots[key][1]

    def refresh(self) -> None:
        """Forget the answers (each batch of an undo looks at the way to its roots again)."""
        self._spots.clear()
        self._links.clear()

    def has_link(self, path: str) -> bool:
        """_has_link, asked once per scan root for all of a run's intents."""
        if path not in self._links:
            self._links[path] = _has_link(path)
        return self._links[path]

    def git_dir(self, root: str) -> str | None:
        if root not in self._git_dirs:
            self._git_dirs[root] = git_dir(root)
        return self._git_dirs[root]


def _roots_of(record: RunRecord) -> list[str]:
    roots = record.begin.get("roots")
    return [r for r in roots if isinstance(r, str)] if isinstance(roots, list) else []


def spot_of(entry: dict[str, object], run_id: str, roots: set[str],
            git_dir_of: Callable[[str], str | None],
            has_link: Callable[[str], bool] | None = None) -> Spot | str:
    """Every path of a trash intent inside its run's root and its run's trash, lexically and
    with no symlink in the part that exists: a Spot, or why the entry is refused."""
    path, dst, scan_root = entry.get("path"), entry.get("dst"), entry.get("scan_root")
    if not (isinstance(path, str) and isinstance(dst, str) and isinstance(scan_root, str)):
        return "paths missing"
    problem = _scan_root_problem(scan_root, roots, path, dst, has_link=has_link or _has_link)
    if problem:
        return problem
    if not path.startswith(scan_root.rstrip(os.sep) + os.sep):
        return f"{path} is not inside the run's root {scan_root}"
    slot_dir, name = os.path.split(dst)
    run_dir, slot = os.path.split(slot_dir)
    base, run = os.path.split(run_dir)
    if name != os.path.basename(path) or not SLOT.fullmatch(slot) or run != run_id:
        return f"{dst} is not a place in this run's trash"
    anchor, base_parts = _trash_base(base, scan_root, entry.get("root"), git_dir_of)
    if not anchor:
        return f"{dst} is not in one of tidy's trash folders"
    src_rel = os.path.relpath(os.path.dirname(path), scan_root)
    return Spot(scan_root, () if src_rel == os.curdir else tuple(src_rel.split(os.sep)), name,
                anchor, base_parts, run_id, slot)


def _scan_root_problem(scan_root: str, roots: set[str], *paths: str,
                       has_link: Callable[[str], bool] | None = None) -> str:
    for value in (scan_root, *paths):
        if not os.path.isabs(value) or os.path.normpath(value) != value or "\0" in value:
            return f"not a plain absolute path: {value!r}"
    if not any(scan_root == r or scan_root.startswith(r.rstrip(os.sep) + os.sep)
               for r in roots):  # watch rescans the changed folders inside its roots
        return f"{scan_root} is not inside one of the run's roots"
    if (has_link or _has_link)(scan_root):
        return f"the run's root {scan_root} is reached through a symlink"
    return ""


def base_of(entry: dict[str, object], roots: set[str],
            git_dir_of: Callable[[str], str | None]) -> tuple[str, tuple[str, ...]] | None:
    """A `trash-base` entry (input, not trusted) checked as spot_of checks a trash intent:
    (anchor, folders below it) of one of the trash folders its run may use, or None."""
    base, scan_root = entry.get("base"), entry.get("scan_root")
    if not (isinstance(base, str) and isinstance(scan_root, str)):
        return None
    if _scan_root_problem(scan_root, roots, base):
        return None
    anchor, parts = _trash_base(base, scan_root, entry.get("root"), git_dir_of)
    return (anchor, parts) if anchor else None


def _trash_base(base: str, scan_root: str, root: object,
                git_dir_of: Callable[[str], str | None]) -> tuple[str, tuple[str, ...]]:
    """(anchor, folders below it) when `base` is one of the trash folders this entry's run may
    use (see the module doc), else ("", ())."""
    if base == state.trash_dir():
        return state.state_dir(), ("trash",)
    if os.path.basename(base) == TRASH_FOLDER_NAME:
        top = os.path.dirname(base)
        if top == scan_root or top.startswith(scan_root.rstrip(os.sep) + os.sep):
            rel = os.path.relpath(top, scan_root)
            return scan_root, (*([] if rel == os.curdir else rel.split(os.sep)),
                               TRASH_FOLDER_NAME)
    if isinstance(root, str) and os.path.isabs(root) and base.endswith(
            os.sep + os.path.join("tidy", "trash")):
        directory = git_dir_of(root)
        if directory is not None and os.path.dirname(os.path.dirname(base)) == directory:
            return directory, ("tidy", "trash")
    return "", ()


def _has_link(path: str) -> bool:
    """A symlink in the part of `path` that exists."""
    current = path
    while not os.path.lexists(current):
        parent = os.path.dirname(current)
        if parent == current:
            return False
        current = parent
    return os.path.realpath(current) != current


def not_what_moved(intent: Intent, dir_fd: int, name: str) -> str:
    """Why what the trash holds under the item's name (`name` in `dir_fd`) is not what the fix
    moved ("" when it is). A trash inside the repo's git dir can be written by whatever writes
    the repo; the journal (in the private state folder) says what went in: its type, for a
    rename its inode number and birth time. A link put there (to /etc, to the home folder)
    would come back as the project's `node_modules`, and the next install would write
    through it; a folder made there after the item was deleted by hand is given the item's
    inode number again (ext4), so the number alone is only a tripwire: the generation number
    (_other_generation) and made_since close it."""
    entry = intent.entry
    st = lstat_at(dir_fd, name)
    want = entry.get("type")
    if stat.S_ISLNK(st.st_mode):
        return "the trash holds a symlink under its name, not what the fix moved"
    if not (stat.S_ISDIR(st.st_mode) if want == "dir" else stat.S_ISREG(st.st_mode)
            if want == "file" else stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)):
        return f"the trash holds something else under its name than the {want or 'item'} " \
               "the fix moved"
    if entry.get("method") == "rename" and \
            (st.st_dev, st.st_ino) != (entry.get("src_dev"), entry.get("src_ino")):
        return ("the trash holds another item under its name than the one the fix moved "
                "(not the same inode: replaced since)")
    copied = intent.last("copied") if entry.get("method") == "copy" else None
    if copied is not None and _int(copied.get("copy_ino")) is not None:
        return _not_the_copy(copied, dir_fd, name, st) or made_since(
            intent, st, birth_ns(dir_fd, name))
    return _other_generation(entry, "src_gen", dir_fd, name, st) or made_since(
        intent, st, birth_ns(dir_fd, name))


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _not_the_copy(copied: dict[str, object], dir_fd: int, name: str, st: os.stat_result) -> str:
    """Why the slot's item is not the copy the `copied` line names ("" when it is): its
    inode, and its birth time (to the nanosecond) or its generation number, which the copy
    was given when tidy made it (move.copy_identity). A copy is a new inode, so nothing of
    the source tells it; the ctime alone let a folder made within the second of the move
    pass where the trash keeps whole seconds and no birth time (trust round 10)."""
    if (st.st_dev, st.st_ino) != (copied.get("copy_dev"), copied.get("copy_ino")):
        return _NOT_THE_COPY.format("another inode")
    kept = _int(copied.get("copy_birth"))
    if kept is not None:
        return "" if birth_ns(dir_fd, name) == kept else _NOT_THE_COPY.format(
            "made after it: another birth time")
    return _other_generation(copied, "copy_gen", dir_fd, name, st, _NOT_THE_COPY.format(
        "made after it: a reused inode number, another generation"))


def _other_generation(entry: dict[str, object], key: str, dir_fd: int, name: str,
                      st: os.stat_result, other: str = "") -> str:
    """Where the journal kept the item's generation number (a rename on a filesystem with no
    birth time): what the slot holds must have it. ext4 draws a new one for every inode it
    makes, so a folder made in the freed inode within the same (whole) second, which the
    ctime cannot tell apart, has another. One that cannot be read now proves nothing."""
    kept = _int(entry.get(key))
    if kept is None:
        return ""
    number = generation_at(dir_fd, name, st)
    if number is None:
        return ("the trash holds an item under its name that tidy cannot tell is the one the "
                "fix moved (its generation number cannot be read now)")
    return "" if number == kept else other or _MADE_SINCE_GENERATION


# A journal line's time is rounded to the millisecond; a filesystem's timestamps come from
# the kernel's coarse clock, which lags the real one (a tick at most): never ahead of it.
_TIME_SLACK_NS = 1_000_000


def made_since(intent: Intent, st: os.stat_result, born: int | None) -> str:
    """"" unless what the trash holds was made (or changed) after the fix moved the item:
    then another item, made since in its place, with its number. Neither time can be set
    back by a user: a birth time is set when the inode is made, a ctime by every change.
    - The journal kept the item's birth time (a rename, on a filesystem that keeps one):
      the two must be equal to the nanosecond.
    - Else, with a birth time: a renamed item was there before its intent was written, a
      copy was made before the line saying it moved.
    - Else (a filesystem with no birth time): its ctime is at most the line saying it moved
      (the rename, or the copy, set it), unless it changed since in the trash. Where the
      filesystem keeps whole seconds (ext4 with 128-byte inodes), a folder made within the
      second of the move passes this: for a rename the generation number kept in the intent
      decides first (_other_generation), for a copy the identity its `copied` line kept
      (_not_the_copy); a journal of an older tidy, or a filesystem that keeps neither (none
      of ext2/3/4, xfs, btrfs, tmpfs), is left to this check alone."""
    entry = intent.entry
    renamed = entry.get("method") == "rename"
    kept = entry.get("src_birth")
    if born is not None and renamed and isinstance(kept, int):
        return "" if born == kept else _MADE_SINCE
    moved = intent.last("done", "recovered")
    moved_at = moved.get("time") if moved is not None else None
    if born is not None:
        limit, when, what = entry.get("time") if renamed else moved_at, born, _MADE_SINCE
    else:
        limit, when, what = moved_at, st.st_ctime_ns, _CHANGED_SINCE
    if not isinstance(limit, (int, float)):
        return ""  # no time to hold it to (an entry of an older tidy)
    return what if when > round(limit * 1_000_000_000) + _TIME_SLACK_NS else ""


_MADE_SINCE = ("the trash holds another item under its name than the one the fix moved "
               "(made after it: a reused inode number)")
_MADE_SINCE_GENERATION = ("the trash holds another item under its name than the one the fix "
                          "moved (made after it: a reused inode number, another generation)")
_NOT_THE_COPY = ("the trash holds an item under its name that is not the copy the fix made "
                 "({})")
_CHANGED_SINCE = ("the trash holds an item under its name that changed after the fix moved "
                  "it there (made since, or written to since: its ctime is later)")


def open_run(spot: Spot, make: bool = False) -> Chain:
    return open_chain(spot.anchor, spot.run_parts, what="tidy's trash folder",
                      make=0o700 if make else 0, private=True)


def remove_run_if_empty(spot: Spot) -> None:
    with contextlib.suppress(Refused, OSError), open_chain(
            spot.anchor, spot.base_parts, what="tidy's trash folder", private=True) as base:
        with contextlib.suppress(OSError):
            run_fd = open_dir(spot.run_id, base.fd)
            try:
                with os.scandir(run_fd) as entries:
                    slots = [e.name for e in entries]
                for name in slots:
                    with contextlib.suppress(OSError):
                        os.rmdir(name, dir_fd=run_fd)  # only empty slots go
            finally:
                os.close(run_fd)
            os.rmdir(spot.run_id, dir_fd=base.fd)
        if spot.base_parts[-1:] == (TRASH_FOLDER_NAME,) and len(base.fds) >= 2:
            _remove_outside_trash_if_unused(base)


def _remove_outside_trash_if_unused(base: Chain) -> None:
    with os.scandir(base.fd) as entries:
        names = {e.name for e in entries}
    if not names <= set(_MARKERS) or not all(_is_our_marker(base.fd, n) for n in names):
        return  # holds something else, or a file of that name that is not tidy's: it stays
    for name in names:
        os.unlink(name, dir_fd=base.fd)
    try:
        os.rmdir(TRASH_FOLDER_NAME, dir_fd=base.fds[-2])
    except OSError as error:
        if error.errno in (errno.ENOTEMPTY, errno.EEXIST):
            # A fix made its run folder in it since the listing: it stays, and stays marked
            # (git, editors and backups must never see what it holds).
            _mark_outside_trash(base.fd)
        raise
