"""The guard that keeps the suite out of the real user's tidy state.

tidy keeps journals, trash, the audit log and the history database under its state folder
(TIDY_STATE_DIR, else $XDG_STATE_HOME/tidy, else ~/.local/state/tidy). The suite gives the
whole session and then every test a TIDY_STATE_DIR of its own (conftest.py); a fixture of a
wider scope (module, session) runs before the per-test one, so the session's is set first.

The guard reads what is in the real state folders (as the environment named them before the
suite changed it) when the session starts and again after every test. The user, or another
engineer's tidy, may write there at the same time: a write is this session's when it names
this session's temporary folder (every test's repos live there, and tidy records the paths it
scanned, fixed or extracted: the history database, journals, the audit log, extraction
records). A test after which a changed file there names that folder more often than before
fails, naming the file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping

Fingerprint = dict[str, tuple[int, int, int]]


def real_state_dirs(environ: Mapping[str, str]) -> list[str]:
    """Every folder a tidy run with this environment (or a plain HOME) would write state to."""
    home = environ.get("HOME") or os.path.expanduser("~")
    found = [os.path.join(home, ".local", "state", "tidy")]
    if sys.platform == "darwin":
        found.append(os.path.join(home, "Library", "Application Support", "tidy"))
    xdg = environ.get("XDG_STATE_HOME", "")
    if os.path.isabs(xdg):
        found.append(os.path.join(xdg, "tidy"))
    if environ.get("TIDY_STATE_DIR"):
        found.append(os.path.abspath(os.path.expanduser(environ["TIDY_STATE_DIR"])))
    return list(dict.fromkeys(os.path.normpath(p) for p in found))


def _entries(folder: str, depth: int) -> Iterator[str]:
    yield folder
    if depth == 0:
        return
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        if os.path.isdir(path) and not os.path.islink(path):
            yield from _entries(path, depth - 1)
        else:
            yield path


def fingerprint(folders: list[str], depth: int = 3) -> Fingerprint:
    """path -> (size, mtime_ns, inode) of the folders and what they hold, `depth` deep."""
    found: Fingerprint = {}
    for folder in folders:
        for path in _entries(folder, depth):
            try:
                info = os.lstat(path)
            except OSError:
                continue
            found[path] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return found


def mentions(path: str, needle: bytes, limit: int = 256 << 20) -> int:
    """How often the regular file at `path` holds `needle` (0 for anything else)."""
    try:
        if not os.path.isfile(path) or os.path.islink(path) or os.path.getsize(path) > limit:
            return 0
        with open(path, "rb") as f:
            return f.read().count(needle)
    except OSError:
        return 0


class Guard:
    """The real state as last seen, and how often each file there named this session."""

    def __init__(self, folders: list[str], session_tmp: str) -> None:
        self.folders = folders
        self.needle = os.fsencode(session_tmp.rstrip(os.sep) + os.sep)
        self.seen = fingerprint(folders)
        self.named: dict[str, int] = {}

    def written_since(self) -> list[str]:
        """The files changed since the last look that name this session more than before."""
        now = fingerprint(self.folders)
        changed = [p for p in now if self.seen.get(p) != now[p]]
        self.seen = now
        found = []
        for path in changed:
            count = mentions(path, self.needle)
            if count > self.named.get(path, 0):
                found.append(path)
            self.named[path] = count
        return found
