"""Scan history: the SQLite database, `tidy scan` recording into it, and `tidy history`."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import (
    CliResult,
    commit,
    du_apparent,
    git,
    hermetic_env,
    make_repo,
    run_cli,
    scan_json,
    write,
)
from tidy import trends
from tidy.core.config import Config
from tidy.core.models import Finding, Size
from tidy.engine import scan

Invoke = Callable[..., CliResult]


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps its history in its own folder, never in the user's."""
    folder = tmp_path / "state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(folder))
    return folder


def small_repo(root: Path) -> Path:
    repo = make_repo(root / "repo")
    write(repo / "pyproject.toml", "[project]\nname = 'x'\n")
    write(repo / "src/main.py", "print('hi')\n")
    write(repo / "data/big.bin", size=1_200_000)
    commit(repo)
    write(repo / "src/__pycache__/main.cpython-311.pyc", size=50_000)
    return repo


# --------------------------------------------------------------------------- where it lives
def test_the_database_lives_in_the_state_folder(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "s"))
    assert trends.default_path() == str(tmp_path / "s" / "history.sqlite")
    monkeypatch.delenv("TIDY_STATE_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert trends.default_path() == str(tmp_path / "xdg" / "tidy" / "history.sqlite")
    monkeypatch.setenv("XDG_STATE_HOME", "relative/path")  # invalid per the XDG spec: ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert trends.default_path() == str(
        tmp_path / "home" / ".local" / "state" / "tidy" / "history.sqlite")
    monkeypatch.setattr(sys, "platform", "darwin")  # macOS keeps state with app support
    assert trends.default_path() == str(
        tmp_path / "home" / "Library" / "Application Support" / "tidy" / "history.sqlite")


# --------------------------------------------------------------------------- families
@pytest.mark.parametrize(("code", "kind", "family"), [
    ("TDY101", "__pycache__", "cache"), ("TDY101", "node_modules", "cache"),
    ("TDY101", "python-build", "artifact"), ("TDY102", "cargo-target", "artifact"),
    ("TDY104", "os-junk", "artifact"), ("TDY201", "", "big"), ("TDY202", "", "big"),
    ("TDY203", "", "history"), ("TDY204", "", "duplicate"), ("TDY205", "", "duplicate"),
    ("TDY301", "", "data"), ("TDY401", "", "vendored"), ("TDY501", "", "ignore"),
    ("TDY999", "", "other"),
])
def test_each_code_has_a_family(code: str, kind: str, family: str) -> None:
    assert trends.family_of(Finding(code=code, rule="r", path="x", message="", kind=kind)) == (
        family)


def test_a_path_inside_one_already_counted_adds_no_bytes() -> None:
    def cache(path: str, size: int) -> Finding:
        return Finding(code="TDY101", rule="r", path=path, message="", kind="__pycache__",
                       size=Size(size))

    totals = trends.family_totals([cache("a", 100), cache("a/b", 40), cache("ab", 7),
                                    cache("c/d", 5)])
    assert totals == {"cache": (112, 4)}


# --------------------------------------------------------------------------- the database
def test_totals_round_trip_and_match_the_json_report(tmp_path: Path) -> None:
    repo = small_repo(tmp_path)
    report = scan([str(repo)], Config())
    db_path = str(tmp_path / "h.sqlite")
    ids = trends.record(report, db_path, scanned_at=1_700_000_000.0)
    assert len(ids) == 1
    expected = scan_json(repo)  # the JSON reporter: an independent reading of the same scan
    with trends.Trends(db_path) as db:
        (row,) = db.entries(str(repo))
    summary = expected["summary"]
    assert row.scanned_at == 1_700_000_000.0
    assert row.scanned_bytes == summary["scanned"]["bytes"]
    assert row.surface_before.bytes == summary["surface"]["before"]["bytes"]
    assert row.surface_after.files == summary["surface"]["after"]["files"]
    assert row.reclaimable_bytes == summary["reclaimable"]["bytes"]
    assert row.findings == summary["findings"]
    caches = [f for f in expected["groups"][0]["findings"] if f["code"].startswith("TDY10")]
    assert row.family_bytes("cache") == du_apparent(repo / "src/__pycache__")
    assert row.family_count("cache") == len(caches)
    assert row.family_bytes("big") == 1_200_000


