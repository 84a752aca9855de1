"""The TRASH applier: move into tidy's trash, put back (undo), recover, purge.

Where things go (first that is on the same filesystem as the path wins, so the move is one
O(1) rename however many files the folder holds):

1. inside a git repo: <git dir>/tidy/trash/<run-id>/   (never committed, never walked)
2. the per-user state folder: <state>/trash/<run-id>/  (see tidy/core/state.py)
3. `.tidy-trash/<run-id>/` at the top of that filesystem's part of the scanned root. It gets
   a `.gitignore` of `*` (git never lists it, even if the folder later becomes a repo) and a
   CACHEDIR.TAG (backup tools skip it); plans never include anything below it. Undo and
   purge remove it again once it holds no run.
4. none of these: a copy into (1) or (2) (tidy/fixes/fdcopy.py), every entry compared before
   the original is deleted. Refused up front where the original could not be deleted (a
   read-only filesystem, a folder without write permission) and for a path an earlier run
   already copied but could not delete: the trash never fills with copies run after run.

Every step acts on folder descriptors (tidy/fixes/fdops.py): the scan root is opened once
with O_DIRECTORY|O_NOFOLLOW, each folder below it one name at a time; the re-check
(tidy/fixes/recheck.py) runs on those descriptors and the rename uses them. The trash
folders are opened the same way below their anchor (the git dir, the state folder, the scan
root); a symlink where tidy's `tidy/`, `trash/` or a run folder should be is refused.

Each item lands in <run-id>/<nnnnnn>/<its name>. The journal (tidy/fixes/journal.py) holds the
original path; the item keeps its inode, bytes, modes, mtimes and links, so a rename back
restores it exactly. Journals are input, not trusted: undo, recovery and purge act on an
entry only when its paths lie inside its run's root and one of its run's trash folders
(`spot_of`), and then only through descriptors again.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from tidy.core import state
from tidy.core.catalog import CACHEDIR_SIGNATURE
from tidy.core.models import ActionKind
from tidy.fixes import STOPPED, ApplySettings, Outcome, Status, register, skipped
from tidy.fixes.fdcopy import CopyError, compare_at, copy_at
from tidy.fixes.fdops import (
    Chain,
    Refused,
    exists_at,
    lstat_at,
    open_chain,
    open_dir,
    purge_at,
    remove_at,
    rename_noreplace,
    same,
    why,
)
from tidy.fixes.journal import Intent, RunJournal, RunRecord, list_runs
from tidy.fixes.plan import TRASH_FOLDER_NAME, PlannedAction
from tidy.fixes.recheck import Opened, Problem, mounts_below, opened, root_problem, still_there
from tidy.workspace.git import GitUnavailable, find_repo_root, git_dir, git_env, git_executable

__all__ = ["CopyError", "Problem", "TrashApplier", "TrashLocator", "move_opened", "purge_run",
           "recheck", "summarize"]

_GIT_BATCH = 64  # paths per `git ls-files`: asked again right before each batch moves
_SLOT = re.compile(r"[0-9]{6}")
_MARKERS = (".gitignore", "CACHEDIR.TAG")  # what tidy writes into a .tidy-trash folder


# -- the applier ----------------------------------------------------------------------------
class TrashApplier:
    kind = ActionKind.TRASH

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]:
        outcomes: list[Outcome] = []
        with TrashLocator(journal.run_id) as locator:
            for start in range(0, len(actions), _GIT_BATCH):
                batch = actions[start:start + _GIT_BATCH]
                tracked = tracked_now(batch)
                for action in batch:
                    if settings.stopping():  # between two moves: none is ever left half-done
                        outcomes.append(skipped(journal, action, self.kind, STOPPED, False))
                        continue
                    outcomes.append(self._one(action, journal, locator, tracked, settings))
        return outcomes

    def _one(self, action: PlannedAction, journal: RunJournal, locator: TrashLocator,
             tracked: dict[str, Problem], settings: ApplySettings) -> Outcome:
        now = settings.now or time.time()
        problem = root_problem(action) or tracked.get(action.path)
        if problem is None:
            try:
                with opened(action, now, settings.skip_recent) as item:
                    problem = move_opened(action, item, journal, locator)
            except Refused as refused:
                problem = Problem(refused.reason, refused.attention)
            if problem is None:
                return Outcome(action.path, self.kind, Status.DONE, bytes=action.bytes,
                               files=action.files, where=locator.last, code=action.code,
                               run=journal.run_id)
            if problem.reason.startswith("failed: "):
                return Outcome(action.path, self.kind, Status.FAILED,
                               problem.reason.removeprefix("failed: "), True,
                               code=action.code, run=journal.run_id)
        return skipped(journal, action, self.kind, problem.reason, problem.attention)

    def undo(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        checker = SpotChecker(journal.run_id)
        outcomes = [_undo_one(i, journal, checker) for i in intents]
        _tidy_up_runs(checker, intents)
        return outcomes

    def recover(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        checker = SpotChecker(journal.run_id)
        return [recover_intent(i, journal, checker) for i in intents]


register(TrashApplier())


def recheck(action: PlannedAction, now: float, skip_recent: float) -> Problem | None:
    """Every re-check a move makes (recheck.py), without moving: None when it may move."""
    problem = root_problem(action)
    if problem is not None:
        return problem
    try:
        with opened(action, now, skip_recent):
            return None
    except Refused as refused:
        return Problem(refused.reason, refused.attention)


def move_opened(action: PlannedAction, item: Opened, journal: RunJournal,
                locator: TrashLocator) -> Problem | None:
    """Move the checked, held item into this run's trash; journal first. None when moved;
    Refused for a reason to skip; a Problem "failed: ..." when the move itself failed."""
    slot, method = locator.place(action, item)
    try:
        dst = os.path.join(slot.path, item.name)
        seq = journal.intent(
            "trash", path=action.path, dst=dst, method=method, code=action.code,
            kind=action.kind, bytes=action.bytes, files=action.files, root=action.root,
            scan_root=action.scan_root, type=action.expected.type, mode=action.expected.mode,
            src_dev=item.st.st_dev, src_ino=item.st.st_ino,
        )
        try:
            still_there(item)
            partial = _transfer(item, slot.fd, method, lambda: journal.write(
                {"op": "copied", "ref": seq}, sync=True))
        except Refused as refused:
            journal.failed(seq, refused.reason)
            locator.drop(slot)
            raise
        except OSError as error:
            journal.failed(seq, why(error))
            locator.drop(slot)
            return Problem(f"failed: {why(error)}", True)
        if partial:
            journal.done(seq, warning=partial)
            return Problem(f"failed: {partial}", True)
        journal.done(seq)
        locator.last = dst
        return None
    finally:
        slot.close()


def _transfer(item: Opened, slot_fd: int, method: str, copied: Callable[[], object]) -> str:
    """Move the item into the slot under its own name. "" or a warning when it moved but
    the original could not be fully removed; OSError when nothing moved."""
    ident = (item.st.st_dev, item.st.st_ino)
    if method == "rename":
        _rename_item(item, slot_fd)
        if not same(lstat_at(slot_fd, item.name), ident):
            # Swapped in the instant between the last check and the rename: put it back.
            try:
                rename_noreplace(slot_fd, item.name, item.parent, item.name)
            except OSError as error:
                return ("something else was moved (the item was replaced in the instant "
                        f"before the move) and could not be put back ({why(error)}); "
                        "`tidy undo` puts it back")
            raise Refused("replaced during the move; put back")
        return ""
    return copy_then_remove(item.parent, item.name, slot_fd, item.name, copied, ident)


def _rename_item(item: Opened, slot_fd: int) -> None:
    try:
        rename_noreplace(item.parent, item.name, slot_fd, item.name)
    except PermissionError:
        # Moving a folder to another parent rewrites its `..`: Linux wants write permission
        # on the folder itself. For our own read-only folder: allow it, move, restore.
        st = item.st
        if (item.fd < 0 or not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid()
                or st.st_mode & stat.S_IWUSR):
            raise
        os.fchmod(item.fd, stat.S_IMODE(st.st_mode) | stat.S_IWUSR)
        try:
            rename_noreplace(item.parent, item.name, slot_fd, item.name)
        finally:
            os.fchmod(item.fd, stat.S_IMODE(st.st_mode))


def copy_then_remove(src_fd: int, src: str, dst_fd: int, dst: str,
                     copied: Callable[[], object], ident: tuple[int, int] | None = None) -> str:
    """Copy to `dst.partial`, verify, rename into place, call `copied()` (the journal notes
    the copy is complete), then delete the original. "" or a warning (see _transfer).
    With `ident`, the source must be that (st_dev, st_ino) before the copy and before the
    original is deleted."""
    partial = dst + ".partial"

    def check() -> None:
        if ident is not None and not same(lstat_at(src_fd, src), ident):
            raise Refused("replaced during the copy; nothing moved")

    try:
        check()
        copy_at(src_fd, src, dst_fd, partial)
        difference = compare_at(src_fd, src, dst_fd, partial)
        if difference:
            raise CopyError(errno.EIO, f"copy did not verify: {difference}")
        check()
        rename_noreplace(dst_fd, partial, dst_fd, dst)
    except BaseException:
        with contextlib.suppress(OSError):
            remove_at(dst_fd, partial)
        raise
    copied()
    try:
        remove_at(src_fd, src)
    except OSError as error:
        return f"copied, but the original could not be fully removed: {why(error)}"
    return ""


# -- git, asked again -----------------------------------------------------------------------
def tracked_now(actions: Sequence[PlannedAction]) -> dict[str, Problem]:
    """Ask git again which of these paths hold tracked files; also: new repos around them."""
    problems: dict[str, Problem] = {}
    by_repo: dict[str, list[PlannedAction]] = {}
    for action in actions:
        if action.is_repo:
            by_repo.setdefault(action.root, []).append(action)
        elif find_repo_root(os.path.dirname(action.path)) is not None:
            problems[action.path] = Problem("now inside a git repository; scan again", True)
    for repo, mine in by_repo.items():
        try:
            listed = _ls_files(repo, [a.rel for a in mine])
        except GitUnavailable as error:
            for action in mine:
                problems[action.path] = Problem(f"git cannot say what is tracked: {error}", True)
            continue
        for action in mine:
            inside = [p for p in listed if p == action.rel or p.startswith(action.rel + "/")]
            if inside:
                problems[action.path] = Problem(
                    f"holds {len(inside)} tracked file(s), e.g. {inside[0]}: tidy never moves "
                    "tracked files (the unsafe untrack fix, TDY102, handles committed caches)",
                    True)
    return problems


def _ls_files(repo: str, rels: list[str]) -> list[str]:
    proc = subprocess.run(
        [git_executable(), "-C", repo, "--literal-pathspecs", "ls-files", "-z", "--cached",
         "--", *rels],
        capture_output=True, env=git_env(), check=False,
    )
    if proc.returncode != 0:
        raise GitUnavailable(proc.stderr.decode("utf-8", "replace").strip().split("\n")[0])
    return [os.fsdecode(p) for p in proc.stdout.split(b"\0") if p]


# -- where things go ------------------------------------------------------------------------
@dataclass
class Slot:
    path: str
    fd: int
    run: RunFolder

    def close(self) -> None:
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

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self.last = ""
        self._next = 0
        self._runs: dict[tuple[str, tuple[str, ...]], RunFolder] = {}
        self._git_dirs: dict[str, str | None] = {}
        self._copied: dict[tuple[int, int], str] | None = None

    def __enter__(self) -> TrashLocator:
        return self

    def __exit__(self, *_exc: object) -> None:
        for run in self._runs.values():
            run.chain.close()
        self._runs.clear()

    def place(self, action: PlannedAction, item: Opened) -> tuple[Slot, str]:
        """A new slot in this run's folder in the chosen trash, and "rename" or "copy".
        Raises Refused when no trash may be used for it."""
        candidates = self._candidates(action, item)
        for where in candidates:
            if where.device(item) == item.st.st_dev:
                with contextlib.suppress(OSError):  # not writable: try the next one
                    run = self._run_folder(where, item)
                    if run.dev == item.st.st_dev:
                        return self._slot(run), "rename"
        self._copy_allowed(item)
        last: Exception | None = None
        for where in candidates[:2]:
            try:
                return self._slot(self._run_folder(where, item)), "copy"
            except OSError as error:
                last = error
        raise Refused(f"failed: cannot make the trash folder: {last}")

    def drop(self, slot: Slot) -> None:
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

    def _run_folder(self, where: _Where, item: Opened) -> RunFolder:
        key = (where.anchor, where.parts)
        if key in self._runs:
            return self._runs[key]
        try:
            if where.kind == "outside":
                chain = open_chain(where.anchor, where.parts, make=0o700,
                                   anchor_fd=item.chain.fds[where.level],
                                   what="tidy's trash folder")
                try:
                    _mark_outside_trash(chain.fd)
                    _open_more(chain, self.run_id)
                except BaseException:
                    chain.close()
                    raise
            else:
                if where.kind == "state":
                    state.ensure_dir(where.anchor)
                chain = open_chain(where.anchor, (*where.parts, self.run_id), make=0o700,
                                   what="tidy's trash folder")
        except Refused as refused:
            if refused.link:
                raise Refused(f"{refused.reason}: tidy's state is never followed through a "
                              "link; remove the link") from None
            raise OSError(errno.EACCES, refused.reason) from None
        run = RunFolder(chain)
        self._runs[key] = run
        return run

    def _slot(self, run: RunFolder) -> Slot:
        while True:
            name = f"{self._next:06d}"
            self._next += 1
            try:
                os.mkdir(name, 0o700, dir_fd=run.fd)
            except FileExistsError:
                continue
            return Slot(os.path.join(run.path, name), open_dir(name, run.fd), run)

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


def _open_more(chain: Chain, name: str) -> None:
    """Open (making it 0700 when missing) folder `name` below the chain's last folder."""
    more = open_chain(chain.path, (name,), make=0o700, anchor_fd=chain.fd,
                      what="tidy's trash folder")
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
    """`.gitignore` of `*` and a CACHEDIR.TAG in a .tidy-trash folder (never overwritten)."""
    texts = {".gitignore": b"# tidy's trash (`tidy trash list`, `tidy trash purge`): never "
                           b"commit it\n*\n",
             "CACHEDIR.TAG": CACHEDIR_SIGNATURE + b"\n# tidy's trash: backups need not keep it.\n"}
    for name, text in texts.items():
        try:
            out = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                          | os.O_CLOEXEC, 0o644, dir_fd=fd)
        except FileExistsError:
            continue
        try:
            os.write(out, text)
        finally:
            os.close(out)


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

    def spot(self, intent: Intent, record: RunRecord | None = None) -> Spot | str:
        """The Spot, or why this entry is refused (one line)."""
        if self._roots is None:
            from tidy.fixes.journal import read_run

            self._roots = set(_roots_of(record or read_run(self.run_id)))
        return spot_of(intent.entry, self.run_id, self._roots, self._git_dir)

    def _git_dir(self, root: str) -> str | None:
        if root not in self._git_dirs:
            self._git_dirs[root] = git_dir(root)
        return self._git_dirs[root]


