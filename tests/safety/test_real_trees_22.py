"""Real trees, round 22 (bench/RESULTS.md, "Real trees, round 22"): what tidy got wrong on
real projects, and the look-alikes that must stay.

Round 21 found a build script's output folder below its package.json (a Flask app's
`esbuild ... --outdir=app/static/dist` in the root package.json) in the scan; the commit
hook, which reads package.json from the staged blobs, did not look above the folder and let
the bundle be committed.

rollup's `-d lib-esm -f es` without --sourcemap wrote one main.js (of src/main.js) to a folder
of no kind's name: with no map there, the script's word was not taken (round 21 left it).

A versioned CMake shared library (libcalc.so.1.2.0, with libcalc.so.1 and libcalc.so linking to
it) was moved by a fix without its links, which dangled until the next `make`: the set is
left whole.

A fix then an undo gave every entry back byte for byte, but the folders the fix had moved
entries out of kept the time of the undo (round 21: app/static after its dist/ came back):
undo sets it back where nothing else changed the folder in between.

Astro 5's `astro build` writes dist/ (index.html, its assets in _astro/) beside astro.config.mjs,
which no kind took as a marker: dist/ was left.

Turborepo's turbo.json names each package's task outputs (`"outputs": ["dist/**"]`): a
package whose build copies index.js to dist/ has no other sign of it (round 21 left it). Nx
names them too (`{projectRoot}/dist` in nx.json's targetDefaults: nx 21 here).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import git, make_repo, run_cli, write
from tests.fixes.helpers import backdate, run_tidy, snapshot
from tests.safety.helpers import artifacts_by_path, commit_all, fix_moves_exactly, left_alone


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


def test_the_commit_hook_blocks_outputs_of_no_kinds_name_as_the_scan_does(
        tmp_path: Path) -> None:
    """web/public/js written by the root package.json's esbuild script (with its map), and
    packages/b/lib named by turbo.json's `b#build` outputs, staged: both blocked, as the scan
    finds them (fails on 76087a1: the hook let both through)."""
    repo = make_repo(tmp_path / "repo")
    _scripts_package(repo, build="esbuild src/a.js --bundle --sourcemap --outdir=web/public/js")
    write(repo / "turbo.json", json.dumps({"tasks": {"b#build": {"outputs": ["lib/**"]}}}))
    write(repo / "src" / "a.js", "console.log(1);\n")
    write(repo / "packages" / "b" / "package.json", json.dumps({"name": "b"}))
    write(repo / "packages" / "b" / "index.js", "module.exports = 2;\n")
    write(repo / "web" / "public" / "index.html", "<!doctype html>\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "sources")
    write(repo / "web" / "public" / "js" / "a.js", "(()=>{console.log(1)})();\n")
    write(repo / "web" / "public" / "js" / "a.js.map", '{"version":3}\n')
    write(repo / "packages" / "b" / "lib" / "index.js", "module.exports = 2;\n")
    assert {p for p, (kind, _) in artifacts_by_path(repo).items() if kind == "js-dist"} == {
        "web/public/js", "packages/b/lib"}
    done = run_cli("hook", "check-staged", *_staged(repo), cwd=repo)
    assert done.code == 1, done.out + done.err
    said = done.out + done.err
    assert "web/public/js: JavaScript build output" in said, said
    assert "packages/b/lib: JavaScript build output" in said, said
    assert "web/public/index" not in said and "packages/b/index" not in said, said


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


# ------------------------------------------------------------------ Turborepo's outputs
def _turbo_repo(root: Path) -> Path:
    """npm workspaces + turbo 2 as round 21 built it: packages/a's build copies index.js to
    dist/ (no map, no bundler), turbo.json's build task names dist/** its outputs; web's own
    task (`web#build`) names build/**; tools/x has a package-level turbo.json (extends //)
    naming out/**."""
    repo = make_repo(root)
    write(repo / "package.json", json.dumps({"name": "ws", "private": True,
                                             "workspaces": ["packages/*", "apps/*",
                                                            "tools/*"]}))
    write(repo / "turbo.json", '{\n  // turbo 2\n  "tasks": {"build": {"outputs": ["dist/**"]},'
          ' "web#build": {"outputs": ["build/**/*", ".next/**", "!.next/cache/**"]}}\n}\n')
    write(repo / ".gitignore", "node_modules\ndist\nbuild\nout\n.turbo\n")
    a = repo / "packages" / "a"
    write(a / "package.json", json.dumps({"name": "a", "main": "dist/index.js", "scripts": {
        "build": "mkdir -p dist && cp index.js dist/index.js"}}))
    write(a / "index.js", "module.exports = 1;\n")
    web = repo / "apps" / "web"
    write(web / "package.json", json.dumps({"name": "web"}))
    write(web / "src" / "main.ts", "export const x = 1;\n")
    tool = repo / "tools" / "x"
    write(tool / "package.json", json.dumps({"name": "x"}))
    write(tool / "turbo.json", json.dumps({"extends": ["//"],
                                           "tasks": {"build": {"outputs": ["out/**"]}}}))
    commit_all(repo)
    write(a / "dist" / "index.js", "module.exports = 1;\n")
    write(web / "build" / "main.js", "(()=>{})();\n")
    write(web / "build" / "assets" / "main.css", "body{}\n")
    write(web / "build" / "index.html", "<!doctype html>\n")
    write(tool / "out" / "index.mjs", "export default 1;\n")
    write(tool / "out" / "index.d.ts", "export default 1;\n")
    return repo


_TURBO_OUTPUTS = {"packages/a/dist", "apps/web/build", "tools/x/out"}


def test_turbo_outputs_are_found_moved_and_put_back(tmp_path: Path) -> None:
    """Each folder turbo.json names as a package's outputs (fails on 76087a1: none found)."""
    repo = _turbo_repo(tmp_path / "repo")
    found = artifacts_by_path(repo)
    for folder in _TURBO_OUTPUTS:
        assert found.get(folder) == ("js-dist", "safe"), (folder, found)
    assert not any(p.startswith(("packages/a/index", "apps/web/src")) for p in found), found
    fix_moves_exactly(repo, tmp_path / "state", _TURBO_OUTPUTS)


def test_turbo_outputs_holding_anything_else_stay(tmp_path: Path) -> None:
    """A folder of sources named as outputs (src/**: its .ts), one with a hand-made image,
    one a negated glob takes something out of, one of another package's task, one named
    by a glob of files or with a wildcard, one above the package: each stays."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "package.json", json.dumps({"name": "ws", "private": True}))
    write(repo / "turbo.json", json.dumps({"pipeline": {
        "build": {"outputs": ["src/**", "dist/**", "lib/**", "!lib/cache/**", "*/x/**",
                              "types/*.d.ts", "../up/**"]},
        "other#build": {"outputs": ["gen/**"]}}}))
    a = repo / "packages" / "a"
    write(a / "package.json", json.dumps({"name": "a"}))
    write(a / "src" / "index.ts", "export const x = 1;\n")
    write(a / "src" / "util.js", "module.exports = 2;\n")
    commit_all(repo)
    write(a / "test" / "a.test.js", "test(1);\n")  # plain .js, named src/** too: a source
    write(repo / "turbo.json", json.dumps({"pipeline": {
        "build": {"outputs": ["src/**", "test/**", "dist/**", "lib/**", "!lib/cache/**",
                              "*/x/**", "types/*.d.ts", "../up/**"]},
        "other#build": {"outputs": ["gen/**"]}}}))
    write(a / "dist" / "index.js", "module.exports = 1;\n")
    write(a / "dist" / "logo.png", "\x89PNG hand-drawn\n")
    write(a / "lib" / "index.js", "module.exports = 1;\n")
    write(a / "gen" / "index.js", "module.exports = 1;\n")
    write(a / "types" / "index.d.ts", "export {};\n")
    write(a / "y" / "x" / "index.js", "module.exports = 1;\n")
    write(repo / "packages" / "up" / "index.js", "module.exports = 1;\n")
    assert not {p for p, (kind, _) in artifacts_by_path(repo).items() if kind == "js-dist"}
    left_alone(repo, tmp_path / "state", "packages/a/src", "packages/a/test", "packages/a/dist",
               "packages/a/lib", "packages/a/gen", "packages/a/types", "packages/a/y",
               "packages/up")


_GLOBS = st.lists(st.sampled_from(["dist", "..", ".", "", "*", "**", "!", "$TURBO_ROOT$",
                                   "lib", "/"]), max_size=6).map("/".join)


@given(st.dictionaries(st.sampled_from(["build", "a#build", "//#build", "b#x"]),
                       st.fixed_dictionaries({"outputs": st.lists(_GLOBS, max_size=4)})),
       st.sampled_from([None, "a", "b"]), st.booleans())
def test_turbo_output_folders_are_below_the_package(tasks: dict[str, object],
                                                     package: str | None,
                                                     is_root: bool) -> None:
    """Whatever the globs, a folder named is plain parts below the package: no "..", no
    wildcard, never the package itself."""
    from tidy.core.task_outputs import output_folders  # here: the module is new

    for folder in output_folders({"tasks": tasks}, package, is_root):
        parts = folder.split("/")
        assert folder and all(p not in ("", ".", "..") for p in parts), folder
        assert not any(c in part for part in parts for c in "*?[{!$"), folder


# ------------------------------------------------------------------ outputs named after entries
def test_outputs_named_after_their_entries_are_found(tmp_path: Path) -> None:
    """rollup's -d lib-esm (main.js and a chunk, no map) beside its package.json, and
    esbuild's --outdir=web/esm (main.js, main.css) below it (fails on 76087a1: both left)."""
    repo = make_repo(tmp_path / "repo")
    _scripts_package(repo, build="rollup src/main.js -d lib-esm -f es && esbuild "
                     "web/src/main.ts --bundle --outdir=web/esm")
    write(repo / "src" / "main.js", "export const x = 1;\n")
    write(repo / "web" / "src" / "main.ts", "export const y = 2;\n")
    write(repo / ".gitignore", "node_modules\n")
    commit_all(repo)
    write(repo / "lib-esm" / "main.js", "const x = 1;\n\nexport { x };\n")
    write(repo / "lib-esm" / "main-Ab3_x9Zq.js", "export const z = 1;\n")
    write(repo / "web" / "esm" / "main.js", "(()=>{})();\n")
    write(repo / "web" / "esm" / "main.css", "body{}\n")
    found = artifacts_by_path(repo)
    for folder in ("lib-esm", "web/esm"):
        assert found.get(folder) == ("js-dist", "safe"), (folder, found)
    assert not any(p.startswith(("src", "web/src")) for p in found), found
    fix_moves_exactly(repo, tmp_path / "state", {"lib-esm", "web/esm"})


def test_outputs_not_named_after_an_entry_stay(tmp_path: Path) -> None:
    """A file named after no entry (a hand-written helper.js), an entry that is no file
    (`-f es` names none: es.js stays), a subfolder, webpack's (named main.js whatever the
    entry), and an entry inside the folder itself: each stays."""
    repo = make_repo(tmp_path / "repo")
    _scripts_package(repo, a="rollup src/main.js -d lib-a -f es",
                     b="rollup src/main.js -d lib-b -f es",
                     c="rollup src/main.js -d lib-c",
                     d="webpack --entry ./src/main.js --output-path pack",
                     e="esbuild lib-e/main.js --outdir=lib-e")
    write(repo / "src" / "main.js", "export const x = 1;\n")
    commit_all(repo)
    write(repo / "lib-a" / "main.js", "export const x = 1;\n")
    write(repo / "lib-a" / "helper.js", "export const mine = 1;\n")
    write(repo / "lib-b" / "es.js", "export const mine = 1;\n")
    write(repo / "lib-c" / "main.js", "export const x = 1;\n")
    write(repo / "lib-c" / "deep" / "main.js", "export const x = 1;\n")
    write(repo / "pack" / "main.js", "(()=>{})();\n")
    write(repo / "lib-e" / "main.js", "export const x = 1;\n")
    assert not {p for p, (kind, _) in artifacts_by_path(repo).items() if kind == "js-dist"}
    left_alone(repo, tmp_path / "state", "lib-a", "lib-b", "lib-c", "pack", "lib-e")


# ------------------------------------------------------------------ a shared library's links
def _links(repo: Path) -> dict[str, str]:
    return {str(p.relative_to(repo)): str(p.readlink()) for p in repo.rglob("*")
            if p.is_symlink()}


def test_a_versioned_shared_library_stays_with_its_links(tmp_path: Path) -> None:
    """After the fix every link of the CMake build still points at its library, and undo
    puts the tree back as it was (fails on 76087a1: libcalcshared.so.1.2.0 moved, its two
    links dangling)."""
    from tests.safety.test_real_trees_21 import _cmake_libraries

    repo = _cmake_libraries(tmp_path / "repo", tmp_path)
    links = _links(repo)
    assert links == {"libcalcshared.so": "libcalcshared.so.1",
                     "libcalcshared.so.1": "libcalcshared.so.1.2.0"}, links
    backdate(repo)  # a fix leaves what was written in the last hour
    before = snapshot(repo)
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=repo, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert not (repo / "libcalc.a").exists()  # the rest of the build moved
    assert all((repo / link).resolve().is_file() for link in links), _links(repo)
    undone = run_tidy("undo", "--yes", cwd=repo, state=tmp_path / "state")
    assert undone.returncode == 0, undone.stderr
    assert snapshot(repo) == before


# ------------------------------------------------------------------ folders' own times
def _folder_times(repo: Path) -> dict[str, int]:
    return {str(p.relative_to(repo)): p.lstat().st_mtime_ns
            for p in [repo, *repo.rglob("*")] if p.is_dir() and not p.is_symlink()
            and ".git" not in p.relative_to(repo).parts}


def _caches_repo(root: Path) -> Path:
    """Two caches in app/ (one folder's entries moved out twice), one in app/static."""
    repo = make_repo(root)
    write(repo / "pyproject.toml", '[project]\nname = "app"\n')
    write(repo / "app" / "main.py", "x = 1\n")
    write(repo / "app" / "static" / "site.css", "body{}\n")
    write(repo / ".gitignore", "__pycache__/\n.pytest_cache/\n.mypy_cache/\n")
    commit_all(repo)
    write(repo / "app" / "__pycache__" / "main.cpython-311.pyc", b"\0" * 64)
    write(repo / "app" / ".pytest_cache" / "README.md", "pytest cache\n")
    write(repo / "app" / ".pytest_cache" / ".gitignore", "*\n")
    write(repo / "app" / "static" / ".mypy_cache" / ".gitignore", "*\n")
    write(repo / "app" / "static" / ".mypy_cache" / "3.11" / "x.json", "{}\n")
    backdate(repo)
    return repo


def test_undo_puts_back_the_folders_own_times(tmp_path: Path) -> None:
    """Every folder's mtime after fix then undo is what it was (fails on 76087a1: app and
    app/static kept the undo's time)."""
    repo = _caches_repo(tmp_path / "repo")
    before, entries = _folder_times(repo), snapshot(repo)
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=repo, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert not (repo / "app" / "__pycache__").exists()
    undone = run_tidy("undo", "--yes", cwd=repo, state=tmp_path / "state")
    assert undone.returncode == 0, undone.stderr
    assert snapshot(repo) == entries
    assert _folder_times(repo) == before


def test_undo_keeps_a_newer_time_of_a_folder_changed_since(tmp_path: Path) -> None:
    """A file written to app/ between the fix and the undo: app keeps its newer time (and
    the file); app/static, untouched, gets its own back."""
    repo = _caches_repo(tmp_path / "repo")
    before = _folder_times(repo)
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=repo, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    write(repo / "app" / "new.py", "y = 2\n")
    written = (repo / "app").lstat().st_mtime_ns
    undone = run_tidy("undo", "--yes", cwd=repo, state=tmp_path / "state")
    assert undone.returncode == 0, undone.stderr
    after = _folder_times(repo)
    assert after["app"] >= written > before["app"]
    assert (repo / "app" / "new.py").read_text() == "y = 2\n"
    assert after["app/static"] == before["app/static"]
    assert (repo / "app" / "__pycache__").is_dir()


# ------------------------------------------------------------------ Nx's outputs
def _nx_repo(root: Path) -> Path:
    """npm workspaces + nx 21 as built here: nx.json's targetDefaults build outputs
    {projectRoot}/dist (packages/a copies index.js there); apps/web's project.json names
    {projectRoot}/build/**; libs/b's package.json "nx" targets name {projectRoot}/out."""
    repo = make_repo(root)
    write(repo / "package.json", json.dumps({"name": "ws", "private": True,
                                             "workspaces": ["packages/*", "libs/*"]}))
    write(repo / "nx.json", json.dumps({"targetDefaults": {"build": {
        "cache": True, "outputs": ["{projectRoot}/dist"]}}}))
    write(repo / ".gitignore", "node_modules\ndist\nbuild\nout\n.nx\n")
    a = repo / "packages" / "a"
    write(a / "package.json", json.dumps({"name": "a", "scripts": {
        "build": "mkdir -p dist && cp index.js dist/index.js"}}))
    write(a / "index.js", "module.exports = 1;\n")
    web = repo / "apps" / "web"
    write(web / "project.json", json.dumps({"name": "web", "targets": {"build": {
        "outputs": ["{projectRoot}/build/**", "{workspaceRoot}/coverage/web"]}}}))
    write(web / "src" / "main.ts", "export const x = 1;\n")
    b = repo / "libs" / "b"
    write(b / "package.json", json.dumps({"name": "b", "nx": {"targets": {"pack": {
        "outputs": ["{projectRoot}/out", "{options.outputPath}"]}}}}))
    commit_all(repo)
    write(a / "dist" / "index.js", "module.exports = 1;\n")
    write(web / "build" / "main.js", "(()=>{})();\n")
    write(web / "build" / "index.html", "<!doctype html>\n")
    write(b / "out" / "index.cjs", "module.exports = 2;\n")
    write(b / "out" / "index.d.ts", "export {};\n")
    return repo


def test_nx_outputs_are_found_moved_and_put_back(tmp_path: Path) -> None:
    """Each folder Nx names as a project's outputs (fails on 76087a1: none found)."""
    repo = _nx_repo(tmp_path / "repo")
    found = artifacts_by_path(repo)
    outputs = {"packages/a/dist", "apps/web/build", "libs/b/out"}
    for folder in outputs:
        assert found.get(folder) == ("js-dist", "safe"), (folder, found)
    assert not any(p.startswith(("packages/a/index", "apps/web/src")) for p in found), found
    fix_moves_exactly(repo, tmp_path / "state", outputs)


def test_nx_outputs_of_other_forms_or_holding_anything_else_stay(tmp_path: Path) -> None:
    """{workspaceRoot}/..., a path with no token (the workspace root's), a glob, src named
    as outputs, a dist holding an image: each stays."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "package.json", json.dumps({"name": "ws", "private": True}))
    write(repo / "nx.json", json.dumps({"targetDefaults": {"build": {"outputs": [
        "{workspaceRoot}/gen", "lib", "{projectRoot}/*/x", "{projectRoot}/src",
        "{projectRoot}/dist", "{projectRoot}/../up"]}}}))
    a = repo / "packages" / "a"
    write(a / "package.json", json.dumps({"name": "a"}))
    write(a / "src" / "index.js", "module.exports = 1;\n")
    commit_all(repo)
    for folder in ("gen", "lib", "y/x", "dist"):
        write(a / folder / "index.js", "module.exports = 1;\n")
    write(a / "dist" / "logo.png", "\x89PNG hand-drawn\n")
    write(repo / "packages" / "up" / "index.js", "module.exports = 1;\n")
    assert not {p for p, (kind, _) in artifacts_by_path(repo).items() if kind == "js-dist"}
    left_alone(repo, tmp_path / "state", "packages/a/gen", "packages/a/lib", "packages/a/y",
               "packages/a/dist", "packages/up")


