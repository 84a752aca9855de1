"""Builders for the move/undo/purge safety tests: a state folder per test, a parent swapper.

The swapper is a separate process that exchanges two names again and again with
renameat2(RENAME_EXCHANGE) (one atomic syscall: at every instant one name is the real folder
and the other the symlink), so a path resolved twice by tidy would see both.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate

SWAPPER = textwrap.dedent("""
    import ctypes, os, sys
    libc = ctypes.CDLL(None, use_errno=True)
    RENAME_EXCHANGE, AT_FDCWD = 2, -100
    a, b = (os.fsencode(p) for p in sys.argv[1:3])
    def swap():
        if libc.renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) != 0:
            raise OSError(ctypes.get_errno(), "renameat2")
    swaps = 0
    os.write(1, b"ready\\n")
    while os.read(0, 1) == b"g":  # one byte per command, unbuffered: g(o), p(ause), s(top)
        os.set_blocking(0, False)
        while True:
            swap(); swaps += 1
            try:
                os.read(0, 1)
                break
            except BlockingIOError:
                pass
        os.set_blocking(0, True)
        if os.path.islink(a):  # leave the real folder at its own name
            swap(); swaps += 1
        os.write(1, f"paused {swaps}\\n".encode())
""")


class Swapper:
    """Exchanges `real` (a folder) and `link` (a symlink) while running; paused, `real` is
    the folder again."""

    def __init__(self, real: Path, link: Path) -> None:
        self.real, self.link = real, link
        self.swaps = 0
        self.proc = subprocess.Popen([sys.executable, "-c", SWAPPER, str(real), str(link)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None and self.proc.stdout.readline() == "ready\n"

    def go(self) -> None:
        self._send("g")

    def pause(self) -> None:
        self._send("p")
        assert self.proc.stdout is not None
        answer = self.proc.stdout.readline().split()
        assert answer[0] == "paused", answer
        self.swaps = int(answer[1])
        assert not os.path.islink(self.real) and os.path.islink(self.link)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self._send("s")
            self.proc.wait(timeout=10)

    def _send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text)
        self.proc.stdin.flush()


def every_file(*roots: Path) -> dict[str, bytes]:
    """Every regular file below `roots` (links never followed): path -> bytes."""
    found: dict[str, bytes] = {}
    for root in roots:
        for folder, dirs, files in os.walk(root):
            for name in files:
                path = os.path.join(folder, name)
                if os.path.isfile(path) and not os.path.islink(path):
                    with open(path, "rb") as f:
                        found[path] = f.read()
            del dirs
    return found


def node_project(parent: Path, name: str = "proj", *, repo: bool) -> Path:
    """parent/name: a web/ project (its package.json tracked when a repo) with a
    node_modules/dep to move, everything backdated past the recent-write window."""
    root = parent / name
    if repo:
        make_repo(root)
    write(root / "web" / "package.json", "{}\n")
    write(root / "web" / "node_modules" / "dep" / "index.js", "module.exports = 1\n")
    if repo:
        commit(root, "web/package.json")
    backdate(root)
    return root
