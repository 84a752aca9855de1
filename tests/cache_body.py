"""A content cache file's entries as tests read and tamper with them. read_cache() gives
the file as a body whose "paths" are a list and whose "stats" keep each path's stat key and
facts row packed (content_cache.PACKED, in hexadecimal, in the order of "paths"), and
write_cache() writes such a body back as save() writes one (FORMAT 7: the JSON, then the
paths and packed stats as a binary tail). entries() gives the records as lists [device,
inode, size, mtime_ns, ctime_ns, row] by path, and set_entries() writes such lists back."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tidy.workspace import content_cache
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


def read_cache(path: str | Path) -> dict[str, Any]:
    """A content cache file as a body of the shape entries() reads: its JSON (without the
    tail's "count" and "paths_bytes") with the binary tail's paths as "paths" and its packed
    stats in hexadecimal as "stats"."""
    data = Path(path).read_bytes()
    end = data.index(content_cache.TAIL)
    body: dict[str, Any] = json.loads(data[:end])
    tail = data[end + len(content_cache.TAIL):]
    count, names = body.pop("count"), body.pop("paths_bytes")
    paths = [os.fsdecode(name) for name in tail[:names].split(b"\0")[:-1]]
    assert len(paths) == count
    body["paths"], body["stats"] = paths, tail[names:].hex()
    return body


def write_cache(path: str | Path, body: dict[str, Any]) -> None:
    """A body as read_cache() gives it (changed by a test) written back as save() writes a
    cache: its JSON on one line, then the paths and the packed stats."""
    head = {key: value for key, value in body.items() if key not in ("paths", "stats")}
    names = b"".join(os.fsencode(rel) + b"\0" for rel in body["paths"])
    head.update(count=len(body["paths"]), paths_bytes=len(names))
    Path(path).write_bytes(json.dumps(head).encode() + content_cache.TAIL + names
                           + bytes.fromhex(body["stats"]))
