"""Real processes that use files, for the in-use tests (tests/fixes/test_in_use.py,
tests/workspace/test_procfs.py): holding one open, mapping one, started as orphans."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

HOLD = ("import sys, time; f = open(sys.argv[1], 'rb'); print('ready', flush=True); "
        "time.sleep(60)")
# A mapped file and no descriptor (mmap(2) through ctypes: Python's mmap module keeps a
# duplicate of the descriptor): only /proc/PID/maps shows it.
MAP = ("import ctypes, os, sys, time\n"
       "libc = ctypes.CDLL(None, use_errno=True)\n"
       "libc.mmap.restype = ctypes.c_void_p\n"
       "libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,\n"
       "                      ctypes.c_int, ctypes.c_long]\n"
       "fd = os.open(sys.argv[1], os.O_RDONLY)\n"
       "assert libc.mmap(None, 4096, 1, 1, fd, 0) not in (None, ctypes.c_void_p(-1).value)\n"
       "os.close(fd)\n"
       "print('ready', flush=True); time.sleep(60)\n")
# A program that ends its main thread (pthread_exit) and runs on in another, working in
# argv[1] and holding argv[2] open: /proc/PID reads nothing of it then (a zombie leader).
LEADER_LEAVES = r"""
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *run_on(void *unused) { (void)unused; for (;;) pause(); }
int main(int argc, char **argv) {
    (void)argc;
    if (chdir(argv[1]) != 0) return 1;
    int held = open(argv[2], O_RDONLY);
    (void)held;
    pthread_t thread;
    pthread_create(&thread, 0, run_on, 0);
    printf("ready\n");
    fflush(stdout);
    pthread_exit(0);  /* the main thread leaves; the process runs on in its other thread */
}
"""


def leader_leaves(folder: Path) -> Path:
    """LEADER_LEAVES compiled into `folder` (gcc: scripts/test.sh installs it)."""
    source = folder / "leader.c"
    source.write_text(LEADER_LEAVES)
    program = folder / "leader"
    subprocess.run(["gcc", "-O1", "-pthread", "-o", str(program), str(source)], check=True)
    return program


def thread_state(pid: int, tid: int = 0) -> bytes:
    """The state letter of process `pid`'s thread `tid` (its main thread by default)."""
    data = Path(f"/proc/{pid}/task/{tid or pid}/stat").read_bytes()
    return data[data.rfind(b")") + 2:][:1]


# Maps a file, then deletes it: maps says "<path> (deleted)".
MAP_DELETED = MAP.replace("print(", "import os; os.unlink(sys.argv[1]); print(")


@contextlib.contextmanager
def detached(argv: list[str], cwd: Path | str = "/",
             ready: Callable[[int], bool] | None = None) -> Iterator[int]:
    """Run `argv` as an orphan (its starting shell exits at once) until the block ends; yield
    its pid once it printed "ready" (or `ready(pid)` holds)."""
    starter = subprocess.Popen(["sh", "-c", '"$@" & echo $!', "sh", *argv], cwd=cwd,
                               stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert starter.stdout is not None
    pid = int(starter.stdout.readline())
    starter.wait(timeout=10)
    try:
        if ready is None:
            assert starter.stdout.readline() == b"ready\n", "the user did not start"
        else:
            deadline = time.monotonic() + 10
            while not ready(pid):
                assert time.monotonic() < deadline, "the user did not start"
                time.sleep(0.02)
        yield pid
    finally:
        starter.stdout.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


# An inotify watch on argv[1] and nothing open inside it (ctypes: any Python will do).
WATCH = ("import ctypes, sys, time\n"
         "libc = ctypes.CDLL(None, use_errno=True)\n"
         "fd = libc.inotify_init()\n"
         "assert fd >= 0 and libc.inotify_add_watch(fd, sys.argv[1].encode(), 0xfff) >= 0\n"
         "print('ready', flush=True); time.sleep(60)\n")
