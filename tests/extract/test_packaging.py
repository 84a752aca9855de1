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
