"""Write-ahead journal of fix runs, and the audit log.

Each `tidy fix` run gets an id and one append-only JSON-lines file, <state>/runs/<id>.jsonl.
Every line is one JSON object carrying the run id, a sequence number and an `op`:

    begin       the command, its folder, its roots, tidy's version, the time
    intent      what is about to change (written and fsync'ed BEFORE the change is made)
    copied      a cross-filesystem copy is complete and verified (before the original goes)
    done        the change was made (flushed; not fsync'ed: recovery reads the disk anyway)
    fail        the change was not made, or only partly; `reason` says why
    skip        a planned action left alone at apply time (re-check failed), with the reason
    recovered   an interrupted intent, resolved from the disk: state moved / not-moved / missing
    trash-base  a trash folder in the user's tree or git dir, before the run makes its folder
                there (fsync'ed: a kill before the first intent still says where to look)
    end         the run finished (status: complete / interrupted)
    undo-begin, undo-intent, undo-copied, undo-done, undo-fail, undo-end   the same for `tidy undo`
    purge-begin `tidy trash purge` is about to delete the run's trash (fsync'ed first: a purge
                cut short leaves items half deleted; undo refuses the run, purge finishes it)
    purged      the run's trash was deleted for good (`tidy trash purge`)

Journals are input, not trusted (anyone who can write the state folder can edit them).
Every entry of a run is checked against the schema below when the run is read: a line
that is not JSON is a torn write (a kill mid-write) and is left out; a JSON line of the
wrong shape (`"seq": "abc"`, a path that is not a string, a seq that goes backwards)
makes the whole journal damaged: it is set aside as <id>.jsonl.damaged with a one-line
notice, and the other runs keep working. So is one larger than MAX_JOURNAL_BYTES or with a
line longer than MAX_LINE_BYTES, found without reading more than that line, one owned by
another user, and one with a name besides its own (a hard link; the `.<id>.jsonl.new` it is
made under excepted). What the paths
may point at is checked by each applier before it acts (tidy/fixes/trash/locate.py: inside
the run's root and trash).

A running command holds an exclusive flock on its journal file. A journal without an `end`
whose lock is free belongs to a run that was killed: `tidy fix`, `tidy undo` and
`tidy trash list` find it and resolve each in-flight intent from what is on disk.

Paths are stored as Python strings; names that are not UTF-8 travel as lone surrogates
(os.fsdecode), which json writes as \\udcXX escapes and reads back unchanged.

The audit log (<state>/log.jsonl) gets one line per command that changed something: what,
when, how many bytes and items, by which command line.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from tidy import __version__
from tidy.core import state
from tidy.core.run_owner import owner_fields, still_running
from tidy.core.safe_files import UnsafeFile, open_for_append

Entry = dict[str, Any]


class JournalError(RuntimeError):
    """A journal that cannot be written or read: the fix must not go on."""


class JournalWriteError(JournalError):
    """A line could not be written to a journal (the disk holding the state folder is full,
    over quota, read-only ...): what it recorded did not happen, and nothing more may."""

    def __init__(self, path: str, reason: str | None, then: str = "",
                 full: bool = True) -> None:
        self.path, self.reason, self.full = path, reason or "write failed", full
        remedy = ("free some space on its filesystem" if full
                  else "make its folder writable")
        super().__init__(f"cannot write to the journal {path}: {self.reason}; {then}"
                         f"{remedy} (or set TIDY_STATE_DIR) and run tidy again")

    @classmethod
    def of(cls, path: str, error: OSError) -> JournalWriteError:
        return cls(path, error.strerror, full=error.errno in (errno.ENOSPC, errno.EDQUOT))

    @classmethod
    def stopped(cls, error: JournalWriteError, run_id: str) -> JournalWriteError:
        """The same failure, saying that the run stopped there and where what it did is."""
        return cls(error.path, error.reason,
                   f"the run stopped there; what it changed before is journaled as run "
                   f"{run_id} (`tidy undo {run_id}` puts it back); ", error.full)


class UntrustedState(JournalError, state.StateError):
    """The runs folder is not the user's own (state.check_private): no journal is read. A
    JournalError to the fix commands, a StateError (one line, exit 2) to every other."""


class RunBusy(JournalError):
    """Another tidy process holds this run (it is still running)."""


class NoSuchRun(JournalError):
    """No journal of that id (never was, or set aside since)."""


class DamagedJournal(JournalError):
    """A journal with an entry of the wrong shape: never acted on."""


# One-line notices for the user (a journal set aside); the commands print and clear them.
_NOTICES: list[str] = []


def notice(text: str) -> None:
    """A one-line notice for the command to print (with take_notices)."""
    _NOTICES.append(text)


def take_notices() -> list[str]:
    """The notices gathered since the last call (and forget them)."""
    notices = list(dict.fromkeys(_NOTICES))
    _NOTICES.clear()
    return notices


def new_run_id(now: float | None = None) -> str:
    """Sortable and unique: 20261126-101500-3fa9c1."""
    moment = time.localtime(now if now is not None else time.time())
    return f"{time.strftime('%Y%m%d-%H%M%S', moment)}-{secrets.token_hex(3)}"


def _dumps(entry: Mapping[str, Any]) -> bytes:
    # ensure_ascii: lone surrogates (non-UTF-8 names) become \udcXX, never invalid UTF-8.
    return (json.dumps(entry, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


# Lines `buffered()` holds before it appends them (one write for 16): a disk that fills up
# stops a run within this many moves of the first line it could not take, as it stopped at
# that line before, and a kill loses at most these `done` lines (recovery reads the disk).
_HELD_LINES = 16


class RunJournal:
    """An open journal that this process appends to, holding its lock."""

    def __init__(self, run_id: str, path: str, fd: int, next_seq: int) -> None:
        self.run_id = run_id
        self.path = path
        self._fd = fd
        self._seq = next_seq
        # Lines written with sync=False inside `buffered()`, not yet in the file: appended in
        # one write before anything is synced, before any synced line and when the block ends.
        self._pending: list[bytes] = []
        self._buffering = 0

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, command: str, roots: tuple[str, ...] = (),
               argv: list[str] | None = None) -> RunJournal:
        """A new run's journal, locked, holding its `begin` entry.

        It is written under a name no reader lists and linked in only once it is locked and
        its `begin` is on disk: a journal seen empty or unlocked would be taken for a killed
        run by another process's recovery, which would end it (its `end` before this run's
        `begin`) and so damage it."""
        run_id = new_run_id()
        name, building = run_id + ".jsonl", f".{run_id}.jsonl.new"
        folder = _open_runs_folder()
        try:
            fd = os.open(building, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND
                         | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600, dir_fd=folder)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                journal = cls(run_id, os.path.join(state.runs_dir(), name), fd, 0)
                journal.write({
                    "op": "begin", "command": command,
                    "argv": argv if argv is not None else sys.argv, "cwd": _cwd(),
                    "roots": list(roots), "pid": os.getpid(), "version": __version__,
                    **owner_fields(),
                }, sync=True)
                # link, not rename: it fails on a name already there, as O_EXCL would.
                os.link(building, name, src_dir_fd=folder, dst_dir_fd=folder,
                        follow_symlinks=False)
            except BaseException:
                os.close(fd)
                raise
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(building, dir_fd=folder)
            # The name must survive a crash too; a folder that cannot be fsync'ed does not
            # unmake a journal already linked in and locked (it would leak, still locked).
            with contextlib.suppress(OSError):
                os.fsync(folder)
        except OSError as error:
            raise JournalError(f"cannot start a journal in {state.runs_dir()}: "
                               f"{error.strerror}") from None
        finally:
            os.close(folder)
        return journal

    @classmethod
    def reopen(cls, run_id: str) -> RunJournal:
        """Append to an existing run (undo, recovery, purge); RunBusy when it is running."""
        path = journal_path(run_id)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NOFOLLOW | os.O_NONBLOCK
                         | os.O_CLOEXEC)
        except FileNotFoundError:
            raise NoSuchRun(f"no fix run {run_id!r} (`tidy trash list` shows them)") from None
        except OSError as error:
            if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                # The state disk is read-only (or not the user's): the file may be fine.
                raise JournalWriteError.of(path, error) from None
            # a link or a folder where the journal was
            raise DamagedJournal(f"not a journal file: {error.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise RunBusy(f"run {run_id} is in use by another tidy process") from None
        try:
            entries = read_run_entries(path, run_id)
            _end_torn_line(fd, path)
        except JournalError:
            os.close(fd)
            raise
        next_seq = max((int(e["seq"]) for e in entries), default=-1) + 1
        return cls(run_id, path, fd, next_seq)

    def close(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(JournalWriteError):
                self.flush()
            os.close(self._fd)  # releases the flock
            self._fd = -1

    def __enter__(self) -> RunJournal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def write(self, entry: Mapping[str, Any], sync: bool = False) -> int:
        """Append one entry; with `sync`, it is on disk when this returns. Returns its seq."""
        if self._fd < 0:
            raise JournalError(f"journal {self.run_id} is closed")
        seq = self._seq
        self._seq += 1  # never used again, even when this line is taken back: seqs only rise
        line = _dumps({"run": self.run_id, "seq": seq, "time": round(time.time(), 3), **entry})
        if self._buffering and not sync:
            self._pending.append(line)
            if len(self._pending) >= _HELD_LINES:
                self.flush()
            return seq
        self.flush()
        written = self._append(line)
        if sync:
            try:
                os.fsync(self._fd)
            except OSError as error:  # not durable: the caller must not act on it
                self._take_back(written)
                raise JournalWriteError.of(self.path, error) from None
        return seq

    def _append(self, data: bytes) -> int:
        """Append `data` whole (its length), or raise JournalWriteError with none of it left
        in the file."""
        try:
            written = os.write(self._fd, data)
        except OSError as error:  # nothing of it was written
            raise JournalWriteError.of(self.path, error) from None
        if written != len(data):  # a full disk (or quota) mid-line
            self._take_back(written)
            raise JournalWriteError(self.path, "the disk is full (a short write)")
        return written

    def flush(self) -> None:
        """The lines held by `buffered()` appended to the file, in one write (not synced).
        On failure none of them is in the file: JournalWriteError."""
        if not self._pending or self._fd < 0:
            return
        data, self._pending = b"".join(self._pending), []
        self._append(data)

    @contextlib.contextmanager
    def buffered(self) -> Iterator[None]:
        """Within the block, lines written with sync=False are held in memory and appended
        together, _HELD_LINES at a time (a batch of 256 moves: 32 writes, not 512).
        Nothing changes for what may be acted on: an intent is acted on only after `sync()`,
        which appends the held lines first, and a synced line always follows every line
        written before it. A kill loses the lines held (a power cut always could lose lines
        not synced): `done` and `skip` lines, which recovery works out from the disk."""
        self._buffering += 1
        try:
            yield
        except BaseException:
            self._buffering -= 1
            with contextlib.suppress(JournalError):
                self.flush()
            raise
        self._buffering -= 1
        if not self._buffering:
            self.flush()

    def _take_back(self, written: int) -> None:
        """Cut the last `written` bytes (a line that failed) off again, so the journal never
        holds half a line, nor an intent that was not made durable (the caller does not act
        on it). Truncating needs no free space; if even that fails the line stays torn, and
        readers leave a torn line out."""
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, max(0, os.fstat(self._fd).st_size - written))

    def sync(self) -> None:
        """Everything written so far is on disk when this returns (one fsync for a batch of
        entries written with sync=False). On failure nothing after the last durable point
        may be acted on: JournalWriteError, and the caller acts on none of the batch."""
        if self._fd < 0:
            raise JournalError(f"journal {self.run_id} is closed")
        self.flush()
        try:
            os.fsync(self._fd)
        except OSError as error:
            raise JournalWriteError.of(self.path, error) from None

    def intent(self, action: str, sync: bool = True, **payload: Any) -> int:
        """Record what is about to change. Durable before it returns (call it, then act);
        with sync=False, only once `sync()` has returned: write a batch's intents, sync once,
        then act on each."""
        return self.write({"op": "intent", "action": action, **payload}, sync=sync)

    def done(self, ref: int, **payload: Any) -> None:
        self.write({"op": "done", "ref": ref, **payload})

    def failed(self, ref: int, reason: str, **payload: Any) -> None:
        self.write({"op": "fail", "ref": ref, "reason": reason, **payload}, sync=True)

    def skipped(self, path: str, reason: str, **payload: Any) -> None:
        self.write({"op": "skip", "path": path, "reason": reason, **payload})

    def end(self, status: str = "complete", **payload: Any) -> None:
        self.write({"op": "end", "status": status, **payload}, sync=True)


def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:
        return ""


def _open_runs_folder() -> int:
    """The runs folder, made private if new, opened (never through a link)."""
    try:
        path = state.ensure_private(state.runs_dir())
        return os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except state.StateError as error:
        raise JournalError(str(error)) from None
    except OSError as error:
        raise JournalError(f"cannot open {state.runs_dir()}: {error.strerror}") from None


# -- what a killed run left ----------------------------------------------------------------
RUN_ID = re.compile(r"[0-9]{8}-[0-9]{6}-[0-9a-f]{6}")
_BUILDING = re.compile(r"\.([0-9]{8}-[0-9]{6}-[0-9a-f]{6})\.jsonl\.new")
LEFTOVER_AGE_S = 60.0  # a live run holds its half-made journal a few milliseconds


def clear_half_made_journals(now: float | None = None) -> list[str]:
    """Remove the `.<run-id>.jsonl.new` files a run killed while making its journal left
    (RunJournal.create): only a regular file of that name, older than a minute, that no
    process holds locked; looked at and removed by name in the runs folder's descriptor,
    never through a link. The names removed."""
    try:
        folder = os.open(state.runs_dir(), os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
                         | os.O_CLOEXEC)
    except OSError:
        return []
    removed = []
    try:
        moment = time.time() if now is None else now
        for name in os.listdir(folder):
            if _BUILDING.fullmatch(name) and _remove_if_dead(folder, name, moment):
                removed.append(name)
    except OSError:
        pass
    finally:
        os.close(folder)
    return removed


def _remove_if_dead(folder: int, name: str, moment: float) -> bool:
    try:
        st = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or moment - st.st_mtime < LEFTOVER_AGE_S:
        return False
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                     dir_fd=folder)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held by us until the unlink
        now_st = os.stat(name, dir_fd=folder, follow_symlinks=False)
        if (now_st.st_dev, now_st.st_ino) != (st.st_dev, st.st_ino) or (
                (os.fstat(fd).st_dev, os.fstat(fd).st_ino) != (st.st_dev, st.st_ino)):
            return False
        os.unlink(name, dir_fd=folder)
    except OSError:  # BlockingIOError: a live run holds it
        return False
    finally:
        os.close(fd)
    return True


def _end_torn_line(fd: int, path: str) -> None:
    """A kill mid-write can leave a last line without its newline: end it, so what is
    appended next starts a line of its own (the torn one stays out, as not JSON)."""
    size = os.fstat(fd).st_size
    if size == 0:
        return
    with open(path, "rb") as f:
        f.seek(size - 1)
        last = f.read(1)
    if last != b"\n":
        try:
            os.write(fd, b"\n")
        except OSError as error:  # a full disk: the run cannot be appended to now
            raise JournalWriteError.of(path, error) from None


# -- reading -------------------------------------------------------------------------------
def journal_path(run_id: str) -> str:
    if not run_id or "/" in run_id or run_id.startswith("."):
        raise JournalError(f"not a run id: {run_id!r}")
    return os.path.join(state.runs_dir(), run_id + ".jsonl")


def read_entries(path: str) -> list[Entry]:
    """Every complete entry; a torn last line (a kill mid-write) is left out. A missing
    file has none."""
    try:
        return _parse(_read(path))
    except FileNotFoundError:
        return []


def _read(path: str) -> bytes:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with open(fd, "rb") as f:
        return f.read()


def _parse(data: bytes) -> list[Entry]:
    entries: list[Entry] = []
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):  # RecursionError: nested past the parser
            continue
        if isinstance(value, dict):
            entries.append(value)
    return entries


def read_run_entries(path: str, run_id: str) -> list[Entry]:
    """The run's entries, checked (see the module doc); DamagedJournal when one is wrong
    (or it is not a regular file), NoSuchRun when it is gone."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise NoSuchRun(f"no fix run {run_id!r} (`tidy trash list` shows them)") from None
    except OSError as error:  # a link (ELOOP), a folder, a FIFO that gives nothing
        raise DamagedJournal(f"not a readable journal file: {error.strerror}") from None
    st = os.fstat(fd)
    if stat.S_ISDIR(st.st_mode):  # open() would refuse it and keep the descriptor
        os.close(fd)
        raise DamagedJournal(f"not a readable journal file: {os.strerror(errno.EISDIR)}")
    if st.st_uid != os.geteuid():
        # tidy writes every journal as the user who runs it: one of another user (left
        # from when the folder was shared, or copied in with its owner kept) is that user's
        # word, and that user may still write it (trust round 10).
        os.close(fd)
        raise DamagedJournal(f"owned by uid {st.st_uid}, not by you (uid {os.geteuid()}): "
                             "tidy acts only on journals it wrote as you")
    links = _other_links(path, run_id, st)
    if links:
        os.close(fd)
        raise DamagedJournal(links)
    try:
        with open(fd, "rb") as f:  # a FIFO reads as empty
            ident = _identity(os.fstat(f.fileno()))
            known = _READ.get(path)
            if known is not None and known[0] == (ident, run_id):
                return list(known[1])  # the same file, unchanged since read and checked
            entries = _parse_bounded(f, ident[2])
            unchanged = _identity(os.fstat(f.fileno())) == ident
    except OSError as error:
        raise DamagedJournal(f"not a readable journal file: {error.strerror}") from None
    problem = entries_problem(entries, run_id)
    if problem:
        raise DamagedJournal(problem)
    if unchanged:
        if len(_READ) >= _READ_KEPT:
            _READ.clear()
        _READ[path] = ((ident, run_id), tuple(entries))
    return entries


