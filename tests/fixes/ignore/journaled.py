"""Write planned edits the way `tidy fix` does: re-read, journaled, compare-and-swap; undo by
the run."""

from __future__ import annotations

from collections.abc import Sequence

from tidy.core.models import ActionKind
from tidy.core.swap import FileChanged
from tidy.fixes.editors.excludes import FileEdit
from tidy.fixes.ignore.apply import write_edit
from tidy.fixes.journal import RunJournal


def write_journaled(root: str, edits: Sequence[FileEdit]) -> tuple[str, list[str]]:
    """Each edit through tidy.fixes.ignore.apply.write_edit in one run: (run id, problems)."""
    problems = []
    with RunJournal.create("fix", (root,)) as journal:
        for edit in edits:
            kind = ActionKind.IGNORE if edit.rel == ".gitignore" else ActionKind.EDITOR_EXCLUDE
            code = "TDY501" if kind is ActionKind.IGNORE else "TDY502"
            try:
                problem = write_edit(edit, kind, journal, code)
            except FileChanged as error:  # the applier re-plans then; a bare edit cannot
                problem = str(error)
            if problem:
                problems.append(problem)
        journal.end("complete")
    return journal.run_id, problems
