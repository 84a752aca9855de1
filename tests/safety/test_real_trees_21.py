"""Real trees, round 21 (bench/RESULTS.md, "Real trees, round 21"): what tidy got wrong on
real projects, and the look-alikes that must stay.

An in-source CMake build (`cmake . && make`) writes its libraries beside CMakeFiles/ as it
writes its programs: libcalc.a for `add_library(calc STATIC ...)`, libcalc.so (with VERSION:
libcalc.so.1.2.0 and two links to it) for SHARED, libplug.so for MODULE. Round 20 named the
programs (cmake-program); the libraries stayed after a fix had moved everything else.

A build command in package.json's scripts names its output folder on its command line where
the project has no config file for the tool. Round 20 read esbuild's `--outdir=dist` beside
the package.json; a Flask app's `--outdir=app/static/dist` (round 19) stayed missed, and so did
webpack's `--output-path ./public/build`, rollup's `--file out/bundle.js` and parcel's
`--dist-dir www` (the contents below are what webpack 5, rollup 4, parcel 2 and esbuild 0.28
wrote here).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_repo, run_cli, write
from tests.fixes.helpers import run_tidy
from tests.safety.helpers import (
    artifacts_by_path,
    build,
    commit_all,
    fix_moves_exactly,
    left_alone,
)


# ------------------------------------------------------------------ CMake's libraries in place
def _cmake_libraries(root: Path, tmp_path: Path) -> Path:
    """`cmake . && cmake --build .` of a static, a versioned shared and a module library
    and a test program linked to the static one."""
    repo = make_repo(root)
    write(repo / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.10)\nproject(calc C)\n"
          "add_library(calc STATIC src/calc.c)\n"
          "add_library(calcshared SHARED src/calc.c)\n"
          "set_target_properties(calcshared PROPERTIES VERSION 1.2.0 SOVERSION 1)\n"
          "add_library(plug MODULE src/calc.c)\n"
          "add_executable(calc_test tests/calc_test.c)\n"
          "target_link_libraries(calc_test calc)\n")
    write(repo / "src" / "calc.c", "int add(int a, int b) { return a + b; }\n")
    write(repo / "tests" / "calc_test.c",
          "int add(int, int);\nint main(void) { return add(2, 2) == 4 ? 0 : 1; }\n")
    commit_all(repo)
    build(repo, tmp_path, "cmake", ".")
    build(repo, tmp_path, "cmake", "--build", ".")
    return repo


# libcalcshared.so.1.2.0 is not among them: its links beside it would dangle after a fix
# that moved it alone (round 22 leaves the set whole: test_real_trees_22).
_LIBRARIES = {"libcalc.a", "libplug.so"}


def test_libraries_cmake_built_in_the_source_folder_are_found(tmp_path: Path) -> None:
    """The libraries are named and moved with the rest of the build, and the project builds
    and runs its test again after the fix."""
    repo = _cmake_libraries(tmp_path / "repo", tmp_path)
    found = artifacts_by_path(repo)
    for library in _LIBRARIES:
        assert found.get(library) == ("cmake-library", "safe"), found
    assert not any(p.startswith(("src", "tests", "libcalcshared", "CMakeLists"))
                   for p in found), found
    fix_moves_exactly(repo, tmp_path / "state",
                      {p for p, (_, how) in found.items() if how == "safe"})
    done = run_tidy("fix", "--yes", cwd=repo, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert not any((repo / library).exists() for library in _LIBRARIES)
    build(repo, tmp_path, "cmake", ".")  # the project builds again, as before the fix
    build(repo, tmp_path, "cmake", "--build", ".")
    build(repo, tmp_path, "./calc_test")
    assert all((repo / library).is_file() for library in _LIBRARIES)


def test_cmake_library_look_alikes_stay(tmp_path: Path) -> None:
    """A library of no target's folder (a prebuilt SDK's beside another target's, one on its
    own), one whose NAME.dir is a link, a text file named libNAME.a beside NAME.dir."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "README.md", "libs\n")
    write(repo / "vendor" / "CMakeFiles" / "app.dir" / "flags.make", "# flags\n")
    write(repo / "vendor" / "libsdk.so", "\x7fELF a prebuilt SDK's, of no target here\n")
    commit_all(repo)  # what follows stays untracked, where the scan offers to move it
    write(repo / "lone" / "libcalc.a", "!<arch>\nnot beside a build\n")
    write(repo / "lone" / "CMakeFiles" / "other.dir" / "flags.make", "# flags\n")
    write(repo / "notes" / "CMakeFiles" / "calc.dir" / "flags.make", "# flags\n")
    write(repo / "notes" / "libcalc.a", "a list of the calc library's functions\n")
    (repo / "elsewhere").mkdir()
    write(repo / "linked" / "libcalc.a", "!<arch>\nlinked target folder\n")
    write(repo / "linked" / "CMakeFiles" / "keep.txt", "kept\n")
    (repo / "linked" / "CMakeFiles" / "calc.dir").symlink_to(repo / "elsewhere")
    assert not {p for p, (kind, _) in artifacts_by_path(repo).items()
                if kind == "cmake-library"}
    left_alone(repo, tmp_path / "state", "vendor/libsdk.so", "lone/libcalc.a",
               "notes/libcalc.a", "linked/libcalc.a")