def _other_links(path: str, run_id: str, st: os.stat_result) -> str:
    """Why a journal with more than one name is not read ("" when it has one, or its only
    other name is the `.<run-id>.jsonl.new` it was made under, linked in and not yet
    unlinked: RunJournal.create, or a run killed in between). Any other name is a way to
    change it that tidy does not see (a file edited elsewhere, a journal of one run linked
    in as another's, or another user's hard link where links are not protected), and every
    line recovery appended would also change that file (trust round 11)."""
    if st.st_nlink <= 1:
        return ""
    if st.st_nlink == 2:
        building = os.path.join(os.path.dirname(path), f".{run_id}.jsonl.new")
        try:
            other = os.stat(building, follow_symlinks=False)
        except OSError:
            other = None
        if other is not None and (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
            return ""
    return (f"has {st.st_nlink} hard links: another name can change it unseen, and what "
            "tidy appended would change that file too; tidy reads only journals with one "
            "name")


# What a run's journal may hold (trust round 9: a journal swapped for a 3 GB sparse file was
# read whole by every command that lists runs, 4 GB of memory and 50 s for `tidy trash list`).
# A line is at most the begin's argv (the command line: 2 MiB on Linux, each byte escaped as
# up to 6); a run, about 600 bytes a moved item with its undo: 1 GiB is over a million items.
MAX_JOURNAL_BYTES = 1 << 30
MAX_LINE_BYTES = 16 << 20


def _parse_bounded(f: BinaryIO, size: int) -> list[Entry]:
    """_parse of a run's journal read a line at a time, no more than the bounds above:
    DamagedJournal past either, having read at most one line's bound."""
    if size > MAX_JOURNAL_BYTES:
        raise DamagedJournal(f"{size:,} bytes, more than any journal tidy writes "
                             f"({MAX_JOURNAL_BYTES:,})")
    entries: list[Entry] = []
    read = 0
    while True:
        line = f.readline(MAX_LINE_BYTES + 1)
        if not line:
            return entries
        read += len(line)
        if len(line) > MAX_LINE_BYTES or read > MAX_JOURNAL_BYTES:
            raise DamagedJournal(f"a line longer than any tidy writes ({MAX_LINE_BYTES:,} "
                                 "bytes)" if len(line) > MAX_LINE_BYTES else
                                 f"more than {MAX_JOURNAL_BYTES:,} bytes")
        entries.extend(_parse(line))


# A command reads a run's journal several times (recovery's look at every run, undo's choice,
# reopening it, reading it): 100,000 moves are 200,000 lines to parse and check each time.
# Kept while the file is the very one read: its inode, size, mtime and ctime (any write
# changes the ctime, which no program can set back), for the last few journals.
_READ: dict[str, tuple[tuple[tuple[int, ...], str], tuple[Entry, ...]]] = {}
_READ_KEPT = 16


def _identity(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_mode)


_INT = (int,)
_NUM = (int, float)
_STR = (str,)
# op -> {field: types}; every field listed must be there, with one of those types.
_REQUIRED: dict[str, dict[str, tuple[type, ...]]] = {
    "begin": {"roots": (list,)},
    "intent": {"action": _STR, "path": _STR},
    "skip": {"path": _STR, "reason": _STR},
    "end": {"status": _STR},
    "purged": {"items": _INT, "bytes": _INT, "errors": (list,)},
    "recovered": {"ref": _INT, "state": _STR},
    "recovered-undo": {"ref": _INT, "state": _STR},
    "trash-base": {"base": _STR, "scan_root": _STR},
}
for _op in ("done", "fail", "copied", "undo-intent", "undo-copied", "undo-done", "undo-fail"):
    _REQUIRED[_op] = {"ref": _INT}
# Descriptive fields that may be null; numbers and the paths acted on never may.
_NULLABLE = frozenset({"code", "kind", "type", "rel", "root", "reason", "warning", "command",
                       "cwd", "argv"})
# Intents of these actions must also carry these fields (what their undo reads).
_ACTION_REQUIRED: dict[str, dict[str, tuple[type, ...]]] = {
    "untrack": {"root": _STR, "rel": _STR},
}
# Fields that, when present, must have these types (whatever the op).
_OPTIONAL: dict[str, tuple[type, ...]] = {
    "dst": _STR, "method": _STR, "scan_root": _STR, "root": _STR, "rel": _STR, "code": _STR,
    "kind": _STR, "type": _STR, "bytes": _INT, "files": _INT, "mode": _INT, "src_dev": _INT,
    "src_ino": _INT, "reason": _STR, "warning": _STR, "argv": (list,), "command": _STR,
    "cwd": _STR, "pid": _INT, "ref": _INT, "action": _STR, "path": _STR, "merge_temp": _STR,
    "base": _STR, "src_birth": _INT, "src_gen": _INT, "linked_out": _INT,
    "copy_dev": _INT, "copy_ino": _INT, "copy_birth": _INT, "copy_gen": _INT, "aside": _INT,
    "host": _STR, "boot": _STR, "pid_start": _INT, "assumed": _STR,
}


def freed_bytes(intent: Entry) -> int:
    """What purging an intent's item frees: its bytes less those of files with names
    outside it (hard links into a store). Never negative, whatever the journal says."""
    size = max(0, int(intent.get("bytes", 0)))
    return max(0, size - max(0, int(intent.get("linked_out", 0))))


def entries_problem(entries: list[Entry], run_id: str) -> str:
    """"" when every entry has the journal's shape, else what is wrong (one line)."""
    if not entries:
        return "it holds no entry"  # tidy links a journal in with its begin: never empty
    if entries[0].get("op") != "begin":
        return "entry 1 is not the run's begin"
    last_seq = -1
    for number, entry in enumerate(entries, start=1):
        problem = _entry_problem(entry, run_id)
        if not problem and entry["seq"] <= last_seq:
            problem = f"seq {entry['seq']} does not follow {last_seq}"
        if problem:
            return f"entry {number}: {problem}"
        last_seq = entry["seq"]
    return ""


def _entry_problem(entry: Entry, run_id: str) -> str:
    if entry.get("run") != run_id:
        return f"belongs to run {entry.get('run')!r}"
    if not _typed(entry.get("seq"), _INT) or entry["seq"] < 0:
        return f'"seq" is not a number: {entry.get("seq")!r}'
    if not _typed(entry.get("time"), _NUM) or not _typed(entry.get("op"), _STR):
        return '"time" or "op" is missing or of the wrong type'
    wanted = dict(_REQUIRED.get(entry["op"], {}))
    if entry["op"] == "intent":
        wanted.update(_ACTION_REQUIRED.get(str(entry.get("action")), {}))
    for name, types in wanted.items():
        if not _typed(entry.get(name), types):
            return f"{entry['op']}: {name!r} is missing or of the wrong type"
    for name, value in entry.items():  # the entry's few fields, not every optional one
        optional = _OPTIONAL.get(name)
        if optional is not None and not (value is None and name in _NULLABLE) and not _typed(
                value, optional):
            return f"{entry['op']}: {name!r} is of the wrong type"
    for name in ("roots", "argv", "errors"):
        if isinstance(entry.get(name), list) and not all(
                isinstance(v, str) for v in entry[name]):
            return f"{entry['op']}: {name!r} holds something that is not text"
    return ""


def _typed(value: object, types: tuple[type, ...]) -> bool:
    return isinstance(value, types) and not isinstance(value, bool)


def quarantine(run_id: str, path: str, problem: str) -> str:
    """Set a damaged journal aside (renamed in its folder, never deleted); the notice."""
    aside = path + ".damaged"
    try:
        folder = os.open(os.path.dirname(path), os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
                         | os.O_CLOEXEC)
        try:
            os.rename(os.path.basename(path), os.path.basename(aside), src_dir_fd=folder,
                      dst_dir_fd=folder)
        finally:
            os.close(folder)
    except OSError as error:
        return (f"tidy: run {run_id}: its journal is damaged ({problem}) and could not be set "
                f"aside ({error.strerror}); it is left alone")
    return (f"tidy: run {run_id}: its journal is damaged ({problem}); set aside as {aside}, "
            "nothing of it is acted on")


def is_active(path: str) -> bool:
    """True while some process holds the run's lock (it is still running)."""
    return lock_held(path, fcntl.LOCK_SH)


def lock_held(path: str, mode: int = fcntl.LOCK_EX) -> bool:
    """True when another process holds a flock on `path` that `mode` would conflict with."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


@dataclass
class Intent:
    """One intent and what later entries say about it."""

    entry: Entry
    results: list[Entry] = field(default_factory=list)

    @property
    def seq(self) -> int:
        return int(self.entry["seq"])

    @property
    def action(self) -> str:
        return str(self.entry.get("action", ""))

    def last(self, *ops: str) -> Entry | None:
        found = [r for r in self.results if r.get("op") in ops]
        return found[-1] if found else None

    @property
    def applied(self) -> bool:
        """The change is in effect: made (or found made by recovery) and not undone since."""
        applied = False
        for result in self.results:
            op = result.get("op")
            if op == "done":
                applied = True
            elif op == "recovered":
                applied = result.get("state") == "moved"
            elif op == "undo-done":
                applied = False
            elif op == "recovered-undo":
                applied = result.get("state") != "restored"
        return applied

    @property
    def in_flight(self) -> bool:
        """Begun and never resolved: the run was killed between intent and outcome."""
        return not any(r.get("op") in ("done", "fail", "recovered") for r in self.results)

    @property
    def undo_in_flight(self) -> bool:
        """An undo of this intent began and was never resolved (killed mid-undo)."""
        undo = [r for r in self.results
                if str(r.get("op", "")).startswith("undo-") or r.get("op") == "recovered-undo"]
        return bool(undo) and undo[-1].get("op") in ("undo-intent", "undo-copied")

    def has(self, op: str) -> bool:
        return any(r.get("op") == op for r in self.results)


@dataclass
class RunRecord:
    run_id: str
    path: str
    entries: list[Entry]
    active: bool

    @property
    def begin(self) -> Entry:
        return self.entries[0] if self.entries and self.entries[0].get("op") == "begin" else {}

    @property
    def started(self) -> float:
        return float(self.begin.get("time", 0.0))

    @property
    def ended(self) -> Entry | None:
        ends = [e for e in self.entries if e.get("op") == "end"]
        return ends[-1] if ends else None

    @property
    def finished_at(self) -> float:
        end = self.ended
        return float(end["time"]) if end else (
            float(self.entries[-1].get("time", 0.0)) if self.entries else 0.0)

    @property
    def interrupted(self) -> bool:
        """Killed mid-run: no end entry and nobody holds the lock, or recovered since."""
        end = self.ended
        if end is None:
            return not self.active
        return end.get("status") == "interrupted"

    @property
    def purged(self) -> bool:
        """Its trash is gone: the last purge deleted everything. One that could not (files
        of another user, a mount inside) leaves the run partly purged (purge_begun): still
        listed, and the next purge tries again."""
        done = [e for e in self.entries if e.get("op") == "purged"]
        return bool(done) and not done[-1].get("errors")

    @property
    def purge_begun(self) -> bool:
        """A purge began deleting its trash (finished or not): nothing of it is whole."""
        return any(e.get("op") == "purge-begin" for e in self.entries)

    def intents(self) -> list[Intent]:
        by_seq: dict[int, Intent] = {}
        for entry in self.entries:
            op = entry.get("op")
            if op == "intent":
                by_seq[int(entry["seq"])] = Intent(entry)
            elif "ref" in entry and int(entry["ref"]) in by_seq:
                by_seq[int(entry["ref"])].results.append(entry)
        return list(by_seq.values())

    def skips(self) -> list[Entry]:
        return [e for e in self.entries if e.get("op") == "skip"]


def read_run(run_id: str, quarantine_damaged: bool = True) -> RunRecord:
    """One run, checked; a damaged journal is set aside (JournalError with the notice)."""
    path = journal_path(run_id)
    record = _load(run_id, path, quarantine_damaged)
    if record is None:
        notices = take_notices()
        if not notices:
            raise NoSuchRun(f"no fix run {run_id!r} (`tidy trash list` shows them)")
        raise JournalError(notices[-1].removeprefix("tidy: "))
    return record


def list_runs(quarantine_damaged: bool = True) -> list[RunRecord]:
    """Every run whose journal is sound, oldest first. A damaged one is set aside (or, with
    quarantine_damaged=False, as in a dry run, only left out) with a notice."""
    folder = state.runs_dir()
    try:
        state.check_private(folder)  # journals another user could have written: never read
    except state.StateError as error:
        raise UntrustedState(str(error)) from None
    try:
        if os.path.islink(folder):
            _NOTICES.append(f"tidy: {folder} is a symlink: tidy's journals are never read "
                            "through a link")
            return []
        names = sorted(n for n in os.listdir(folder) if n.endswith(".jsonl"))
    except FileNotFoundError:
        return []
    runs = []
    for name in names:
        record = _load(name.removesuffix(".jsonl"), os.path.join(folder, name),
                       quarantine_damaged)
        if record is not None:
            runs.append(record)
    # By the time each began: a run id names the second only (two in one second would sort
    # by their random part).
    return sorted(runs, key=lambda r: (r.started, r.run_id))


def _load(run_id: str, path: str, quarantine_damaged: bool) -> RunRecord | None:
    active = is_active(path)
    try:
        entries = read_run_entries(path, run_id)
    except NoSuchRun:
        return None  # set aside or purged by another tidy since the folder was listed
    except DamagedJournal as error:
        if active or not quarantine_damaged:
            _NOTICES.append(f"tidy: run {run_id}: its journal is damaged ({error}); left out")
        else:
            _NOTICES.append(quarantine(run_id, path, str(error)))
        return None
    if not active and not any(e.get("op") == "end" for e in entries):
        active = bool(_running_unlocked(path, entries))
    return RunRecord(run_id, path, entries, active)


def running_unlocked(record: RunRecord) -> str:
    """_running_unlocked for a run read already: asked by undo, which holds the run's lock
    itself (so `active` says nothing of another machine's run)."""
    if record.ended is not None:
        return ""
    return _running_unlocked(record.path, record.entries)


def _running_unlocked(path: str, entries: list[Entry]) -> str:
    """Why a run nobody holds the lock of may still be running (run_owner.still_running):
    then it is not a killed run, and nothing acts on it ("" when it is not)."""
    if not entries or entries[0].get("op") != "begin":
        return ""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return ""
    return still_running(entries[0], st, time.time())


# -- audit log -----------------------------------------------------------------------------
def audit(event: str, run_id: str, **payload: Any) -> None:
    """One line in the audit log: what happened, when, to how much, by which command."""
    folder = state.ensure_dir(state.state_dir())
    entry = {"time": round(time.time(), 3), "event": event, "run": run_id,
             "argv": sys.argv, "cwd": _cwd(), "user": _user(), **payload}
    try:
        fd = open_for_append(os.path.join(folder, "log.jsonl"))
    except (UnsafeFile, OSError) as error:  # the run itself is done and journaled
        _NOTICES.append(f"tidy: the audit log was not written: {error}")
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # concurrent tidy processes: whole lines only
        os.write(fd, _dumps(entry))
        os.fsync(fd)
    except OSError as error:  # a full disk: the run is done and journaled all the same
        _NOTICES.append(f"tidy: the audit log was not written: {error.strerror}")
    finally:
        os.close(fd)


def read_audit() -> Iterator[Entry]:
    yield from read_entries(state.audit_log_path())


def _user() -> str:
    for name in ("USER", "LOGNAME"):
        if os.environ.get(name):
            return os.environ[name]
    return str(os.getuid())
