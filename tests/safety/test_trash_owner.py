"""tidy's trash is never a folder another user controls.

On a filesystem with no trash of its own, tidy keeps `.tidy-trash/` at the top of the
scanned folder. In a folder others may write (a shared scratch or data folder), another
user could make that `.tidy-trash/` first, or swap tidy's for theirs; the old code used
whatever folder it found there: the other user could then rename tidy's run folder away and
put one of their own under its name, and `tidy undo` restored THEIR `node_modules` into the
user's project (code the user then runs). Now a trash folder below its anchor that is not
the user's own, or that anyone may write, is refused: the fix falls back to the copy into
the user's own trash, and undo and purge leave such a folder alone.

The other user is a real one (uid 65534, `nobody`); the shared folder is a real tmpfs (not
the state folder's filesystem), so `.tidy-trash/` is where tidy puts things.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixes.helpers import snapshot
from tests.safety.helpers import tidy
from tests.safety.mounts import tmpfs
from tests.safety.moves_helpers import node_project

OTHER = 65534
FIX = ("fix", "--yes", "-q", "--select", "TDY1", "--format", "json")


@pytest.fixture
def shared() -> Iterator[Path]:
    """A tmpfs everyone may write (no sticky bit), holding the user's project; in a folder
    of /tmp the other user can reach (pytest's own tmp folders are private)."""
    point = Path(tempfile.mkdtemp(prefix="tidy-shared-"))
    point.chmod(0o755)
    try:
        with tmpfs(point, "size=16m,mode=0777"):
            yield point
    finally:
        point.rmdir()


def as_other(*argv: str) -> None:
    subprocess.run(list(argv), user=OTHER, group=OTHER, extra_groups=[], check=True)


@pytest.mark.slow
def test_a_tidy_trash_another_user_made_is_not_used(shared: Path, tmp_path: Path) -> None:
    root = node_project(shared, repo=False)
    as_other("mkdir", "-m", "0777", str(shared / ".tidy-trash"))
    done = tidy(*FIX, str(shared), cwd=tmp_path, state=tmp_path / "st")
    assert done.returncode == 0, done.stdout + done.stderr
    (outcome,) = json.loads(done.stdout)["result"]["outcomes"]
    assert os.listdir(shared / ".tidy-trash") == [], "moved into the other user's folder"
    assert str(outcome["where"]).startswith(str(tmp_path / "st")), outcome
    assert not (root / "web" / "node_modules").exists()


@pytest.mark.slow
def test_undo_never_restores_from_a_trash_another_user_swapped_in(
        shared: Path, tmp_path: Path) -> None:
    root = node_project(shared, repo=False)
    state = tmp_path / "st"
    done = tidy(*FIX, str(shared), cwd=tmp_path, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    run_id = json.loads(done.stdout)["run"]
    ours = shared / ".tidy-trash"
    assert (ours / run_id / "000000" / "node_modules" / "dep" / "index.js").exists()
    # The other user moves tidy's trash aside (they may write the shared folder) and puts
    # a trash of their own in its place, with their node_modules in the run's slot.
    as_other("mv", str(ours), str(shared / "aside"))
    planted = ours / run_id / "000000" / "node_modules" / "dep"
    as_other("mkdir", "-p", str(planted))
    as_other("sh", "-c", f"echo 'steal()' > '{planted}/index.js'")
    before = snapshot(ours)

    undo = tidy("undo", run_id, cwd=tmp_path, state=state)
    assert undo.returncode == 1, undo.stdout + undo.stderr
    assert not (root / "web" / "node_modules").exists(), "restored the other user's files"
    assert snapshot(ours) == before
    purge = tidy("trash", "purge", "--yes", cwd=tmp_path, state=state)
    assert purge.returncode == 1, purge.stdout + purge.stderr
    assert snapshot(ours) == before  # not ours to delete either


@pytest.mark.slow
def test_a_trash_folder_its_group_may_write_is_not_used(tmp_path: Path) -> None:
    """Trust round 7: a `.git/tidy/trash` writable by its group (a repo shared with a team's
    group, where any member can rename what tidy keeps there and plant their own for undo)
    was used; only one writable by anyone was refused."""
    root = node_project(tmp_path, repo=True)
    trash = root / ".git" / "tidy" / "trash"
    trash.mkdir(parents=True)
    os.chown(trash, -1, OTHER)
    trash.chmod(0o770)
    done = tidy(*FIX, str(root), cwd=tmp_path, state=tmp_path / "st")
    assert done.returncode == 0, done.stdout + done.stderr
    (outcome,) = json.loads(done.stdout)["result"]["outcomes"]
    assert os.listdir(trash) == [], "moved into a folder the group may write"
    assert str(outcome["where"]).startswith(str(tmp_path / "st")), outcome
