"""The one way an applier whose change is all-or-nothing resolves what a kill left in flight.

Untrack, the ignore-file edits and extraction each change one thing that is either done or
not (the index entries gone, the file as tidy wrote it, the module a stub). After a kill the
disk says which; this writes the journal's answer (`recovered` with "moved" | "not-moved", or
`recovered-undo` with "in-trash" | "restored" for an undo that was under way) and the outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from tidy.core.models import ActionKind
from tidy.fixes import Outcome, Status
from tidy.fixes.journal import Intent, RunJournal

Happened = Callable[[Intent], bool]  # from the disk: is the intent's change in place now?
# More fields for the `recovered` entry, given the intent and whether it happened.
Extra = Callable[[Intent, bool], Mapping[str, object]]


def resolve_from_disk(intents: Sequence[Intent], journal: RunJournal, kind: ActionKind,
                      what: str, happened: Happened, extra: Extra | None = None
                      ) -> list[Outcome]:
    """Journal, for each intent, whether its change (`what`: "untrack", "edit" ...) happened."""
    outcomes = []
    for intent in intents:
        done = happened(intent)
        if intent.undo_in_flight:  # an undo was under way: done means it had not put back
            journal.write({"op": "recovered-undo", "ref": intent.seq,
                           "state": "in-trash" if done else "restored"}, sync=True)
        else:
            journal.write({"op": "recovered", "ref": intent.seq,
                           "state": "moved" if done else "not-moved",
                           **(extra(intent, done) if extra is not None else {})}, sync=True)
        outcomes.append(Outcome(str(intent.entry["path"]), kind, Status.DONE,
                                f"{what} {'had' if done else 'had not'} happened",
                                run=journal.run_id))
    return outcomes
