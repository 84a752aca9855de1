"""Reads that say where a finding shows in a file (core.models.Anchor, made by the engine):
the first file of an untracked folder, the number of lines of a file, the line of a key."""

from __future__ import annotations

import os
import posixpath
import re

from tidy.core.safe_files import UnsafeFile, read_regular
from tidy.workspace.beneath import open_beneath, open_root


def first_file(root: str, rel: str, limit: int = 1000) -> str | None:
    """The first regular file below root/rel in name order (at most `limit` entries looked
    at, links never followed): an untracked folder's own file, when nothing else says more.
    Each folder is opened below the root with no link followed at any level
    (workspace/beneath): a folder of `rel` swapped for a link since the walk lends the
    anchor no outside file's name."""
    try:
        top = open_root(root)
    except OSError:
        return None
    try:
        return _first_file_below(top, rel, limit)
    finally:
        os.close(top)


def _first_file_below(top: int, rel: str, limit: int) -> str | None:
    pending, seen = [rel], 0
    while pending and seen < limit:
        folder = pending.pop(0)
        try:
            fd = open_beneath(top, folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            with os.scandir(fd) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue
        finally:
            os.close(fd)
        for entry in entries:
            seen += 1
            child = posixpath.join(folder, entry.name)
            if entry.is_file(follow_symlinks=False):
                return child
            if entry.is_dir(follow_symlinks=False):
                pending.append(child)
    return None


def line_count(path: str) -> int | None:
    """Lines of a regular file (None when it is not one, or unreadable): where an added line
    would go. Never opens a FIFO or follows a link (tidy.core.safe_files)."""
    try:
        data = read_regular(path, limit=1 << 20, head=True)
    except (UnsafeFile, OSError):
        return None
    return None if data is None else data.count(b"\n")


def line_of_key(path: str, key: str) -> int:
    """The line that sets `key` in a TOML file (1 when it cannot be found or read)."""
    try:
        data = read_regular(path, follow_links=True) or b""
    except (UnsafeFile, OSError):
        return 1
    pattern = re.compile(rb"^\s*" + re.escape(key.encode()) + rb"\s*=")
    for number, line in enumerate(data.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1
