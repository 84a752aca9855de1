"""Whose a file or folder is, for tidy's rule that it changes only the running user's own
trees (tidy.fixes.owners for fix, watch and browse; tidy.extract.core for `tidy extract`).

Root (a CI container, `sudo tidy ...`, a nightly job run as root) writing into another
user's tree leaves files and folders of root's there: a `.git/tidy/` of mode 0700 that the
user can neither look into, purge nor delete (`rm -rf` of their own repo fails), a rewritten
`.gitignore` or module they can no longer edit, and a journal only root's `tidy undo` reads.
"""

from __future__ import annotations

import os
import pwd
import shlex


def owner(path: str) -> int | None:
    """The uid owning `path` itself (a link is not followed); None when it is gone."""
    try:
        return os.lstat(path).st_uid
    except OSError:
        return None


def not_yours(path: str, command: str) -> str:
    """Why `command` does not change `path` ("" when it is the running user's own, or gone):
    one line naming the owner and how to run the command as them."""
    whose, me = owner(path), os.geteuid()
    if whose is None or whose == me:
        return ""
    name = _user_name(whose)
    run_as = shlex.quote(name if name else f"#{whose}")
    return (f"{path} belongs to {name or 'uid'} (uid {whose}), not to you (uid {me}): "
            "tidy changes only your own trees (what it wrote there, its trash, backups and "
            f"edits, would be yours, out of that user's reach); run it as that user "
            f"(sudo -u {run_as} tidy {command} ...)")


def not_yours_inside(path: str, command: str) -> str:
    """Why `command` does not change `path`, another user's item inside the running user's own
    tree ("" when it is theirs, or gone): most often what a container or `sudo` made there
    (a root-owned node_modules or __pycache__ from `docker run -v $PWD:/app`). Running tidy
    as its owner is no way out (the tree is not theirs either), so the line says how to take
    it back."""
    whose, me = owner(path), os.geteuid()
    if whose is None or whose == me:
        return ""
    name, mine = _user_name(whose), _user_name(me)
    return (f"{path} belongs to {name or 'uid'} (uid {whose}) inside your own tree (made by a "
            f"container or sudo?): tidy moves only what is yours; take it back with "
            f"`sudo chown -R {shlex.quote(mine or str(me))} {shlex.quote(path)}`, then run "
            f"tidy {command} again")


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return ""
