"""Undo that cannot lose an edit (issue 15.5) and recovery after kill -9 (issue 15.6).

Real repositories, real `python -m tidy` processes, real SIGKILL.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, run_cli, write
from tests.extract.helpers import import_fresh, same


def _module(rows: int) -> str:
    rnd = random.Random(rows)
    body = "\n".join(f"    {{'id': {i}, 'text': 'question {rnd.random()!r} about {i}?', "
                     f"'tags': ('a', 'b{i % 7}')}}," for i in range(rows))
    return f'"""Data."""\n\nQUESTIONS = [\n{body}\n]\n\n\ndef count():\n    return len(QUESTIONS)\n'


def _project(tmp_path: Path, rows: int = 3000, pyproject: bool = False) -> tuple[Path, Path]:
    repo = make_repo(tmp_path / "svc")
    write(repo / "pkg" / "__init__.py", "")
    module = write(repo / "pkg" / "data.py", _module(rows))
    if pyproject:
        write(repo / "pyproject.toml", '[project]\nname = "svc"\nversion = "0"\n'
              '[build-system]\nrequires = ["setuptools"]\n'
              'build-backend = "setuptools.build_meta"\n')
    commit(repo)
    return repo, module


def _env(tmp_path: Path) -> dict[str, str]:
    return hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})


def test_undo_refuses_after_the_module_was_edited_and_force_keeps_the_edit(
        tmp_path: Path) -> None:
    repo, module = _project(tmp_path)
    original = module.read_bytes()
    env = _env(tmp_path)
    assert run_cli("extract", "pkg/data.py", cwd=repo, env=env).code == 0
    edited = module.read_bytes() + b"\nEXTRA = 1\n"
    module.write_bytes(edited)
    refused = run_cli("extract", "--undo", "pkg/data.py", cwd=repo, env=env)
    assert refused.code == 1 and "the module" in refused.err and "was edited" in refused.err
    assert "--force" in refused.err
    assert module.read_bytes() == edited and (repo / "pkg" / "data.json.gz").exists()
    forced = run_cli("extract", "--undo", "--force", "pkg/data.py", cwd=repo, env=env)
    assert forced.code == 0, forced.err
    assert module.read_bytes() == original
    assert not (repo / "pkg" / "data.json.gz").exists()
    (kept,) = list((repo / "pkg").glob("data.py.tidy-kept-*"))
    assert kept.read_bytes() == edited


@pytest.mark.parametrize("what", ["data", "config"])
def test_undo_refuses_when_the_data_file_or_build_config_changed(tmp_path: Path,
                                                                  what: str) -> None:
    repo, module = _project(tmp_path, pyproject=True)
    original = module.read_bytes()
    env = _env(tmp_path)
    done = run_cli("extract", "pkg/data.py", cwd=repo, env=env)
    assert done.code == 0, done.err
    changed = repo / "pkg" / "data.json.gz" if what == "data" else repo / "pyproject.toml"
    assert what == "data" or b"package-data" in changed.read_bytes()
    if what == "data":
        changed.write_bytes(changed.read_bytes() + b"\n")
    else:  # tidy's own entry rewritten (an edit elsewhere stays through the undo: above)
        changed.write_bytes(changed.read_bytes().replace(b'"data.json.gz"', b'"*.json.gz"'))
    refused = run_cli("extract", "--undo", "pkg/data.py", cwd=repo, env=env)
    assert refused.code == 1
    assert ("its data file" if what == "data" else "the build config") in refused.err
    assert module.read_bytes() != original
    assert run_cli("extract", "--undo", "--force", "pkg/data.py", cwd=repo, env=env).code == 0
    assert module.read_bytes() == original
    assert list(changed.parent.glob(changed.name + ".tidy-kept-*"))


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 0, 2), (2, 0, 1)])
def test_undo_in_any_order_takes_back_only_its_own_package_data(tmp_path: Path,
                                                                 order: tuple[int, ...]) -> None:
    # wcwidth 0.9.4 (audit 2026-12-05g): 13 modules extracted, each adding its data file to
    # pyproject.toml's package-data; every undo but the last one's was refused ("the build
    # config was edited": by tidy's own later extractions), 12 modules stuck extracted
    repo, first = _project(tmp_path, pyproject=True)
    second = write(repo / "pkg" / "more.py", _module(2000))
    write(repo / "pkg" / "sub" / "__init__.py", "")
    third = write(repo / "pkg" / "sub" / "deep.py", _module(1500))
    commit(repo)
    modules = [first, second, third]
    originals = [m.read_bytes() for m in modules]
    config = repo / "pyproject.toml"
    before = config.read_bytes()
    env = _env(tmp_path)
    for module in modules:
        done = run_cli("extract", str(module.relative_to(repo)), cwd=repo, env=env)
        assert done.code == 0, done.err
    # an edit of the user's elsewhere in the file stays through every undo
    config.write_bytes(config.read_bytes() + b"\n[tool.ruff]\nline-length = 99\n")
    for index in order:
        done = run_cli("extract", "--undo", str(modules[index].relative_to(repo)), cwd=repo,
                       env=env)
        assert done.code == 0, done.err
        assert modules[index].read_bytes() == originals[index]
        assert not modules[index].with_suffix(".json.gz").exists()
        rest = tomllib.loads(config.read_text())
        assert rest["tool"]["ruff"] == {"line-length": 99}
    assert config.read_bytes() == before + b"\n[tool.ruff]\nline-length = 99\n"


def test_undo_keeps_what_the_user_added_beside_its_package_data_entry(tmp_path: Path) -> None:
    repo, module = _project(tmp_path, pyproject=True)
    original = module.read_bytes()
    env = _env(tmp_path)
    assert run_cli("extract", "pkg/data.py", cwd=repo, env=env).code == 0
    config = repo / "pyproject.toml"
    config.write_text(config.read_text().replace('"data.json.gz"', '"data.json.gz", "x.dat"'))
    done = run_cli("extract", "--undo", "pkg/data.py", cwd=repo, env=env)
    assert done.code == 0, done.err
    assert module.read_bytes() == original
    assert tomllib.loads(config.read_text())["tool"]["setuptools"]["package-data"] == \
        {"pkg": ["x.dat"]}


def test_undo_refuses_when_the_user_rewrote_its_package_data_entry(tmp_path: Path) -> None:
    repo, _ = _project(tmp_path, pyproject=True)
    env = _env(tmp_path)
    assert run_cli("extract", "pkg/data.py", cwd=repo, env=env).code == 0
    config = repo / "pyproject.toml"
    edited = config.read_text().replace('"data.json.gz"', '"*.json.gz"')
    config.write_text(edited)
    refused = run_cli("extract", "--undo", "pkg/data.py", cwd=repo, env=env)
    assert refused.code == 1 and "the build config" in refused.err, refused.err
    assert config.read_text() == edited and (repo / "pkg" / "data.json.gz").exists()


def test_tidy_undo_of_a_fix_refuses_after_an_edit(tmp_path: Path) -> None:
    repo, module = _project(tmp_path, rows=4000)
    env = _env(tmp_path)
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                    "TDY301", cwd=repo, env=env)
    assert fixed.code == 0, fixed.out + fixed.err
    edited = module.read_bytes() + b"\n# my edit\n"
    module.write_bytes(edited)
    undone = run_cli("undo", cwd=repo, env=env)
    assert undone.code != 0
    assert "was edited" in undone.out + undone.err
    assert module.read_bytes() == edited


def _stat_of(path: Path) -> tuple[bytes, int, int]:
    st = path.stat()
    return path.read_bytes(), st.st_mode, st.st_mtime_ns


@pytest.mark.parametrize("how", ["tidy undo", "extract --undo --force"])
def test_undo_gives_the_module_and_build_config_their_mtime_back(tmp_path: Path,
                                                                 how: str) -> None:
    """Found on pygments (its lexers' builtins modules): undo put the bytes back with a new
    mtime, so the tree was not the one the user had (make, rsync, `git status` see a change)."""
    repo, module = _project(tmp_path, rows=4000, pyproject=True)
    config = repo / "pyproject.toml"
    for i, path in enumerate((module, config)):
        os.utime(path, ns=(1_600_000_000_000_000_000 + i, 1_500_000_000_123_456_789 + i))
    before = {p: _stat_of(p) for p in (module, config)}
    env = _env(tmp_path)
    if how == "tidy undo":
        fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                        "TDY301", cwd=repo, env=env)
    else:
        fixed = run_cli("extract", "pkg/data.py", cwd=repo, env=env)
    assert fixed.code == 0, fixed.out + fixed.err
    assert module.read_bytes() != before[module][0]
    assert b"package-data" in config.read_bytes()
    if how == "tidy undo":
        undone = run_cli("undo", "--yes", cwd=repo, env=env)
    else:  # the forced path writes over an edited module: the original's times still come back
        module.write_bytes(module.read_bytes() + b"\n# edited\n")
        undone = run_cli("extract", "--undo", "--force", "pkg/data.py", cwd=repo, env=env)
    assert undone.code == 0, undone.out + undone.err
    assert {p: _stat_of(p) for p in (module, config)} == before
    assert not (repo / "pkg" / "data.json.gz").exists()
    # Nor does the undone extraction leave the module's copy in .git/tidy for good: after
    # four fix/undo rounds on pygments it held 2.7 MB of `.undone` backups no purge reached.
    assert list((repo / ".git" / "tidy" / "extract").iterdir()) == []


# -- kill -9 ---------------------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _start_extract(repo: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tidy", "extract", "pkg/data.py"], cwd=repo,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
def test_workers_die_with_a_killed_tidy_and_the_module_extracts_again(tmp_path: Path) -> None:
    repo, module = _project(tmp_path, rows=60_000)  # ~5 MB: conversion takes a few seconds
    original = module.read_bytes()
    expected = import_fresh(repo, "pkg.data", "QUESTIONS")
    env = _env(tmp_path)
    tidy = _start_extract(repo, env)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and tidy.poll() is None:
        workers = _children(tidy.pid)
        if len(workers) >= 1:
            break
        time.sleep(0.02)
    if tidy.poll() is not None:
        pytest.skip("the extraction finished before its workers could be seen")
    os.kill(tidy.pid, signal.SIGKILL)
    tidy.wait()
    gone_by = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < gone_by:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers), "workers outlived the killed tidy"
    assert module.read_bytes() == original  # killed while converting: nothing written yet
    again = run_cli("extract", "pkg/data.py", cwd=repo, env=env, timeout=300)
    assert again.code == 0, again.err
    assert same(import_fresh(repo, "pkg.data", "QUESTIONS"), expected)
    assert not list((repo / "pkg").glob(".tidy-*.tmp"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kill -9 timing, Linux /proc")
def test_kill_at_any_moment_leaves_a_module_that_extracts_again(tmp_path: Path) -> None:
    repo, _ = _project(tmp_path, rows=8_000)
    expected = import_fresh(repo, "pkg.data", "QUESTIONS")
    env = _env(tmp_path)
    timed = time.monotonic()
    assert run_cli("extract", "--dry-run", "pkg/data.py", cwd=repo, env=env).code == 0
    span = time.monotonic() - timed
    for fraction in (0.4, 0.8, 1.0):
        tidy = _start_extract(repo, env)
        time.sleep(span * fraction)
        if tidy.poll() is None:
            os.kill(tidy.pid, signal.SIGKILL)
        tidy.wait()
        again = run_cli("extract", "pkg/data.py", cwd=repo, env=env, timeout=300)
        assert again.code == 0, (fraction, again.err)
        assert same(import_fresh(repo, "pkg.data", "QUESTIONS"), expected)
        assert not list((repo / "pkg").glob(".tidy-*.tmp"))
        assert run_cli("extract", "--undo", "pkg/data.py", cwd=repo, env=env).code == 0
        assert not (repo / "pkg" / "data.json.gz").exists()
