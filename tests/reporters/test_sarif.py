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

from tests.conftest import findings, run_cli, scan_json, write
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
    got = sorted((r["ruleId"], unquote(r["locations"][0]["physicalLocation"]
                                       ["artifactLocation"]["uri"])) for r in run["results"])
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
        assert location["region"]["startLine"] == 1
    root_uri = run["originalUriBaseIds"]["SRCROOT"]["uri"]
    assert root_uri.startswith("file://") and root_uri.endswith("/")


def test_uris_name_the_files_that_exist(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")
    run = sarif.sarif_log(scan(repo))["runs"][0]
    for res in run["results"]:
        uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert " " not in uri and "#" not in uri and "," not in uri
        assert (repo / unquote(uri)).exists()


def test_fingerprints_are_stable_while_the_file_grows(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")

    def prints() -> dict[tuple[str, str], dict[str, str]]:
        run = sarif.sarif_log(scan(repo))["runs"][0]
        return {(r["ruleId"], unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]
                                      ["uri"])): r["partialFingerprints"] for r in run["results"]}

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
