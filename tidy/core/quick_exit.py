"""The end of a command whose output is all written: exit handlers run, the standard streams
flushed, then the process ends without the interpreter's teardown (os._exit).

The teardown frees every object still alive (a 250k-entry scan's modules, caches and report)
one by one, and copies the pages the pool's fork left shared to do it: 12-17 ms of the main
process's CPU at the end of a warm scan, on the wall's critical path (warm-27, warm-28). Ending
with os._exit skips it, which is safe only when nothing is lost by it:

- the command said so (`allow`, called by `tidy scan` once its reports are written; its
  writers are audited: every file it writes is written and closed inside a `with`, the
  history database's connection too, which tests/core/test_quick_exit.py holds for a whole
  scan);
- no thread but this one is alive (Python would join a non-daemon thread first);
- every exit handler ran (`atexit`: multiprocessing's, logging's, coverage's...);
- standard output and standard error flushed without an error. A flush that fails (a closed
  pipe) leaves the exit to Python, which reports it as it always has;
- no stop signal came meanwhile: one that did ends the process by that signal, as
  tidy.__main__ does.

Anything else (a command that did not allow it, a thread, an error) is Python's normal exit.
"""

from __future__ import annotations

import atexit
import os
import sys

from tidy.core import stop_signals

_allowed = False
_handlers_ran = False


def allow() -> None:
    """Say that this process's output is all written and closed: the exit may skip the
    interpreter's teardown (`end`)."""
    global _allowed
    _allowed = True


def allowed() -> bool:
    """Whether the running command allowed the quick end."""
    return _allowed


def handlers_ran() -> bool:
    """Whether `end` ran the exit handlers already (Python will not run them again)."""
    return _handlers_ran


def end(code: int) -> int:
    """End the process with `code` without the interpreter's teardown when that loses
    nothing; else answer `code` for Python's normal exit (SystemExit)."""
    if not _allowed:
        return code
    import threading  # here: the start of every command need not import it

    if threading.active_count() != 1 or not _flushed():
        return code
    global _handlers_ran
    _handlers_ran = True
    atexit._run_exitfuncs()  # it empties the list it ran: Python never runs them twice
    signum = stop_signals.received()
    if signum:  # a stop signal during the handlers: ended by it, as __main__ ends
        return stop_signals.end_by(signum)
    if threading.active_count() != 1 or not _flushed():  # a handler started or wrote
        return code
    os._exit(code)


def _flushed() -> bool:
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            return False
    return True
