"""A folder's own mtime, put back by `tidy undo` with the entries moved out of it.

Moving an entry out of a folder (the fix) and back (undo) changes the folder's mtime twice:
the tree was back byte for byte but for that (real trees, round 21: app/static's mtime after
its dist/ came back), and a build tool or a backup that compares folder times sees a change.
The fix records the folder's mtime before its first move out (`parent_mtime_ns` in the trash
intent) and after each (`parent_after_ns` in its done entry); undo sets the first back once
the folder's entries are home, only where the folder's mtime is still what the fix's last
move left (or what undo itself set): a folder written to since keeps its newer time.
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from dataclasses import dataclass, field

from tidy.fixes.journal import Intent

BEFORE = "parent_mtime_ns"  # in the trash intent: the folder's mtime before the move
AFTER = "parent_after_ns"  # in its done entry: the folder's mtime once the item moved out


def folder_mtime(fd: int) -> dict[str, int]:
    """{BEFORE: mtime} of the open folder `fd`, or nothing when it cannot be read."""
    try:
        return {BEFORE: os.fstat(fd).st_mtime_ns}
    except OSError:
        return {}


def folder_mtime_after(fd: int) -> dict[str, int]:
    try:
        return {AFTER: os.fstat(fd).st_mtime_ns}
    except OSError:
        return {}


@dataclass
class FolderTimes:
    """The fix's times of each home folder of one undo (by a key the caller chooses), and
    what undo found and set there."""

    _first: dict[Hashable, tuple[int, int]] = field(default_factory=dict)  # seq, mtime
    _last: dict[Hashable, tuple[int, int]] = field(default_factory=dict)
    _expected: dict[Hashable, int] = field(default_factory=dict)
    _changed: set[Hashable] = field(default_factory=set)

    def note(self, key: Hashable, intent: Intent) -> None:
        """What the fix recorded of the intent's folder: its first "before", last "after"."""
        before = intent.entry.get(BEFORE)
        after = next((r.get(AFTER) for r in intent.results if r.get("op") == "done"), None)
        if not isinstance(before, int) or not isinstance(after, int) or not (
                0 <= before <= after):
            # A move with no times (an older tidy's), or times that cannot be (the journal is
            # tidy's own state, read as untrusted): the folder's time is not ours to set.
            self._changed.add(key)
            return
        if key not in self._first or intent.seq < self._first[key][0]:
            self._first[key] = (intent.seq, before)
        if key not in self._last or intent.seq > self._last[key][0]:
            self._last[key] = (intent.seq, after)

    def keep(self, key: Hashable) -> None:
        """An item of the folder was not put back (or only in part): its time stays."""
        self._changed.add(key)

    def look(self, key: Hashable, fd: int) -> None:
        """Before the first item goes back to the folder `fd` in a batch: whether its mtime
        is what the fix (or undo's last batch) left; if not, it is never set."""
        if key in self._changed or key not in self._first:
            return
        expected = self._expected.get(key, self._last[key][1])
        try:
            if os.fstat(fd).st_mtime_ns != expected:
                self._changed.add(key)
        except OSError:
            self._changed.add(key)

    def set_back(self, key: Hashable, fd: int) -> None:
        """Once the batch's items are home in the folder `fd`: its mtime as before the fix
        (its access time kept), unless it was changed otherwise."""
        if key in self._changed or key not in self._first:
            return
        before = self._first[key][1]
        try:
            os.utime(fd, ns=(os.fstat(fd).st_atime_ns, before))
        except OSError:  # not the owner, a read-only mount: left as it is from now on
            self._changed.add(key)
            return
        self._expected[key] = before
