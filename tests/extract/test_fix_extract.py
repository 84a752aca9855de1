"""`tidy fix --unsafe-fixes --select TDY301` extracts through the journal; `tidy undo` reverts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, run_cli, write
from tests.extract.helpers import data_module, data_module_repo


def _load(package_root: Path) -> str:
    code = "import mockapi.data as m; print(m.count(), m.QUESTIONS[5]['tags'], len(m.QUESTIONS))"
    return subprocess.run([sys.executable, "-c", code], cwd=package_root, capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.slow
def test_fix_extracts_a_data_module_and_undo_restores_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "svc")
    module = write(repo / "mockapi" / "data.py", data_module())
    write(repo / "mockapi" / "__init__.py", "")
    write(repo / "pyproject.toml", '[project]\nname = "svc"\nversion = "0"\n'
          '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n'
          '[tool.setuptools]\npackages = ["mockapi"]\n')
    commit(repo)
    original = module.read_bytes()
    expected = _load(repo)
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                    "TDY301", cwd=repo, env=env)
    assert fixed.code == 0, fixed.out + fixed.err
    assert (repo / "mockapi" / "data.json.gz").is_file()
    assert len(module.read_bytes()) < len(original) // 10
    assert _load(repo) == expected  # the module's names still work, its own code too
    undone = run_cli("undo", cwd=repo, env=env)
    assert undone.code == 0, undone.out + undone.err
    assert module.read_bytes() == original
    assert not (repo / "mockapi" / "data.json.gz").exists()


@pytest.mark.slow
def test_plain_fix_never_extracts(tmp_path: Path) -> None:
    module = data_module_repo(tmp_path / "svc", "pkg")
    repo = module.parent.parent
    before = module.read_bytes()
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    assert run_cli("fix", "--yes", "--skip-recent", "0s", cwd=repo, env=env).code == 0
    assert module.read_bytes() == before


@pytest.mark.slow
def test_fix_leaves_data_built_by_calls_and_names_the_command_that_extracts_it(
        tmp_path: Path) -> None:
    # zxcvbn's frequency_lists.py: `"a,b,c".split(",")` values. Taking them means importing
    # the module, which `tidy fix` never does: it said "use --evaluate", an option fix has not
    rows = "\n".join(f'    "list{k}": "{",".join(f"w{i}" for i in range(6000))}".split(","),'
                     for k in range(4))
    repo = make_repo(tmp_path / "svc")
    module = write(repo / "pkg" / "frequency_lists.py", f"LISTS = {{\n{rows}\n}}\n")
    write(repo / "pkg" / "__init__.py", "")
    commit(repo)
    before = module.read_bytes()
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                    "TDY301", cwd=repo, env=env)
    assert fixed.code == 1, fixed.out + fixed.err
    said = fixed.out + fixed.err
    # Left out by the plan, before the prompt: nothing was converted and then refused
    # (phonenumbers' 27 `u()` modules cost 50 s that way).
    assert "left out: 1" in said and "skipped" not in said, said
    assert "pkg/frequency_lists.py" in said and "built by .split()" in said, said
    assert "tidy extract MODULE --evaluate" in said, said
    assert module.read_bytes() == before
    assert not (repo / "pkg" / "frequency_lists.json.gz").exists()


def _faker_shaped(repo: Path, package_data: str) -> list[Path]:
    """Faker: setup.py, data modules in subpackages (providers/<kind>/<locale>)."""
    write(repo / "setup.py", 'from setuptools import setup, find_packages\n\nsetup(name="fk", '
          f'version="1", packages=find_packages(), package_data={package_data})\n')
    modules = []
    for rel in ("fk/__init__.py", "fk/providers/__init__.py", "fk/providers/job/__init__.py",
                "fk/providers/person/__init__.py"):
        write(repo / rel, "")
    for kind in ("job", "person"):
        modules.append(write(repo / "fk" / "providers" / kind / "en_US.py",
                             data_module(3000)))
    commit(repo)
    return modules


@pytest.mark.slow
def test_fix_leaves_out_modules_whose_data_would_not_ship_says_why_once_and_exits_1(
        tmp_path: Path) -> None:
    # Faker's `package_data={"faker": [...]}`: a `*.json.gz` there stays in faker/ itself, so
    # the subpackages' data files would not be in a wheel. Each module was asked about, then
    # converted (80 s for Faker) and refused one by one with the same long reason.
    repo = make_repo(tmp_path / "fk")
    modules = _faker_shaped(repo, '{"fk": ["py.typed", "*.json.gz"]}')
    before = {m: m.read_bytes() for m in modules}
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                    "TDY301", cwd=repo, env=env)
    said = " ".join((fixed.out + fixed.err).split())  # as rich folded it to the width
    assert fixed.code == 1, said
    assert "nothing to fix" in said and "left out: 2" in said, said
    assert said.count("would not ship") == 1, said  # the project's reason, once
    assert "package_data={'fk': ['**/*.json.gz']}" in said, said
    assert {m: m.read_bytes() for m in modules} == before
    assert not list(repo.rglob("*.json.gz"))
    dry = run_cli("fix", "--dry-run", "--unsafe-fixes", "--select", "TDY301", cwd=repo, env=env)
    assert dry.code == 0 and "left out: 2" in dry.out and "would not ship" in dry.out, dry.out
    as_json = json.loads(run_cli("fix", "--dry-run", "--format", "json", "--unsafe-fixes",
                                 "--select", "TDY301", cwd=repo, env=env).out)
    assert [i["attention"] for i in as_json["plan"]["left_out"]] == [True, True], as_json
    # As the reason says: declared for the subpackages too, both are extracted.
    write(repo / "setup.py", (repo / "setup.py").read_text().replace('"*.json.gz"',
                                                                      '"**/*.json.gz"'))
    commit(repo)
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                    "TDY301", cwd=repo, env=env)
    assert fixed.code == 0, fixed.out + fixed.err
    assert all(m.with_suffix(".json.gz").is_file() for m in modules)
    assert (fixed.out + fixed.err).count("declares the data file as package data") == 1


@pytest.mark.slow
def test_fix_leaves_out_modules_whose_data_exclude_package_data_takes_out(
        tmp_path: Path) -> None:
    """Declared for every subpackage (`**/`), then taken out again by exclude_package_data:
    a wheel ships none of it (tests/extract/test_package_data_globs.py). On the old code the
    excludes were not read: both modules were extracted, and the installed ones could not
    load their data (trust round 11)."""
    repo = make_repo(tmp_path / "fk")
    modules = _faker_shaped(repo, '{"fk": ["**/*.json.gz"]}, '
                                  'exclude_package_data={"": ["*.json.gz"]}')
    before = {m: m.read_bytes() for m in modules}
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                    "TDY301", cwd=repo, env=env)
    said = " ".join((fixed.out + fixed.err).split())
    assert fixed.code == 1, said
    assert "left out: 2" in said and said.count("exclude_package_data leaves") == 1, said
    assert {m: m.read_bytes() for m in modules} == before
    assert not list(repo.rglob("*.json.gz"))


def test_a_left_out_reason_naming_a_path_with_a_newline_stays_on_one_line(
        tmp_path: Path) -> None:
    """The reason of a left-out extraction names the build config's path: a project folder
    whose name holds a newline split it, its second line shown as a line of its own (trust
    round 12: every other name in fix's output went through core.printable, on b3ba3e1 this
    one did not)."""
    repo = make_repo(tmp_path / "r")
    project = repo / "proj\nleft out: 0"
    write(project / "setup.py", 'from setuptools import setup\n\nsetup(name="fk", '
          'version="1", packages=["fk"])\n')
    write(project / "fk" / "__init__.py", "")
    write(project / "fk" / "data.py", data_module(3000))
    commit(repo)
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    dry = run_cli("fix", "--dry-run", "--unsafe-fixes", "--select", "TDY301", cwd=repo,
                  env=env)
    assert "would not ship" in dry.out, dry.out + dry.err
    assert not [line for line in dry.out.splitlines() if line.startswith("left out: 0")], dry.out
    assert "proj\\nleft out: 0" in dry.out, dry.out
