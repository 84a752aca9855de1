"""`tidy scan` offers an extraction only where `tidy fix` would carry it out: a data module whose
project's build config would not ship the data file gets advice (why, what to declare) in every
format, not `extract*`. Faker's 26 data modules were listed as `extract*` (JSON: fixable) while
`tidy fix --unsafe-fixes --select TDY301` left every one of them out."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import commit, hermetic_env, make_repo, run_cli, write
from tests.extract.test_fix_extract import _faker_shaped
from tests.reporters.test_json import schema, strict

_ADVICE = "package_data={'fk': ['**/*.json.gz']}"


def _scan(repo: Path, env: dict[str, str], *args: str) -> str:
    done = run_cli("scan", "--select", "TDY301", *args, cwd=repo, env=env)
    assert done.code in (0, 1), done.out + done.err
    return done.out


@pytest.mark.slow
def test_scan_gives_advice_where_the_plan_leaves_the_module_out(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "fk")
    _faker_shaped(repo, '{"fk": ["py.typed", "*.json.gz"]}')
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})

    report = json.loads(_scan(repo, env, "--format", "json"))
    jsonschema.validate(report, strict(schema()), cls=jsonschema.Draft202012Validator)
    found = [f for g in report["groups"] for f in g["findings"] if f["code"] == "TDY301"]
    assert len(found) == 2, found
    for finding in found:
        fix = finding["fix"]
        assert fix["action"] == "none" and fix["applicability"] == "display-only", fix
        assert "would not ship" in fix["blocked_by"] and _ADVICE in fix["blocked_by"], fix
        assert _ADVICE in fix["description"] and "tidy extract" in fix["description"], fix
        assert "declare it as package data first" in finding["message"], finding

    text = " ".join(_scan(repo, env).split())  # as rich folded it to the width
    assert "extract*" not in text, text
    assert text.count("would not ship in wheels") == 1, text  # the project's reason, once
    assert "not offered for 2 paths" in text and _ADVICE in text, text

    for fmt in ("sarif", "github", "markdown", "gitlab", "html"):
        said = _scan(repo, env, "--format", fmt)
        assert "would not ship" in said, (fmt, said[:2000])

    # The plan agrees: both left out, needing attention, with the scan's reason.
    plan = json.loads(run_cli("fix", "--dry-run", "--format", "json", "--unsafe-fixes",
                              "--select", "TDY301", cwd=repo, env=env).out)
    assert [i["attention"] for i in plan["plan"]["left_out"]] == [True, True], plan
    assert {i["reason"] for i in plan["plan"]["left_out"]} == {found[0]["fix"]["blocked_by"]}

    # Declared as the advice says: the scan offers the extraction again.
    write(repo / "setup.py", (repo / "setup.py").read_text().replace('"*.json.gz"',
                                                                      '"**/*.json.gz"'))
    commit(repo)
    report = json.loads(_scan(repo, env, "--format", "json"))
    fixes = [f["fix"] for g in report["groups"] for f in g["findings"] if f["code"] == "TDY301"]
    assert [(f["action"], "blocked_by" in f) for f in fixes] == [("extract", False)] * 2, fixes
    assert "extract*" in _scan(repo, env)
