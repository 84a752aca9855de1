"""Running plans, undo and recovery through the appliers, and the registry of them.

apply_plan runs a plan's actions kind by kind (ORDER); undo_run reverts a run's intents
newest first; recover_interrupted resolves runs a kill left half-done. Journal entries are
input: an intent whose path lies outside its run's folders is refused (`refusal`) before any
applier sees it.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tidy.core.models import ActionKind
from tidy.core.run_owner import assumed_owner
from tidy.core.units import counted
from tidy.fixes import STOPPED, Applier, ApplySettings, Outcome, Status, confirm, owners, skipped
from tidy.fixes.git_places import GitFolders, git_folder_on_the_way
from tidy.fixes.journal import (
    Intent,
    JournalError,
    RunBusy,
    RunJournal,
    RunRecord,
    clear_half_made_journals,
    list_runs,
    notice,
    read_run,
    running_unlocked,
)
from tidy.fixes.plan import Plan
from tidy.fixes.trash.locate import clear_dead_run_folders
from tidy.workspace.git import find_repo_root

# Apply order: moves before index edits before config-file edits; undo runs it backwards.
ORDER = (ActionKind.TRASH, ActionKind.UNTRACK, ActionKind.GIT_RM, ActionKind.EXTRACT,
         ActionKind.IGNORE, ActionKind.EDITOR_EXCLUDE)


@functools.cache
def _registry() -> dict[ActionKind, Applier]:
    """Every applier, by the action it carries out. Add yours here.

    Made on first use, not when this module is imported: the appliers' modules (the
    extractor's, git's, the editors' settings: ~0.08 s) are not what `tidy fix` needs before
    its scan (recovery asks for them only when a run needs recovering), and `tidy fix`
    loads them while its walk waits for its workers (load_appliers)."""
    from tidy.fixes.extract import ExtractApplier
    from tidy.fixes.git_rm import GitRmApplier
    from tidy.fixes.ignore.apply import EditorExcludeApplier, IgnoreApplier
    from tidy.fixes.trash.applier import TrashApplier
    from tidy.fixes.untrack import UntrackApplier

    return {applier.kind: applier for applier in (
        TrashApplier(), UntrackApplier(), GitRmApplier(), ExtractApplier(), IgnoreApplier(),
        EditorExcludeApplier())}


def load_appliers() -> None:
    """The registry made now (its modules imported): for a caller with time to spare."""
    _registry()


def appliers(force: bool = False) -> dict[ActionKind, Applier]:
    """The registry; with `force`, undo puts back what was edited since (an extraction's
    module), keeping the current files beside the restored ones instead of refusing."""
    registry = dict(_registry())
    if force:
        from tidy.fixes.extract import ExtractApplier

        registry[ActionKind.EXTRACT] = ExtractApplier(force=True)
    return registry


def _ordered(kinds: Iterable[ActionKind]) -> list[ActionKind]:
    rank = {k: i for i, k in enumerate(ORDER)}
    return sorted(set(kinds), key=lambda k: rank.get(k, len(rank)))


_DEFAULT_SETTINGS = ApplySettings()  # frozen: safe to share as a default


def apply_plan(plan: Plan, journal: RunJournal,
               settings: ApplySettings = _DEFAULT_SETTINGS) -> list[Outcome]:
    registry = appliers()
    if settings.in_use is None:  # one look at the processes per run, taken at the first move
        from tidy.workspace.inuse import Look

        settings = dataclasses.replace(settings, in_use=Look())
    outcomes: list[Outcome] = []
    # Another user's tree first: nothing of it is read again, nothing written into it.
    refuted = owners.foreign(plan.actions)
    mine = [a for a in plan.actions if id(a) not in refuted]
    # Read afresh before anything runs: the plan may rest on the content cache.
    refuted |= confirm.refuted(mine, settings.config) if any(
        a.action in confirm.CONTENT_DECIDED for a in mine) else {}
    for kind in _ordered(a.action for a in plan.actions):
        actions = [a for a in plan.actions if a.action is kind]
        applier = registry.get(kind)
        if settings.stopping():
            outcomes += [skipped(journal, a, kind, STOPPED, attention=False) for a in actions]
            continue
        outcomes += [skipped(journal, a, kind, refuted[id(a)]) for a in actions
                     if id(a) in refuted]
        actions = [a for a in actions if id(a) not in refuted]
        if not actions:
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
    """Resolve every run a kill left half-done, from what is on disk, and clear what dead
    runs left in tidy's own folders (a half-made journal, an empty run folder). Idempotent."""
    clear_half_made_journals()
    resolved = []
    records = list_runs()
    for record in records:
        if not needs_recovery(record):
            continue
        try:
            with RunJournal.reopen(record.run_id) as journal:
                resolved.append(_recover(read_run(record.run_id), journal))
        except JournalError:
            continue  # it started running again between the two looks: not ours to touch
    # After recovery: what it resolved may have emptied a run folder.
    clear_dead_run_folders(records=list_runs() if resolved else records)
    return resolved


