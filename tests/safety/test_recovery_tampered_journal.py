"""Recovery after a kill, fed a journal someone edited (trust round 9).

A run killed mid-fix leaves a journal without its `end`; the next `tidy fix`, `tidy undo` or
`tidy trash list` resolves each open intent from the disk. Journals are input: anyone who
writes the state folder writes them, and the trash a copy went into (the repo's git dir, a
`.tidy-trash` in the tree) is written by whatever writes the repo. Recovery believed a
`copied` line, and a copy's size, mtime and mode, enough to delete the original at home: a
"copy" of the same sizes and times holding other bytes made it delete a source folder. An
`undo-copied` line made it delete the trashed item whatever stood at home. Now what either
deletes must hold the same bytes as what stays.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import hermetic_env, make_repo, write
from tests.safety.helpers import tidy
from tidy.fixes.journal import new_run_id


def _killed_run(state: Path, root: Path, entries: list[dict[str, Any]]) -> str:
    """A journal of a run killed after these entries (no `end`, no lock held): its begin
    first, seq and time filled in."""
    runs = state / "runs"
    runs.mkdir(parents=True, exist_ok=True, mode=0o700)
    state.chmod(0o700)
    run_id = new_run_id(time.time() - 30)
    lines = [{"op": "begin", "command": "fix", "cwd": str(root), "roots": [str(root)],
              "pid": 1, "version": "0.1.0", "argv": ["tidy", "fix"]}, *entries]
    now = time.time()
    with open(runs / f"{run_id}.jsonl", "w") as journal:
        for seq, entry in enumerate(lines):
            journal.write(json.dumps({"run": run_id, "seq": seq, "time": now - 20, **entry})
                          + "\n")
    return run_id


def _slot(root: Path, run_id: str) -> Path:
    slot = root / ".tidy-trash" / run_id / "000000"
    slot.mkdir(parents=True)
    for folder in (root / ".tidy-trash", root / ".tidy-trash" / run_id, slot):
        folder.chmod(0o700)
    return slot


def _same_sizes_other_bytes(home: Path, fake: Path) -> None:
    """fake: home's tree, every file of the same size, mode and mtime, all zero bytes."""
    for folder, _dirs, files in os.walk(home):
        target = fake / os.path.relpath(folder, home)
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            st = os.lstat(os.path.join(folder, name))
            (target / name).write_bytes(b"\0" * st.st_size)
            (target / name).chmod(st.st_mode & 0o7777)
            os.utime(target / name, ns=(st.st_atime_ns, st.st_mtime_ns))
        os.utime(target, ns=(os.lstat(folder).st_atime_ns, os.lstat(folder).st_mtime_ns))


def _intent(root: Path, name: str, run_id: str, **more: Any) -> dict[str, Any]:
    path = root / name
    st = os.lstat(path)
    return {"op": "intent", "action": "trash", "path": str(path),
            "dst": str(root / ".tidy-trash" / run_id / "000000" / name), "method": "copy",
            "code": "TDY101", "kind": "node_modules", "bytes": 1, "files": 1,
            "root": str(root), "scan_root": str(root), "type": "dir", "mode": 0o755,
            "src_dev": st.st_dev, "src_ino": st.st_ino, **more}


def test_a_forged_copied_line_never_deletes_a_folder_a_fake_copy_mimics(tmp_path: Path) -> None:
    """The intent says `src` was copied to the trash (its `copied` line), the trash slot holds
    a tree of the same names, sizes, modes and mtimes but zero bytes: on main recovery
    (started by `tidy trash list`) deleted every file of `src` as "copied"."""
    root, state = tmp_path / "repo", tmp_path / "state"
    make_repo(root)
    write(root / "src" / "app.py", "print('the only copy of this code')\n")
    write(root / "src" / "pkg" / "core.py", "VALUE = 42\n")
    run_id = new_run_id(time.time() - 30)
    slot = _slot(root, run_id)
    _same_sizes_other_bytes(root / "src", slot / "src")
    intent = _intent(root, "src", run_id)
    run_id = _rename_run(state, root, slot, run_id, [intent, {"op": "copied", "ref": 1}],
                         later=60)
    listed = tidy("trash", "list", cwd=tmp_path, state=state)
    assert listed.returncode in (0, 1), listed.stderr
    assert (root / "src" / "app.py").read_text() == "print('the only copy of this code')\n"
    assert (root / "src" / "pkg" / "core.py").read_text() == "VALUE = 42\n"