def test_tracked_bytes_are_what_git_tracks(tmp_path: Path) -> None:
    repo = small_repo(tmp_path)
    write(repo / "staged.txt", size=3333)
    git(repo, "add", "staged.txt")
    listed = [p for p in git(repo, "ls-files", "-z").split("\0") if p]
    expected = sum(os.path.getsize(repo / p) for p in listed)  # a clean checkout: sizes on disk
    assert trends.tracked_size(str(repo)) == (len(listed), expected)
    assert trends.tracked_size(str(tmp_path / "nowhere")) is None


def test_schema_is_versioned(tmp_path: Path) -> None:
    db_path = tmp_path / "h.sqlite"
    trends.Trends(str(db_path)).close()
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == trends.SCHEMA_VERSION
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(trends.TrendsError, match="newer tidy"):
        trends.Trends(str(db_path))


_KILLED_WRITER = """
import os, sys
from tidy import trends
from tidy.core.models import Surface
row = trends.Totals(repo="/repo", scanned_at=1.0, scanned_bytes=7, scanned_files=1,
                    tracked_bytes=None, tracked_files=None, surface_before=Surface(1, 2),
                    surface_after=Surface(0, 0), reclaimable_bytes=0, findings=1,
                    families=(("cache", 7, 1),))
db = trends.Trends(sys.argv[1])
db.append([row])
os._exit(0)  # killed after the commit: no close, no checkpoint
"""


def test_a_recorded_scan_survives_the_process_dying_right_after(tmp_path: Path) -> None:
    """Commits do not wait for a sync of the journal (synchronous NORMAL, WAL mode: the
    checkpoint syncs); what a committed scan wrote is there for the next reader however the
    writing process ended."""
    db_path = tmp_path / "h.sqlite"
    with trends.Trends(str(db_path)) as db:
        assert db._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(db_path)], check=True)
    assert os.path.exists(f"{db_path}-wal")  # left for the next opener to replay
    with trends.Trends(str(db_path)) as db:
        [entry] = db.entries("/repo")
    assert entry.scanned_bytes == 7 and entry.families == (("cache", 7, 1),)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite at all " * 100)
    with pytest.raises(trends.TrendsError, match="not a tidy history database"):
        trends.Trends(str(junk))


_WRITER = """
import sys
from tidy import trends
from tidy.core.models import Surface
path, worker, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(count):
    row = trends.Totals(repo=f"/repo{worker}", scanned_at=float(i), scanned_bytes=i,
                         scanned_files=1, tracked_bytes=None, tracked_files=None,
                         surface_before=Surface(1, 2), surface_after=Surface(0, 0),
                         reclaimable_bytes=0, findings=1, families=(("cache", i, 1),))
    with trends.Trends(path) as db:
        db.append([row])
"""


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    db_path = str(tmp_path / "shared.sqlite")
    workers, each = 4, 25
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, db_path, str(w), str(each)],
                              stderr=subprocess.PIPE) for w in range(workers)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    with trends.Trends(db_path) as db:
        assert db.repos() == [f"/repo{w}" for w in range(workers)]
        for w in range(workers):
            rows = db.entries(f"/repo{w}")
            assert [r.scanned_bytes for r in rows] == list(range(each))
            assert [r.family_bytes("cache") for r in rows] == list(range(each))


