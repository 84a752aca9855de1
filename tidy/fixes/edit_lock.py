"""One lock per repository for tidy's config-file edits, so two tidy processes take turns.

Without it two `tidy fix` runs can both read `.gitignore`, and the second rename wins: the
first run's rules are silently gone and its undo can never match the file again. With it each
run reads, re-checks and writes (or undoes) its edits while holding an exclusive flock, so the
second one starts from what the first one wrote.

The lock file is `<git dir>/tidy-edit.lock` (shared by everyone who works in the repo, whatever
their state folder), else `<state>/locks/<hash of the root>.lock`. It is opened without
following links; it holds nothing and is never removed (removing a lock file others may have
open would let two holders in).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from collections.abc import Iterator

from tidy.core import state

LOCK_NAME = "tidy-edit.lock"
_FLAGS = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)


def _candidates(root: str) -> list[str]:
    from tidy.workspace.git import git_dir

    found = []
    directory = git_dir(root)
    if directory is not None:
        found.append(os.path.join(directory, LOCK_NAME))
    digest = hashlib.sha256(os.path.realpath(root).encode("utf-8", "surrogateescape"))
    found.append(os.path.join(state.state_dir(), "locks", digest.hexdigest()[:32] + ".lock"))
    return found


def _open(root: str) -> int:
    error: OSError | None = None
    for path in _candidates(root):
        try:
            if os.path.basename(path) != LOCK_NAME:
                state.ensure_dir(os.path.dirname(path))
            return os.open(path, _FLAGS, 0o600)
        except OSError as failed:  # a read-only git dir, a link planted as the lock file
            error = failed
    assert error is not None
    raise error


@contextlib.contextmanager
def editing(root: str) -> Iterator[None]:
    """Hold the repository's edit lock (waiting for another tidy process to finish)."""
    fd = _open(root)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
