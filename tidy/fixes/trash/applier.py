"""The TRASH applier: each planned item re-checked, then moved into this run's trash (see
tidy/fixes/trash/__init__.py); undo and recovery hand over to recover.py."""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import os
import resource
import time
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tidy.core.models import ActionKind
from tidy.core.units import counted
from tidy.fixes import STOPPED, ApplySettings, Outcome, Status, skipped
from tidy.fixes.fdops import Chain, Refused
from tidy.fixes.journal import Intent, RunJournal
from tidy.fixes.plan import PlannedAction
from tidy.fixes.recheck import (
    Problem,
    forget_places,
    mount_points,
    open_parent_chain,
    opened,
    root_problem,
)
from tidy.fixes.trash.locate import SpotChecker, TrashLocator
from tidy.fixes.trash.move import (
    Prepared,
    move_now,
    moved_path,
    prepare_move,
    put_back_used,
    record_moved,
)
from tidy.fixes.trash.recover import recover_intent, tidy_up_runs, undo_many
from tidy.workspace.git import GitUnavailable, find_repo_root, git_dir, tracked_paths

if TYPE_CHECKING:
    from tidy.workspace.inuse import Use

_GIT_BATCH = 64  # paths per `git ls-files` pathspec list (a repo with few planned paths)
# Items checked, held open and journaled together, their intents made durable by one fsync
# before any of them moves (an fsync each made the journal most of a fix's time: ~4 ms each
# on this disk, 80 s for 20,000 __pycache__ folders). Each held item keeps three descriptors
# (its folder, itself, its slot in the trash), hence the cap under the descriptor limit.
_MOVE_BATCH = 256


