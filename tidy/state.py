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
