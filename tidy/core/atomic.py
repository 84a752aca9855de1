"""Replacing a file in one rename, the way every writer in tidy does it (DESIGN.md rule 4).

This is for tidy's own files at paths the user or tidy chose (scheduler units, extraction
output). A config file inside a scanned root (.gitignore, .vscode/settings.json,
pyproject.toml ...) is edited with tidy.core.swap.swap_in_root instead, which never goes
through a link and replaces the file only while it is still the one read.
"""

from __future__ import annotations

import os
import stat

from tidy.core.safe_files import replace_at


def atomic_write(path: str, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` in one rename: readers see the old file or the new one.

    The temp file lives in the same folder (same filesystem, so the rename is atomic) and
    gets `mode`, else the old file's mode, else 0666 minus the umask, like `open()` would.
    A symlink is written through, to its target, so the link stays a link. A temp file a
    killed writer left in that folder is removed first (tidy.core.safe_files.remove_stale_temps).
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    final_mode = mode if mode is not None else _mode_for(target)
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        replace_at(fd, os.path.basename(target), data, final_mode)
    finally:
        os.close(fd)


def _mode_for(path: str) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
