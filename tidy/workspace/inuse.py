"""Who is using a path right now: the check every move makes (`tidy fix`, `tidy browse`'s
apply, a watch pass, the nightly `watch --once`) right before it moves an item.

`fixes/recheck.py` sees writes (times), flocks and cargo's lock. It cannot see a reader: a dev
server that loaded `node_modules` an hour ago and keeps files of it open, a test run started
from another folder that imports from `.venv`, a binary in `target/` still running. Moving
those pulls the ground from under a live process. So, once per run (or watch pass), the
processes are read from /proc (tidy/workspace/procfs.py: what that cannot see is said there),
and an item is left where it is when a process

- has a file inside it open, runs a program from it, maps a file from it, or sits in it (its
  working folder): whatever the process is, a shell in `node_modules` included;
- watches it or anything inside it for changes (an inotify watch, read from fdinfo): `tsc -w`,
  vite, webpack --watch hold no file open, yet serve from there (an editor's watches, which
  cover every folder of a project it shows, are not use: EDITORS_WATCHING);
- or, not a shell or an editor (INTERACTIVE), not one of the processes that started this
  tidy (a `make clean`, an `npm run clean`: they work in the project to run it) and not one
  another tidy started (its git: it works in the repo to answer that tidy), works inside
  the item's project (the repo holding it; outside a repo the folder holding it), or was given
  a path in it on its command line (`pytest ~/code/app`, `npm --prefix ~/code/web`): a build,
  a test run, a dev server, started from another folder;
- or the repo holding it has a git operation running (`.git/index.lock`).

A process that starts using the item after the look is not seen: the look and the rename are
up to a run apart (milliseconds to minutes). A pid named in a message may belong to another
program by the time it is read (the process ended and its number was reused): the message
says who used the item at the look.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Sequence
from dataclasses import dataclass

from tidy.core.printable import printable
from tidy.workspace import procfs
from tidy.workspace.procfs import PROC, Process, Snapshot

# Processes that sit in a folder without writing build outputs there: a user's shell, a pager,
# an editor. Anything else with its working directory inside a project is taken as a build.
INTERACTIVE = frozenset({
    "bash", "zsh", "sh", "dash", "fish", "ksh", "mksh", "tcsh", "csh", "nu", "xonsh", "tmux",
    "tmux: server", "screen", "SCREEN", "vim", "nvim", "vi", "emacs", "nano", "micro", "hx",
    "less", "more", "man", "sudo", "su", "login", "sshd", "mc", "ranger", "watch", "tail",
    # Graphical editors, opened on a folder (`code ~/code/app`: the path is in their command
    # line): they show files, their language servers are processes of their own.
    "code", "codium", "cursor", "subl", "sublime_text", "zed", "gedit", "kate", "gvim",
})

# Editors watch a whole project for changes (VS Code's watcher has an inotify watch in every
# folder but node_modules; JetBrains' fsnotifier too): they only redraw a tree when an item
# goes. Their watches are not use; a dev server's (`tsc -w`, vite) are.
EDITORS_WATCHING = INTERACTIVE | {"fsnotifier"}

IN_USE = "in use by pid "  # how a reason naming a process begins (fixes/report.py shows it)
GIT_BUSY = "a git operation is running"


@dataclass(frozen=True)
class Use:
    """Why an item must not move now: who uses it, how, and the path it uses."""

    how: str  # cwd | exe | maps | open | watches | project | given | git
    where: str  # the file open, the program, the folder worked in, the path given, the lock
    pid: int = 0
    name: str = ""  # the program's short name (comm)
    command: str = ""  # its command line, short

    @property
    def reason(self) -> str:
        """One line: `in use by pid 4242 (node next dev): it has .../trace open`."""
        where = printable(self.where)
        if self.how == "git":
            return f"{GIT_BUSY} ({where} exists)"
        detail = {
            "open": f"it has {where} open",
            "exe": f"it runs {where}",
            "maps": f"it maps {where}",
            "cwd": f"its working folder is {where}",
            "watches": "it watches it for changes (a dev server, a `--watch` build)",
            "project": f"it runs inside the item's project (in {where})",
            "given": f"it was given {where}, in the item's project",
        }[self.how]
        return f"{IN_USE}{self.pid} ({printable(self.command)}): {detail}"

    @property
    def watch_reason(self) -> str:
        """The same, as `tidy watch` has always logged it (its log and --status)."""
        who = f"{printable(self.name) or '?'} (pid {self.pid})"
        where = printable(self.where)
        if self.how == "git":
            return self.reason
        if self.how == "cwd":
            return f"in use: {who} works inside it"
        if self.how == "watches":
            return f"in use: {who} watches it for changes (a dev server, a `--watch` build)"
        if self.how == "project":
            return f"a process is running inside its project: {who}"
        if self.how == "given":
            return f"a process is working on its project: {who} was given {where}"
        return f"in use: {who} has {where} open"


class Users:
    """What every process uses, indexed by path: each question is a binary search, so a run
    of a thousand moves asks a thousand times without going over every process each time."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        everyone = self.everyone = list(snapshot.processes)
        # (path, how, index into everyone): what it holds, where it works; at one path the
        # names sort as the message prefers them (cwd, exe, maps, open)
        held = [(p, how, i) for i, proc in enumerate(everyone)
                for how, paths in (("cwd", proc.cwd), ("exe", proc.exe), ("open", proc.open),
                                   ("maps", proc.mapped))
                for p in paths]
        self._held = sorted(held)
        # where builds (not shells, not editors) work, and the paths they were given
        # (not what started this tidy: a `make clean` works in the project to run it; not
        # what another tidy started: its git works in the repo to answer it)
        builds = [(i, proc) for i, proc in enumerate(everyone)
                  if proc.name not in INTERACTIVE and not proc.ancestor and not proc.by_tidy]
        self._builds = sorted([(cwd, "project", i) for i, proc in builds for cwd in proc.cwd]
                              + [(g, "given", i) for i, proc in builds for g in proc.given])
        # The watches that count (not an editor's), by device: gathered once, not per item.
        self._watchers = [p for p in everyone if p.watched and p.name not in EDITORS_WATCHING]
        self._watched: dict[int, set[int]] = {}
        for proc in self._watchers:
            for dev, ino in proc.watched:
                self._watched.setdefault(dev, set()).add(ino)
        self._repo_tops: dict[str, str] = {}

    @classmethod
    def read(cls, proc: str = PROC) -> Users:
        return cls(procfs.read(proc))

    @property
    def blind(self) -> str:
        """Why no process could be looked at ("" when /proc was read)."""
        return self.snapshot.blind

    def use_of(self, path: str, project: str) -> Use | None:
        """Why `path` must not move now (see the module doc), or None."""
        held = _first_inside(self._held, path)
        if held is not None:
            where, how, i = held
            return self._use(how, where, i)
        watcher = _watching(path, self._watchers, self._watched)
        if watcher is not None:
            return self._use("watches", path, self.everyone.index(watcher))
        lock = self._git_lock(os.path.dirname(path))
        if lock:
            return Use("git", lock)
        build = _first_inside(self._builds, project)
        if build is not None:
            where, how, i = build
            return self._use(how, where, i)
        return None

    def _git_lock(self, folder: str) -> str:
        """git_lock, with the folder holding `.git` remembered per folder (100,000 items of
        one repo): the lock itself is looked for at every question."""
        top = self._repo_tops.get(folder)
        if top is not None:
            lock = os.path.join(top, ".git", "index.lock")
            if os.path.lexists(lock):
                return lock
            if os.path.isdir(os.path.join(top, ".git")):
                return ""
        lock, top = _git_lock_and_top(folder)
        if top:
            self._repo_tops[folder] = top
        return lock

    def _use(self, how: str, where: str, i: int) -> Use:
        process = self.everyone[i]
        return Use(how, where, process.pid, process.name, process.command)


