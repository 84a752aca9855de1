"""Fixtures shared by the safety tests."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.safety.mounts import tmpfs
from tests.safety.moves_helpers import node_project
from tests.safety.other_user import USER


@pytest.fixture
def as_root() -> None:
    """Root only: the owner tests give files to another user."""
    import os

    if os.geteuid() != 0:
        pytest.skip("needs root, to give files to another user")


@pytest.fixture
def no_trash_of_its_own(tmp_path: Path) -> Iterator[Path]:
    """A project on a fresh tmpfs whose top folder is immutable: no `.tidy-trash` can be made
    there, its folders are writable, so its caches are copied into the state folder's trash."""
    point = tmp_path / "mnt"
    point.mkdir()
    with tmpfs(point):
        root = node_project(point, repo=False)
        if subprocess.run(["chattr", "+i", str(root)], capture_output=True).returncode:
            pytest.skip("chattr +i is not supported here")
        yield root


@pytest.fixture
def other_fs(tmp_path: Path) -> Iterator[Path]:
    """A fresh tmpfs: another filesystem than the state folder's."""
    point = tmp_path / "mnt"
    point.mkdir()
    with tmpfs(point):
        yield point


@pytest.fixture
def user_tree() -> Iterator[Path]:
    """A tmpfs owned by uid 65534 in a folder it can reach (pytest's tmp is private)."""
    if shutil.which("strace") is None:
        pytest.skip("needs strace")
    point = Path(tempfile.mkdtemp(prefix="tidy-chmod-"))
    point.chmod(0o755)
    try:
        with tmpfs(point, f"size=16m,uid={USER},gid={USER},mode=0755"):
            yield point
    finally:
        point.rmdir()