def test_a_forged_undo_copied_line_never_deletes_the_trashed_item(tmp_path: Path) -> None:
    """An undo of a copy said to be half done (`undo-copied`: the copy home verified) while
    something else of that name stands at home: on main recovery deleted the trashed item,
    the only copy of what the fix moved."""
    root, state = tmp_path / "repo", tmp_path / "state"
    make_repo(root)
    write(root / "web" / "node_modules" / "dep" / "index.js", "module.exports = 'new'\n")
    run_id = new_run_id(time.time() - 30)
    slot = _slot(root / "web", run_id)
    write(slot / "node_modules" / "dep" / "index.js", "module.exports = 'the old one'\n")
    intent = _intent(root / "web", "node_modules", run_id, scan_root=str(root))
    run_id = _rename_run(state, root, slot, run_id, [
        intent, {"op": "done", "ref": 1}, {"op": "undo-intent", "ref": 1},
        {"op": "undo-copied", "ref": 1}], later=0)
    listed = tidy("trash", "list", cwd=tmp_path, state=state)
    assert listed.returncode in (0, 1), listed.stderr
    kept = slot / "node_modules" / "dep" / "index.js"
    assert kept.read_text() == "module.exports = 'the old one'\n"
    assert (root / "web" / "node_modules" / "dep" / "index.js").read_text() == \
        "module.exports = 'new'\n"


def _rename_run(state: Path, root: Path, slot: Path, run_id: str,
                entries: list[dict[str, Any]], later: float) -> str:
    """Write the killed run's journal under run_id (its slot already made); `later`: seconds
    after now the intent's time says (a forged time no file at home is newer than)."""
    written = _killed_run(state, root, entries)
    journal = state / "runs" / f"{written}.jsonl"
    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    for line in lines:
        line["run"] = run_id
        if line.get("op") == "intent":
            line["time"] = time.time() + later
    journal.unlink()
    (state / "runs" / f"{run_id}.jsonl").write_text(
        "".join(json.dumps(line) + "\n" for line in lines))
    assert slot.is_dir()
    return run_id


@pytest.mark.parametrize("size", [3 << 30, 900 << 20], ids=["3 GiB", "900 MiB, one line"])
def test_a_journal_swapped_for_a_huge_file_is_set_aside_unread(tmp_path: Path,
                                                               size: int) -> None:
    """A run's journal replaced by a sparse file: on main every command that lists runs
    read it whole (3 GiB: 4 GB of memory and 50 s for `tidy trash list`). Now one over the
    size bound is not read, one long line stops at the line's bound: set aside as damaged,
    named, the listing works."""
    state = tmp_path / "state"
    (state / "runs").mkdir(parents=True, mode=0o700)
    state.chmod(0o700)
    run_id = new_run_id(time.time() - 30)
    with open(state / "runs" / f"{run_id}.jsonl", "wb") as journal:
        journal.truncate(size)
    with open(tmp_path / "err", "wb") as err_file:
        # tidy started by a small process in between: a child forked straight from this
        # pytest process (hundreds of MB into a whole suite) would report pytest's peak as
        # its own, as Linux carries the high-water mark over exec.
        measured = subprocess.run(
            [sys.executable, "-c", _PEAK_OF, sys.executable, "-m", "tidy", "trash", "list"],
            cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err_file,
            env=hermetic_env({"TIDY_STATE_DIR": str(state)}), check=True, text=True)
    returncode, peak_kb = map(int, measured.stdout.split())
    err = (tmp_path / "err").read_bytes()
    assert returncode == 0, err
    assert b"damaged" in err and run_id.encode() in err
    assert (state / "runs" / f"{run_id}.jsonl.damaged").exists()
    assert peak_kb < 300 * 1024, f"{peak_kb} kB"


# Runs argv[1:] with stdout discarded; prints its exit code and its own peak memory (kB).
_PEAK_OF = """import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_pid, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def test_a_forged_undo_intent_never_deletes_a_users_partial_file(tmp_path: Path) -> None:
    """An undo of a copy said to have begun (`undo-intent`, its time forged to 0) and killed:
    recovery removed `<name>.partial` at home as the half copy it had made, whatever it
    held: here the user's own `report.partial`, which holds nothing of the trashed item."""
    root, state = tmp_path / "repo", tmp_path / "state"
    make_repo(root)
    write(root / "docs" / "report", "the report\n")
    write(root / "docs" / "report.partial", "a draft only the user has\n")
    run_id = new_run_id(time.time() - 30)
    slot = _slot(root / "docs", run_id)
    write(slot / "report", "the report as the fix moved it\n")
    intent = _intent(root / "docs", "report", run_id, scan_root=str(root), type="file",
                     mode=0o644)
    run_id = _rename_run(state, root, slot, run_id, [
        intent, {"op": "done", "ref": 1}, {"op": "undo-intent", "ref": 1}], later=0)
    journal = state / "runs" / f"{run_id}.jsonl"
    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    lines[-1]["time"] = 0
    journal.write_text("".join(json.dumps(line) + "\n" for line in lines))
    listed = tidy("trash", "list", cwd=tmp_path, state=state)
    assert listed.returncode in (0, 1), listed.stderr
    assert (root / "docs" / "report.partial").read_text() == "a draft only the user has\n"
    assert (slot / "report").exists()