def _roots_of(record: RunRecord) -> list[str]:
    roots = record.begin.get("roots")
    return [r for r in roots if isinstance(r, str)] if isinstance(roots, list) else []


def spot_of(entry: dict[str, object], run_id: str, roots: set[str],
            git_dir_of: Callable[[str], str | None]) -> Spot | str:
    """Every path of a trash intent inside its run's root and its run's trash, lexically and
    with no symlink in the part that exists: a Spot, or why the entry is refused."""
    path, dst, scan_root = entry.get("path"), entry.get("dst"), entry.get("scan_root")
    if not (isinstance(path, str) and isinstance(dst, str) and isinstance(scan_root, str)):
        return "paths missing"
    for value in (path, dst, scan_root):
        if not os.path.isabs(value) or os.path.normpath(value) != value or "\0" in value:
            return f"not a plain absolute path: {value!r}"
    if not any(scan_root == r or scan_root.startswith(r.rstrip(os.sep) + os.sep)
               for r in roots):  # watch rescans the changed folders inside its roots
        return f"{scan_root} is not inside one of the run's roots"
    if not path.startswith(scan_root.rstrip(os.sep) + os.sep):
        return f"{path} is not inside the run's root {scan_root}"
    if _has_link(scan_root):
        return f"the run's root {scan_root} is reached through a symlink"
    slot_dir, name = os.path.split(dst)
    run_dir, slot = os.path.split(slot_dir)
    base, run = os.path.split(run_dir)
    if name != os.path.basename(path) or not _SLOT.fullmatch(slot) or run != run_id:
        return f"{dst} is not a place in this run's trash"
    anchor, base_parts = _trash_base(base, scan_root, entry.get("root"), git_dir_of)
    if not anchor:
        return f"{dst} is not in one of tidy's trash folders"
    src_rel = os.path.relpath(os.path.dirname(path), scan_root)
    return Spot(scan_root, () if src_rel == os.curdir else tuple(src_rel.split(os.sep)), name,
                anchor, base_parts, run_id, slot)


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


