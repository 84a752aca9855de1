"""The watch log: one JSON object per line in <state>/watch.log (rotated to watch.log.1).

Every line has `time` and `event`:

    start       a watcher began: pid, roots, mode, the mode's reason, watches used / limit
    stop        it ended (signal, error)
    mode        the watch mode changed (the budget ran out, an overflow)
    pass        one pass ran: why (start, events, periodic, once, retry), targets, seconds,
                actions done / skipped, bytes moved, the run id for `tidy undo`
    action      one thing moved (or skipped): path, code, rule (stale-bytecode, old-artifact,
                cache-budget), status, reason, bytes, run
    warning     a big file where git would add it, a busy project, a scan that failed
    deferred    a project left for later: written to in the last seconds, a git operation,
                a build process inside
    gone        a project whose events settled after it was deleted or renamed (not a warning:
                a user removing a repo is no problem to report)

The state folder is private (0700, tidy/core/state.py); the log is appended under an flock so the
watcher and a `--once` from cron never interleave lines.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Iterator
from typing import Any

from tidy.core import state
from tidy.core.safe_files import UnsafeFile, open_for_append

MAX_BYTES = 2_000_000  # then watch.log becomes watch.log.1 (one old generation kept)


def log_path() -> str:
    return os.path.join(state.state_dir(), "watch.log")


def lock_path() -> str:
    """Held (flock) by a running watcher: `--status` tells a live one from a dead pid."""
    return os.path.join(state.state_dir(), "watch.lock")


def write(event: str, **payload: Any) -> None:
    entry = {"time": round(time.time(), 3), "event": event, **payload}
    line = (json.dumps(entry, ensure_ascii=True, separators=(",", ":"), default=str)
            + "\n").encode("ascii")
    path = log_path()
    state.ensure_dir(os.path.dirname(path))
    try:  # only a regular file: a link or a FIFO there is left alone (the log is a diary)
        fd = open_for_append(path)
    except (UnsafeFile, OSError):
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.fstat(fd).st_size + len(line) > MAX_BYTES:
            _rotate(path)
            os.close(fd)
            fd = -1
            fd = open_for_append(path)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, line)
    except (UnsafeFile, OSError):
        return
    finally:
        if fd >= 0:
            os.close(fd)


def _rotate(path: str) -> None:
    with contextlib.suppress(OSError):
        os.replace(path, path + ".1")


def read(limit: int | None = None) -> list[dict[str, Any]]:
    """The newest `limit` entries (all when None), oldest first; torn lines are left out."""
    entries = list(_entries(log_path() + ".1")) + list(_entries(log_path()))
    return entries[-limit:] if limit else entries


def _entries(path: str) -> Iterator[dict[str, Any]]:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return
    for line in data.splitlines():
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            yield value
