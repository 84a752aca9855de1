"""`tidy undo` in a folder whose newest run reached outside it too (`tidy fix a ../out`):
never "nothing to undo" with exit 0 and never an older run undone past it; the run named
with `tidy undo RUN`, exit 1 (JSON `waiting`), or on a terminal described and asked. And
undo's and purge's JSON carry `left`, as `trash list` does.

Real repos, real fix runs through `python -m tidy`, one state folder shared by the runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, on_a_terminal, run_cli, write
from tests.fixes.helpers import backdate
from tests.safety.test_trust_21 import _cut_inside_intent, _two_node_modules

MODULE = "node_modules/dep/i.js"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state"),
                         "HOME": str(tmp_path / "home")})


def _project(folder: Path) -> None:
    write(folder / "package.json", "{}\n")
    write(folder / MODULE, f"// {folder.name}\n")


def _repo_and_outside(tmp_path: Path) -> tuple[Path, Path]:
    """repo/{a,b} (two projects with a node_modules each) and out/ (one more) beside it."""
    repo = make_repo(tmp_path / "repo")
    for name in ("a", "b"):
        _project(repo / name)
    commit(repo, "a/package.json", "b/package.json")
    out = tmp_path / "out"
    _project(out)
    backdate(tmp_path)
    return repo, out


def _fix(repo: Path, env: dict[str, str], *paths: str) -> str:
    done = run_cli("fix", "--yes", "--format", "json", "--select", "TDY1", *paths, cwd=repo,
                   env=env)
    assert done.code == 0, done.out + done.err
    run_id: str = done.json()["run"]
    return run_id


@pytest.mark.slow
def test_undo_in_the_repo_names_a_run_that_reached_outside_it_and_exits_1(
        tmp_path: Path, env: dict[str, str]) -> None:
    """Fails on 0130054: "nothing to undo in REPO; the newest run elsewhere ...", exit 0."""
    repo, out = _repo_and_outside(tmp_path)
    run_id = _fix(repo, env, "a", "../out")
    assert not (repo / "a" / MODULE).exists() and not (out / MODULE).exists()

    said = run_cli("undo", cwd=repo, env=env)
    assert said.code == 1, said.out + said.err
    assert "nothing to undo" not in said.err and "nothing undone" in said.err, said.err
    assert f"`tidy undo {run_id}`" in said.err and str(out) in said.err, said.err
    assert not (repo / "a" / MODULE).exists() and not (out / MODULE).exists()

    as_json = run_cli("undo", "--format", "json", cwd=repo, env=env)
    assert as_json.code == 1 and as_json.json()["waiting"] == run_id, as_json.out
    assert as_json.json()["exit_code"] == 1 and as_json.json()["outcomes"] == []

    named = run_cli("undo", run_id, cwd=repo, env=env)
    assert named.code == 0, named.out + named.err
    assert (repo / "a" / MODULE).read_text() == "// a\n"
    assert (out / MODULE).read_text() == "// out\n"
    after = run_cli("undo", cwd=repo, env=env)  # nothing waits now: the plain words, exit 0
    assert after.code == 0 and f"nothing to undo in {repo}" in after.err, after.err


@pytest.mark.slow
def test_an_older_run_inside_the_repo_is_not_undone_past_a_newer_one_that_reached_out(
        tmp_path: Path, env: dict[str, str]) -> None:
    """Fails on 0130054: `tidy undo` put b back (the older run) and left the newer waiting."""
    repo, out = _repo_and_outside(tmp_path)
    _fix(repo, env, "b")
    newer = _fix(repo, env, "a", "../out")
    said = run_cli("undo", cwd=repo, env=env)
    assert said.code == 1 and f"`tidy undo {newer}`" in said.err, said.out + said.err
    assert not (repo / "b" / MODULE).exists(), "an older run was undone past the newer one"
    assert not (repo / "a" / MODULE).exists() and not (out / MODULE).exists()


@pytest.mark.slow
def test_a_run_wholly_outside_the_repo_still_leaves_it_with_nothing_to_undo(
        tmp_path: Path, env: dict[str, str]) -> None:
    """Control (held on 0130054): a run that never reached the repo is not waiting there."""
    repo, out = _repo_and_outside(tmp_path)
    _fix(repo, env, "b")
    assert run_cli("undo", cwd=repo, env=env).code == 0  # b back: the repo's own run undone
    _fix(out, env, ".")
    said = run_cli("undo", cwd=repo, env=env)
    assert said.code == 0 and f"nothing to undo in {repo}" in said.err, said.err
    assert not (out / MODULE).exists()


@pytest.mark.slow
def test_on_a_terminal_it_describes_the_run_says_it_reached_outside_and_asks(
        tmp_path: Path, env: dict[str, str]) -> None:
    repo, out = _repo_and_outside(tmp_path)
    run_id = _fix(repo, env, "a", "../out")
    said = on_a_terminal(["undo"], repo, env, answer=b"n\n").decode()
    assert f"run {run_id}" in said and f"reached outside {repo} too" in said, said
    assert said.index("reached outside") < said.index("[y/N]")
    assert not (repo / "a" / MODULE).exists() and not (out / MODULE).exists()
    on_a_terminal(["undo"], repo, env, answer=b"y\n")
    assert (repo / "a" / MODULE).exists() and (out / MODULE).exists()


# ------------------------------------------------- `left` in undo's and purge's JSON
def _torn_run(tmp_path: Path, env: dict[str, str]) -> tuple[Path, str, Path]:
    """A run whose journal was cut inside b's trash intent: b's item is in the trash,
    named by no whole line (tests/safety/test_trust_21.py)."""
    root = _two_node_modules(tmp_path / "repo")
    run_id = _fix(root, env, ".")
    (journal,) = (tmp_path / "state" / "runs").glob("*.jsonl")
    _cut_inside_intent(journal, "b/node_modules", 0.5)
    (stray,) = [p for p in (root / ".git" / "tidy" / "trash" / run_id).glob("*/node_modules")
                if (p / "dep" / "i.js").read_text() == "// b\n"]
    return root, run_id, stray


@pytest.mark.slow
def test_undo_json_lists_what_an_interrupted_run_left(tmp_path: Path,
                                                      env: dict[str, str]) -> None:
    """Fails on 0130054: undo's JSON had no `left` (only its stderr named the item)."""
    root, run_id, stray = _torn_run(tmp_path, env)
    listed = run_cli("trash", "list", "--format", "json", cwd=root, env=env).json()["left"]
    undone = run_cli("undo", "--format", "json", run_id, cwd=root, env=env)
    assert undone.code == 1, undone.out + undone.err
    assert undone.json()["left"] == listed == [{"run": run_id, "path": str(stray)}]
    assert (root / "a" / "node_modules").is_dir() and stray.is_dir()
    again = run_cli("undo", "--format", "json", cwd=root, env=env)  # nothing left to undo
    assert again.code == 1 and again.json()["left"] == listed, again.out + again.err
    assert again.json()["waiting"] is None


