"""A folder made in a trash slot after the item was deleted by hand, which ext4 gives the
item's inode number again, is not the item (trust round 8).

The trash of a repo is in its git dir, which whatever writes the repo can write; the journal
in the private state folder says what went in. Round 7 held the slot's content to the
journal's type and (for a rename) inode number. ext4 hands a freed inode number to the next
folder made beside it, so `rm -rf` of the trashed `node_modules` and a `mkdir` of a folder
of that name in its slot passed both: purge counted the journal's bytes as freed, undo put
the new folder back as the project's `node_modules`. Now the birth time (statx) must be the
one the journal kept; where the filesystem keeps none (ext4 with 128-byte inodes), the ctime
must not be later than the line saying the item moved.

Trust round 9: those inodes keep whole seconds, so a folder made in the slot within the
second of the move had the same ctime second and passed. Its generation number (ext4 draws
a new one for every inode) is kept in the intent now and must match.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import hermetic_env
from tests.safety.helpers import tidy
from tests.safety.mounts import ext4_or_here
from tests.safety.moves_helpers import node_project

pytestmark = pytest.mark.slow


def _fix(parent: Path, state: Path) -> tuple[Path, Path]:
    """A repo under `parent` whose node_modules `tidy fix` renamed into its git dir's trash:
    (root, the item in the trash)."""
    root = node_project(parent, repo=True)
    # A filesystem keeping whole seconds: a time in the second the scan begins counts as
    # changed (recheck.written_since, git's racy rule); the backdating just set every ctime.
    time.sleep(1 - time.time() % 1 + 0.05)
    done = tidy("fix", "--yes", "-q", "--select", "TDY1", str(root), cwd=parent, state=state)
    assert done.returncode == 0, done.stderr
    [moved] = _trash_intents(state)
    assert moved["method"] == "rename" and "/.git/tidy/trash/" in moved["dst"]
    return root, Path(moved["dst"])


def _trash_intents(state: Path) -> list[dict[str, object]]:
    return [entry for path in (state / "runs").glob("*.jsonl")
            for entry in map(json.loads, path.read_text().splitlines())
            if entry.get("action") == "trash"]


def _plant_on_its_inode(item: Path) -> None:
    """Delete the trashed item and make a folder of its name in its slot that has its inode
    number (ext4 gives it again; tried a few times); skip where the filesystem does not."""
    number = item.lstat().st_ino
    shutil.rmtree(item)
    for _ in range(20):
        item.mkdir()
        if item.lstat().st_ino == number:
            (item / "dep").mkdir()
            (item / "dep" / "index.js").write_text("require('child_process').exec('...')\n")
            return
        item.rmdir()
    pytest.skip("this filesystem gave the new folder another inode number")


def _purge(tmp_path: Path, state: Path) -> tuple[int, dict[str, object]]:
    purged = tidy("trash", "purge", "--yes", "--format", "json", cwd=tmp_path, state=state)
    return purged.returncode, json.loads(purged.stdout)


def test_purge_counts_nothing_for_a_folder_given_the_items_inode_number(
        tmp_path: Path) -> None:
    state = tmp_path / "state"
    (tmp_path / "fs").mkdir()
    with ext4_or_here(tmp_path / "fs") as fs:
        _root, item = _fix(fs, state)
        _plant_on_its_inode(item)
        code, body = _purge(tmp_path, state)
        assert code == 1, body
        assert body["freed_bytes"] == 0
        [error] = body["runs"][0]["errors"]  # type: ignore[index]
        assert "made after it" in error and "not counted as freed" in error
        assert not os.path.lexists(item)


def test_undo_never_puts_back_a_folder_given_the_items_inode_number(tmp_path: Path) -> None:
    state = tmp_path / "state"
    (tmp_path / "fs").mkdir()
    with ext4_or_here(tmp_path / "fs") as fs:
        root, item = _fix(fs, state)
        _plant_on_its_inode(item)
        undone = tidy("undo", "--yes", str(root), cwd=tmp_path, state=state)
        said = " ".join(undone.stdout.split())
        assert undone.returncode == 1, said + undone.stderr
        assert "made after it" in said and "nothing put back" in said
        assert not os.path.lexists(root / "web" / "node_modules")
        assert (item / "dep" / "index.js").exists()  # left where it is, for the user


def test_a_journal_without_the_birth_time_holds_it_to_the_intents_time(tmp_path: Path) -> None:
    """A run journaled by an older tidy (no `src_birth`): the folder was made after the
    intent was written, the item before."""
    state = tmp_path / "state"
    (tmp_path / "fs").mkdir()
    with ext4_or_here(tmp_path / "fs") as fs:
        _root, item = _fix(fs, state)
        [journal] = (state / "runs").glob("*.jsonl")
        lines = [json.loads(line) for line in journal.read_text().splitlines()]
        journal.write_text("".join(json.dumps({k: v for k, v in line.items()
                                                if k != "src_birth"}) + "\n"
                                   for line in lines))
        _plant_on_its_inode(item)
        code, body = _purge(tmp_path, state)
        assert code == 1 and body["freed_bytes"] == 0, body


@pytest.mark.parametrize("planted", [True, False], ids=["made since", "untouched"])
def test_where_no_birth_time_is_kept_the_ctime_decides(tmp_path: Path, planted: bool) -> None:
    """ext4 with 128-byte inodes keeps no birth time (and reuses inode numbers as any ext4):
    what the slot holds must not have changed since the line saying the item moved. The
    untouched item is still counted as freed."""
    state = tmp_path / "state"
    (tmp_path / "fs").mkdir()
    with ext4_or_here(tmp_path / "fs", mkfs=("-I", "128")) as fs:
        _root, item = _fix(fs, state)
        if "src_birth" in _trash_intents(state)[0]:
            pytest.skip("cannot mount an ext4 without birth times here (needs root)")
        if planted:
            # A journal of an older tidy (no generation number kept): these inodes keep whole
            # seconds, a person's rm and mkdir a second later are told apart by the ctime.
            [journal] = (state / "runs").glob("*.jsonl")
            lines = [json.loads(line) for line in journal.read_text().splitlines()]
            journal.write_text("".join(json.dumps({k: v for k, v in line.items()
                                                    if k != "src_gen"}) + "\n"
                                       for line in lines))
            time.sleep(1.1)
            _plant_on_its_inode(item)
        code, body = _purge(tmp_path, state)
        if planted:
            assert code == 1 and body["freed_bytes"] == 0, body
            [error] = body["runs"][0]["errors"]  # type: ignore[index]
            assert "its ctime is later" in error
        else:
            assert code == 0 and body["freed_bytes"] > 0, body
        assert not os.path.lexists(item)


def _fix_planting_meanwhile(root: Path, parent: Path, state: Path) -> Path:
    """`tidy fix` of root's node_modules, watched: as soon as its journal says the item
    moved, the trashed item is deleted and a folder given its inode number is made in its
    slot, within milliseconds of that line (so, but for a second's edge, in its second:
    what the ctime cannot tell apart). The trashed item in its slot."""
    time.sleep(1 - time.time() % 1 + 0.05)  # past the second the backdating was in (_fix)
    fix = subprocess.Popen(
        [sys.executable, "-m", "tidy", "fix", "--yes", "-q", "--select", "TDY1", str(root)],
        cwd=parent, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=hermetic_env({"TIDY_STATE_DIR": str(state)}))
    try:
        deadline = time.monotonic() + 120
        moved: dict[str, object] | None = None
        while moved is None and time.monotonic() < deadline:
            moved = _moved(state)
            time.sleep(0.002)
        assert moved is not None, "the fix never said it moved node_modules"
        item = Path(str(moved["dst"]))
        _plant_on_its_inode(item)
        _out, err = fix.communicate(timeout=120)
    finally:
        if fix.poll() is None:
            fix.kill()
            fix.wait()
    assert fix.returncode == 0, err
    return item


def _moved(state: Path) -> dict[str, object] | None:
    """The trash intent of the only run once its `done` line is in the journal."""
    for path in (state / "runs").glob("*.jsonl"):
        entries = [json.loads(line) for line in path.read_text().splitlines()
                   if line.endswith("}")]
        done = {e.get("ref") for e in entries if e.get("op") == "done"}
        for entry in entries:
            if entry.get("action") == "trash" and entry.get("seq") in done:
                return entry
    return None


@pytest.mark.parametrize("command", ["purge", "undo"])
def test_a_folder_made_within_the_second_of_the_move_is_not_the_item(
        tmp_path: Path, command: str) -> None:
    """ext4 with 128-byte inodes: no birth time, whole-second times. On main the planted
    folder passed the ctime check (its second was the move's): purge counted the journal's
    bytes for it, undo put it back as the project's node_modules."""
    state = tmp_path / "state"
    (tmp_path / "fs").mkdir()
    with ext4_or_here(tmp_path / "fs", mkfs=("-I", "128")) as fs:
        root = node_project(fs, repo=True)
        item = _fix_planting_meanwhile(root, fs, state)
        [intent] = _trash_intents(state)
        if "src_birth" in intent:
            pytest.skip("cannot mount an ext4 without birth times here (needs root)")
        assert item.lstat().st_ctime_ns % 1_000_000_000 == 0  # whole seconds, as said
        if command == "purge":
            code, body = _purge(tmp_path, state)
            assert code == 1 and body["freed_bytes"] == 0, body
            [error] = body["runs"][0]["errors"]  # type: ignore[index]
            assert "made after it" in error
            assert not os.path.lexists(item)
        else:
            undone = tidy("undo", "--yes", str(root), cwd=tmp_path, state=state)
            said = " ".join(undone.stdout.split())
            assert undone.returncode == 1, said + undone.stderr
            assert "made after it" in said and "nothing put back" in said
            assert not os.path.lexists(root / "web" / "node_modules")
            assert (item / "dep" / "index.js").exists()


def test_an_untouched_item_on_such_a_filesystem_is_still_put_back(tmp_path: Path) -> None:
    """The generation number kept at the move is the item's own: undo puts it back."""
    state = tmp_path / "state"
    (tmp_path / "fs").mkdir()
    with ext4_or_here(tmp_path / "fs", mkfs=("-I", "128")) as fs:
        root, _item = _fix(fs, state)
        [intent] = _trash_intents(state)
        if "src_birth" in intent:
            pytest.skip("cannot mount an ext4 without birth times here (needs root)")
        assert isinstance(intent.get("src_gen"), int)
        undone = tidy("undo", "--yes", str(root), cwd=tmp_path, state=state)
        assert undone.returncode == 0, undone.stdout + undone.stderr
        assert (root / "web" / "node_modules" / "dep" / "index.js").exists()
