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
import sys

from tidy.core import stop_signals
from tidy.core.cycles import paused

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
    return code


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
    # exit's own teardown, which still closes and flushes every file (os._exit would save
    # ~5 ms more, and lose what a file object not yet closed still holds).
    gc.freeze()
    return code


def _say_interrupted(stop: BaseException | None = None) -> None:
    # stderr closed or gone: the ending signal says it
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(stop_signals.interrupted_line(stop) + "\n")


if __name__ == "__main__":
    raise SystemExit(run())
