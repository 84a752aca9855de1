"""GitHub Actions: the workflow-command format, its escaping, GitHub's annotation limits (10
errors and 10 warnings per step, 50 per job) and the Markdown job summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import findings, hermetic_env, run_cli, scan_json
from tests.reporters.ci_builders import ODD_NAME, bloated_repo, finding, synthetic
from tidy.reporters import github

# ::command key=value,key=value::message  (workflow-commands.md)
COMMAND = re.compile(r"^::(?P<cmd>error|warning|notice)(?: (?P<params>[^:]*))?::(?P<msg>.*)$")


def _unescape(text: str) -> str:
    """actions/toolkit's escaping undone (command.ts), written independently of tidy."""
    for encoded, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","),
                           ("%25", "%")):
        text = text.replace(encoded, plain)
    return text


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match is not None, line
    params = {}
    for pair in (match["params"] or "").split(","):
        key, _, value = pair.partition("=")
        params[key] = _unescape(value)
    return match["cmd"], params, _unescape(match["msg"])


def _annotations(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.startswith("::")]


@pytest.mark.slow
def test_real_scan_annotations_name_each_finding(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")
    oracle = findings(scan_json(repo))

    result = run_cli("scan", "--format", "github", "--quiet", cwd=repo,
                     env=hermetic_env({"GITHUB_WORKSPACE": str(repo)}))

    assert result.code == 1
    parsed = [_parse(line) for line in _annotations(result.out)]
    assert len(parsed) == len(oracle)
    for f in oracle:  # each finding once, named at the start of its message
        assert sum(1 for _, p, msg in parsed if p["title"].split()[0] == f["code"]
                   and msg.startswith(f"{f['path']}: ")) == 1, f
    for _, p, _ in parsed:  # at a file and a line in it (issue 17.13)
        assert (repo / p["file"]).is_file(), p
        assert 1 <= int(p["line"]) <= len((repo / p["file"]).read_bytes().splitlines()) or (
            int(p["line"]) == 1)
    by_file = {(p["file"], p["title"].split()[0]): (cmd, msg) for cmd, p, msg in parsed}
    assert by_file["pkg/__pycache__/mod.cpython-311.pyc", "TDY102"][0] == "error"
    big = by_file[ODD_NAME, "TDY201"]
    assert big[0] == "warning"  # ',' and ':' in the name survive escaping
    assert big[1].startswith(f"{ODD_NAME}: tracked file of 2.0 MB")
    assert "Fix: " in big[1]
    assert result.out.splitlines()[-1].startswith("tidy: ")


@pytest.mark.slow
def test_step_summary_is_appended_as_a_markdown_table(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    oracle = findings(scan_json(repo))

    result = run_cli("scan", "--format", "github", "--quiet", cwd=repo,
                     env=hermetic_env({"GITHUB_STEP_SUMMARY": str(summary)}))

    text = summary.read_text()
    assert result.code == 1
    assert text.startswith("earlier step\n## tidy report")
    rows = [ln for ln in text.splitlines() if ln.startswith("| :")]
    assert len(rows) == len(oracle)
    for f in oracle:
        assert any(f"`{f['path']}`" in row and f["code"] in row for row in rows)


def test_without_the_summary_variable_nothing_is_written(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")
    result = run_cli("scan", "--format", "github", "--quiet", cwd=repo)
    assert result.code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo"]


def test_limits_per_level_and_per_job() -> None:
    errors = [finding("TDY102", f"e{i}", size=1000 + i, fails=True) for i in range(25)]
    warnings = [finding("TDY201", f"w{i}", size=500 + i) for i in range(15)]
    notes = [finding("TDY101", f"n{i}") for i in range(3)]
    report = synthetic(errors + warnings + notes)

    lines = github.annotation_lines(report)
    parsed = [_parse(line) for line in lines]
    per_level = {cmd: [p for p in parsed if p[0] == cmd] for cmd in ("error", "warning", "notice")}

    assert len(lines) <= github.PER_JOB
    assert [len(v) for v in per_level.values()] == [10, 10, 3]
    # The biggest 9 one by one, then one line for the rest.
    assert [p["file"] for _, p, _ in per_level["error"][:9]] == [f"e{i}" for i in
                                                                 range(24, 15, -1)]
    assert "16 more failing findings" in per_level["error"][9][2]
    assert "file" not in per_level["error"][9][1]
    assert "6 more warnings" in per_level["warning"][9][2]
    assert "job summary" in per_level["warning"][9][2]


def test_exactly_ten_are_all_annotated() -> None:
    report = synthetic([finding("TDY201", f"w{i}") for i in range(10)])
    parsed = [_parse(line) for line in github.annotation_lines(report)]
    assert sorted(p["file"] for _, p, _ in parsed) == sorted(f"w{i}" for i in range(10))


def test_workspace_relative_paths_and_outside_paths() -> None:
    report = synthetic([finding("TDY201", "a/b.bin")], root="/ci/work/sub")
    (line,) = github.annotation_lines(report, workspace="/ci/work")
    assert _parse(line)[1]["file"] == "sub/a/b.bin"
    (outside,) = github.annotation_lines(report, workspace="/elsewhere/repo")
    assert "file" not in _parse(outside)[1]


def test_summary_stays_under_githubs_step_limit() -> None:
    report = synthetic([finding("TDY201", f"very/long/path/{'x' * 80}/{i}.bin")
                        for i in range(20_000)])
    text = github.summary(report)
    assert len(text.encode()) <= 1024 * 1024
    assert "more (the full list: `tidy scan --format json`)" in text


@settings(max_examples=60, deadline=None)
@given(path=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"),
                    min_size=1, max_size=30))
def test_escaping_round_trips_any_file_name(path: str) -> None:
    report = synthetic([finding("TDY201", path)])
    (line,) = github.annotation_lines(report)
    assert "\n" not in line and "\r" not in line
    _cmd, params, message = _parse(line)
    # "." is the repo itself (a history-wide finding): no file to annotate, said in the text.
    assert params.get("file") == (None if path == "." else path)
    assert message.startswith(f"{path}: TDY201 says hello")


def test_counts_are_said_in_the_singular_and_the_plural() -> None:
    # The closing line and the overflow annotation said "1 finding(s)", "1 more warning(s)".
    one = github.render(synthetic([finding("TDY201", "w0")]))
    assert one.splitlines()[-1].startswith("tidy: 1 finding, 0 over budget")
    eleven = [finding("TDY201", f"w{i}") for i in range(11)]
    lines = github.render(synthetic(eleven)).splitlines()
    assert "2 more warnings" in lines[-2] and lines[-1].startswith("tidy: 11 findings,")
    ten_and_one = [finding("TDY201", f"w{i}") for i in range(10)] + [
        finding("TDY102", f"e{i}", fails=True) for i in range(11)]
    text = github.render(synthetic(ten_and_one))
    assert "2 more failing findings" in text and "(s)" not in text
