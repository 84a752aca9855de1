"""An undo merge into a folder the user made read-only says what to do, and completes later.

`tidy undo` of a move across filesystems that left late files at home puts the trash copy
back around them (tidy/fixes/trash/merge.py). When a folder at home is read-only (the
user's own 0555 folder), nothing can be put into it: the entry stays in the trash, and the
undo says so in one line, naming the folder and what to do (make it writable, undo again),
with exit 1. Before, the line said the entry "would overwrite what is at home now", which
it would not. Once the user makes the folder writable, the next undo completes.

As a real non-root user (uid 65534) on a tmpfs it owns, its state folder on another
filesystem; strace holds `tidy fix` at the rename that finishes the copy while a file is
written at home, as in test_undo_merge.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixes.helpers import backdate
from tests.safety.helpers import strace_hold
from tests.safety.moves_helpers import node_project
from tests.safety.other_user import USER, as_user_argv, readable_python, user_env
from tests.safety.test_move_copy_writes import _wait_for

pytestmark = pytest.mark.slow


@pytest.fixture
def user_state() -> Iterator[Path]:
    """A state folder the other user owns, on the disk (not the user's tmpfs)."""
    top = Path(tempfile.mkdtemp(prefix="tidy-state-"))
    top.chmod(0o755)
    state = top / "st"
    state.mkdir()
    os.chown(state, USER, USER)
    try:
        yield state
    finally:
        shutil.rmtree(top, ignore_errors=True)


def _as_user(python: list[str], state: Path, cwd: Path, *args: str
             ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(as_user_argv(python, state, *args), env=user_env(), cwd=cwd,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=120, check=False)


def _chown_tree(top: Path) -> None:
    for folder, dirs, files in os.walk(top):
        for name in [*dirs, *files]:
            os.chown(os.path.join(folder, name), USER, USER, follow_symlinks=False)
    os.chown(top, USER, USER)


def _left_in_place(python: list[str], root: Path, state: Path) -> Path:
    """`tidy fix` as the user, copying node_modules into the state trash, held at the rename
    that finishes the copy while a file is written at home: the move leaves node_modules
    in place with that file. The late file."""
    _chown_tree(root)
    backdate(root)
    if subprocess.run(["chattr", "+i", str(root)], capture_output=True).returncode:
        pytest.skip("chattr +i is not supported here")  # no .tidy-trash: the copy fallback
    cache = root / "web" / "node_modules"
    fix = subprocess.Popen(
        [*strace_hold("renameat2", 3),
         *as_user_argv(python, state, "fix", "--yes", "-q", "--select", "TDY1",
                       "--format", "json", str(root))],
        env=user_env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, start_new_session=True)
    trash = state / "trash"
    _wait_for(lambda: any(p.name == "index.js" and p.stat().st_size == 19
                          for p in trash.rglob("index.js")) if trash.is_dir() else False,
              fix, "the copy in the trash")
    time.sleep(1.0)
    late = cache / "dep" / "late.txt"
    late.write_text("npm wrote this\n")
    os.chown(late, USER, USER)
    out, err = fix.communicate(timeout=120)
    (outcome,) = json.loads(out)["result"]["outcomes"]
    assert "left in place" in str(outcome["reason"]), (outcome, err)
    assert not (cache / "dep" / "index.js").exists()
    return late


def test_a_read_only_folder_at_home_is_named_with_what_to_do_and_undo_completes_later(
        user_tree: Path, user_state: Path) -> None:
    python = readable_python()
    if python is None:
        pytest.skip("no python the other user can run tidy with")
    root = node_project(user_tree, repo=False)
    cache = root / "web" / "node_modules"
    trash = user_state / "trash"
    late = _left_in_place(python, root, user_state)

    (cache / "dep").chmod(0o555)  # the user's own folder, made read-only
    undo = _as_user(python, user_state, root, "undo")
    assert undo.returncode == 1, undo.stdout + undo.stderr
    # The run's header, then one line for the item: the folder, and what to do.
    header, *said = (undo.stdout + undo.stderr).strip().splitlines()
    assert len(said) == 1 and "nothing was put back" in header, (header, said)
    assert str(cache / "dep") + ":" in said[0] and "chmod u+w" in said[0], said
    assert "tidy undo" in said[0] and "overwrite" not in said[0], said
    assert not (cache / "dep" / "index.js").exists()
    assert late.read_text() == "npm wrote this\n"

    (cache / "dep").chmod(0o755)
    again = _as_user(python, user_state, root, "undo")
    assert again.returncode == 0, again.stdout + again.stderr
    assert (cache / "dep" / "index.js").read_text() == "module.exports = 1\n"
    assert late.read_text() == "npm wrote this\n"
    assert not any(trash.rglob("index.js"))


def test_an_undo_killed_copying_a_read_only_folder_leaves_nothing_at_home(
        user_tree: Path, user_state: Path) -> None:
    """The merge's copy in flight is a folder, and a read-only folder inside it (a Go
    module cache is 0555) is finished: the recovery, as the user, empties it all the same."""
    python = readable_python()
    if python is None:
        pytest.skip("no python the other user can run tidy with")
    root = node_project(user_tree, repo=False)
    cache = root / "web" / "node_modules"
    (cache / "mod" / "ro").mkdir(parents=True)
    (cache / "mod" / "ro" / "f.txt").write_text("module file\n")
    (cache / "mod" / "z.bin").write_bytes(b"z" * 4096)
    (cache / "mod" / "ro").chmod(0o555)
    _left_in_place(python, root, user_state)
    assert not (cache / "mod").exists()

    # sendfile: index.js (2 calls), ro/f.txt (2), then z.bin: held there, killed.
    undo = subprocess.Popen(
        [*strace_hold("sendfile", 5, when="5"),
         *as_user_argv(python, user_state, "undo")],
        cwd=root, env=user_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)

    def copying() -> bool:
        temps = [p for p in cache.iterdir() if p.name.startswith(".tidy-undo-")]
        return bool(temps) and (temps[0] / "z.bin").exists() and (
            (temps[0] / "ro").stat().st_mode & 0o777) == 0o555

    _wait_for(copying, undo, "the merge copying the folder")
    os.killpg(undo.pid, signal.SIGKILL)
    undo.wait(timeout=30)
    (temp,) = [p for p in cache.iterdir() if p.name.startswith(".tidy-undo-")]

    listed = _as_user(python, user_state, root, "trash", "list")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert not temp.exists(), sorted(str(p) for p in temp.rglob("*"))
    again = _as_user(python, user_state, root, "undo")
    assert again.returncode == 0, again.stdout + again.stderr
    assert (cache / "mod" / "ro" / "f.txt").read_text() == "module file\n"
    assert ((cache / "mod" / "ro").stat().st_mode & 0o777) == 0o555
    assert (cache / "dep" / "index.js").read_text() == "module.exports = 1\n"
