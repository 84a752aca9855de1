"""Fixes at scale: thousands of items through one run, each still checked, journaled and
recoverable; git's tracked set asked again per batch; a plan of thousands of rows printed.

Real trees, real git, real children killed with SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import git, make_repo, write
from tests.fixes.helpers import backdate, journal_entries, run_tidy, snapshot, tidy_env
from tidy import engine
from tidy.core.config import Config
from tidy.fixes import plan as planning
from tidy.fixes.journal import RunJournal, read_run
from tidy.fixes.trash.applier import TrackedNow

FIX = ("fix", "--yes", "-q", "--select", "TDY1")


def many_caches(root: Path, count: int, per_folder: int = 1) -> None:
    """`count` packages, each a module and its __pycache__ (`per_folder` .pyc files)."""
    make_repo(root)
    write(root / ".gitignore", "__pycache__/\n")
    for i in range(count):
        folder = root / f"p{i // 100:03d}" / f"m{i:05d}"
        write(folder / "m.py", "x = 1\n")
        for j in range(per_folder):
            write(folder / "__pycache__" / f"m{j}.cpython-311.pyc", f"bytecode {i} {j}\n")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "sources")
    backdate(root)


def places_of(root: Path, before: dict[bytes, Any], entries: list[dict[str, Any]]
              ) -> dict[str, str]:
    """Each cache of `before`: "home" or "trash", asserting it is wholly in exactly one."""
    trashed = {e["path"]: e["dst"] for e in entries if e.get("op") == "intent"}
    caches = sorted({k[:k.index(b"/__pycache__") + len(b"/__pycache__")]
                     for k in before if b"/__pycache__/" in k})
    where = {}
    for rel in caches:
        home = str(root / os.fsdecode(rel))
        expected = {k[len(rel) + 1:]: v for k, v in before.items() if k.startswith(rel + b"/")}
        found = [p for p in (home, trashed.get(home)) if p and os.path.lexists(p)]
        assert len(found) == 1, f"{home}: found at {found}"
        assert snapshot(found[0]) == expected, f"{found[0]} is not whole"
        where[home] = "home" if found[0] == home else "trash"
    return where


def kill_when(cmd: tuple[str, ...], root: Path, state: Path, op: str, count: int
              ) -> subprocess.Popen[bytes]:
    """Start tidy `cmd`, SIGKILL it once the journal holds `count` entries of `op`."""
    child = subprocess.Popen([sys.executable, "-m", "tidy", *cmd], cwd=root,
                             env=tidy_env(state), stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and child.poll() is None:
            if sum(1 for e in journal_entries(state) if e.get("op") == op) >= count:
                break
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    return child


@pytest.mark.slow
def test_a_10k_entry_journal_killed_mid_fix_is_replayed_and_undone_exactly(
        tmp_path: Path) -> None:
    """6,000 folders (intent + done each: 12,000 entries when whole): SIGKILL once 2,500 have
    moved; every folder is wholly at home or in the trash, a batch's intents that never
    moved are resolved as not moved, and undo puts the tree back byte for byte."""
    root, state = tmp_path / "tree", tmp_path / "state"
    many_caches(root, 6000)
    before = snapshot(root)
    child = kill_when(FIX, root, state, "done", 2500)
    assert child.returncode == -signal.SIGKILL
    entries = journal_entries(state)
    (run_id,) = {e["run"] for e in entries}
    assert not any(e.get("op") == "end" for e in entries), "the fix finished before the kill"
    where = places_of(root, before, entries)
    assert "trash" in where.values() and "home" in where.values()

    listing = run_tidy("trash", "list", "--format", "json", cwd=root, state=state)
    assert listing.returncode == 0, listing.stderr
    (run,) = json.loads(listing.stdout)["runs"]
    assert run["status"] == "interrupted"
    record = read_run(run_id)  # the state folder of this test: TIDY_STATE_DIR (conftest)
    intents = record.intents()
    assert len(intents) >= 2500 and not any(i.in_flight for i in intents)
    moved = {str(i.entry["path"]) for i in intents if i.applied}
    assert moved == {home for home, place in where.items() if place == "trash"}

    undo = run_tidy("undo", run_id, cwd=root, state=state, timeout=300)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert snapshot(root) == before


@pytest.fixture(autouse=True)
def _same_state(state_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The children (tidy_env(tmp_path / "state")) and this process read the same journals."""
    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "state"))


