"""Who is using a path right now: the check a watch pass makes right before it moves anything.

`fixes/recheck.py` sees writes (times), flocks and cargo's lock. It cannot see a reader: a dev
server that loaded `node_modules` an hour ago and keeps files of it open, a test run started
from another folder that imports from `.venv`, a binary in `target/` still running. Moving
those pulls the ground from under a live process. So, once per batch, the processes of the
user are read from /proc (as lsof does; Linux only, elsewhere nothing is known and the other
checks still hold), and an item is left for later when a process

- has a file inside it open, runs a program from it, maps a library from it, or sits in it
  (its working folder): whatever the process is, a shell in `node_modules` included;
- watches it or anything inside it for changes (an inotify watch, read from fdinfo): `tsc -w`,
  vite, webpack --watch hold no file open, yet serve from there;
- or, not a shell or an editor (debounce.INTERACTIVE), works inside the item's project (the
  repo holding it; outside a repo the folder holding it), or was given a path in it on its
  command line (`pytest ~/code/app`, `npm --prefix ~/code/web`): a build, a test run, a dev
  server, started from another folder;
- or the repo holding it has a git operation running (`.git/index.lock`).

tidy's own processes (this one, the watcher above it, their children) and other tidy
processes (a second watcher, a `tidy fix`: their own locks order them) are not counted.
A process that starts using the item after the look is not seen: the look and the rename are
a batch apart (milliseconds to seconds).
"""

from __future__ import annotations

import bisect
import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tidy.core.printable import printable
from tidy.watch.debounce import INTERACTIVE, git_lock, is_tidy, own_family, process_name


@dataclass(frozen=True)
class Process:
    pid: int
    name: str
    cwd: str  # "" when unreadable
    paths: frozenset[str]  # files open, the program, mapped files
    watched: frozenset[tuple[int, int]] = frozenset()  # (st_dev, st_ino) of its inotify watches
    given: tuple[str, ...] = ()  # the paths in its command line, made absolute


def processes(proc: str = "/proc") -> list[Process]:
    """The live processes whose use of files can be read, tidy's own left out."""
    try:
        pids = [int(p) for p in os.listdir(proc) if p.isdigit()]
    except OSError:
        return []
    mine = own_family(proc)
    found = []
    for pid in pids:
        if pid in mine or is_tidy(proc, pid):
            continue
        base = f"{proc}/{pid}"
        cwd = _link(f"{base}/cwd")
        links = _fd_links(base)
        paths = {p for p in (_link(f"{base}/exe"), *_paths(links), *_mapped(base)) if p}
        watched = _inotify_watches(base, links)
        given = _given_paths(base, cwd)
        if cwd or paths or watched or given:
            found.append(Process(pid, process_name(proc, pid), cwd, frozenset(paths),
                                 frozenset(watched), given))
    return found


class Users:
    """What every process uses, indexed by path: each question is a binary search, so a pass
    of a thousand moves asks a thousand times without going over every process each time."""

    def __init__(self, everyone: Sequence[Process]) -> None:
        self.everyone = list(everyone)
        # (path, what, index into everyone): what it holds, where it works
        self._held = sorted([(p, "open", i) for i, proc in enumerate(everyone) for p in proc.paths]
                            + [(proc.cwd, "cwd", i) for i, proc in enumerate(everyone)
                               if proc.cwd])
        # where builds (not shells, not editors) work, and the paths they were given
        self._builds = sorted(
            [(proc.cwd, "cwd", i) for i, proc in enumerate(everyone)
             if proc.cwd and proc.name not in INTERACTIVE]
            + [(g, "given", i) for i, proc in enumerate(everyone)
               if proc.name not in INTERACTIVE for g in proc.given])

    @classmethod
    def read(cls, proc: str = "/proc") -> Users:
        return cls(processes(proc))

    def in_use(self, path: str, project: str) -> str:
        """Why `path` must not move now (see the module doc), or ""."""
        held = _first_inside(self._held, path)
        if held is not None:
            where, what, i = held
            who = _who(self.everyone[i])
            if what == "cwd":
                return f"in use: {who} works inside it"
            return f"in use: {who} has {printable(where)} open"
        watcher = _watching(path, self.everyone)
        if watcher:
            return f"in use: {watcher} watches it for changes (a dev server, a `--watch` build)"
        lock = git_lock(os.path.dirname(path))
        if lock:
            return f"a git operation is running ({printable(lock)} exists)"
        build = _first_inside(self._builds, project)
        if build is not None:
            where, what, i = build
            if what == "cwd":
                return f"a process is running inside its project: {_who(self.everyone[i])}"
            return (f"a process is working on its project: {_who(self.everyone[i])} was given "
                    f"{printable(where)}")
        return ""


