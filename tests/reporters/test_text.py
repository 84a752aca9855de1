"""The terminal report: one row per path, listing every code and fix found for it, while the
JSON report keeps one finding per rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import commit, findings, make_repo, run_cli, scan_json, write
from tests.reporters.ci_builders import finding, synthetic
from tidy.reporters import text


@pytest.mark.slow
def test_a_cache_trashed_and_ignored_is_one_row_with_both_fixes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    folders = ["app", "app/sub", "lib", "tests"]
    for folder in folders:
        write(repo / folder / "m.py", "x = 1\n")
    commit(repo)
    for folder in folders:
        write(repo / folder / "__pycache__" / "m.cpython-312.pyc", size=2_000)
    report = scan_json(repo, "--select", "TDY101,TDY501")
    for folder in folders:  # JSON: one finding per rule
        codes = sorted(f["code"] for f in findings(report) if f["path"] == f"{folder}/__pycache__")
        assert codes == ["TDY101", "TDY501"]
    shown = run_cli("scan", "--quiet", "--no-record", "--select", "TDY101,TDY501", cwd=repo)
    for folder in folders:
        rows = [line for line in shown.out.splitlines()
                if re.search(rf"\s{re.escape(folder)}/__pycache__\s*$", line)]
        assert len(rows) == 1, shown.out
        assert "TDY101, TDY501" in rows[0] and "trash, ignore" in rows[0], rows[0]


@settings(max_examples=40, deadline=None)
@given(paths=st.lists(st.sampled_from(["a", "b/c", "d", "e/f/g"]), min_size=1, max_size=12),
       codes=st.lists(st.sampled_from(["TDY101", "TDY501", "TDY103", "TDY201"]), min_size=12,
                      max_size=12))
def test_every_path_is_one_row_whatever_its_findings(paths: list[str], codes: list[str]) -> None:
    report = synthetic([finding(code, path, 1_000)
                        for path, code in zip(paths, codes[:len(paths)], strict=True)])
    rows = text.by_path(report.findings)
    assert [row[0].path for row in rows] == list(dict.fromkeys(paths))
    assert sum(len(row) for row in rows) == len(report.findings)
    rendered = text.render(report, width=200)
    for path in set(paths):
        assert len(re.findall(rf"\s{re.escape(path)}(\s|$)", rendered)) == 1, rendered


def test_without_colour_the_failing_codes_are_marked_in_text(tmp_path: Path) -> None:
    # Piped (no colour), the legend said "codes in red fail the run" over rows with no red:
    # which of the findings made the scan exit 1 could not be told.
    repo = make_repo(tmp_path / "r")
    write(repo / "pkg" / "m.py", "x = 1\n")
    write(repo / "pkg" / "__pycache__" / "m.cpython-312.pyc", size=2_000)
    write(repo / ".next" / "cache" / "a.pack", size=3_000)
    commit(repo, "pkg/m.py", ".next/cache/a.pack")
    shown = run_cli("scan", "--quiet", "--no-record", cwd=repo)
    assert shown.code == 1, shown
    next_row = next(line for line in shown.out.splitlines() if line.rstrip().endswith(".next"))
    pycache_row = next(line for line in shown.out.splitlines()
                       if line.rstrip().endswith("pkg/__pycache__"))
    assert "TDY102!" in next_row, next_row
    assert "!" not in pycache_row, pycache_row
    assert "in red" not in shown.out
    assert "codes marked ! fail the run" in shown.out


def test_a_name_with_control_characters_is_one_escaped_line(tmp_path: Path) -> None:
    """A folder named with a newline, a tab or an escape sequence printed raw: the newline
    split the path over two rows ("src/new", "line/__pycache__"), and the terminal ate the
    escape sequence (`aRED/__pycache__`, a path that does not exist). Each is shown escaped,
    as `tidy fix` shows it."""
    repo = make_repo(tmp_path / "r")
    write(repo / "keep.py", "x = 1\n")
    commit(repo)
    for name in ("new\nline", "a\x1b[31mRED\x1b[0m", "b\tTAB"):
        write(repo / name / "__pycache__" / "m.cpython-312.pyc", size=100)
    shown = run_cli("scan", "--quiet", "--no-record", "--select", "TDY101", cwd=repo).out
    assert "\x1b" not in shown and "\t" not in shown
    for escaped in ("new\\nline/__pycache__", "a\\x1b[31mRED\\x1b[0m/__pycache__",
                    "b\\tTAB/__pycache__"):
        assert escaped in shown, shown


def test_a_blob_only_in_history_is_not_shown_as_a_new_file(tmp_path: Path) -> None:
    """`tidy scan --history` on a repo whose big file was deleted showed its TDY203 row with
    state "new", which the legend explains as "untracked and not ignored": a file on disk
    that is not there. The state of a blob only in history is "history"."""
    repo = make_repo(tmp_path / "r")
    write(repo / "dump.sql", bytes(range(256)) * 400)
    commit(repo)
    (repo / "dump.sql").unlink()
    write(repo / "keep.py", "x = 1\n")
    commit(repo)
    shown = run_cli("scan", "--quiet", "--no-record", "--history", "--large-file", "50KB",
                    "--select", "TDY203", cwd=repo).out
    [row] = [line for line in shown.splitlines() if "TDY203" in line]
    assert re.search(r"TDY203\s+history\s", row), row
    assert "history = only in git history" in shown
