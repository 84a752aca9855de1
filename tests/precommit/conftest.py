"""Fixtures shared by the hook tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import tidy
from tests.conftest import hermetic_env

SOURCE = Path(tidy.__file__).resolve().parent.parent  # this checkout


@pytest.fixture
def tidy_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH has a `tidy` that runs this checkout's tidy (the git hook
    script runs `tidy`)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "tidy"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tidy "$@"\n')
    wrapper.chmod(0o755)
    env = hermetic_env()
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["PYTHONPATH"] = str(SOURCE)
    return env
