"""Byte-span splicing: replace exact spans of the original bytes, leave every other byte alone.

Edits are applied from the end of the file backwards (pyupgrade's way), so earlier offsets
stay valid. Generated text follows the file's own line endings and encoding.
"""

from __future__ import annotations

import codecs
import io
import itertools
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass


class RewriteError(ValueError):
    pass


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str  # with "\n" line ends; converted to the file's style and encoding on apply


def newline_of(data: bytes) -> str:
    """The file's line ending: CRLF when most of its lines end that way."""
    crlf = data.count(b"\r\n")
    return "\r\n" if crlf and crlf * 2 >= data.count(b"\n") else "\n"


def encoding_of(data: bytes) -> str:
    """The source encoding Python would use (PEP 263 cookie, BOM, else UTF-8)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        raise RewriteError(f"cannot tell the file's encoding: {error}") from None
    if codecs.lookup(encoding).name not in _ASCII_COMPATIBLE and not _ascii_compatible(encoding):
        raise RewriteError(f"encoding {encoding!r} is not ASCII-compatible; not supported")
    return encoding


_ASCII_COMPATIBLE = {"utf-8", "utf-8-sig", "latin-1", "iso8859-1", "ascii", "cp1252"}


def _ascii_compatible(encoding: str) -> bool:
    sample = bytes(range(32, 127))
    try:
        return sample.decode(encoding) == sample.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def splice(data: bytes, edits: Iterable[Edit], encoding: str = "utf-8") -> bytes:
    ordered = sorted(edits, key=lambda e: e.start)
    for before, after in itertools.pairwise(ordered):
        if before.end > after.start:
            raise RewriteError(f"overlapping edits at bytes {after.start}-{before.end}")
    newline = newline_of(data)
    out = data
    codec = _without_bom(encoding)
    for edit in reversed(ordered):
        if not 0 <= edit.start <= edit.end <= len(data):
            raise RewriteError(f"edit {edit.start}-{edit.end} outside the file")
        text = edit.text.replace("\n", newline) if newline != "\n" else edit.text
        out = out[:edit.start] + text.encode(codec) + out[edit.end:]
    return out


def _without_bom(encoding: str) -> str:
    """The codec that writes an edit's text: "utf-8-sig" (a module starting with a BOM) puts
    a BOM before each text it encodes, and every edit got one (libqutrub 1.2.4.1's
    triverbtable.py: "the rewritten module does not compile (invalid non-printable character
    U+FEFF)"); the module's own BOM stays where it is, before the first edit."""
    return "utf-8" if codecs.lookup(encoding).name == "utf-8-sig" else encoding
