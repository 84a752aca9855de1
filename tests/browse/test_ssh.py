"""`tidy browse` over a real SSH connection: a private sshd on 127.0.0.1, the real `ssh -tt`
client in an 80x24 pseudo-terminal, the app on the remote pty sshd makes. Look, mark, see the
plan, apply, quit; the terminal is given back and `tidy undo` restores the tree.

The sshd is this test's own: its own host key, an authorized key made here, a port the kernel
picked, no PAM; the client reads no ~/.ssh (`-F /dev/null`, known hosts to /dev/null).
"""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browse.helpers import (
    ALT_SCREEN_OFF,
    journal,
    plan_the_artifacts,
    read_until,
    terminal,
    tree_snapshot,
    type_keys,
    workspace,
)
from tests.conftest import hermetic_env, run_cli

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (os.access(SSHD, os.X_OK) and shutil.which("ssh")),
                       reason="OpenSSH is not installed: run `bash scripts/test.sh` (it "
                              "installs openssh-server)"),
]


@dataclass(frozen=True)
class Server:
    port: int
    key: Path  # the client's private key


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _keygen(path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)],
                   check=True, timeout=30)


def _as_root() -> list[str] | None:
    """How to start sshd as root: sshd run by another user cannot give a login a terminal
    ("Attempt to write login records by non-root user"). Root itself, or sudo without a
    password (scripts/test.sh's normal-user case); None when neither."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True,
                                               check=False, timeout=30).returncode == 0:
        return ["sudo", "-n"]
    return None


def _privsep_ready(prefix: list[str]) -> bool:
    """sshd run by root wants its privilege-separation folder (the service unit makes it)."""
    if os.path.isdir("/run/sshd"):
        return True
    made = subprocess.run([*prefix, "mkdir", "-p", "-m", "0755", "/run/sshd"],
                          capture_output=True, check=False, timeout=30)
    return made.returncode == 0


def _listening(port: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.05)
    return False


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[Server]:
    prefix = _as_root()
    if prefix is None:
        pytest.skip("sshd gives a terminal only when started as root: run as root or with "
                    "passwordless sudo")
    if not _privsep_ready(prefix):
        pytest.skip("/run/sshd is missing and cannot be made")
    folder = tmp_path / "sshd"
    folder.mkdir()
    _keygen(folder / "host")
    _keygen(folder / "user")
    authorized = folder / "authorized_keys"
    authorized.write_bytes((folder / "user.pub").read_bytes())
    authorized.chmod(0o600)
    port = _free_port()
    config = folder / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder / 'host'}\n"
        f"AuthorizedKeysFile {authorized}\nPidFile {folder / 'sshd.pid'}\n"
        "UsePAM no\nStrictModes no\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
        "PermitUserEnvironment no\nPrintMotd no\nPrintLastLog no\n")
    log = folder / "sshd.log"
    with open(log, "wb") as out:
        server = subprocess.Popen([*prefix, SSHD, "-D", "-e", "-f", str(config)], stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        if not _listening(port, time.monotonic() + 20):
            pytest.fail(f"sshd did not start: {log.read_text(errors='replace')[-2000:]}")
        yield Server(port, folder / "user")
    finally:
        server.terminate()  # sudo passes the signal on to sshd
        server.wait(timeout=20)


def _ssh_command(server: Server, remote: str) -> list[str]:
    return ["ssh", "-tt", "-F", "/dev/null", "-i", str(server.key), "-p", str(server.port),
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
            f"{getpass.getuser()}@127.0.0.1", remote]


def _remote_browse(root: Path, state: Path) -> str:
    """What the remote shell runs: sshd gives a login environment, so the test's own (its
    state folder, hermetic git, this interpreter) is passed explicitly, and nothing else."""
    env = hermetic_env({"TIDY_STATE_DIR": str(state), "TERM": "xterm-256color",
                        "LANG": "C.UTF-8"})
    keep = ("PATH", "HOME", "TIDY_STATE_DIR", "TERM", "LANG", "GIT_CONFIG_GLOBAL",
            "GIT_CONFIG_NOSYSTEM", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME",
            "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
            "GIT_COMMITTER_EMAIL")
    assigns = [f"{name}={shlex.quote(env[name])}" for name in keep if name in env]
    return (f"cd {shlex.quote(str(root))} && exec env -i {' '.join(assigns)} "
            f"{shlex.quote(sys.executable)} -m tidy browse .")



def test_browse_over_ssh_marks_applies_quits_and_undo_restores(
        tmp_path: Path, sshd: Server, state_dir: Path) -> None:
    root = workspace(tmp_path / "ws")
    before = tree_snapshot(root)
    master, slave = terminal()
    client = subprocess.Popen(_ssh_command(sshd, _remote_browse(root, state_dir)),
                              stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
                              env=hermetic_env())
    os.close(slave)
    seen = bytearray()
    try:
        assert read_until(master, b"scanned in", seen, 90), bytes(seen[-3000:])
        # The status line and the rows may come in separate frames (Textual paints what
        # changed, ssh cuts the stream where it likes): wait for the rows themselves.
        assert read_until(master, b"node_modules", seen, 30), bytes(seen[-3000:])
        plan_the_artifacts(master, seen)
        type_keys(master, b"y", seen)
        assert read_until(master, b"done 3 items", seen, 60), bytes(seen[-3000:])
        type_keys(master, b"\x1b", seen)  # back from the result
        type_keys(master, b"q", seen)
        deadline = time.monotonic() + 30
        while client.poll() is None and time.monotonic() < deadline:
            read_until(master, b"\0never\0", seen, 0.05)
        code = client.wait(timeout=5)
    finally:
        if client.poll() is None:
            client.kill()
            client.wait()
        os.close(master)
    assert code == 0, bytes(seen[-3000:])
    assert ALT_SCREEN_OFF in seen  # the remote terminal was given back
    assert b"Traceback" not in seen
    for rel in ("web/node_modules", "api/pkg/__pycache__", "api/.mypy_cache"):
        assert not (root / rel).exists()
    entries = journal(state_dir)
    assert entries[0]["command"] == "browse" and entries[-1]["status"] == "complete"
    undone = run_cli("undo", cwd=root, env=hermetic_env({"TIDY_STATE_DIR": str(state_dir)}))
    assert undone.code == 0, undone.out + undone.err
    assert tree_snapshot(root) == before
