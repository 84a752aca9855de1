"""A purge cut short never leaves a half-deleted folder for `tidy undo` to put back.

`tidy trash purge` journaled a run as purged only once every slot was deleted. Killed (or
stopped with Ctrl-C) half way, the run still looked whole: `tidy undo` then "put back" a
node_modules with half its files gone, said so with exit 0, and the project was left with
a broken tree nobody was told about. Now the purge journals that it began before it
deletes anything: undo refuses such a run (its trash may be partial), and the next purge
finishes it.

strace holds every delete of the real `rm` that purge runs (its children are traced too),
and the purge is killed with SIGKILL once it has deleted a few files.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import held_tidy, tidy
from tests.safety.moves_helpers import node_project


def _fixed(tmp_path: Path) -> tuple[Path, Path, str, Path]:
    root = node_project(tmp_path, repo=True)
    for i in range(40):
        write(root / "web" / "node_modules" / "dep" / f"f{i:02d}.js", f"module {i}\n")
    backdate(root)
    state = tmp_path / "st"
    done = tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(root),
                cwd=root, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    run = json.loads(done.stdout)["run"]
    slot = root / ".git" / "tidy" / "trash" / run / "000000" / "node_modules" / "dep"
    assert len(os.listdir(slot)) == 41
    return root, state, run, slot


@pytest.mark.slow
def test_undo_after_a_purge_killed_half_way_puts_back_no_partial_folder(tmp_path: Path) -> None:
    root, state, run, slot = _fixed(tmp_path)
    purge = held_tidy("trash", "purge", "--yes", cwd=root, state=state, syscall="unlinkat",
                      hold_s=0.1, when="1+", quiet=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and purge.poll() is None and len(os.listdir(slot)) > 35:
        time.sleep(0.01)
    os.killpg(purge.pid, signal.SIGKILL)
    purge.wait(timeout=30)
    left = len(os.listdir(slot))
    assert 0 < left < 41, f"the kill did not land half way ({left} files left)"

    undo = tidy("undo", run, cwd=root, state=state)
    assert undo.returncode != 0, undo.stdout + undo.stderr
    assert "purge" in undo.stdout + undo.stderr
    assert not (root / "web" / "node_modules").exists(), "a half-purged folder was put back"

    again = tidy("trash", "purge", "--yes", cwd=root, state=state)  # finishes the purge
    assert again.returncode == 0, again.stdout + again.stderr
    assert not (root / ".git" / "tidy" / "trash" / run).exists()