def _open_run(spot: Spot, make: bool = False) -> Chain:
    return open_chain(spot.anchor, spot.run_parts, what="tidy's trash folder",
                      make=0o700 if make else 0)


# -- undo -----------------------------------------------------------------------------------
def _undo_one(intent: Intent, journal: RunJournal, checker: SpotChecker) -> Outcome:
    entry = intent.entry
    src, dst = str(entry.get("path", "")), str(entry.get("dst", ""))
    size, files = int(entry.get("bytes", 0)), int(entry.get("files", 0))

    def fail(reason: str) -> Outcome:
        journal.write({"op": "undo-fail", "ref": intent.seq, "reason": reason}, sync=True)
        return Outcome(src, ActionKind.TRASH, Status.FAILED, reason, True, where=dst,
                       run=journal.run_id)

    spot = checker.spot(intent)
    if isinstance(spot, str):
        return fail(f"journal entry refused: {spot}; nothing done")
    try:
        with _open_run(spot) as run, open_chain(run.path, (spot.slot,), anchor_fd=run.fd,
                                                 what="its trash slot") as slot:
            if not exists_at(slot.fd, spot.name):
                return fail("no longer in the trash (purged or removed by hand)")
            with open_chain(spot.scan_root, spot.src_parts, make=0o755,
                            what="a folder on the way back") as home:
                if exists_at(home.fd, spot.name):
                    return fail("something now exists at the original path; left in the "
                                f"trash at {dst}")
                journal.write({"op": "undo-intent", "ref": intent.seq}, sync=True)
                partial = _put_back(entry, slot.fd, home.fd, spot.name, lambda: journal.write(
                    {"op": "undo-copied", "ref": intent.seq}, sync=True))
            with contextlib.suppress(OSError):
                os.rmdir(spot.slot, dir_fd=run.fd)
    except Refused as refused:
        if "is gone" in refused.reason and "trash" in refused.reason:
            return fail("no longer in the trash (purged or removed by hand)")
        return fail(refused.reason + f"; left in the trash at {dst}")
    except OSError as error:
        return fail(why(error))
    journal.write({"op": "undo-done", "ref": intent.seq}, sync=bool(partial))
    return Outcome(src, ActionKind.TRASH, Status.DONE, partial, bool(partial), size, files, src,
                   run=journal.run_id)


