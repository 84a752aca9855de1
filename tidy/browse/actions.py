"""The marked findings -> the plan -> one confirmed, journaled run: `tidy fix`'s own machinery.

The plan is tidy.fixes.plan.build on the scan's report narrowed to the marked findings, with
the same PlanOptions as `tidy fix` (unsafe fixes only with the toggle on; a display-only fix,
`git rm` of an unused vendored library, counts as asked for by name when it is marked and
the toggle is on, like `--unsafe-fixes --select TDY401`). Applying is
tidy.fixes.commands.apply_and_record: the appliers re-check every path right before acting,
the journal is written first, and the run is in `tidy log` and `tidy undo`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tidy.browse.cells import size
from tidy.browse.model import Item
from tidy.core.config import Config
from tidy.core.models import ActionKind, Report
from tidy.fixes import ApplySettings, Outcome, Status
from tidy.fixes import plan as planning
from tidy.fixes.apply import RunOutcomes, appliers, recover_interrupted
from tidy.fixes.commands import apply_and_record, blind_note
from tidy.workspace.inuse import Look

COMMAND = "browse"  # how the run is named in the journal and `tidy log`


@dataclass(frozen=True)
class Applied:
    run_id: str
    outcomes: tuple[Outcome, ...]
    recovered: tuple[RunOutcomes, ...] = ()
    blind: str = ""  # why it could not check which programs use the items ("" when it did)

    @property
    def done(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status is Status.DONE)

    @property
    def attention(self) -> bool:
        return any(o.attention for o in self.outcomes)


def build_plan(report: Report, unsafe: bool) -> planning.Plan:
    """The plan `tidy fix --select <the marked codes> [--unsafe-fixes]` would make for the
    marked findings. Raises PlanRefused for a root tidy never cleans (/, the home folder)."""
    codes = tuple(sorted({f.code for f in report.findings}))
    return planning.build(report, planning.PlanOptions(
        unsafe=unsafe, select=codes, actions=tuple(appliers())))


def apply(plan: planning.Plan, skip_recent: float,
          stop: Callable[[], bool] | None = None, config: Config | None = None) -> Applied:
    """Run the plan as `tidy fix` does after its question; `stop` ends it between moves.
    `config`: the settings the scan ran with (a git rm or an extraction is confirmed by a
    scan with them that reads the files afresh, not from the content cache)."""
    recovered = recover_interrupted()
    look = Look()  # the same in-use check as `tidy fix`: /proc read once, at the first move
    run_id, outcomes = apply_and_record(
        plan, ApplySettings(skip_recent=skip_recent, stop=stop, in_use=look, config=config),
        command=COMMAND)
    return Applied(run_id, tuple(outcomes), tuple(recovered), blind_note(look))


def left_out_reason(reason: str) -> str:
    """Why the plan left a finding out, in this app's keys: `tidy fix`'s plan says which
    flag would include it, and here the u key does (browse selects the marked rules)."""
    if reason == planning.UNSAFE_LEFT_OUT:
        return "unsafe fix: u (unsafe fixes on) includes it"
    if reason.startswith(planning.DISPLAY_ONLY_LEFT_OUT):
        return "display-only: applied when marked with u (unsafe fixes) on"
    return reason


def changed_items(items: Iterable[Item], outcomes: Sequence[Outcome]) -> set[str]:
    """Keys of the items a run changed (moved, untracked, edited): at least one done outcome
    for their path or a path inside it, from their rule. Each done path is entered with its
    folders once (a comparison of every item with every outcome took hours at 100,000)."""
    touched: set[tuple[str, str]] = set()
    for outcome in outcomes:
        if outcome.status is not Status.DONE:
            continue
        path = outcome.path
        while (path, outcome.code) not in touched:
            touched.add((path, outcome.code))
            parent = os.path.dirname(path)
            if parent == path:
                break
            path = parent
    return {item.key for item in items
            if (os.path.normpath(os.path.join(item.group.root, item.finding.path)),
                item.finding.code) in touched}


# -- what the confirmation says -----------------------------------------------------------------
def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _things(actions: Sequence[planning.PlannedAction]) -> str:
    folders = sum(1 for a in actions if a.expected.type == "dir")
    files = len(actions) - folders
    parts = [_count(folders, "folder", "folders")] if folders else []
    parts += [_count(files, "file", "files")] if files else []
    return " and ".join(parts)


def _moved(actions: Sequence[planning.PlannedAction]) -> str:
    return (f"{size(sum(a.bytes for a in actions))} in "
            f"{_count(sum(a.files for a in actions), 'file', 'files')}")


def _clause(kind: ActionKind, actions: Sequence[planning.PlannedAction]) -> str:
    if kind is ActionKind.TRASH:
        return f"move {_things(actions)}, {_moved(actions)}, to tidy's trash"
    if kind is ActionKind.GIT_RM:
        return (f"`git rm -r` {_things(actions)}, {_moved(actions)} (into tidy's trash, "
                "out of the index)")
    if kind is ActionKind.UNTRACK:
        return (f"untrack {_things(actions)} with `git rm --cached` (the files stay on disk) "
                "and add ignore rules")
    if kind is ActionKind.IGNORE:
        return f"add ignore rules for {_things(actions)} to .gitignore"
    if kind is ActionKind.EDITOR_EXCLUDE:
        return f"exclude {_things(actions)} from search (.ignore, editor settings)"
    if kind is ActionKind.EXTRACT:
        return f"extract the data of {_count(len(actions), 'module', 'modules')} to .json.gz"
    return f"{kind.value} {_things(actions)}"


def describe(plan: planning.Plan) -> str:
    """One sentence: exactly what applying the plan does, and how to take it back."""
    if not plan.actions:
        return "Nothing to apply."
    by_kind: dict[ActionKind, list[planning.PlannedAction]] = {}
    for action in plan.actions:
        by_kind.setdefault(action.action, []).append(action)
    clauses = [_clause(kind, by_kind[kind]) for kind in _ORDER if kind in by_kind]
    sentence = "; ".join(clauses)
    back = ("`tidy undo` brings them back" if set(by_kind) <= {ActionKind.TRASH}
            else "`tidy undo` reverts all of it")
    return f"{sentence[0].upper()}{sentence[1:]}; {back}."


_ORDER = (ActionKind.TRASH, ActionKind.GIT_RM, ActionKind.UNTRACK, ActionKind.EXTRACT,
          ActionKind.IGNORE, ActionKind.EDITOR_EXCLUDE)


def result_line(applied: Applied) -> str:
    done = applied.done
    skipped = sum(1 for o in applied.outcomes if o.status is Status.SKIPPED)
    failed = sum(1 for o in applied.outcomes if o.status is Status.FAILED)
    moved = [o for o in done if o.action in (ActionKind.TRASH, ActionKind.GIT_RM)]
    line = f"run {applied.run_id}: done {_count(len(done), 'item', 'items')}"
    if moved:
        line += f", {size(sum(o.bytes for o in moved))} moved to tidy's trash (not freed yet)"
    if skipped or failed:
        line += f"; {skipped} skipped, {failed} failed"
    line += ". `tidy undo` puts it back." if done else "."
    return line + (f" Note: {applied.blind}." if applied.blind else "")
