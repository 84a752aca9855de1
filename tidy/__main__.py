"""`python -m tidy` and the `tidy` script: the command line, a Ctrl-C while it starts included.

Importing the command line (click, then the command's module) takes a tenth of a second on a
loaded machine; a Ctrl-C then used to print Python's traceback of the import. `run` says it in
one line and exits 130, as tidy.cli.main does for a Ctrl-C once it runs.
"""

from __future__ import annotations

import gc
import sys

_EXIT_INTERRUPTED = 130  # tidy.cli.exits.EXIT_INTERRUPTED; importing it imports click


def run() -> int:
    try:
        from tidy.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("tidy: interrupted\n")
        return _EXIT_INTERRUPTED
    code = main()
    # The process ends now: the interpreter's last cyclic collection would pass over every
    # object still alive (a scan's modules, caches and report) only to free them at exit
    # anyway (a warm 250k bench scan's exit: 22-28 -> 9-11 ms). Frozen, they are left to the
    # exit's own teardown, which still closes and flushes every file (os._exit would save
    # ~5 ms more, and lose what a file object not yet closed still holds).
    gc.freeze()
    return code


if __name__ == "__main__":
    raise SystemExit(run())
