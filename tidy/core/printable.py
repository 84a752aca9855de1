"""A name as text on one line: what every message that shows a path uses.

A file name may hold a newline (a message would split, a reader would see two entries) or
bytes that are not UTF-8 (os.fsdecode keeps them as lone surrogates, which a terminal
cannot show): both come out as escapes, \\n and \\xNN; printable text is left as it is.
"""

from __future__ import annotations


def printable(text: str) -> str:
    """`text` with undecodable bytes as \\xNN and control characters (a newline) escaped."""
    if text.isprintable():
        return text
    decoded = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in decoded)
