"""What a failed or killed run leaves in tidy's own folders is cleared by the next run, and
only what is provably tidy's own and dead.

Before: a copy into the trash that failed for want of space (ENOSPC) left its run folder,
empty, in the state trash for good (nothing lists or purges an empty folder); a run killed
while it made its journal left `.<run-id>.jsonl.new` in the runs folder for good. Now the
run takes its own empty run folders out when it ends, and the next fix, undo, purge or
`trash list` removes a `.<run-id>.jsonl.new` (a regular file, unlocked, over a minute old)
and an empty run folder in the state trash (unlocked run, over a minute old); a link, a
fresh file, a folder that holds anything, or a name not of tidy's shape stays.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import held_tidy, tidy
from tests.safety.mounts import tmpfs
from tests.safety.moves_helpers import node_project

OLD = time.time() - 600


@pytest.fixture
def small_state(tmp_path: Path) -> Iterator[Path]:
    """A state folder on a 256 kB tmpfs: the journal fits, a 1 MB copy does not."""
    point = tmp_path / "st"
    point.mkdir()
    with tmpfs(point, "size=256k"):
        yield point


@pytest.mark.slow
def test_a_copy_that_ran_out_of_space_leaves_no_empty_run_folder(
        no_trash_of_its_own: Path, small_state: Path) -> None:
    root = no_trash_of_its_own
    write(root / "web" / "node_modules" / "dep" / "big.bin", "x" * (1 << 20))
    backdate(root / "web")
    done = tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(root),
                cwd=root.parent, state=small_state)
    (outcome,) = json.loads(done.stdout)["result"]["outcomes"]
    assert outcome["status"] == "failed" and "space" in str(outcome["reason"]), outcome
    assert (root / "web" / "node_modules" / "dep" / "big.bin").stat().st_size == 1 << 20
    trash = small_state / "trash"
    assert not trash.exists() or os.listdir(trash) == [], os.listdir(trash)


def _killed_while_making_its_journal(root: Path, state: Path) -> str:
    """`tidy fix` held at its journal's flock (right after the .new file is made), killed."""
    fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", str(root), cwd=root, state=state,
                    syscall="flock", hold_s=3, quiet=True)
    runs = state / "runs"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (runs.is_dir() and os.listdir(runs)):
        time.sleep(0.01)
    os.killpg(fix.pid, signal.SIGKILL)
    fix.wait(timeout=30)
    (name,) = os.listdir(runs)
    assert name.startswith(".") and name.endswith(".jsonl.new"), name
    return name


@pytest.mark.slow
def test_a_journal_a_kill_left_half_made_is_cleared_once_it_is_old(tmp_path: Path) -> None:
    root = node_project(tmp_path, repo=True)
    state = tmp_path / "st"
    name = _killed_while_making_its_journal(root, state)
    runs = state / "runs"
    # Not tidy's, or not provably dead: they stay.
    fresh = runs / ".20991231-000000-abcdef.jsonl.new"
    fresh.write_text("")
    outside = write(tmp_path / "outside.txt", "precious\n")
    link = runs / ".20991231-000000-aaaaaa.jsonl.new"
    link.symlink_to(outside)
    other = runs / ".notes.jsonl.new"
    other.write_text("")
    for path in (runs / name, link, other):
        os.utime(path, (OLD, OLD), follow_symlinks=False)

    listed = tidy("trash", "list", cwd=root, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert not (runs / name).exists()
    assert fresh.exists() and link.is_symlink() and other.exists()
    assert outside.read_text() == "precious\n"


@pytest.mark.slow
def test_an_empty_run_folder_of_a_dead_run_is_cleared_and_nothing_else(tmp_path: Path) -> None:
    root = node_project(tmp_path, repo=False)
    state = tmp_path / "st"
    done = tidy("fix", "--yes", "-q", "--select", "TDY1", str(root), cwd=root, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    trash = state / "trash"
    (kept_run,) = os.listdir(trash)
    dead = trash / "20200101-000000-abcdef"   # what a killed run left, empty
    dead.mkdir(mode=0o700)
    young = trash / "20200101-000000-fedcba"  # made just now: a run may be filling it
    young.mkdir(mode=0o700)
    odd = trash / "my-folder"                 # not a run's name
    odd.mkdir(mode=0o700)
    for path in (dead, odd):
        os.utime(path, (OLD, OLD))

    listed = tidy("trash", "list", cwd=root, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert sorted(os.listdir(trash)) == sorted([kept_run, young.name, odd.name])
