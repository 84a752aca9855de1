"""`tidy undo` reaches the runs of the current repository or folder (or PATH) only; a run id
or --last-anywhere reaches further; on a terminal it names the run's folder and time and asks
first; --force puts back an extraction edited since, keeping the edited files beside.

Real repos, real fix runs through `python -m tidy`, one state folder shared by the runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, on_a_terminal, run_cli, write
from tests.extract.helpers import data_module_repo

PYC = "pkg/__pycache__/m.cpython-312.pyc"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})


def _repo_with_cache(path: Path) -> Path:
    repo = make_repo(path)
    write(repo / "pkg/m.py", "x = 1\n")
    commit(repo)
    write(repo / PYC, size=1_000)
    return repo


def _fix(repo: Path, env: dict[str, str]) -> None:
    done = run_cli("fix", "--yes", "--skip-recent", "0s", "--select", "TDY101", cwd=repo,
                   env=env)
    assert done.code == 0 and not (repo / PYC).exists(), done.out + done.err


@pytest.fixture
def two_runs(tmp_path: Path, env: dict[str, str]) -> tuple[Path, Path]:
    """A fix run in repo a, then a later one in repo b (the newest run anywhere)."""
    a, b = _repo_with_cache(tmp_path / "a"), _repo_with_cache(tmp_path / "b")
    _fix(a, env)
    _fix(b, env)
    return a, b


@pytest.mark.slow
def test_undo_in_a_repo_undoes_that_repos_run_not_the_newest_anywhere(
        two_runs: tuple[Path, Path], env: dict[str, str]) -> None:
    a, b = two_runs
    write(a / "docs/readme.md", "x\n")
    undone = run_cli("undo", cwd=a / "docs", env=env)  # a subfolder: the repository's runs
    assert undone.code == 0, undone.out + undone.err
    assert (a / PYC).exists() and not (b / PYC).exists()
    again = run_cli("undo", cwd=a, env=env)
    assert again.code == 0 and "nothing to undo in " + str(a) in again.err
    assert not (b / PYC).exists()


@pytest.mark.slow
def test_undo_elsewhere_names_the_newest_run_and_changes_nothing(
        two_runs: tuple[Path, Path], env: dict[str, str], tmp_path: Path) -> None:
    a, b = two_runs
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    undone = run_cli("undo", cwd=elsewhere, env=env)
    assert undone.code == 0
    assert f"nothing to undo in {elsewhere}" in undone.err
    assert f"tidy fix in {b}" in undone.err and "--last-anywhere" in undone.err
    assert not (a / PYC).exists() and not (b / PYC).exists()
    by_path = run_cli("undo", str(a), cwd=elsewhere, env=env)  # PATH: that folder's runs
    assert by_path.code == 0 and (a / PYC).exists() and not (b / PYC).exists()
    anywhere = run_cli("undo", "--last-anywhere", cwd=elsewhere, env=env)
    assert anywhere.code == 0 and (b / PYC).exists()


@pytest.mark.slow
def test_a_run_id_reaches_any_run(two_runs: tuple[Path, Path], env: dict[str, str],
                                  tmp_path: Path) -> None:
    a, b = two_runs
    listed = run_cli("trash", "list", "--format", "json", cwd=tmp_path, env=env).json()
    first = listed["runs"][0]["run"]  # oldest first: repo a's
    assert run_cli("undo", first, cwd=b, env=env).code == 0
    assert (a / PYC).exists() and not (b / PYC).exists()


@pytest.mark.slow
def test_on_a_terminal_it_names_the_run_and_asks(two_runs: tuple[Path, Path],
                                                 env: dict[str, str]) -> None:
    a, _b = two_runs
    said = on_a_terminal(["undo"], a, env, answer=b"n\n").decode()
    assert f"tidy fix in {a}, " in said and " ago)" in said, said
    assert said.index(str(a)) < said.index("[y/N]")
    assert not (a / PYC).exists(), "answered no: nothing changed"
    on_a_terminal(["undo"], a, env, answer=b"y\n")
    assert (a / PYC).exists()


@pytest.mark.slow
def test_force_puts_back_an_edited_extraction_keeping_the_edit(tmp_path: Path,
                                                               env: dict[str, str]) -> None:
    module = data_module_repo(tmp_path / "svc")
    repo = module.parent.parent
    original = module.read_bytes()
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                    "TDY301", cwd=repo, env=env)
    assert fixed.code == 0 and len(module.read_bytes()) < len(original), fixed.err
    edited = module.read_bytes() + b"# edited after the extraction\n"
    module.write_bytes(edited)
    refused = run_cli("undo", cwd=repo, env=env)
    run = run_cli("trash", "list", "--all", "--format", "json", cwd=repo, env=env).json()
    run_id = run["runs"][-1]["run"]
    assert refused.code == 1 and f"`tidy undo --force {run_id}`" in refused.out + refused.err
    assert "tidy extract --undo" not in refused.out + refused.err
    assert module.read_bytes() == edited
    forced = run_cli("undo", "--force", cwd=repo, env=env)
    assert forced.code == 0, forced.out + forced.err
    assert module.read_bytes() == original
    kept = [p for p in module.parent.iterdir() if p.name.startswith("data.py.tidy-kept-")]
    assert [p.read_bytes() for p in kept] == [edited]
    assert not (repo / "mockapi" / "data.json.gz").exists()
