"""Waiting for git without hanging on a FIFO in the work tree.

git opens `.gitignore` and `.gitattributes` with a plain blocking open(): a named pipe with
one of those names makes `git status`, `git ls-files --exclude-standard` or `git check-attr`
wait forever for a writer, and tidy with them. tidy's own reads never block
(tidy.core.safe_files); for git's, `communicate` waits in slices and, on Linux, looks at a child
that is still running: a process blocked opening a FIFO sleeps in the kernel's
`wait_for_partner` (fs/pipe.c), and /proc/<pid>/syscall and /proc/<pid>/mem (readable by the
parent) give the path it is opening. tidy then opens that FIFO for writing without blocking
and closes it at once: git's open returns, its read sees end-of-file, and it goes on as if
the file were empty, which is what tidy does with such a file itself. No byte is written. The
path is recorded (`released()`) so the report can say which file was not read.

When the path cannot be found (no /proc, no permission), a child still blocked that way
after a few seconds is stopped, and the caller reports git's answer as unknown rather than
waiting for ever. Other platforms have no such probe: there a FIFO named `.gitignore` still
blocks git, as it blocks `git status` itself.
"""

from __future__ import annotations

import contextlib
import os
import platform
import select
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence

from tidy.core.processes import running

# Seconds between looks at a child that has not finished: short at first and after each
# release (git opens .git/config several times a run: a FIFO there costs a look per open),
# doubling to _SLICE for a child that is only slow.
_FIRST_SLICE = 0.01
_SLICE = 0.25
_GIVE_UP = 5.0  # seconds blocked on a FIFO whose path cannot be found before git is stopped
_FIFO_WAITS = frozenset({"wait_for_partner", "fifo_open"})
# open / openat syscall numbers: (number, index of the path argument, index of dirfd or -1)
_OPEN_CALLS = {
    "x86_64": {2: (0, -1), 257: (1, 0)},
    "aarch64": {56: (1, 0)},
}
_AT_FDCWD = -100
_RELEASED: list[str] = []


class FifoBlocked(RuntimeError):
    """git stayed blocked opening a FIFO whose path tidy could not find: it was stopped."""


def released() -> list[str]:
    """FIFOs git was released from in this process, oldest first."""
    return list(_RELEASED)


def run(argv: Sequence[str], *, input: bytes | None = None, cwd: str | None = None,
        env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """subprocess.run(argv, capture_output=True) that a FIFO cannot block forever."""
    # left by an exception or Ctrl-C: killed and reaped, never defunct (running)
    with running(argv, stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                 env=dict(env) if env is not None else None) as proc:
        out, err = communicate(proc, input)
    return subprocess.CompletedProcess(list(argv), proc.returncode, out, err)


def communicate(proc: subprocess.Popen[bytes], input: bytes | None = None,
                timeout: float | None = None) -> tuple[bytes, bytes]:
    """proc.communicate(input, timeout), releasing the child from a FIFO it blocks on.

    Raises FifoBlocked (after killing the child) when it cannot be released, and
    subprocess.TimeoutExpired after `timeout` seconds, as Popen.communicate does.
    """
    if not sys.platform.startswith("linux"):
        out, err = proc.communicate(input, timeout=timeout)
        return out or b"", err or b""
    deadline = None if timeout is None else time.monotonic() + timeout
    blocked_since = 0.0
    writer = _feed(proc, input) if input is not None else None
    wait = _FIRST_SLICE
    try:
        while True:
            left = wait if deadline is None else min(wait, deadline - time.monotonic())
            try:
                out, err = proc.communicate(None, timeout=max(0.0, left))
                return out or b"", err or b""
            except subprocess.TimeoutExpired:
                if deadline is not None and time.monotonic() >= deadline:
                    raise
            blocked_since, released = _release_or_give_up(proc, blocked_since)
            wait = _FIRST_SLICE if released else min(wait * 2, _SLICE)
    finally:
        if writer is not None and proc.poll() is not None:
            # The child is gone: its stdin's reader too, so the write is over (or broken).
            # Joined, so no thread outlives the call (a pool worker forks only unthreaded).
            writer.join(timeout=5)


def wait_readable(proc: subprocess.Popen[bytes], deadline: float | None = None) -> None:
    """Until the child's stdout has something to read (or its end), releasing the child from
    a FIFO it blocks on as `communicate` does: for a reader that then reads with blocking
    calls (`git cat-file --batch`, asked before it has read its config). Call it before the
    first read only with a buffered reader: it may hold what select() cannot see.

    Raises subprocess.TimeoutExpired at `deadline` (time.monotonic()), and FifoBlocked (after
    killing the child) when it cannot be released."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    blocked_since = 0.0
    wait = _FIRST_SLICE
    while True:
        left = wait if deadline is None else min(wait, deadline - time.monotonic())
        if left <= 0:
            raise subprocess.TimeoutExpired(proc.args, 0.0)
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            return
        released = False
        if sys.platform.startswith("linux"):  # elsewhere no probe: only the deadline
            blocked_since, released = _release_or_give_up(proc, blocked_since)
        wait = _FIRST_SLICE if released else min(wait * 2, _SLICE)


def _feed(proc: subprocess.Popen[bytes], data: bytes) -> threading.Thread | None:
    """Write `data` to the child's stdin, and close it, on a thread of its own.

    Popen.communicate cannot be retried with input: after a timeout it neither sends the
    rest nor closes stdin (it registers stdin only when called with input, and refuses input
    once started), so a child still reading (`git cat-file --batch-check` given 7,000 ids)
    would wait for the rest for ever, and tidy for its output. The thread ends when the
    child has read everything or is gone (a broken pipe)."""
    stdin = proc.stdin
    if stdin is None:
        return None
    proc.stdin = None  # communicate() now neither writes to nor closes it

    def write() -> None:
        try:
            stdin.write(data)
        except (OSError, ValueError):
            pass  # the child stopped reading (it failed, or was stopped): nothing to send to
        finally:
            with contextlib.suppress(OSError, ValueError):
                stdin.close()

    thread = threading.Thread(target=write, name="git-stdin", daemon=True)
    thread.start()
    return thread


def chunks(proc: subprocess.Popen[bytes], deadline: float | None = None,
           size: int = 1 << 16) -> Iterator[bytes]:
    """proc.stdout's bytes as they come, for a reader that may stop early (it then stops the
    child itself), releasing the child from a FIFO it blocks on as `communicate` does.

    Raises subprocess.TimeoutExpired at `deadline` (time.monotonic()), and FifoBlocked (after
    killing the child) when it cannot be released."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    while True:
        wait_readable(proc, deadline)
        data = os.read(fd, size)
        if not data:
            return
        yield data


