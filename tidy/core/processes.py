"""Whether a process recorded in tidy's own state (a lock, a temp file's name, a backup
record) still runs. The pid comes from files tidy treats as untrusted input: anything that is
not a positive int is no process."""

from __future__ import annotations

import os
import signal
import sys


def process_alive(pid: object) -> bool:
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process (or a number no pid can be): leave it alone
    return True


def die_with_parent(parent: int) -> None:
    """In a child tidy forked: be killed when `parent` dies (Linux's PR_SET_PDEATHSIG), and
    leave now if it already has. A worker orphaned by a kill -9 of tidy would otherwise go on
    walking or reading a tree nobody waits for."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the death signal was set
        os._exit(1)
