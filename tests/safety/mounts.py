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


@contextlib.contextmanager
def ext4_or_here(point: Path, size: str = "16M", mkfs: tuple[str, ...] = ()) -> Iterator[Path]:
    """A fresh ext4 filesystem of its own (an image file, loop-mounted) at the (existing, empty)
    folder `point`, where root can mount one; else `point` as it is, on whatever filesystem
    holds it. On a filesystem no other process writes to, what ext4 does with freed inode
    numbers (hands the lowest free one in the folder's group to the next file made) is what
    the test meets every time, not only on a quiet machine. `mkfs`: more options of
    mkfs.ext4 (`-I 128`: inodes with no room for a birth time)."""
    image = point.parent / (point.name + ".img")
    mounted = False
    if os.geteuid() == 0:
        made = subprocess.run(["truncate", "-s", size, str(image)], capture_output=True)
        if made.returncode == 0 and subprocess.run(
                ["mkfs.ext4", "-q", "-F", *mkfs, str(image)], capture_output=True).returncode == 0:
            mounted = subprocess.run(["mount", "-o", "loop", str(image), str(point)],
                                     capture_output=True).returncode == 0
    try:
        yield point
    finally:
        if mounted:
            subprocess.run(["chattr", "-R", "-i", str(point)], capture_output=True, check=False)
            subprocess.run(["umount", "-l", str(point)], check=False)
        image.unlink(missing_ok=True)