def _put_back(entry: dict[str, object], slot_fd: int, home_fd: int, name: str,
              copied: Callable[[], object]) -> str:
    if entry.get("method") == "copy" and os.fstat(slot_fd).st_dev != os.fstat(home_fd).st_dev:
        return copy_then_remove(slot_fd, name, home_fd, name, copied)
    st = lstat_at(slot_fd, name)
    try:
        rename_noreplace(slot_fd, name, home_fd, name)
    except PermissionError:
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid():
            raise
        fd = open_dir(name, slot_fd)
        try:
            os.fchmod(fd, stat.S_IMODE(st.st_mode) | stat.S_IWUSR)
            try:
                rename_noreplace(slot_fd, name, home_fd, name)
            finally:
                os.fchmod(fd, stat.S_IMODE(st.st_mode))
        finally:
            os.close(fd)
    return ""


def _tidy_up_runs(checker: SpotChecker, intents: Sequence[Intent]) -> None:
    """After undo: remove this run's folders that are now empty, and a .tidy-trash that
    holds no run any more (no empty leftovers in the user's folders)."""
    bases: dict[tuple[str, tuple[str, ...]], Spot] = {}
    for intent in intents:
        spot = checker.spot(intent)
        if isinstance(spot, Spot):
            bases[(spot.anchor, spot.base_parts)] = spot
    for spot in bases.values():
        _remove_run_if_empty(spot)


