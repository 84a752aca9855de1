"""Real trees, round 23 (bench/RESULTS.md, "Real trees, round 23"): what tidy got wrong on
real projects, and the look-alikes that must stay.

An Nx project made by `nx g` has a project.json and no package.json: the scan read its
targets' outputs (round 22), the commit hook never looked beside a project.json for a folder
of no kind's name and let `apps/web/www` be committed.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import git, make_repo, run_cli, write
from tests.safety.helpers import artifacts_by_path, commit_all


def _staged(repo: Path) -> list[str]:
    git(repo, "add", "-A")
    return git(repo, "diff", "--cached", "--name-only", "-z").split("\0")[:-1]


# ------------------------------------------------------------------ Nx's project.json, in the hook
def _nx_project_json_only(root: Path) -> Path:
    """An Nx 21 workspace whose apps/web has only a project.json (no package.json): its
    build target's outputs are {projectRoot}/www (no kind's name) and {projectRoot}/build."""
    repo = make_repo(root)
    write(repo / "package.json", json.dumps({"name": "ws", "private": True}))
    write(repo / "nx.json", json.dumps({"targetDefaults": {"build": {"cache": True}}}))
    web = repo / "apps" / "web"
    write(web / "project.json", json.dumps({"name": "web", "targets": {"build": {
        "executor": "nx:run-commands", "outputs": ["{projectRoot}/www", "{projectRoot}/build"],
        "options": {"command": "esbuild apps/web/src/main.ts --bundle --outdir=apps/web/www"}}}}))
    write(web / "src" / "main.ts", "export const x = 1;\n")
    commit_all(repo)
    return repo


def test_the_commit_hook_blocks_outputs_an_nx_project_json_names(tmp_path: Path) -> None:
    """apps/web/www and apps/web/build staged: both blocked, as the scan finds them (fails on
    486f37e: the hook blocked build/, of a kind's name, and let www/ through)."""
    repo = _nx_project_json_only(tmp_path / "repo")
    web = repo / "apps" / "web"
    write(web / "www" / "main.js", "(()=>{})();\n")
    write(web / "www" / "main.js.map", '{"version":3}\n')
    write(web / "build" / "main.js", "(()=>{})();\n")
    assert {p for p, (kind, _) in artifacts_by_path(repo).items() if kind == "js-dist"} == {
        "apps/web/www", "apps/web/build"}
    done = run_cli("hook", "check-staged", *_staged(repo), cwd=repo)
    said = done.out + done.err
    assert done.code == 1, said
    assert "apps/web/www: JavaScript build output" in said, said
    assert "apps/web/build: JavaScript build output" in said, said
    assert "apps/web/src" not in said, said


def test_the_commit_hook_passes_what_an_nx_project_json_does_not_name(tmp_path: Path) -> None:
    """A folder beside the project.json that no target names (lib/), and www/ holding a page
    of the user's beside the bundle: both pass."""
    repo = _nx_project_json_only(tmp_path / "repo")
    web = repo / "apps" / "web"
    write(web / "lib" / "main.js", "(()=>{})();\n")
    write(web / "lib" / "main.js.map", '{"version":3}\n')
    write(web / "www" / "main.js", "(()=>{})();\n")
    write(web / "www" / "about.txt", "mine\n")
    assert not {p for p, (kind, _) in artifacts_by_path(repo).items() if kind == "js-dist"}
    done = run_cli("hook", "check-staged", *_staged(repo), cwd=repo)
    assert done.code == 0, done.out + done.err
