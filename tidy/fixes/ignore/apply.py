"""Appliers for ActionKind.IGNORE (.gitignore rules) and ActionKind.EDITOR_EXCLUDE (.ignore,
VS Code settings, AI-editor ignore files, pyright exclude), journalled for `tidy undo`.

One journal intent per file, recorded before the write with the file's old text (and, for
managed-block files, the patterns added), so undo and recovery work from the journal alone.
Each root's edits (plan, re-check, write) and undos run under the repository's edit lock
(tidy.fixes.edit_lock): a second tidy process waits and then builds on what the first wrote.
Files are written only as regular files reached without following a link
(tidy.core.safe_files); undo never fails for good and never drops a later edit
(tidy.fixes.edit_restore).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence

from tidy.analysis.ignore_choice import Target
from tidy.core.catalog import load_builtin
from tidy.core.models import ActionKind
from tidy.core.swap import RETRIES, FileChanged
from tidy.fixes import ApplySettings, Outcome, Status, edit_restore
from tidy.fixes.edit_lock import editing
from tidy.fixes.editors.excludes import (
    EditError,
    FileEdit,
    editors_in_use,
    holds_python,
    read_config,
    read_seen_config,
    sha256,
    write_config,
)
from tidy.fixes.ignore.managed_block import managed_patterns
from tidy.fixes.ignore.plan import IgnorePlan, plan_fixes
from tidy.fixes.journal import Intent, RunJournal
from tidy.fixes.plan import PlannedAction
from tidy.fixes.recovery import resolve_from_disk


def _by_root(actions: Sequence[PlannedAction]) -> dict[str, list[PlannedAction]]:
    grouped: dict[str, list[PlannedAction]] = defaultdict(list)
    for action in actions:
        grouped[action.root].append(action)
    return grouped


def write_edit(edit: FileEdit, kind: ActionKind, journal: RunJournal, code: str) -> str:
    """Write one edit with its journal records, the one way a planned edit reaches the disk:
    "" when done, else why not. The file is re-read first and replaced only while it is
    still that file (tidy.core.swap): FileChanged when it changed since the plan read it or
    while it was being replaced (nothing written; re-plan and try again unless `again` is
    False)."""
    try:
        current, seen = read_seen_config(edit.root, edit.rel)
    except EditError as error:
        return str(error)
    if current != edit.before:
        raise FileChanged(f"{edit.rel} changed since tidy read it")
    seq = journal.intent(kind.value, path=edit.path, root=edit.root, rel=edit.rel, code=code,
                         before=edit.before, written_sha=sha256(edit.after), note=edit.note,
                         added=list(edit.added) if edit.added is not None else None,
                         before_mtime_ns=seen.mtime_ns if seen.data is not None else None)
    try:
        write_config(edit.root, edit.rel, edit.after, seen)
    except FileChanged as error:
        journal.failed(seq, str(error))
        raise
    except EditError as error:
        journal.failed(seq, str(error))
        return str(error)
    except OSError as error:
        journal.failed(seq, str(error))
        return f"{edit.rel}: {error.strerror or error}"
    journal.done(seq)
    return ""


def _root_and_rel(entry: dict[str, object]) -> tuple[str, str]:
    """The intent's root and file; journals written before `root` was recorded have the
    absolute path and the relative one."""
    path, rel = str(entry["path"]), str(entry.get("rel", ""))
    root = entry.get("root")
    if isinstance(root, str) and root:
        return root, rel
    suffix = os.sep + rel
    if rel and path.endswith(suffix):
        return path[:-len(suffix)], rel
    return os.path.dirname(path), os.path.basename(path)


class _FileEditApplier:
    kind: ActionKind

    def _plan(self, root: str, actions: Sequence[PlannedAction],
              settings: ApplySettings) -> IgnorePlan:
        raise NotImplementedError

    def preview(self, actions: Sequence[PlannedAction],
                settings: ApplySettings) -> list[IgnorePlan]:
        """What apply would write, per root; nothing is written (`tidy fix --diff`)."""
        return [self._plan(root, mine, settings) for root, mine in _by_root(actions).items()]

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for root, mine in _by_root(actions).items():
            with editing(root):  # plan, re-check and write while no other tidy edits here
                outcomes += self._apply_root(root, mine, journal, settings)
        return outcomes

    def _apply_root(self, root: str, actions: list[PlannedAction], journal: RunJournal,
                    settings: ApplySettings) -> list[Outcome]:
        """Plan, then write each edit; a file written to meanwhile (by an editor, another
        program) is re-read and its edit merged again, up to swap.RETRIES times."""
        problems: list[str] = []
        written: list[str] = []
        for attempt in range(1, RETRIES + 1):
            try:
                plan = self._plan(root, actions, settings)
            except (EditError, ValueError, OSError) as error:
                if written:  # the run's other edits are in place (and journaled)
                    problems.append(str(error))
                    break
                return [self._outcome(a, Status.FAILED, str(error), journal) for a in actions]
            problems = list(plan.errors)
            changed = self._write_plan(plan, journal, actions[0].code, written, problems)
            if not changed:
                break
            if attempt == RETRIES:
                problems += [f"{rel} kept changing while tidy wrote it ({RETRIES} tries); tidy "
                             "left it as it is" for rel in changed]
        return self._outcomes(actions, plan, problems, written, journal)

    def _write_plan(self, plan: IgnorePlan, journal: RunJournal, code: str,
                    written: list[str], problems: list[str]) -> list[str]:
        """Write the plan's edits (those not written on an earlier try); the files that
        changed meanwhile, to merge again."""
        changed = []
        for edit in plan.edits:
            if edit.rel in written:
                continue
            try:
                reason = write_edit(edit, self.kind, journal, code)
            except FileChanged as error:
                if error.again:
                    changed.append(edit.rel)
                else:
                    problems.append(str(error))
                continue
            if reason:
                problems.append(reason)
            else:
                written.append(edit.rel)
        return changed

    def _outcomes(self, actions: list[PlannedAction], plan: IgnorePlan, problems: list[str],
                  written: list[str], journal: RunJournal) -> list[Outcome]:
        refused = {t: v.reason for v in plan.refused for t in v.targets}
        outcomes = []
        for action in actions:
            if action.rel in refused:
                reason = f"rule not written: {refused[action.rel]}"
                journal.skipped(action.path, reason, action=self.kind.value, code=action.code)
                outcomes.append(self._outcome(action, Status.SKIPPED, reason, journal))
            elif problems and not written:
                outcomes.append(self._outcome(action, Status.FAILED, "; ".join(problems),
                                              journal))
            else:
                note = "; ".join(problems)
                outcomes.append(self._outcome(action, Status.DONE, note, journal,
                                              ", ".join(written) or "already in place"))
        return outcomes

    def _outcome(self, action: PlannedAction, status: Status, reason: str,
                 journal: RunJournal, where: str = "") -> Outcome:
        attention = status is not Status.DONE or bool(reason)
        return Outcome(action.path, self.kind, status, reason, attention, 0, action.files,
                       where=where, code=action.code, run=journal.run_id)

    def undo(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        outcomes = []
        for intent in intents:
            entry = intent.entry
            path = str(entry["path"])
            root, rel = _root_and_rel(entry)
            journal.write({"op": "undo-intent", "ref": intent.seq}, sync=True)
            added = entry.get("added")
            with editing(root):
                result = edit_restore.restore(
                    root, rel, _text_or_none(entry.get("before")),
                    str(entry.get("written_sha", "")),
                    [str(p) for p in added] if isinstance(added, list) else None,
                    _mtime_or_none(entry.get("before_mtime_ns")))
            if not result.done:
                journal.write({"op": "undo-fail", "ref": intent.seq, "reason": result.note},
                              sync=True)
                outcomes.append(Outcome(path, self.kind, Status.FAILED, result.note, True,
                                        run=journal.run_id))
                continue
            journal.write({"op": "undo-done", "ref": intent.seq, "note": result.note})
            outcomes.append(Outcome(path, self.kind, Status.DONE, result.note,
                                    result.attention, run=journal.run_id))
        return outcomes

    def recover(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        return resolve_from_disk(intents, journal, self.kind, "edit", _in_effect)


def _mtime_or_none(value: object) -> int | None:
    """The journal's record of the file's time before the edit, if it is one (the journal
    is untrusted input: anything else, or one utime would refuse, means none)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63:
        return value
    return None


