"""Real trees, round 23 (bench/RESULTS.md, "Real trees, round 23"): what tidy got wrong on
real projects, and the look-alikes that must stay.

A TypeScript Create React App's build/ (react-scripts 5.0.1) and a tsup library's dist/
(tsup 8: index.js, index.mjs, index.d.ts, index.d.mts, no map) were left: their only marker
was the tsconfig.json beside them, which confirms only what is traced to tsc since trust
round 16. package.json's scripts say where each writes (`react-scripts build`: build/ or
$BUILD_PATH; `tsup src/index.ts`: dist/ or --out-dir), and what is there proves it: tsup's
files are named after its entries, CRA's are named in its asset-manifest.json or copied from
public/. (CRA's JavaScript template, with no tsconfig.json, had no marker at all: its
build/ was left before trust round 16 too.)

An Nx project made by `nx g` has a project.json and no package.json: the scan read its
targets' outputs (round 22), the commit hook never looked beside a project.json for a folder
of no kind's name and let `apps/web/www` be committed.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import git, make_repo, run_cli, write
from tests.safety.helpers import artifacts_by_path, commit_all, fix_moves_exactly, left_alone


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


# ------------------------------------------------------------------ tsup's dist/
_PUBLISHED = {"main": "./dist/index.js", "module": "./dist/index.mjs",
              "types": "./dist/index.d.ts"}


def _tsup_library(root: Path, build: str = "tsup src/index.ts --format cjs,esm --dts",
                  published: dict[str, object] | None = None) -> Path:
    """A TypeScript library as built here with tsup 8.5: a tsconfig.json (no outDir) and
    package.json's build script; dist/ as tsup wrote it, no map. `published`: package.json's
    main, module, types, exports (dist/index.* unless given)."""
    repo = make_repo(root)
    write(repo / "package.json", json.dumps({
        "name": "lib", **(_PUBLISHED if published is None else published),
        "scripts": {"build": build}}))
    if build.split()[:1] == ["tsup"] and "src/" not in build:
        write(repo / "tsup.config.ts", "import { defineConfig } from 'tsup';\n"
              "export default defineConfig({ entry: ['src/index.ts'], format: ['cjs', 'esm'] });\n")
    write(repo / "tsconfig.json", json.dumps({"compilerOptions": {
        "target": "ES2020", "strict": True, "declaration": True}, "include": ["src"]}))
    write(repo / "src" / "index.ts", "export function add(a: number, b: number): number "
          "{ return a + b; }\n")
    write(repo / ".gitignore", "node_modules\ndist\n")
    commit_all(repo)
    return repo


_TSUP_WROTE = {"index.js": "module.exports = {};\n", "index.mjs": "export { add };\n",
               "index.d.ts": "declare function add(a: number, b: number): number;\n",
               "index.d.mts": "declare function add(a: number, b: number): number;\n"}


@pytest.mark.parametrize("build", ["tsup src/index.ts --format cjs,esm --dts",
                                   "tsup src/index.ts --format esm,cjs",
                                   "npx tsup src/index.ts src/cli.ts --out-dir out",
                                   "tsup --dts"])
def test_a_tsup_dist_is_found_moved_and_put_back(tmp_path: Path, build: str) -> None:
    """dist/ (or --out-dir out) of the files tsup names after its entries, with or without
    declarations, and a chunk esbuild's splitting shares; with the entries in tsup.config.ts,
    named after what package.json publishes from dist/ (each fails on 486f37e: left)."""
    exports = {"exports": {".": {"import": {"types": "./dist/index.d.mts",
                                            "default": "./dist/index.mjs"},
                                 "require": "./dist/index.js"}}}
    repo = _tsup_library(tmp_path / "repo", build, exports if build == "tsup --dts" else None)
    write(repo / "src" / "cli.ts", "export const run = 1;\n")
    folder = "out" if "--out-dir out" in build else "dist"
    for name, text in _TSUP_WROTE.items():
        if "--dts" in build or ".d." not in name:
            write(repo / folder / name, text)
    if folder == "out":
        write(repo / folder / "cli.mjs", "export const run = 1;\n")
        write(repo / folder / "chunk-7QVYU63E.mjs", "export const shared = 1;\n")
    assert artifacts_by_path(repo) == {folder: ("js-dist", "safe")}
    fix_moves_exactly(repo, tmp_path / "state", {folder})


@pytest.mark.parametrize("extra", ["helper.js", "index.test.js", "logo.png", "sub/index.js",
                                   "chunk-lower12.mjs"])
def test_a_tsup_dist_holding_a_file_of_no_entry_stays(tmp_path: Path, extra: str) -> None:
    """A file named after no entry beside tsup's (a hand-written helper, an image, a
    subfolder): the folder stays."""
    repo = _tsup_library(tmp_path / "repo")
    for name, text in _TSUP_WROTE.items():
        write(repo / "dist" / name, text)
    write(repo / "dist" / extra, "mine\n")
    left_alone(repo, tmp_path / "state", "dist")


@pytest.mark.parametrize(("build", "published"), [
    ("tsup", {}), ("tsup", {"main": "./lib/index.js", "exports": {".": "./index.mjs"}}),
    ("tsup", {"main": "./dist/other.js"}), ("tsup src/index.ts -d lib", None),
    ("tsc && echo tsup src/index.ts", None)])
def test_a_dist_no_tsup_command_names_with_its_entry_stays(
        tmp_path: Path, build: str, published: dict[str, object] | None) -> None:
    """tsup with its entries in a config file and a package.json that publishes nothing
    of that name from dist/ (nothing to name the files after), one writing elsewhere, a
    command that only mentions tsup: dist/ of a hand-written index.mjs and index.d.mts stays
    (the trust round 16 case; tsc emits no .mjs of src/index.ts, so nothing traces them)."""
    repo = _tsup_library(tmp_path / "repo", build, published)
    write(repo / "dist" / "index.mjs", "export const three = 3;\n")
    write(repo / "dist" / "index.d.mts", "export declare const three: number;\n")
    left_alone(repo, tmp_path / "state", "dist")


# ------------------------------------------------------------------ Create React App's build/
def _cra_app(root: Path, build: str = "react-scripts build",
             homepage: str | None = None, typescript: bool = True) -> Path:
    """A TypeScript CRA app as react-scripts 5.0.1 lays it out: tsconfig.json (noEmit),
    public/ with index.html and favicon.ico, src/*.tsx (src/*.js and no tsconfig.json for
    CRA's JavaScript template)."""
    repo = make_repo(root)
    package: dict[str, object] = {"name": "app", "private": True, "scripts": {
        "start": "react-scripts start", "build": build, "test": "react-scripts test"}}
    if homepage is not None:
        package["homepage"] = homepage
    write(repo / "package.json", json.dumps(package))
    if typescript:
        write(repo / "tsconfig.json", json.dumps({"compilerOptions": {
            "target": "es5", "jsx": "react-jsx", "noEmit": True}, "include": ["src"]}))
    write(repo / "public" / "index.html", '<div id="root"></div>\n')
    write(repo / "public" / "favicon.ico", b"\0\0\1\0icon")
    write(repo / "public" / "img" / "logo.svg", "<svg/>\n")
    write(repo / "src" / ("App.tsx" if typescript else "App.js"),
          "export default function App() { return <h1/>; }\n")
    write(repo / ".gitignore", "/node_modules\n/build\n")
    commit_all(repo)
    return repo


def _cra_build(folder: Path, prefix: str = "/") -> None:
    """What react-scripts build wrote (its asset-manifest.json as 5.0.1 writes it)."""
    files = {"main.js": "static/js/main.ebd80575.js", "main.css": "static/css/main.1a2b3c4d.css",
             "index.html": "index.html",
             "main.ebd80575.js.map": "static/js/main.ebd80575.js.map"}
    write(folder / "asset-manifest.json", json.dumps({
        "files": {k: prefix + v for k, v in files.items()},
        "entrypoints": ["static/css/main.1a2b3c4d.css", "static/js/main.ebd80575.js"]}))
    write(folder / "index.html", f'<script defer src="{prefix}static/js/main.ebd80575.js">'
          "</script>\n")
    write(folder / "static" / "js" / "main.ebd80575.js", "(()=>{})();\n")
    write(folder / "static" / "js" / "main.ebd80575.js.map", '{"version":3}\n')
    write(folder / "static" / "js" / "main.ebd80575.js.LICENSE.txt", "/* react */\n")
    write(folder / "static" / "css" / "main.1a2b3c4d.css", "h1{}\n")
    write(folder / "favicon.ico", b"\0\0\1\0icon")
    write(folder / "img" / "logo.svg", "<svg/>\n")