class Look:
    """The in-use check of one run: /proc read once, at the first question (a run that moves
    nothing never reads it), every item asked against that one look."""

    def __init__(self, users: Users | None = None, proc: str = PROC) -> None:
        self._users = users
        self._proc = proc
        self.reads = 0  # looks at /proc taken: 0 or 1

    @property
    def users(self) -> Users:
        if self._users is None:
            self.reads += 1
            self._users = Users.read(self._proc)
        return self._users

    @property
    def looked(self) -> bool:
        return self._users is not None

    @property
    def blind(self) -> str:
        """Why it could not look ("" when it did, or was never asked)."""
        return self._users.blind if self._users is not None else ""

    def use_of(self, path: str, group_root: str, is_repo: bool) -> Use | None:
        return self.users.use_of(path, project_of(path, group_root, is_repo))


def project_of(path: str, group_root: str, is_repo: bool) -> str:
    """The folder whose builds may use `path`: its repo; outside a repo, the folder holding it
    right below the group's root (a project in a plain folder of projects)."""
    if is_repo:
        return group_root
    rel = os.path.relpath(os.path.dirname(path), group_root)
    if rel == os.curdir or rel.startswith(os.pardir):
        return os.path.dirname(path)
    return os.path.join(group_root, rel.split(os.sep)[0])


def git_lock(unit: str) -> str:
    """Watchman's defer_vcs: hold while git rewrites the index."""
    return _git_lock_and_top(unit)[0]


def _git_lock_and_top(unit: str) -> tuple[str, str]:
    """The index lock that exists at or above `unit` ("" when none), and the folder whose
    `.git` folder ended the search ("" when none did)."""
    current = unit
    while True:
        lock = os.path.join(current, ".git", "index.lock")
        if os.path.lexists(lock):
            return lock, ""
        if os.path.isdir(os.path.join(current, ".git")):
            return "", current
        up = os.path.dirname(current)
        if up == current:
            return "", ""
        current = up


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


def _watching(path: str, watchers: Sequence[Process],
              watched: dict[int, set[int]]) -> Process | None:
    """A process of `watchers` (not editors) with an inotify watch on `path` or anything
    inside it (`watched`: their watched inodes by device). Only the inode numbers of the
    entries are read (readdir), no stat each."""
    if not watchers:
        return None
    try:
        dev = os.lstat(path).st_dev
    except OSError:
        return None
    inodes = watched.get(dev)
    if not inodes:
        return None
    for ino in procfs.inodes_below(path):
        if ino in inodes:
            return next(p for p in watchers if (dev, ino) in p.watched)
    return None
