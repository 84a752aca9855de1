"""Real trees, round 24 (bench/RESULTS.md, "Real trees, round 24"): what tidy got wrong on
real projects, the look-alikes that must stay, and the CMake link set.

Left on 47812e7: Rspack's dist/ beside its rspack.config.js (`npm create rspack`: index.html,
main.js, main.css) and Rsbuild's beside its rsbuild.config.mjs (index.html, static/js/):
neither config was a js-dist marker; Eleventy's _site/ beside its eleventy.config.js (no kind
named _site but Jekyll's, which wants .jekyll-cache); PyInstaller's build/ (its localpycs/*.pyc
offered as stray bytecode instead), its one-folder dist/NAME/_internal and its --onefile
program dist/NAME (named after the NAME.spec above dist/). Expo's export (dist/_expo beside
app.json) and dune's _build/ too.

A versioned shared library set (libcalc.so -> libcalc.so.1 -> libcalc.so.1.2.3) is reclaimed
when it is in a build folder (cmake -B build: the folder moves whole, its links inside it,
by one rename) and left in a source folder (round 22): these tests try to make the folder's
move reach what a link points at.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import make_repo, run_cli, write
from tests.fixes.helpers import backdate, run_tidy, snapshot
from tests.safety.helpers import (
    artifacts_by_path,
    build,
    commit_all,
    compiled_program,
    fix_moves_exactly,
    left_alone,
)

pytestmark = pytest.mark.slow


def _committed(root: Path, files: dict[str, str]) -> Path:
    """A repository at `root` holding `files` (path -> text), committed."""
    repo = make_repo(root)
    for path, text in files.items():
        write(repo / path, text)
    commit_all(repo)
    return repo


# ------------------------------------------------------------------ Rspack and Rsbuild
_RSPACK_CONFIG = ("import { defineConfig } from '@rspack/cli';\n"
                  "export default defineConfig({ entry: { main: './src/index.js' } });\n")
_RSBUILD_CONFIG = ("import { defineConfig } from '@rsbuild/core';\n\n"
                   "export default defineConfig({});\n")


def _bundler_app(root: Path, config: str, tool: str) -> Path:
    """An app as `npm create rspack` (or Rsbuild's template) writes it: package.json's
    build script, the config, src/index.js, index.html; node_modules and dist ignored."""
    repo = make_repo(root)
    write(repo / "package.json", json.dumps({"name": "app", "private": True, "type": "module",
                                             "scripts": {"build": f"{tool} build"}}))
    write(repo / config, _RSPACK_CONFIG if tool == "rspack" else _RSBUILD_CONFIG)
    write(repo / "src" / "index.js", "document.body.textContent = 'hi';\n")
    write(repo / "index.html", "<!doctype html><title>app</title><div id=app></div>\n")
    write(repo / ".gitignore", "node_modules\ndist/\n")
    commit_all(repo)
    return repo


def _rspack_wrote(dist: Path) -> None:
    write(dist / "index.html", "<!doctype html><script defer src=main.js></script>\n")
    write(dist / "main.js", "(()=>{document.body.textContent='hi'})();\n")
    write(dist / "main.css", "body{margin:0}\n")


def _rsbuild_wrote(dist: Path) -> None:
    write(dist / "index.html", "<!doctype html><script defer src=/static/js/index.68208f6e.js>"
          "</script>\n")
    write(dist / "static" / "js" / "index.68208f6e.js", "document.body.textContent='hi';\n")


@pytest.mark.parametrize(("config", "tool"), [("rspack.config.js", "rspack"),
                                              ("rspack.config.ts", "rspack"),
                                              ("rsbuild.config.mjs", "rsbuild"),
                                              ("rsbuild.config.ts", "rsbuild")])
def test_an_rspack_or_rsbuild_dist_is_found_moved_and_put_back(
        tmp_path: Path, config: str, tool: str) -> None:
    """dist/ beside the config: js-dist, moved, put back (fails on 47812e7: left)."""
    repo = _bundler_app(tmp_path / "repo", config, tool)
    (_rspack_wrote if tool == "rspack" else _rsbuild_wrote)(repo / "dist")
    assert artifacts_by_path(repo).get("dist") == ("js-dist", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"dist"})


def test_a_dist_of_the_users_beside_an_rspack_config_stays(tmp_path: Path) -> None:
    """A dist/ of nothing a bundler writes (notes, a release archive) stays."""
    repo = _bundler_app(tmp_path / "repo", "rspack.config.js", "rspack")
    write(repo / "dist" / "NOTES.txt", "release notes\n")
    write(repo / "dist" / "app-1.0.tar", b"\0" * 512)
    left_alone(repo, tmp_path / "state", "dist")


# ------------------------------------------------------------------ Eleventy
def _eleventy_site(root: Path, config: str | None) -> Path:
    repo = make_repo(root)
    write(repo / "package.json", json.dumps({"name": "site", "private": True,
                                             "scripts": {"build": "eleventy"}}))
    if config is not None:
        write(repo / config, "export default function (c) { c.addPassthroughCopy('css'); }\n")
    write(repo / "index.md", "---\ntitle: Home\n---\n# Hello\n")
    write(repo / "css" / "site.css", "body{}\n")
    write(repo / ".gitignore", "node_modules\n_site\n")
    commit_all(repo)
    write(repo / "_site" / "index.html", "<h1>Hello</h1>\n")
    write(repo / "_site" / "css" / "site.css", "body{}\n")
    return repo


@pytest.mark.parametrize("config", ["eleventy.config.js", "eleventy.config.mjs", ".eleventy.js"])
def test_an_eleventy_site_is_found_moved_and_put_back(tmp_path: Path, config: str) -> None:
    """_site/ beside Eleventy's config (fails on 47812e7: left)."""
    repo = _eleventy_site(tmp_path / "repo", config)
    assert artifacts_by_path(repo).get("_site") == ("eleventy-site", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"_site"})


