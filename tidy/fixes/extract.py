"""The EXTRACT applier: a data module becomes a loader stub plus `<module>.json.gz`.

The extraction itself (tidy.extract.core) verifies the round trip before writing and keeps
a backup of the original module (never inside the work tree). Here it is always verified by
importing the rewritten module in the project's interpreter too, and rolled back byte for
byte on a difference. This applier journals it: the intent is written before anything
changes and names the module; `done` records the backup, so `tidy undo` puts the module back
and removes the data file (refused, naming the file, when the module, data file or build
config changed since; `tidy undo --force` restores and keeps the current files beside), and
a run killed in between is resolved from the disk: a module that is a stub with a manifest
was extracted; otherwise what the killed run left (the data file, temp files) is removed, so
the module can be extracted again at once.
"""

from __future__ import annotations

import os
import shlex
import time
from collections.abc import Sequence

from tidy.core.models import ActionKind
from tidy.extract import backup as extract_backup
from tidy.extract import stub
from tidy.extract.core import (
    ExtractError,
    NeedsEvaluate,
    NotPackaged,
    data_file_name,
    extract_module,
    latest_backup,
    undo_extract,
)
from tidy.fixes import ApplySettings, Outcome, Status, skipped
from tidy.fixes.journal import Intent, RunJournal
from tidy.fixes.plan import PlannedAction
from tidy.fixes.recheck import recheck
from tidy.fixes.recovery import resolve_from_disk


def _is_stub(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            text = f.read(64 * 1024).decode("utf-8", "replace")
    except OSError:
        return False
    return stub.read_manifest(text) is not None


def _evaluate_advice(path: str, error: NeedsEvaluate) -> str:
    """Why the module was left, and the command that extracts it (relative to the current
    folder when the module is below it)."""
    here = os.getcwd()
    shown = os.path.relpath(path, here) if path.startswith(here + os.sep) else path
    return (f"not extracted: {error.why}: taking values built by calls or names means "
            "importing the module, and `tidy fix` never runs the project's code; "
            f"`tidy extract {shlex.quote(shown)} --evaluate` does (and imports the result "
            "again to compare)")


class ExtractApplier:
    kind = ActionKind.EXTRACT

    def __init__(self, force: bool = False) -> None:
        # Undo even when the module, data file or build config changed since: the current
        # files are kept beside the restored ones (tidy.extract.backup), as `--force` asks.
        self.force = force

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]:
        return [self._one(a, journal, settings) for a in actions]

    def _one(self, action: PlannedAction, journal: RunJournal,
             settings: ApplySettings) -> Outcome:
        problem = recheck(action, settings.now or time.time(), settings.skip_recent)
        if problem is not None:
            return skipped(journal, action, self.kind, problem.reason, problem.attention)
        seq = journal.intent("extract", path=action.path, root=action.root, code=action.code,
                             bytes=action.bytes, files=1)
        try:
            result = extract_module(action.path, always_verify=True)
        except NeedsEvaluate as error:
            # Not a failure: tidy fix never imports the project's code, so this one is the
            # user's call, and the message says which command makes it
            reason = _evaluate_advice(action.path, error)
            journal.failed(seq, reason)
            return Outcome(action.path, self.kind, Status.SKIPPED, reason, True,
                           code=action.code, run=journal.run_id)
        except NotPackaged as error:
            # Nothing was written: the build config must declare the data file first, and
            # the reason (without the module's path) is the project's, said once for all
            # of its modules.
            journal.failed(seq, str(error))
            return Outcome(action.path, self.kind, Status.SKIPPED, error.why, True,
                           code=action.code, run=journal.run_id)
        except (ExtractError, OSError) as error:
            journal.failed(seq, str(error))
            return Outcome(action.path, self.kind, Status.FAILED, str(error), True,
                           code=action.code, run=journal.run_id)
        journal.done(seq, backup=result.backup, data_file=result.data_file,
                     status=result.status)
        saved = result.original_bytes - result.module_bytes
        return Outcome(action.path, self.kind, Status.DONE, "; ".join(result.notes), False,
                       max(0, saved), 1, where=result.data_file, code=action.code,
                       run=journal.run_id)

    def undo(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        return [self._undo_one(i, journal) for i in intents]

    def _undo_one(self, intent: Intent, journal: RunJournal) -> Outcome:
        path = str(intent.entry["path"])
        done = intent.last("done", "recovered") or {}
        if done.get("status") == "up-to-date":
            journal.write({"op": "undo-done", "ref": intent.seq, "warning": "nothing to undo"})
            return Outcome(path, self.kind, Status.DONE, "it was already extracted", False,
                           run=journal.run_id)
        # None: undo_extract looks for it, and finishes an extraction killed after its last
        # write (its backup's record not yet marked complete) first.
        backup = str(done.get("backup", "")) or latest_backup(path)
        journal.write({"op": "undo-intent", "ref": intent.seq}, sync=True)
        try:
            note = undo_extract(path, backup or None, force=self.force,
                                hint=f"`tidy undo --force {journal.run_id}`")
        except (ExtractError, OSError) as error:
            journal.write({"op": "undo-fail", "ref": intent.seq, "reason": str(error)}, sync=True)
            return Outcome(path, self.kind, Status.FAILED, str(error), True, run=journal.run_id)
        journal.write({"op": "undo-done", "ref": intent.seq})
        return Outcome(path, self.kind, Status.DONE, note, False, int(intent.entry.get("bytes", 0)),
                       1, where=path, run=journal.run_id)

    def recover(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        # The module is replaced last, after the backup and the data file: a stub means the
        # whole extraction happened.
        def happened(intent: Intent) -> bool:
            return _is_stub(str(intent.entry["path"]))

        def extra(intent: Intent, extracted: bool) -> dict[str, object]:
            path = str(intent.entry["path"])
            # Not extracted: what the killed run left goes, so it can run again at once.
            # Extracted, but killed before its backup's record said so: the record is
            # completed (the extraction is whole), so undo finds the backup.
            data_path = os.path.join(os.path.dirname(path), data_file_name(path, "gz"))
            for note in extract_backup.clear_leftovers(path, data_path):
                journal.write({"op": "note", "ref": intent.seq, "text": note})
            return {"backup": latest_backup(path) or ""}

        return resolve_from_disk(intents, journal, self.kind, "extraction", happened, extra)

