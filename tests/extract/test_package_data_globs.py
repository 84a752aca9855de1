"""Does setup.py / setup.cfg / MANIFEST.in ship the extracted data file? tidy's answer against
setuptools' own: a real wheel built from the same project, and glob.glob over a real tree.

Faker (setup.py, `package_data={"faker": [...]}`, data modules in subpackages such as
faker/providers/geo): a pattern `*.json.gz` under "faker" does not reach
faker/providers/geo/__init__.json.gz in a wheel, yet tidy read it with fnmatch (whose `*`
crosses folders) and called the file declared; the extraction would have gone ahead and the
installed provider could not load its data."""

from __future__ import annotations

import glob
import importlib.util
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.helpers import wheel_files
from tidy.extract.core import extract_module
from tidy.extract.packaging import glob_matches, setup_declares
from tidy.extract.plan import ExtractError

_SETUP_PY = ('from setuptools import setup, find_packages\n\nsetup(name="qglob", version="1.0", '
             'packages=find_packages(), {extra})\n')
_CFG = ("[metadata]\nname = qglob\nversion = 1.0\n\n[options]\npackages = find:\n"
        "{options}\n{package_data}")
_BLACK = '[tool.black]\ntarget-version = ["py311"]\n'

# shape -> (files of the project, whether setuptools ships qglob/sub/questions.json.gz)
_SHAPES: dict[str, tuple[dict[str, str], bool]] = {
    "setup.py, '*' under the top package (Faker)": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["*.json.gz"]}')}, False),
    "setup.py, '**/' under the top package (tidy's advice)": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["**/*.json.gz"]}')}, True),
    "setup.py, '*' under the subpackage itself": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob.sub": ["*.json.gz"]}')}, True),
    "setup.py, '*' under another package": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"other": ["*.json.gz"]}')}, False),
    "setup.py, '' for every package": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"": ["*.json.gz"]}')}, True),
    "setup.py, a path pattern under the top package": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["sub/*.json.gz"]}')}, True),
    "setup.cfg, '*' under the top package": (
        {"setup.cfg": _CFG.format(options="", package_data="\n[options.package_data]\n"
                                  "qglob = *.json.gz\n"), "pyproject.toml": _BLACK}, False),
    "setup.cfg, '**/' under the top package (tidy's advice)": (
        {"setup.cfg": _CFG.format(options="", package_data="\n[options.package_data]\n"
                                  "qglob = **/*.json.gz\n"), "pyproject.toml": _BLACK}, True),
    "setup.cfg, '*' as the key: every package": (
        {"setup.cfg": _CFG.format(options="", package_data="\n[options.package_data]\n"
                                  "* = *.json.gz\n"), "pyproject.toml": _BLACK}, True),
    "MANIFEST.in 'include *.json.gz' stays in the project folder": (
        {"setup.py": _SETUP_PY.format(extra="include_package_data=True"),
         "MANIFEST.in": "include *.json.gz\n"}, False),
    "MANIFEST.in recursive-include (tidy's advice)": (
        {"setup.py": _SETUP_PY.format(extra="include_package_data=True"),
         "MANIFEST.in": "recursive-include qglob *.json.gz\n"}, True),
    # Trust round 11: what exclude_package_data takes out (4 called declared on the old code).
    "setup.py, '**/' declared and '' excluded": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["**/*.json.gz"]}, '
                                      'exclude_package_data={"": ["*.json.gz"]}')}, False),
    "setup.py, '**/' declared, excluded under the top package ('*' crosses folders)": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["**/*.json.gz"]}, '
                                      'exclude_package_data={"qglob": ["*.gz"]}')}, False),
    "setup.py, declared twice, excluded under one package only": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["**/*.json.gz"], '
                                      '"qglob.sub": ["*.json.gz"]}, '
                                      'exclude_package_data={"qglob": ["*.gz"]}')}, True),
    "setup.cfg, '**/' declared, [options.exclude_package_data] '*'": (
        {"setup.cfg": _CFG.format(options="", package_data="\n[options.package_data]\n"
                                  "qglob = **/*.json.gz\n\n[options.exclude_package_data]\n"
                                  "* = *.json.gz\n"), "pyproject.toml": _BLACK}, False),
    "MANIFEST.in recursive-include, exclude_package_data of the subpackage": (
        {"setup.py": _SETUP_PY.format(extra="include_package_data=True, "
                                      'exclude_package_data={"qglob.sub": ["*.json.gz"]}'),
         "MANIFEST.in": "recursive-include qglob *.json.gz\n"}, False),
}


def _project(root: Path, files: dict[str, str]) -> Path:
    for folder in (root / "qglob", root / "qglob" / "sub"):
        folder.mkdir(parents=True)
        (folder / "__init__.py").write_text("")
    for name, text in files.items():
        (root / name).write_text(text)
    return root / "qglob" / "sub" / "questions.json.gz"


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_tidy_says_declared_exactly_when_a_real_wheel_ships_the_file(tmp_path: Path,
                                                                     shape: str) -> None:
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools is not installed")
    files, ships = _SHAPES[shape]
    project = tmp_path / "project"
    data = _project(project, files)
    declared = setup_declares(str(project), str(data))
    data.write_bytes(b"placeholder")  # what an extraction would write there
    wheels = tmp_path / "wheels"
    in_wheel = "qglob/sub/questions.json.gz" in wheel_files(project, wheels)
    assert in_wheel is ships, "the shape's expectation is setuptools' own answer"
    assert bool(declared) is in_wheel, (shape, declared)


def test_a_module_whose_data_would_not_ship_is_refused_before_anything_is_written(
        tmp_path: Path) -> None:
    files, _ = _SHAPES["setup.py, '*' under the top package (Faker)"]
    project = tmp_path / "project"
    _project(project, files)
    module = project / "qglob" / "sub" / "questions.py"
    module.write_text("QUESTIONS = [\n" + "".join(f"    {i!r},\n" for i in range(3000)) + "]\n")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    with pytest.raises(ExtractError) as caught:
        extract_module(str(module))
    message = str(caught.value)
    # The advice names the top package once, so every module of the project shares it.
    assert "package_data={'qglob': ['**/*.json.gz']}" in message, message
    assert "recursive-include qglob *.json.gz" in message, message
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


_SEGMENTS = st.sampled_from(["a", "b", ".h", "a.json.gz", "b.txt", "x-1"])
_PATHS = st.lists(st.lists(_SEGMENTS, min_size=1, max_size=4).map("/".join),
                  min_size=1, max_size=12)
_PATTERN_PARTS = st.sampled_from(["*", "**", "?", "a", "b", "*.gz", "*.json.gz", "[ab]",
                                  "[!a]*", "a*", ".h", "x-?"])
_PATTERNS = st.lists(_PATTERN_PARTS, min_size=1, max_size=4).map("/".join)


@settings(max_examples=150, deadline=None)
@given(_PATHS, _PATTERNS)
def test_glob_matches_agrees_with_glob_over_a_real_tree(tmp_path_factory: pytest.TempPathFactory,
                                                        paths: list[str], pattern: str) -> None:
    root = tmp_path_factory.mktemp("tree")
    files = set()
    for path in paths:
        target = root / path
        if any(parent.is_file() for parent in target.parents if root in parent.parents):
            continue  # a file where a folder is needed: not a tree
        if target.is_dir():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("x")
        files.add(path)
    found = {os.path.relpath(p, root) for p in glob.glob(str(root / pattern), recursive=True)
             if os.path.isfile(p)}
    assert {p for p in files if glob_matches(p, pattern)} == found