@pytest.mark.slow
def test_an_undo_killed_mid_batch_is_finished_by_the_next_undo(tmp_path: Path) -> None:
    root, state = tmp_path / "tree", tmp_path / "state"
    many_caches(root, 1500)
    before = snapshot(root)
    fixed = run_tidy(*FIX, cwd=root, state=state, timeout=300)
    assert fixed.returncode == 0, fixed.stderr
    assert not any(b"__pycache__" in k for k in snapshot(root))
    child = kill_when(("undo", "--yes"), root, state, "undo-done", 600)
    assert child.returncode == -signal.SIGKILL
    entries = journal_entries(state)
    assert not any(e.get("op") == "undo-end" for e in entries), "undo finished before the kill"
    places_of(root, before, entries)  # each wholly in one place
    again = run_tidy("undo", "--yes", cwd=root, state=state, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert snapshot(root) == before


@pytest.mark.slow
def test_undo_over_several_batches_keeps_what_was_made_again_and_restores_the_rest(
        tmp_path: Path) -> None:
    """600 items (three undo batches); three of them made again at home since the fix: those
    three stay in the trash with the reason, everything else comes back as it was."""
    root, state = tmp_path / "tree", tmp_path / "state"
    many_caches(root, 600)
    before = snapshot(root)
    assert run_tidy(*FIX, cwd=root, state=state, timeout=300).returncode == 0
    remade = [root / f"p{i // 100:03d}" / f"m{i:05d}" / "__pycache__" for i in (0, 299, 599)]
    for folder in remade:
        write(folder / "new.pyc", b"rebuilt")
    undo = run_tidy("undo", "--yes", "--format", "json", cwd=root, state=state, timeout=300)
    assert undo.returncode == 1, undo.stdout + undo.stderr
    failed = [o for o in json.loads(undo.stdout)["outcomes"] if o["status"] != "done"]
    assert sorted(o["path"] for o in failed) == sorted(str(p) for p in remade)
    assert all("something now exists at the original path" in o["reason"] for o in failed)
    after = snapshot(root)
    for folder in remade:
        rel = os.fsencode(os.path.relpath(folder, root))
        assert after[rel + b"/new.pyc"][2] == b"rebuilt"
        after = {k: v for k, v in after.items() if not k.startswith(rel + b"/")}
        before = {k: v for k, v in before.items() if not k.startswith(rel + b"/")}
    assert {k: v for k, v in after.items() if k not in before} == {}
    assert after == before


# -- git asked again, for a repository with many planned paths -------------------------------
def test_tracked_now_sees_a_path_added_to_the_index_after_the_first_listing(
        tmp_path: Path) -> None:
    root = tmp_path / "repo"
    many_caches(root, 100)  # > 64 planned paths in one repo: the whole index is listed
    plan = planning.build(engine.scan([str(root)], Config()), planning.PlanOptions(
        select=("TDY101",)))
    assert len(plan.actions) == 100
    git_now = TrackedNow(plan.actions)
    assert git_now.problems(plan.actions) == {}
    target = plan.actions[37]
    git(root, "add", "-f", os.path.join(target.rel, "m0.cpython-311.pyc"))
    problems = git_now.problems(plan.actions)  # the index file is another one now
    assert list(problems) == [target.path]
    assert "tracked file" in problems[target.path].reason
    git(root, "rm", "-q", "--cached", os.path.join(target.rel, "m0.cpython-311.pyc"))
    assert git_now.problems(plan.actions) == {}


def test_tracked_now_agrees_with_a_pathspec_listing_for_every_path(tmp_path: Path) -> None:
    """The bisected whole-index listing and git's own pathspec answer name the same paths,
    names that share a prefix (`m1` and `m10`, `a` and `a.b`, `a-b`) included."""
    root = make_repo(tmp_path / "repo")
    names = ["a", "a.b", "a-b", "a/b", "m1", "m10", "m1x", "z"]
    for name in names:
        write(root / name / "__pycache__" / "x.pyc", b"1")
        write(root / name / "keep.py", b"")
    for extra in range(70):
        write(root / f"q{extra:02d}" / "__pycache__" / "x.pyc", b"1")
    git(root, "add", "--", *[f"{n}/keep.py" for n in names])
    git(root, "commit", "-qm", "c")
    backdate(root)
    report = engine.scan([str(root)], Config())
    actions = list(planning.build(report, planning.PlanOptions(select=("TDY101",))).actions)
    assert len(actions) == len(names) + 70
    git(root, "add", "-f", "m1/__pycache__/x.pyc", "a.b/__pycache__/x.pyc")  # since the plan
    whole = TrackedNow(actions).problems(actions)
    one_by_one = {}
    for action in actions:
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "--", action.rel],
                                capture_output=True, text=True, check=True).stdout
        if listed:
            one_by_one[action.path] = listed
    assert sorted(whole) == sorted(one_by_one) == sorted(
        str(root / n / "__pycache__") for n in ("m1", "a.b"))


