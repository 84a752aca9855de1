"""Files found by the walk opened again below the scanned root, no link followed at any level.

The walk never follows a link, but a path it found (`lib/data.py`) is opened again later, by
the content pass, the duplicate hashing, the reference search: O_NOFOLLOW guards only its last
part, so a folder of the path swapped for a link between the walk and the read made the scan
read a file outside the root and report and cache its facts as the repo's (trust round 12).
`open_beneath` opens the path relative to a descriptor of a folder inside the root: in C
(tidy/workspace/_fastmeasure.c) with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS), one
system call as a plain openat; where openat2 is missing, and in the Python twin here
(`TIDY_PURE_PYTHON=1`, or the C module not built), each folder of the path is opened with
O_NOFOLLOW | O_DIRECTORY relative to the one above it.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from tidy.workspace.measure import native_open_beneath, open_beneath_py

__all__ = ["open_beneath", "open_beneath_py", "open_root"]


def open_root(path: str) -> int:
    """A descriptor of the scanned root to open its files below, the root itself opened as the
    user named it (a link given as the root is followed, as the walk does). Raises OSError."""
    return os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)


open_beneath: Callable[[int, str, int], int] = native_open_beneath() or open_beneath_py
