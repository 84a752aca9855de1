"""A real wheel (setuptools, hatchling, flit): build it after extraction, install it into a fresh
venv, read the data through the rewritten module. Editable installs prove nothing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.helpers import import_fresh, same, wheel_files
from tidy.extract.core import extract_module, undo_extract
from tidy.extract.packaging import manifest_includes, merge_again, merge_manifest, unmerge
from tidy.extract.plan import ExtractError

ROWS = [{"id": i, "pair": (i, str(i)), "b": bytes([i % 256])} for i in range(300)]
_BACKENDS = {
    "setuptools": ('requires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"',
                   "setuptools"),
    "hatchling": ('requires = ["hatchling"]\nbuild-backend = "hatchling.build"', "hatchling"),
    "flit": ('requires = ["flit_core"]\nbuild-backend = "flit_core.buildapi"', "flit_core"),
}


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    return folder / "bin" / "python"


@pytest.mark.slow
@pytest.mark.parametrize("backend", sorted(_BACKENDS))
def test_wheel_ships_the_data(tmp_path: Path, venv: Path, backend: str) -> None:
    build_system, module = _BACKENDS[backend]
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed")
    if backend == "setuptools" and importlib.util.find_spec("wheel") is None and \
            not importlib.util.find_spec("setuptools.command.bdist_wheel"):
        pytest.skip("setuptools without bdist_wheel (install wheel or setuptools>=70.1)")
    name = f"qdata_{backend}"
    project = tmp_path / "project"
    (project / name).mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        f'[build-system]\n{build_system}\n\n[project]\nname = "{name}"\nversion = "1.0"\n'
        f'description = "x"\n')
    (project / name / "__init__.py").write_text('"""Quiz data."""\n')
    rows = "\n".join(f"    {r!r}," for r in ROWS)
    (project / name / "questions.py").write_text(f"QUESTIONS = [\n{rows}\n]\n")
    result = extract_module(str(project / name / "questions.py"))
    if backend == "setuptools":
        assert "questions.json.gz" in (project / "pyproject.toml").read_text()
    wheels = tmp_path / "wheels"
    assert f"{name}/questions.json.gz" in wheel_files(project, wheels)
    (wheel,) = wheels.glob("*.whl")
    subprocess.run([str(venv), "-m", "pip", "install", "-q", "--no-index", "--no-deps",
                    str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    got = import_fresh(elsewhere, f"{name}.questions", "QUESTIONS", python=str(venv))
    assert same(got["QUESTIONS"], ROWS)
    assert result.data_bytes < result.original_bytes


# setuptools configured by setup.py/setup.cfg (no [project] table in pyproject.toml): tidy
# edits neither, and [tool.setuptools] in a pyproject.toml without [project] makes setuptools
# refuse to build at all ("`project` must contain ['version']": fonttools 4.68's pyproject.toml
# holds only [tool.black]). Faker 40.63 (setup.py, package_data for py.typed only) was
# extracted with a note and its installed provider modules failed: the data did not ship.
_SETUP_PY = ('from setuptools import setup\n\nsetup(name="{name}", version="1.0", '
             'packages=["{name}"], {extra})\n')
_LEGACY = {
    "setup.py only": {"setup.py": _SETUP_PY.format(
        name="{name}", extra='package_data={{"{name}": ["py.typed"]}}')},
    "setup.py and a tools-only pyproject.toml": {
        "setup.py": _SETUP_PY.format(name="{name}", extra="include_package_data=True"),
        "pyproject.toml": '[tool.black]\ntarget-version = ["py311"]\n'},
    "setup.cfg and a build-system-only pyproject.toml": {
        "setup.cfg": "[metadata]\nname = {name}\nversion = 1.0\n\n[options]\npackages = {name}\n",
        "pyproject.toml": '[build-system]\nrequires = ["setuptools"]\n'
                          'build-backend = "setuptools.build_meta"\n'},
}
_DECLARED = {
    "package_data glob in setup.py": {"setup.py": _SETUP_PY.format(
        name="{name}", extra='package_data={{"{name}": ["py.typed", "*.json.gz"]}}')},
    "setup.cfg [options.package_data]": {
        "setup.cfg": "[metadata]\nname = {name}\nversion = 1.0\n\n[options]\npackages = {name}\n"
                     "\n[options.package_data]\n{name} = *.json.gz\n",
        "pyproject.toml": '[tool.black]\ntarget-version = ["py311"]\n'},
    "MANIFEST.in with include_package_data": {
        "setup.py": _SETUP_PY.format(name="{name}", extra="include_package_data=True"),
        "MANIFEST.in": "include README.rst\nrecursive-include {name} *.json.gz\n",
        "pyproject.toml": '[tool.black]\ntarget-version = ["py311"]\n'},
}


def _legacy_project(root: Path, name: str, files: dict[str, str]) -> Path:
    (root / name).mkdir(parents=True)
    for file, text in files.items():
        (root / file).write_text(text.format(name=name))
    (root / name / "__init__.py").write_text("")
    rows = "\n".join(f"    {r!r}," for r in ROWS)
    module = root / name / "questions.py"
    module.write_text(f"QUESTIONS = [\n{rows}\n]\n")
    return module


@pytest.mark.parametrize("shape", sorted(_LEGACY))
def test_setup_py_projects_that_would_not_ship_the_data_are_refused(tmp_path: Path,
                                                                    shape: str) -> None:
    module = _legacy_project(tmp_path, "qlegacy", _LEGACY[shape])
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(ExtractError) as caught:
        extract_module(str(module))
    message = str(caught.value)
    assert "*.json.gz" in message and "package_data" in message, message
    assert "would not ship" in message, message
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(_DECLARED))
def test_setup_py_projects_that_declare_the_data_extract_and_ship_it(tmp_path: Path,
                                                                     shape: str) -> None:
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools is not installed")
    name = "qdeclared"
    project = tmp_path / "project"
    module = _legacy_project(project, name, _DECLARED[shape])
    configs = {p: p.read_bytes() for p in project.iterdir() if p.is_file()}
    extract_module(str(module))
    assert {p: p.read_bytes() for p in project.iterdir() if p.is_file()} == configs
    wheels = tmp_path / "wheels"
    assert f"{name}/questions.json.gz" in wheel_files(project, wheels)


@pytest.mark.slow
def test_a_manifest_with_include_package_data_gets_the_data_file_and_undo_restores_it(
        tmp_path: Path) -> None:
    # fonttools 4.68: setup.py with include_package_data=True ships what MANIFEST.in names;
    # tidy appends an `include` line there (and nowhere else), and undo puts it back
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools is not installed")
    name = "qmanifest"
    project = tmp_path / "project"
    manifest_text = "include README.rst\nrecursive-include qmanifest py.typed\n"
    module = _legacy_project(project, name, {
        "setup.py": _SETUP_PY.format(name="{name}", extra="include_package_data=True"),
        "MANIFEST.in": manifest_text,
        "pyproject.toml": '[tool.black]\ntarget-version = ["py311"]\n'})
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    original = module.read_bytes()
    extract_module(str(module))
    assert (project / "MANIFEST.in").read_text() == \
        manifest_text + f"include {name}/questions.json.gz\n"
    assert (project / "pyproject.toml").read_text() == '[tool.black]\ntarget-version = ["py311"]\n'
    wheels = tmp_path / "wheels"
    assert f"{name}/questions.json.gz" in wheel_files(project, wheels)
    for leftover in ("build", f"{name}.egg-info"):
        subprocess.run(["rm", "-rf", str(project / leftover)], check=True)
    undo_extract(str(module))
    assert module.read_bytes() == original
    assert (project / "MANIFEST.in").read_text() == manifest_text
    assert not (project / name / "questions.json.gz").exists()


_PYPROJECT_TEXTS = [
    '[project]\nname = "p"\nversion = "0"\n',
    '[project]\nname = "p"\nversion = "0"\n\n[tool.setuptools.package-data]\nq = ["a.txt"]\n',
    '[project]\nname = "p"\nversion = "0"\n\n[tool.setuptools.package-data]\n'
    'pkg = ["py.typed"]  # typed\n\n[tool.ruff]\nline-length = 99\n',
]
# the same with \r\n line ends (scapy 2.8.0's pyproject.toml)
_PYPROJECTS = st.sampled_from(_PYPROJECT_TEXTS
                              + [t.replace("\n", "\r\n") for t in _PYPROJECT_TEXTS])
_ENTRIES = st.lists(st.tuples(st.sampled_from(["pkg", "pkg.sub", "other"]),
                              st.sampled_from(["a", "b", "c_d", "e"])),
                    min_size=1, max_size=5, unique=True)


@settings(max_examples=200, deadline=None)
@given(_PYPROJECTS, _ENTRIES, st.randoms())
def test_unmerge_takes_back_each_entry_in_any_order(text: str, entries: list[tuple[str, str]],
                                                    rnd: Any) -> None:
    # what each extraction added to pyproject.toml (merge_again, as write_all does) comes
    # out again whatever the order of the undos, leaving the file as it was before them all
    now = text
    for package, stem in entries:
        merged = merge_again(now, package, f"{stem}.json.gz")
        assert merged is not None
        assert ("\r\n" in merged) == ("\r\n" in text)
        assert "\r\n" not in text or "\n" not in merged.replace("\r\n", "")
        now = merged
    order = list(entries)
    rnd.shuffle(order)
    for package, stem in order:
        rel = package.replace(".", "/") + f"/{stem}.json.gz"
        back = unmerge(now, "pyproject.toml", package, rel)
        assert back is not None, (now, package, stem)
        now = back
    assert now == text


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["", "include README.rst\n", "graft docs\nprune docs/x"]), _ENTRIES,
       st.randoms())
def test_unmerge_takes_back_each_manifest_line_in_any_order(text: str,
                                                            entries: list[tuple[str, str]],
                                                            rnd: Any) -> None:
    rels = [package.replace(".", "/") + f"/{stem}.json.gz" for package, stem in entries]
    now = text
    for rel in rels:
        now = merge_manifest(now, rel)
    assert all(manifest_includes(now, rel) for rel in rels)
    rnd.shuffle(rels)
    for rel in rels:
        back = unmerge(now, "MANIFEST.in", "", rel)
        assert back is not None
        now = back
    assert now == (text if text.endswith("\n") or not text else text + "\n")


_PHONENUMBERS_SHAPE = (
    '[project]\nname = "{name}"\nversion = "1.0"\n\n[build-system]\nrequires = ["setuptools"]\n'
    'build-backend = "setuptools.build_meta"\n\n[tool.setuptools]\n'
    '# {name}/pb2 is considered as package data\ninclude-package-data = false\n'
    'packages = ["{name}"]\n')


@pytest.mark.slow
def test_include_package_data_false_is_not_taken_for_a_package_data_table(
        tmp_path: Path) -> None:
    # phonenumbers 9.0.43: "package-data" appears in `include-package-data = false`, which
    # made tidy think the table was spelled some other way: extracted with a note, and the
    # wheel left the data file out (include-package-data is off)
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools is not installed")
    name = "qphone"
    project = tmp_path / "project"
    module = _legacy_project(project, name, {"pyproject.toml": _PHONENUMBERS_SHAPE})
    extract_module(str(module))
    text = (project / "pyproject.toml").read_text()
    assert text.startswith(_PHONENUMBERS_SHAPE.format(name=name))
    assert tomllib.loads(text)["tool"]["setuptools"]["package-data"] == {
        name: ["questions.json.gz"]}
    wheels = tmp_path / "wheels"
    assert f"{name}/questions.json.gz" in wheel_files(project, wheels)


def test_a_package_data_table_tidy_cannot_edit_refuses_the_extraction(tmp_path: Path) -> None:
    shape = _PHONENUMBERS_SHAPE + 'package-data = {{other = ["x.txt"]}}\n'
    module = _legacy_project(tmp_path, "qinline", {"pyproject.toml": shape})
    before = (tmp_path / "pyproject.toml").read_bytes()
    with pytest.raises(ExtractError) as caught:
        extract_module(str(module))
    assert "would not ship" in str(caught.value) and "package-data" in str(caught.value)
    assert (tmp_path / "pyproject.toml").read_bytes() == before
    assert not (tmp_path / "qinline" / "questions.json.gz").exists()


_CRLF_SHAPE = ('[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"'
               '\n\n[project]\nname = "{name}"\nversion = "1.0"\n\n[tool.setuptools.package-data]'
               '\n"{name}" = ["py.typed"]\n\n[tool.setuptools.packages.find]\n'
               'include = ["{name}*"]\n').replace("\n", "\r\n")


def test_a_pyproject_with_crlf_line_ends_gets_the_entry_and_undo_takes_it_back(
        tmp_path: Path) -> None:
    # scapy 2.8.0: its pyproject.toml ends lines with \r\n; the [tool.setuptools.package-data]
    # header was not found and the extraction was refused ("an inline table or another
    # spelling")
    module = _legacy_project(tmp_path, "qcrlf", {"pyproject.toml": _CRLF_SHAPE})
    config = tmp_path / "pyproject.toml"
    before, original = config.read_bytes(), module.read_bytes()
    extract_module(str(module))
    text = config.read_bytes()
    assert b"\n" not in text.replace(b"\r\n", b"")
    table = tomllib.loads(text.decode())["tool"]["setuptools"]["package-data"]
    assert set(table["qcrlf"]) == {"py.typed", "questions.json.gz"}
    undo_extract(str(module))
    assert config.read_bytes() == before and module.read_bytes() == original


def test_a_pyproject_mixing_line_ends_is_not_edited(tmp_path: Path) -> None:
    find = "[tool.setuptools.packages.find]"
    shape = _CRLF_SHAPE.replace("\r\n" + find, "\n" + find)
    module = _legacy_project(tmp_path, "qmixed", {"pyproject.toml": shape})
    before = (tmp_path / "pyproject.toml").read_bytes()
    with pytest.raises(ExtractError) as caught:
        extract_module(str(module))
    assert "would not ship" in str(caught.value)
    assert (tmp_path / "pyproject.toml").read_bytes() == before
