"""Trends: how a repo's bloat moves, scan after scan. Every scan appends its totals to a small
SQLite database (`tidy history` shows it; "history" elsewhere in tidy means git history).

    --history-db PATH            the database file (CI points this at a cached file)
    otherwise                    history.sqlite in tidy's state folder (tidy/core/state.py:
                                 $TIDY_STATE_DIR, else $XDG_STATE_HOME/tidy or
                                 ~/.local/state/tidy, on macOS ~/Library/Application Support/tidy)

One row per scanned group (a repo, or a plain folder) in `scans`, its per-family totals in
`family_totals`. The schema is versioned with PRAGMA user_version; a database written by a newer
tidy is refused rather than guessed at. Several tidy processes (a scheduled scan beside a
pre-commit hook) may write at once: WAL journal, a busy timeout, and one short write
transaction per scan.

The CLI records after the scan; the engine never writes here.
"""

from __future__ import annotations

import io
import os
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import humanize

from tidy.core import state
from tidy.core.models import Finding, Group, Report, Surface
from tidy.core.safe_files import kind_of

if TYPE_CHECKING:
    from rich.text import Text

SCHEMA_VERSION = 1
DB_NAME = "history.sqlite"
_BUSY_TIMEOUT_S = 30.0
_WAL_ATTEMPTS = 10  # ~3 s in all before the rollback journal is kept

# Finding families, in the order reports list them. "clean" is what no finding claims.
FAMILIES = ("cache", "artifact", "data", "vendored", "big", "duplicate", "ignore", "history",
            "other")
_BY_PREFIX = {"TDY3": "data", "TDY4": "vendored", "TDY5": "ignore"}
# What each family's row of `tidy history` is, in words and codes: a bare "ignore 23.4 MB"
# read as bytes tidy ignored, where it is findings missing ignore rules. (The HTML report's
# chart has a legend of its own, reporters/html.py FAMILIES.)
FAMILY_LABELS = {"cache": "caches (1xx)", "artifact": "build outputs, junk (1xx)",
                 "data": "data in code (3xx)", "vendored": "vendored code (4xx)",
                 "big": "big tracked files (2xx)", "duplicate": "duplicates (2xx)",
                 "ignore": "missing ignore rules (5xx)", "history": "git history (2xx)",
                 "other": "other findings"}
_BY_CODE = {"TDY201": "big", "TDY202": "big", "TDY203": "history", "TDY204": "duplicate",
            "TDY205": "duplicate", "TDY206": "history"}
# Build outputs (as opposed to tool caches and installed dependencies), by catalogue kind name.
_ARTIFACT_WORDS = ("build", "dist", "target", "egg-info", "bin-obj", "static", "deriveddata",
                   "cmake", "coverage", "htmlcov", "outputs", ".next", ".nuxt", ".svelte-kit")


class TrendsError(RuntimeError):
    """The history database cannot be used (unreadable, not SQLite, from a newer tidy)."""


# ---------------------------------------------------------------------------- families
def family_of(finding: Finding) -> str:
    """Which bloat family a finding belongs to (the treemap's colour, a history column)."""
    code = finding.code
    if code in _BY_CODE:
        return _BY_CODE[code]
    if code[:4] in _BY_PREFIX:
        return _BY_PREFIX[code[:4]]
    if code == "TDY104":
        return "artifact"  # stray files a tool or the OS left behind
    if code.startswith("TDY1"):
        kind = finding.kind.lower()
        return "artifact" if any(word in kind for word in _ARTIFACT_WORDS) else "cache"
    return "other"


def family_totals(findings: Iterable[Finding]) -> dict[str, tuple[int, int]]:
    """family -> (bytes, findings); a path inside one already counted adds no bytes again."""
    by_family: dict[str, list[Finding]] = {}
    for finding in findings:
        by_family.setdefault(family_of(finding), []).append(finding)
    totals = {}
    for family, members in by_family.items():
        totals[family] = (_outermost_bytes(members), len(members))
    return totals


