"""Who is using a path right now: the check a watch pass makes right before it moves anything.

`fixes/recheck.py` sees writes (times), flocks and cargo's lock. It cannot see a reader: a dev
server that loaded `node_modules` an hour ago and keeps files of it open, a test run started
from another folder that imports from `.venv`, a binary in `target/` still running. Moving
those pulls the ground from under a live process. So, once per batch, the processes of the
user are read from /proc (as lsof does; Linux only, elsewhere nothing is known and the other
checks still hold), and an item is left for later when a process

- has a file inside it open, runs a program from it, maps a library from it, or sits in it
  (its working folder): whatever the process is, a shell in `node_modules` included;
- or, not a shell or an editor (debounce.INTERACTIVE), works inside the item's project (the
  repo holding it; outside a repo the folder holding it): a build, a test run, a dev server;
- or the repo holding it has a git operation running (`.git/index.lock`).

tidy's own processes (this one, the watcher above it, their children) are not counted.
A process that starts using the item after the look is not seen: the look and the rename are
a batch apart (milliseconds to seconds).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tidy.core.printable import printable
from tidy.watch.debounce import INTERACTIVE, git_lock, own_family, process_name


@dataclass(frozen=True)
class Process:
    pid: int
    name: str
    cwd: str  # "" when unreadable
    paths: frozenset[str]  # files open, the program, mapped files


def processes(proc: str = "/proc") -> list[Process]:
    """The live processes whose use of files can be read, tidy's own left out."""
    try:
        pids = [int(p) for p in os.listdir(proc) if p.isdigit()]
    except OSError:
        return []
    mine = own_family(proc)
    found = []
    for pid in pids:
        if pid in mine:
            continue
        base = f"{proc}/{pid}"
        cwd = _link(f"{base}/cwd")
        paths = {p for p in (_link(f"{base}/exe"), *_open_files(base), *_mapped(base)) if p}
        if cwd or paths:
            found.append(Process(pid, process_name(proc, pid), cwd, frozenset(paths)))
    return found


def in_use(path: str, project: str, everyone: Sequence[Process]) -> str:
    """Why `path` must not move now (see the module doc), or ""."""
    for process in everyone:
        who = f"{printable(process.name) or '?'} (pid {process.pid})"
        if process.cwd and _inside(process.cwd, path):
            return f"in use: {who} works inside it"
        held = next((p for p in process.paths if _inside(p, path)), "")
        if held:
            return f"in use: {who} has {printable(held)} open"
    lock = git_lock(os.path.dirname(path))
    if lock:
        return f"a git operation is running ({printable(lock)} exists)"
    for process in everyone:
        if process.name not in INTERACTIVE and process.cwd and _inside(process.cwd, project):
            return (f"a process is running inside its project: {printable(process.name)} "
                    f"(pid {process.pid})")
    return ""


def project_of(path: str, group_root: str, is_repo: bool) -> str:
    """The folder whose builds may use `path`: its repo; outside a repo, the folder holding it
    right below the group's root (a project in a plain folder of projects)."""
    if is_repo:
        return group_root
    rel = os.path.relpath(os.path.dirname(path), group_root)
    if rel == os.curdir or rel.startswith(os.pardir):
        return os.path.dirname(path)
    return os.path.join(group_root, rel.split(os.sep)[0])


def _link(path: str) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        return ""
    if not target.startswith("/"):
        return ""  # pipe:[..], socket:[..], anon_inode:...
    return target.removesuffix(" (deleted)")


def _open_files(base: str) -> Iterable[str]:
    try:
        fds = os.listdir(f"{base}/fd")
    except OSError:
        return
    for fd in fds:
        yield _link(f"{base}/fd/{fd}")


def _mapped(base: str) -> set[str]:
    found: set[str] = set()
    with contextlib.suppress(OSError), open(f"{base}/maps", "rb") as f:
        for line in f:
            fields = line.rstrip(b"\n").split(maxsplit=5)
            if len(fields) == 6 and fields[5].startswith(b"/"):
                found.add(os.fsdecode(fields[5]).removesuffix(" (deleted)"))
    return found


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