def _remove_run_if_empty(spot: Spot) -> None:
    with contextlib.suppress(Refused, OSError), open_chain(
            spot.anchor, spot.base_parts, what="tidy's trash folder") as base:
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
    if not names <= set(_MARKERS):
        return
    for name in names:
        if stat.S_ISREG(lstat_at(base.fd, name).st_mode):
            os.unlink(name, dir_fd=base.fd)
    os.rmdir(TRASH_FOLDER_NAME, dir_fd=base.fds[-2])


# -- recovery after a kill ------------------------------------------------------------------
def recover_intent(intent: Intent, journal: RunJournal, checker: SpotChecker) -> Outcome:
    """Decide from the disk what became of an intent a killed run left unresolved."""
    entry = intent.entry
    src, dst = str(entry.get("path", "")), str(entry.get("dst", ""))
    spot = checker.spot(intent)
    if isinstance(spot, str):
        journal.write({"op": "recovered", "ref": intent.seq, "state": "refused"}, sync=True)
        return Outcome(src, ActionKind.TRASH, Status.FAILED,
                       f"journal entry refused: {spot}; nothing done", True, where=dst,
                       run=journal.run_id)
    try:
        run = _gone_is_none(lambda: _open_run(spot))
        try:
            slot_fd = _open_or_none(run.fd, spot.slot) if run is not None else -1
            try:
                with _open_home(spot) as home:
                    if intent.undo_in_flight:
                        return _recover_undo(intent, journal, spot, slot_fd, home)
                    return _recover_move(intent, journal, spot, run, slot_fd, home)
            finally:
                if slot_fd >= 0:
                    os.close(slot_fd)
        finally:
            if run is not None:
                run.close()
    except Refused as refused:
        # A symlink where tidy's trash or the way home should be: touch nothing.
        if intent.undo_in_flight:
            journal.write({"op": "recovered-undo", "ref": intent.seq, "state": "in-trash"},
                          sync=True)
        else:
            journal.write({"op": "recovered", "ref": intent.seq, "state": "refused"}, sync=True)
        return Outcome(src, ActionKind.TRASH, Status.FAILED, refused.reason, True, where=dst,
                       run=journal.run_id)