def _release_or_give_up(proc: subprocess.Popen[bytes],
                        blocked_since: float) -> tuple[float, bool]:
    """One look at a child that has said nothing for a while: when it waits to open a FIFO,
    the FIFO is released; when that fails for _GIVE_UP seconds the child is killed
    (FifoBlocked). Returns since when it has been blocked (0.0: it is not), and whether a
    FIFO was released now."""
    if not _blocked_on_fifo(proc.pid):
        return 0.0, False
    path = _opening(proc.pid)
    if path is not None and _release(path):
        return 0.0, True
    blocked_since = blocked_since or time.monotonic()
    if time.monotonic() - blocked_since > _GIVE_UP:
        proc.kill()
        proc.communicate()
        raise FifoBlocked("git waited to open a FIFO (a named pipe where a file such as "
                          ".gitignore was expected) and was stopped")
    return blocked_since, False


def _blocked_on_fifo(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/wchan", encoding="ascii", errors="replace") as f:
            return f.read().strip() in _FIFO_WAITS
    except OSError:
        return False


def _opening(pid: int) -> str | None:
    """The absolute path the blocked process is opening, from its syscall arguments."""
    calls = _OPEN_CALLS.get(platform.machine(), {})
    try:
        with open(f"/proc/{pid}/syscall", encoding="ascii") as f:
            fields = f.read().split()
        number = int(fields[0])
        if number not in calls:
            return None
        path_arg, dir_arg = calls[number]
        address = int(fields[1 + path_arg], 16)
        with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
            mem.seek(address)
            raw = mem.read(4096).split(b"\0", 1)[0]
        name = os.fsdecode(raw)
        if os.path.isabs(name):
            return name
        base = _base_folder(pid, int(fields[1 + dir_arg], 16) if dir_arg >= 0 else _AT_FDCWD)
        return os.path.join(base, name) if base else None
    except (OSError, ValueError, IndexError):
        return None


def _base_folder(pid: int, dirfd: int) -> str:
    if dirfd >= 1 << 31:
        dirfd -= 1 << 32  # the register holds AT_FDCWD as an unsigned 32-bit value
    link = f"/proc/{pid}/cwd" if dirfd == _AT_FDCWD else f"/proc/{pid}/fd/{dirfd}"
    try:
        return os.readlink(link)
    except OSError:
        return ""


def _release(path: str) -> bool:
    """Open the FIFO at `path` for writing and close it: its blocked reader sees EOF."""
    try:
        if not stat.S_ISFIFO(os.lstat(path).st_mode):
            return False
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    with contextlib.suppress(OSError):
        os.close(fd)
    if path not in _RELEASED:
        _RELEASED.append(path)
    return True
