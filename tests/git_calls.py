"""What a real tidy run asked git, seen from outside: a `git` earlier on PATH that records each
invocation and then execs the real git (the same process: `exec` keeps the pid).

Each call appends one record to a file named by its pid (so processes running side by side
never write to the same file): the line of /proc/<pid>/stat (its start time tells a pid
reused later apart), then the arguments, NUL-terminated, then \\x1e and a newline. tidy finds
git through PATH (tidy.workspace.git.git_executable), so a run given `recorder.env()` goes
through it; nothing of tidy is patched.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import hermetic_env

_END = b"\x1e\n"


@dataclass(frozen=True)
class GitCall:
    pid: int
    parent: int  # the process that started it
    start: int  # field 22 of /proc/<pid>/stat: with the pid, one process
    args: tuple[str, ...]  # what followed `git`, as given

    def asks(self, *words: str) -> bool:
        """Whether the call's arguments hold these words in this order, side by side
        (`asks("cat-file", "--batch")`: not --batch-check)."""
        n = len(words)
        return any(self.args[i:i + n] == words for i in range(len(self.args) - n + 1))


class GitRecorder:
    def __init__(self, folder: Path) -> None:
        real = shutil.which("git")
        assert real is not None, "the tests need git"
        self.log = folder / "git-calls"
        self.log.mkdir(parents=True)
        self.bin = folder / "bin"
        self.bin.mkdir()
        script = self.bin / "git"
        script.write_text(
            "#!/bin/sh\n"
            f"log='{self.log}'/$$\n"
            'read -r stat < /proc/$$/stat\n'
            "{ printf '%s\\n' \"$stat\"; printf '%s\\0' \"$@\"; printf '\\036\\n'; } >> \"$log\"\n"
            f"exec '{real}' \"$@\"\n")
        script.chmod(0o755)

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        """The hermetic test environment with the recording git first on PATH."""
        env = hermetic_env(extra)
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        return env

    def calls(self) -> list[GitCall]:
        found = []
        for entry in sorted(self.log.iterdir()):
            for record in entry.read_bytes().split(_END):
                if not record:
                    continue
                stat, _, args = record.partition(b"\n")
                fields = stat.rsplit(b")", 1)[1].split()  # after the command's name
                found.append(GitCall(int(entry.name), int(fields[1]), int(fields[19]),
                                     tuple(os.fsdecode(a) for a in args.split(b"\0")[:-1])))
        return found

    def clear(self) -> None:
        for entry in self.log.iterdir():
            entry.unlink()


def still_there(call: GitCall) -> bool:
    """Whether the process of that call exists still (running or a zombie nobody reaped)."""
    try:
        with open(f"/proc/{call.pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
    except OSError:
        return False
    return int(fields[19]) == call.start