def test_a_site_with_no_eleventy_config_stays(tmp_path: Path) -> None:
    """A zero-config Eleventy run (only `eleventy` in the scripts) has no marker: left."""
    repo = _eleventy_site(tmp_path / "repo", None)
    left_alone(repo, tmp_path / "state", "_site")


# ------------------------------------------------------------------ PyInstaller
def _pyinstaller_project(root: Path, spec: str = "app.spec") -> Path:
    return _committed(root, {
        "pyproject.toml": '[project]\nname = "app"\nversion = "0.1"\n',
        "src/app.py": "print(2 + 2)\n",
        spec: "# -*- mode: python ; coding: utf-8 -*-\na = Analysis(['src/app.py'])\n"})


def _pyinstaller_work(build_dir: Path, name: str = "app") -> None:
    """build/NAME/ as PyInstaller 6.22 leaves it."""
    work = build_dir / name
    for toc in ("Analysis-00.toc", "EXE-00.toc", "PKG-00.toc", "PYZ-00.toc"):
        write(work / toc, "('toc', [])\n")
    write(work / "PYZ-00.pyz", b"PYZ\0" + b"\0" * 64)
    write(work / "base_library.zip", b"PK\x05\x06" + b"\0" * 18)
    write(work / "localpycs" / "pyimod01_archive.pyc", b"\xcb\r\r\n" + b"\0" * 60)
    write(work / f"warn-{name}.txt", "This file lists modules PyInstaller was not able to find.\n")
    write(work / f"xref-{name}.html", "<html></html>\n")
    write(work / f"{name}.pkg", b"\0" * 128)


