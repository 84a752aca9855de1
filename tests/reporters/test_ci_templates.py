"""The CI templates in hooks/ and .pre-commit-hooks.yaml: their shell steps are run for real
against a bloated repo (GitHub's and GitLab's runners are not here, so the files they would
read -- $GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY, the Code Quality artifact -- are checked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import tidy
from tests.conftest import hermetic_env
from tests.reporters.ci_builders import bloated_repo

SOURCE = Path(tidy.__file__).resolve().parent.parent
HOOKS = SOURCE / "hooks"


@pytest.fixture
def env_with_tidy(tmp_path: Path) -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "tidy").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tidy "$@"\n')
    (bin_dir / "tidy").chmod(0o755)
    env = hermetic_env({"PYTHONPATH": str(SOURCE)})
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    return env


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def _scan_step(action: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in action["runs"]["steps"] if s.get("id") == "scan")


@pytest.mark.slow
@pytest.mark.parametrize(("fail", "expected_exit"), [("true", 1), ("false", 0)])
def test_action_scan_step_writes_sarif_summary_and_output(
        tmp_path: Path, env_with_tidy: dict[str, str], fail: str, expected_exit: int) -> None:
    action = _load(HOOKS / "github-action" / "action.yml")
    assert action["runs"]["using"] == "composite"
    step = _scan_step(action)
    assert step["shell"] == "bash"
    repo = bloated_repo(tmp_path / "repo")
    output, summary = tmp_path / "output", tmp_path / "summary.md"
    env = {**env_with_tidy, "TIDY_PATHS": ".", "TIDY_ARGS": "", "TIDY_SARIF": "tidy.sarif",
           "TIDY_FAIL": fail, "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary),
           "GITHUB_WORKSPACE": str(repo)}

    run = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env,
                         capture_output=True, text=True, check=False)

    assert run.returncode == expected_exit, run.stderr
    assert output.read_text() == "exit-code=1\n"
    assert "::error file=pkg/__pycache__/mod.cpython-311.pyc,line=1,title=TDY102" in run.stdout
    assert json.loads((repo / "tidy.sarif").read_text())["runs"][0]["results"]
    assert summary.read_text().startswith("## tidy report")


def test_action_inputs_reach_the_step() -> None:
    action = _load(HOOKS / "github-action" / "action.yml")
    step_env = _scan_step(action)["env"]
    for name in ("paths", "args", "sarif-file", "fail"):
        assert name in action["inputs"]
        assert f"inputs.{name}" in " ".join(step_env.values())


def test_example_workflow_runs_nightly_and_on_prs_and_uploads_sarif() -> None:
    workflow = _load(HOOKS / "workflows" / "tidy.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["schedule"][0]["cron"]
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["tidy"]["steps"]
    scan_step = next(s for s in steps if s.get("name") == "tidy scan")
    upload = next(s for s in steps if s.get("uses", "").startswith(
        "github/codeql-action/upload-sarif@"))
    assert f"--also sarif={upload['with']['sarif_file']}" in scan_step["run"]
    # Copied into another repository, nothing may point into tidy's own tree.
    assert not any(s.get("uses", "").startswith("./") for s in steps)


@pytest.mark.slow
def test_gitlab_template_script_writes_the_declared_report(
        tmp_path: Path, env_with_tidy: dict[str, str]) -> None:
    template = _load(HOOKS / "gitlab-ci.yml")
    job = template[".tidy"]
    report_name = job["artifacts"]["reports"]["codequality"]
    repo = bloated_repo(tmp_path / "repo")
    script = "\n".join(job["script"])

    run = subprocess.run(["sh", "-c", script], cwd=repo, capture_output=True, text=True,
                         env={**env_with_tidy, "TIDY_ARGS": ""}, check=False)

    assert run.returncode == 1  # the committed cache fails the job
    entries = json.loads((repo / report_name).read_text())
    assert {e["check_name"] for e in entries} >= {"TDY102", "TDY201"}
    assert (repo / "tidy-report.md").read_text().startswith("## tidy report")
    assert template["tidy"]["extends"] == ".tidy"


def test_hook_manifest_is_valid_for_pre_commit() -> None:
    checked = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest",
                              str(SOURCE / ".pre-commit-hooks.yaml")], capture_output=True,
                             text=True, env=hermetic_env(), check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    hooks = {h["id"]: h for h in _load(SOURCE / ".pre-commit-hooks.yaml")}
    assert hooks["tidy-staged"]["language"] == hooks["tidy-push"]["language"] == "python"
    assert "pre-commit" in hooks["tidy-staged"]["stages"]
    assert hooks["tidy-push"]["pass_filenames"] is False
    assert "pre-push" in hooks["tidy-push"]["stages"]