@settings(max_examples=200)
@given(st.text(alphabet="abcz_-+.019/", min_size=0, max_size=12))
def test_a_library_name_gives_its_target_or_nothing(stem: str) -> None:
    """libNAME.a, libNAME.so, libNAME.so.1.2, libNAME.dylib give NAME (no dot, no slash);
    any other name nothing."""
    from tidy.core.catalog import library_target  # here: the module's other tests run on main

    for suffix in (".a", ".so", ".so.1", ".so.1.2.0", ".dylib"):
        target = library_target(f"lib{stem}{suffix}")
        if stem and "." not in stem and "/" not in stem:
            assert target == stem
        elif target is not None:  # a dotted stem can read as NAME + a version: still no dot
            assert "." not in target and "/" not in target
    assert library_target(f"lib{stem}.la") is None  # libtool's, not a library image
    assert library_target(f"{stem}.a") is None or stem.startswith("lib")


# ------------------------------------------------------------------ build scripts' outputs
def _scripts_package(root: Path, **scripts: str) -> None:
    write(root / "package.json", json.dumps({"name": root.name, "private": True,
                                             "scripts": scripts}))
    write(root / ".gitignore", "node_modules/\n")


def _scripts_repo(root: Path) -> Path:
    """A Flask app bundling into app/static/dist, a webpack app writing public/build, a
    rollup library writing out/, a parcel site writing www/: each folder named only by the
    script's command line, as each tool wrote it."""
    repo = make_repo(root)
    write(repo / "app" / "__init__.py", "from flask import Flask\napp = Flask(__name__)\n")
    write(repo / "app" / "static" / "src" / "main.js", 'import "./style.css";\n')
    write(repo / "app" / "static" / "src" / "style.css", "body{color:red}\n")
    write(repo / "app" / "static" / "favicon.ico", "\x00\x00\x01\x00")
    _scripts_package(repo, build="esbuild app/static/src/main.js --bundle --minify "
                     "--sourcemap --outdir=app/static/dist")
    web = repo / "web"
    _scripts_package(web, build="webpack --mode production --entry ./src/index.js "
                     "--output-path ./public/build --devtool source-map")
    write(web / "src" / "index.js", "console.log(1);\n")
    write(web / "public" / "index.html", "<!doctype html><script src=build/main.js></script>\n")
    lib = repo / "lib"
    _scripts_package(lib, build="rollup src/main.js --file out/bundle.js --format iife "
                     "--sourcemap")
    write(lib / "src" / "main.js", "export const x = 1;\n")
    site = repo / "site"
    _scripts_package(site, build="parcel build src/index.html --dist-dir www --no-cache")
    write(site / "src" / "index.html", '<script type="module" src="./index.js"></script>\n')
    write(site / "src" / "index.js", "console.log(1);\n")
    commit_all(repo)
    dist = repo / "app" / "static" / "dist"
    for name in ("main.js", "main.css"):
        write(dist / name, "body{color:red}\n" if name.endswith("css") else "(()=>{})();\n")
        write(dist / f"{name}.map", '{"version":3,"sources":["../src/main.js"]}\n')
    write(web / "public" / "build" / "main.js",
          '(()=>{"use strict";console.log(1)})();\n//# sourceMappingURL=main.js.map\n')
    write(web / "public" / "build" / "main.js.map",
          '{"version":3,"file":"main.js","sources":["webpack://web/./src/index.js"]}\n')
    write(lib / "out" / "bundle.js", "(function () {\n\t'use strict';\n\tconst x = 1;\n})();\n"
          "//# sourceMappingURL=bundle.js.map\n")
    write(lib / "out" / "bundle.js.map", '{"version":3,"file":"bundle.js"}\n')
    write(site / "www" / "index.html",
          "<!DOCTYPE html><script type=module src=/site.f2c63835.js></script>\n")
    write(site / "www" / "site.f2c63835.js", "console.log(1);\n"
          "//# sourceMappingURL=site.f2c63835.js.map\n")
    write(site / "www" / "site.f2c63835.js.map", '{"version":3,"sources":["../src/index.js"]}\n')
    return repo


