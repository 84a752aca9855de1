"""scripts/install.sh, the README's first command, for a user who has neither pipx nor the
right to install it: it must end on one line that says what to do, not on sudo's own words.

PATH is a folder of links to every program on the test's PATH except pipx; `sudo` and
`apt-get` are recording stand-ins, so no package is ever installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import hermetic_env
from tests.tidy_copies import SOURCE

as_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (runs as another user)")


@pytest.fixture
def without_pipx(shared_tmp: Path) -> Iterator[Path]:
    bin_dir = shared_tmp / "bin"
    bin_dir.mkdir()
    for folder in os.environ["PATH"].split(os.pathsep):
        for entry in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            target = os.path.join(folder, entry)
            link = bin_dir / entry
            if entry != "pipx" and not os.path.lexists(link) and os.access(target, os.X_OK) \
                    and not os.path.isdir(target):
                link.symlink_to(target)
    log = shared_tmp / "calls.log"
    for name in ("sudo", "apt-get"):  # sudo says no: no password, not in sudoers
        (bin_dir / name).unlink(missing_ok=True)
        (bin_dir / name).write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\nexit 1\n')
        (bin_dir / name).chmod(0o755)
    shared_tmp.chmod(0o777)  # the stand-ins' log is written by nobody
    shutil.copytree(SOURCE / "scripts", shared_tmp / "checkout" / "scripts",
                    ignore=shutil.ignore_patterns("node_modules"))
    yield bin_dir


@as_root
def test_a_user_who_may_not_sudo_gets_one_line_saying_what_to_do(without_pipx: Path) -> None:
    script = without_pipx.parent / "checkout" / "scripts" / "install.sh"
    done = subprocess.run(["bash", str(script)], env=hermetic_env({"PATH": str(without_pipx)}),
                          capture_output=True, text=True, timeout=120, check=False,
                          user="nobody", cwd="/")
    assert done.returncode == 1, done.stderr
    calls = (without_pipx.parent / "calls.log").read_text().splitlines()
    assert calls and all(c.startswith("sudo ") for c in calls), calls  # tried, as asked
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("scripts/install.sh: could not install pipx with sudo"), done.stderr
    assert "apt-get install pipx" in last and "virtualenv" in last, last