def _who(process: Process) -> str:
    return f"{printable(process.name) or '?'} (pid {process.pid})"


def _first_inside(index: list[tuple[str, str, int]],
                  folder: str) -> tuple[str, str, int] | None:
    """The first entry of the sorted `index` at `folder` or below it."""
    at = bisect.bisect_left(index, (folder,))
    if at < len(index) and index[at][0] == folder:
        return index[at]
    prefix = folder.rstrip(os.sep) + os.sep
    at = bisect.bisect_left(index, (prefix,))
    if at < len(index) and index[at][0].startswith(prefix):
        return index[at]
    return None


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


def _given_paths(base: str, cwd: str) -> tuple[str, ...]:
    """The paths a command line names (`pytest ~/code/app`, `npm --prefix ~/code/web`,
    `cargo --manifest-path=...`): words holding a `/`, relative ones taken from its cwd."""
    try:
        with open(f"{base}/cmdline", "rb") as f:
            argv = f.read().split(b"\0")[1:]
    except OSError:
        return ()
    found = []
    for raw in argv[:256]:
        word = os.fsdecode(raw).rpartition("=")[2]
        if "/" not in word or "\n" in word:
            continue
        if not word.startswith("/"):
            if not cwd:
                continue
            word = os.path.join(cwd, word)
        found.append(os.path.normpath(word))
    return tuple(found)


def _fd_links(base: str) -> dict[str, str]:
    """fd number -> what it is (a path, pipe:[..], anon_inode:inotify ...)."""
    try:
        fds = os.listdir(f"{base}/fd")
    except OSError:
        return {}
    links = {}
    for fd in fds:
        with contextlib.suppress(OSError):
            links[fd] = os.readlink(f"{base}/fd/{fd}")
    return links


def _paths(links: dict[str, str]) -> Iterable[str]:
    for target in links.values():
        if target.startswith("/"):
            yield target.removesuffix(" (deleted)")


def _inotify_watches(base: str, links: dict[str, str]) -> set[tuple[int, int]]:
    """What the process's inotify instances watch, as (st_dev, st_ino): fdinfo lines such as
    `inotify wd:1 ino:5a2c1 sdev:fe00000 ...` (hex; sdev in the kernel's dev_t layout)."""
    found: set[tuple[int, int]] = set()
    for fd, target in links.items():
        if target != "anon_inode:inotify":
            continue
        with contextlib.suppress(OSError), open(f"{base}/fdinfo/{fd}", "rb") as f:
            for line in f:
                if line.startswith(b"inotify "):
                    found |= _watch_of(line)
    return found


def _watch_of(line: bytes) -> set[tuple[int, int]]:
    fields = dict(part.split(b":", 1) for part in line.split()[1:] if b":" in part)
    try:
        ino, sdev = int(fields[b"ino"], 16), int(fields[b"sdev"], 16)
    except (KeyError, ValueError):
        return set()
    return {(os.makedev(sdev >> 20, sdev & 0xFFFFF), ino)}


def _watching(path: str, everyone: Sequence[Process]) -> str:
    """'name (pid N)' of a process with an inotify watch on `path` or anything inside it.
    Only the inode numbers of the entries are read (readdir), no stat each."""
    watchers = [p for p in everyone if p.watched]
    if not watchers:
        return ""
    try:
        dev = os.lstat(path).st_dev
    except OSError:
        return ""
    inodes = {ino for p in watchers for d, ino in p.watched if d == dev}
    if not inodes:
        return ""
    for ino in _inodes_below(path):
        if ino in inodes:
            who = next(p for p in watchers if (dev, ino) in p.watched)
            return f"{printable(who.name) or '?'} (pid {who.pid})"
    return ""


def _inodes_below(path: str) -> Iterable[int]:
    with contextlib.suppress(OSError):
        yield os.lstat(path).st_ino
    todo = [path]
    while todo:
        try:
            with os.scandir(todo.pop()) as entries:
                for entry in entries:
                    yield entry.inode()
                    if entry.is_dir(follow_symlinks=False):
                        todo.append(entry.path)
        except OSError:
            continue


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
