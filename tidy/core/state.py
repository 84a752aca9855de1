"""Where tidy keeps its own per-user state: fix journals, the audit log, the fallback trash.

    TIDY_STATE_DIR               when set (tests, unusual setups), used as it is
    Linux and other Unixes       $XDG_STATE_HOME/tidy, else ~/.local/state/tidy (XDG base dirs)
    macOS                        ~/Library/Application Support/tidy

The folder is created on first use with mode 0700: journals name every path tidy moved.
"""

from __future__ import annotations

import os
import sys

ENV_OVERRIDE = "TIDY_STATE_DIR"


def state_dir() -> str:
    """The state folder's absolute path (not created)."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return os.path.abspath(os.path.expanduser(override))
    home = os.path.expanduser("~")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Application Support", "tidy")
    xdg = os.environ.get("XDG_STATE_HOME", "")
    # The XDG spec: a relative value is invalid and must be ignored.
    base = xdg if os.path.isabs(xdg) else os.path.join(home, ".local", "state")
    return os.path.join(base, "tidy")


class StateError(ValueError):
    """tidy's own state folder cannot be trusted (a symlink where a folder of it should be)."""


def ensure_private(path: str) -> str:
    """ensure_dir, for folders that hold journals and trash: the state folder itself and
    every folder of it down to `path` must be real folders, never symlinks (a link would
    make tidy write its journals or trash elsewhere). Raises StateError."""
    ensure_dir(path)
    top = state_dir()
    rel = os.path.relpath(path, top)
    current = top
    for part in [None, *([] if rel == os.curdir else rel.split(os.sep))]:
        if part is not None:
            current = os.path.join(current, part)
        if os.path.islink(current) or not os.path.isdir(current):
            raise StateError(f"{current} is a symlink or not a folder: tidy keeps its journals "
                             "and trash only in real folders; remove it or set TIDY_STATE_DIR")
    return path


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