def _outermost_bytes(findings: list[Finding]) -> int:
    total, last = 0, None
    for finding in sorted(findings, key=lambda f: (f.path, -f.size.apparent)):
        path = finding.path
        if last is not None and (path == last or last == "." or path.startswith(last + "/")):
            continue
        last = path
        total += finding.size.apparent
    return total


# ---------------------------------------------------------------------------- totals
@dataclass(frozen=True)
class Totals:
    """What one scan of one repo amounted to: a row of the history."""

    repo: str  # absolute root of the group
    scanned_at: float  # seconds since the epoch
    scanned_bytes: int
    scanned_files: int
    tracked_bytes: int | None  # None: not a repo, or git could not tell
    tracked_files: int | None
    surface_before: Surface
    surface_after: Surface
    reclaimable_bytes: int
    findings: int
    families: tuple[tuple[str, int, int], ...]  # (family, bytes, count), FAMILIES order

    def family_bytes(self, family: str) -> int:
        return next((b for f, b, _ in self.families if f == family), 0)

    def family_count(self, family: str) -> int:
        return next((c for f, _, c in self.families if f == family), 0)


def totals_of(group: Group, scanned_at: float, tracked: tuple[int, int] | None) -> Totals:
    families = family_totals(group.findings)
    return Totals(
        repo=group.root,
        scanned_at=scanned_at,
        scanned_bytes=group.scanned.apparent,
        scanned_files=group.scanned.files,
        tracked_bytes=None if tracked is None else tracked[1],
        tracked_files=None if tracked is None else tracked[0],
        surface_before=group.surface_before,
        surface_after=group.surface_after,
        reclaimable_bytes=group.reclaimable.apparent,
        findings=len(group.findings),
        families=tuple((f, *families[f]) for f in FAMILIES if f in families),
    )


def tracked_size(repo: str) -> tuple[int, int] | None:
    """(files, bytes) in git's index (tidy.workspace.blobs.index_size)."""
    from tidy.workspace.blobs import index_size

    return index_size(repo)


def report_totals(report: Report, scanned_at: float | None = None) -> list[Totals]:
    """One Totals per group of the report; git is asked for each repo's tracked size."""
    when = time.time() if scanned_at is None else scanned_at
    return [totals_of(g, when, (g.tracked or tracked_size(g.root)) if g.is_repo else None)
            for g in report.groups]


# ---------------------------------------------------------------------------- location
def default_path() -> str:
    """Where the history lives when --history-db is not given (the file is not created)."""
    return os.path.join(state.state_dir(), DB_NAME)


# ---------------------------------------------------------------------------- database
_SCHEMA_V1 = """
CREATE TABLE scans (
    id INTEGER PRIMARY KEY,
    repo TEXT NOT NULL,
    scanned_at REAL NOT NULL,
    scanned_bytes INTEGER NOT NULL,
    scanned_files INTEGER NOT NULL,
    tracked_bytes INTEGER,
    tracked_files INTEGER,
    surface_before_files INTEGER NOT NULL,
    surface_before_bytes INTEGER NOT NULL,
    surface_after_files INTEGER NOT NULL,
    surface_after_bytes INTEGER NOT NULL,
    reclaimable_bytes INTEGER NOT NULL,
    findings INTEGER NOT NULL,
    tool_version TEXT NOT NULL
);
CREATE INDEX scans_by_repo ON scans (repo, scanned_at);
CREATE TABLE family_totals (
    scan_id INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    family TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (scan_id, family)
);
"""