def _gone_is_none(opener: Callable[[], Chain]) -> Chain | None:
    try:
        return opener()
    except Refused as refused:
        if refused.link:
            raise
        return None


@contextlib.contextmanager
def _open_home(spot: Spot) -> Iterator[Chain | None]:
    chain = _gone_is_none(lambda: open_chain(spot.scan_root, spot.src_parts,
                                             what="a folder on the way back"))
    try:
        yield chain
    finally:
        if chain is not None:
            chain.close()


def _open_or_none(dir_fd: int, name: str) -> int:
    try:
        return open_dir(name, dir_fd)
    except OSError:
        return -1


def _recover_move(intent: Intent, journal: RunJournal, spot: Spot, run: Chain | None,
                  slot_fd: int, home: Chain | None) -> Outcome:
    entry, name = intent.entry, spot.name
    copied = intent.has("copied")
    if slot_fd >= 0 and entry.get("method") == "copy" and not copied:
        with contextlib.suppress(OSError):
            if exists_at(slot_fd, name + ".partial"):
                remove_at(slot_fd, name + ".partial")  # our own half copy; the original is whole
    in_trash = slot_fd >= 0 and exists_at(slot_fd, name)
    at_home = home is not None and exists_at(home.fd, name)
    if copied and in_trash and at_home and home is not None:
        # The verified copy is complete: finish what the kill interrupted.
        with contextlib.suppress(OSError):
            remove_at(home.fd, name)
        at_home = exists_at(home.fd, name)
    state_name = "moved" if in_trash else "not-moved" if at_home else "missing"
    journal.write({"op": "recovered", "ref": intent.seq, "state": state_name}, sync=True)
    if not in_trash and run is not None:
        with contextlib.suppress(OSError):
            os.rmdir(spot.slot, dir_fd=run.fd)
    status = Status.FAILED if state_name == "missing" else Status.DONE
    dst = str(entry.get("dst", ""))
    return Outcome(str(entry.get("path", "")), ActionKind.TRASH, status,
                   {"moved": f"was moved to the trash ({dst})",
                    "not-moved": "had not moved; still in place",
                    "missing": "neither in place nor in the trash"}[state_name],
                   state_name == "missing", where=dst, run=journal.run_id)