@pytest.mark.parametrize(("build", "homepage", "folder", "typescript"), [
    ("react-scripts build", None, "build", True),
    ("react-scripts build", None, "build", False),
    ("react-scripts build", "https://me.github.io/app", "build", True),
    ("BUILD_PATH=./www react-scripts build", ".", "www", True)])
def test_a_create_react_app_build_is_found_moved_and_put_back(
        tmp_path: Path, build: str, homepage: str | None, folder: str,
        typescript: bool) -> None:
    """build/ (or $BUILD_PATH) of CRA, beside only a tsconfig.json of markers, or none (CRA's
    JavaScript template) (each fails on 486f37e: left)."""
    repo = _cra_app(tmp_path / "repo", build, homepage, typescript)
    prefix = {None: "/", ".": "./"}.get(homepage, "/app/")
    _cra_build(repo / folder, prefix)
    assert artifacts_by_path(repo) == {folder: ("js-dist", "safe")}
    fix_moves_exactly(repo, tmp_path / "state", {folder})


@pytest.mark.parametrize("change", ["a page of mine", "a changed favicon", "no manifest",
                                    "a file public/ lacks", "a bundle of another build",
                                    "a link to public"])
def test_a_create_react_app_build_holding_anything_else_stays(tmp_path: Path,
                                                              change: str) -> None:
    """A file the manifest does not name and public/ does not hold the same: the folder
    stays, whatever else is CRA's in it."""
    repo = _cra_app(tmp_path / "repo")
    build = repo / "build"
    _cra_build(build)
    if change == "a page of mine":
        write(build / "about.html", "<p>mine</p>\n")
    elif change == "a changed favicon":
        write(build / "favicon.ico", b"\0\0\1\0ICON")
        write(repo / "public" / "index.html", '<div id="root"></div>\n')
    elif change == "no manifest":
        (build / "asset-manifest.json").unlink()
    elif change == "a file public/ lacks":
        write(build / "robots.txt", "User-agent: *\n")
    elif change == "a bundle of another build":
        write(build / "static" / "js" / "main.0f1e2d3c.js", "(()=>{})();\n")
    elif change == "a link to public":
        (build / "img" / "logo.svg").unlink()
        (build / "img" / "logo.svg").symlink_to(repo / "public" / "img" / "logo.svg")
    assert "build" not in artifacts_by_path(repo)
    left_alone(repo, tmp_path / "state", "build")


