"""GitLab Code Quality: a JSON array whose entries carry the fields GitLab requires."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import findings, run_cli, scan_json, write
from tests.reporters.ci_builders import ODD_NAME, bloated_repo, finding, synthetic
from tidy.reporters import gitlab

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}  # GitLab's documented set


def _check_entry(entry: dict[str, object]) -> None:
    assert isinstance(entry["description"], str) and entry["description"]
    assert isinstance(entry["check_name"], str) and entry["check_name"].startswith("TDY")
    assert isinstance(entry["fingerprint"], str) and entry["fingerprint"]
    assert entry["severity"] in SEVERITIES
    location = entry["location"]
    assert isinstance(location, dict)
    assert isinstance(location["path"], str) and not location["path"].startswith("/")
    begin = location["lines"]["begin"]
    assert isinstance(begin, int) and not isinstance(begin, bool) and begin >= 1


@pytest.mark.slow
def test_real_scan_gives_one_valid_entry_per_finding(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")
    oracle = findings(scan_json(repo))
    out = tmp_path / "gl-code-quality-report.json"

    result = run_cli("scan", "--quiet", "--format", "text", "--also", f"gitlab={out}", cwd=repo)

    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM
    entries = json.loads(raw)
    assert isinstance(entries, list)
    assert result.code == 1 and "tidy" not in result.err
    for entry in entries:
        _check_entry(entry)
        assert (repo / entry["location"]["path"]).exists()
    assert sorted((e["check_name"], e["location"]["path"]) for e in entries) == sorted(
        (f["code"], f["path"]) for f in oracle)
    assert len({e["fingerprint"] for e in entries}) == len(entries)
    severity = {(e["check_name"], e["location"]["path"]): e["severity"] for e in entries}
    assert severity["TDY102", "pkg/__pycache__"] == "critical"  # fails the pipeline
    assert severity["TDY201", ODD_NAME] == "minor"


@pytest.mark.slow
def test_fingerprints_survive_growth_and_differ_by_rule(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")
    first = json.loads(run_cli("scan", "-q", "--format", "gitlab", cwd=repo).out)
    write(repo / ODD_NAME, size=2_500_000)
    second = json.loads(run_cli("scan", "-q", "--format", "gitlab", cwd=repo).out)
    key = lambda e: (e["check_name"], e["location"]["path"])  # noqa: E731
    assert {key(e): e["fingerprint"] for e in first} == {key(e): e["fingerprint"] for e in second}
    same_path = gitlab.code_quality(synthetic([finding("TDY101", "x"), finding("TDY501", "x")]))
    assert same_path[0]["fingerprint"] != same_path[1]["fingerprint"]


def test_empty_report_is_an_empty_array() -> None:
    assert json.loads(gitlab.render(synthetic([]))) == []
