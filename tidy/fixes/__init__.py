"""Fixers: one applier per ActionKind, behind one small protocol and one explicit registry.

An applier gets the planned actions of its kind and the run's journal, and returns one
Outcome per action. The contract, for anyone adding one (IGNORE, EDITOR_EXCLUDE, EXTRACT,
GIT_RM ...):

1. Re-check each action right before acting (`PlannedAction.expected` holds what the plan
   saw); skip what changed with `journal.skipped(path, reason)` and a SKIPPED outcome.
2. Call `seq = journal.intent("<kind>", path=..., <what undo needs>)` BEFORE changing
   anything (it is fsync'ed), then act, then `journal.done(seq, ...)` or
   `journal.failed(seq, reason)`.
3. `undo(intents, journal)` gets the run's intents of its kind that are in effect, newest
   first, and reverts each: `journal.write({"op": "undo-intent", "ref": i.seq}, sync=True)`
   first, then `{"op": "undo-done", "ref": ...}` or `{"op": "undo-fail", ...}`.
4. `recover(intents, journal)` gets intents a killed run left in flight (no done/fail, or an
   undo without its end) and writes `{"op": "recovered", "ref": seq, "state": "moved" |
   "not-moved" | "missing"}` (or `recovered-undo` with "restored" | "in-trash"), deciding
   from what is on disk. It must never lose data: when in doubt, keep both copies.
5. Never print: return Outcomes; the CLI renders them.
6. Journals are input, not trusted: `undo_run` and recovery only hand an applier intents
   whose `path` lies inside the run's folders (`refusal`); an applier checks anything else
   its entries name before acting on it (the trash: `tidy.fixes.trash.spot_of`), and acts
   relative to folder descriptors (tidy/fixes/fdops.py), never resolving a path twice.

Register with `register(MyApplier())` at import time of a module listed in `_BUILTIN`.
"""

from __future__ import annotations

import enum
import importlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from tidy.core.models import ActionKind
from tidy.fixes.journal import Intent, JournalError, RunJournal, RunRecord, list_runs, read_run
from tidy.fixes.plan import Plan, PlannedAction

# Modules whose import registers an applier. Add yours here.
_BUILTIN = ("tidy.fixes.trash", "tidy.fixes.untrack", "tidy.fixes.ignore.apply",
            "tidy.fixes.git_rm", "tidy.fixes.extract_apply")
# Apply order: moves before index edits before config-file edits; undo runs it backwards.
ORDER = (ActionKind.TRASH, ActionKind.UNTRACK, ActionKind.GIT_RM, ActionKind.EXTRACT,
         ActionKind.IGNORE, ActionKind.EDITOR_EXCLUDE)


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


def skipped(journal: RunJournal, action: PlannedAction, kind: ActionKind, reason: str,
            attention: bool = True) -> Outcome:
    """`action` left undone: journaled as a skip, and the outcome that says why."""
    journal.skipped(action.path, reason, action=kind.value, code=action.code)
    return Outcome(action.path, kind, Status.SKIPPED, reason, attention, code=action.code,
                   run=journal.run_id)


# The reason journaled for actions a stopped run never began (see ApplySettings.stop).
STOPPED = "not started: the run was stopped before it got here"


@dataclass(frozen=True)
class ApplySettings:
    skip_recent: float = 10.0  # seconds: anything written more recently is left alone
    now: float = 0.0  # 0: the clock at each check
    # Asked before each move and between action kinds; True ends the run there: what is
    # moving finishes, the rest is journaled as skipped (Ctrl-C in `tidy browse`).
    stop: Callable[[], bool] | None = None

    def stopping(self) -> bool:
        return self.stop is not None and self.stop()


class Applier(Protocol):
    kind: ActionKind

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]: ...

    def undo(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]: ...

    def recover(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]: ...


APPLIERS: dict[ActionKind, Applier] = {}


def register(applier: Applier) -> Applier:
    APPLIERS[applier.kind] = applier
    return applier


def appliers() -> dict[ActionKind, Applier]:
    for module in _BUILTIN:
        importlib.import_module(module)
    return APPLIERS


def _ordered(kinds: Iterable[ActionKind]) -> list[ActionKind]:
    rank = {k: i for i, k in enumerate(ORDER)}
    return sorted(set(kinds), key=lambda k: rank.get(k, len(rank)))


def apply_plan(plan: Plan, journal: RunJournal,
               settings: ApplySettings = ApplySettings()) -> list[Outcome]:
    registry = appliers()
    outcomes: list[Outcome] = []
    for kind in _ordered(a.action for a in plan.actions):
        actions = [a for a in plan.actions if a.action is kind]
        applier = registry.get(kind)
        if settings.stopping():
            outcomes += [skipped(journal, a, kind, STOPPED, attention=False) for a in actions]
            continue
        if applier is None:
            outcomes += [Outcome(a.path, kind, Status.SKIPPED, "no fixer installed", True)
                         for a in actions]
            continue
        outcomes += applier.apply(actions, journal, settings)
    return outcomes


