"""Recovery of runs killed at each step of a move, for states a SIGKILL can leave on disk.

test_kill.py kills a real process, but a rename is atomic, so the kill almost always lands
between two items. The copy fallback has more steps; here each in-between state is made
for real (the same copy code, a journal written up to that step, the lock then released as
a kill would) and recovery must end with every byte in exactly one place.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import write
from tests.fixes.helpers import backdate, snapshot
from tidy.fixes import Status
from tidy.fixes.apply import recover_interrupted, undo_run
from tidy.fixes.journal import RunJournal, read_run
from tidy.fixes.trash.move import copy_tree
from tidy.fixes.trash.purge import summarize


def setup(tmp_path: Path) -> tuple[Path, Path, dict[bytes, object]]:
    scan_root = tmp_path / "work"
    src = scan_root / "proj" / "node_modules"
    for i in range(6):
        write(src / f"d{i}" / "f.js", f"file {i}\n")
    os.symlink("d0/f.js", src / "link")
    backdate(scan_root)
    return scan_root, src, snapshot(src)


def killed_run(src: Path, scan_root: Path, method: str, *ops: str) -> tuple[str, Path]:
    """A journal as a run killed after writing `ops` for one intent (lock released);
    (run id, the trash path the intent names)."""
    journal = RunJournal.create("fix", (str(scan_root),), argv=["tidy", "fix", "--yes"])
    slot = scan_root.parent / "tidy-state" / "trash" / journal.run_id / "000000"
    slot.mkdir(parents=True)
    dst = slot / src.name
    st = src.stat()  # as tidy's intent records it: undo puts back only that very item
    seq = journal.intent("trash", path=str(src), dst=str(dst), method=method, bytes=60, files=6,
                         scan_root=str(scan_root), type="dir", mode=0o755,
                         src_dev=st.st_dev, src_ino=st.st_ino)
    for op in ops:
        journal.write({"op": op, "ref": seq}, sync=True)
    journal.close()
    return journal.run_id, dst


def test_half_copied_is_rolled_back_to_the_original(tmp_path: Path) -> None:
    scan_root, src, before = setup(tmp_path)
    run_id, dst = killed_run(src, scan_root, "copy")
    partial = Path(str(dst) + ".partial")
    copy_tree(str(src / "d0"), str(partial))  # the kill hit mid-copy
    assert summarize(read_run(run_id)).status == "interrupted"
    (result,) = recover_interrupted()
    assert result.run_id == run_id and result.outcomes[0].reason.startswith("had not moved")
    assert not partial.exists() and snapshot(src) == before
    assert recover_interrupted() == []  # idempotent: nothing left in flight


def test_copied_but_original_half_deleted_is_finished_then_undone(tmp_path: Path) -> None:
    scan_root, src, before = setup(tmp_path)
    run_id, dst = killed_run(src, scan_root, "copy", "copied")
    copy_tree(str(src), str(dst))
    for i in range(3):  # the kill hit while the original was being deleted
        os.unlink(src / f"d{i}" / "f.js")
        os.rmdir(src / f"d{i}")
    (result,) = recover_interrupted()
    assert "was moved" in result.outcomes[0].reason
    assert not src.exists() and snapshot(dst) == before
    undone = undo_run(run_id)
    assert [o.status for o in undone.outcomes] == [Status.DONE]
    assert snapshot(src) == before


def test_rename_done_but_not_journaled_counts_as_moved(tmp_path: Path) -> None:
    scan_root, src, before = setup(tmp_path)
    run_id, dst = killed_run(src, scan_root, "rename")
    os.rename(src, dst)
    recover_interrupted()
    record = read_run(run_id)
    assert record.interrupted and record.intents()[0].applied
    assert summarize(record).items == 1
    undo_run(run_id)
    assert snapshot(src) == before


def test_rename_not_done_counts_as_not_moved(tmp_path: Path) -> None:
    scan_root, src, before = setup(tmp_path)
    run_id, _ = killed_run(src, scan_root, "rename")
    recover_interrupted()
    record = read_run(run_id)
    assert not record.intents()[0].applied and summarize(record).status == "interrupted"
    assert snapshot(src) == before


def test_undo_killed_after_the_rename_back_is_resolved(tmp_path: Path) -> None:
    scan_root, src, before = setup(tmp_path)
    run_id, dst = killed_run(src, scan_root, "rename", "done", "undo-intent")
    # the undo renamed it back, then died before writing undo-done
    recover_interrupted()
    record = read_run(run_id)
    assert not record.intents()[0].applied  # restored: nothing left to undo
    assert snapshot(src) == before
    assert not dst.exists()