def test_pyinstaller_build_and_one_folder_dist_are_found_moved_and_put_back(
        tmp_path: Path) -> None:
    """build/app (the work folder) and dist/app/_internal beside app.spec: both moved, the
    spec and the sources stay (fails on 47812e7: both left, build's .pyc offered as stray)."""
    repo = _pyinstaller_project(tmp_path / "repo")
    _pyinstaller_work(repo / "build")
    compiled_program(repo / "dist" / "app" / "app", tmp_path)
    write(repo / "dist" / "app" / "_internal" / "base_library.zip", b"PK\x05\x06" + b"\0" * 18)
    found = artifacts_by_path(repo)
    assert found.get("build") == ("pyinstaller-build", "safe"), found
    assert found.get("dist") == ("pyinstaller-dist", "safe"), found
    fix_moves_exactly(repo, tmp_path / "state", {"build", "dist"})


def test_a_pyinstaller_onefile_program_is_found_moved_and_put_back(tmp_path: Path) -> None:
    """`pyinstaller --onefile`'s dist/app (a compiled program named after app.spec above
    dist/): the program moves, dist/ and a file of the user's in it stay (fails on 47812e7:
    left)."""
    repo = _pyinstaller_project(tmp_path / "repo")
    compiled_program(repo / "dist" / "app", tmp_path)
    write(repo / "dist" / "RELEASE.txt", "mine\n")
    assert artifacts_by_path(repo).get("dist/app") == ("pyinstaller-onefile", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"dist/app"})


def test_pyinstaller_look_alikes_stay(tmp_path: Path) -> None:
    """Beside an RPM spec (no PyInstaller sign below build/); a program in dist/ named after
    no spec, a script named after one, a program whose spec is a link; PyInstaller's work
    folder with no spec beside it: all stay."""
    rpm = _pyinstaller_project(tmp_path / "rpm", spec="app.spec")
    write(rpm / "build" / "app" / "notes.txt", "mine\n")
    write(rpm / "build" / "app" / "Makefile", "all:\n")
    left_alone(rpm, tmp_path / "state", "build")
    onefile = _pyinstaller_project(tmp_path / "onefile")
    compiled_program(onefile / "dist" / "tool", tmp_path)
    write(onefile / "dist" / "app", "#!/bin/sh\necho mine\n")
    (onefile / "dist" / "app").chmod(0o755)
    left_alone(onefile, tmp_path / "state", "dist")
    linked = _pyinstaller_project(tmp_path / "linked", spec="elsewhere.spec")
    os.symlink("elsewhere.spec", linked / "app.spec")
    compiled_program(linked / "dist" / "app", tmp_path)
    left_alone(linked, tmp_path / "state", "dist")
    nospec = make_repo(tmp_path / "nospec")
    write(nospec / "README.md", "x\n")
    commit_all(nospec)
    _pyinstaller_work(nospec / "build")
    assert artifacts_by_path(nospec).get("build", ("",))[0] != "pyinstaller-build"


def test_the_hook_blocks_a_staged_pyinstaller_build(tmp_path: Path) -> None:
    """The commit hook agrees with the scan on the new kinds."""
    repo = _pyinstaller_project(tmp_path / "repo")
    _pyinstaller_work(repo / "build")
    from tests.conftest import git
    git(repo, "add", "-A")
    staged = git(repo, "diff", "--cached", "--name-only", "-z").split("\0")[:-1]
    done = run_cli("hook", "check-staged", *staged, cwd=repo)
    assert done.code == 1, done.out + done.err
    assert "build: PyInstaller's work folder" in done.out + done.err


# ------------------------------------------------------------------ CMake's link set, built apart
def _links(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): os.readlink(p) for p in root.rglob("*") if p.is_symlink()}


def _cmake_build_folder(root: Path, tmp_path: Path) -> Path:
    """`cmake -S . -B build && cmake --build build` of a versioned shared library (VERSION
    1.2.3 SOVERSION 1) and a test linked to it."""
    repo = make_repo(root)
    write(repo / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.13)\nproject(calc C)\n"
          "add_library(calc SHARED calc.c)\n"
          "set_target_properties(calc PROPERTIES VERSION 1.2.3 SOVERSION 1)\n"
          "add_executable(calc_test test.c)\ntarget_link_libraries(calc_test calc)\n")
    write(repo / "calc.c", "int add(int a, int b) { return a + b; }\n")
    write(repo / "test.c",
          "int add(int, int);\nint main(void) { return add(2, 2) == 4 ? 0 : 1; }\n")
    write(repo / ".gitignore", "build/\n")
    commit_all(repo)
    build(repo, tmp_path, "cmake", "-S", ".", "-B", "build")
    build(repo, tmp_path, "cmake", "--build", "build")
    return repo


