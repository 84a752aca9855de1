"""The live processes as /proc shows them (Linux): who each is and which paths it uses.

Read as lsof does, once per look: for each process its working folder, its program, the files
its descriptors hold, the files it maps, its inotify watches (from fdinfo) and the paths its
command line names. tidy's own processes (this one and its descendants) and other tidy
processes are left out; the processes that started it (its ancestors: the shell, a
`make clean`, a Jupyter kernel running `!tidy fix`) and the processes another tidy started
(its git, a module it evaluates) are marked, and count only for what they use themselves
(tidy/workspace/inuse.py).

What a look cannot see, said plainly (README "Safety"):
- another user's processes, when tidy is not root: their descriptors, working folder and maps
  are unreadable (EACCES), and they are skipped (counted in `Snapshot.unreadable`); on a /proc
  mounted with hidepid=2 they are not even listed;
- processes in another PID namespace (a container, a sandbox): /proc lists only this
  namespace's; one in another mount namespace is listed, but its paths are its own view;
- a program that opens a file only for an instant (a compiler reading a header), or starts
  using the item after the look: the look and the move are up to a run apart;
- threads that changed their working folder alone (unshare(CLONE_FS)): only each process's
  main thread is read (or, when the main thread alone has left, one live thread: `live_thread`).

A process ending as it is read (every thread of it exiting: its memory, so its program and
command line, already gone while its working folder still reads) is left out: it runs none of
its own code again (`ending`).

Every read may fail (a process ends mid-read, its pid is taken by a new one, permission): a
failed read is "nothing known" for that field, never an error. No /proc at all (macOS, a
container without it mounted): `Snapshot.blind` says so, and nothing is known.

Names are kept as the kernel gives them, as str the way os.fsdecode makes them (bytes that are
not UTF-8 as lone surrogates), so they compare with the paths tidy planned. readlink gives a
name as it is (a newline included) with " (deleted)" added when it was unlinked; maps escapes
a newline as the four bytes "\\012" and nothing else (seq_file_path(m, file, "\\n")), so a name
holding a real backslash-0-1-2 reads the same: both readings are kept, as are both readings of
a name ending in " (deleted)". A wrong extra reading only ever holds an item back.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.machinery
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

PROC = "/proc"
_COMMAND_CHARS = 60  # a command line, in a message, is cut here
_DELETED = " (deleted)"


@dataclass(frozen=True)
class Process:
    pid: int
    name: str  # comm: the program's short name
    command: str  # its command line, shortened for a message
    cwd: tuple[str, ...] = ()  # its working folder (its readings; empty when unreadable)
    exe: tuple[str, ...] = ()  # the program it runs
    open: frozenset[str] = frozenset()  # files and folders its descriptors hold
    mapped: frozenset[str] = frozenset()  # files mapped into it (libraries, mmap)
    watched: frozenset[tuple[int, int]] = frozenset()  # (st_dev, st_ino) of inotify watches
    given: tuple[str, ...] = ()  # paths its command line names, made absolute
    tidy: bool = False  # another tidy (see is_tidy)
    # One of the processes that started this one (the shell, a `make clean`, an `npm run
    # clean`, a Jupyter kernel running `!tidy fix`): what it uses itself counts, working in
    # the project does not (it is why tidy runs there).
    ancestor: bool = False
    # Started by another tidy (its `git ls-files` in the repo, `tidy extract --evaluate`'s
    # python): what it uses itself counts, working in the project does not (two tidy runs in
    # one repo, a watcher and a fix, held back each other's items by their git's cwd).
    by_tidy: bool = False


@dataclass(frozen=True)
class Snapshot:
    processes: tuple[Process, ...] = ()
    blind: str = ""  # why nothing could be looked at ("" when /proc was read)
    unreadable: int = 0  # processes listed whose use could not be read (another user's)
    listed: int = 0  # processes /proc listed
    seconds: float = 0.0  # how long the look took
    notes: tuple[str, ...] = field(default_factory=tuple)


def read(proc: str = PROC) -> Snapshot:
    """One look at every live process's use of files (tidy's own left out)."""
    import time

    started = time.perf_counter()
    blind = _blind(proc)
    if blind:
        return Snapshot(blind=blind)
    try:
        pids = [int(p) for p in os.listdir(proc) if p.isdigit()]
    except OSError as error:
        return Snapshot(blind=f"cannot list {proc}: {error.strerror or error}")
    children = _children(proc, pids)
    ancestors, mine = lineage(proc, pids, children)
    read_now: dict[int, Process] = {}
    unreadable = 0
    for pid in pids:
        if pid in mine:
            continue
        process = read_process(proc, pid)
        if process is None:
            unreadable += 1
        elif process.tidy or not ending(proc, pid):
            read_now[pid] = process
    by_tidy = _descendants(children, [pid for pid, p in read_now.items() if p.tidy])
    found = [dataclasses.replace(process, ancestor=pid in ancestors, by_tidy=pid in by_tidy)
             for pid, process in read_now.items() if not process.tidy]
    return Snapshot(tuple(found), "", unreadable, len(pids),
                    round(time.perf_counter() - started, 4))


def _blind(proc: str) -> str:
    """Why `proc` shows no processes at all: absent, or not procfs (an empty folder where a
    container has none mounted)."""
    if not os.path.isdir(proc):
        return f"{proc} does not exist (not Linux, or not mounted)"
    if not os.path.lexists(f"{proc}/self"):
        return f"{proc} is not mounted (no {proc}/self)"
    return ""


def read_process(proc: str, pid: int) -> Process | None:
    """What process `pid` uses; None when nothing of it can be read (gone, another user's)."""
    base = f"{proc}/{pid}"
    cwd = _readings(_link(f"{base}/cwd"))
    exe = _readings(_link(f"{base}/exe"))
    if not (cwd or exe):
        base = live_thread(proc, pid)
        cwd, exe = _readings(_link(f"{base}/cwd")), _readings(_link(f"{base}/exe"))
    links = _fd_links(base)
    if not (cwd or exe or links) and not os.access(f"{base}/fd", os.R_OK):
        return None
    argv = _argv(base)
    name = process_name(proc, pid)
    opened = {r for t in links.values() for r in _readings(t)}
    return Process(pid, name, command_line(argv, name), cwd, exe, frozenset(opened),
                   frozenset(_mapped(base)), frozenset(_inotify_watches(base, links)),
                   _given_paths(argv, cwd[0] if cwd else ""), is_tidy(argv, exe, base))


def _readings(target: str) -> tuple[str, ...]:
    """A name readlink gave: itself and, when it ends so, without " (deleted)"."""
    if not target.startswith("/"):
        return ()  # "" (unreadable), pipe:[..], socket:[..], anon_inode:...
    if target.endswith(_DELETED):
        return (target, target.removesuffix(_DELETED))
    return (target,)


def _link(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return ""


def _argv(base: str) -> list[bytes]:
    try:
        with open(f"{base}/cmdline", "rb") as f:
            data = f.read(65536)
    except OSError:
        return []
    return data.rstrip(b"\0").split(b"\0") if data else []


def command_line(argv: list[bytes], name: str) -> str:
    """`node next dev`: the program's and each path's last part, the rest as it is, cut to
    _COMMAND_CHARS, on one line (the caller escapes it with printable)."""
    if not argv:
        return f"[{name}]" if name else "?"
    words = []
    for raw in argv:
        word = os.fsdecode(raw)
        if word.startswith("/") and len(word) > 1:
            word = os.path.basename(word.rstrip("/")) or word
        words.append(word)
    text = " ".join(words)
    return text if len(text) <= _COMMAND_CHARS else text[:_COMMAND_CHARS - 1] + "…"


def _given_paths(argv: list[bytes], cwd: str) -> tuple[str, ...]:
    """The paths a command line names (`pytest ~/code/app`, `npm --prefix ~/code/web`,
    `cargo --manifest-path=...`): words holding a `/`, relative ones taken from its cwd."""
    found = []
    for raw in argv[1:257]:
        word = os.fsdecode(raw).rpartition("=")[2]
        if "/" not in word:
            continue
        if not word.startswith("/"):
            if not cwd:
                continue
            word = os.path.join(cwd, word)
        # A word holding a newline is more often a script (`python -c "..."`) than a path,
        # but a project may be named so: it counts when it names something that exists.
        if "\n" in word and not os.path.lexists(word):
            continue
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


def _mapped(base: str) -> set[str]:
    found: set[str] = set()
    with contextlib.suppress(OSError), open(f"{base}/maps", "rb") as f:
        for line in f:
            found.update(map_readings(line))
    return found


def map_readings(line: bytes) -> tuple[str, ...]:
    """The readings of the file a /proc/PID/maps line names (none for an anonymous map): the
    name as printed and, where they differ, with "\\012" read as a newline and without
    " (deleted)". Six fields; the sixth, the name, runs to the end of the line (spaces kept)."""
    fields = line.rstrip(b"\n").split(maxsplit=5)
    if len(fields) != 6 or not fields[5].startswith(b"/"):
        return ()
    printed = fields[5]
    names = {printed, printed.replace(b"\\012", b"\n")}
    names |= {n.removesuffix(_DELETED.encode()) for n in names}
    return tuple(sorted(os.fsdecode(n) for n in names))


# -- who the process is ---------------------------------------------------------------------
def is_tidy(argv: list[bytes], exe: tuple[str, ...], base: str = "") -> bool:
    """Another tidy (a watcher started in the folder, a `tidy fix`): not a user of what it
    cleans. A Python running `-m tidy...`, or a script named `tidy` that is tidy's own (pip's
    console script: it imports tidy's entry point; `base`, the process's /proc folder, to
    find a script named relative to its cwd). A user's own script named `tidy` (a lint
    wrapper, a build) is no tidy: what it starts in the project counted for nothing and a
    folder a build it started was using was moved (trust round 14). A program that is itself
    called tidy (HTML Tidy, /usr/bin/tidy) is not tidy and counts like any other."""
    if len(argv) < 2 or not any(os.path.basename(e).startswith("python") for e in exe):
        return False
    if len(argv) > 2 and argv[1] == b"-m" and argv[2].split(b".")[0] == b"tidy":
        return _imports_this_tidy(base, b".", argv[0])
    if os.path.basename(argv[1]) == b"tidy" and _tidys_script(argv[1], base):
        # Python looks first in the script's folder, its links resolved
        return _imports_this_tidy(base, os.path.dirname(os.path.realpath(
            os.path.join(os.fsencode(f"{base}/cwd"), argv[1]))) if base else b".", argv[0])
    return False


def _imports_this_tidy(base: str, first: bytes, interpreter: bytes) -> bool:
    """The package `tidy` that process imports is this tidy's, not a user's own of that name.
    Found in the first folder Python looks in (`first`: its cwd for `-m`, the script's
    folder; relative to its cwd) or on its PYTHONPATH: that package is this tidy's folder
    (trust round 15: a user's project named tidy, run as `python -m tidy` in its root, counted
    as tidy, and what it held open was moved). Found in neither: it comes from the
    interpreter's own folders (site-packages), this tidy's only when the process runs this
    tidy's Python from this tidy's environment (`interpreter`: its argv[0]; trust round 17: a
    user's venv holding a package of its own named tidy, run from elsewhere, counted as tidy,
    and what it held open was moved)."""
    if not base:
        return True  # nothing to look in (a test's argv): the command line decides
    cwd = os.fsencode(f"{base}/cwd")
    environ = _environ(base)
    folders = [first, *environ.get(b"PYTHONPATH", b"").split(b":")]
    for folder in folders:
        found = _tidy_package_in(os.path.join(cwd, folder or b"."))
        if found is not None:
            return found == _this_package()
    return _runs_this_python(base, interpreter, environ)


def _runs_this_python(base: str, interpreter: bytes, environ: dict[bytes, bytes]) -> bool:
    """Process `base` runs the Python this one runs, started from the same folder: the same
    binary (its exe), and its argv[0] (through its PATH when a bare name) in the folder of
    this process's sys.executable. Python finds its venv (pyvenv.cfg), so its site-packages,
    from that folder, not from the binary (a venv's python is a link to the system's)."""
    try:
        theirs, ours = os.stat(f"{base}/exe"), os.stat(sys.executable)
    except OSError:
        return False
    if (theirs.st_dev, theirs.st_ino) != (ours.st_dev, ours.st_ino):
        return False
    folder = _interpreter_folder(os.fsencode(f"{base}/cwd"), interpreter, environ)
    try:
        return folder is not None and os.path.samefile(folder, os.path.dirname(sys.executable))
    except OSError:
        return False


def _interpreter_folder(cwd: bytes, name: bytes, environ: dict[bytes, bytes]) -> bytes | None:
    """The folder of the program `name` a process started (its argv[0]) as Python finds its
    own: a name with a slash from the process's cwd, a bare name on its PATH."""
    if b"/" in name:
        return os.path.dirname(os.path.join(cwd, name))
    for folder in environ.get(b"PATH", os.fsencode(os.defpath)).split(b":"):
        candidate = os.path.join(cwd, folder or b".", name)
        if os.access(candidate, os.X_OK) and not os.path.isdir(candidate):
            return os.path.dirname(candidate)
    return None


def _tidy_package_in(folder: bytes) -> tuple[int, int] | None:
    """(st_dev, st_ino) of what `import tidy` finds in `folder`: a package folder (its
    `__init__` a source, bytecode or an extension, as Python's finder takes it), or a module
    `tidy` of any of those kinds, which is never tidy's ((0, 0)); None when neither is there.
    A user's `tidy` shipped as bytecode alone was not seen, and taken for this tidy (trust
    round 18)."""
    package = os.path.join(folder, b"tidy")
    with contextlib.suppress(OSError):
        if any(os.path.isfile(os.path.join(package, b"__init__" + suffix))
               for suffix in _SUFFIXES):
            found = os.stat(package)
            return found.st_dev, found.st_ino
    if any(os.path.lexists(package + suffix) for suffix in _SUFFIXES):
        return 0, 0
    return None


def _this_package() -> tuple[int, int]:
    found = os.stat(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return found.st_dev, found.st_ino


def _environ(base: str) -> dict[bytes, bytes]:
    """The process's environment as it started (unreadable: none)."""
    try:
        with open(f"{base}/environ", "rb") as f:
            text = f.read(1 << 20)
    except OSError:
        return {}
    pairs = (entry.partition(b"=") for entry in text.split(b"\0") if entry)
    return {key: value for key, _, value in pairs}


# What Python's path finder imports a module or a package's `__init__` from, in its order:
# extension modules, source, bytecode (importlib.machinery.all_suffixes()).
_SUFFIXES = tuple(os.fsencode(s) for s in (*importlib.machinery.EXTENSION_SUFFIXES, ".py", ".pyc"))

# The line pip's console script for `tidy = "tidy.__main__:run"` (pyproject.toml) imports by.
_ENTRY_LINE = b"from tidy.__main__ import run"
_SCRIPT_HEAD = 4096


def _tidys_script(script: bytes, base: str) -> bool:
    """The script a Python runs is tidy's console script: a regular file whose first 4 kB
    hold the entry point's import line on a line of its own. Relative to the process's cwd
    (its /proc link, wherever that folder is now); never waits on a FIFO."""
    if not script.startswith(b"/"):
        if not base:
            return False
        script = os.fsencode(f"{base}/cwd/") + script
    try:
        fd = os.open(script, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, _SCRIPT_HEAD)
    except OSError:
        return False
    finally:
        os.close(fd)
    return _ENTRY_LINE in (line.split(b"#")[0].strip() for line in head.splitlines())


def holders(folders: list[str], proc: str = PROC, not_watching: frozenset[str] = frozenset()
            ) -> dict[str, tuple[int, str, str]]:
    """Which of `folders` a live process (not this one or its descendants, not another tidy)
    works in, holds a descriptor inside, maps a file of or watches, read now: folder -> (pid,
    how: "cwd", "open", "maps" or "watches", the path). A lean look, taken after a batch of
    items was renamed into the trash, where a descriptor, a mapping or an inotify watch made
    before the rename now names its new place (the run's full look was taken before, maybe
    much earlier: fixes/trash/applier.py). Maps count: the dynamic loader closes the
    descriptor of every library it maps (trust round 17). Watches count, but not those of a
    process named in `not_watching` (editors, as the run's look has them): a dev server or a
    `--watch` build that began watching after the run's look holds nothing open (trust
    round 18)."""
    # Each with its separator: the only folder that may hold a path is then the last one
    # sorting at or before it (the folders of one batch never lie inside one another).
    prefixes = sorted({f.rstrip(os.sep) + os.sep for f in folders})
    if not prefixes or _blind(proc):
        return {}
    try:
        pids = [int(p) for p in os.listdir(proc) if p.isdigit()]
    except OSError:
        return {}
    _ancestors, mine = lineage(proc, pids)
    needles = _map_needles(prefixes)
    found: dict[str, tuple[int, str, str]] = {}
    watchers: dict[tuple[int, int], int] = {}  # a watched (st_dev, st_ino) -> the pid
    for pid in pids:
        if pid in mine:
            continue
        base = f"{proc}/{pid}"
        cwd = _link(f"{base}/cwd")
        if not cwd:
            base = live_thread(proc, pid)
            cwd = _link(f"{base}/cwd")
        links = _fd_links(base)
        uses = [("cwd", r) for r in _readings(cwd)] + [
            ("open", r) for t in links.values() for r in _readings(t)] + [
            ("maps", r) for r in _mapped_naming(base, needles)]
        hits = [(folder, how, path) for how, path in uses
                if (folder := _holding(prefixes, path)) and folder not in found]
        watched = _watches_counted(proc, pid, base, links, not_watching)
        if (hits or watched) and not tidy_pid(proc, pid, base) and not ending(proc, pid):
            for folder, how, path in hits:
                found.setdefault(folder, (pid, how, path))
            for watch in watched:
                watchers.setdefault(watch, pid)
    if watchers:
        _add_watched([p[:-1] for p in prefixes if p[:-1] not in found], watchers, found)
    return found


def _watches_counted(proc: str, pid: int, base: str, links: dict[str, str],
                     not_watching: frozenset[str]) -> set[tuple[int, int]]:
    """The inotify watches of process `pid` (`links`: its descriptors) unless its name is one
    of `not_watching`; only a process holding an inotify instance has its name read."""
    if "anon_inode:inotify" not in links.values() or process_name(proc, pid) in not_watching:
        return set()
    return _inotify_watches(base, links)


def _add_watched(folders: list[str], watchers: dict[tuple[int, int], int],
                 found: dict[str, tuple[int, str, str]]) -> None:
    """Each of `folders` that a watcher watches, itself or anything inside it, into `found`
    as (pid, "watches", the folder). Only folders on a watched device are listed."""
    devices = {dev for dev, _ino in watchers}
    for folder in folders:
        try:
            dev = os.lstat(folder).st_dev
        except OSError:
            continue
        if dev not in devices:
            continue
        pid = next((watchers[(dev, ino)] for ino in inodes_below(folder)
                    if (dev, ino) in watchers), None)
        if pid is not None:
            found[folder] = (pid, "watches", folder)


def inodes_below(path: str) -> Iterator[int]:
    """The inode numbers of `path` and of everything inside it (a readdir each folder, no
    stat of each entry); what cannot be read is left out."""
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


def _map_needles(prefixes: list[str]) -> tuple[bytes, ...]:
    """The folder holding every one of `prefixes`, as a maps line would print it (a newline
    as "\\012") and as it is: a maps file holding neither names nothing of them, and is not
    parsed (a lean look is taken per batch; a browser's maps run to thousands of lines)."""
    common = os.fsencode(os.path.commonpath([p.rstrip(os.sep) or os.sep for p in prefixes]))
    return tuple({common, common.replace(b"\n", b"\\012")})


def _mapped_naming(base: str, needles: tuple[bytes, ...]) -> set[str]:
    """The readings of the files process `base` maps whose line holds one of `needles`."""
    try:
        with open(f"{base}/maps", "rb") as f:
            data = f.read()
    except OSError:
        return set()
    if not any(needle in data for needle in needles):
        return set()
    return {reading for line in data.splitlines()
            if any(needle in line for needle in needles) for reading in map_readings(line)}


def _holding(prefixes: list[str], path: str) -> str:
    """The folder of `prefixes` (sorted, each ending in a separator) that is `path` or holds
    it, without its separator; "" when none."""
    import bisect

    at = bisect.bisect_right(prefixes, path + os.sep) - 1
    if at >= 0 and (path + os.sep).startswith(prefixes[at]):
        return prefixes[at][:-1]
    return ""


def name_and_command(proc: str, pid: int) -> tuple[str, str]:
    """Process `pid`'s short name and its command line as a message shows it, read now."""
    name = process_name(proc, pid)
    return name, command_line(_argv(f"{proc}/{pid}"), name)


def tidy_pid(proc: str, pid: int, base: str = "") -> bool:
    """is_tidy for process `pid`, read now (through `base`, its folder or a thread's)."""
    base = base or f"{proc}/{pid}"
    return is_tidy(_argv(base), _readings(_link(f"{base}/exe")), base)


def live_thread(proc: str, pid: int) -> str:
    """The folder process `pid`'s uses read through: its own, or, when its main thread alone
    has left (pthread_exit in main: a zombie leader whose other threads run on), a live
    thread's task folder. The leader's working folder, program, descriptors and maps then
    read as nothing, though every thread still shares them: such a program was not seen at
    all, and a folder it worked in or held open was moved. Asked only when the leader's
    working folder reads as nothing; one stat line read, more only for a zombie leader."""
    base = f"{proc}/{pid}"
    try:
        if _stat_fields(f"{base}/stat")[:1] != [b"Z"]:
            return base
    except OSError:
        return base
    try:
        threads = os.listdir(f"{base}/task")
    except OSError:
        return base
    for tid in threads:
        if tid != str(pid) and _link(f"{base}/task/{tid}/exe"):
            return f"{base}/task/{tid}"
    return base


# The kernel's PF_EXITING (include/linux/sched.h): set on a thread as do_exit begins, before
# its memory, files and working folder are let go; it never runs its own code again.
_PF_EXITING = 0x4


def ending(proc: str, pid: int) -> bool:
    """Process `pid` is ending or gone: every thread of it past its last instruction. A
    process's memory goes first as it exits, so its program and command line read as
    nothing while its working folder and descriptors still read: another tidy ending just as
    this one looked counted as a user of its project, and held back an item (two fixes in one
    repo, the CI of 2026-12-07). Such a process uses nothing from now on. Its program still
    readable: it runs (one read, the common answer); a thread not ending (a program whose
    main thread alone has left) or a thread unreadable: it may run on."""
    base = f"{proc}/{pid}"
    if _link(f"{base}/exe"):
        return False
    try:
        threads = os.listdir(f"{base}/task")
    except FileNotFoundError:
        return not os.path.lexists(base)
    except OSError:
        return False
    return bool(threads) and all(_thread_ending(f"{base}/task/{t}/stat") for t in threads)


def _thread_ending(stat_path: str) -> bool:
    """A thread's stat line says it is a zombie, dead, or exiting; gone counts as ended."""
    try:
        fields = _stat_fields(stat_path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:  # state, then five fields (ppid, pgrp, session, tty, tpgid), then the flags
        return fields[0] in (b"Z", b"X", b"x") or bool(int(fields[6]) & _PF_EXITING)
    except (IndexError, ValueError):
        return False


def process_name(proc: str, pid: int) -> str:
    try:
        with open(f"{proc}/{pid}/comm", encoding="utf-8", errors="replace") as f:
            return f.read().strip()
    except OSError:
        return ""


def own_family(proc: str = PROC, pids: list[int] | None = None) -> set[int]:
    """This process, its ancestors (the watcher, the shell) and its descendants."""
    if pids is None:
        try:
            pids = [int(name) for name in os.listdir(proc) if name.isdigit()]
        except OSError:
            pids = []
    ancestors, mine = lineage(proc, pids)
    return ancestors | mine


def lineage(proc: str, pids: list[int], children: dict[int, list[int]] | None = None
            ) -> tuple[set[int], set[int]]:
    """(this process's ancestors, this process and its descendants: tidy's own workers and
    git), from the parent pids of `pids` as read now (`children`: _children's answer)."""
    ancestors = set()
    pid = os.getpid()
    while pid > 1:
        pid = _ppid(proc, pid)
        ancestors.add(pid)
    if children is None:
        children = _children(proc, pids)
    mine = _descendants(children, [os.getpid()], ancestors)
    return ancestors - mine, mine | {os.getpid()}


def _children(proc: str, pids: list[int]) -> dict[int, list[int]]:
    """Each parent pid's children among `pids`, as /proc says now."""
    children: dict[int, list[int]] = {}
    for child in pids:
        children.setdefault(_ppid(proc, child), []).append(child)
    return children


def _descendants(children: dict[int, list[int]], roots: list[int],
                 stop: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """Every pid below `roots` (not the roots themselves, unless one is below another), never
    going through a pid of `stop`."""
    found: set[int] = set()
    todo = list(roots)
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found and child not in stop:
                found.add(child)
                todo.append(child)
    return found


def _ppid(proc: str, pid: int) -> int:
    try:
        return int(_stat_fields(f"{proc}/{pid}/stat")[1])
    except (OSError, ValueError, IndexError):
        return 0


def _stat_fields(stat_path: str) -> list[bytes]:
    """A /proc stat line's fields after the name in parentheses (which may hold anything,
    ") " too: the last ")" ends it): state first, then ppid ... Raises OSError."""
    with open(stat_path, "rb") as f:
        data = f.read()
    return data[data.rfind(b")") + 2:].split()