def _edited_by_tidy(action: str, rel: str) -> bool:
    """editors.excludes.edited_by_tidy, imported when a journal holds an edit: a fix walks
    before it loads what only its plan and moves use (tests/cli/test_commands.py)."""
    from tidy.fixes.editors.excludes import edited_by_tidy

    return edited_by_tidy(action, rel)


def refusal(record: RunRecord, intent: Intent, folders: GitFolders | None = None) -> str:
    """Why a journal entry may not be acted on ("" when it may). Its `path` must lie inside
    one of its run's roots, or inside its own group root where that root is the repository
    around a run root (its .gitignore). Every other place it names must agree: the group
    root (`root`: where git runs and config files are edited) is inside a run root or that
    repository, `rel` is `path` below it, and untrack's `.gitignore` is the root's own.
    Nothing may lie in a git folder, whatever its name (git_places). Appliers check more
    (the trash: tidy.fixes.trash.locate.spot_of; extraction: its backup's record).
    `folders`: git's answers shared by the entries of one look at a journal."""
    entry = intent.entry
    path, root = entry.get("path"), entry.get("root")
    roots = run_roots(record)
    if not _plain(path):
        return f"journal entry refused: not a plain absolute path: {path!r}"
    assert isinstance(path, str)
    if GIT_DIR in path.split(os.sep):  # tidy never moves nor edits a thing in git's folder
        return f"journal entry refused: {path} is inside a {GIT_DIR} folder"
    if intent.action in _EDITS and not _edited_by_tidy(intent.action, _edited_rel(entry)):
        return f"journal entry refused: {path} is not a file tidy's {intent.action} fix edits"
    if root is not None:
        problem = _root_problem(entry, path, root, roots)
        if problem:
            return f"journal entry refused: {problem}"
    # _root_problem: `root` is a run root's folder or the repository around a run root.
    tops = [r for r in (*roots, root) if isinstance(r, str) and _within(path, r)]
    if not tops:
        return f"journal entry refused: {path} is outside the run's folders"
    found = (git_folder_on_the_way(path, min(tops, key=len))
             or (folders or GitFolders()).holding(path, *tops))
    return f"journal entry refused: {path} is inside git's folder {found}" if found else ""


def _edited_rel(entry: dict[str, object]) -> str:
    """The file an edit entry names below its root (`rel`; older journals: `path`'s name)."""
    rel = entry.get("rel")
    if isinstance(rel, str) and rel:
        return rel
    return os.path.basename(str(entry.get("path", "")))


def _root_problem(entry: dict[str, object], path: str, root: object, roots: list[str]) -> str:
    if not _plain(root):
        return f"not a plain absolute path: {root!r}"
    assert isinstance(root, str)
    if not (any(_within(root, r) for r in roots)
            or any(_within(r, root) and find_repo_root(r) == root for r in roots)):
        return f"{root} is not one of the run's folders"
    if not _within(path, root):
        return f"{path} is not inside {root}"
    rel = entry.get("rel")
    if isinstance(rel, str) and rel and os.path.normpath(os.path.join(root, rel)) != path:
        return f"{rel!r} is not {path} inside {root}"
    ignore_file = entry.get("gitignore")
    if isinstance(ignore_file, str) and ignore_file and (
            ignore_file != os.path.join(root, ".gitignore")):
        return f"{ignore_file} is not the .gitignore of {root}"
    return ""


