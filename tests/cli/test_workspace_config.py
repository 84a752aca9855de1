"""A workspace scan honours each repo's own settings (.tidy.toml or [tool.tidy]) over the
workspace's file, the command line on top: a repo gives the same findings whether the scan
starts at it or above it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import commit, make_repo, scan_json, write

Found = set[tuple[str, str, int, bool]]

# A repo's own settings, one kind of setting each (and budgets, which judge after the scan).
OWN = {
    "ignore-and-exclude": 'ignore = ["TDY501"]\nexclude = ["legacy/"]\n',
    "select-and-min-size": 'select = ["TDY1", "TDY2"]\nmin-size = "4KB"\n',
    "large-file": 'large-file = "10KB"\n',
    "fail-on-and-budgets": 'fail-on = ["TDY101"]\n[budgets]\nlargest-file = "1"\n',
    "kinds": 'disable-kinds = ["node_modules"]\n',
}


def _repo(path: Path) -> Path:
    repo = make_repo(path)
    write(repo / "pkg" / "m.py", "x = 1\n")
    write(repo / "package.json", "{}\n")
    write(repo / "data" / "table.csv", size=20_000)
    commit(repo)
    write(repo / "pkg" / "__pycache__" / "m.cpython-312.pyc", size=3_000)
    write(repo / "legacy" / "node_modules" / "a" / "index.js", size=5_000)
    return repo


def _found(report: dict[str, Any], label: str) -> Found:
    (group,) = [g for g in report["groups"] if g["label"] == label]
    return {(f["code"], f["path"], f["bytes"], f["fails"]) for f in group["findings"]}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    code = tmp_path / "code"
    for name in ("app", "svc", "lib"):
        _repo(code / name)
    write(code / ".tidy.toml", 'min-size = "1KB"\n')  # the workspace's own: the base
    return code


@pytest.mark.slow
@pytest.mark.parametrize("own", sorted(OWN))
def test_a_repo_gives_the_same_findings_from_above_as_from_itself(workspace: Path,
                                                                   own: str) -> None:
    write(workspace / "app" / ".tidy.toml", OWN[own])
    write(workspace / "svc" / "pyproject.toml", f"[tool.tidy]\n{OWN[own]}".replace(
        "[budgets]", "[tool.tidy.budgets]"))
    above = scan_json(workspace)
    for name in ("app", "svc", "lib"):
        alone = scan_json(workspace / name)
        assert _found(above, name) == _found(alone, "."), name
    # ... and the repo's own settings did change something.
    assert _found(above, "app") != _found(above, "lib")


@pytest.mark.slow
def test_the_workspace_file_is_the_base_and_the_command_line_wins(workspace: Path) -> None:
    write(workspace / "app" / ".tidy.toml", 'ignore = ["TDY501"]\n[budgets]\nlargest-file = "1"\n')
    write(workspace / ".tidy.toml", 'min-size = "4KB"\n')
    report = scan_json(workspace)
    app = _found(report, "app")
    assert {c for c, *_ in app} >= {"TDY101", "TDY901"} and "TDY501" not in {c for c, *_ in app}
    # The workspace's min-size, kept (budgets judge after the scan, whatever the size).
    assert all(size >= 4_000 for code, _, size, _ in app if not code.startswith("TDY9"))
    assert report["_exit"] == 1  # app's budget fails the scan
    assert scan_json(workspace, "--fail-on", "none")["_exit"] == 0
    # --ignore on the command line replaces app's `ignore`, as it does a single repo's.
    replaced = {c for c, *_ in _found(scan_json(workspace, "--ignore", "TDY101"), "app")}
    assert "TDY501" in replaced and "TDY101" not in replaced


@pytest.mark.slow
def test_config_names_the_one_file(workspace: Path, tmp_path: Path) -> None:
    write(workspace / "app" / ".tidy.toml", 'ignore = ["TDY501"]\n')
    chosen = write(tmp_path / "only.toml", 'min-size = "1KB"\n')
    report = scan_json(workspace, "--config", str(chosen))
    assert "TDY501" in {c for c, *_ in _found(report, "app")}


_VALUES = {  # a few values of each setting a repo's file may hold
    "select": ['["TDY"]', '["TDY1"]', '["TDY2", "TDY5"]'],
    "ignore": ["[]", '["TDY501"]', '["TDY101", "TDY201"]'],
    "fail-on": ['["TDY102"]', "[]", '["TDY1"]'],
    "min-size": ['"0"', '"4KB"', '"10KB"'],
    "large-file": ['"1MB"', '"10KB"'],
    "exclude": ["[]", '["legacy/"]', '["*.csv"]'],
    "disable-kinds": ["[]", '["node_modules"]'],
}


@pytest.mark.slow
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(own=st.dictionaries(st.sampled_from(sorted(_VALUES)), st.integers(0, 2), max_size=4),
       base=st.dictionaries(st.sampled_from(sorted(_VALUES)), st.integers(0, 2), max_size=2))
def test_any_own_settings_give_the_same_findings_from_above(
        workspace: Path, own: dict[str, int], base: dict[str, int]) -> None:
    def text(chosen: dict[str, int]) -> str:
        return "".join(f"{k} = {_VALUES[k][i % len(_VALUES[k])]}\n" for k, i in chosen.items())

    write(workspace / ".tidy.toml", text(base))
    write(workspace / "app" / ".tidy.toml", text(own))
    above = scan_json(workspace)
    assert _found(above, "app") == _found(scan_json(workspace / "app"), ".")
    assert _found(above, "lib") == _found(scan_json(workspace / "lib"), ".")
