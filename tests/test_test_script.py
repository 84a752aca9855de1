"""scripts/test.sh, the README's test command, as it meets a machine: tools already there are not
installed again, a missing one is, through sudo when not root, with a clear line when neither
works, and a held apt lock is waited for instead of failing the run.

Each run stops after the system tools (TIDY_TEST_ONLY=tools). PATH is a folder of links to
every program on the test's own PATH, minus the ones a test hides; `apt-get` and `sudo` are
recording stand-ins except in the lock test, which runs the real apt-get against a real lock.
"""

from __future__ import annotations

import fcntl
import os
import pwd
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import hermetic_env
from tests.tidy_copies import SOURCE

SCRIPT = SOURCE / "scripts" / "test.sh"
LOCK = Path("/var/lib/dpkg/lock-frontend")
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (real apt, another user)")


def _wants() -> list[tuple[str, list[str]]]:
    """The script's own list: `want PACKAGE COMMAND...` lines, in order."""
    found = re.findall(r"^want (\S+) ([^#\n]+)", SCRIPT.read_text(), flags=re.M)
    return [(package, commands.split()) for package, commands in found]


def _present(command: str, path: str) -> bool:
    if "/" in command:
        return os.access(command, os.X_OK)
    return shutil.which(command, path=path) is not None


def _recorder(bin_dir: Path, name: str, log: Path, code: int) -> None:
    script = bin_dir / name
    script.unlink(missing_ok=True)
    script.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexit {code}\n')
    script.chmod(0o755)


@pytest.fixture
def machine(shared_tmp: Path) -> Iterator[Path]:
    """A PATH folder linking every program the tests see, and python3 from a real venv that
    any user can run (so the python3-venv check has nothing to add)."""
    bin_dir = shared_tmp / "bin"
    bin_dir.mkdir()
    for folder in os.environ["PATH"].split(os.pathsep):
        for entry in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            link = bin_dir / entry
            target = os.path.join(folder, entry)
            if not os.path.lexists(link) and os.access(target, os.X_OK) and \
                    not os.path.isdir(target):
                link.symlink_to(target)
    system_python = shutil.which("python3", path="/usr/bin:/bin") or sys.executable
    subprocess.run([system_python, "-m", "venv", "--without-pip", str(shared_tmp / "venv")],
                   check=True)
    (bin_dir / "python3").unlink(missing_ok=True)
    (bin_dir / "python3").symlink_to(shared_tmp / "venv" / "bin" / "python3")
    for name in ("sudo", "brew"):
        (bin_dir / name).unlink(missing_ok=True)
    yield bin_dir


def _run(bin_dir: Path, user: str | None = None) -> subprocess.CompletedProcess[str]:
    """The script from a copy of scripts/ beside `bin_dir` (readable by any user; no .venv)."""
    checkout = bin_dir.parent / "checkout"
    if not checkout.exists():
        shutil.copytree(SCRIPT.parent, checkout / "scripts",
                        ignore=shutil.ignore_patterns("node_modules"))
    env = hermetic_env({"PATH": str(bin_dir), "TIDY_TEST_ONLY": "tools"})
    return subprocess.run(["bash", str(checkout / "scripts" / "test.sh")], env=env,
                          capture_output=True, text=True, timeout=900, check=False, user=user,
                          cwd="/")


def _installs(log: Path) -> list[list[str]]:
    """Package lists of the recorded `apt-get ... install -y -qq PACKAGES` calls."""
    calls = log.read_text().splitlines() if log.exists() else []
    return [line.split(" install -y -qq ", 1)[1].split() for line in calls if " install " in line]


@as_root
def test_tools_already_on_path_are_not_installed_again(machine: Path, shared_tmp: Path) -> None:
    log = shared_tmp / "apt.log"
    _recorder(machine, "apt-get", log, 0)
    missing = [p for p, commands in _wants() if not any(_present(c, str(machine))
                                                        for c in commands)]

    run = _run(machine)

    assert run.returncode == 0, run.stderr
    assert _installs(log) == ([missing] if missing else [])
    if not missing:
        assert not log.exists() and "installing" not in run.stderr


