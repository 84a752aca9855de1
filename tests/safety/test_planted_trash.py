"""A `.tidy-trash/` that tidy did not make: a project (a tarball, a copied folder) that ships
one, with files of its own in it.

tidy keeps its trash in `.tidy-trash/` at the top of a folder on a filesystem with no other
trash of tidy's, and takes that folder out again, markers first, once it holds no run.
Before: the markers were unlinked by name whatever they held: a shipped
`.tidy-trash/.gitignore` of the project's own was deleted by the first `tidy undo` (or
purge) there. Now a marker is removed only while it holds exactly what tidy writes; a
folder with anything else stays. A run folder someone planted there (no journal of the
user's names it) is never listed, purged or swept (held on the old code; kept as a guard).

The project is on a real tmpfs (another filesystem than the state folder's).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import tidy
from tests.safety.moves_helpers import node_project

FIX = ("fix", "--yes", "-q", "--select", "TDY1")
PLANTED_RUN = "20200101-000000-abcdef"


@pytest.mark.slow
def test_a_shipped_tidy_trash_keeps_its_own_files_through_fix_undo_and_purge(
        other_fs: Path, tmp_path: Path) -> None:
    root = node_project(other_fs, repo=False)
    shipped = root / ".tidy-trash"
    notes = write(shipped / ".gitignore", "the project's own notes\n")
    planted = write(shipped / PLANTED_RUN / "000000" / "node_modules" / "x.js", "theirs\n")
    backdate(root, 30 * 86400)
    state = tmp_path / "st"

    fix = tidy(*FIX, str(root), cwd=root, state=state)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    runs = [n for n in os.listdir(shipped) if n not in (".gitignore", "CACHEDIR.TAG")]
    assert len(runs) == 2, runs  # the fix's run went into it, beside the planted one
    assert PLANTED_RUN not in tidy("trash", "list", cwd=root, state=state).stdout
    assert tidy("undo", cwd=root, state=state).returncode == 0
    assert (root / "web" / "node_modules" / "dep" / "index.js").is_file()
    assert tidy(*FIX, str(root), cwd=root, state=state).returncode == 0
    purge = tidy("trash", "purge", "--yes", cwd=root, state=state)
    assert purge.returncode == 0, purge.stdout + purge.stderr

    assert notes.read_text() == "the project's own notes\n"
    assert planted.read_text() == "theirs\n"


@pytest.mark.slow
def test_a_shipped_tidy_trash_holding_only_a_gitignore_of_its_own_keeps_it(
        other_fs: Path, tmp_path: Path) -> None:
    root = node_project(other_fs, repo=False)
    notes = write(root / ".tidy-trash" / ".gitignore", "the project's own notes\n")
    backdate(root)
    state = tmp_path / "st"
    assert tidy(*FIX, str(root), cwd=root, state=state).returncode == 0
    assert tidy("undo", cwd=root, state=state).returncode == 0
    assert notes.read_text() == "the project's own notes\n"
    # The control: a .tidy-trash tidy made itself is taken out whole.
    other = node_project(other_fs, "other", repo=False)
    assert tidy(*FIX, str(other), cwd=other, state=state).returncode == 0
    assert (other / ".tidy-trash").is_dir()
    assert tidy("undo", cwd=other, state=state).returncode == 0
    assert not (other / ".tidy-trash").exists()