def _recover_undo(intent: Intent, journal: RunJournal, spot: Spot, slot_fd: int,
                  home: Chain | None) -> Outcome:
    name = spot.name
    undo_ops = [r.get("op") for r in intent.results if str(r.get("op", "")).startswith("undo-")]
    in_trash = slot_fd >= 0 and exists_at(slot_fd, name)
    if home is not None and in_trash:
        if undo_ops and undo_ops[-1] == "undo-copied" and exists_at(home.fd, name):
            with contextlib.suppress(OSError):
                remove_at(slot_fd, name)  # the restored copy verified; finish removing it
        elif exists_at(home.fd, name + ".partial"):
            with contextlib.suppress(OSError):
                remove_at(home.fd, name + ".partial")
    in_trash = slot_fd >= 0 and exists_at(slot_fd, name)
    restored = home is not None and exists_at(home.fd, name) and not in_trash
    journal.write({"op": "recovered-undo", "ref": intent.seq,
                   "state": "restored" if restored else "in-trash"}, sync=True)
    dst = str(intent.entry.get("dst", ""))
    return Outcome(str(intent.entry.get("path", "")), ActionKind.TRASH, Status.DONE,
                   "restored" if restored else f"still in the trash ({dst})",
                   where=dst, run=journal.run_id)


# -- listing and purging --------------------------------------------------------------------
@dataclass(frozen=True)
class TrashRun:
    run_id: str
    started: float
    finished: float
    command: str
    items: int  # moved and still in the trash
    bytes: int
    files: int
    status: str  # running / complete / interrupted / undone / partly undone / purged
    locations: tuple[str, ...]
    skipped: int
    failed: int


def summarize(record: RunRecord) -> TrashRun:
    intents = record.intents()
    trash = [i for i in intents if i.action == "trash"]
    live = [] if record.purged else [i for i in trash if i.applied]
    locations = sorted({os.path.dirname(os.path.dirname(str(i.entry.get("dst", ""))))
                        for i in live})
    undone = any(i.has("undo-done") or i.last("recovered-undo") for i in intents)
    if record.active:
        status = "running"
    elif record.purged:
        status = "purged"
    elif record.interrupted:
        status = "interrupted, undone" if undone and not live else "interrupted"
    elif undone and not any(i.applied for i in intents):
        status = "undone"
    elif undone:
        status = "partly undone"
    else:
        status = "complete"
    argv = record.begin.get("argv") or []
    return TrashRun(
        run_id=record.run_id, started=record.started, finished=record.finished_at,
        command=" ".join(str(a) for a in argv[1:]) if isinstance(argv, list) else "",
        items=len(live), bytes=sum(int(i.entry.get("bytes", 0)) for i in live),
        files=sum(int(i.entry.get("files", 0)) for i in live),
        status=status, locations=tuple(locations), skipped=len(record.skips()),
        failed=sum(1 for i in intents if i.has("fail")),
    )


