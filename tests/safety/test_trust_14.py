"""Trust round 14: a planned folder written to after its last check, before its move.

The re-check before a move walks the item (fixes/recheck.py step 6), but a batch checks up to
256 items, syncs their intents, then renames each: a write landing in that window (or in a
tree of more than FULL_CHECK_ENTRIES, a file rewritten in place, which its folder does not
show) was carried into the trash with the folder, and the user's new file vanished from
where they wrote it. Now the item is renamed into the trash first (atomic: a path-based
writer can no longer add to it there), its moved tree walked by descriptors, and put back
when anything in it changed after the scan began (fixes/trash/settled.py).

Each fix is held (strace) at its first renameat2, the first move, once every intent is on
disk; a second process then writes deep inside a planned folder. On 658633b..b87a4ff every
one of these moved the user's write into the trash.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import held_tidy, tidy, wait_for_intents
from tidy.fixes.recheck import written_since

pytestmark = pytest.mark.slow

DEEP = "dep/lib/deep"


# Each folder kind: (its path below the project, the files that make it that kind).
KINDS: dict[str, tuple[str, dict[str, str]]] = {
    "node_modules": ("node_modules", {"package.json": "{}\n"}),
    "__pycache__": ("pkg/__pycache__", {"pkg/mod.py": "x = 1\n"}),
    "pytest_cache": (".pytest_cache", {"test_a.py": "def test(): pass\n"}),
    "mypy_cache": (".mypy_cache", {"pyproject.toml": '[project]\nname = "p"\n'}),
}


def _project(ws: Path, kind: str) -> tuple[Path, Path]:
    """A project holding one folder of `kind` with a file three folders deep, and a second
    project's node_modules (moved in the same run, unwritten)."""
    folder, files = KINDS[kind]
    project = ws / "a"
    for name, text in files.items():
        write(project / name, text)
    planned = project / folder
    write(planned / DEEP / "index.js", "module.exports = 1\n")
    write(planned / "top.txt", "t\n")
    other = ws / "b"
    write(other / "package.json", "{}\n")
    write(other / "node_modules" / "x" / "i.js", "1\n")
    backdate(ws)
    return planned, other / "node_modules"


def _second_process(script: str, cwd: Path) -> None:
    """A write by another process (a shell), by path, as an editor or a build would."""
    subprocess.run(["sh", "-c", script], cwd=cwd, check=True, timeout=30)


WRITES = {
    "new deep file": f"printf 'mine\\n' > {DEEP}/mine.txt",
    "new subfolder": f"mkdir -p {DEEP}/new/sub && printf 'mine\\n' > {DEEP}/new/sub/mine.txt",
    "file replaced by a link": f"ln -sf ../../../top.txt {DEEP}/index.js",
    "file rewritten in place": f"printf 'mine\\n' > {DEEP}/index.js",
}


def _held_fix(ws: Path, state: Path) -> subprocess.Popen[str]:
    return held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(ws),
                     cwd=ws.parent, state=state, syscall="renameat2", hold_s=2.5, text=True)


def _outcomes(out: str) -> dict[str, dict[str, object]]:
    return {o["path"]: o for o in json.loads(out)["result"]["outcomes"]}


def _left_in_place(planned: Path, fix: subprocess.Popen[str], check: str) -> None:
    out, err = fix.communicate(timeout=120)
    outcomes = _outcomes(out)
    mine = outcomes[str(planned)]
    assert mine["status"] == "skipped", out + err
    assert "changed after the scan began" in str(mine["reason"])
    assert "put back" in str(mine["reason"])
    assert planned.is_dir(), "the planned folder is not where it was"
    assert os.path.lexists(planned / check), "the user's write is gone from where it was made"
    assert (planned / "top.txt").read_text() == "t\n"


@pytest.mark.parametrize("how", list(WRITES))
def test_a_write_into_a_node_modules_after_its_check_leaves_it_in_place(
        tmp_path: Path, how: str) -> None:
    ws, state = tmp_path / "ws", tmp_path / "state"
    planned, other = _project(ws, "node_modules")
    fix = _held_fix(ws, state)
    wait_for_intents(state, 2)
    _second_process(WRITES[how], planned)  # in the window: intents synced, nothing moved
    check = {"new subfolder": f"{DEEP}/new/sub/mine.txt", "new deep file": f"{DEEP}/mine.txt"
             }.get(how, f"{DEEP}/index.js")
    _left_in_place(planned, fix, check)
    if how == "file rewritten in place":
        assert (planned / check).read_text() == "mine\n"
    if how == "file replaced by a link":
        assert os.readlink(planned / check) == "../../../top.txt"
    assert not other.exists(), "the unwritten node_modules was not moved"
    undo = tidy("undo", "--yes", cwd=ws, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert (other / "x" / "i.js").read_text() == "1\n"
    assert os.path.lexists(planned / check)


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "node_modules"])
def test_a_new_deep_file_in_any_folder_kind_after_its_check_stays(
        tmp_path: Path, kind: str) -> None:
    ws, state = tmp_path / "ws", tmp_path / "state"
    planned, other = _project(ws, kind)
    fix = _held_fix(ws, state)
    wait_for_intents(state, 2)
    _second_process(WRITES["new deep file"], planned)
    _left_in_place(planned, fix, f"{DEEP}/mine.txt")
    assert not other.exists()


def test_an_unwritten_folder_still_moves_whole_and_comes_back(tmp_path: Path) -> None:
    ws, state = tmp_path / "ws", tmp_path / "state"
    planned, other = _project(ws, "node_modules")
    done = tidy("fix", "--yes", "-q", "--select", "TDY1", str(ws), cwd=tmp_path, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not planned.exists() and not other.exists()
    undo = tidy("undo", "--yes", cwd=ws, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert (planned / DEEP / "index.js").read_text() == "module.exports = 1\n"
    assert (other / "x" / "i.js").read_text() == "1\n"


@given(since=st.integers(1_000_000_000, 4_000_000_000 * 10**9),
       after=st.integers(1, 2 * 10**9))
def test_a_write_after_the_scan_began_is_seen_on_a_filesystem_of_whole_seconds(
        since: int, after: int) -> None:
    """ext4 with 128-byte inodes (and FAT, some network filesystems) keep whole seconds: a
    write `after` ns past `since` is stamped with its second, which may be before `since`."""
    written = since + after
    whole = written - written % 10**9
    assert written_since(_times(whole, whole), since)
    assert not written_since(_times(since - 1, since - 1), since) or (since - 1) % 10**9 == 0


def _times(mtime_ns: int, ctime_ns: int) -> os.stat_result:
    """A stat result of a regular file with these times (the rest of no matter here)."""
    seconds = (0, mtime_ns // 10**9, ctime_ns // 10**9)
    return os.stat_result((0o100644, 1, 1, 1, 0, 0, 0, *seconds,
                           *(float(s) for s in seconds), 0, mtime_ns, ctime_ns))