def test_a_link_set_in_a_build_folder_moves_with_it_and_comes_back(tmp_path: Path) -> None:
    """The build folder moves whole (its two links inside it, not followed), and undo gives
    back every link with its text."""
    repo = _cmake_build_folder(tmp_path / "repo", tmp_path)
    links = _links(repo / "build")
    assert links == {"libcalc.so": "libcalc.so.1", "libcalc.so.1": "libcalc.so.1.2.3"}, links
    assert artifacts_by_path(repo).get("build") == ("cmake-build", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"build"})
    assert _links(repo / "build") == links


def test_a_link_pointing_outside_moves_and_is_purged_as_a_link(tmp_path: Path) -> None:
    """A link in the build folder pointing at a file of the user's outside the tree (made
    before the fix), and one retargeted at another of the user's files while the folder
    waits in the trash: fix, undo, fix and purge leave both files as they were; only the
    links go."""
    repo = _cmake_build_folder(tmp_path / "repo", tmp_path)
    mine = tmp_path / "mine"
    write(mine / "keep.so", b"\x7fELF mine")
    write(mine / "other.txt", "mine too\n")
    outside = snapshot(mine)
    os.symlink(mine / "keep.so", repo / "build" / "libmine.so")
    state = tmp_path / "state"
    backdate(repo)
    before = snapshot(repo)
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=repo, state=state)
    assert done.returncode == 0, done.stderr
    assert not (repo / "build").exists()
    assert snapshot(mine) == outside
    undone = run_tidy("undo", "--yes", cwd=repo, state=state)
    assert undone.returncode == 0, undone.stderr
    assert snapshot(repo) == before
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=repo, state=state)
    assert done.returncode == 0, done.stderr
    trashed = [p for p in (repo / ".git" / "tidy" / "trash").rglob("libcalc.so.1")
               if p.is_symlink()]
    assert len(trashed) == 1, trashed
    trashed[0].unlink()
    os.symlink(mine / "other.txt", trashed[0])  # swapped while in the trash
    purged = run_tidy("trash", "purge", "--yes", cwd=repo, state=state)
    assert purged.returncode == 0, purged.stdout + purged.stderr
    assert not trashed[0].is_symlink()
    assert snapshot(mine) == outside


# ------------------------------------------------------------------ dune (OCaml)
def _dune_project(root: Path) -> Path:
    return _committed(root, {"dune-project": "(lang dune 2.9)\n",
                             "lib/dune": "(library (name calc))\n",
                             "lib/calc.ml": "let add a b = a + b\n", ".gitignore": "_build/\n"})


def test_a_dune_build_folder_is_found_moved_and_put_back(tmp_path: Path) -> None:
    """_build/ as dune 2.9 leaves it beside dune-project (fails on 47812e7: left)."""
    repo = _dune_project(tmp_path / "repo")
    built = repo / "_build"
    for name in (".db", ".digest-db", ".filesystem-clock"):
        write(built / name, b"\x84\x95\xa6\xbe" + b"\0" * 32)
    write(built / "log", "# dune build\n")
    write(built / "default" / ".dune" / "configurator", "(ocamlc /usr/bin/ocamlc.opt)\n")
    write(built / "default" / "lib" / "calc.ml", "let add a b = a + b\n")
    write(built / "default" / "lib" / ".calc.objs" / "byte" / "calc.cmi", b"Caml1999I" + b"\0" * 20)
    assert artifacts_by_path(repo).get("_build") == ("dune-build", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"_build"})


