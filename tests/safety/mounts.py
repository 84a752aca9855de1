"""A fresh tmpfs for a test: another filesystem, a size limit, an owner or a mode of its own."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def tmpfs(point: Path, options: str = "size=64m") -> Iterator[Path]:
    """Mount a tmpfs at the (existing, empty) folder `point` with `options`; skip the test
    where mounting is not possible (not root, no mount rights). Unmounted afterwards, with
    any immutable flag a test set taken off first."""
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tidy",
                                            str(point)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        yield point
    finally:
        subprocess.run(["chattr", "-R", "-i", str(point)], capture_output=True, check=False)
        subprocess.run(["umount", "-l", str(point)], check=False)