_SCRIPTS_OUTPUTS = {"app/static/dist", "web/public/build", "lib/out", "site/www"}


def test_build_scripts_outputs_are_found_moved_and_put_back(tmp_path: Path) -> None:
    repo = _scripts_repo(tmp_path / "repo")
    found = artifacts_by_path(repo)
    for folder in _SCRIPTS_OUTPUTS:
        assert found.get(folder) == ("js-dist", "safe"), (folder, found)
    assert not any(p.startswith(("app/static/src", "app/__init__", "web/src", "web/public/"
                                 "index", "lib/src", "site/src")) for p in found), found
    fix_moves_exactly(repo, tmp_path / "state", _SCRIPTS_OUTPUTS)


def test_build_scripts_outputs_holding_anything_else_stay(tmp_path: Path) -> None:
    """An output folder with a file the tool does not write (a hand-made page, an image), a
    nested one of another name with no source map, one a source is read from, one named by
    a command the tool does not run: each is someone's."""
    repo = make_repo(tmp_path / "repo")
    _scripts_package(repo, esb="esbuild app/src/main.js --bundle --outdir=app/static/dist",
                     web="webpack --entry ./src/index.js --output-path ./public/build",
                     js="esbuild src/a.js --outdir=public/js",
                     own="rollup site/dist/entry.js --file site/dist/out.js",
                     say="echo webpack -o docs/out")
    write(repo / "src" / "index.js", "console.log(1);\n")
    commit_all(repo)
    write(repo / "app" / "static" / "dist" / "main.js", "(()=>{})();\n")
    write(repo / "app" / "static" / "dist" / "logo.png", "\x89PNG hand-drawn\n")
    write(repo / "public" / "build" / "main.js", "(()=>{})();\n")
    write(repo / "public" / "build" / "index.html", "<!doctype html><p>mine</p>\n")
    write(repo / "public" / "js" / "a.js", "(()=>{})();\n")
    write(repo / "site" / "dist" / "entry.js", "export const x = 1;\n")
    write(repo / "site" / "dist" / "out.js", "const x = 1;\n")
    write(repo / "site" / "dist" / "out.js.map", '{"version":3}\n')
    write(repo / "docs" / "out" / "page.js", "console.log(1);\n")
    write(repo / "docs" / "out" / "page.js.map", '{"version":3}\n')
    assert not {p for p, (kind, _) in artifacts_by_path(repo).items() if kind == "js-dist"}
    left_alone(repo, tmp_path / "state", "app/static/dist", "public/build", "public/js",
               "site/dist", "docs/out")


