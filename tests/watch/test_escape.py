"""A watch pass never acts outside the watched folder: not through its own state file (untrusted
input), not through a watched folder or project swapped for a symlink while it watches.

Real `tidy watch --once`, a real pass child (`python -m tidy.watch.runner`, what the watcher
starts after events settle) and a real watcher."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_repo, write
from tests.watch.helpers import (
    DAY,
    compile_to_cache,
    log_entries,
    set_age,
    wait_for,
    watch_env,
    watch_once_json,
    watcher,
)


def _cache(repo: Path) -> Path:
    """A 4 kB .mypy_cache written three days ago in a repo."""
    make_repo(repo)
    write(repo / "main.py", "")
    cache = write(repo / ".mypy_cache" / "3.11" / "m.json", size=4000).parent.parent
    set_age(cache, 3 * DAY)
    return cache


def _budget(root: Path, size: str) -> None:
    write(root / ".tidy.toml", f'[watch]\ncache-budget = "{size}"\ncache-kinds = [".mypy_cache"]\n')


def test_a_tampered_state_cannot_make_the_budget_move_anything_outside(tmp_path: Path,
                                                                       state: Path) -> None:
    root, outside = tmp_path / "ws", _cache(tmp_path / "victim")
    make_repo(root / "app")
    _budget(root, "1KB")
    watch_once_json(root, state)
    memory = json.loads((state / "watch-state.json").read_text())
    memory["caches"][str(root)] = {
        str(outside.parent): [[str(outside), 10**9, 0]],
        f"{root}/../victim": [[f"{root}/../victim/.mypy_cache", 10**9, 0]],
    }
    (state / "watch-state.json").write_text(json.dumps(memory))

    result = watch_once_json(root, state)
    assert result["done"] == 0, result["actions"]
    assert (outside / "3.11" / "m.json").exists()


@pytest.mark.parametrize("memory", [
    {"caches": []},
    {"caches": {"/x": {"/x/app": [[1, 2]]}}},
    {"caches": {"/x": {"/x/app": [["/x/app/.tox", "big", None]]}}},
    {"warned": []},
    {"runs": ["20260101-000000-abcdef"], "kept": 5},
    [],
])
def test_a_malformed_state_is_set_right_not_an_internal_error(tmp_path: Path, state: Path,
                                                              memory: Any) -> None:
    """Each of these ended every pass in an internal error (exit 3): the watcher never cleaned
    again, since only a pass that ends rewrites the state."""
    root = tmp_path / "ws"
    repo = make_repo(root / "app")
    stale = compile_to_cache(write(repo / "gone.py", ""))
    (repo / "gone.py").unlink()
    set_age(repo, 3600)
    state.mkdir(parents=True)
    (state / "watch-state.json").write_text(json.dumps(memory))
    result = watch_once_json(root, state)
    assert result["done"] == 1 and not stale.exists()
    assert isinstance(json.loads((state / "watch-state.json").read_text())["caches"], dict)


def test_a_repo_swapped_for_a_link_since_the_last_pass_is_never_followed(tmp_path: Path,
                                                                        state: Path) -> None:
    """The budget spans the whole watched folder: a pass over one project also evicts caches
    of others it remembers, by their names. A project replaced by a link to another folder
    since then must not lead it there (a guard: the old code was kept from it only because
    the scan named the caches by their resolved paths, which the remembered names missed)."""
    root = tmp_path / "ws"
    _cache(root / "a")
    busy = make_repo(root / "b")
    _budget(root, "1MB")
    watch_once_json(root, state)  # remembers ws/a/.mypy_cache
    elsewhere = _cache(tmp_path / "elsewhere")
    os.rename(root / "a", tmp_path / "a-moved")
    os.symlink(elsewhere.parent, root / "a")
    _budget(root, "1KB")

    request = {"roots": [str(root)], "targets": [str(busy)], "reason": "events",
               "touched": {str(busy): [str(busy)]}, "check_busy": False}
    child = subprocess.run([sys.executable, "-m", "tidy.watch.runner"], input=json.dumps(request),
                           capture_output=True, text=True, env=watch_env(state), timeout=60,
                           check=False)
    assert child.returncode == 0, child.stderr
    assert json.loads(child.stdout)["done"] == 0
    assert (elsewhere / "3.11" / "m.json").exists()
    assert (tmp_path / "a-moved" / ".mypy_cache" / "3.11" / "m.json").exists()


@pytest.mark.slow
def test_a_watched_folder_swapped_for_a_link_is_left_alone(tmp_path: Path, state: Path) -> None:
    root, victim = tmp_path / "ws", tmp_path / "victim"
    for base in (root, victim):
        repo = make_repo(base / "app")
        write(repo / "pkg" / "keep.py", "")
        stale = compile_to_cache(write(repo / "pkg" / "gone.py", ""))
        (repo / "pkg" / "gone.py").unlink()
        set_age(repo / "pkg", 3600)
    with watcher(root, state, "--settle", "0.3s", "--quiet-period", "0.5s"):
        wait_for(lambda: not (root / "app" / "pkg" / "__pycache__").exists()
                 or not any((root / "app" / "pkg" / "__pycache__").iterdir()), 20,
                 "the start pass")
        os.rename(root, tmp_path / "ws-old")
        os.symlink(victim, root)
        (tmp_path / "ws-old" / "app" / "pkg" / "keep.py").unlink()  # events, named ws/...
        wait_for(lambda: any("never followed" in w["message"]
                             for w in log_entries(state, "warning")), 20, "the refusal")
        time.sleep(1.0)
    assert stale.exists(), "a stale file behind the link was moved"
