"""watch never fights the user: what `tidy undo` put back from a watch pass stays put.

Real `tidy watch --once` and `tidy undo` subprocesses, and a real watcher reacting to the
undo's own filesystem events."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tests.watch.helpers import (
    DAY,
    compile_to_cache,
    log_entries,
    run_tidy,
    set_age,
    wait_for,
    watch_once_json,
    watcher,
)


def _stale(repo: Path, name: str) -> Path:
    """A .pyc whose source is gone, compiled an hour ago."""
    source = write(repo / "pkg" / f"{name}.py", f"NAME = {name!r}\n")
    compiled = compile_to_cache(source)
    source.unlink()
    set_age(repo / "pkg", 3600)
    return compiled


def test_once_leaves_what_undo_put_back_until_it_is_replaced(tmp_path: Path,
                                                             state: Path) -> None:
    root = tmp_path / "ws"
    repo = make_repo(root / "app")
    stale = _stale(repo, "gone")
    data = stale.read_bytes()

    first = watch_once_json(root, state)
    assert first["done"] == 1 and not stale.exists()
    undone = run_tidy("undo", str(first["run_id"]), "--yes", state=state)
    assert undone.returncode == 0, undone.stderr
    assert stale.read_bytes() == data

    again = watch_once_json(root, state)
    assert again["done"] == 0, again["actions"]
    assert stale.read_bytes() == data, "the item the user put back was moved again"
    left = [item for item in again["left"] if item["path"] == str(stale)]  # type: ignore[union-attr]
    assert left and "put back by `tidy undo`" in left[0]["reason"]

    # Once it is replaced (compiled anew, a new inode) the policy applies to the new one.
    write(repo / "pkg" / "gone.py", "NAME = 'again'\n")
    compile_to_cache(repo / "pkg" / "gone.py")
    (repo / "pkg" / "gone.py").unlink()
    set_age(repo / "pkg", 3600)
    third = watch_once_json(root, state)
    assert third["done"] == 1 and not stale.exists()


def test_folders_put_back_are_not_evicted_by_the_budget_again(tmp_path: Path,
                                                                   state: Path) -> None:
    root = tmp_path / "ws"
    write(root / ".tidy.toml", '[watch]\ncache-budget = "1KB"\ncache-kinds = [".mypy_cache"]\n')
    caches = []
    for name in ("a", "b"):
        project = make_repo(root / name)
        write(project / "main.py", "")
        caches.append(write(project / ".mypy_cache" / "3.11" / "m.json", size=4000).parent.parent)
        set_age(caches[-1], 2 * DAY)

    first = watch_once_json(root, state)
    assert first["done"] == 2
    assert run_tidy("undo", str(first["run_id"]), "--yes", state=state).returncode == 0
    assert all(c.exists() for c in caches)

    again = watch_once_json(root, state)
    assert again["done"] == 0, again["actions"]
    assert all((c / "3.11" / "m.json").exists() for c in caches)


@pytest.mark.slow
def test_the_watcher_does_not_move_again_what_undo_just_put_back(tmp_path: Path,
                                                                 state: Path) -> None:
    root = tmp_path / "ws"
    repo = make_repo(root / "app")
    stale = _stale(repo, "gone")
    with watcher(root, state, "--settle", "0.3s", "--quiet-period", "0.5s"):
        wait_for(lambda: not stale.exists(), 20, "the start pass to move the stale .pyc")
        run = [a for a in log_entries(state, "action") if a["status"] == "done"][-1]["run"]
        time.sleep(2.0)  # past the time the watcher takes events there for its own move's
        assert run_tidy("undo", run, "--yes", state=state).returncode == 0
        assert stale.exists()
        passes = len(log_entries(state, "pass"))
        wait_for(lambda: len(log_entries(state, "pass")) > passes, 20,
                 "a pass over the undo's events")
        time.sleep(1.5)  # a few settle and quiet periods more
        assert stale.exists(), "watch moved again what the user put back"
        # Still watching, and the policy still applies to everything else.
        other = _stale(repo, "other")
        (repo / "pkg").touch()
        wait_for(lambda: not other.exists(), 20, "a new stale .pyc to be moved")
    assert stale.exists()
