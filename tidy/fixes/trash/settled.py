"""After a rename into the trash: did anything in the moved item change after the scan began?

The re-check before a move (fixes/recheck.py step 6) walks the item, but a batch checks up to
256 items, syncs their intents, then renames each, so a write can land between an item's
walk and its rename (and in a tree past FULL_CHECK_ENTRIES, a file rewritten in place shows in
no folder's times). Once renamed, the item is out of every path-based writer's reach (the
rename is atomic): what the moved tree holds now is what moved. So it is walked once more,
from the held descriptor, every entry lstat'ed; anything changed after the plan's `since_ns`
sends the whole item back (move._rename_in), and the user's write stays where they made it.

Not seen: a write through a descriptor opened before the move (a program still holding a
file open writes into it in the trash; the in-use look of /proc, step 8, is what keeps
those), made after this walk has passed its folder.
"""

from __future__ import annotations

import os
import stat

from tidy.fixes.fdops import lstat_at, walk_fds, why
from tidy.fixes.recheck import Opened, written_since


def first_change(item: Opened, slot_fd: int, since_ns: int) -> str | None:
    """What in the item renamed into `slot_fd` changed since the check, or after the scan
    began (`since_ns`): "." for the item itself (its own mtime moved: an entry made or
    removed directly in it, a file item rewritten), a relative path for an entry inside,
    a sentence when the moved tree cannot be read through (a folder swapped for a link);
    None when nothing did. The rename itself changes the item's ctime, not its mtime, nor
    anything's inside."""
    st = lstat_at(slot_fd, item.name)
    if st.st_mtime_ns != item.st.st_mtime_ns:
        return "."
    if item.fd < 0 or not stat.S_ISDIR(st.st_mode) or since_ns <= 0:
        return None
    try:
        for _fd, rel, entries in walk_fds(item.fd):
            for entry in entries:
                found = entry.stat(follow_symlinks=False)
                if written_since(found, since_ns) or (
                        stat.S_ISDIR(found.st_mode) and found.st_dev != st.st_dev):
                    return f"{rel}/{entry.name}" if rel else entry.name
    except OSError as error:
        return f"(cannot be read through after the move: {why(error)})"
    return None


def where_changed(path: str, change: str) -> str:
    """`first_change`'s answer as a path below the item's planned `path`."""
    if change == ".":
        return path
    if change.startswith("("):
        return f"{path} {change}"
    return os.path.join(path, change)
