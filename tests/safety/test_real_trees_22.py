"""Real trees, round 22 (bench/RESULTS.md, "Real trees, round 22"): what tidy got wrong on
real projects, and the look-alikes that must stay.

Round 21 found a build script's output folder below its package.json (a Flask app's
`esbuild ... --outdir=app/static/dist` in the root package.json) in the scan; the commit
hook, which reads package.json from the staged blobs, did not look above the folder and let
the bundle be committed.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import git, make_repo, run_cli, write


def _scripts_package(root: Path, **scripts: str) -> None:
    write(root / "package.json", json.dumps({"name": root.name, "private": True,
                                             "scripts": scripts}))


def _staged(repo: Path) -> list[str]:
    git(repo, "add", "-A")
    return git(repo, "diff", "--cached", "--name-only", "-z").split("\0")[:-1]


# ------------------------------------------------------------------ the hook agrees with the scan
def test_the_commit_hook_blocks_a_bundle_below_its_package(tmp_path: Path) -> None:
    """app/static/dist written by the root package.json's esbuild script, staged: blocked,
    as the scan finds it (fails on 76087a1: the hook let it through)."""
    repo = make_repo(tmp_path / "repo")
    _scripts_package(repo, build="esbuild app/static/src/main.js --bundle --sourcemap "
                     "--outdir=app/static/dist")
    write(repo / "app" / "static" / "src" / "main.js", "console.log(1);\n")
    write(repo / "app" / "static" / "dist" / "main.js", "(()=>{console.log(1)})();\n")
    write(repo / "app" / "static" / "dist" / "main.js.map", '{"version":3}\n')
    done = run_cli("hook", "check-staged", *_staged(repo), cwd=repo)
    assert done.code == 1, done.out + done.err
    assert "app/static/dist: JavaScript build output" in done.out + done.err
    assert "app/static/src" not in done.out + done.err


def test_the_commit_hook_passes_a_folder_the_staged_scripts_do_not_name(tmp_path: Path) -> None:
    """The staged package.json is what the hook reads: a script on disk but not staged that
    names the folder, or a folder holding a hand-made page beside the bundle, passes."""
    repo = make_repo(tmp_path / "repo")
    _scripts_package(repo, build="esbuild app/src/main.js --outdir=app/static/other")
    write(repo / "app" / "src" / "main.js", "console.log(1);\n")
    write(repo / "app" / "static" / "dist" / "main.js", "(()=>{console.log(1)})();\n")
    write(repo / "app" / "static" / "dist" / "main.js.map", '{"version":3}\n')
    write(repo / "web" / "public" / "build" / "main.js", "(()=>{})();\n")
    write(repo / "web" / "public" / "build" / "main.js.map", '{"version":3}\n')
    write(repo / "web" / "public" / "build" / "page.html", "<p>mine</p>\n")
    _scripts_package(repo / "web", build="esbuild src/i.js --outdir=public/build")
    staged = _staged(repo)
    _scripts_package(repo, build="esbuild app/src/main.js --outdir=app/static/dist")
    done = run_cli("hook", "check-staged", *staged, cwd=repo)
    assert done.code == 0, done.out + done.err