class Trends:
    """An open history database. Use as a context manager, or call close()."""

    def __init__(self, path: str, create: bool = True) -> None:
        self.path = path
        self._db = _connect(path, create)
        try:
            self._migrate()
        except BaseException:
            self._db.close()
            raise

    def __enter__(self) -> Trends:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _migrate(self) -> None:
        version = self._user_version()
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise TrendsError(f"{self.path}: written by a newer tidy (schema {version}, "
                               f"this tidy reads {SCHEMA_VERSION})")
        with self._write():
            # Another process may have created it between the read above and our lock.
            if self._user_version() == 0:
                # Statement by statement: executescript() would commit our transaction first.
                for statement in _SCHEMA_V1.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _user_version(self) -> int:
        try:
            row = self._db.execute("PRAGMA user_version").fetchone()
        except sqlite3.DatabaseError as error:
            raise _unusable(self.path, error) from None
        return int(row[0])

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One IMMEDIATE transaction: takes the write lock up front, so writers queue politely."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise TrendsError(f"{self.path}: {error}") from None
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def append(self, rows: Sequence[Totals]) -> list[int]:
        """Add one scan's rows in one transaction; their ids."""
        from tidy import __version__

        ids = []
        with self._write(), _as_history_error(self.path):
            for row in rows:
                cursor = self._db.execute(
                    "INSERT INTO scans (repo, scanned_at, scanned_bytes, scanned_files, "
                    "tracked_bytes, tracked_files, surface_before_files, surface_before_bytes, "
                    "surface_after_files, surface_after_bytes, reclaimable_bytes, findings, "
                    "tool_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (_text(row.repo), row.scanned_at, row.scanned_bytes, row.scanned_files,
                     row.tracked_bytes, row.tracked_files, row.surface_before.files,
                     row.surface_before.bytes, row.surface_after.files, row.surface_after.bytes,
                     row.reclaimable_bytes, row.findings, __version__))
                scan_id = int(cursor.lastrowid or 0)
                self._db.executemany(
                    "INSERT INTO family_totals (scan_id, family, bytes, count) VALUES (?, ?, ?, ?)",
                    [(scan_id, family, size, count) for family, size, count in row.families])
                ids.append(scan_id)
        return ids

    def entries(self, repo: str, limit: int | None = None) -> list[Totals]:
        """The scans of `repo`, oldest first (the newest `limit` when given)."""
        query = "SELECT * FROM scans WHERE repo = ? ORDER BY scanned_at DESC, id DESC"
        params: tuple[Any, ...] = (_text(repo),)
        if limit is not None:
            query += " LIMIT ?"
            params += (limit,)
        with _as_history_error(self.path):
            rows = self._db.execute(query, params).fetchall()
            families = self._families([r["id"] for r in rows])
        return [_totals_from(r, families.get(r["id"], ())) for r in reversed(rows)]

    def repos(self, under: str | None = None) -> list[str]:
        """Every repo with a recorded scan (at or below `under` when given), sorted."""
        names = [r[0] for r in self._db.execute("SELECT DISTINCT repo FROM scans ORDER BY repo")]
        if under is None:
            return names
        under = _text(under)
        prefix = under if under.endswith("/") else under + "/"
        return [n for n in names if n == under or n.startswith(prefix)]

    def _families(self, ids: list[int]) -> dict[int, tuple[tuple[str, int, int], ...]]:
        found: dict[int, list[tuple[str, int, int]]] = {}
        for start in range(0, len(ids), 500):  # SQLite caps the number of bound parameters
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                    f"SELECT scan_id, family, bytes, count FROM family_totals "
                    f"WHERE scan_id IN ({marks})", chunk):
                found.setdefault(row[0], []).append((row[1], row[2], row[3]))
        order = {f: i for i, f in enumerate(FAMILIES)}
        return {k: tuple(sorted(v, key=lambda t: order.get(t[0], len(order))))
                for k, v in found.items()}


@contextmanager
def _as_history_error(path: str) -> Iterator[None]:
    """A locked, full or damaged database: one clear line, not a traceback."""
    try:
        yield
    except sqlite3.Error as error:
        raise TrendsError(f"{path}: {error}") from None