def test_script_outputs_read_each_tools_flags() -> None:
    from tidy.core.build_scripts import script_outputs  # here: the others run on main

    scripts = {
        "a": "esbuild src/a.ts --outdir=app/static/dist && NODE_ENV=production npx webpack "
             "--output-path ./public/build; rollup src/m.js -o out/b.js -f es",
        "b": "rollup -c && rollup src/m.js --dir lib-esm | cat",
        "c": "parcel build src/index.html --dist-dir www && parcel build x.html -d old",
        "d": "webpack-cli -o=dist2 && esbuild --outdir dist3 && webpack -o .",
        "e": "esbuild dist4/in.js --outdir=dist4 && echo rollup --dir x && webpack -o ../up",
    }
    assert script_outputs(scripts) == {
        "app/static/dist": {"esbuild"}, "./public/build": {"webpack"}, "out": {"rollup"},
        "lib-esm": {"rollup"}, "www": {"parcel"}, "old": {"parcel"}, "dist2": {"webpack"}}
    assert script_outputs(["webpack -o dist"]) == {}
    assert script_outputs({"a": "webpack --output-path 'open"}) == {}


_WORDS = st.sampled_from(["esbuild", "webpack", "rollup", "parcel", " ", "-o", "-d", "--dir",
                          "--file", "--outdir=", "=", "dist", "/", "..", ".", "src", "&&",
                          ";", "'", "npx", "echo"])


@given(st.dictionaries(st.sampled_from(["build", "dev", "x"]),
                       st.lists(_WORDS, max_size=14).map("".join)))
def test_script_outputs_never_name_the_package_folder_or_above(scripts: dict[str, str]) -> None:
    from tidy.core.build_scripts import script_outputs

    for folder in script_outputs(scripts):
        parts = [p for p in folder.split("/") if p not in ("", ".")]
        assert parts and ".." not in parts[:1] and not folder.startswith("/"), folder


def test_the_commit_hook_blocks_a_webpack_output_beside_its_package(tmp_path: Path) -> None:
    """dist/ beside a package.json whose script runs `webpack --output-path dist`: staged."""
    repo = make_repo(tmp_path / "repo")
    _scripts_package(repo, build="webpack --entry ./src/index.js --output-path dist")
    write(repo / "src" / "index.js", "console.log(1);\n")
    write(repo / "dist" / "main.js", "console.log(1);\n")
    write(repo / "dist" / "main.js.LICENSE.txt", "/*! MIT */\n")
    from tests.conftest import git

    git(repo, "add", "-A")
    staged = git(repo, "diff", "--cached", "--name-only", "-z").split("\0")[:-1]
    done = run_cli("hook", "check-staged", *staged, cwd=repo)
    assert done.code == 1, done.out + done.err
    assert "dist: JavaScript build output" in done.out + done.err
    assert "src/index" not in done.out + done.err


# ------------------------------------------------------------------ roots named twice
def _projects(root: Path) -> Path:
    """A folder of two repos (the `tidy scan ~/src` shape), each with a cache."""
    for name in ("api", "web"):
        repo = make_repo(root / name)
        write(repo / "pkg" / "mod.py", "X = 1\n")
        write(repo / ".gitignore", "*.log\n")
        commit_all(repo)
        write(repo / "pkg" / "__pycache__" / "mod.cpython-311.pyc", "\x00" * 300)
        write(repo / ".pytest_cache" / "v" / "cache" / "lastfailed", "{}\n")
    return root


def _totals(report: dict[str, object]) -> tuple[object, ...]:
    summary = report["summary"]
    assert isinstance(summary, dict)
    groups = report["groups"]
    assert isinstance(groups, list)
    listed = sorted((g["root"], f["code"], f["path"]) for g in groups for f in g["findings"])
    assert summary["findings"] == len(listed)
    return summary["findings"], summary["scanned"], listed


