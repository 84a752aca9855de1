"""Replacing a file in one rename, the way every writer in tidy does it (DESIGN.md rule 4)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


def atomic_write(path: str, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` in one rename: readers see the old file or the new one.

    The temp file lives in the same folder (same filesystem, so the rename is atomic) and
    gets `mode`, else the old file's mode, else 0666 minus the umask, like `open()` would.
    A symlink is written through, to its target, so the link stays a link.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    final_mode = mode if mode is not None else _mode_for(target)
    fd, temp = tempfile.mkstemp(prefix=".tidy-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, final_mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _mode_for(path: str) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