def _unusable(path: str, error: sqlite3.DatabaseError) -> TrendsError:
    """What went wrong, in the user's terms: only a file that is no SQLite database (or a
    damaged one) is "not a tidy history database"; a full disk, a read-only folder or an I/O
    error is said as itself (a full disk read as a broken database, to be deleted)."""
    if getattr(error, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
        return TrendsError(f"{path}: not a tidy history database ({error})")
    return TrendsError(f"{path}: cannot use the history database ({error})")


def _connect(path: str, create: bool) -> sqlite3.Connection:
    if not create and not os.path.lexists(path):
        raise TrendsError(f"{path}: no history recorded yet (`tidy scan` records one)")
    if os.path.isdir(path):
        raise TrendsError(f"{path}: is a directory, not a history database")
    before = _own_database(path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        if create:
            os.makedirs(folder, mode=0o700, exist_ok=True)  # it names every repo scanned
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE above).
        db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        raise TrendsError(f"{path}: cannot open the history database ({error})") from None
    after = _own_database(path, db)
    if before is not None and after != before:
        db.close()
        raise TrendsError(f"{path}: replaced while being opened; the history was not used")
    db.row_factory = sqlite3.Row
    try:
        db.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
        _ask_for_wal(db)
        # In WAL mode, NORMAL syncs at each checkpoint (the last close's, at the latest), not
        # at each commit as FULL does: SQLite's documented choice for WAL, never a corrupt
        # file; a power cut may lose the rows of the last scans, a record of past totals
        # only. Every scan writes here: FULL's syncs were 2 of its 5 (3-20 ms on a busy disk).
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        db.close()
        raise _unusable(path, error) from None
    return db


def _own_database(path: str, opened: sqlite3.Connection | None = None
                  ) -> tuple[int, int] | None:
    """(st_dev, st_ino) of the database file, None when there is none yet: only a regular
    file that is not a symlink. SQLite follows a link (every scan would add tidy's tables
    and rows to whatever database it names, or create the file it points to) and fails on
    a FIFO with an I/O error that names nothing. Checked again once SQLite has opened it
    (no write happens before), so a link swapped in meanwhile is refused too."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        if opened is None:
            return None
        st = None
    except OSError as error:  # a state folder this user may not enter
        if opened is not None:
            opened.close()
        raise TrendsError(f"{path}: cannot open the history database ({error.strerror})"
                          ) from None
    if st is None or not stat.S_ISREG(st.st_mode):
        if opened is not None:
            opened.close()
        what = "gone" if st is None else kind_of(st.st_mode)
        raise TrendsError(f"{path}: is {what}, not a regular file; the history is neither "
                          "read nor written")
    return st.st_dev, st.st_ino


def _ask_for_wal(db: sqlite3.Connection) -> None:
    """WAL: readers never block the writer. Switching a new database to WAL can answer
    "database is locked" at once, without waiting on the busy timeout, while another process
    creates it too; after a few tries the rollback journal is kept (the busy timeout still
    serialises writers), as where WAL is not possible at all (some network filesystems)."""
    for attempt in range(_WAL_ATTEMPTS):
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return  # set once by whoever created it; asking again needs the lock
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            time.sleep(0.05 * (attempt + 1))


def _text(path: str) -> str:
    # Paths may hold undecodable bytes (surrogate escapes); SQLite wants valid UTF-8.
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _totals_from(row: sqlite3.Row, families: tuple[tuple[str, int, int], ...]) -> Totals:
    return Totals(
        repo=row["repo"],
        scanned_at=row["scanned_at"],
        scanned_bytes=row["scanned_bytes"],
        scanned_files=row["scanned_files"],
        tracked_bytes=row["tracked_bytes"],
        tracked_files=row["tracked_files"],
        surface_before=Surface(row["surface_before_files"], row["surface_before_bytes"]),
        surface_after=Surface(row["surface_after_files"], row["surface_after_bytes"]),
        reclaimable_bytes=row["reclaimable_bytes"],
        findings=row["findings"],
        families=families,
    )


def record(report: Report, path: str | None = None, scanned_at: float | None = None) -> list[int]:
    """Append the report's totals (one row per group) to the history at `path`."""
    rows = report_totals(report, scanned_at)
    if not rows:
        return []
    with Trends(path or default_path()) as history:
        return history.append(rows)


# ---------------------------------------------------------------------------- metrics
Past = Mapping[str, Sequence[Totals]]  # group root -> its recorded scans, oldest first


def record_and_read(report: Report, db_path: str | None, *, save: bool,
                    read: bool) -> tuple[Past, str]:
    """Append the scan's totals (`save`; the CLI does, never the engine) and, when a report
    draws them (`read`), the groups' past scans. A database that cannot be used is a warning, not
    a failed scan: ({}, the warning)."""
    path = db_path or default_path()
    try:
        if save:
            record(report, path)
        if not read or not os.path.lexists(path):
            return {}, ""
        with Trends(path, create=False) as past:
            return {g.root: past.entries(g.root, limit=500) for g in report.groups}, ""
    except (TrendsError, sqlite3.Error) as error:
        return {}, str(error)


@dataclass(frozen=True)
class Metric:
    """One line of `tidy history` and of the report's chart."""

    key: str
    label: str
    unit: str  # "bytes" or "count"
    values: tuple[int | None, ...]  # one per scan, oldest first


def metrics(entries: Sequence[Totals]) -> list[Metric]:
    """The series worth watching, for the table and the chart; families seen at least once."""
    def series(get: Any) -> tuple[int | None, ...]:
        return tuple(get(e) for e in entries)

    found = [
        Metric("scanned_bytes", "scanned", "bytes", series(lambda e: e.scanned_bytes)),
        Metric("tracked_bytes", "tracked by git", "bytes", series(lambda e: e.tracked_bytes)),
        Metric("surface_before_bytes", "search surface", "bytes",
               series(lambda e: e.surface_before.bytes)),
        Metric("surface_after_bytes", "surface after fix", "bytes",
               series(lambda e: e.surface_after.bytes)),
        Metric("surface_before_files", "search surface files", "count",
               series(lambda e: e.surface_before.files)),
        Metric("reclaimable_bytes", "reclaimable", "bytes", series(lambda e: e.reclaimable_bytes)),
        Metric("findings", "findings", "count", series(lambda e: e.findings)),
    ]
    seen = {f for e in entries for f, _, _ in e.families}
    for family in FAMILIES:
        if family in seen:
            found.append(Metric(f"family.{family}", family, "bytes",
                                series(lambda e, fam=family: _family_value(e, fam))))
    return found


# Families only a scan that asked for them measures (`--history` walks git history): a scan
# without one is "not measured", never 0, or the next --history scan reads as growth.
_OPT_IN_FAMILIES = frozenset({"history"})


def _row_label(metric: Metric) -> str:
    family = metric.key.removeprefix("family.")
    return FAMILY_LABELS.get(family, metric.label) if metric.key.startswith("family.") else (
        metric.label)


def _family_value(entry: Totals, family: str) -> int | None:
    if family in _OPT_IN_FAMILIES and all(f != family for f, _, _ in entry.families):
        return None
    return entry.family_bytes(family)


def _first_and_last(values: Sequence[int | None]) -> tuple[int | None, int | None]:
    """The first and last measured values (None where a scan did not measure the metric)."""
    known = [v for v in values if v is not None]
    return (known[0], known[-1]) if known else (None, None)


_BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int | None], width: int = 24) -> str:
    """The last `width` values as block characters, scaled between their min and max."""
    shown = list(values)[-width:]
    known = [v for v in shown if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    span = high - low
    out = []
    for value in shown:
        if value is None:
            out.append(" ")
        elif span == 0:
            out.append(_BLOCKS[len(_BLOCKS) // 2] if high else _BLOCKS[0])
        else:
            out.append(_BLOCKS[round((value - low) / span * (len(_BLOCKS) - 1))])
    return "".join(out)


def entries_json(repo: str, entries: Sequence[Totals]) -> dict[str, Any]:
    return {
        "repo": repo,
        "scans": [
            {
                "scanned_at": e.scanned_at,
                "scanned": {"bytes": e.scanned_bytes, "files": e.scanned_files},
                "tracked": None if e.tracked_bytes is None else {
                    "bytes": e.tracked_bytes, "files": e.tracked_files},
                "surface": {
                    "before": {"files": e.surface_before.files, "bytes": e.surface_before.bytes},
                    "after": {"files": e.surface_after.files, "bytes": e.surface_after.bytes},
                },
                "reclaimable_bytes": e.reclaimable_bytes,
                "findings": e.findings,
                "families": {f: {"bytes": b, "count": c} for f, b, c in e.families},
            }
            for e in entries
        ],
    }


def render_table(repo: str, entries: Sequence[Totals], width: int = 100,
                 color: bool = False) -> str:
    """`tidy history`: one line per metric with first, last, change and a sparkline."""
    from rich import box
    from rich.console import Console  # here, not at the top: a scan records without rich
    from rich.table import Table
    from rich.text import Text

    def amount(value: int | None, unit: str) -> str:
        if value is None:
            return "-"
        return humanize.naturalsize(value) if unit == "bytes" else f"{value:,}"

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      highlight=False, soft_wrap=False)
    first, last = entries[0], entries[-1]
    console.print(Text(f"{_text(repo)}: {len(entries)} scan{'' if len(entries) == 1 else 's'}, "
                       f"{_when(first.scanned_at)} .. {_when(last.scanned_at)}", style="bold"))
    # Lines drawn only on a terminal: piped text stays plain ASCII columns.
    table = Table(show_edge=False, pad_edge=False, box=box.HEAVY_HEAD if color else None)
    for column, justify in (("metric", "left"), ("first", "right"), ("last", "right"),
                            ("change", "right"), ("trend", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for metric in metrics(entries):
        begin, end = _first_and_last(metric.values)
        table.add_row(_row_label(metric), amount(begin, metric.unit), amount(end, metric.unit),
                      _change(begin, end, metric.unit), sparkline(metric.values))
    console.print(table)
    return buffer.getvalue()


def _change(begin: int | None, end: int | None, unit: str) -> Text:
    from rich.text import Text

    if begin is None or end is None:
        return Text("")
    delta = end - begin
    if delta == 0:
        return Text("=")
    shown = humanize.naturalsize(abs(delta)) if unit == "bytes" else f"{abs(delta):,}"
    return Text(("+" if delta > 0 else "-") + shown, style="red" if delta > 0 else "green")


def _when(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))


# ---------------------------------------------------------------------------- `tidy history`
def repo_key(path: str) -> str:
    """The key a scan of `path` records under: its repo's root, as the engine names it."""
    from tidy.workspace.git import find_repo_root

    real = os.path.realpath(path)
    return find_repo_root(real) or real


def command(path: str, db_path: str | None, limit: int | None, output_format: str,
            width: int = 100, color: bool = False) -> str:
    """The text of `tidy history PATH`: PATH's repo, or every recorded repo below PATH."""
    import json

    if not os.path.exists(path):
        raise TrendsError(f"{path}: no such file or directory")
    key = repo_key(path)
    database = db_path or default_path()
    found: list[tuple[str, list[Totals]]] = []
    if os.path.lexists(database):
        with Trends(database, create=False) as history:
            repos = history.repos(under=key)  # the repo itself and repos nested below it
            found = [(repo, history.entries(repo, limit)) for repo in repos]
    if output_format == "json":
        payload = {"version": SCHEMA_VERSION, "database": database,
                   "repos": [entries_json(_text(repo), rows) for repo, rows in found]}
        return json.dumps(payload, indent=2, ensure_ascii=True) + "\n"
    if not found:
        return f"no scans of {_text(key)} recorded in {database} yet; `tidy scan` records one\n"
    return "\n".join(render_table(repo, rows, width, color) for repo, rows in found)
