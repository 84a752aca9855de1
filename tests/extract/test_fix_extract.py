"""`tidy fix --unsafe-fixes --select TDY301` extracts through the journal; `tidy undo` reverts."""

from __future__ import annotations

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
    assert "skipped" in said and "LISTS (line 1)" in said, said
    assert "tidy extract pkg/frequency_lists.py --evaluate" in said, said
    assert module.read_bytes() == before
    assert not (repo / "pkg" / "frequency_lists.json.gz").exists()