# -- the plan --------------------------------------------------------------------------------
@pytest.mark.slow
def test_a_plan_of_hundreds_of_rows_lists_every_one_in_plain_columns(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    many_caches(root, 450)
    dry = run_tidy("fix", "--dry-run", "-q", "--select", "TDY101", cwd=root,
                   state=tmp_path / "state")
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert lines[0] == "tidy fix: plan (dry run: nothing changes)"
    assert lines[1].split() == ["path", "code", "does", "size", "files", "why"]
    rows = [line for line in lines if "/__pycache__ " in line]
    assert len(rows) == 450
    assert {line.split()[0] for line in rows} == {
        f"p{i // 100:03d}/m{i:05d}/__pycache__" for i in range(450)}
    assert all(line.split()[1:4] == ["TDY101", "to", "trash"] for line in rows)
    assert "450 items: 450 to move" in dry.stdout


# -- the plan's folder chain, looked at once per folder ---------------------------------------
_PARTS = st.lists(st.sampled_from(["a", "b", "c", "l"]), min_size=0, max_size=4)


@settings(max_examples=40, deadline=None)
@given(paths=st.lists(_PARTS, min_size=1, max_size=12))
def test_the_chain_built_on_parents_equals_an_lstat_of_every_level(
        tmp_path_factory: pytest.TempPathFactory, paths: list[list[str]]) -> None:
    root = tmp_path_factory.mktemp("chain")
    for parts in paths:  # `l` is a symlink to a folder wherever it first appears
        current = root
        for part in parts:
            current = current / part
            if part == "l" and not os.path.lexists(current):
                os.symlink(".", current)
                break
            if not os.path.lexists(current):
                current.mkdir()
    seen = planning._Seen()
    for parts in paths:
        folder = os.path.join(str(root), *parts)
        assert seen.chain(str(root), folder) == _naive_chain(str(root), folder)


def _naive_chain(root: str, folder: str) -> tuple[tuple[int, int], ...] | None:
    rel = os.path.relpath(folder, root)
    current, found = root, []
    for part in [None, *([] if rel == os.curdir else rel.split(os.sep))]:
        if part is not None:
            current = os.path.join(current, part)
        try:
            st_ = os.lstat(current)
        except OSError:
            return None
        if not stat.S_ISDIR(st_.st_mode):
            return None
        found.append((st_.st_dev, st_.st_ino))
    return tuple(found)


def test_a_batch_of_intents_is_durable_with_one_sync(tmp_path: Path) -> None:
    """Entries written unsynced, then sync(): all there when read back, in order."""
    with RunJournal.create("fix", (str(tmp_path),)) as journal:
        seqs = [journal.intent("trash", sync=False, path=str(tmp_path / f"x{i}"))
                for i in range(500)]
        journal.sync()
        record = read_run(journal.run_id)
    assert [i.seq for i in record.intents()] == seqs
    assert all(i.in_flight for i in record.intents())
