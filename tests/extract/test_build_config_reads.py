"""How often a plan reads a project's build config: once for all its data modules.

Faker (26 data modules, setup.py + setup.cfg + MANIFEST.in + pyproject.toml): the plan's check
of whether each module's data file would ship read and parsed every file again per module."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, write
from tests.extract.helpers import data_module

# Run in a child: an audit hook stays for the life of the process that adds it. The scan
# first (it may read the config itself), then every file opened while the plan is built.
_COUNT_PLAN_READS = """
import json, os, sys
from tidy import engine
from tidy.core.config import Config
from tidy.fixes import plan
report = engine.scan([sys.argv[1]], Config())
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.append(os.path.basename(args[0]))
sys.addaudithook(hook)
built = plan.build(report, plan.PlanOptions(unsafe=True, select=("TDY301",)))
names = ("setup.py", "setup.cfg", "MANIFEST.in", "pyproject.toml")
print(json.dumps({"planned": len(built.actions),
                  "opened": {n: opened.count(n) for n in names}}))
"""


def _project(repo: Path, modules: int) -> None:
    write(repo / "setup.py", 'from setuptools import setup, find_packages\n\nsetup(name="fk", '
          'version="1", packages=find_packages(), include_package_data=True, '
          'package_data={"fk": ["**/*.json.gz"]})\n')
    write(repo / "setup.cfg", "[metadata]\nname = fk\n")
    write(repo / "MANIFEST.in", "include README.md\n")
    write(repo / "pyproject.toml", '[build-system]\nrequires = ["setuptools"]\n'
          'build-backend = "setuptools.build_meta"\n')
    write(repo / "fk" / "__init__.py", "")
    for index in range(modules):
        write(repo / "fk" / f"kind{index}" / "__init__.py", "")
        write(repo / "fk" / f"kind{index}" / "en_US.py", data_module(3000))
    commit(repo)


@pytest.mark.slow
def test_a_plan_reads_each_build_config_file_once_for_all_the_data_modules(
        tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "fk")
    _project(repo, 5)
    done = subprocess.run([sys.executable, "-c", _COUNT_PLAN_READS, str(repo)],
                          capture_output=True, text=True, env=hermetic_env(), check=True,
                          timeout=300)
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["planned"] == 5, found  # every module ships: each one was checked
    # Old code: setup.py 10 times (twice per module), pyproject.toml 5, the others 5.
    assert found["opened"] == {"setup.py": 1, "setup.cfg": 1, "MANIFEST.in": 1,
                               "pyproject.toml": 1}, found
