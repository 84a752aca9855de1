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
options = plan.PlanOptions(unsafe=True, select=("TDY301",))
names = ("setup.py", "setup.cfg", "MANIFEST.in", "pyproject.toml")
built = plan.build(report, options)
trusted = {n: opened.count(n) for n in names}
# the same findings as if read back from elsewhere: the plan cannot trust what they say
opened.clear()
import dataclasses
def unchecked(f):
    return dataclasses.replace(f, fix=dataclasses.replace(f.fix, ships=False)) if f.fix else f
report = dataclasses.replace(report, groups=tuple(
    dataclasses.replace(g, findings=tuple(unchecked(f) for f in g.findings))
    for g in report.groups))
again = plan.build(report, options)
print(json.dumps({"planned": [len(built.actions), len(again.actions)], "trusted": trusted,
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
    assert found["planned"] == [5, 5], found  # every module ships: each one was checked
    # The scan's own findings: it read the config for its rule (Fix.ships), the plan trusts it
    assert found["trusted"] == {"setup.py": 0, "setup.cfg": 0, "MANIFEST.in": 0,
                                "pyproject.toml": 0}, found
    # Findings it cannot trust: read once. Old code: setup.py 10 times (twice per module),
    # pyproject.toml 5, the others 5.
    assert found["opened"] == {"setup.py": 1, "setup.cfg": 1, "MANIFEST.in": 1,
                               "pyproject.toml": 1}, found


# The whole `tidy fix --dry-run` in a child, its workers included: every open of a build
# config file, in any of its processes, is one line in a log opened for appending.
_COUNT_FIX_READS = """
import os, sys
log = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
names = {"setup.py", "setup.cfg", "MANIFEST.in"}
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)):
        name = os.path.basename(os.fsdecode(args[0]))
        if name in names:
            os.write(log, name.encode() + b"\\n")
sys.addaudithook(hook)
sys.argv = ["tidy", *sys.argv[2:]]
from tidy.__main__ import run
raise SystemExit(run())
"""


@pytest.mark.slow
def test_tidy_fix_reads_the_build_config_once_for_scan_and_plan(tmp_path: Path) -> None:
    """The scan's TDY301 rule already read the config (Fix.ships, Fix.blocked_by): the plan
    trusts it for the findings of the same run instead of reading it again."""
    repo = make_repo(tmp_path / "fk")
    _project(repo, 4)
    log = tmp_path / "opened.log"
    done = subprocess.run([sys.executable, "-c", _COUNT_FIX_READS, str(log), "fix",
                           "--dry-run", "--unsafe-fixes", "--select", "TDY301", str(repo)],
                          capture_output=True, text=True, env=hermetic_env(), timeout=300)
    assert done.returncode == 0, done.stderr
    assert "4 modules to extract" in done.stdout, done.stdout
    opened = log.read_text().split()
    # Old code: each file twice, once by the scan's rule and once by the plan.
    assert {n: opened.count(n) for n in ("setup.py", "setup.cfg", "MANIFEST.in")} == {
        "setup.py": 1, "setup.cfg": 1, "MANIFEST.in": 1}, opened


# Every git a `tidy scan` starts, its workers' included, one argv per line.
_COUNT_GITS = """
import json, os, sys
log = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
def hook(event, args):
    if event == "subprocess.Popen" and "check-ignore" in list(args[1] or ()):
        os.write(log, json.dumps([str(a) for a in args[1]]).encode() + b"\\n")
sys.addaudithook(hook)
sys.argv = ["tidy", *sys.argv[2:]]
from tidy.__main__ import run
raise SystemExit(run())
"""

_BACKENDS = {
    "hatch": '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n'
             '[project]\nname = "hk"\nversion = "1"\n',
    "poet": '[build-system]\nrequires = ["poetry-core"]\n'
            'build-backend = "poetry.core.masonry.api"\n\n'
            '[tool.poetry]\nname = "pk"\nversion = "1"\ndescription = ""\nauthors = []\n',
}


@pytest.mark.slow
def test_a_scan_asks_git_once_per_project_whether_data_files_are_ignored(
        tmp_path: Path) -> None:
    """hatchling and poetry leave git-ignored files out of wheels: the scan asks git about
    every data module's file of a project in one `git check-ignore --stdin -z` (it asked once
    per module), and still tells the ignored ones from the others."""
    repo = make_repo(tmp_path / "two")
    for project, pyproject in _BACKENDS.items():
        write(repo / project / "pyproject.toml", pyproject)
        write(repo / project / ".gitignore", "**/ignored*/*.json.gz\n")
        write(repo / project / "pkg" / "__init__.py", "")
        for kind in ("ignored0", "kept0", "kept1", "ignored1"):
            write(repo / project / "pkg" / kind / "__init__.py", "")
            write(repo / project / "pkg" / kind / "table.py", data_module(3000))
    commit(repo)
    log = tmp_path / "gits.log"
    done = subprocess.run([sys.executable, "-c", _COUNT_GITS, str(log), "scan", "--format",
                           "json", "--select", "TDY301", "--no-cache", str(repo)],
                          capture_output=True, text=True, env=hermetic_env(), timeout=300)
    assert done.returncode in (0, 1), done.stderr
    fixes = {f["path"]: f["fix"] for g in json.loads(done.stdout)["groups"]
             for f in g["findings"]}
    assert len(fixes) == 8, fixes
    for path, fix in fixes.items():
        if "/ignored" in path:
            assert fix["action"] == "none" and "leaves out git-ignored" in fix["blocked_by"]
        else:
            assert fix["action"] == "extract", (path, fix)
    asked = [json.loads(line) for line in log.read_text().splitlines()]
    # Old code: one `git check-ignore -q PATH` per module, 8.
    assert len(asked) == 2 and all("--stdin" in argv for argv in asked), asked
