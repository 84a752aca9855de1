"""Fixtures shared by the safety tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.safety.moves_helpers import node_project
from tests.safety.other_user import USER


@pytest.fixture
def no_trash_of_its_own(tmp_path: Path) -> Iterator[Path]:
    """A project on a fresh tmpfs whose top folder is immutable: no `.tidy-trash` can be made
    there, its folders are writable, so its caches are copied into the state folder's trash."""
    point = tmp_path / "mnt"
    point.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tidy",
                                            str(point)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        root = node_project(point, repo=False)
        if subprocess.run(["chattr", "+i", str(root)], capture_output=True).returncode:
            pytest.skip("chattr +i is not supported here")
        yield root
    finally:
        subprocess.run(["chattr", "-R", "-i", str(point)], capture_output=True, check=False)
        subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture
def other_fs(tmp_path: Path) -> Iterator[Path]:
    """A fresh tmpfs: another filesystem than the state folder's."""
    point = tmp_path / "mnt"
    point.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tidy",
                                            str(point)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        yield point
    finally:
        subprocess.run(["chattr", "-R", "-i", str(point)], capture_output=True, check=False)
        subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture
def user_tree() -> Iterator[Path]:
    """A tmpfs owned by uid 65534 in a folder it can reach (pytest's tmp is private)."""
    point = Path(tempfile.mkdtemp(prefix="tidy-chmod-"))
    point.chmod(0o755)
    if os.geteuid() != 0 or shutil.which("strace") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size=16m,uid={USER},gid={USER},mode=0755",
             "tidy", str(point)], capture_output=True).returncode:
        point.rmdir()
        pytest.skip("needs root, strace and a tmpfs mount")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)
        point.rmdir()
