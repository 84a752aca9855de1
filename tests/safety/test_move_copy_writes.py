"""A move across filesystems never deletes what it did not copy.

Where no trash can be made on an item's filesystem, tidy copies it into the trash, verifies
the copy, then deletes the original. The old code deleted the whole original tree: a file a
build or `npm install` wrote into it after the comparison had passed its folder was in
neither place afterwards, and `tidy undo` could not bring it back. The recovery of a run
killed after the copy was verified did the same to whatever stood at home by then (a
`node_modules` rebuilt since the kill, files written into it). Now only what matches the
verified copy is deleted (type, size, mtime, mode, link target, and no change since the copy
was verified); anything else stays at home and the outcome says so.

Real processes on a real tmpfs: strace holds `tidy fix` at the rename that finishes the
copy (every run meets the window), or at each delete of the original while it is killed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixes.helpers import backdate, snapshot
from tests.safety.helpers import held_tidy, tidy

HOLD_S = 3


def _held_fix(root: Path, state: Path, syscall: str, when: str) -> subprocess.Popen[bytes]:
    """`tidy fix --yes` under strace, each matching `syscall` held HOLD_S (or 1 s) first."""
    return held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(root),
                     cwd=root.parent, state=root.parent.parent / "st", syscall=syscall,
                     hold_s=HOLD_S if when else 1, when=when or "1+")


def _wait_for(found: object, proc: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if callable(found) and found():
            return
        time.sleep(0.01)
    raise AssertionError(f"never saw {what}")


def _journal(state: Path) -> list[dict[str, object]]:
    runs = [p for p in (state / "runs").glob("*.jsonl")] if (state / "runs").is_dir() else []
    return [json.loads(line) for p in runs for line in p.read_text().splitlines()
            if line.endswith("}")]


@pytest.mark.slow
def test_a_file_written_after_the_copy_was_compared_stays_at_home(
        no_trash_of_its_own: Path) -> None:
    root = no_trash_of_its_own
    state = root.parent.parent / "st"
    cache = root / "web" / "node_modules"
    before = snapshot(cache)
    fix = _held_fix(root, state, "renameat2", "1")  # the verified copy's rename into place
    copied = state / "trash"
    _wait_for(lambda: any(p.name == "index.js" and p.stat().st_size == 19
                          for p in copied.rglob("index.js")) if copied.is_dir() else False,
              fix, "the copy in the trash")
    time.sleep(1.0)  # the comparison of one small file is long done: tidy is held at the rename
    assert fix.poll() is None, "tidy was not held at the rename"
    late = cache / "dep" / "written-during-the-move.txt"
    late.write_text("written by npm while tidy moved the folder\n")

    out, err = fix.communicate(timeout=120)
    (outcome,) = json.loads(out)["result"]["outcomes"]
    assert late.read_text() == "written by npm while tidy moved the folder\n", (
        f"deleted, never copied: {outcome}")
    assert "left in place" in str(outcome["reason"]) and outcome["attention"], outcome
    (intent,) = [e for e in _journal(state) if e.get("op") == "intent"]
    assert snapshot(Path(str(intent["dst"]))) == before  # the verified copy is whole
    assert sorted(os.listdir(cache / "dep")) == ["written-during-the-move.txt"]
    assert fix.returncode == 1, err.decode()


@pytest.mark.slow
def test_recovery_after_a_kill_mid_delete_keeps_what_was_written_at_home_since(
        no_trash_of_its_own: Path) -> None:
    root = no_trash_of_its_own
    state = root.parent.parent / "st"
    cache = root / "web" / "node_modules"
    before = snapshot(cache)
    fix = _held_fix(root, state, "unlinkat", "")  # every delete waits 1 s
    _wait_for(lambda: any(e.get("op") == "copied" for e in _journal(state)), fix,
              "the copy verified")
    os.killpg(fix.pid, signal.SIGKILL)  # while it deletes the original
    fix.communicate(timeout=30)
    # After the kill, npm writes into the folder that is still at home (in its folder, set
    # aside while it was being deleted: trust round 17; the next tidy renames it back).
    (held,) = [p for p in cache.parent.iterdir()
               if p.name == "node_modules" or p.name.startswith(".tidy-aside-")]
    (held / "dep" / "written-after-the-kill.txt").write_text("the user's build output\n")
    late = cache / "dep" / "written-after-the-kill.txt"

    listed = tidy("trash", "list", cwd=root.parent, state=state)  # recovers the killed run
    assert listed.returncode == 0, listed.stderr
    assert late.read_text() == "the user's build output\n"
    (intent,) = [e for e in _journal(state) if e.get("op") == "intent"]
    assert snapshot(Path(str(intent["dst"]))) == before  # the verified copy is in the trash
    assert sorted(os.listdir(cache / "dep")) == ["written-after-the-kill.txt"]
    assert sorted(os.listdir(cache.parent)) == ["node_modules", "package.json"]


# -- the rule itself, over varied trees (in process, on real files) ---------------------------
_NAMES = st.sampled_from(["a", "b", "c", "-x", "sp ace", "n\nl", "\udcff"])
_TREE = st.recursive(
    st.one_of(st.binary(max_size=40), st.sampled_from([("link", "a"), ("link", "../b")])),
    lambda inner: st.dictionaries(_NAMES, inner, min_size=1, max_size=3), max_leaves=12)


def _build(path: Path, node: object, inodes: dict[bytes, Path]) -> None:
    if isinstance(node, dict):
        path.mkdir()
        for name, child in node.items():
            _build(path / name, child, inodes)
    elif isinstance(node, tuple):
        os.symlink(node[1], path)
    else:
        assert isinstance(node, bytes)
        if node in inodes and node:  # the same bytes again: a hard link to the first
            os.link(inodes[node], path)
        else:
            path.write_bytes(node)
            inodes[node] = path


def _files_and_links(path: Path) -> list[Path]:
    return sorted(Path(d) / n for d, dirs, files in os.walk(path) for n in files + [
        x for x in dirs if os.path.islink(os.path.join(d, x))])


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=_TREE.filter(lambda t: isinstance(t, dict)), changes=st.lists(
    st.tuples(st.integers(0, 50), st.sampled_from(["new", "append", "touch"])), max_size=3))
def test_only_what_the_copy_holds_unchanged_is_deleted(tmp_path_factory: pytest.TempPathFactory,
                                                       tree: object,
                                                       changes: list[tuple[int, str]]) -> None:
    from tidy.fixes.fdops import open_dir, remove_copied_at
    from tidy.fixes.trash.move import copy_tree

    base = tmp_path_factory.mktemp("tree")
    src, dst = base / "node_modules", base / "copy"
    _build(src, tree, {})
    backdate(src)
    before = snapshot(src)
    since = time.time_ns()
    copy_tree(str(src), str(dst))
    kept: set[Path] = set()
    entries = _files_and_links(src)
    for index, how in changes:  # what a build does to the original after the copy
        if not entries:
            break
        target = entries[index % len(entries)]
        if how == "new":
            folder = target.parent
            extra = folder / f"new{index}.js"
            extra.write_text("written after the copy\n")
            kept.add(extra)
        elif not target.is_symlink():
            with open(target, "ab") as f:
                f.write(b"more") if how == "append" else None
            os.utime(target)  # "touch": a new mtime (and ctime)
            inode = target.stat().st_ino  # its hard-linked twins changed with it
            kept.update(p for p in entries if not p.is_symlink() and p.stat().st_ino == inode)
    parent = open_dir(str(base))
    try:
        left = remove_copied_at(parent, "node_modules", parent, "copy", since)
    finally:
        os.close(parent)
    assert snapshot(dst) == before  # the copy is untouched
    remaining = set(_files_and_links(src)) if src.exists() else set()
    assert remaining == kept, (left, remaining, kept)  # exactly the changed ones stay
    assert bool(left) == bool(kept)


@pytest.mark.slow
def test_a_folder_swapped_for_a_link_after_the_copy_is_never_deleted_through(
        no_trash_of_its_own: Path) -> None:
    """Held at the rename that finishes the verified copy, `dep` is moved aside and a link
    to a folder outside the root, holding the same names, bytes and times, takes its
    name: the delete of the original never follows it (what it finds is not what it
    copied: it stays). Held on the old code (trust-probe-4); kept as a guard."""
    import shutil

    root = no_trash_of_its_own
    state = root.parent.parent / "st"
    cache = root / "web" / "node_modules"
    decoy = root.parent.parent / "decoy"
    shutil.copytree(cache / "dep", decoy, copy_function=shutil.copy2)
    decoy_before = snapshot(decoy)
    fix = _held_fix(root, state, "renameat2", "1")
    copied = state / "trash"
    _wait_for(lambda: any(p.name == "index.js" for p in copied.rglob("index.js"))
              if copied.is_dir() else False, fix, "the copy in the trash")
    time.sleep(1.0)
    assert fix.poll() is None, "tidy was not held at the rename"
    os.rename(cache / "dep", root / "web" / "dep-aside")
    os.symlink(decoy, cache / "dep")

    out, _ = fix.communicate(timeout=120)
    (outcome,) = json.loads(out)["result"]["outcomes"]
    assert snapshot(decoy) == decoy_before, f"deleted through the link: {outcome}"
    assert (cache / "dep").is_symlink()
    assert "left in place" in str(outcome["reason"]), outcome
    assert (root / "web" / "dep-aside" / "index.js").is_file()  # never reached either
