"""The TRASH applier: each planned item re-checked, then moved into this run's trash (see
tidy/fixes/trash/__init__.py); undo and recovery hand over to recover.py."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

from tidy.core.models import ActionKind
from tidy.core.units import counted
from tidy.fixes import STOPPED, ApplySettings, Outcome, Status, skipped
from tidy.fixes.fdops import Refused
from tidy.fixes.journal import Intent, RunJournal
from tidy.fixes.plan import PlannedAction
from tidy.fixes.recheck import Problem, opened, root_problem
from tidy.fixes.trash.locate import SpotChecker, TrashLocator
from tidy.fixes.trash.move import move_opened
from tidy.fixes.trash.recover import recover_intent, tidy_up_runs, undo_one
from tidy.workspace.git import GitUnavailable, find_repo_root, tracked_paths

_GIT_BATCH = 64  # paths per `git ls-files`: asked again right before each batch moves


class TrashApplier:
    kind = ActionKind.TRASH

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]:
        outcomes: list[Outcome] = []
        with TrashLocator(journal.run_id, journal) as locator:
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
                with opened(action, now, settings.skip_recent,
                        settings.in_use) as item:
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
        outcomes = [undo_one(i, journal, checker) for i in intents]
        tidy_up_runs(checker, intents)
        return outcomes

    def recover(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        checker = SpotChecker(journal.run_id)
        return [recover_intent(i, journal, checker) for i in intents]




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
            listed = tracked_paths(repo, [a.rel for a in mine])
        except GitUnavailable as error:
            for action in mine:
                problems[action.path] = Problem(f"git cannot say what is tracked: {error}", True)
            continue
        for action in mine:
            inside = [p for p in listed if p == action.rel or p.startswith(action.rel + "/")]
            if inside:
                problems[action.path] = Problem(
                    f"holds {counted(len(inside), 'tracked file')}, e.g. {inside[0]}: "
                    "tidy never moves tracked files (the unsafe untrack fix, TDY102, handles "
                    "committed caches)",
                    True)
    return problems
