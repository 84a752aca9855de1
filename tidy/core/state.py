"""Where tidy keeps its own per-user state: fix journals, the audit log, the fallback trash.

    TIDY_STATE_DIR               when set (tests, unusual setups), used as it is
    Linux and other Unixes       $XDG_STATE_HOME/tidy, else ~/.local/state/tidy (XDG base dirs)
    macOS                        ~/Library/Application Support/tidy

The folder is created on first use with mode 0700: journals name every path tidy moved.
"""

from __future__ import annotations

import os
import stat
import sys

ENV_OVERRIDE = "TIDY_STATE_DIR"


class StateError(ValueError):
    """tidy's own state folder cannot be trusted (a symlink where a folder of it should be),
    or cannot be found (HOME is not an absolute path)."""


def state_dir() -> str:
    """The state folder's absolute path (not created)."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return os.path.abspath(os.path.expanduser(override))
    if sys.platform == "darwin":
        return os.path.join(home_dir(), "Library", "Application Support", "tidy")
    xdg = os.environ.get("XDG_STATE_HOME", "")
    # The XDG spec: a relative value is invalid and must be ignored.
    base = xdg if os.path.isabs(xdg) else os.path.join(home_dir(), ".local", "state")
    return os.path.join(base, "tidy")


def home_dir() -> str:
    """The user's home folder, absolute. HOME set to anything else (empty, relative) is
    refused (StateError): tidy would keep its journals and trash (and a schedule its units)
    below the current folder (the very project it cleans) or below / (HOME="")."""
    home = os.environ.get("HOME")
    if home is None:
        return os.path.expanduser("~")  # the password database's
    if not os.path.isabs(home):
        raise StateError(f"HOME is {home!r}, not an absolute path: tidy keeps its state (and "
                         "a schedule its files) below the home folder; set HOME, or "
                         "TIDY_STATE_DIR, to an absolute path")
    return os.path.normpath(home)


def unusable(error: OSError) -> str:
    """A one-line message when `error` is about a path in the state folder (it cannot be
    made or opened: HOME is a file, a folder that may not be written ...), else ""."""
    name = error.filename
    if not isinstance(name, str) or error.errno is None:
        return ""
    try:
        top = state_dir()
    except StateError:
        return ""
    path = os.path.abspath(name)
    if not (path == top or path.startswith(top + os.sep) or top.startswith(path + os.sep)):
        return ""
    return (f"tidy's state folder {top} cannot be used: {error.strerror} ({path}); set "
            "TIDY_STATE_DIR (or HOME) to a folder you may write")


def ensure_private(path: str) -> str:
    """ensure_dir, for folders that hold journals and trash: see check_private. Raises
    StateError."""
    ensure_dir(path)
    check_private(path)
    return path


def check_private(path: str) -> None:
    """The state folder itself and every folder of it down to `path` (as far as they exist)
    must be real folders, never symlinks (a link would make tidy write its journals or trash
    elsewhere), the user's own and writable by no one else, its group included: in a state
    folder another user controls, that user could put journals of their own in (`tidy undo`
    acts on journals) or take the user's away. The state folder itself may also be root's,
    and writable by others with the sticky bit (a fresh tmpfs, /tmp): no one else can then
    move or remove what tidy keeps in it, and what it keeps there is checked as above.
    Raises StateError."""
    top = state_dir()
    rel = os.path.relpath(path, top)
    current = top
    for part in [None, *([] if rel == os.curdir else rel.split(os.sep))]:
        if part is not None:
            current = os.path.join(current, part)
        try:
            st = os.lstat(current)
        except FileNotFoundError:
            return
        if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
            raise StateError(f"{current} is a symlink or not a folder: tidy keeps its journals "
                             "and trash only in real folders; remove it or set TIDY_STATE_DIR")
        at_top = part is None
        if st.st_uid != os.geteuid() and not (at_top and st.st_uid == 0):
            raise StateError(f"tidy's state folder {current} belongs to another user (uid "
                             f"{st.st_uid}): tidy keeps its journals and trash only in folders "
                             "of your own; set TIDY_STATE_DIR (or HOME) to one")
        if st.st_mode & _OTHERS_WRITE and not (at_top and st.st_mode & stat.S_ISVTX):
            raise StateError(f"tidy's state folder {current} may be written by "
                             f"{_writers(st.st_mode)}: tidy keeps its journals and trash "
                             "only in folders no one else may write; `chmod go-w` it, or set "
                             "TIDY_STATE_DIR to another")


# A group is other users too (a project's shared group): what they may write, they may swap.
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def _writers(mode: int) -> str:
    return "anyone" if mode & stat.S_IWOTH else "its group"


def ensure_dir(path: str) -> str:
    """Create `path` (and parents) private to the user when missing; return it."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    return path


def runs_dir() -> str:
    """One journal per fix run: <state>/runs/<run-id>.jsonl."""
    return os.path.join(state_dir(), "runs")


def audit_log_path() -> str:
    return os.path.join(state_dir(), "log.jsonl")


def trash_dir() -> str:
    """The trash for paths outside git repos (and on the state folder's filesystem)."""
    return os.path.join(state_dir(), "trash")
