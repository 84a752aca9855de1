"""What the user put back from watch's moves (`tidy undo`): watch leaves it from then on.

Without this, a stale `.pyc` or an old `node_modules` the user restored with `tidy undo` was
moved again by the very next pass (its events settle, the policy still says so): watch
fought the user. Each pass now reads the journals of watch's own earlier runs that changed
since it last looked (an undo appends to them) and remembers every item an undo restored,
by path and by the inode it has once back. A later pass leaves that item, anything inside it
and any folder holding it, and says so (`left ... put back by tidy undo`). The memory of an
item ends when it is gone or replaced (a new inode: `npm ci` made a new node_modules), so
the policy applies again to what is new.

Kept in the watch state (untrusted like every file of tidy's state): the run ids with the
journal size last read, and the put-back items. A tampered entry can only make watch leave
more alone: nothing here ever adds a move.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from typing import Any

from tidy.fixes.journal import JournalError, journal_path, read_run

MAX_RUNS = 2000  # watch runs whose journals are followed for undos (newest kept)
MAX_KEPT = 5000  # put-back items remembered (the most recently put back kept)


def remember_run(memory: dict[str, Any], run_id: str) -> None:
    """A pass that moved something: its journal is followed from now on."""
    runs = _runs(memory)
    runs[run_id] = 0
    for old in list(runs)[:-MAX_RUNS]:
        del runs[old]


def learn(memory: dict[str, Any]) -> None:
    """Read the undos since the last pass into the memory; forget items gone or replaced."""
    runs, kept = _runs(memory), _kept(memory)
    for run_id, seen in list(runs.items()):
        size = _journal_size(run_id)
        if size is None:
            del runs[run_id]  # purged, set aside, or not a run id: nothing more to learn
            continue
        if size == seen:
            continue
        still_moved = _read_undos(run_id, kept)
        if still_moved:
            runs[run_id] = size
        else:
            del runs[run_id]  # every item is back (or the journal is unreadable)
    for path, entry in list(kept.items()):
        if _identity(path) != tuple(entry[:2]):
            del kept[path]
    for old in sorted(kept, key=lambda p: kept[p][2])[:-MAX_KEPT]:
        del kept[old]


def why_left(memory: dict[str, Any], path: str) -> str:
    """Why the pass leaves `path` (it is, holds or sits in an item the user put back), or ""."""
    for kept_path, entry in _kept(memory).items():
        if _inside(path, kept_path) or _inside(kept_path, path):
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry[2]))
            what = "" if kept_path == path else f" ({kept_path})"
            return f"put back by `tidy undo`{what} by {when}: watch leaves it"
    return ""


def _read_undos(run_id: str, kept: dict[str, list[float]]) -> bool:
    """Put-back items of one run into `kept`; True while some of its moves still stand."""
    try:
        record = read_run(run_id, quarantine_damaged=False)
    except JournalError:
        return False
    if record.begin.get("command") != "watch":
        return False
    still_moved = False
    for intent in record.intents():
        if intent.applied:
            still_moved = True
            continue
        path = intent.entry.get("path")
        if not isinstance(path, str) or not _was_undone(intent.results):
            continue
        identity = _identity(path)
        if identity is not None and path not in kept:
            kept[path] = [*identity, time.time()]
    return still_moved


def _was_undone(results: list[dict[str, Any]]) -> bool:
    return any(r.get("op") == "undo-done" or (r.get("op") == "recovered-undo"
                                             and r.get("state") == "restored")
               for r in results)


def _journal_size(run_id: str) -> int | None:
    try:
        st = os.lstat(journal_path(run_id))
    except (OSError, JournalError):
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _identity(path: str) -> tuple[int, int] | None:
    with contextlib.suppress(OSError, ValueError):
        st = os.lstat(path)
        return st.st_dev, st.st_ino
    return None


def _runs(memory: dict[str, Any]) -> dict[str, int]:
    runs = memory.get("runs")
    if not isinstance(runs, dict):
        runs = memory["runs"] = {}
    for key, value in list(runs.items()):
        if not isinstance(key, str) or not isinstance(value, int) or isinstance(value, bool):
            del runs[key]
    return runs


def _kept(memory: dict[str, Any]) -> dict[str, list[float]]:
    kept = memory.get("kept")
    if not isinstance(kept, dict):
        kept = memory["kept"] = {}
    for key, value in list(kept.items()):
        if not (isinstance(key, str) and isinstance(value, list) and len(value) == 3
                and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
            del kept[key]
    return kept


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