def test_a_build_folder_of_the_users_beside_dune_project_stays(tmp_path: Path) -> None:
    """_build/ holding the user's files and no dune database: left."""
    repo = _dune_project(tmp_path / "repo")
    write(repo / "_build" / "notes.txt", "mine\n")
    write(repo / "_build" / "default" / "draft.ml", "let x = 1\n")
    left_alone(repo, tmp_path / "state", "_build")


# ------------------------------------------------------------------ Expo
def _expo_app(root: Path) -> Path:
    return _committed(root, {
        "package.json": json.dumps({"name": "app", "main": "expo/AppEntry.js",
                                    "scripts": {"export": "expo export -p web"}}),
        "app.json": json.dumps({"expo": {"name": "app", "slug": "app"}}),
        "App.js": "export default function App() { return null; }\n",
        ".gitignore": "node_modules/\n.expo/\ndist/\n"})


def test_an_expo_export_is_found_moved_and_put_back(tmp_path: Path) -> None:
    """dist/ as `expo export -p web` (SDK 52) writes it beside app.json (fails on 47812e7:
    left)."""
    repo = _expo_app(tmp_path / "repo")
    write(repo / "dist" / "index.html", "<!DOCTYPE html><div id=root></div>\n")
    write(repo / "dist" / "metadata.json", '{"version":0,"bundler":"metro","fileMetadata":{}}')
    write(repo / "dist" / "_expo" / "static" / "js" / "web" / "AppEntry-64e08cf0.js", "var a;\n")
    assert artifacts_by_path(repo).get("dist") == ("expo-dist", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"dist"})


def test_a_dist_of_the_users_beside_app_json_stays(tmp_path: Path) -> None:
    """app.json is many tools' name: a dist/ with no _expo/ beside it is left."""
    repo = _expo_app(tmp_path / "repo")
    write(repo / "dist" / "metadata.json", "{}\n")
    write(repo / "dist" / "release.txt", "mine\n")
    left_alone(repo, tmp_path / "state", "dist")


# ------------------------------------------------------------------ a Go workspace's bin/
def _go_workspace(root: Path, work: bool = True) -> Path:
    """go.work using ./app and ./lib (no go.mod at the top), `go build -o bin/app ./app`."""
    files = {"app/go.mod": "module example.com/app\n\ngo 1.19\n",
             "app/main.go": "package main\n\nfunc main() {}\n",
             "lib/go.mod": "module example.com/lib\n\ngo 1.19\n",
             "lib/lib.go": "package lib\n", ".gitignore": "/bin/\n"}
    if work:
        files["go.work"] = "go 1.19\n\nuse (\n\t./app\n\t./lib\n)\n"
    return _committed(root, files)


def test_a_program_built_into_a_go_workspace_bin_is_found(tmp_path: Path) -> None:
    """bin/app beside go.work, named after the package ./app: go-program, moved and put
    back (fails on 47812e7: bin/'s parent had no go.mod, so nothing named it)."""
    repo = _go_workspace(tmp_path / "repo")
    compiled_program(repo / "bin" / "app", tmp_path)
    assert artifacts_by_path(repo).get("bin/app") == ("go-program", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"bin/app"})


def test_programs_of_no_go_workspace_package_stay(tmp_path: Path) -> None:
    """A program in bin/ named after no package beside go.work; one beside a go.work that is
    a link; one with no go.work at all: each stays."""
    repo = _go_workspace(tmp_path / "repo")
    compiled_program(repo / "bin" / "tool", tmp_path)
    left_alone(repo, tmp_path / "state", "bin")
    linked = _go_workspace(tmp_path / "linked", work=False)
    write(tmp_path / "elsewhere" / "go.work", "go 1.19\n\nuse ./app\n")
    os.symlink(tmp_path / "elsewhere" / "go.work", linked / "go.work")
    compiled_program(linked / "bin" / "app", tmp_path)
    left_alone(linked, tmp_path / "state", "bin")
    bare = _go_workspace(tmp_path / "bare", work=False)
    compiled_program(bare / "bin" / "app", tmp_path)
    left_alone(bare, tmp_path / "state", "bin")
