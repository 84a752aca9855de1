"""Appliers for ActionKind.IGNORE (.gitignore rules) and ActionKind.EDITOR_EXCLUDE (.ignore,
VS Code settings, AI-editor ignore files, pyright exclude), journalled for `tidy undo`.

One journal intent per file, recorded before the write with the file's old text, so undo
and recovery work from the journal alone; undo puts a file back only while it still holds
exactly what tidy wrote (a later edit by the user is never overwritten).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence

from tidy import ignore_rules as ir
from tidy.atomic import atomic_write
from tidy.catalog import load_builtin
from tidy.fixes import ApplySettings, Outcome, Status, register
from tidy.fixes.editor_ignores import (
    EditError,
    FileEdit,
    editors_in_use,
    sha256,
    undo_edit,
)
from tidy.fixes.ignore_files import read_text
from tidy.fixes.plan import PlannedAction
from tidy.journal import Intent, RunJournal
from tidy.models import ActionKind


def _by_root(actions: Sequence[PlannedAction]) -> dict[str, list[PlannedAction]]:
    grouped: dict[str, list[PlannedAction]] = defaultdict(list)
    for action in actions:
        grouped[action.root].append(action)
    return grouped


def _holds_python(folder: str) -> bool:
    for _current, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != ".git"]
        if any(f.endswith((".py", ".pyi")) for f in files):
            return True
    return False


def _write(edit: FileEdit, kind: ActionKind, journal: RunJournal, code: str) -> str:
    """Write one edit with its journal records; "" when done, else why not."""
    current = read_text(edit.path) if os.path.lexists(edit.path) else None
    if current != edit.before:
        return f"{edit.rel} changed since tidy read it"
    seq = journal.intent(kind.value, path=edit.path, rel=edit.rel, code=code,
                         before=edit.before, written_sha=sha256(edit.after), note=edit.note)
    try:
        os.makedirs(os.path.dirname(edit.path) or ".", exist_ok=True)
        atomic_write(edit.path, edit.after.encode("utf-8", "surrogateescape"))
    except OSError as error:
        journal.failed(seq, str(error))
        return f"{edit.rel}: {error.strerror or error}"
    journal.done(seq)
    return ""


class _FileEditApplier:
    kind: ActionKind

    def _plan(self, root: str, actions: Sequence[PlannedAction],
              settings: ApplySettings) -> ir.IgnorePlan:
        raise NotImplementedError

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for root, mine in _by_root(actions).items():
            outcomes += self._apply_root(root, mine, journal, settings)
        return outcomes

    def _apply_root(self, root: str, actions: list[PlannedAction], journal: RunJournal,
                    settings: ApplySettings) -> list[Outcome]:
        try:
            plan = self._plan(root, actions, settings)
        except (EditError, ValueError, OSError) as error:
            return [self._outcome(a, Status.FAILED, str(error), journal) for a in actions]
        refused = {t: v.reason for v in plan.refused for t in v.targets}
        problems = list(plan.errors)
        written = []
        code = actions[0].code
        for edit in plan.edits:
            reason = _write(edit, self.kind, journal, code)
            if reason:
                problems.append(reason)
            else:
                written.append(edit.rel)
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
            journal.write({"op": "undo-intent", "ref": intent.seq}, sync=True)
            reason = _restore(path, entry.get("before"), str(entry.get("written_sha", "")))
            if reason:
                journal.write({"op": "undo-fail", "ref": intent.seq, "reason": reason},
                              sync=True)
                outcomes.append(Outcome(path, self.kind, Status.FAILED, reason, True,
                                        run=journal.run_id))
                continue
            journal.write({"op": "undo-done", "ref": intent.seq})
            outcomes.append(Outcome(path, self.kind, Status.DONE, run=journal.run_id))
        return outcomes

    def recover(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        outcomes = []
        for intent in intents:
            entry = intent.entry
            path = str(entry["path"])
            current = read_text(path) if os.path.lexists(path) else None
            written = current is not None and sha256(current) == entry.get("written_sha")
            if intent.undo_in_flight:
                state = "in-trash" if written else "restored"
                journal.write({"op": "recovered-undo", "ref": intent.seq, "state": state},
                              sync=True)
            else:
                state = "moved" if written else "not-moved"
                journal.write({"op": "recovered", "ref": intent.seq, "state": state}, sync=True)
            outcomes.append(Outcome(path, self.kind, Status.DONE,
                                    f"edit {'had' if written else 'had not'} happened",
                                    run=journal.run_id))
        return outcomes


def _restore(path: str, before: object, written_sha: str) -> str:
    current = read_text(path) if os.path.lexists(path) else None
    if current is None:
        return "" if before is None else f"{path} is gone; its old text is in the journal"
    if sha256(current) != written_sha:
        return f"{path} changed after tidy wrote it; left as it is"
    if before is None:
        return undo_edit(path, None, written_sha)
    atomic_write(path, str(before).encode("utf-8", "surrogateescape"))
    return ""


class IgnoreApplier(_FileEditApplier):
    """TDY501: the rules git accepted go into the tidy block of .gitignore."""

    kind = ActionKind.IGNORE

    def _plan(self, root: str, actions: Sequence[PlannedAction],
              settings: ApplySettings) -> ir.IgnorePlan:
        kinds = {k.name: k for k in load_builtin()}
        targets = [ir.Target(a.rel, a.expected.type == "dir", kinds.get(a.kind))
                   for a in actions]
        return ir.plan_fixes(root, targets)


class EditorExcludeApplier(_FileEditApplier):
    """TDY502: heavy committed folders out of search, watchers, indexers and pyright."""

    kind = ActionKind.EDITOR_EXCLUDE

    def _plan(self, root: str, actions: Sequence[PlannedAction],
              settings: ApplySettings) -> ir.IgnorePlan:
        folders = [a.rel for a in actions]
        requested = tuple(getattr(settings, "editors", ()) or ())
        editors = editors_in_use(root, requested)
        python = [a.rel for a in actions if _holds_python(a.path)]
        return ir.plan_fixes(root, [], folders, editors, python)


register(IgnoreApplier())
register(EditorExcludeApplier())
