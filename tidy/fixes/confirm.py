"""Actions decided by what files say, confirmed from the files themselves before they run.

`git rm -r` of a vendored library nothing references (TDY401) and an extraction (TDY301,
TDY302) rest on the content pass's facts, and a scan takes those from the content cache
whenever a file's stat matches its entry. The cache is tidy's own state and still untrusted
input: a crafted one in a downloaded repo's `.git`, or one another program wrote, can say that
the template loading a library mentions nothing, or that a settings module is data. A cache
may save work; it never decides a destructive action alone. So right before such actions run,
whoever planned them (`tidy fix`, `tidy browse`), their groups are scanned again with the cache
off and only their codes selected, and an action whose finding (same group, path, code and
kind of fix) does not come back is skipped, named, and left for the user to look at.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from tidy.core.config import Config, load
from tidy.core.models import ActionKind
from tidy.fixes.plan import PlannedAction

# The fixes whose decision is a fact of a file's content (the content pass's, cacheable).
CONTENT_DECIDED = frozenset({ActionKind.GIT_RM, ActionKind.EXTRACT})

NOT_CONFIRMED = ("not done: read afresh, the files no longer show this ({why}); the plan "
                 "came from tidy's content cache, which disagrees with them (`tidy cache "
                 "clear` drops it)")


def _key(root: str, rel: str, code: str, action: ActionKind) -> tuple[str, str, str, str]:
    return (root, rel, code, action.value)


def refuted(actions: Sequence[PlannedAction], config: Config | None) -> dict[int, str]:
    """The content-decided actions that a scan reading every file afresh does not plan again:
    id(action) -> why it is not done. `config`: the settings the plan's scan ran with (None:
    the settings files at each group's root, as a plain scan of it reads them)."""
    from tidy import engine

    decided = [a for a in actions if a.action in CONTENT_DECIDED]
    reasons: dict[int, str] = {}
    for root in dict.fromkeys(a.root for a in decided):
        mine = [a for a in decided if a.root == root]
        codes = tuple(sorted({a.code for a in mine}))
        base = config if config is not None else load(root)
        fresh = dataclasses.replace(base, no_cache=True, select=codes, ignore=())
        try:
            report = engine.scan([root], fresh, anchors=False)
        except (OSError, engine.ScanError) as error:
            for action in mine:
                reasons[id(action)] = NOT_CONFIRMED.format(why=f"the folder cannot be read "
                                                                f"again: {error}")
            continue
        found = {_key(g.root, f.path, f.code, f.fix.action)
                 for g in report.groups for f in g.findings if f.fix is not None}
        for action in mine:
            if _key(action.root, action.rel, action.code, action.action) not in found:
                reasons[id(action)] = NOT_CONFIRMED.format(
                    why=f"no {action.code} finding at {action.rel}")
    return reasons