def _scan(roots: list[Path]) -> tuple[object, ...]:
    from tests.conftest import scan_foundation

    return _totals(scan_foundation(roots[0], *map(str, roots[1:])))


def _outermost(roots: list[Path]) -> list[Path]:
    distinct = list(dict.fromkeys(p.resolve() for p in roots))
    return [p for p in distinct if not any(q != p and q in p.parents for q in distinct)]


@settings(max_examples=12, deadline=None)
@given(st.lists(st.sampled_from([".", "api", "web", "api/pkg", "./api/", "web/.pytest_cache"]),
                min_size=1, max_size=4))
def test_a_root_inside_another_or_named_twice_is_scanned_once(named: list[str]) -> None:
    """`tidy scan ~/src ~/src/api` reported api's group twice: its findings and bytes were
    listed and summed twice (and `tidy scan . .` doubled everything). A root named again or
    inside another is walked once, as part of the outer one, as du counts it: the report is
    the one of the outermost roots alone."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = _projects(Path(folder) / "src")
        given_roots = [root / p for p in named]
        assert _scan(given_roots) == _scan(_outermost(given_roots))


def test_fix_with_a_root_inside_another_moves_each_cache_once(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "src")
    for name in ("api", "web"):
        write(root / name / "pkg" / "mod.py", "X = 1\n")
    commit_all(root)
    for name in ("api", "web"):
        write(root / name / "pkg" / "__pycache__" / "mod.cpython-311.pyc", "\x00" * 300)
        write(root / name / ".pytest_cache" / "v" / "cache" / "lastfailed", "{}\n")
    done = run_tidy("fix", "--yes", "--dry-run", ".", "api", "./api", cwd=root,
                    state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    planned = [line for line in done.stdout.splitlines()
               if "api/pkg/__pycache__" in line and "TDY101" in line]
    assert len(planned) == 1, done.stdout
    fix_moves_exactly(root, tmp_path / "state", {
        f"{repo}/{cache}" for repo in ("api", "web") for cache in ("pkg/__pycache__",
                                                                     ".pytest_cache")},
                      ".", "api", "./api")


# ------------------------------------------------------------------ git's files, venv stores
def test_a_submodules_git_file_is_not_counted(tmp_path: Path) -> None:
    """A submodule's (and a linked worktree's) .git is a file, "gitdir: ...": git's, as its
    .git folder is. It was counted as a scanned file of the submodule's group; the scan now
    says what `du -sb --exclude=.git` and `find -name .git -prune` say."""
    import os
    import subprocess

    from tests.conftest import git, hermetic_env, scan_json

    lib = make_repo(tmp_path / "lib")
    write(lib / "lib.py", "X = 1\n")
    commit_all(lib)
    app = make_repo(tmp_path / "app")
    write(app / "README.md", "# app\n")
    commit_all(app)
    env = hermetic_env()
    subprocess.run(["git", "-c", "protocol.file.allow=always", "submodule", "add", "-q",
                    str(lib), "vendor/lib"], cwd=app, env=env, check=True, capture_output=True)
    commit_all(app)
    git(app, "worktree", "add", "-q", str(app / "wt"), "-b", "side")
    assert (app / "vendor" / "lib" / ".git").is_file() and (app / "wt" / ".git").is_file()
    report = scan_json(app)
    files = bytes_ = 0
    for folder, dirs, names in os.walk(app):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in names:
            if name != ".git":
                files += 1
                bytes_ += os.lstat(os.path.join(folder, name)).st_size
    assert report["summary"]["scanned"]["files"] == files
    by_label = {g["label"]: g["scanned"]["files"] for g in report["groups"]}
    assert by_label["vendor/lib"] == 1, by_label


def _venv_store(root: Path, tmp_path: Path, *extra: str) -> Path:
    """A project keeping its environments in .virtualenvs/ (virtualenvwrapper's layout) and
    venvs/: real `python -m venv` folders (opt-in: only their ignore rules are offered)."""
    import subprocess
    import sys

    repo = make_repo(root)
    write(repo / "src" / "app" / "__init__.py", "X = 1\n")
    write(repo / "tools" / "notes.txt", "tools\n")
    commit_all(repo)
    for env in (".virtualenvs/app-dev", ".virtualenvs/app-docs", "venvs/py311", "tools/venv",
                *extra):
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(repo / env)],
                       check=True, capture_output=True)
    return repo


def _rules(repo: Path) -> dict[str, str]:
    from tests.conftest import findings, scan_json

    return {f["path"]: dict(map(tuple, f["details"]))["ignore rule"]
            for f in findings(scan_json(repo), "TDY501")}


def test_a_folder_of_environments_gets_one_ignore_rule(tmp_path: Path) -> None:
    """`.virtualenvs/app-dev` and `.virtualenvs/app-docs` got a rule each, and the next
    environment made there showed in git status again. A folder named as a store of
    environments that holds nothing else gets one rule; a venv in tools/ (which holds the
    project's own files) keeps its own."""
    repo = _venv_store(tmp_path / "repo", tmp_path)
    assert _rules(repo) == {".virtualenvs/app-dev": "/.virtualenvs/",
                            ".virtualenvs/app-docs": "/.virtualenvs/",
                            "venvs/py311": "/venvs/", "tools/venv": "/tools/venv/"}
    done = run_tidy("fix", "--yes", cwd=repo, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    rules = (repo / ".gitignore").read_text().splitlines()
    assert {"/.virtualenvs/", "/venvs/", "/tools/venv/"} <= set(rules), rules
    assert not any(r.startswith("/.virtualenvs/app") for r in rules), rules
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "venv", "--without-pip",
                    str(repo / ".virtualenvs" / "new")], check=True, capture_output=True)
    from tests.conftest import git

    assert git(repo, "status", "--porcelain") == "?? .gitignore\n"


def test_a_store_holding_anything_else_keeps_a_rule_per_environment(tmp_path: Path) -> None:
    """virtualenvwrapper keeps its hook scripts beside the environments; a README, a folder
    of someone's: a rule for the whole folder would hide them from git."""
    repo = _venv_store(tmp_path / "repo", tmp_path)
    write(repo / ".virtualenvs" / "postactivate", "#!/bin/sh\n")
    write(repo / "venvs" / "keep" / "README.md", "mine\n")
    assert _rules(repo) == {".virtualenvs/app-dev": "/.virtualenvs/app-dev/",
                            ".virtualenvs/app-docs": "/.virtualenvs/app-docs/",
                            "venvs/py311": "/venvs/py311/", "tools/venv": "/tools/venv/"}
    done = run_tidy("fix", "--yes", cwd=repo, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    from tests.conftest import git

    status = git(repo, "status", "--porcelain", "-uall")
    assert ".virtualenvs/postactivate" in status and "venvs/keep/README.md" in status, status


def test_the_fix_checks_the_store_again(tmp_path: Path) -> None:
    """A file put in the store between the scan and the fix: the fix lists the folder again
    and writes a rule per environment."""
    from tidy.analysis.ignore_choice import Target
    from tidy.core.catalog import load_builtin
    from tidy.fixes.ignore.plan import plan_fixes

    repo = _venv_store(tmp_path / "repo", tmp_path)
    venv = {k.name: k for k in load_builtin()}["venv"]
    targets = [Target(p, True, venv) for p in (".virtualenvs/app-dev", ".virtualenvs/app-docs")]
    assert [v.pattern for v in plan_fixes(str(repo), targets).verdicts] == ["/.virtualenvs/"]
    write(repo / ".virtualenvs" / "todo.txt", "mine\n")
    assert sorted(v.pattern for v in plan_fixes(str(repo), targets).verdicts) == [
        "/.virtualenvs/app-dev/", "/.virtualenvs/app-docs/"]