def _in_effect(intent: Intent) -> bool:
    """For an edit a kill cut short: did it happen? For an undo a kill cut short: is the
    edit still in effect (not yet put back)?"""
    return _still_edited(intent) if intent.undo_in_flight else _written(intent)


def _written(intent: Intent) -> bool:
    """The file holds what tidy wrote (not a file tidy may read: the edit did not happen)."""
    root, rel = _root_and_rel(intent.entry)
    try:
        current = read_config(root, rel)
    except EditError:
        return False
    return current is not None and sha256(current) == intent.entry.get("written_sha")


def _still_edited(intent: Intent) -> bool:
    """The undo had not put the file back: it is neither the text from before tidy's edit
    nor, for a managed block, free of every line tidy added. A file edited since tidy wrote
    it is not what tidy wrote either, so "not what tidy wrote" cannot mean "put back"."""
    root, rel = _root_and_rel(intent.entry)
    before, added = intent.entry.get("before"), intent.entry.get("added")
    try:
        current = read_config(root, rel)
    except EditError:
        return False  # not a file tidy edits now: undo would refuse it; nothing to redo
    if current == (before if isinstance(before, str) else None):
        return False
    if isinstance(added, list) and current is not None:
        return bool(set(managed_patterns(current)) & {str(p) for p in added})
    return True


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


class IgnoreApplier(_FileEditApplier):
    """TDY501: the rules git accepted go into the tidy block of .gitignore."""

    kind = ActionKind.IGNORE

    def _plan(self, root: str, actions: Sequence[PlannedAction],
              settings: ApplySettings) -> IgnorePlan:
        kinds = {k.name: k for k in load_builtin()}
        targets = [Target(a.rel, a.expected.type == "dir", kinds.get(a.kind))
                   for a in actions]
        return plan_fixes(root, targets)


class EditorExcludeApplier(_FileEditApplier):
    """TDY502: heavy committed folders out of search, watchers, indexers and pyright."""

    kind = ActionKind.EDITOR_EXCLUDE

    def _plan(self, root: str, actions: Sequence[PlannedAction],
              settings: ApplySettings) -> IgnorePlan:
        folders = [a.rel for a in actions]
        requested = tuple(getattr(settings, "editors", ()) or ())
        editors = editors_in_use(root, requested)
        python = [a.rel for a in actions if holds_python(a.path)]
        return plan_fixes(root, [], folders, editors, python)