# -- runs: recovery and undo ----------------------------------------------------------------
@dataclass(frozen=True)
class RunOutcomes:
    run_id: str
    outcomes: tuple[Outcome, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


def needs_recovery(record: RunRecord) -> bool:
    if record.active:
        return False
    if record.ended is None:
        return True
    return any(i.in_flight or i.undo_in_flight for i in record.intents())


def recover_interrupted() -> list[RunOutcomes]:
    """Resolve every run a kill left half-done, from what is on disk. Idempotent."""
    resolved = []
    for record in list_runs():
        if not needs_recovery(record):
            continue
        try:
            with RunJournal.reopen(record.run_id) as journal:
                resolved.append(_recover(read_run(record.run_id), journal))
        except JournalError:
            continue  # it started running again between the two looks: not ours to touch
    return resolved


def refusal(record: RunRecord, intent: Intent) -> str:
    """Why a journal entry may not be acted on ("" when it may): its `path` must lie inside
    one of its run's roots, or inside its own group root where that root holds a run root
    (a repo around the scanned folder: its .gitignore). Appliers check more (the trash:
    tidy/fixes/trash.py spot_of)."""
    path, root = intent.entry.get("path"), intent.entry.get("root")
    roots = [r for r in record.begin.get("roots") or [] if isinstance(r, str)]
    if not isinstance(path, str) or not os.path.isabs(path) or os.path.normpath(path) != path:
        return f"journal entry refused: not a plain absolute path: {path!r}"
    if any(_within(path, r) for r in roots):
        return ""
    if isinstance(root, str) and os.path.normpath(root) == root and _within(path, root) and any(
            _within(r, root) for r in roots):
        return ""
    return f"journal entry refused: {path} is outside the run's folders"


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _split_refused(record: RunRecord, intents: Sequence[Intent], journal: RunJournal,
                   op: str) -> tuple[list[Intent], list[Outcome]]:
    """(the intents that may be acted on, a FAILED outcome for each refused one), each
    refusal journaled with `op` so it is never tried again."""
    kept, refused = [], []
    for intent in intents:
        reason = refusal(record, intent)
        if not reason:
            kept.append(intent)
            continue
        journal.write({"op": op, "ref": intent.seq, "state": "refused", "reason": reason},
                      sync=True)
        kind = ActionKind(intent.action) if _known(intent.action) else ActionKind.NONE
        refused.append(Outcome(str(intent.entry.get("path", "")), kind, Status.FAILED, reason,
                               True, run=journal.run_id))
    return kept, refused


def _recover(record: RunRecord, journal: RunJournal) -> RunOutcomes:
    registry = appliers()
    outcomes: list[Outcome] = []
    pending = [i for i in record.intents() if i.in_flight or i.undo_in_flight]
    moves = [i for i in pending if not i.undo_in_flight]
    moves, outcomes = _split_refused(record, moves, journal, "recovered")
    pending = moves + [i for i in pending if i.undo_in_flight]
    for kind in _ordered(ActionKind(i.action) for i in pending if _known(i.action)):
        applier = registry.get(kind)
        if applier is not None:
            outcomes += applier.recover([i for i in pending if i.action == kind.value], journal)
    if record.ended is None:
        journal.end("interrupted", recovered=len(pending))
    if _undo_open(record):
        journal.write({"op": "undo-end", "status": "interrupted"}, sync=True)
    return RunOutcomes(record.run_id, tuple(outcomes))


def _undo_open(record: RunRecord) -> bool:
    ops = [e.get("op") for e in record.entries if e.get("op") in ("undo-begin", "undo-end")]
    return bool(ops) and ops[-1] == "undo-begin"


def _known(action: str) -> bool:
    return action in {k.value for k in ActionKind}


def last_undoable() -> str | None:
    for record in reversed(list_runs()):
        if not record.purged and any(i.applied for i in record.intents()):
            return record.run_id
    return None


def undo_run(run_id: str) -> RunOutcomes:
    """Revert everything run `run_id` did that is still in effect, newest first."""
    registry = appliers()
    with RunJournal.reopen(run_id) as journal:
        record = read_run(run_id)
        notes: list[str] = []
        if needs_recovery(record):
            recovered = _recover(record, journal)
            notes.append(f"run {run_id} was interrupted; resolved {len(recovered.outcomes)} "
                         "in-flight change(s) from the disk first")
            record = read_run(run_id)
        if record.purged:
            raise JournalError(f"run {run_id}: its trash was purged; nothing to put back")
        journal.write({"op": "undo-begin"}, sync=True)
        live = [i for i in record.intents() if i.applied]
        live, outcomes = _split_refused(record, live, journal, "undo-fail")
        for kind in reversed(_ordered(ActionKind(i.action) for i in live if _known(i.action))):
            mine = [i for i in reversed(live) if i.action == kind.value]
            applier = registry.get(kind)
            if applier is None:
                outcomes += [Outcome(str(i.entry.get("path", "")), kind, Status.FAILED,
                                     "no fixer installed to undo this", True) for i in mine]
                continue
            outcomes += applier.undo(mine, journal)
        failed = any(o.status is not Status.DONE for o in outcomes)
        journal.write({"op": "undo-end", "status": "partial" if failed else "complete"},
                      sync=True)
    return RunOutcomes(run_id, tuple(outcomes), tuple(notes))
