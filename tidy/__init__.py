"""tidy: find and safely clean caches, build artifacts and repository bloat."""

from __future__ import annotations

import sys
from types import TracebackType

__version__ = "0.1.0"

_python_hook = sys.excepthook


def _interrupted_is_one_line(kind: type[BaseException], error: BaseException,
                             trace: TracebackType | None) -> None:
    """A Ctrl-C while the `tidy` script imports tidy (before tidy.__main__.run can catch it,
    the first tens of milliseconds of a run on a loaded machine): one line instead of
    Python's traceback of the import; Python then ends the process by the SIGINT, as
    run() does. Set here, the first of tidy's code any start runs; every other exception
    goes to Python's hook."""
    if issubclass(kind, KeyboardInterrupt):
        sys.stderr.write("tidy: interrupted\n")
        return
    _python_hook(kind, error, trace)


sys.excepthook = _interrupted_is_one_line

# After the hook (a Ctrl-C while typing is imported here is one line too: a loaded machine
# spent the test's 0.125 s in it), before any of tidy's dataclasses is made: their methods
# but __init__ compiled where used.
from tidy import _dataclass_methods  # noqa: E402

_dataclass_methods.install()
