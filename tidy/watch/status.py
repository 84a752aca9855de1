"""`tidy watch --status`: is a watcher running, in which mode, and what it did recently.

Read from the watch log (tidy/watch/log.py) and the watcher's lock file; nothing is asked of a
running watcher, so this works the same for a watcher, a cron `--once` and the nightly timer.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from tidy.core.processes import process_alive
from tidy.fixes.journal import lock_held
from tidy.watch import log as watch_log


@dataclass
class Status:
    running: bool
    watchers: list[dict[str, Any]] = field(default_factory=list)  # live "start" entries
    last_start: dict[str, Any] | None = None
    passes: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    deferred: list[dict[str, Any]] = field(default_factory=list)
    log_file: str = ""


def _lock_held() -> bool:
    return lock_held(watch_log.lock_path())



# The fields --status shows, and their types. The log is tidy's own file but untrusted input
# like every state file: a field of another type (an edited or damaged line) is dropped
# from its entry, which then shows "?" there; it ended --status in an internal error.
_STR = (str,)
_FIELDS: dict[str, tuple[type, ...]] = {
    "time": (int, float), "pid": (int,), "seconds": (int, float), "done": (int,),
    "bytes": (int,), "skipped": (int,), "event": _STR, "mode": _STR, "description": _STR,
    "reason": _STR, "status": _STR, "rule": _STR, "path": _STR, "message": _STR, "run": _STR,
}
_LISTS = ("roots", "targets", "deferred")  # lists of paths


def _typed(entry: dict[str, Any]) -> dict[str, Any]:
    kept = {}
    for key, value in entry.items():
        if key in _LISTS:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                continue
        elif key in _FIELDS and (isinstance(value, bool)
                                 or not isinstance(value, _FIELDS[key])):
            continue
        kept[key] = value
    return kept


def collect(limit: int = 10) -> Status:
    entries = [_typed(e) for e in watch_log.read()]
    starts = [e for e in entries if e.get("event") == "start"]
    stopped = {e.get("pid") for e in entries if e.get("event") == "stop"}
    held = _lock_held()
    live = [s for s in starts
            if held and s.get("pid") not in stopped and process_alive(s.get("pid"))]
    return Status(
        running=bool(live),
        watchers=live,
        last_start=starts[-1] if starts else None,
        passes=[e for e in entries if e.get("event") == "pass"][-limit:],
        actions=[e for e in entries if e.get("event") == "action"][-limit:],
        warnings=[e for e in entries if e.get("event") == "warning"][-limit:],
        deferred=[e for e in entries if e.get("event") == "deferred"][-limit:],
        log_file=watch_log.log_path(),
    )


def _when(epoch: Any, now: float) -> str:
    if not isinstance(epoch, int | float):
        return "?"
    try:
        stamp = time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(epoch))
    except (OverflowError, OSError, ValueError):  # a time no clock shows (an edited log)
        return "?"
    age = max(0.0, now - epoch)
    if age < 120:
        ago = f"{age:.0f}s ago"
    elif age < 7200:
        ago = f"{age / 60:.0f}m ago"
    elif age < 172800:
        ago = f"{age / 3600:.0f}h ago"
    else:
        ago = f"{age / 86400:.0f}d ago"
    return f"{stamp} ({ago})"


def render_text(status: Status, now: float | None = None) -> str:
    now = time.time() if now is None else now
    lines: list[str] = []
    if status.running:
        for watcher in status.watchers:
            lines.append(f"watching (pid {watcher.get('pid')}) since "
                         f"{_when(watcher.get('time'), now)}: "
                         f"{', '.join(watcher.get('roots', []))}")
            lines.append(f"  mode {watcher.get('description', watcher.get('mode', '?'))}")
    else:
        lines.append("no watcher is running")
        if status.last_start:
            lines.append(f"  last one started {_when(status.last_start.get('time'), now)} in "
                         f"mode {status.last_start.get('mode', '?')}")
    lines.append("")
    lines.append("recent passes:" if status.passes else "no passes yet")
    for entry in status.passes:
        undo = f"; undo: tidy undo {entry['run']}" if entry.get("run") else ""
        lines.append(f"  {_when(entry.get('time'), now)}  {entry.get('reason', '?'):<8} "
                     f"{len(entry.get('targets', []))} folder(s), {entry.get('seconds', 0)}s: "
                     f"moved {entry.get('done', 0)} ({entry.get('bytes', 0):,} bytes), skipped "
                     f"{entry.get('skipped', 0)}, deferred {len(entry.get('deferred', []))}"
                     f"{undo}")
    if status.actions:
        lines.append("recent actions:")
        for entry in status.actions:
            why = f" ({entry['reason']})" if entry.get("reason") else ""
            lines.append(f"  {_when(entry.get('time'), now)}  {entry.get('status', '?'):<7} "
                         f"{entry.get('rule', '?'):<15} {entry.get('path', '?')}{why}")
    if status.warnings:
        lines.append("recent warnings:")
        lines += [f"  {_when(e.get('time'), now)}  {e.get('message', '')}"
                  for e in status.warnings]
    if status.deferred:
        lines.append("recently deferred (busy):")
        lines += [f"  {_when(e.get('time'), now)}  {e.get('path', '')}: {e.get('reason', '')}"
                  for e in status.deferred]
    lines.append(f"log: {status.log_file}")
    from tidy.core.printable import printable  # a newline in a logged path stays on its line

    return "".join(printable(line) + "\n" for line in lines)


def render_json(status: Status) -> str:
    return json.dumps({"version": 1, **status.__dict__}, indent=2, default=str) + "\n"
