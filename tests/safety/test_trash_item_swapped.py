"""Undo puts back only what the fix moved, never a link or another tree swapped in since
(trust round 6).

A repo's trash is in its git dir (`.git/tidy/trash/RUN/000000/node_modules`), which whatever
writes the repo can write; the journal that says what went in is in the private state
folder. Undo renamed back whatever stood under the item's name: a symlink to the home folder
(or /etc) swapped in for the trashed `node_modules` came back as the project's
`node_modules`, and the next `npm install` writes through it. Now undo checks what the trash
holds against the journal (its type; a rename's inode) and leaves anything else where it is,
saying so. Purge deletes the link itself, never what it points at.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.safety.helpers import tidy
from tests.safety.moves_helpers import node_project

pytestmark = pytest.mark.slow


def _fix(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A repo whose node_modules `tidy fix` moved into its git dir's trash: (root, state,
    the item in the trash)."""
    root = node_project(tmp_path, repo=True)
    state = tmp_path / "state"
    done = tidy("fix", "--yes", "-q", "--select", "TDY1", str(root), cwd=tmp_path, state=state)
    assert done.returncode == 0, done.stderr
    [moved] = [json.loads(line) for path in (state / "runs").glob("*.jsonl")
               for line in path.read_text().splitlines()
               if '"action": "trash"' in line or '"action":"trash"' in line]
    assert moved["method"] == "rename" and "/.git/tidy/trash/" in moved["dst"]
    return root, state, Path(moved["dst"])


def _precious(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_ed25519").write_text("secret\n")
    return home


@pytest.mark.parametrize("swap", ["link to the home folder", "another folder"])
def test_undo_never_puts_back_what_was_swapped_into_the_trash(tmp_path: Path,
                                                              swap: str) -> None:
    root, state, item = _fix(tmp_path)
    home = _precious(tmp_path)
    if swap == "another folder":  # made before the old one goes: it cannot take its inode
        planted = item.parent / "planted"
        (planted / "dep").mkdir(parents=True)
        (planted / "dep" / "index.js").write_text("require('child_process').exec('...')\n")
        shutil.rmtree(item)
        planted.rename(item)
    else:
        shutil.rmtree(item)
        item.symlink_to(home)
    undone = tidy("undo", "--yes", str(root), cwd=tmp_path, state=state)
    said = " ".join(undone.stdout.split())
    assert undone.returncode == 1, said + undone.stderr
    assert "the trash holds" in said and "nothing put back" in said
    assert not os.path.lexists(root / "web" / "node_modules")
    assert os.path.lexists(item)  # left where it is, for the user to look at

    purged = tidy("trash", "purge", "--yes", cwd=tmp_path, state=state)
    assert purged.returncode in (0, 1), purged.stderr
    assert (home / ".ssh" / "id_ed25519").read_text() == "secret\n"


@pytest.mark.parametrize("swap", ["link to the home folder", "another folder"])
def test_purge_counts_nothing_freed_for_what_was_swapped_in(tmp_path: Path, swap: str) -> None:
    """Trust round 7: purge said "freed 8.2 kB" (the journal's bytes) when what it removed
    from the slot was a link (or a folder) put there since. What it removed is not what the
    fix moved: it is removed, not counted, and named (exit 1)."""
    _root, state, item = _fix(tmp_path)
    home = _precious(tmp_path)
    # The other folder is made while the item still holds its inode: on a quiet ext4 a
    # folder made after the item was deleted is given its number again, which the journal's
    # inode tripwire cannot tell from the item (said in locate.not_what_moved).
    other = tmp_path / "elsewhere"
    (other / "planted").mkdir(parents=True)
    shutil.rmtree(item)
    if swap == "another folder":
        other.rename(item)
    else:
        item.symlink_to(home)
    purged = tidy("trash", "purge", "--yes", "--format", "json", cwd=tmp_path, state=state)
    body = json.loads(purged.stdout)
    assert purged.returncode == 1, purged.stdout + purged.stderr
    assert body["freed_bytes"] == 0 and [r["bytes"] for r in body["runs"]] == [0]
    [error] = body["runs"][0]["errors"]
    assert "not what the fix moved" in error or "another item" in error
    assert not os.path.lexists(item)
    assert (home / ".ssh" / "id_ed25519").read_text() == "secret\n"
