"""A content cache file's entries as tests read and tamper with them: its body keeps each
path's stat key and facts row packed (content_cache.PACKED, in hexadecimal, in the order of
"paths"); these give them as lists [device, inode, size, mtime_ns, ctime_ns, row] by path,
and write such lists back."""

from __future__ import annotations

from typing import Any

from tidy.workspace.content_cache import PACKED


def entries(body: dict[str, Any]) -> dict[str, list[int]]:
    """The body's entries by path, each [device, inode, size, mtime_ns, ctime_ns, row]."""
    packed = bytes.fromhex(body["stats"])
    return {rel: list(record)
            for rel, record in zip(body["paths"], PACKED.iter_unpack(packed), strict=True)}


def set_entries(body: dict[str, Any], rows: dict[str, list[int]]) -> None:
    """Replace the body's entries with `rows` (as entries() gives them)."""
    body["paths"] = list(rows)
    body["stats"] = b"".join(PACKED.pack(*row) for row in rows.values()).hex()


def set_row(body: dict[str, Any], rel: str, index: int, value: int) -> None:
    """One number of `rel`'s entry changed (index 5: its facts row)."""
    rows = entries(body)
    rows[rel][index] = value
    set_entries(body, rows)
