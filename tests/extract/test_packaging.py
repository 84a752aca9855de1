"""A real wheel (setuptools, hatchling, flit): build it after extraction, install it into a fresh
venv, read the data through the rewritten module. Editable installs prove nothing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.extract.helpers import import_fresh, same
from tidy.extract.core import extract_module
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
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
                    "--no-index", "-q", "-w", str(wheels), str(project)], check=True)
    (wheel,) = wheels.glob("*.whl")
    assert f"{name}/questions.json.gz" in zipfile.ZipFile(wheel).namelist()
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
    assert "questions.json.gz" in message and "package_data" in message, message
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
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
                    "--no-index", "-q", "-w", str(wheels), str(project)], check=True)
    (wheel,) = wheels.glob("*.whl")
    assert f"{name}/questions.json.gz" in zipfile.ZipFile(wheel).namelist()
