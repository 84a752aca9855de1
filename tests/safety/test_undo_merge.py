"""`tidy undo` after a cross-filesystem move that left late-written files at home.

The copy fallback deletes of the original only what the verified copy holds; what a build
wrote meanwhile stays at home ("left in place"). Before, `tidy undo` then failed with
"something now exists at the original path" and the user had to merge the trash copy back by
hand. Now undo puts the copy back around what stayed at home, entry by entry, never over
anything: an entry at home that differs from the copy (or a link, or another type where the
copy has a folder) keeps the trash's version in the trash, reported (exit 1).

Real processes on a real tmpfs (the fixture of test_move_copy_writes): strace holds
`tidy fix` at the rename that finishes the copy, and a file is written at home meanwhile.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.fixes.helpers import backdate, snapshot
from tests.safety.helpers import tidy
from tests.safety.test_move_copy_writes import _held_fix, _journal, _wait_for

pytestmark = pytest.mark.slow


def _move_leaving(root: Path, late: dict[str, str], edits: dict[str, str] | None = None
                  ) -> tuple[Path, Path]:
    """Run the held fix; while it waits to finish the copy, write `late` (new files) and
    `edits` (changes to files the copy holds) at home. The state folder, the trash copy."""
    state = root.parent.parent / "st"
    cache = root / "web" / "node_modules"
    fix = _held_fix(root, state, "renameat2", "1")
    copied = state / "trash"
    _wait_for(lambda: any(p.name == "index.js" and p.stat().st_size == 19
                          for p in copied.rglob("index.js")) if copied.is_dir() else False,
              fix, "the copy in the trash")
    time.sleep(1.0)
    assert fix.poll() is None, "tidy was not held at the rename"
    for rel, text in {**late, **(edits or {})}.items():
        (cache / rel).parent.mkdir(parents=True, exist_ok=True)
        (cache / rel).write_text(text)
    out, _ = fix.communicate(timeout=120)
    (outcome,) = json.loads(out)["result"]["outcomes"]
    assert "left in place" in str(outcome["reason"]), outcome
    (intent,) = [e for e in _journal(state) if e.get("op") == "intent"]
    return state, Path(str(intent["dst"]))


def test_undo_puts_the_copy_back_around_what_stayed_at_home(
        no_trash_of_its_own: Path) -> None:
    root = no_trash_of_its_own
    cache = root / "web" / "node_modules"
    before = snapshot(cache)
    state, in_trash = _move_leaving(root, {"dep/late\nname.txt": "npm wrote this\n"})

    undo = tidy("undo", cwd=root.parent, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    after = snapshot(cache)
    assert {k: v for k, v in after.items() if b"late" not in k} == before
    assert (cache / "dep" / "late\nname.txt").read_text() == "npm wrote this\n"
    assert not in_trash.exists()
    assert "around" in undo.stdout + undo.stderr  # it says what it did


def test_an_entry_changed_at_home_is_never_overwritten_and_stays_in_the_trash(
        no_trash_of_its_own: Path) -> None:
    root = no_trash_of_its_own
    cache = root / "web" / "node_modules"
    (cache / "other.js").write_text("other\n")
    backdate(cache)
    before = snapshot(cache)
    state, in_trash = _move_leaving(root, {"late.txt": "new\n"},
                                    {"dep/index.js": "the user's edit\n"})

    undo = tidy("undo", cwd=root.parent, state=state)
    assert undo.returncode == 1, undo.stdout + undo.stderr
    assert (cache / "dep" / "index.js").read_text() == "the user's edit\n"
    assert (cache / "other.js").read_text() == "other\n"  # the rest came back
    assert (cache / "late.txt").read_text() == "new\n"
    assert (in_trash / "dep" / "index.js").read_text() == "module.exports = 1\n"
    assert "dep/index.js" in undo.stdout + undo.stderr
    assert snapshot(in_trash) == {b"dep": before[b"dep"], b"dep/index.js": before[b"dep/index.js"]}


def test_a_folder_at_home_swapped_for_a_link_is_never_written_through(
        no_trash_of_its_own: Path) -> None:
    root = no_trash_of_its_own
    cache = root / "web" / "node_modules"
    (cache / "other.js").write_text("other\n")
    backdate(cache)
    state, in_trash = _move_leaving(root, {"dep/late.txt": "late\n"})
    outside = root.parent / "outside"  # on the same tmpfs
    outside.mkdir()
    (cache / "dep").rename(outside / "dep")
    (cache / "dep").symlink_to(outside / "dep")

    undo = tidy("undo", cwd=root.parent, state=state)
    assert undo.returncode == 1, undo.stdout + undo.stderr
    assert sorted(p.name for p in (outside / "dep").iterdir()) == ["late.txt"]
    assert (cache / "dep").is_symlink()
    assert (in_trash / "dep" / "index.js").read_text() == "module.exports = 1\n"
    assert (cache / "other.js").read_text() == "other\n"


def test_a_folder_rebuilt_at_home_is_not_merged_into(no_trash_of_its_own: Path) -> None:
    """Only the very folder the move left in place is merged into; a node_modules made anew
    since (npm install after the fix) is another tree: undo refuses as before."""
    root = no_trash_of_its_own
    cache = root / "web" / "node_modules"
    state, in_trash = _move_leaving(root, {"late.txt": "late\n"})
    (cache / "late.txt").unlink()
    cache.rmdir()
    (cache / "fresh").mkdir(parents=True)

    undo = tidy("undo", cwd=root.parent, state=state)
    assert undo.returncode == 1, undo.stdout + undo.stderr
    assert "something now exists" in undo.stdout + undo.stderr
    assert sorted(p.name for p in cache.iterdir()) == ["fresh"]
    assert (in_trash / "dep" / "index.js").exists()


def test_a_file_replaced_by_a_folder_at_home_is_never_merged_over(
        no_trash_of_its_own: Path) -> None:
    root = no_trash_of_its_own
    cache = root / "web" / "node_modules"
    state, in_trash = _move_leaving(root, {"dep/late.txt": "late\n"})
    (cache / "dep" / "index.js").mkdir()  # where the copy holds a file
    (cache / "dep" / "index.js" / "mine.txt").write_text("mine\n")

    undo = tidy("undo", cwd=root.parent, state=state)
    assert undo.returncode == 1, undo.stdout + undo.stderr
    assert (cache / "dep" / "index.js" / "mine.txt").read_text() == "mine\n"
    assert (in_trash / "dep" / "index.js").read_text() == "module.exports = 1\n"
    assert "dep/index.js" in undo.stdout and len(undo.stdout.splitlines()) <= 3