@as_root
def test_a_missing_tool_is_installed_with_the_lock_timeout(machine: Path,
                                                           shared_tmp: Path) -> None:
    log = shared_tmp / "apt.log"
    _recorder(machine, "apt-get", log, 0)
    (machine / "jdupes").unlink()
    missing = [p for p, commands in _wants() if not any(_present(c, str(machine))
                                                        for c in commands)]
    assert "jdupes" in missing

    run = _run(machine)

    assert run.returncode == 0, run.stderr
    assert _installs(log) == [missing]
    calls = log.read_text().splitlines()
    assert calls and all(c.startswith("-o DPkg::Lock::Timeout=600 ") for c in calls)
    assert f"installing with apt-get: {' '.join(missing)}" in run.stderr


@as_root
def test_not_root_uses_sudo_and_says_what_to_install_when_that_fails(
        machine: Path, shared_tmp: Path) -> None:
    apt_log, sudo_log = shared_tmp / "apt.log", shared_tmp / "sudo.log"
    _recorder(machine, "apt-get", apt_log, 0)
    (machine / "jdupes").unlink()
    shared_tmp.chmod(0o777)  # the recorders' logs are written by nobody

    without_sudo = _run(machine, user="nobody")
    assert without_sudo.returncode == 0, without_sudo.stderr
    hint = next(line for line in without_sudo.stderr.splitlines() if "run:  " in line)
    assert "sudo apt-get install " in hint and " jdupes" in hint
    assert "now running the tests that can run" in without_sudo.stderr
    assert not apt_log.exists()  # never apt-get as an ordinary user

    _recorder(machine, "sudo", sudo_log, 1)  # sudo that says no (no password, not allowed)
    with_sudo = _run(machine, user="nobody")
    assert with_sudo.returncode == 0, with_sudo.stderr
    calls = sudo_log.read_text().splitlines()
    assert calls and re.match(r"(env DEBIAN_FRONTEND=noninteractive )?apt-get -o "
                              r"DPkg::Lock::Timeout=600 (update|install)", calls[0])
    assert "installing with sudo apt-get:" in with_sudo.stderr
    assert "could not install" in with_sudo.stderr
    assert pwd.getpwnam("nobody").pw_uid != 0


def _hold_apt_lock(seconds: float) -> subprocess.Popen[str]:
    """Another process holding dpkg's frontend lock as apt and dpkg take it (fcntl, not
    flock(1): apt would not see a flock)."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, os, sys, time\n"
         f"fd = os.open({str(LOCK)!r}, os.O_RDWR | os.O_CREAT, 0o640)\n"
         "fcntl.lockf(fd, fcntl.LOCK_EX)\n"
         "print('held', flush=True)\n"
         f"time.sleep({seconds})\n"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def _installed_package(name: str) -> bool:
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True,
                            text=True, check=False).stdout
    return status == "install ok installed"


@as_root
def test_a_held_apt_lock_is_waited_for(machine: Path) -> None:
    if not (shutil.which("apt-get") and _installed_package("jdupes")):
        pytest.fail("needs Debian's apt-get and jdupes installed (scripts/test.sh does both)")
    (machine / "jdupes").unlink()  # so the script asks apt for it (already installed: no change)
    assert fcntl.LOCK_EX  # the lock type apt uses, taken below

    holder = _hold_apt_lock(4)
    try:
        impatient = subprocess.run(["apt-get", "install", "-y", "-qq", "jdupes"],
                                   capture_output=True, text=True, check=False)
        assert impatient.returncode != 0 and "Could not get lock" in impatient.stderr
        started = time.monotonic()
        run = _run(machine)
        waited = time.monotonic() - started
    finally:
        holder.wait(timeout=60)

    assert run.returncode == 0, run.stderr
    assert "could not install" not in run.stderr
    assert waited >= 2.5, waited  # it waited for the holder instead of failing at once