@pytest.mark.slow
@pytest.mark.parametrize("dry", [True, False])
def test_purge_json_lists_what_an_interrupted_run_left_and_keeps_it(
        tmp_path: Path, env: dict[str, str], dry: bool) -> None:
    """Fails on 0130054: purge's JSON had no `left`."""
    root, run_id, stray = _torn_run(tmp_path, env)
    purged = run_cli("trash", "purge", "--yes", "--format", "json",
                     *(["--dry-run"] if dry else []), cwd=root, env=env)
    assert purged.code == 1, purged.out + purged.err
    assert purged.json()["left"] == [{"run": run_id, "path": str(stray)}]
    assert (stray / "dep" / "i.js").read_text() == "// b\n"


@pytest.mark.slow
def test_a_finished_run_leaves_undo_and_purge_json_an_empty_left(
        tmp_path: Path, env: dict[str, str]) -> None:
    """Control: `left` is there and empty when nothing was left."""
    root = _two_node_modules(tmp_path / "repo")
    _fix(root, env, ".")
    undone = run_cli("undo", "--format", "json", cwd=root, env=env)
    assert undone.code == 0 and undone.json()["left"] == [], undone.out + undone.err
    purged = run_cli("trash", "purge", "--yes", "--format", "json", cwd=root, env=env)
    assert purged.code == 0 and purged.json()["left"] == [], purged.out + purged.err


@pytest.mark.slow
def test_a_run_over_the_parent_folder_that_changed_the_repo_is_named_there(
        tmp_path: Path, env: dict[str, str]) -> None:
    """A run over the folder holding the repo (its root outside the repo) that moved an item
    of the repo: named in the repo, exit 1 (on 0130054: "nothing to undo", exit 0)."""
    repo, out = _repo_and_outside(tmp_path)
    run_id = _fix(tmp_path, env, ".")
    assert not (repo / "a" / MODULE).exists() and not (out / MODULE).exists()
    said = run_cli("undo", cwd=repo, env=env)
    assert said.code == 1 and f"`tidy undo {run_id}`" in said.err, said.out + said.err
    assert not (repo / "a" / MODULE).exists() and not (out / MODULE).exists()
