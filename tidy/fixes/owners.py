"""Whose tree a fix acts in: `tidy fix`, a watch pass and browse's apply change only the
running user's own trees (the reasons: tidy.core.owners).

An action whose group root (the repo, or the plain folder) or whose item belongs to another
user is skipped with one line saying whose it is and how to run the fix as that user; nothing
is written into their tree.
"""

from __future__ import annotations

from collections.abc import Sequence

from tidy.core.owners import not_yours, not_yours_inside
from tidy.fixes.plan import PlannedAction


def foreign(actions: Sequence[PlannedAction]) -> dict[int, str]:
    """id(action) -> why it is not done, for the actions in a tree another user owns."""
    roots: dict[str, str] = {}
    reasons: dict[int, str] = {}
    for action in actions:
        if action.root not in roots:
            roots[action.root] = not_yours(action.root, "fix")
        why = roots[action.root] or not_yours_inside(action.path, "fix")
        if why:
            reasons[id(action)] = f"not done: {why}"
    return reasons
