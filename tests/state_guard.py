"""The guard that keeps the suite out of the real user's tidy state.

tidy keeps journals, trash, the audit log and the history database under its state folder
(TIDY_STATE_DIR, else $XDG_STATE_HOME/tidy, else ~/.local/state/tidy). The suite gives the
whole session and then every test a TIDY_STATE_DIR of its own (conftest.py); a fixture of a
wider scope (module, session) runs before the per-test one, so the session's is set first.

The guard reads what is in the real state folders (as the environment named them before the
suite changed it) when the session starts and again after every test: a test that added,
removed or changed an entry there (two levels deep: the state folder, runs/, extract/ ...)
fails by name. Another tidy process writing there during that test would fail it too: the
guard cannot tell writers apart, so such a failure names what changed for a person to judge.
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


def fingerprint(folders: list[str], depth: int = 2) -> Fingerprint:
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


def changes(before: Fingerprint, after: Fingerprint) -> list[str]:
    """What differs, one line each: `added PATH`, `removed PATH`, `changed PATH`."""
    lines = [f"added {p}" for p in sorted(after.keys() - before.keys())]
    lines += [f"removed {p}" for p in sorted(before.keys() - after.keys())]
    lines += [f"changed {p}" for p in sorted(before.keys() & after.keys())
              if before[p] != after[p]]
    return lines
