"""`--format json` is version 1 of a documented contract: tidy/schemas/report-v1.json and
docs/json-report.md describe every field it prints.
"""

from __future__ import annotations

import copy
import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import commit, findings, git, make_repo, run_cli, scan_json, write

DOC = Path(__file__).resolve().parents[2] / "docs" / "json-report.md"


def schema(name: str = "report-v1.json") -> dict[str, Any]:
    text = resources.files("tidy").joinpath(f"schemas/{name}").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def strict(node: Any) -> Any:
    """The schema with no room for undocumented fields: every object lists all its keys."""
    node = copy.deepcopy(node)
    if isinstance(node, dict):
        if "properties" in node:
            node["additionalProperties"] = False
        return {k: strict(v) for k, v in node.items()}
    if isinstance(node, list):
        return [strict(v) for v in node]
    return node


@pytest.fixture
def busy_workspace(tmp_path: Path) -> Path:
    """Findings of every foundation rule, a skipped path, a warning and a hidden venv."""
    ws = tmp_path / "ws"
    repo = make_repo(ws / "app")
    write(repo / "pyproject.toml", "[project]\nname='app'\n")
    write(repo / "big.bin", size=1_200_000)
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=10)
    write(repo / "old.pyc", size=5)
    write(repo / ".DS_Store", size=10)
    commit(repo)
    write(repo / "pkg" / "__pycache__" / "gone.cpython-311.pyc", size=10)
    write(repo / "pkg" / "m.py", "")
    write(repo / "node_modules" / "x.js", size=100)
    write(repo / ".venv" / "pyvenv.cfg", "home = /usr\n")
    write(ws / "loose" / "build" / "CACHEDIR.TAG", b"Signature: 8a477f597d28d172789f06886806bc55")
    git(ws, "init", "-q", "--bare", "bare.git")  # a warning: nothing to clean there
    return ws


def test_report_validates_and_is_version_1(busy_workspace: Path) -> None:
    report = scan_json(busy_workspace, "--max-file-size", "1MB")
    report.pop("_exit")
    jsonschema.validate(report, schema(), cls=jsonschema.Draft202012Validator)
    assert report["version"] == 1
    codes = {f["code"] for f in findings(report)}
    assert {"TDY101", "TDY102", "TDY103", "TDY104", "TDY202"} <= codes
    assert report["not_reported"] and report["warnings"]


def test_every_field_is_in_the_schema(busy_workspace: Path) -> None:
    """No field the reporter prints goes undescribed (the shipped schema allows additions)."""
    for args in ((), ("--select", "TDY1,TDY2", "--large-file", "1KB")):
        report = scan_json(busy_workspace, *args)
        report.pop("_exit")
        jsonschema.validate(report, strict(schema()), cls=jsonschema.Draft202012Validator)


def _property_names(node: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        names |= set(node.get("properties", {}))
        for value in node.values():
            names |= _property_names(value)
    elif isinstance(node, list):
        for value in node:
            names |= _property_names(value)
    return names


@pytest.mark.parametrize("name", ["report-v1.json", "fix-v1.json"])
def test_every_schema_field_is_documented(name: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [field for field in sorted(_property_names(schema(name)))
               if f"`{field}`" not in text]
    assert missing == []
    assert "version 1" in text.lower()


def test_summary_is_the_sum_of_the_groups(busy_workspace: Path) -> None:
    report = scan_json(busy_workspace)
    groups = report["groups"]
    summary = report["summary"]
    assert summary["findings"] == sum(len(g["findings"]) for g in groups)
    for key in ("bytes", "disk_bytes", "files", "dirs"):
        assert summary["scanned"][key] == sum(g["scanned"][key] for g in groups)
        assert summary["reclaimable"][key] == sum(g["reclaimable"][key] for g in groups)
    for when in ("before", "after"):
        for key in ("files", "bytes"):
            assert summary["surface"][when][key] == sum(g["surface"][when][key] for g in groups)
    assert summary["failed"] == any(f["fails"] for f in findings(report))


def test_abs_path_is_root_plus_path(busy_workspace: Path) -> None:
    report = scan_json(busy_workspace)
    for group in report["groups"]:
        for finding in group["findings"]:
            assert finding["abs_path"] == os.path.normpath(
                os.path.join(group["root"], finding["path"]))
            assert os.path.lexists(finding["abs_path"])


def test_non_utf8_names_round_trip(tmp_path: Path) -> None:
    root = tmp_path / "p"
    odd = root / os.fsdecode(b"caf\xe9 \xff\xfe") / "node_modules"
    write(odd / "x.js", size=10)
    write(root / "ok" / "node_modules" / "y.js", size=10)
    result = run_cli("scan", "--format", "json", str(root), cwd=tmp_path)
    assert result.code == 0
    assert result.out.isascii()  # valid in any encoding a consumer assumes
    report = json.loads(result.out)
    jsonschema.validate(report, schema(), cls=jsonschema.Draft202012Validator)
    paths = {os.fsencode(f["abs_path"]) for f in findings(report)}
    assert os.fsencode(odd) in paths
    assert all(os.path.isdir(p) for p in paths)


def test_json_is_deterministic_apart_from_timing(tmp_path: Path) -> None:
    root = tmp_path / "p"
    for i in range(5):
        write(root / f"m{i}" / "node_modules" / "x.js", size=10 * i)
    first, second = scan_json(root), scan_json(root)
    first.pop("duration_s"), second.pop("duration_s")
    assert first == second
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", first["tool"]["version"])


def test_the_documented_example_is_valid() -> None:
    text = DOC.read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", text, re.S)
    assert example is not None
    jsonschema.validate(json.loads(example.group(1)), strict(schema()),
                        cls=jsonschema.Draft202012Validator)