# --------------------------------------------------------------------------- sparklines
@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 10**12), min_size=1, max_size=60), st.integers(1, 30))
def test_sparklines_follow_the_values(values: list[int], width: int) -> None:
    line = trends.sparkline(values, width)
    shown = values[-width:]
    assert len(line) == len(shown)
    for (a, b), (ca, cb) in zip(pairwise(shown), pairwise(line), strict=True):
        if a < b:
            assert ca <= cb
        elif a > b:
            assert ca >= cb
    if max(shown) > min(shown):
        assert line[shown.index(max(shown))] == "█"
        assert line[shown.index(min(shown))] == "▁"


# --------------------------------------------------------------------------- the CLI
def test_every_scan_is_recorded_and_shown(tidy_main: Invoke, tmp_path: Path,
                                          state_dir: Path) -> None:
    repo = small_repo(tmp_path)
    assert tidy_main("scan", str(repo), "--quiet").code == 0
    write(repo / "node_modules/pkg/index.js", size=2_000_000)  # bloat creeps back
    assert tidy_main("scan", str(repo), "--quiet").code == 0
    assert (state_dir / "history.sqlite").exists()
    shown = tidy_main("history", str(repo / "src"))  # any path inside the repo names it
    assert shown.code == 0
    assert "2 scans," in shown.out
    assert "cache" in shown.out and "▁█" in shown.out
    data = tidy_main("history", str(repo), "--format", "json").json()
    (entry,) = data["repos"]
    assert entry["repo"] == str(repo)
    first, last = entry["scans"]
    grew = last["families"]["cache"]["bytes"] - first["families"]["cache"]["bytes"]
    assert grew == du_apparent(repo / "node_modules")
    assert last["tracked"]["bytes"] == first["tracked"]["bytes"]
    assert last["scanned"]["bytes"] == scan_json(repo)["summary"]["scanned"]["bytes"]


def test_no_history_records_nothing(tidy_main: Invoke, tmp_path: Path, state_dir: Path) -> None:
    repo = small_repo(tmp_path)
    assert tidy_main("scan", str(repo), "--quiet", "--no-record").code == 0
    assert not (state_dir / "history.sqlite").exists()
    shown = tidy_main("history", str(repo))
    assert shown.code == 0 and "no scans of" in shown.out


def test_history_db_points_anywhere(tidy_main: Invoke, tmp_path: Path, state_dir: Path) -> None:
    repo = small_repo(tmp_path)
    cached = tmp_path / "ci-cache" / "tidy.sqlite"
    assert tidy_main("scan", str(repo), "--quiet", "--history-db", str(cached)).code == 0
    assert cached.exists() and not (state_dir / "history.sqlite").exists()
    data = tidy_main("history", str(repo), "--history-db", str(cached), "--format",
                     "json").json()
    assert len(data["repos"][0]["scans"]) == 1


def test_a_workspace_shows_every_repo_below_it(tidy_main: Invoke, tmp_path: Path) -> None:
    for name in ("a", "b"):
        repo = make_repo(tmp_path / "ws" / name)
        write(repo / "x.txt", name)
    assert tidy_main("scan", str(tmp_path / "ws"), "--quiet").code == 0
    data = tidy_main("history", str(tmp_path / "ws"), "--format", "json").json()
    shown = [r["repo"] for r in data["repos"]]
    assert [str(tmp_path / "ws" / n) for n in ("a", "b")] == [r for r in shown if r != str(
        tmp_path / "ws")]
    just_a = tidy_main("history", str(tmp_path / "ws" / "a"), "--format", "json").json()
    assert [r["repo"] for r in just_a["repos"]] == [str(tmp_path / "ws" / "a")]


def test_an_unusable_database_warns_but_the_scan_goes_on(tidy_main: Invoke,
                                                         tmp_path: Path) -> None:
    repo = small_repo(tmp_path)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database " * 200)
    result = tidy_main("scan", str(repo), "--quiet", "--history-db", str(junk))
    assert result.code == 0
    assert result.err.count("\n") == 1 and "tidy: warning: history:" in result.err
    shown = tidy_main("history", str(repo), "--history-db", str(junk))
    assert shown.code == 2
    assert "not a tidy history database" in shown.err and "Traceback" not in shown.err