def move_batch_size() -> int:
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return _MOVE_BATCH
    return max(8, min(_MOVE_BATCH, (soft - 128) // 4))


class TrashApplier:
    kind = ActionKind.TRASH

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]:
        outcomes: list[Outcome] = []
        forget_places()
        git = TrackedNow(actions)
        # A run that may be stopped (Ctrl-C in `tidy browse`) moves one item at a time: the
        # stop is asked before each, and an item whose intent is durable always moves.
        size = 1 if settings.stop is not None else move_batch_size()
        order = _folder_by_folder(actions, settings)
        with TrashLocator(journal.run_id, journal) as locator, journal.buffered():
            for start in range(0, len(order), size):
                batch = [actions[i] for i in order[start:start + size]]
                outcomes += self._batch(batch, journal, locator, git.problems(batch), settings)
        by_index = dict(zip(order, outcomes, strict=True))
        return [by_index[i] for i in range(len(actions))]

    def _batch(self, batch: Sequence[PlannedAction], journal: RunJournal,
               locator: TrashLocator, tracked: dict[str, Problem],
               settings: ApplySettings) -> list[Outcome]:
        """Check and hold each item, journal its intent; one fsync; then move each (the
        last check of each, still_there, right before its rename)."""
        results: dict[int, Outcome] = {}
        mounts = mount_points()
        with contextlib.ExitStack() as held:
            parents = ParentChains(held)
            ready: list[tuple[int, Prepared]] = []
            for index, action in enumerate(batch):
                if settings.stopping():  # between two items: none is ever left half-done
                    results[index] = skipped(journal, action, self.kind, STOPPED, False)
                    continue
                prepared = self._prepare(action, journal, locator, tracked, settings, mounts,
                                         held, parents)
                if isinstance(prepared, Outcome):
                    results[index] = prepared
                else:
                    ready.append((index, prepared))
            if ready:
                journal.sync()  # every intent of the batch durable before anything moves
            moved: list[tuple[int, Prepared]] = []
            for index, prepared in ready:
                problem = self._move(prepared, journal, locator)
                if problem is None:
                    moved.append((index, prepared))
                else:
                    results[index] = self._not_moved(prepared.action, problem, journal)
            used = _used_once_moved(moved, settings)
            for index, prepared in moved:
                results[index] = self._record(prepared, journal, locator, used.get(index))
        return [results[index] for index in range(len(batch))]

    def _prepare(self, action: PlannedAction, journal: RunJournal, locator: TrashLocator,
                 tracked: dict[str, Problem], settings: ApplySettings, mounts: list[str],
                 held: contextlib.ExitStack, parents: ParentChains) -> Prepared | Outcome:
        now = settings.now or time.time()
        problem = root_problem(action) or tracked.get(action.path)
        if problem is None:
            try:
                with contextlib.ExitStack() as mine:
                    item = mine.enter_context(opened(
                        action, now, settings.skip_recent, in_use=settings.in_use, mounts=mounts,
                        chain=parents.chain_of(action), files_after=True))
                    prepared = prepare_move(action, item, journal, locator)
                    mine.callback(prepared.slot.close)
                    held.enter_context(mine.pop_all())  # held until the batch has moved
                    return prepared
            except Refused as refused:
                problem = Problem.of(refused)
        return self._not_moved(action, problem, journal)

    def _move(self, prepared: Prepared, journal: RunJournal, locator: TrashLocator
              ) -> Problem | None:
        """Its intent is durable: it moves, stopped or not (its done record once the
        batch's users were looked at: _record)."""
        try:
            return move_now(prepared, journal, locator)
        except Refused as refused:
            return Problem.of(refused)

    def _record(self, prepared: Prepared, journal: RunJournal, locator: TrashLocator,
                use: Use | None) -> Outcome:
        action = prepared.action
        if use is not None:
            problem = put_back_used(prepared, journal, locator, use.reason)
            return self._not_moved(action, dataclasses.replace(problem, use=use), journal)
        partial = record_moved(prepared, journal, locator)  # a copy's original not all gone
        if partial is not None:
            return self._not_moved(action, partial, journal)
        return Outcome(action.path, self.kind, Status.DONE, bytes=action.bytes,
                       files=action.files, where=prepared.dst, code=action.code,
                       run=journal.run_id)

    def _not_moved(self, action: PlannedAction, problem: Problem,
                   journal: RunJournal) -> Outcome:
        if problem.reason.startswith("failed: "):
            return Outcome(action.path, self.kind, Status.FAILED,
                           problem.reason.removeprefix("failed: "), True,
                           code=action.code, run=journal.run_id)
        return skipped(journal, action, self.kind, problem.reason, problem.attention,
                       use=problem.use)

    def undo(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        checker = SpotChecker(journal.run_id)
        # Folder by folder (items of one folder then share its descriptor); the order of a
        # run's trash items does not matter: none lies inside another (plan._drop_covered).
        order = sorted(range(len(intents)),
                       key=lambda i: str(intents[i].entry.get("path", "")).replace(os.sep, "\0"))
        done = undo_many([intents[i] for i in order], journal, checker)
        by_index = dict(zip(order, done, strict=True))
        outcomes = [by_index[i] for i in range(len(intents))]
        tidy_up_runs(checker, intents)
        return outcomes

    def recover(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        checker = SpotChecker(journal.run_id)
        return [recover_intent(i, journal, checker) for i in intents]




def _used_once_moved(moved: Sequence[tuple[int, Prepared]], settings: ApplySettings
                     ) -> dict[int, Use]:
    """The renamed items of a batch a live process works in, holds open, maps or watches now
    (an editor's watches aside), by index: the run's look at /proc came before (up to a
    whole run before: a program started since, or one that opened a file inside since, was
    not in it), and what such a program writes through its descriptor lands in the trash. A
    descriptor, a mapping and a watch follow the rename, so one lean look after the batch's
    renames sees every such program; the items it finds go back.
    A copied item's original is still at home (record_moved removes it): looked at there,
    the copy is dropped from the trash instead. None when the run does not look at
    processes (settings.in_use is None)."""
    if settings.in_use is None or not moved:
        return {}
    from tidy.workspace.inuse import EDITORS_WATCHING, Use
    from tidy.workspace.procfs import PROC, holders, name_and_command

    renamed = {moved_path(p): (i, p) for i, p in moved}
    found: dict[int, Use] = {}
    for folder, (pid, how, where) in holders(list(renamed), PROC, EDITORS_WATCHING).items():
        index, prepared = renamed[folder]
        # named where the user knows it: its planned path, not its place in the trash
        planned = prepared.action.path + where[len(folder):]
        found[index] = Use(how, planned, pid, *name_and_command(PROC, pid))
    return found


class ParentChains:
    """The folders down to each parent of a batch, opened once per parent (a package's 200
    stray .pyc share one way down) and held by the batch until it has moved. Each item still
    checks the shared chain against its own plan (recheck.shared_chain_fits), and right
    before its own rename that every level is still at its path (still_in_place). Items of
    one parent are consecutive (_folder_by_folder); once the batch goes on to another
    parent, the last one keeps only its own descriptor (what its items move from)."""

    def __init__(self, held: contextlib.ExitStack) -> None:
        self._held = held
        self._key: tuple[str, str] | None = None
        self._chain: Chain | None = None

    def chain_of(self, action: PlannedAction) -> Chain:
        """The open chain of `action`'s parent; Refused when it cannot be opened as planned."""
        key = (action.scan_root, os.path.dirname(action.path))
        if key != self._key or self._chain is None:
            self.release()
            chain = open_parent_chain(action)
            self._held.callback(chain.close)
            self._key, self._chain = key, chain
        return self._chain

    def release(self) -> None:
        if self._chain is not None:
            self._chain.release_ancestors()
        self._key, self._chain = None, None


def _folder_by_folder(actions: Sequence[PlannedAction], settings: ApplySettings) -> list[int]:
    """The order to move in: folder items in the plan's order (the biggest first), then the
    files, those of one folder one after the other (they then share a slot in the trash:
    their names differ), the plan's order kept within each. A run that may be stopped keeps
    the plan's order."""
    if settings.stop is not None:
        return list(range(len(actions)))

    def key(i: int) -> tuple[int, str]:
        if actions[i].expected.type != "file":
            return (0, "")
        return (1, os.path.dirname(actions[i].path).replace(os.sep, "\0"))

    return sorted(range(len(actions)), key=key)


# -- git, asked again -----------------------------------------------------------------------
class TrackedNow:
    """Git asked again, right before each batch moves, which planned paths hold tracked files.

    A repository with few planned paths: `git ls-files -- <those paths>` per batch. One with
    many (a monorepo's 20,000 __pycache__ folders): its whole index listed once, sorted, and
    looked up by bisection; listed again only when the index file is no longer the one listed
    (git replaces it whole, by rename, on every change: another inode and ctime; a write in
    place changes its ctime, which no program can set back). A pathspec list per batch
    read the whole index each time and matched every entry against every path."""

    def __init__(self, actions: Sequence[PlannedAction]) -> None:
        self._counts = Counter(a.root for a in actions if a.is_repo)
        self._listed: dict[str, tuple[tuple[int, ...], list[str]]] = {}

    def problems(self, actions: Sequence[PlannedAction]) -> dict[str, Problem]:
        problems: dict[str, Problem] = {}
        by_repo: dict[str, list[PlannedAction]] = {}
        for action in actions:
            if action.is_repo:
                by_repo.setdefault(action.root, []).append(action)
            elif find_repo_root(os.path.dirname(action.path)) is not None:
                problems[action.path] = Problem("now inside a git repository; scan again", True)
        for repo, mine in by_repo.items():
            try:
                inside = self._tracked_inside(repo, mine)
            except GitUnavailable as error:
                for action in mine:
                    problems[action.path] = Problem(f"git cannot say what is tracked: {error}",
                                                    True)
                continue
            for action, found in zip(mine, inside, strict=True):
                if found:
                    problems[action.path] = Problem(
                        f"holds {counted(len(found), 'tracked file')}, e.g. {found[0]}: "
                        "tidy never moves tracked files (the unsafe untrack fix, TDY102, "
                        "handles committed caches)",
                        True)
        return problems

    def _tracked_inside(self, repo: str, mine: list[PlannedAction]) -> list[list[str]]:
        """For each action, the tracked paths at or below it (at most the first few)."""
        if self._counts[repo] <= _GIT_BATCH:
            listed = tracked_paths(repo, [a.rel for a in mine])
            return [[p for p in listed if p == a.rel or p.startswith(a.rel + "/")]
                    for a in mine]
        every = self._whole_index(repo)
        return [_below(every, a.rel) for a in mine]

    def _whole_index(self, repo: str) -> list[str]:
        before = _index_identity(repo)
        cached = self._listed.get(repo)
        if before is not None and cached is not None and cached[0] == before:
            return cached[1]
        every = sorted(tracked_paths(repo, []))
        if before is not None and _index_identity(repo) == before:
            self._listed[repo] = (before, every)
        else:
            self._listed.pop(repo, None)
        return every


def _below(every: list[str], rel: str, most: int = 3) -> list[str]:
    """The paths of sorted `every` that are `rel` or inside it (the first `most`)."""
    found = [rel] if _present(every, rel) else []
    start = bisect.bisect_left(every, rel + "/")
    for path in every[start:start + most]:
        if not path.startswith(rel + "/"):
            break
        found.append(path)
    return found


def _present(every: list[str], rel: str) -> bool:
    at = bisect.bisect_left(every, rel)
    return at < len(every) and every[at] == rel


def _index_identity(repo: str) -> tuple[int, ...] | None:
    """What tells one index file from another: its inode, size, mtime and ctime (None: no
    index, or git dir unknown; then git is asked every time)."""
    directory = git_dir(repo)
    if directory is None:
        return None
    try:
        st = os.stat(os.path.join(directory, "index"))
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def tracked_now(actions: Sequence[PlannedAction]) -> dict[str, Problem]:
    """Ask git again which of these paths hold tracked files; also: new repos around them."""
    return TrackedNow(actions).problems(actions)
