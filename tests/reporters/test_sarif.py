"""SARIF 2.1.0: validated against the official OASIS schema with jsonschema, and checked for what
GitHub code scanning needs (rules with descriptions and help, stable ruleId, locations,
partialFingerprints)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import commit, findings, make_repo, run_cli, scan_json, write
from tests.reporters.ci_builders import ODD_NAME, bloated_repo, finding, scan, synthetic
from tidy.reporters import sarif

DATA = Path(__file__).parent / "data"
# The official schema (OASIS SARIF TC, sarif-2.1/schema/sarif-schema-2.1.0.json, errata01),
# vendored with its notice in data/NOTICE-sarif-schema.md; this is its SHA-256.
OFFICIAL_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
OFFICIAL_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/" \
    "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
    # The validator class follows the schema's own "$schema" (draft-04 for SARIF 2.1.0).
    cls = jsonschema.validators.validator_for(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert cls is jsonschema.Draft4Validator
    cls.check_schema(schema)
    return cls(schema)


def test_the_vendored_schema_is_the_official_copy() -> None:
    data = (DATA / "sarif-schema-2.1.0.json").read_bytes()
    assert hashlib.sha256(data).hexdigest() == OFFICIAL_SHA256  # unedited, byte for byte
    assert json.loads(data)["id"] == OFFICIAL_ID
    assert "Copyright" in (DATA / "NOTICE-sarif-schema.md").read_text()


def _errors(validator: jsonschema.protocols.Validator, document: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(document)]


@pytest.mark.slow
def test_a_real_scan_is_valid_sarif_with_one_result_per_finding(
        tmp_path: Path, validator: jsonschema.protocols.Validator) -> None:
    repo = bloated_repo(tmp_path / "repo")
    oracle = findings(scan_json(repo))  # the JSON report of the same tree

    result = run_cli("scan", "--format", "sarif", "--quiet", cwd=repo)
    document = json.loads(result.out)

    assert _errors(validator, document) == []
    assert result.code == 1  # the committed cache fails, as in the JSON report
    run = document["runs"][0]
    got = sorted((r["ruleId"], r["properties"]["path"]) for r in run["results"])
    assert got == sorted((f["code"], f["path"]) for f in oracle)
    assert ("TDY201", ODD_NAME) in got and ("TDY102", "pkg/__pycache__") in got
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["TDY102"] == "error" and levels["TDY201"] == "warning"


def test_rules_are_described_and_results_point_at_them(tmp_path: Path) -> None:
    document = sarif.sarif_log(scan(bloated_repo(tmp_path / "repo")))
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    from tidy.rules.registry import RULES

    assert {r.code for r in RULES} <= {rule["id"] for rule in rules}
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("note", "warning", "error")
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        location = res["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "SRCROOT"
        assert location["region"]["startLine"] >= 1
    root_uri = run["originalUriBaseIds"]["SRCROOT"]["uri"]
    assert root_uri.startswith("file://") and root_uri.endswith("/")


def test_uris_name_the_files_that_exist(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")
    run = sarif.sarif_log(scan(repo))["runs"][0]
    for res in run["results"]:
        uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert " " not in uri and "#" not in uri and "," not in uri
        assert (repo / unquote(uri)).is_file(), uri  # a file code scanning can show


def test_fingerprints_are_stable_while_the_file_grows(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")

    def prints() -> dict[tuple[str, str], dict[str, str]]:
        run = sarif.sarif_log(scan(repo))["runs"][0]
        return {(r["ruleId"], r["properties"]["path"]): r["partialFingerprints"]
                for r in run["results"]}

    before = prints()
    write(repo / ODD_NAME, size=3_000_000)  # same finding, bigger
    after = prints()
    assert before == after
    values = [p["primaryLocationLineHash"] for p in before.values()]
    assert len(set(values)) == len(values)


def test_an_empty_report_is_valid(tmp_path: Path,
                                  validator: jsonschema.protocols.Validator) -> None:
    document = sarif.sarif_log(synthetic([]))
    assert _errors(validator, document) == []
    assert document["runs"][0]["results"] == []


def test_unknown_codes_get_a_descriptor(validator: jsonschema.protocols.Validator) -> None:
    document = sarif.sarif_log(synthetic([finding("TDY777", "x.bin")]))
    assert _errors(validator, document) == []
    ids = [r["id"] for r in document["runs"][0]["tool"]["driver"]["rules"]]
    assert "TDY777" in ids


_names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\0"),
                 min_size=1, max_size=20).filter(lambda s: s not in (".", ".."))


@pytest.mark.slow
@settings(max_examples=50, deadline=None)
@given(parts=st.lists(_names, min_size=1, max_size=3),
       codes=st.sampled_from(["TDY101", "TDY102", "TDY201", "TDY901", "TDY999"]),
       size=st.integers(min_value=0, max_value=10**12), fails=st.booleans())
def test_any_path_gives_valid_sarif_and_a_uri_that_decodes_back(
        validator: jsonschema.protocols.Validator, parts: list[str], codes: str, size: int,
        fails: bool) -> None:
    path = "/".join(parts)
    document = sarif.sarif_log(synthetic([finding(codes, path, size, fails)]))
    assert _errors(validator, document) == []
    res = document["runs"][0]["results"][0]
    assert unquote(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) == path
    assert res["level"] == ("error" if fails else "note" if codes == "TDY101" else "warning")
    assert json.loads(sarif.render(synthetic([finding(codes, path, size, fails)]))) == document


# ----------------------------------------------------------------- files and lines (issue 17.13)
def _located_repo(root: Path) -> Path:
    """Each kind of anchor once: a data module, a committed cache, a tracked folder git
    ignores, an untracked cache with no rule, a budget in the config file."""
    repo = make_repo(root)
    rows = ",\n".join(f"    {{'id': {i}, 'name': 'row {i}'}}" for i in range(3000))
    write(repo / "pkg" / "mock_api.py", f'"""Mock data."""\nimport os\n\nDATA = [\n{rows}\n]\n')
    write(repo / "pkg" / "m.py", "x = 1\n")
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=2_000)
    write(repo / "legacy" / "keep.txt", "a\n")
    write(repo / ".gitignore", "*.log\n\n# old\nlegacy/\n")
    write(repo / "crate" / "Cargo.toml", '[package]\nname = "c"\n')
    commit(repo, "pkg", "legacy/keep.txt", ".gitignore", "crate/Cargo.toml")
    write(repo / "crate" / "target" / "debug" / "c", size=4_000)  # untracked: its marker
    write(repo / "web" / "package.json", "{}\n")
    write(repo / "web" / "node_modules" / "a" / "index.js", size=3_000)
    write(repo / ".tidy.toml", 'min-size = "0"\n\n[budgets]\ntotal-tracked-bytes = "1"\n')
    return repo


def _lines(path: Path) -> int:
    return len(path.read_bytes().splitlines())


@pytest.mark.slow
def test_every_result_points_at_a_file_and_a_line_in_it(
        tmp_path: Path, validator: jsonschema.protocols.Validator) -> None:
    repo = _located_repo(tmp_path / "repo")
    document = json.loads(run_cli("scan", "--format", "sarif", "--quiet", "--no-record",
                                  cwd=repo).out)
    assert _errors(validator, document) == []
    at = {}
    for res in document["runs"][0]["results"]:
        location = res["locations"][0]["physicalLocation"]
        uri = unquote(location["artifactLocation"]["uri"])
        line = location["region"]["startLine"]
        assert (repo / uri).is_file() and 1 <= line <= _lines(repo / uri), (res["ruleId"], uri)
        at[res["ruleId"], res["properties"]["path"]] = (uri, line)
    assert at["TDY301", "pkg/mock_api.py"] == ("pkg/mock_api.py", 4)  # DATA = [ ...
    assert at["TDY102", "pkg/__pycache__"] == ("pkg/__pycache__/m.cpython-311.pyc", 1)
    assert at["TDY503", "legacy"] == (".gitignore", 4)  # the rule that matches it
    assert at["TDY501", "web/node_modules"][0] == ".gitignore"  # where its rule goes
    assert at["TDY101", "crate/target"] == ("crate/Cargo.toml", 1)  # its kind's marker
    assert at["TDY902", "."] == (".tidy.toml", 4)  # the line that sets the budget
    annotations = run_cli("scan", "--format", "github", "--quiet", "--no-record", cwd=repo).out
    assert "file=pkg/mock_api.py,line=4," in annotations
    assert "file=.gitignore,line=4," in annotations and "file=.tidy.toml,line=4," in annotations
    assert "file=legacy," not in annotations and "file=.," not in annotations


def _without_timing(text: str) -> Any:
    document = json.loads(text)
    document.pop("duration_s", None)
    return document


@pytest.mark.slow
def test_anchors_are_worked_out_only_for_a_format_that_shows_them(
        tmp_path: Path, validator: jsonschema.protocols.Validator) -> None:
    """A JSON scan skips the anchors (engine.scan's `anchors`): its report is the same as one
    written beside a SARIF file (--also), and that SARIF file points where `--format sarif`
    does."""
    repo = _located_repo(tmp_path / "repo")
    alone = run_cli("scan", "--format", "json", "--quiet", "--no-record", cwd=repo)
    beside = run_cli("scan", "--format", "json", "--quiet", "--no-record",
                     "--also", f"sarif={tmp_path / 'also.sarif'}", cwd=repo)
    direct = run_cli("scan", "--format", "sarif", "--quiet", "--no-record", cwd=repo)
    assert _without_timing(alone.out) == _without_timing(beside.out)
    written = json.loads((tmp_path / "also.sarif").read_text(encoding="utf-8"))
    assert _errors(validator, written) == []

    def locations(document: Any) -> list[tuple[str, str, Any]]:
        return sorted((r["ruleId"], r["properties"]["path"], r["locations"])
                      for r in document["runs"][0]["results"])

    assert locations(written) == locations(json.loads(direct.out))
    assert ("TDY102", "pkg/__pycache__") in {(r, p) for r, p, _ in locations(written)}


def test_every_rule_has_a_help_uri_to_a_readme_section_that_exists(tmp_path: Path) -> None:
    from tests.test_install_sources import _github_anchors

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    anchors = _github_anchors(readme)
    rules = sarif.sarif_log(synthetic([]))["runs"][0]["tool"]["driver"]["rules"]
    from tidy.rules.registry import RULES

    assert {r["id"] for r in rules} == {r.code for r in RULES}
    for rule in rules:
        section = rule["helpUri"].rsplit("#", 1)[1]
        assert section in anchors, (rule["id"], section)
    assert set(sarif.HELP_SECTIONS.values()) <= anchors