def _plain(path: object) -> bool:
    return isinstance(path, str) and os.path.isabs(path) and os.path.normpath(path) == path


GIT_DIR = ".git"
_EDITS = (ActionKind.IGNORE.value, ActionKind.EDITOR_EXCLUDE.value)


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _split_refused(record: RunRecord, intents: Sequence[Intent], journal: RunJournal,
                   op: str) -> tuple[list[Intent], list[Outcome]]:
    """(the intents that may be acted on, a FAILED outcome for each refused one), each
    refusal journaled with `op` so it is never tried again."""
    kept, refused = [], []
    folders = GitFolders()
    for intent in intents:
        reason = refusal(record, intent, folders)
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
    assumed = assumed_owner(record.begin)
    if assumed:
        notice(f"tidy: run {record.run_id}: {assumed}")
    if record.ended is None:
        journal.end("interrupted", recovered=len(pending),
                    **({"assumed": assumed} if assumed else {}))
    if _undo_open(record):
        journal.write({"op": "undo-end", "status": "interrupted"}, sync=True)
    journal.sync()  # the appliers' `recovered` entries, written unsynced, once
    return RunOutcomes(record.run_id, tuple(outcomes))


def _undo_open(record: RunRecord) -> bool:
    ops = [e.get("op") for e in record.entries if e.get("op") in ("undo-begin", "undo-end")]
    return bool(ops) and ops[-1] == "undo-begin"


def _known(action: str) -> bool:
    return action in {k.value for k in ActionKind}


def run_roots(record: RunRecord) -> list[str]:
    return [r for r in record.begin.get("roots") or [] if isinstance(r, str)]


def last_undoable(scope: str | None = None) -> RunRecord | None:
    """The newest run with something to put back; with `scope` (a folder), the newest whose
    roots all lie inside it (a run over a parent workspace reached other repos too). A run
    with a change in flight counts: a fix still moving (its `done` lines are appended a few
    at a time) is named as in use, never passed over for an older run."""
    for record in reversed(list_runs()):  # newest first
        if record.purged or record.purge_begun or not any(
                i.applied or i.in_flight for i in record.intents()):
            continue
        if in_scope(record, scope):
            return record
    return None


def last_reaching(scope: str) -> tuple[RunRecord, bool] | None:
    """The newest run with something to put back that changed something in `scope` (a root
    inside it, or a change made inside it), and whether all of the run lies inside it. An
    undo in `scope` stops at this run: an older run is never undone past a newer one that
    changed the same folder and reached outside it too."""
    for record in reversed(list_runs()):  # newest first
        live = [i for i in record.intents() if i.applied or i.in_flight]
        if record.purged or record.purge_begun or not live:
            continue
        if in_scope(record, scope):
            return record, True
        if any(_within(r, scope) for r in run_roots(record)) or any(
                _within(str(i.entry.get("path", "")), scope) for i in live):
            return record, False
    return None


def in_scope(record: RunRecord, scope: str | None) -> bool:
    """Whether every root of the run lies inside `scope` (None: any run is)."""
    roots = run_roots(record)
    return scope is None or bool(roots and all(_within(r, scope) for r in roots))


def undo_run(run_id: str, force: bool = False) -> RunOutcomes:
    """Revert everything run `run_id` did that is still in effect, newest first; `force`:
    see appliers()."""
    registry = appliers(force)
    with RunJournal.reopen(run_id) as journal:
        record = read_run(run_id)
        elsewhere = running_unlocked(record)
        if elsewhere:  # its lock is not seen here: undoing it would race its own moves
            raise RunBusy(f"run {run_id} is not undone: {elsewhere}")
        notes: list[str] = []
        if needs_recovery(record):
            recovered = _recover(record, journal)
            changes = counted(len(recovered.outcomes), "in-flight change")
            notes.append(f"run {run_id} was interrupted; resolved {changes} from the disk first")
            record = read_run(run_id)
        if record.purged:
            raise JournalError(f"run {run_id}: its trash was purged; nothing to put back")
        if record.purge_begun:
            raise JournalError(f"run {run_id}: a purge of its trash was cut short or could not "
                               "delete everything; what is left of it may be partial and is "
                               f"not put back; `tidy trash purge {run_id}` finishes it")
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
