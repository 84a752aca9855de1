"""`tidy browse` applying a plan while the tree changes under it (trust round 10).

The real app in an 80x24 pseudo-terminal (`python -m tidy browse ROOT`, keys typed as a user
types them): the node_modules rows marked, the plan shown, and at its `Apply (y)` question
the tree is changed: the planned folder swapped for a link to a folder outside the root, its
parent swapped for one, a file written into it, a repository made inside it. Then `y`.
Nothing outside the root may move, nor anything that changed after the plan.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browse.helpers import (
    ALT_SCREEN_OFF,
    browse_in_terminal,
    journal,
    plan_the_artifacts,
    read_until,
    type_keys,
    workspace,
)
from tests.conftest import git, write
from tests.fixes.helpers import snapshot

pytestmark = pytest.mark.slow


def _outside(tmp_path: Path) -> Path:
    """A folder outside the root shaped like what is planned: a link to it must never be
    followed, nor what it holds moved."""
    outside = tmp_path / "outside"
    write(outside / "node_modules" / "left-pad" / "index.js", "the user's own\n")
    write(outside / "web" / "node_modules" / "left-pad" / "index.js", "the user's own\n")
    write(outside / "web" / "package.json", "{}\n")
    return outside


def _link_the_folder(root: Path, outside: Path) -> None:
    modules = root / "web" / "node_modules"
    shutil.rmtree(modules)
    modules.symlink_to(outside / "node_modules")


def _link_the_parent(root: Path, outside: Path) -> None:
    web = root / "web"
    web.rename(root / "web.moved")
    web.symlink_to(outside / "web")


def _write_into(root: Path, _outside: Path) -> None:
    write(root / "web" / "node_modules" / "left-pad" / "new.js", "written after the plan\n")


def _nested_repo(root: Path, _outside: Path) -> None:
    dep = root / "web" / "node_modules" / "gitdep"
    write(dep / "index.js", "an edit not committed\n")
    git(dep, "init", "-q")


def _nothing(_root: Path, _outside: Path) -> None:
    pass


CHANGES: dict[str, Callable[[Path, Path], None]] = {
    "unchanged": _nothing,  # the control: the keys reach the app, the plan is applied
    "folder a link outside": _link_the_folder,
    "parent a link outside": _link_the_parent,
    "file written into it": _write_into,
    "repository made in it": _nested_repo,
}


def _browse_changing(root: Path, state: Path, change: Callable[[], None]) -> bytes:
    """Run browse in a terminal: mark the node_modules rows, plan, change the tree at the
    question, apply, quit. What the terminal showed."""
    app, master = browse_in_terminal(root, state)
    seen = bytearray()
    try:
        assert read_until(master, b"scanned in", seen, 90), bytes(seen[-3000:])
        plan_the_artifacts(master, seen)
        change()
        mark = len(seen)
        type_keys(master, b"y", seen)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any(
                word in seen[mark:] for word in (b"done ", b"skipped", b"failed", b"nothing")):
            read_until(master, b"\0never\0", seen, 0.1)
        read_until(master, b"\0never\0", seen, 1.0)
        type_keys(master, b"\x1b", seen)
        type_keys(master, b"q", seen)
        deadline = time.monotonic() + 30
        while app.poll() is None and time.monotonic() < deadline:
            read_until(master, b"\0never\0", seen, 0.05)
        app.wait(timeout=5)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        os.close(master)
    assert ALT_SCREEN_OFF in seen and b"Traceback" not in seen, bytes(seen[-3000:])
    return bytes(seen)


@pytest.mark.parametrize("how", list(CHANGES))
def test_browse_moves_nothing_that_changed_after_its_plan(tmp_path: Path, how: str) -> None:
    root = workspace(tmp_path / "ws")
    outside = _outside(tmp_path)
    state = tmp_path / "state"
    outside_before = snapshot(outside)
    _browse_changing(root, state, lambda: CHANGES[how](root, outside))
    assert snapshot(outside) == outside_before  # nothing outside the root moved or changed
    entries = journal(state)
    moved = {e["path"] for e in entries if e.get("op") == "intent"
             and any(r.get("ref") == e["seq"] and r.get("op") == "done" for r in entries)}
    if how == "unchanged":
        assert str(root / "web" / "node_modules") in moved, entries
        assert not os.path.lexists(root / "web" / "node_modules")
        return
    assert str(root / "web" / "node_modules") not in moved, entries
    skipped = [e for e in entries if e.get("op") in ("skip", "fail")]
    assert [e.get("path") for e in skipped] == [str(root / "web" / "node_modules")], entries
    if how == "file written into it":
        assert (root / "web" / "node_modules" / "left-pad" / "new.js").read_text() == \
            "written after the plan\n"
    if how == "repository made in it":
        assert (root / "web" / "node_modules" / "gitdep" / "index.js").exists()
    if how.endswith("link outside"):
        assert os.path.islink(root / "web" / "node_modules" if how.startswith("folder")
                              else root / "web")
