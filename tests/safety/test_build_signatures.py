"""Issue 14, point 5: a marker beside an ambiguous name is not enough where the tool leaves a
signature inside its output (catalog.toml `signature`).

Real tool output is recognised and moved: setuptools' build/ and dist/ (what `pip wheel` and
`python -m build` run), Cargo's target/, CMake's build tree. A hand-written, untracked build/
of scripts beside the same marker is neither reported nor touched, by `tidy fix` or with
--unsafe-fixes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import hermetic_env, make_repo, write
from tests.fixes.helpers import backdate, run_tidy, snapshot
from tests.safety.helpers import artifacts_by_path

PYPROJECT = """[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "pkg"
version = "0.1"
"""


def _run(cwd: Path, *argv: str) -> None:
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=hermetic_env(),
                          check=False, timeout=300)
    assert proc.returncode == 0, f"{argv}: {proc.stdout}{proc.stderr}"


def _scripts(folder: Path) -> None:
    """Someone's own build scripts: what a build/ beside a manifest often is."""
    write(folder / "release.sh", "#!/bin/sh\nset -e\npython -m build\ntwine upload dist/*\n")
    write(folder / "bump_version.py", "import re\n# the only copy: never committed\n")
    write(folder / "templates" / "changelog.md.j2", "## {{ version }}\n")


def _python_project(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "proj")
    write(root / "pyproject.toml", PYPROJECT)
    write(root / "src" / "pkg" / "__init__.py", "X = 1\n")
    return root


@pytest.mark.slow
def test_a_real_setuptools_build_and_dist_are_recognised_and_moved(tmp_path: Path) -> None:
    pytest.importorskip("setuptools")
    root = _python_project(tmp_path)
    # What `pip wheel .` / `python -m build` have setuptools do, without a network: build/lib,
    # build/bdist.<platform>, dist/*.tar.gz.
    _run(root, sys.executable, "-c", "from setuptools import setup; setup()", "-q",
         "bdist_dumb", "sdist")
    assert (root / "build" / "lib" / "pkg" / "__init__.py").is_file()
    found = artifacts_by_path(root)
    assert found["build"] == ("python-build", "safe")
    assert found["dist"] == ("python-dist", "safe")
    backdate(root)
    done = run_tidy("fix", "--yes", "--select", "TDY101", cwd=root, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert not (root / "build").exists() and not (root / "dist").exists()


def _fix_leaves_build_alone(root: Path, state: Path, flags: tuple[str, ...],
                            folder: str = "build") -> None:
    """Not reported, and `tidy fix` (with `flags`) leaves every byte of `folder` as it was."""
    backdate(root)
    assert folder not in artifacts_by_path(root)
    before = snapshot(root / folder)
    done = run_tidy("fix", "--yes", "--select", "TDY1", *flags, cwd=root, state=state)
    assert done.returncode == 0, done.stderr
    assert snapshot(root / folder) == before


@pytest.mark.slow
@pytest.mark.parametrize("flags", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
def test_a_hand_written_build_beside_pyproject_is_left_alone(
    tmp_path: Path, flags: tuple[str, ...]
) -> None:
    root = _python_project(tmp_path)
    _scripts(root / "build")
    _fix_leaves_build_alone(root, tmp_path / "state", flags)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("cargo") is None, reason="needs cargo")
def test_a_real_cargo_target_is_recognised_and_a_hand_written_one_is_not(tmp_path: Path) -> None:
    real = make_repo(tmp_path / "real")
    write(real / "Cargo.toml", '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n')
    write(real / "src" / "lib.rs", "pub fn one() -> u32 { 1 }\n")
    _run(real, "cargo", "build", "--offline", "-q")
    assert artifacts_by_path(real)["target"] == ("cargo-target", "safe")

    own = make_repo(tmp_path / "own")
    write(own / "Cargo.toml", (real / "Cargo.toml").read_text())
    write(own / "target" / "deploy.yaml", "env: prod\nreplicas: 3\n")
    write(own / "target" / "hosts" / "eu.txt", "10.0.0.1\n")
    assert "target" not in artifacts_by_path(own)


@pytest.mark.skipif(shutil.which("cmake") is None, reason="needs cmake")
def test_a_real_cmake_tree_is_recognised_and_a_hand_written_build_is_not(
    tmp_path: Path
) -> None:
    real = make_repo(tmp_path / "real")
    write(real / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.10)\nproject(x NONE)\n")
    _run(real, "cmake", "-S", ".", "-B", "build")
    assert artifacts_by_path(real)["build"] == ("cmake-build", "safe")

    own = make_repo(tmp_path / "own")
    write(own / "CMakeLists.txt", (real / "CMakeLists.txt").read_text())
    _scripts(own / "build")
    assert "build" not in artifacts_by_path(own)


@pytest.mark.parametrize("flags", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
def test_a_hand_written_build_with_a_lib_of_helpers_is_left_alone(
    tmp_path: Path, flags: tuple[str, ...]
) -> None:
    """A new project's own build/ (release scripts and a lib/ of shell helpers, not yet
    committed) beside pyproject.toml has setuptools' signature name `lib` inside, and was
    reported as a setuptools build tree and moved to the trash by a plain `tidy fix`.
    setuptools writes nothing but lib*, bdist.*, temp.* and scripts-* into build/: a
    loose release.sh there says the folder is someone's own."""
    root = _python_project(tmp_path)
    _scripts(root / "build")
    write(root / "build" / "lib" / "common.sh", "log() { printf '%s\\n' \"$*\" >&2; }\n")
    _fix_leaves_build_alone(root, tmp_path / "state", flags)


def test_setuptools_build_with_only_its_own_folders_is_still_an_artifact(tmp_path: Path) -> None:
    """What setuptools left in pyyaml's sdist tree after `setup.py build_ext --inplace` and
    `pip wheel .`: lib.<platform>, temp.<platform>, bdist.<platform> and nothing else."""
    root = _python_project(tmp_path)
    build = root / "build"
    write(build / "lib.linux-x86_64-cpython-311" / "pkg" / "_ext.cpython-311-x86_64-linux-gnu.so",
          b"\x7fELF" + b"\0" * 64)
    write(build / "temp.linux-x86_64-cpython-311" / "pkg" / "_ext.o", b"\x7fELF" + b"\0" * 64)
    (build / "bdist.linux-x86_64").mkdir()
    assert artifacts_by_path(root)["build"] == ("python-build", "safe")


def test_a_meson_python_editable_build_is_reported_but_never_moved_by_a_plain_fix(
    tmp_path: Path
) -> None:
    """`pip install --no-build-isolation -e .` of a meson-python project (pandas, scikit-learn,
    here a one-extension package built for real while auditing) leaves build/cp311/, a Meson
    build tree with no CACHEDIR.TAG (meson-python makes the folder first), which no kind
    matched. It is found by meson-private/ inside; the editable install imports from it
    (deleting it breaks `import`), so only --unsafe-fixes moves it."""
    root = _python_project(tmp_path)
    write(root / "meson.build", "project('pkg', 'c')\n")
    tree = root / "build" / "cp311"
    write(tree / ".gitignore", "# This file is generated by meson-python. It will not be "
                               "recreated if deleted or modified.\n*\n")
    write(tree / "meson-private" / "coredata.dat", b"\x80\x04" + b"\0" * 256)
    write(tree / "meson-info" / "intro-buildoptions.json", "[]\n")
    write(tree / "meson-logs" / "meson-log.txt", "Build started at 2026-12-05\n")
    write(tree / "build.ninja", "ninja_required_version = 1.8.2\n")
    write(tree / "_ext.cpython-311-x86_64-linux-gnu.so", b"\x7fELF" + b"\0" * 64)
    found = artifacts_by_path(root)
    assert found == {"build/cp311": ("meson-build", "unsafe")}, found
    backdate(root)
    before = snapshot(tree)
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=root, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert snapshot(tree) == before


def _sphinx_docs(root: Path) -> Path:
    docs = root / "docs"
    write(docs / "conf.py", "project = 'pkg'\nextensions = []\n")
    write(docs / "index.rst", "pkg\n===\n\nText.\n")
    return docs


@pytest.mark.parametrize("layout", ["make-mode", "direct"])
def test_a_sphinx_build_is_recognised_and_moved(tmp_path: Path, layout: str) -> None:
    """docs/_build as sphinx-build leaves it (Sphinx 9.0, both ways of calling it): make mode
    (`-M html docs docs/_build`, the quickstart Makefile) writes doctrees/ and html/.buildinfo,
    a direct build (`sphinx-build docs docs/_build`) writes .doctrees/ and .buildinfo."""
    root = _python_project(tmp_path)
    docs = _sphinx_docs(root)
    out = docs / "_build" / ("html" if layout == "make-mode" else "")
    doctrees = docs / "_build" / ("doctrees" if layout == "make-mode" else ".doctrees")
    write(doctrees / "environment.pickle", b"\x80\x04" + b"\0" * 512)
    write(doctrees / "index.doctree", b"\x80\x04" + b"\0" * 256)
    write(out / ".buildinfo", "# Sphinx build info version 1\nconfig: 0\ntags: 0\n")
    write(out / "index.html", "<html><body>Text.</body></html>\n")
    write(out / "_static" / "basic.css", "body { margin: 0 }\n")
    write(out / "_sources" / "index.rst.txt", "pkg\n===\n")
    assert artifacts_by_path(root) == {"docs/_build": ("sphinx-build", "safe")}
    backdate(root)
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=root, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert not (docs / "_build").exists() and (docs / "conf.py").is_file()


def test_a_hand_written_underscore_build_beside_conf_py_is_left_alone(tmp_path: Path) -> None:
    """conf.py is the marker, but a _build/ without doctrees or .buildinfo is someone's own
    (here: scripts), neither reported nor touched, with --unsafe-fixes either."""
    root = _python_project(tmp_path)
    docs = _sphinx_docs(root)
    _scripts(docs / "_build")
    write(docs / "_build" / "html" / "index.html", "<html>hand-made</html>\n")
    _fix_leaves_build_alone(root, tmp_path / "state", ("--unsafe-fixes",), "docs/_build")


def test_an_elixir_build_is_still_elixirs(tmp_path: Path) -> None:
    """Two kinds share the name _build: mix.exs beside it makes it Elixir's, whatever is in it."""
    root = make_repo(tmp_path / "app")
    write(root / "mix.exs", "defmodule App.MixProject do\nend\n")
    write(root / "_build" / "dev" / "lib" / "app" / "ebin" / "app.app", "{application, app}.\n")
    assert artifacts_by_path(root) == {"_build": ("elixir-build", "safe")}


def _node_project(tmp_path: Path, tsconfig: str | None) -> Path:
    """A TypeScript server as `tsc -p .` (TypeScript 5) leaves it with no sourceMap and no
    declaration: dist/ holds plain .js files only, nothing the signature looks for."""
    root = make_repo(tmp_path / "srv")
    write(root / "package.json", '{"name": "srv", "devDependencies": {"typescript": "5"}}\n')
    write(root / "src" / "server.ts", "console.log('up');\n")
    if tsconfig is not None:
        write(root / "tsconfig.json", tsconfig)
    write(root / "dist" / "server.js", '"use strict";\nconsole.log(\'up\');\n')
    return root


@pytest.mark.parametrize("out_dir", ["dist", "./dist", "dist/", "./dist/"])
def test_tsc_output_named_by_tsconfig_is_recognised_and_moved(tmp_path: Path,
                                                               out_dir: str) -> None:
    """tsconfig.json's compilerOptions.outDir names the folder: tsc's own word that it writes
    there (JSONC, as tsc reads it: comments, trailing commas)."""
    tsconfig = ('{\n  // tsc -p .\n  "compilerOptions": {\n    "target": "es2020",\n'
                f'    "outDir": "{out_dir}",\n  }},\n}}\n')
    root = _node_project(tmp_path, tsconfig)
    assert artifacts_by_path(root) == {"dist": ("js-dist", "safe")}
    backdate(root)
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=root, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert not (root / "dist").exists() and (root / "src" / "server.ts").is_file()


@pytest.mark.parametrize("tsconfig", [
    None,  # no tsconfig: a dist/ of one .js file is anyone's
    '{"compilerOptions": {"target": "es2020"}}',  # tsc writes beside the sources
    '{"compilerOptions": {"outDir": "build"}}',  # another folder
    '{"compilerOptions": {"outDir": "dist/server"}}',  # only a part of dist/ is tsc's
    '{"compilerOptions": {"outDir": "../dist"}}',
    '{"extends": "./base.json"}',  # inherited: not followed
    '{"compilerOptions": {"outDir": ',  # malformed
    '{"compilerOptions": {"outDir": ["dist"]}}',  # not a string
    b"\xff\xfe{",  # not UTF-8
])
def test_a_dist_tsconfig_does_not_name_is_left_alone(tmp_path: Path,
                                                     tsconfig: str | bytes | None) -> None:
    root = _node_project(tmp_path, tsconfig if isinstance(tsconfig, str) else None)
    if isinstance(tsconfig, bytes):
        (root / "tsconfig.json").write_bytes(tsconfig)
    write(root / "base.json", '{"compilerOptions": {"outDir": "dist"}}\n')
    _fix_leaves_build_alone(root, tmp_path / "state", ("--unsafe-fixes",), "dist")


@pytest.mark.parametrize("planted", ["link", "fifo", "folder", "huge"])
def test_a_tsconfig_that_is_no_small_regular_file_confirms_nothing(tmp_path: Path,
                                                                   planted: str) -> None:
    """Evidence is read without following links or opening FIFOs (a FIFO would hang the
    scan): a tsconfig.json that is a link to one naming dist, a FIFO, a folder or a file
    over 64 kB says nothing, and the scan ends."""
    root = _node_project(tmp_path, None)
    elsewhere = tmp_path / "elsewhere.json"
    write(elsewhere, '{"compilerOptions": {"outDir": "dist"}}\n')
    target = root / "tsconfig.json"
    if planted == "link":
        target.symlink_to(elsewhere)
    elif planted == "fifo":
        os.mkfifo(target)
    elif planted == "folder":
        target.mkdir()
    else:
        write(target, '{"compilerOptions": {"outDir": "dist"}, "pad": "'
              + "x" * 70_000 + '"}\n')
    assert "dist" not in artifacts_by_path(root)
