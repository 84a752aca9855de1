"""Markdown: one table row per finding, cells that cannot break the table, cut to a size."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import findings, run_cli, scan_json
from tests.reporters.ci_builders import bloated_repo, finding, synthetic
from tidy.reporters import markdown


def _rows(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.startswith("| :")]


def _cells(row: str) -> list[str]:
    """Split a table row on the pipes that are not escaped (GitHub's table rule)."""
    cells, current, escaped = [], "", False
    for char in row.strip()[1:-1]:
        if char == "|" and not escaped:
            cells.append(current.strip())
            current = ""
        else:
            current += char
        escaped = char == "\\" and not escaped
    return [*cells, current.strip()]


def test_real_scan_table(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")
    oracle = findings(scan_json(repo))
    result = run_cli("scan", "-q", "--format", "markdown", cwd=repo)
    assert result.code == 1
    assert result.out.startswith("## tidy report\n\n**:x: over budget**")
    rows = _rows(result.out)
    assert len(rows) == len(oracle)
    assert all(len(_cells(r)) == 8 for r in rows)


def test_pipes_and_newlines_in_names_stay_inside_their_cell() -> None:
    report = synthetic([finding("TDY201", "a|b\nc.bin"), finding("TDY201", "with `tick`.bin")])
    rows = _rows(markdown.render(report))
    assert [len(_cells(r)) for r in rows] == [8, 8]
    assert "``" in rows[1]


def test_cut_to_max_rows_says_how_many_are_left_out() -> None:
    report = synthetic([finding("TDY201", f"f{i}.bin") for i in range(30)])
    text = markdown.render(report, max_rows=12)
    assert len(_rows(text)) == 12
    assert "… and 18 more" in text


def test_clean_report() -> None:
    text = markdown.render(synthetic([]))
    assert ":white_check_mark: within budget" in text and "Nothing to report." in text