@dataclass(frozen=True)
class Purged:
    run_id: str
    items: int
    bytes: int
    errors: tuple[str, ...]


def purge_run(record: RunRecord, journal: RunJournal) -> Purged:
    """Delete a run's trash for good: only the slots its valid entries name, below its own
    trash folders, each deleted relative to the run folder's descriptor."""
    checker = SpotChecker(record.run_id, record)
    errors: list[str] = []
    items = size = 0
    by_run: dict[tuple[str, tuple[str, ...]], list[tuple[Intent, Spot]]] = {}
    for intent in (i for i in record.intents() if i.action == "trash"):
        spot = checker.spot(intent, record)
        if isinstance(spot, str):
            errors.append(f"{intent.entry.get('dst')}: journal entry refused: {spot}; "
                          "left alone")
            continue
        by_run.setdefault((spot.anchor, spot.run_parts), []).append((intent, spot))
    for mine in by_run.values():
        spot = mine[0][1]
        try:
            run = _open_run(spot)
        except Refused as refused:
            if not refused.link and "is gone" in refused.reason:
                continue  # nothing of this run there any more
            errors.append(refused.reason)
            continue
        with run:
            slots = sorted({s.slot for _, s in mine})
            mounted = {slot for slot in slots if mounts_below(os.path.join(run.path, slot))}
            errors += [f"{os.path.join(run.path, slot)}: another filesystem is mounted inside; "
                       "left alone" for slot in sorted(mounted)]
            failed = purge_at(run.fd, [slot for slot in slots if slot not in mounted])
            failed += [f"{slot}: mounted inside" for slot in sorted(mounted)]
            errors += [os.path.join(run.path, e) for e in failed if e.split(":", 1)[0]
                       not in mounted]
            gone = {e.split(":", 1)[0] for e in failed}
            for intent, slot_spot in mine:
                if intent.applied and slot_spot.slot not in gone:
                    items += 1
                    size += int(intent.entry.get("bytes", 0))
        _remove_run_if_empty(spot)
    journal.write({"op": "purged", "items": items, "bytes": size, "errors": errors}, sync=True)
    return Purged(record.run_id, items, size, tuple(errors))


# -- path wrappers (tests, and tools that hold paths rather than descriptors) ---------------
def remove_tree(path: str) -> None:
    """Delete `path` for good: its parent opened once, then remove_at (never follows links)."""
    parent = open_dir(os.path.dirname(path) or ".")
    try:
        remove_at(parent, os.path.basename(path))
    finally:
        os.close(parent)


def copy_tree(src: str, dst: str) -> None:
    with _parents(src, dst) as (a, b):
        copy_at(a, os.path.basename(src), b, os.path.basename(dst))


def compare_trees(a: str, b: str) -> str:
    with _parents(a, b) as (fa, fb):
        return compare_at(fa, os.path.basename(a), fb, os.path.basename(b))


def transfer(src: str, dst: str, method: str, copied: Callable[[], object]) -> str:
    """Move src to dst (dst must not exist), by their parents' descriptors."""
    with _parents(src, dst) as (a, b):
        if method == "rename":
            rename_noreplace(a, os.path.basename(src), b, os.path.basename(dst))
            return ""
        return copy_then_remove(a, os.path.basename(src), b, os.path.basename(dst), copied)


@contextlib.contextmanager
def _parents(a: str, b: str) -> Iterator[tuple[int, int]]:
    fa = open_dir(os.path.dirname(a) or ".")
    try:
        fb = open_dir(os.path.dirname(b) or ".")
        try:
            yield fa, fb
        finally:
            os.close(fb)
    finally:
        os.close(fa)