def test_html_report_carries_the_history(tidy_main: Invoke, tmp_path: Path) -> None:
    repo = small_repo(tmp_path)
    out = tmp_path / "report.html"
    for _ in range(2):
        assert tidy_main("scan", str(repo), "--quiet", "--format", "html", "-o",
                         str(out)).code == 0
    page = out.read_text("utf-8")
    start = page.index('id="tidy-data">') + len('id="tidy-data">')
    data = json.loads(page[start:page.index("</script>", start)])
    (charted,) = data["history"]
    assert charted["repo"] == str(repo) and len(charted["times"]) == 2


def test_a_scan_records_the_index_size_measured_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a big enough index the size is measured by a worker while the walk runs; the
    recorded figure is the same as when the history asks git itself."""
    import tidy.workspace.early

    repo = small_repo(tmp_path)
    write(repo / "staged.txt", size=3333)
    git(repo, "add", "staged.txt")
    db = tmp_path / "h.sqlite"
    monkeypatch.setattr(tidy.workspace.early, "EARLY_MIN_INDEX_BYTES", 0)
    scan_json(repo, "--history-db", str(db))
    with trends.Trends(str(db), create=False) as past:
        (entry,) = past.entries(str(repo))
    assert (entry.tracked_files, entry.tracked_bytes) == trends.tracked_size(str(repo))
    assert entry.tracked_bytes is not None and entry.tracked_bytes >= 3333
    from tidy import engine
    from tidy.core.config import load

    (group,) = engine.scan([str(repo)], load(str(repo), None), tracked_size=True).groups
    assert group.tracked == trends.tracked_size(str(repo))  # measured by the worker


def test_scans_without_the_history_walk_do_not_read_as_an_empty_history(tmp_path: Path) -> None:
    # `tidy scan` then `tidy scan --history`: `tidy history` showed "history  0 Bytes  1.2 MB
    # +1.2 MB", as if the git history had grown, when the first scan never walked it.
    repo = small_repo(tmp_path)
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "own-state"),
                        "HOME": str(tmp_path / "home")})

    def tidy(*args: str) -> CliResult:
        return run_cli(*args, cwd=tmp_path, env=env)

    for flags in ((), ("--history",), ()):
        assert tidy("scan", str(repo), "--quiet", "--exit-zero", *flags).code == 0
    shown = tidy("history", str(repo))
    assert shown.code == 0 and "3 scans," in shown.out
    scans = json.loads(tidy("history", str(repo), "--format", "json").out)["repos"][0]["scans"]
    assert "history" in scans[1]["families"] and "history" not in scans[0]["families"]
    measured = scans[1]["families"]["history"]["bytes"]
    assert measured > 0
    row = next(line for line in shown.out.splitlines() if line.startswith("git history (2xx) "))
    assert row.split()[3:7] == [*trends.humanize.naturalsize(measured).split()] * 2, row
    assert row.split()[7] == "=", row


def test_the_scan_is_recorded_while_its_report_is_written(
        tidy_main: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without an HTML report the history is written on a thread beside the report: the
    row is there when the scan returns, written by another thread than the report's; an
    error of the recording (not a database problem: a bug) still fails the scan, after the
    report."""
    import threading

    repo = small_repo(tmp_path)
    db = tmp_path / "history.sqlite"
    threads: list[str] = []
    real = trends.record_and_read

    def recorded(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trends, "record_and_read", recorded)
    result = tidy_main("scan", str(repo), "--format", "json", "--quiet", "--history-db",
                       str(db))
    assert result.code == 0 and json.loads(result.out)["groups"]
    assert threads == ["tidy-history"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0] == 1

    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("a bug in the history")

    monkeypatch.setattr(trends, "record_and_read", broken)
    failed = tidy_main("scan", str(repo), "--format", "json", "--quiet", "--history-db",
                       str(db))
    assert failed.code == 3 and "a bug in the history" in failed.err
    assert json.loads(failed.out)["groups"]  # the report was written first
