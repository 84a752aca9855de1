"""TIDY_STATE_DIR pointing inside the folder tidy cleans (a careless setup: `export
TIDY_STATE_DIR=.tidy-state` in a project, or the project under the state's folder).

The state's trash then lies inside the scanned tree, holding the very caches tidy moved
there (a `__pycache__` needs no marker beside it). A scan that walked into it would report
them again and a second fix would move the trash's own content into a newer run, so undo of
the first run would find its slot empty. Held on the old code (the walk never enters the
state folder, the re-check refuses paths inside it); kept as a guard.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate, snapshot
from tests.safety.helpers import tidy


def _caches(root: Path) -> None:
    for name in ("a", "b"):
        write(root / name / "m.py", "x = 1\n")
        write(root / name / "__pycache__" / "m.cpython-311.pyc", f"bytecode {name}\n")


@pytest.mark.slow
@pytest.mark.parametrize("repo", [False, True])
def test_a_state_folder_inside_the_tree_is_never_scanned_moved_or_reported(
        tmp_path: Path, repo: bool) -> None:
    root = make_repo(tmp_path / "proj") if repo else tmp_path / "proj"
    _caches(root)
    if repo:
        commit(root, "a/m.py", "b/m.py")
    backdate(root, 40 * 86400)
    before = _contents(root)
    state = root / "state"
    first = tidy("fix", "--yes", "-q", "--format", "json", str(root), cwd=root, state=state)
    assert first.returncode == 0, first.stdout + first.stderr
    run_id = json.loads(first.stdout)["run"]
    backdate(state, 40 * 86400)  # as if the trash had been there a while

    scan = tidy("scan", "--format", "json", str(root), cwd=root, state=state)
    found = [f["path"] for g in json.loads(scan.stdout)["groups"] for f in g["findings"]]
    assert not [p for p in found if p.startswith("state")], found
    second = tidy("fix", "--yes", "-q", "--format", "json", str(root), cwd=root, state=state)
    assert second.returncode == 0, second.stdout + second.stderr
    assert json.loads(second.stdout)["result"]["outcomes"] == []
    watch = tidy("watch", "--once", str(root), cwd=root, state=state)
    assert watch.returncode == 0 and "moved 0 item(s)" in watch.stdout, watch.stdout

    undo = tidy("undo", run_id, cwd=root, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert _contents(root) == before


def _contents(root: Path) -> dict[bytes, tuple[object, ...]]:
    """Every entry outside the state folder, without mtimes (the test ages the trash)."""
    return {k: v[:3] for k, v in snapshot(root).items() if not k.startswith(b"state")}


@pytest.mark.slow
def test_a_cache_that_holds_the_state_folder_is_never_moved(tmp_path: Path) -> None:
    """TIDY_STATE_DIR=web/node_modules/.cache/tidy (tools keep their caches there): moving
    node_modules would carry off the journals that undo it. Before, it stayed only because
    the new journal changed the folder after the scan ("modified since the plan", which
    invites a retry that never succeeds); now the reason says what it is."""
    root = make_repo(tmp_path / "proj")
    write(root / "web" / "package.json", "{}\n")
    write(root / "web" / "node_modules" / "dep" / "index.js", "module.exports = 1\n")
    commit(root, "web/package.json")
    state = root / "web" / "node_modules" / ".cache" / "tidy"
    (state / "runs").mkdir(parents=True)
    backdate(root / "web", 40 * 86400)
    before = snapshot(root / "web" / "node_modules" / "dep")
    for args in (("fix", "--yes", "-q", "--select", "TDY1", "--skip-recent", "0s",
                  "--format", "json"), ("watch", "--once", "--format", "json")):
        done = tidy(*args, str(root), cwd=root, state=state)
        assert "internal error" not in done.stderr, done.stderr
        assert (root / "web" / "node_modules" / "dep" / "index.js").is_file()
        assert snapshot(root / "web" / "node_modules" / "dep") == before
    fix = tidy("fix", "--yes", "-q", "--select", "TDY1", "--skip-recent", "0s", "--format",
               "json", str(root), cwd=root, state=state)
    (outcome,) = json.loads(fix.stdout)["result"]["outcomes"]
    assert outcome["status"] == "skipped" and "holds tidy's own state folder" in str(
        outcome["reason"]), outcome
    assert fix.returncode == 1
