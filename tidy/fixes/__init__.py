"""Fixers: one applier per ActionKind, behind one small protocol and one explicit registry.

An applier gets the planned actions of its kind and the run's journal, and returns one
Outcome per action. The contract, for anyone adding one (IGNORE, EDITOR_EXCLUDE, EXTRACT,
GIT_RM ...):

1. Re-check each action right before acting (`PlannedAction.expected` holds what the plan
   saw); skip what changed with `journal.skipped(path, reason)` and a SKIPPED outcome.
2. Call `seq = journal.intent("<kind>", path=..., <what undo needs>)` BEFORE changing
   anything (it is fsync'ed), then act, then `journal.done(seq, ...)` or
   `journal.failed(seq, reason)`. Many items: write each one's intent with `sync=False`,
   then `journal.sync()` once, and only then act on any of them (the trash does, a batch
   at a time: tidy/fixes/trash/applier.py).
3. `undo(intents, journal)` gets the run's intents of its kind that are in effect, newest
   first, and reverts each: `journal.write({"op": "undo-intent", "ref": i.seq}, sync=True)`
   first, then `{"op": "undo-done", "ref": ...}` or `{"op": "undo-fail", ...}`.
4. `recover(intents, journal)` gets intents a killed run left in flight (no done/fail, or an
   undo without its end) and writes `{"op": "recovered", "ref": seq, "state": "moved" |
   "not-moved" | "missing"}` (or `recovered-undo` with "restored" | "in-trash"), deciding
   from what is on disk. It must never lose data: when in doubt, keep both copies.
5. Never print: return Outcomes; the CLI renders them.
6. Journals are input, not trusted: `undo_run` and recovery only hand an applier intents
   whose `path` lies inside the run's folders and whose `root`, `rel` and `gitignore` agree
   with it (`refusal`); an applier checks anything else its entries name before acting on
   it (the trash: `tidy.fixes.trash.locate.spot_of`; untrack: its index records; extraction:
   its backup's record), and acts
   relative to folder descriptors (tidy/fixes/fdops.py), never resolving a path twice.

Add one to the explicit registry in tidy/fixes/apply.py, which also runs plans, undo and
recovery through them; tidy/fixes/recovery.py resolves an intent a kill left in flight from
what is on disk, for appliers whose changes are all-or-nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from tidy.core.config import Config
from tidy.core.models import ActionKind
from tidy.fixes.journal import Intent, RunJournal
from tidy.fixes.plan import PlannedAction

if TYPE_CHECKING:
    from tidy.workspace.inuse import Look, Use


class Status(enum.Enum):
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class Outcome:
    path: str
    action: ActionKind
    status: Status
    reason: str = ""
    # True when the user should look (exit 1): a failure, or a skip for a safety reason
    # (tracked content, a link or a different inode where a folder was planned). A skip
    # because a build is busy or the path is already gone is routine: False.
    attention: bool = False
    bytes: int = 0
    files: int = 0
    where: str = ""  # where it went (trash path), or what was edited
    code: str = ""
    run: str = ""
    # Skipped because a live process uses it: who, and what it holds (the reason says the
    # same in words; `tidy fix --format json` gives this as `in_use`).
    in_use: Use | None = None


def skipped(journal: RunJournal, action: PlannedAction, kind: ActionKind, reason: str,
            attention: bool = True, use: Use | None = None) -> Outcome:
    """`action` left undone: journaled as a skip, and the outcome that says why."""
    journal.skipped(action.path, reason, action=kind.value, code=action.code)
    return Outcome(action.path, kind, Status.SKIPPED, reason, attention, code=action.code,
                   run=journal.run_id, in_use=use)


# The reason journaled for actions a stopped run never began (see ApplySettings.stop).
STOPPED = "not started: the run was stopped before it got here"


@dataclass(frozen=True)
class ApplySettings:
    skip_recent: float = 10.0  # seconds: anything written more recently is left alone
    now: float = 0.0  # 0: the clock at each check
    # Asked before each move and between action kinds; True ends the run there: what is
    # moving finishes, the rest is journaled as skipped (Ctrl-C in `tidy browse`).
    stop: Callable[[], bool] | None = None
    # Editors whose exclude files to write even when nothing at the root shows them in use
    # (`tidy fix --editor vscode,cursor`; tidy.fixes.editors.excludes.EDITOR_NAMES).
    editors: tuple[str, ...] = ()
    # Which live process uses an item (tidy/workspace/inuse.py): /proc read once per run, at
    # the first move, and asked right before each move. None: apply_plan makes one per run.
    in_use: Look | None = None
    # The settings the plan's scan ran with: a content-decided action (git rm of a vendored
    # library, an extraction) is confirmed by a scan with them that reads every file afresh
    # (tidy.fixes.confirm). None: the settings files at each group's root.
    config: Config | None = None

    def stopping(self) -> bool:
        return self.stop is not None and self.stop()


class Applier(Protocol):
    kind: ActionKind

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]: ...

    def undo(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]: ...

    def recover(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]: ...