@given(st.lists(st.sampled_from(["{projectRoot}", "{workspaceRoot}", "dist", "..", ".", "",
                                 "*", "**", "{options.outputPath}"]), max_size=5)
       .map("/".join))
def test_nx_output_folders_are_below_the_project(output: str) -> None:
    from tidy.core.task_outputs import nx_output_folders  # here: the module is new

    for folder in nx_output_folders({"build": {"outputs": [output]}}):
        parts = folder.split("/")
        assert output.startswith("{projectRoot}/"), output
        assert all(p not in ("", ".", "..") and "*" not in p and "{" not in p
                   for p in parts), folder


# ------------------------------------------------------------------ Astro's dist
def test_astro_dist_is_found(tmp_path: Path) -> None:
    """dist/ beside astro.config.mjs as astro 5.16 wrote it (fails on 76087a1: left); a
    dist/ of notes beside it (no page, no _astro/) stays."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "package.json", json.dumps({"name": "site", "type": "module",
                                             "scripts": {"build": "astro build"}}))
    write(repo / "astro.config.mjs", "import { defineConfig } from 'astro/config';\n"
          "export default defineConfig({});\n")
    write(repo / "src" / "pages" / "index.astro", "---\n---\n<h1>Hi</h1>\n")
    write(repo / "docs" / "astro.config.mjs", "export default {};\n")
    commit_all(repo)
    write(repo / "dist" / "index.html", "<!DOCTYPE html><h1>Hi</h1>\n")
    write(repo / "dist" / "_astro" / "index.B1a2c3d4.css", "h1{}\n")
    write(repo / "docs" / "dist" / "notes.md", "mine\n")
    found = artifacts_by_path(repo)
    assert found.get("dist") == ("js-dist", "safe"), found
    assert not any(p.startswith(("src", "docs")) for p in found), found
    fix_moves_exactly(repo, tmp_path / "state", {"dist"})


def test_undo_keeps_the_time_of_a_folder_not_all_put_back(tmp_path: Path) -> None:
    """One of app's two caches removed from the trash by hand: undo puts the other back and
    leaves app's time as the undo left it (app/static's comes back)."""
    import shutil

    repo = _caches_repo(tmp_path / "repo")
    before = _folder_times(repo)
    state = tmp_path / "state"
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=repo, state=state)
    assert done.returncode == 0, done.stderr
    trashed = {entry["dst"] for journal in state.rglob("*") if journal.is_file()
               for line in journal.read_text(errors="replace").splitlines()
               if line.startswith("{") and '"dst"' in line
               for entry in [json.loads(line)] if entry["dst"].endswith("/__pycache__")}
    assert len(trashed) == 1, trashed
    shutil.rmtree(trashed.pop())
    undone = run_tidy("undo", "--yes", cwd=repo, state=state)
    assert undone.returncode != 0, undone.stdout  # one item could not be put back
    after = _folder_times(repo)
    assert (repo / "app" / ".pytest_cache").is_dir()
    assert not (repo / "app" / "__pycache__").exists()
    assert after["app"] != before["app"]
    assert after["app/static"] == before["app/static"]
