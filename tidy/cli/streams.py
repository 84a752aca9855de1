"""Standard output as every command can write to it, whatever the process was started with.

Two starts made every printing command an internal error (exit 3) before this:
- stdout closed (`tidy scan >&-`, a service or a parent that closed it): Python's sys.stdout
  is None, and the first `sys.stdout.isatty()` raised AttributeError;
- a locale whose encoding cannot write every character (LANG=en_US.ISO-8859-1,
  PYTHONIOENCODING=ascii): the first arrow, box line or CJK file name raised
  UnicodeEncodeError. Python's stderr already writes such characters as escapes
  (errors="backslashreplace"); stdout now does the same: `\\u2192` instead of a crash, as
  tidy/core/printable.py writes undecodable bytes of a name as `\\xff`.
"""

from __future__ import annotations

import io
import sys

CLOSED_MESSAGE = ("standard output is closed, so the output was not written anywhere "
                  "(give it one: `> FILE`, or -o FILE where the command takes it)")


class ClosedStdout(io.TextIOBase):
    """What stands in for a closed stdout: takes every write, remembers that something was
    lost, and is not a terminal. main() turns a lost write into a one-line error, exit 2."""

    def __init__(self) -> None:
        super().__init__()
        self.lost = False

    def write(self, text: str) -> int:
        self.lost = self.lost or bool(text)
        return len(text)

    def isatty(self) -> bool:
        return False


def make_usable() -> ClosedStdout | None:
    """Fix up sys.stdout; the stand-in when it was closed (None otherwise)."""
    if sys.stdout is None:
        stand_in = ClosedStdout()
        sys.stdout = stand_in
        return stand_in
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and getattr(sys.stdout, "errors", "") == "strict":
        reconfigure(errors="backslashreplace")
    return None
