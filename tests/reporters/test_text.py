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
