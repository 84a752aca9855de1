"""Whose tree a fix acts in: tidy changes only the running user's own trees.

Root (a CI container, `sudo tidy fix`, a nightly job run as root) running a fix in another
user's repo put its trash in that user's `.git/tidy/trash`: folders of mode 0700 owned by
root, which the user could neither look into, purge nor delete (`rm -rf` of their own repo
failed), and a journal in root's state folder that only root's `tidy undo` reads. A rewritten
`.gitignore` or a new `.vscode/` became root's too. A user of a group-shared repo did the same
to its owner. So an action whose group root (the repo, or the plain folder) or whose item
belongs to another user is skipped with one line saying whose it is and how to run the fix
as that user; nothing is written into their tree.
"""

from __future__ import annotations

import os
import pwd
import shlex
from collections.abc import Sequence

from tidy.fixes.plan import PlannedAction


def foreign(actions: Sequence[PlannedAction]) -> dict[int, str]:
    """id(action) -> why it is not done, for the actions in a tree another user owns."""
    me = os.geteuid()
    owners: dict[str, int | None] = {}
    reasons: dict[int, str] = {}
    for action in actions:
        if action.root not in owners:
            owners[action.root] = _owner(action.root)
        whose = owners[action.root]
        what = action.root
        if whose is None or whose == me:
            whose, what = _owner(action.path), action.path
        if whose is not None and whose != me:
            reasons[id(action)] = _not_yours(what, whose, me)
    return reasons


def _owner(path: str) -> int | None:
    try:
        return os.lstat(path).st_uid
    except OSError:  # gone: the applier's own re-check says so
        return None


def _not_yours(path: str, whose: int, me: int) -> str:
    name = _user_name(whose)
    run_as = shlex.quote(name if name else f"#{whose}")
    return (f"not done: {path} belongs to {name or 'uid'} (uid {whose}), not to you (uid {me}): "
            "tidy fixes only your own trees (its trash, journal and edits there would be "
            f"yours, out of that user's reach); run the fix as that user (sudo -u {run_as} "
            "tidy fix ...)")


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return ""
