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
    end         the run finished (status: complete / interrupted)
    undo-begin, undo-intent, undo-copied, undo-done, undo-fail, undo-end   the same for `tidy undo`
    purged      the run's trash was deleted for good (`tidy trash purge`)

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
import fcntl
import json
import os
import secrets
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from tidy import __version__, state

Entry = dict[str, Any]


class JournalError(RuntimeError):
    """A journal that cannot be written or read: the fix must not go on."""


class RunBusy(JournalError):
    """Another tidy process holds this run (it is still running)."""


def new_run_id(now: float | None = None) -> str:
    """Sortable and unique: 20261126-101500-3fa9c1."""
    moment = time.localtime(now if now is not None else time.time())
    return f"{time.strftime('%Y%m%d-%H%M%S', moment)}-{secrets.token_hex(3)}"


def _dumps(entry: Mapping[str, Any]) -> bytes:
    # ensure_ascii: lone surrogates (non-UTF-8 names) become \udcXX, never invalid UTF-8.
    return (json.dumps(entry, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def _fsync_dir(path: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class RunJournal:
    """An open journal that this process appends to, holding its lock."""

    def __init__(self, run_id: str, path: str, fd: int, next_seq: int) -> None:
        self.run_id = run_id
        self.path = path
        self._fd = fd
        self._seq = next_seq

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, command: str, roots: tuple[str, ...] = (),
               argv: list[str] | None = None) -> RunJournal:
        folder = state.ensure_dir(state.runs_dir())
        run_id = new_run_id()
        path = os.path.join(folder, run_id + ".jsonl")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | os.O_CLOEXEC,
                     0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        journal = cls(run_id, path, fd, 0)
        journal.write({
            "op": "begin", "command": command, "argv": argv if argv is not None else sys.argv,
            "cwd": _cwd(), "roots": list(roots), "pid": os.getpid(), "version": __version__,
        }, sync=True)
        _fsync_dir(folder)  # the file's name must survive a crash too
        return journal

    @classmethod
    def reopen(cls, run_id: str) -> RunJournal:
        """Append to an existing run (undo, recovery, purge); RunBusy when it is running."""
        path = journal_path(run_id)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CLOEXEC)
        except FileNotFoundError:
            raise JournalError(f"no fix run {run_id!r} (`tidy trash list` shows them)") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise RunBusy(f"run {run_id} is in use by another tidy process") from None
        entries = read_entries(path)
        next_seq = max((int(e.get("seq", -1)) for e in entries), default=-1) + 1
        return cls(run_id, path, fd, next_seq)

    def close(self) -> None:
        if self._fd >= 0:
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
        self._seq += 1
        line = _dumps({"run": self.run_id, "seq": seq, "time": round(time.time(), 3), **entry})
        written = os.write(self._fd, line)
        if written != len(line):
            raise JournalError(f"{self.path}: short write to the journal")
        if sync:
            os.fsync(self._fd)
        return seq

    def intent(self, action: str, **payload: Any) -> int:
        """Record what is about to change. Durable before it returns: call it, then act."""
        return self.write({"op": "intent", "action": action, **payload}, sync=True)

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


# -- reading -------------------------------------------------------------------------------
def journal_path(run_id: str) -> str:
    if not run_id or "/" in run_id or run_id.startswith("."):
        raise JournalError(f"not a run id: {run_id!r}")
    return os.path.join(state.runs_dir(), run_id + ".jsonl")


def read_entries(path: str) -> list[Entry]:
    """Every complete entry; a torn last line (a kill mid-write) is left out."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return []
    entries: list[Entry] = []
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            entries.append(value)
    return entries


def is_active(path: str) -> bool:
    """True while some process holds the run's lock (it is still running)."""
    return lock_held(path, fcntl.LOCK_SH)


def lock_held(path: str, mode: int = fcntl.LOCK_EX) -> bool:
    """True when another process holds a flock on `path` that `mode` would conflict with."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
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
        return any(e.get("op") == "purged" for e in self.entries)

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


def read_run(run_id: str) -> RunRecord:
    path = journal_path(run_id)
    if not os.path.exists(path):
        raise JournalError(f"no fix run {run_id!r} (`tidy trash list` shows them)")
    return RunRecord(run_id, path, read_entries(path), is_active(path))


def list_runs() -> list[RunRecord]:
    """Every run, oldest first."""
    folder = state.runs_dir()
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".jsonl"))
    except FileNotFoundError:
        return []
    runs = []
    for name in names:
        path = os.path.join(folder, name)
        runs.append(RunRecord(name.removesuffix(".jsonl"), path, read_entries(path),
                              is_active(path)))
    return runs


# -- audit log -----------------------------------------------------------------------------
def audit(event: str, run_id: str, **payload: Any) -> None:
    """One line in the audit log: what happened, when, to how much, by which command."""
    folder = state.ensure_dir(state.state_dir())
    entry = {"time": round(time.time(), 3), "event": event, "run": run_id,
             "argv": sys.argv, "cwd": _cwd(), "user": _user(), **payload}
    fd = os.open(os.path.join(folder, "log.jsonl"),
                 os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # concurrent tidy processes: whole lines only
        os.write(fd, _dumps(entry))
        os.fsync(fd)
    finally:
        os.close(fd)


def read_audit() -> Iterator[Entry]:
    yield from read_entries(state.audit_log_path())


def _user() -> str:
    for name in ("USER", "LOGNAME"):
        if os.environ.get(name):
            return os.environ[name]
    return str(os.getuid())
