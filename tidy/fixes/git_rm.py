"""The GIT_RM applier: `git rm -r` of a vendored library, reversibly.

`git rm -r` is two changes, and each already has an applier that knows how to journal, undo
and recover it: the index entries go (an "untrack" intent, which records them so undo puts
them back with `git update-index --index-info`; no ignore rule is added, the folder is meant
to be gone), then the folder goes to tidy's trash (a "trash" intent, an O(1) rename). So
`tidy undo` restores index and working tree, and a run killed between the two steps is
recovered by those appliers from what is on disk. A folder holding anything but its committed
copy (an edit, a staged change, an untracked file) is left alone: `git rm -r` would refuse
or leave that work, and the trash is purged one day.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tidy.core.models import ActionKind
from tidy.fixes import ApplySettings, Outcome, Status, skipped
from tidy.fixes.fdops import Refused
from tidy.fixes.journal import RunJournal
from tidy.fixes.plan import PlannedAction
from tidy.fixes.recheck import Opened, opened, root_problem
from tidy.fixes.trash.locate import TrashLocator
from tidy.fixes.trash.move import move_opened
from tidy.fixes.untrack import _git, index_entries, tracked_entries
from tidy.workspace.git import GitUnavailable

if TYPE_CHECKING:
    from tidy.workspace.inuse import Use


def uncommitted_work(repo: str, rel: str) -> str:
    """Why the folder is not just the committed copy of a library ("" when it is): a tracked
    file edited or staged since the last commit, or a file git does not track (ignored ones
    aside). `git rm -r` refuses the first and leaves the second; moving the folder to the
    trash would take both, the user's only copy, with it. Asked as `git status` does (an
    edit is a change of contents, not of mtime)."""
    try:
        out = _git(repo, "status", "--porcelain=v1", "-z", "--untracked-files=all",
                   "--no-renames", "--ignore-submodules=none", "--", rel)
    except GitUnavailable as error:
        return f"git status: {error}"
    changed = [os.fsdecode(r[3:]) for r in out.split(b"\0") if len(r) > 3]
    if not changed:
        return ""
    untracked = sum(1 for r in out.split(b"\0") if r.startswith(b"??"))
    return (f"holds work that is not committed ({len(changed) - untracked} edited or staged, "
            f"{untracked} untracked, as {changed[0]!r}): commit it or move it out first")


def _still_tracked(action: PlannedAction) -> str:
    """What is still in the index at the folder after `git rm --cached` ("" when nothing)."""
    try:
        left = index_entries(action.root, action.rel)
    except GitUnavailable as error:
        return f"an index git cannot list ({error})"
    return f"{len(left)} entries in the index, as {left[0].partition(chr(9))[2]!r}" if left else ""


class GitRmApplier:
    kind = ActionKind.GIT_RM

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]:
        with TrashLocator(journal.run_id, journal) as locator:
            return [self._one(a, journal, locator, settings) for a in actions]

    def _one(self, action: PlannedAction, journal: RunJournal, locator: TrashLocator,
             settings: ApplySettings) -> Outcome:
        def skip(reason: str, attention: bool = True, use: Use | None = None) -> Outcome:
            return skipped(journal, action, self.kind, reason, attention, use=use)

        if not action.is_repo:
            return skip("not in a git repository")
        problem = root_problem(action)
        if problem is not None:
            return skip(problem.reason, problem.attention)
        entries, index_problem, attention = tracked_entries(action.root, action.rel)
        if index_problem:
            return skip(index_problem, attention)
        unsaved = uncommitted_work(action.root, action.rel)
        if unsaved:
            return skip(unsaved)
        try:
            with opened(action, settings.now or time.time(), settings.skip_recent,
                        settings.in_use) as item:
                return self._remove(action, item, journal, locator, entries)
        except Refused as refused:
            return skip(refused.reason, refused.attention, refused.use)

    def _remove(self, action: PlannedAction, item: Opened, journal: RunJournal,
                locator: TrashLocator, entries: list[str]) -> Outcome:
        seq = journal.intent(
            "untrack", path=action.path, root=action.root, rel=action.rel, code=action.code,
            kind=action.kind, bytes=0, files=0, index=entries,  # bytes: the trash intent's
            pattern="", gitignore="", gitignore_before=None,
        )
        try:
            _git(action.root, "rm", "-r", "--cached", "-q", "--", action.rel)
        except GitUnavailable as error:
            journal.failed(seq, f"git rm --cached: {error}")
            return self._failed(action, journal, f"git rm --cached: {error}")
        journal.done(seq, gitignore_after=None)
        left = _still_tracked(action)
        if left:  # git kept some entry: the folder would go while the index still names it
            note = self._put_index_back(action, journal, seq, entries)
            return self._failed(action, journal, f"git rm --cached left {left}" + note)
        try:
            problem = move_opened(action, item, journal, locator)
        except Refused as refused:
            note = self._put_index_back(action, journal, seq, entries)
            return self._failed(action, journal, refused.reason.removeprefix("failed: ") + note)
        if problem is not None:
            note = self._put_index_back(action, journal, seq, entries)
            return self._failed(action, journal, problem.reason.removeprefix("failed: ") + note)
        return Outcome(action.path, self.kind, Status.DONE, bytes=action.bytes,
                       files=action.files, where=locator.last, code=action.code,
                       run=journal.run_id)

    def _put_index_back(self, action: PlannedAction, journal: RunJournal, seq: int,
                        entries: list[str]) -> str:
        """The folder could not move: leave the repo as it was (the index entries back)."""
        journal.write({"op": "undo-intent", "ref": seq}, sync=True)
        records = b"".join(os.fsencode(r) + b"\0" for r in entries)
        try:
            _git(action.root, "update-index", "-z", "--index-info", stdin=records)
        except GitUnavailable as error:
            journal.write({"op": "undo-fail", "ref": seq, "reason": str(error)}, sync=True)
            return f"; the index entries could not be restored ({error}): run `tidy undo`"
        journal.write({"op": "undo-done", "ref": seq}, sync=True)
        return "; the index was left as it was"

    def _failed(self, action: PlannedAction, journal: RunJournal, reason: str) -> Outcome:
        return Outcome(action.path, self.kind, Status.FAILED, reason, True, code=action.code,
                       run=journal.run_id)

    # Undo and recovery never see a "git-rm" intent: the two steps are journaled as
    # "untrack" and "trash", whose appliers revert and recover them.
    def undo(self, intents: Sequence[object], journal: RunJournal) -> list[Outcome]:
        return []

    def recover(self, intents: Sequence[object], journal: RunJournal) -> list[Outcome]:
        return []

