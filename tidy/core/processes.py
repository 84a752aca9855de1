"""Whether a process recorded in tidy's own state (a lock, a temp file's name, a backup
record) still runs. The pid comes from files tidy treats as untrusted input: anything that is
not a positive int is no process."""

from __future__ import annotations

import os


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
