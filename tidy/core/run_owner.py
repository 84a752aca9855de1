"""Who began a run (machine, boot, process and its start), and whether it may still be
running where the journal's lock cannot say.

A run's journal is locked (flock) while its process runs; recovery acts on a journal nobody
holds. A lock is seen only by processes on the same kernel: a state folder shared between
machines (a home folder on NFS, a volume two hosts mount) shows a run going on elsewhere as
unlocked, and recovery would end it under its feet (write its `end`, take its slots, finish
its copies). The `begin` line says where the run began; these read it back. What they read
is the journal's word (untrusted): it can only make recovery wait, never act.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

# A run begun on another machine is left alone while its journal was written to within this
# long: a live run writes a line per batch of moves, a single copy of a big folder across
# filesystems may take minutes. After it, the other machine's run is taken to be dead.
FOREIGN_QUIET_S = 3600.0
_BOOT_ID = "/proc/sys/kernel/random/boot_id"


def this_host() -> str:
    return os.uname().nodename


def this_boot() -> str:
    """The kernel's id for this boot ("" where there is none): on one boot, one kernel, so
    the journal's lock is seen and a recorded pid means a process of this machine."""
    try:
        with open(_BOOT_ID, encoding="ascii") as handle:
            return handle.read(64).strip()
    except (OSError, UnicodeDecodeError):
        return ""


def start_ticks(pid: int) -> int | None:
    """When process `pid` started (clock ticks after boot, /proc/PID/stat's 22nd field); None
    when there is no such process (or no /proc). A pid reused by a later process has another
    start."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            text = handle.read(4096)
    except OSError:
        return None
    fields = text[text.rfind(b")") + 1:].split()  # the name may hold spaces and parentheses
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


def owner_fields() -> dict[str, object]:
    """What the `begin` line keeps of the process beginning a run."""
    pid = os.getpid()
    fields: dict[str, object] = {"host": this_host(), "boot": this_boot()}
    ticks = start_ticks(pid)
    if ticks is not None:
        fields["pid_start"] = ticks
    return fields


def still_running(begin: Mapping[str, object], journal: os.stat_result, now: float) -> str:
    """Why a run whose journal nobody has locked may still be running ("" when it cannot
    be): begun on another machine and written to lately; or begun on this boot by a process
    that still runs (the same pid and start) and still holds the journal open. A journal of
    an older tidy (no boot id: assumed_owner) is held only by a process of its pid that has
    it open, seen in its descriptors."""
    boot, host, pid = begin.get("boot"), begin.get("host"), begin.get("pid")
    if not isinstance(boot, str) or not boot:
        return _old_run_still_open(pid, journal)
    if boot != this_boot():
        if isinstance(host, str) and host != this_host() \
                and now - journal.st_mtime < FOREIGN_QUIET_S:
            return (f"begun on {host!r}, another machine, and written to "
                    f"{max(0, int(now - journal.st_mtime))} s ago: it may still be running "
                    "there (its lock is not seen here)")
        return ""  # this machine rebooted since, or the other one has long been quiet
    start = begin.get("pid_start")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0 \
            or not isinstance(start, int) or start_ticks(pid) != start:
        return ""
    return (f"its process (pid {pid}) still runs" if _holds_open(pid, journal)
            else "")


def _old_run_still_open(pid: object, journal: os.stat_result) -> str:
    """A journal of an older tidy keeps only the pid: with no start to tell a reused pid, it
    holds the run only where that process is seen to have the journal open (a process of
    another user, whose descriptors cannot be read, does not: it would hold the run until
    it ends, and an old journal's pid has long been given to someone else)."""
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return ""
    if not _holds_open(pid, journal, unreadable=False):
        return ""
    return f"its process (pid {pid}) still has its journal open"


def assumed_owner(begin: Mapping[str, object]) -> str:
    """What recovery assumed of a run whose `begin` keeps no boot id ("" when it keeps one):
    an older tidy's journal (or one made where /proc has no boot id). Nobody holding its lock
    here, it is taken for a run killed on this machine; one still going on another machine
    sharing the state folder could not be told (trust round 11)."""
    boot = begin.get("boot")
    if isinstance(boot, str) and boot:
        return ""
    version = begin.get("version")
    who = (f"tidy {version}" if isinstance(version, str) and version
           else "an older tidy")
    return (f"begun by {who}, which kept no machine or boot id: taken for a run killed on "
            "this machine (nobody here holds its lock) and resolved from the disk; were it "
            "still running on another machine sharing this state folder, that could not be "
            "told")


def _holds_open(pid: int, journal: os.stat_result, unreadable: bool = True) -> bool:
    """Whether `pid` has the journal open; `unreadable` when its descriptors cannot be read
    (another user's process: left alone)."""
    folder = f"/proc/{pid}/fd"
    try:
        names = os.listdir(folder)
    except OSError:
        return unreadable
    for name in names:
        try:
            st = os.stat(os.path.join(folder, name))
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (journal.st_dev, journal.st_ino):
            return True
    return False
