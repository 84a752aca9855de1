"""Copies of this tidy tree as a user meets it: a git repository to install from, and a
virtualenv that installs tidy from it the way the CI templates do (pip, git URL, commit).

The copy holds what a wheel needs (pyproject.toml, README.md, tidy/) and the hook manifest,
committed, so a URL plus a commit names exactly this code. The scratch virtualenv borrows the
test environment's third-party packages through a .pth line (appended to sys.path after its own
site-packages, so the tidy pip installs there is the one imported) instead of downloading them:
`PIP_NO_DEPS=1`, `PIP_NO_INDEX=1` and `PIP_NO_BUILD_ISOLATION=0` (pip reads that negative
option inverted: 0 turns isolation off) keep pip offline and fast while the
template's own install command runs unchanged.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import tidy
from tests.conftest import commit, git, hermetic_env, make_repo

SOURCE = Path(tidy.__file__).resolve().parent.parent


def committed_copy(dest: Path) -> tuple[Path, str]:
    """A git repository holding this tidy tree in one commit: (path, commit id)."""
    dest.mkdir(parents=True)
    for name in ("pyproject.toml", "setup.py", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(SOURCE / name, dest / name)
    shutil.copytree(SOURCE / "tidy", dest / "tidy",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.so"))
    make_repo(dest)
    commit(dest, message="tidy, as published")
    return dest, git(dest, "rev-parse", "HEAD").strip()


def scratch_venv(folder: Path) -> Path:
    """A new virtualenv (with pip) that sees the test environment's packages; its bin/."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True,
                   capture_output=True)
    site = subprocess.run([str(folder / "bin" / "python"), "-c",
                           "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    borrowed = sysconfig.get_paths()["purelib"]  # click, rich, setuptools, ... of the tests
    (Path(site) / "borrowed-test-packages.pth").write_text(borrowed + "\n")
    return folder / "bin"


def ci_env(bin_dir: Path, **extra: str) -> dict[str, str]:
    """A CI job's environment: this venv's python and tidy first on PATH, pip kept offline."""
    env = hermetic_env({"PIP_NO_DEPS": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_NO_INDEX": "1",
                        "PIP_DISABLE_PIP_VERSION_CHECK": "1", **extra})
    env["PIP_CACHE_DIR"] = str(bin_dir.parent / "pip-cache")  # never the user's cache
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    return env