def test_public_named_as_the_build_path_stays(tmp_path: Path) -> None:
    """`BUILD_PATH=public react-scripts build`, public/ holding CRA's layout: each of its files
    is the file at its own place in public/, which proves nothing; it stays."""
    repo = _cra_app(tmp_path / "repo", "BUILD_PATH=public react-scripts build")
    _cra_build(repo / "public")
    assert "public" not in artifacts_by_path(repo)
    left_alone(repo, tmp_path / "state", "public")


@pytest.mark.parametrize("build", ["react-scripts test", "BUILD_PATH=../out react-scripts build",
                                   "craco build", "echo react-scripts build"])
def test_a_build_no_react_scripts_build_writes_stays(tmp_path: Path, build: str) -> None:
    """CRA's layout in build/ where no script runs `react-scripts build` into it: stays."""
    repo = _cra_app(tmp_path / "repo", build)
    _cra_build(repo / "build")
    left_alone(repo, tmp_path / "state", "build")


_WORDS = st.sampled_from(["tsup", "react-scripts", "build", "test", "src/index.ts", "-d",
                          "--out-dir", "--out-dir=", "BUILD_PATH=", "BUILD_PATH=..",
                          "BUILD_PATH=/tmp/x", "BUILD_PATH=./www", "cross-env", "npx", "&&",
                          "..", ".", "/", "./", "dist", "../up", "echo", "lib"])


@given(st.lists(_WORDS, max_size=8).map(" ".join))
def test_a_default_output_folder_is_below_the_package(script: str) -> None:
    """Whatever the words, a folder tsup or react-scripts writes to (theirs by default, or a
    flag's, or BUILD_PATH's) is below package.json: not it, not above it, not absolute."""
    from tidy.core.build_scripts import script_outputs

    for folder in script_outputs({"build": script}):
        normal = posixpath.normpath(folder)
        assert normal not in (".", "..") and not normal.startswith(("../", "/")), folder


def test_the_commit_hook_blocks_a_create_react_app_build_and_a_tsup_dist(
        tmp_path: Path) -> None:
    """Staged, each is blocked as the scan finds it (fails on 486f37e: both let through)."""
    app = _cra_app(tmp_path / "app")
    _cra_build(app / "build")
    git(app, "add", "-f", "build")
    staged = git(app, "diff", "--cached", "--name-only", "-z").split("\0")[:-1]
    done = run_cli("hook", "check-staged", *staged, cwd=app)
    assert done.code == 1 and "build: JavaScript build output" in done.out + done.err, (
        done.out + done.err)
    library = _tsup_library(tmp_path / "lib")
    for name, text in _TSUP_WROTE.items():
        write(library / "dist" / name, text)
    git(library, "add", "-f", "dist")
    staged = git(library, "diff", "--cached", "--name-only", "-z").split("\0")[:-1]
    done = run_cli("hook", "check-staged", *staged, cwd=library)
    assert done.code == 1 and "dist: JavaScript build output" in done.out + done.err, (
        done.out + done.err)
