"""SIGKILL at each step of a fix, an undo and a purge: the next tidy recovers, and nothing is
lost.

strace kills tidy (the real process, SIGKILL from the kernel's side of a real syscall) at
the N-th fsync, mkdir, rename, link or unlink it makes: every journal write, every folder
of the trash, every move in or out, by rename (the git dir's trash) and by the copy across
filesystems. Then the next commands run as a user would: `tidy trash list` (which resolves
what the kill left), then `tidy undo` until nothing is left to undo. Each cache file must
be in exactly one place at every point (at home or in the trash, its bytes whole), no
command may be an internal error, and the tree must end as it began.

tests/fixes/test_kill.py kills a fix once, mid-move; tests/fixes/test_recover.py builds each
in-between state of the copy by hand. This walks every step instead. It held on the old
code; kept as a guard.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, write
from tests.fixes.helpers import backdate, snapshot
from tests.safety.helpers import tidy, undo_everything

pytestmark = pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")

CACHES = {"web/node_modules/dep/index.js": "module.exports = 1\n",
          "a/__pycache__/m.cpython-311.pyc": "bytecode a\n",
          "b/__pycache__/m.cpython-311.pyc": "bytecode b\n"}
FIX = ("fix", "--yes", "-q", "--select", "TDY1")


def _project(root: Path, repo: bool) -> Path:
    if repo:
        make_repo(root)
    write(root / "web" / "package.json", "{}\n")
    for name in ("a", "b"):
        write(root / name / "m.py", "x = 1\n")
    if repo:
        commit(root, "web/package.json", "a/m.py", "b/m.py")
    for rel, text in CACHES.items():
        write(root / rel, text)
    backdate(root, 40 * 86400)
    return root


def _killed(args: tuple[str, ...], cwd: Path, state: Path, syscall: str, when: int) -> int:
    """`tidy ARGS`, SIGKILLed at its `when`-th `syscall` (its own process, not its children);
    the exit code (-9 when the kill landed, else the command's own)."""
    strace = [str(shutil.which("strace")), "-qq", "--seccomp-bpf", "-o", os.devnull,
              "-e", f"trace={syscall}", "-e", f"inject={syscall}:signal=KILL:when={when}"]
    done = subprocess.run([*strace, sys.executable, "-m", "tidy", *args], cwd=cwd,
                          env=hermetic_env({"TIDY_STATE_DIR": str(state)}),
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
                          check=False)
    return done.returncode


def _each_cache_once(places: list[Path]) -> None:
    """Every cache file in exactly one place, whole."""
    for rel, text in CACHES.items():
        name = rel.rsplit("/", 1)[1]
        found = [p for place in places if place.exists() for p in place.rglob(name)
                 if p.read_text() == text]
        assert len(found) == 1, (rel, found)


def _recover_and_undo(root: Path, state: Path, before: object, places: list[Path]) -> None:
    listed = tidy("trash", "list", cwd=root, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    _each_cache_once(places)
    for _ in range(4):
        undo = tidy("undo", cwd=root, state=state)
        assert undo.returncode in (0, 1) and "internal error" not in undo.stderr, undo.stderr
        _each_cache_once(places)
        if "nothing to undo" in undo.stderr:
            break
    assert snapshot(root) == before


# Measured on this fix of three caches: 7 fsyncs (the journal's begin, each intent, the
# end ...), 5 mkdirs (the git dir's trash, the run, a slot per item), 3 renames (one per
# item), 1 link (the journal into its name). Every kill lands (exit -9).
STEPS = [("fsync", n) for n in range(1, 8)] + [("mkdir,mkdirat", n) for n in (1, 3, 5)] \
    + [("rename,renameat,renameat2", n) for n in range(1, 4)] + [("link,linkat", 1)]


@pytest.mark.slow
@pytest.mark.parametrize(("syscall", "when"), STEPS)
def test_a_fix_killed_at_any_step_is_recovered_and_undone(
        tmp_path: Path, syscall: str, when: int) -> None:
    root = _project(tmp_path / "proj", repo=True)
    before = snapshot(root)
    state = tmp_path / "st"
    code = _killed(FIX, root, state, syscall, when)
    assert code in (-9, 0), code
    _recover_and_undo(root, state, before, [root / "web", root / "a", root / "b",
                                            root / ".git" / "tidy"])


UNDO_STEPS = [("fsync", n) for n in range(1, 7)] \
    + [("rename,renameat,renameat2", n) for n in range(1, 4)] \
    + [("unlink,unlinkat,rmdir", n) for n in (1, 2, 4)]


@pytest.mark.slow
@pytest.mark.parametrize(("syscall", "when"), UNDO_STEPS)
def test_an_undo_killed_at_any_step_is_finished_by_the_next(
        tmp_path: Path, syscall: str, when: int) -> None:
    root = _project(tmp_path / "proj", repo=True)
    before = snapshot(root)
    state = tmp_path / "st"
    assert tidy(*FIX, str(root), cwd=root, state=state).returncode == 0
    code = _killed(("undo",), root, state, syscall, when)
    assert code in (-9, 0), code
    _recover_and_undo(root, state, before, [root / "web", root / "a", root / "b",
                                            root / ".git" / "tidy"])


COPY_STEPS = [("fsync", n) for n in range(1, 6)] \
    + [("rename,renameat,renameat2", n) for n in range(1, 3)] \
    + [("unlink,unlinkat,rmdir", n) for n in range(1, 4)]


@pytest.mark.slow
@pytest.mark.parametrize(("syscall", "when"), COPY_STEPS)
def test_a_copy_across_filesystems_killed_at_any_step_loses_nothing(
        no_trash_of_its_own: Path, tmp_path: Path, syscall: str, when: int) -> None:
    root = no_trash_of_its_own  # web/node_modules/dep/index.js, copied into the state trash
    before = snapshot(root)
    state = tmp_path / "st"
    code = _killed((*FIX, str(root)), tmp_path, state, syscall, when)
    assert code in (-9, 0), code
    places = [root / "web", state]
    text = "module.exports = 1\n"
    found = [p for place in places if place.exists() for p in place.rglob("index.js")
             if p.read_text() == text]
    assert found, "the only copy is gone"
    listed = tidy("trash", "list", cwd=tmp_path, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    found = [p for place in places if place.exists() for p in place.rglob("index.js")
             if p.read_text() == text]
    assert len(found) == 1, found
    undo_everything(tmp_path, state)
    assert snapshot(root) == before


# A purge's own steps (its `rm` child does the deleting; test_purge_kill.py kills that):
# the fsync of purge-begin, the rmdir of the emptied run folder, the fsync of purged, the
# audit log's fsync.
PURGE_STEPS = [("fsync", 1), ("fsync", 2), ("fsync", 3), ("unlink,unlinkat,rmdir", 1)]


@pytest.mark.slow
@pytest.mark.parametrize(("syscall", "when"), PURGE_STEPS)
def test_a_purge_killed_at_any_step_puts_nothing_partial_back_and_finishes_later(
        tmp_path: Path, syscall: str, when: int) -> None:
    root = _project(tmp_path / "proj", repo=True)
    state = tmp_path / "st"
    assert tidy(*FIX, str(root), cwd=root, state=state).returncode == 0
    code = _killed(("trash", "purge", "--yes"), root, state, syscall, when)
    assert code in (-9, 0), code  # 0: a later tidy has fewer such steps (none is lost)
    undo = tidy("undo", cwd=root, state=state)
    assert "internal error" not in undo.stderr, undo.stderr
    for rel, text in CACHES.items():  # whole at home, or not there at all
        home = root / rel
        assert not home.parent.exists() or home.read_text() == text, rel
    purge = tidy("trash", "purge", "--yes", cwd=root, state=state)
    assert purge.returncode == 0, purge.stdout + purge.stderr
    assert "the trash is empty" in tidy("trash", "list", cwd=root, state=state).stdout
