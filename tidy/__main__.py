"""`python -m tidy` and the `tidy` script: the command line, a Ctrl-C while it starts included.

The stop signals (Ctrl-C's SIGINT, SIGTERM, SIGHUP) get tidy's handling first thing
(tidy.core.stop_signals): each raises KeyboardInterrupt, every command's finally blocks run,
"tidy: interrupted" is said in one line, and the process then ends by that signal, as
Python does on an uncaught KeyboardInterrupt and as shells expect (a shell shows 130 for
Ctrl-C, 143 for SIGTERM, 129 for SIGHUP; a script's loop stops).

Importing the command line (click, then the command's module) takes a tenth of a second on a
loaded machine; a Ctrl-C then used to print Python's traceback of the import. Before this
module runs, Python's start (site, a .pth file, the entry script's own `import re`) is not
tidy's: a Ctrl-C there is Python's (README "Exit codes").
"""

from __future__ import annotations

import contextlib
import gc
import linecache
import os
import sys
from types import FrameType

from tidy.core import quick_exit, stop_signals
from tidy.core.cycles import paused

# The line that calls run() in pip's console script and in this module: the process ends
# with run()'s answer right after it.
_ENTRY_LINES = frozenset({"sys.exit(run())", "raise SystemExit(run())"})
_EXIT_INTERRUPTED = 130  # tidy.cli.exits.EXIT_INTERRUPTED; importing it imports click


def run() -> int:
    stop_signals.install()
    try:
        code = _run()
    except KeyboardInterrupt as stop:  # one landing after main() answered
        _say_interrupted(stop)
        return stop_signals.end_at_exit(stop_signals.ended_by(stop))
    if stop_signals.received():
        # Interrupted (main said so), or a stop signal that no code saw raised: never an
        # answer as if nothing came.
        if code != _EXIT_INTERRUPTED:
            _say_interrupted()
        return stop_signals.end_at_exit(stop_signals.received())
    return _ended(code) if _called_by_the_entry(sys._getframe(1)) else code


def _called_by_the_entry(caller: FrameType | None) -> bool:
    """Whether run() was called by what starts the process and ends it with run()'s answer
    at once: `python -m tidy` (this module's last line) or pip's console script
    (`sys.exit(run())`), i.e. that line at the top level of the file sys.argv[0] names. Any
    other caller (a script that goes on after run(), a test's probe) gets run()'s answer and
    Python's own exit."""
    if (caller is None or caller.f_code.co_name != "<module>"
            or caller.f_globals.get("__name__") != "__main__" or not sys.argv
            or not _same_file(caller.f_code.co_filename, sys.argv[0])):
        return False
    line = linecache.getline(caller.f_code.co_filename, caller.f_lineno).strip()
    return line in _ENTRY_LINES


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):  # "<string>" (python -c), a file gone
        return False


def _ended(code: int) -> int:
    # A command whose output is all written (tidy scan) ends without the interpreter's
    # teardown when that loses nothing (tidy.core.quick_exit); else Python's exit, as before.
    try:
        return quick_exit.end(code)
    except KeyboardInterrupt as stop:  # one landing while the exit handlers ran
        _say_interrupted(stop)
        signum = stop_signals.ended_by(stop)
        if quick_exit.handlers_ran():
            return stop_signals.end_by(signum)
        return stop_signals.end_at_exit(signum)


def _run() -> int:
    try:
        # click and the command line: objects that live as long as the process, no cycle to
        # collect (tidy.core.cycles); so are the command's own module (cli/__init__.py) and
        # the layers a scan imports (cli/scan.py, engine.scan).
        with paused():
            from tidy.cli import main
    except KeyboardInterrupt as stop:
        _say_interrupted(stop)
        return _EXIT_INTERRUPTED
    code = main()
    # The process ends now: the interpreter's last cyclic collection would pass over every
    # object still alive (a scan's modules, caches and report) only to free them at exit
    # anyway (a warm 250k bench scan's exit: 22-28 -> 9-11 ms). Frozen, they are left to the
    # exit's own teardown, which still closes and flushes every file, or to none at all when
    # the command allowed it (tidy.core.quick_exit: `tidy scan`, its writers audited).
    gc.freeze()
    return code


def _say_interrupted(stop: BaseException | None = None) -> None:
    # stderr closed or gone: the ending signal says it
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(stop_signals.interrupted_line(stop) + "\n")


if __name__ == "__main__":
    raise SystemExit(run())
