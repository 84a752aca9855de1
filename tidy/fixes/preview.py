"""`tidy fix --diff`: what a plan would change, as a reviewer reads it (and `git apply` takes
it): a unified diff of every file edit (`.gitignore`, `.ignore`, editor settings and exclude
files, pyright's exclude), a `#` summary of each extraction's module rewrite, and a `#` line
per move. Nothing is written: the file edits are planned exactly as the appliers plan them,
extractions run as dry runs.

Also what a dry run says of live processes: held_in_use asks the in-use look every move asks
(tidy/workspace/inuse.py) of each planned move, so `tidy fix --dry-run` promises no move the
real run would refuse because a program uses the item.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from tidy.core.models import ActionKind
from tidy.core.printable import printable
from tidy.fixes import ApplySettings
from tidy.fixes.apply import ORDER, appliers
from tidy.fixes.ignore.plan import IgnorePlan
from tidy.fixes.plan import Plan, PlannedAction
from tidy.fixes.report import size
from tidy.workspace.inuse import Look, Use


@runtime_checkable
class Previews(Protocol):
    """An applier that can say what it would write without writing it."""

    def preview(self, actions: Sequence[PlannedAction],
                settings: ApplySettings) -> list[IgnorePlan]: ...


def plan_diff(plan: Plan, settings: ApplySettings, cwd: str = "") -> str:
    registry = appliers()
    parts: list[str] = []
    for kind in ORDER:
        actions = [a for a in plan.actions if a.action is kind]
        applier = registry.get(kind)
        if not actions:
            continue
        if isinstance(applier, Previews):
            for edits in applier.preview(actions, settings):
                parts += _edits(edits, cwd)
        elif kind is ActionKind.EXTRACT:
            parts += [_extraction(a, cwd) for a in actions]
        else:
            parts += [f"# {kind.value}: {_shown(a.path, cwd)} ({size(a.bytes)}, "
                      f"{a.files:,} file{'' if a.files == 1 else 's'})\n" for a in actions]
    return "".join(parts) or "# nothing to change\n"


def _shown(path: str, cwd: str) -> str:
    inside = cwd and path.startswith(cwd.rstrip(os.sep) + os.sep)
    return printable(os.path.relpath(path, cwd) if inside else path)


def _edits(edits: IgnorePlan, cwd: str) -> list[str]:
    found = [edit.diff(_shown(edit.path, cwd)) for edit in edits.edits if edit.changed]
    found += [f"# not written: {v.pattern}: {printable(v.reason)}\n" for v in edits.refused]
    found += [f"# not edited: {printable(error)}\n" for error in edits.errors]
    return found


def _extraction(action: PlannedAction, cwd: str) -> str:
    from tidy.extract.core import ExtractError, extract_module
    from tidy.extract.report import describe

    try:
        summary = describe(extract_module(action.path, dry_run=True))
    except (ExtractError, OSError) as error:
        summary = f"{_shown(action.path, cwd)}: would not extract: {error}\n"
    return "".join(f"# {line}\n" for line in summary.splitlines())


# The actions whose appliers ask the run's in-use look before acting (trash/applier.py and
# git_rm.py, through recheck.opened): the ones a dry run asks it for too.
ASKS_IN_USE = frozenset({ActionKind.TRASH, ActionKind.GIT_RM})


def held_in_use(plan: Plan, look: Look) -> dict[str, Use]:
    """The moves the real run would leave alone now, by path: a live process uses the item
    (the same look, asked the same way, as the real run's last check before each move).
    /proc is read only when the plan moves something."""
    held: dict[str, Use] = {}
    for action in plan.actions:
        if action.action in ASKS_IN_USE:
            use = look.use_of(action.path, action.root, action.is_repo)
            if use is not None:
                held[action.path] = use
    return held
