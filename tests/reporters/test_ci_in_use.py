"""The CI reporters as a CI job runs them: `python -m tidy scan` in a real repository, from its
root, from a subfolder and with an absolute path from elsewhere, in a shallow clone on a
detached HEAD, piped (no terminal), with NO_COLOR / FORCE_COLOR, and in a checkout owned by
another uid (git's safe.directory refusal).

Every reporter names files from the repository root: GitHub links an annotation, and code
scanning a SARIF result, only to a path inside the checkout; `../pkg/x` links nowhere."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlparse

import jsonschema
import pytest

from tests.conftest import commit, git, hermetic_env, run_cli, write
from tests.reporters.ci_builders import ODD_NAME, bloated_repo, finding, synthetic
from tidy.reporters import github

DATA = Path(__file__).parent / "data"
ANSI = re.compile(r"\x1b\[")
COMMAND = re.compile(r"^::(?P<cmd>error|warning|notice)(?: (?P<params>[^:]*))?::(?P<msg>.*)$")


def _sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
    return jsonschema.Draft4Validator(schema)


def _json_validator() -> jsonschema.protocols.Validator:
    text = resources.files("tidy").joinpath("schemas/report-v1.json").read_text("utf-8")
    schema = json.loads(text)
    return jsonschema.validators.validator_for(schema)(schema)


def _unescape(text: str) -> str:
    for encoded, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","),
                           ("%25", "%")):
        text = text.replace(encoded, plain)
    return text


def _annotation_files(out: str) -> list[str | None]:
    files: list[str | None] = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        if match is None:
            continue
        params = dict(p.partition("=")[::2] for p in (match["params"] or "").split(","))
        files.append(_unescape(params["file"]) if "file" in params else None)
    return files


def _sarif_files(out: str) -> list[str]:
    """Each result's file, resolved against its uriBaseId as a SARIF viewer does, relative to
    SRCROOT; SRCROOT itself is checked by the caller."""
    document = json.loads(out)
    assert list(_sarif_validator().iter_errors(document)) == []
    run = document["runs"][0]
    return [unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for r in run["results"]]


def _srcroot(out: str) -> str:
    run = json.loads(out)["runs"][0]
    return unquote(urlparse(run["originalUriBaseIds"]["SRCROOT"]["uri"]).path)


def _paths(fmt: str, out: str) -> list[str]:
    if fmt == "sarif":
        return _sarif_files(out)
    if fmt == "github":
        return [f for f in _annotation_files(out) if f is not None]
    if fmt == "gitlab":
        return [entry["location"]["path"] for entry in json.loads(out)]
    document = json.loads(out)
    assert list(_json_validator().iter_errors(document)) == []
    return [os.path.join(g["root"], f["path"]) for g in document["groups"]
            for f in g["findings"]]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["sarif", "github", "gitlab", "json"])
def test_paths_are_from_the_repo_root_from_a_subfolder_and_an_absolute_path(
        tmp_path: Path, fmt: str) -> None:
    repo = bloated_repo(tmp_path / "repo")
    env = hermetic_env()
    env.pop("GITHUB_WORKSPACE", None)  # a CI other than GitHub's, or a run on a laptop
    runs = {
        "root": run_cli("scan", "--no-record", "--format", fmt, cwd=repo, env=env),
        "subfolder": run_cli("scan", "--no-record", "--format", fmt, cwd=repo / "pkg",
                             env=env),
        "absolute": run_cli("scan", "--no-record", "--format", fmt, str(repo),
                            cwd=tmp_path, env=env),
    }
    for where, result in runs.items():
        assert result.code == 1, (where, result.err)  # the committed cache fails
        assert not ANSI.search(result.out) and result.err == "", (where, result.err)
        paths = _paths(fmt, result.out)
        assert paths, where
        for path in paths:
            if fmt == "json":  # absolute: the group's root and the path from it
                assert Path(path).exists(), (where, path)
                continue
            assert not path.startswith(("../", "/")), (where, path)
            assert (repo / path).exists(), (where, path)
        if fmt == "sarif":
            assert Path(_srcroot(result.out)) == repo, where
    if fmt != "json":
        assert set(_paths(fmt, runs["subfolder"].out)) <= set(_paths(fmt, runs["root"].out))
        assert _paths(fmt, runs["absolute"].out) == _paths(fmt, runs["root"].out)
    if fmt == "github":
        assert ODD_NAME in _paths(fmt, runs["root"].out)


def test_a_finding_about_the_whole_repo_is_annotated_without_a_file() -> None:
    # `file=.` is not a file GitHub can show a line of: the annotation goes on the run.
    report = synthetic([finding("TDY206", ".", kind="history")])
    [line] = [ln for ln in github.render(report).splitlines() if ln.startswith("::")]
    assert line.startswith("::warning title=TDY206 ")
    assert "file=" not in line and "line=" not in line


@pytest.mark.slow
def test_a_shallow_clone_on_a_detached_head_scans_and_annotates(tmp_path: Path) -> None:
    origin = bloated_repo(tmp_path / "origin")
    write(origin / "notes.md", "second commit\n")
    commit(origin, "notes.md")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)],
                   check=True, env=hermetic_env())
    git(clone, "checkout", "-q", "--detach", "HEAD")
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"

    result = run_cli("scan", "--no-record", "--history", "--format", "github", cwd=clone,
                     env=hermetic_env({"GITHUB_WORKSPACE": str(clone)}))

    assert result.code == 1, result.err
    files = _annotation_files(result.out)
    assert "pkg/__pycache__/mod.cpython-311.pyc" in files
    assert "." not in files  # the shallow-history warning has no file to point at
    assert any("shallow clone" in _unescape(ln) for ln in result.out.splitlines())


@pytest.mark.slow
@pytest.mark.parametrize(("extra", "coloured"), [
    ({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "0"}, False),
    ({"NO_COLOR": "1"}, False), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)])
def test_piped_output_is_plain_unless_force_color_asks(
        tmp_path: Path, extra: dict[str, str], coloured: bool) -> None:
    repo = bloated_repo(tmp_path / "repo")
    env = {k: v for k, v in hermetic_env().items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    result = run_cli("scan", "--no-record", cwd=repo, env={**env, **extra})
    assert result.code == 1
    assert bool(ANSI.search(result.out)) is coloured, result.out[:300]
    assert result.err == ""  # no progress display when stderr is not a terminal
    written = run_cli("scan", "--no-record", "-o", str(tmp_path / "report.txt"), cwd=repo,
                      env={**env, **extra})
    assert written.code == 1
    assert not ANSI.search((tmp_path / "report.txt").read_text())  # a file: never coloured


OTHER_UID = 4242


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the checkout to another uid")
def test_a_checkout_owned_by_another_uid_is_one_line_and_exit_2(tmp_path: Path) -> None:
    # A container job's $GITHUB_WORKSPACE: checked out by the runner's uid, scanned by root.
    # git refuses it (safe.directory); a scan that went on would lose the committed cache
    # (git cannot say it is tracked) and pass.
    workspace = tmp_path / "workspace"
    shutil.copytree(bloated_repo(tmp_path / "repo"), workspace, symlinks=True)
    subprocess.run(["chown", "-R", f"{OTHER_UID}:{OTHER_UID}", str(workspace)], check=True)
    env = hermetic_env({"GITHUB_WORKSPACE": str(workspace)})

    for fmt in ("github", "sarif", "text"):
        result = run_cli("scan", "--no-record", "--format", fmt, cwd=workspace, env=env)
        assert result.code == 2, (fmt, result.out, result.err)
        assert len(result.err.splitlines()) == 1, result.err
        assert "safe.directory" in result.err and str(workspace) in result.err
        assert "Traceback" not in result.err and result.out == ""

    write(workspace / "big.bin", size=10)
    hook = run_cli("hook", "check-staged", "README.md", cwd=workspace, env=env)
    assert hook.code == 2
    assert len(hook.err.splitlines()) == 1 and "safe.directory" in hook.err, hook.err

    # Trusted as git says, the same checkout scans and fails on the committed cache.
    config = tmp_path / "gitconfig"
    config.write_text(f"[safe]\n\tdirectory = {workspace}\n")
    trusted = run_cli("scan", "--no-record", "--format", "github", cwd=workspace,
                      env={**env, "GIT_CONFIG_GLOBAL": str(config)})
    assert trusted.code == 1, trusted.err
    assert "pkg/__pycache__/mod.cpython-311.pyc" in _annotation_files(trusted.out)


def test_a_plain_folder_from_a_subfolder_keeps_its_paths(tmp_path: Path) -> None:
    # No repo: the scanned folder is the root every path is named from, as before.
    folder = tmp_path / "plain"
    write(folder / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=100)
    result = run_cli("scan", "--no-record", "--format", "gitlab", cwd=folder / "pkg")
    assert {e["location"]["path"] for e in json.loads(result.out)} == {"__pycache__"}


@pytest.mark.slow
def test_a_budget_fails_the_run_at_its_config_line_in_plain_sentences(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path / "repo")
    write(repo / ".tidy.toml", '[budgets]\ntotal-tracked-bytes = "100KB"\n')
    commit(repo, ".tidy.toml")
    env = hermetic_env({"GITHUB_WORKSPACE": str(repo)})
    annotated = run_cli("scan", "--no-record", "--format", "github", "--fail-on", "TDY9",
                        cwd=repo, env=env)
    assert annotated.code == 1, annotated.err  # over budget: exit 1 (README "Exit codes")
    [budget] = [ln for ln in annotated.out.splitlines() if "TDY902" in ln]
    assert budget.startswith("::error file=.tidy.toml,line=2,")
    sarif = run_cli("scan", "--no-record", "--format", "sarif", cwd=repo, env=env)
    messages = [r["message"]["text"] for r in json.loads(sarif.out)["runs"][0]["results"]]
    for text in [_unescape(ln) for ln in annotated.out.splitlines()] + messages:
        assert ".." not in text.replace("...", ""), text  # one full stop after the fix
    assert run_cli("scan", "--no-record", "--format", "github", "--exit-zero", cwd=repo,
                   env=env).code == 0
