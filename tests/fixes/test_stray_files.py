"""Stray files at scale (legacy `mod.pyc` beside `mod.py`, compileall -b): many single-file
items of one run share slots in the trash, and each is still checked on its own right
before it moves: its folder chain, its type and inode, no link, nothing written since the
scan, and, for bytecode, still what the scan judged it (a legacy .pyc with its source).

Real repos, real files, real git; the plan is made on a real scan and the disk is changed
between plan and apply the way a user, a build or an attacker could.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate, journal_entries, run_tidy, snapshot
from tests.fixes.test_scale import kill_when
from tidy import engine
from tidy.core.config import Config
from tidy.fixes import ApplySettings, Status
from tidy.fixes import plan as planning
from tidy.fixes.apply import appliers, apply_plan, undo_run
from tidy.fixes.journal import RunJournal
from tidy.fixes.trash import locate


def legacy_tree(root: Path, packages: int, modules: tuple[str, ...] = ("__init__", "models")
                ) -> Path:
    """A repo of `packages` packages, each with `modules` committed and a legacy .pyc of
    each beside it (untracked): the same few names in every folder."""
    make_repo(root)
    sources = []
    for i in range(packages):
        for name in modules:
            rel = f"p{i // 50:02d}/pkg{i:04d}/{name}.py"
            write(root / rel, f"x = {i}\n")
            write(root / rel.replace(".py", ".pyc"), f"bytecode {i} {name}\n".encode())
            sources.append(rel)
    commit(root, *sources)
    backdate(root)
    return root


def make_plan(root: Path) -> planning.Plan:
    report = engine.scan([str(root)], Config())
    return planning.build(report, planning.PlanOptions(actions=tuple(appliers()),
                                                       select=("TDY101",)))


def apply(plan: planning.Plan) -> tuple[str, list]:  # type: ignore[type-arg]
    with RunJournal.create("fix", plan.roots) as journal:
        outcomes = apply_plan(plan, journal, ApplySettings(skip_recent=10.0))
        journal.end("complete")
    return journal.run_id, outcomes


def outcome_of(outcomes: list, path: Path):  # type: ignore[no-untyped-def,type-arg]
    (found,) = [o for o in outcomes if o.path == str(path)]
    return found


def trashed(outcomes: list) -> dict[str, str]:  # type: ignore[type-arg]
    """Where each moved item went (its place in the trash)."""
    return {o.path: o.where for o in outcomes if o.status is Status.DONE}


def test_files_of_a_run_share_slots_and_undo_restores_every_byte(tmp_path: Path) -> None:
    root = legacy_tree(tmp_path / "repo", 60)
    before = snapshot(root)
    plan = make_plan(root)
    assert len(plan.actions) == 120 and {a.kind for a in plan.actions} == {"pyc"}
    run_id, outcomes = apply(plan)
    assert all(o.status is Status.DONE for o in outcomes), [o.reason for o in outcomes]
    assert not [p for p in root.rglob("*.pyc") if ".git" not in p.parts]
    places = trashed(outcomes)
    slots = {os.path.dirname(dst) for dst in places.values()}
    # 60 folders with the same two names: one slot per folder, not one per file
    assert len(slots) == 60
    for slot in slots:
        assert sorted(os.listdir(slot)) == ["__init__.pyc", "models.pyc"]
    undone = undo_run(run_id).outcomes
    assert all(o.status is Status.DONE for o in undone), [o.reason for o in undone]
    assert snapshot(root) == before
    assert not any(os.path.lexists(s) for s in slots)  # emptied slots are gone


def test_a_name_once_per_shared_slot_whatever_the_names(tmp_path: Path) -> None:
    """Files whose names repeat across folders, and a name with a newline."""
    root = make_repo(tmp_path / "repo")
    names = ["a.pyc", "b\nc.pyc", "x.pyc.partial.pyc", "x.pyc"]
    for folder in ("one", "two", "three"):
        for name in names:
            write(root / folder / name[:-1], "x = 1\n")  # its source: mod.pyc -> mod.py
            write(root / folder / name, f"{folder} {name}".encode())
    commit(root, *[f"{f}/{n[:-1]}" for f in ("one", "two", "three") for n in names])
    backdate(root)
    before = snapshot(root)
    run_id, outcomes = apply(make_plan(root))
    assert len(outcomes) == 12 and all(o.status is Status.DONE for o in outcomes)
    places = trashed(outcomes)
    by_slot: dict[str, list[str]] = {}
    for dst in places.values():
        by_slot.setdefault(os.path.dirname(dst), []).append(os.path.basename(dst))
    for held in by_slot.values():
        assert len(held) == len(set(held))
    assert all(os.path.basename(p) == os.path.basename(d) for p, d in places.items())
    assert [undo.status for undo in undo_run(run_id).outcomes] == [Status.DONE] * 12
    assert snapshot(root) == before


@pytest.mark.parametrize("change", ["symlink", "fifo", "rewritten", "replaced",
                                    "parent swapped", "source deleted",
                                    "source now a folder", "source now a dangling link"])
def test_a_stray_pyc_changed_after_the_plan_is_left_where_it_is(
        tmp_path: Path, change: str) -> None:
    """One .pyc of a folder changed between plan and apply: it stays, the others of its
    folder (sharing a slot) still move, and nothing outside the plan is touched."""
    root = legacy_tree(tmp_path / "repo", 3)
    target = root / "p00" / "pkg0001" / "models.pyc"
    plan = make_plan(root)
    outside = tmp_path / "precious"
    write(outside / "models.pyc", b"not tidy's")
    if change == "symlink":
        target.unlink()
        target.symlink_to(outside / "models.pyc")
    elif change == "fifo":
        target.unlink()
        os.mkfifo(target)
    elif change == "rewritten":
        target.write_bytes(b"written after the plan")
    elif change == "replaced":
        target.unlink()
        write(target, b"another file of the same name")
    elif change == "parent swapped":
        folder = target.parent
        folder.rename(tmp_path / "moved-away")
        os.symlink(outside, folder)
    else:  # trust round 8: a name that is no source to import kept the .pyc a cache
        source = root / "p00" / "pkg0001" / "models.py"
        source.unlink()
        if change == "source now a folder":
            source.mkdir()
        elif change == "source now a dangling link":
            source.symlink_to(tmp_path / "nowhere" / "models.py")
    _, outcomes = apply(plan)
    result = outcome_of(outcomes, target)
    assert result.status is not Status.DONE
    if change.startswith("source"):
        assert "its source models.py is gone" in result.reason
        assert target.read_bytes() == b"bytecode 1 models\n"  # what `import` loads now
    assert (outside / "models.pyc").read_bytes() == b"not tidy's"
    others = [o for o in outcomes if o.path != str(target)]
    if change == "parent swapped":  # its folder went, with the other .pyc of it: untouched
        assert (tmp_path / "moved-away" / "models.pyc").read_bytes() == b"bytecode 1 models\n"
        assert (tmp_path / "moved-away" / "__init__.pyc").read_bytes() == \
            b"bytecode 1 __init__\n"
        others = [o for o in others if o.path != str(target.with_name("__init__.pyc"))]
    assert len(others) >= 4 and all(o.status is Status.DONE for o in others)


def test_a_source_deleted_in_the_instant_before_the_rename_keeps_the_pyc(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The source goes after the batch was checked and journaled, right before the move:
    the last look (still_there) sees it and the .pyc stays."""
    from tidy.fixes import recheck
    from tidy.fixes.trash import move

    root = legacy_tree(tmp_path / "repo", 1)
    target = root / "p00" / "pkg0000" / "models.pyc"
    plan = make_plan(root)
    real = recheck.still_there

    def source_goes_first(item: recheck.Opened) -> None:
        if item.name == "models.pyc":
            (root / "p00" / "pkg0000" / "models.py").unlink()
        real(item)

    monkeypatch.setattr(move, "still_there", source_goes_first)
    _, outcomes = apply(plan)
    assert "its source models.py is gone" in outcome_of(outcomes, target).reason
    assert target.read_bytes() == b"bytecode 0 models\n"
    assert outcome_of(outcomes, target.with_name("__init__.pyc")).status is Status.DONE


def test_stale_bytecode_whose_source_came_back_is_left_alone(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    write(root / "pkg" / "keep.py", "x = 1\n")
    commit(root, "pkg/keep.py")
    write(root / "pkg" / "__pycache__" / "gone.cpython-311.pyc", b"stale")
    write(root / "pkg" / "__pycache__" / "old.cpython-311.pyc", b"stale too")
    write(root / "pkg" / "__pycache__" / "keep.cpython-311.pyc", b"live")
    backdate(root)
    report = engine.scan([str(root)], Config())
    plan = planning.build(report, planning.PlanOptions(actions=tuple(appliers()),
                                                       select=("TDY103",)))
    assert sorted(os.path.basename(a.path) for a in plan.actions) == [
        "gone.cpython-311.pyc", "old.cpython-311.pyc"]
    write(root / "pkg" / "gone.py", "x = 2\n")  # back since the scan
    _, outcomes = apply(plan)
    back = outcome_of(outcomes, root / "pkg" / "__pycache__" / "gone.cpython-311.pyc")
    assert back.status is Status.SKIPPED and "no longer stale" in back.reason
    assert (root / "pkg" / "__pycache__" / "gone.cpython-311.pyc").read_bytes() == b"stale"
    moved = outcome_of(outcomes, root / "pkg" / "__pycache__" / "old.cpython-311.pyc")
    assert moved.status is Status.DONE


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.sampled_from(["a", "b", "__init__", "a.pyc", "x\ny", "z.partial", "é"]),
                      min_size=1, max_size=6),
       folders=st.integers(min_value=1, max_value=4))
def test_shared_slots_never_hold_a_name_twice_and_undo_is_exact(
        tmp_path_factory: pytest.TempPathFactory, names: list[str], folders: int) -> None:
    root = make_repo(tmp_path_factory.mktemp("tree") / "repo")
    sources = []
    for f in range(folders):
        for name in dict.fromkeys(names):
            write(root / f"f{f}" / f"{name}.py", "x = 1\n")
            write(root / f"f{f}" / f"{name}.pyc", f"{f}{name}".encode())
            sources.append(f"f{f}/{name}.py")
    commit(root, *sources)
    backdate(root)
    before = snapshot(root)
    run_id, outcomes = apply(make_plan(root))
    assert len(outcomes) == folders * len(set(names))
    assert all(o.status is Status.DONE for o in outcomes), [o.reason for o in outcomes]
    slots: dict[str, list[str]] = {}
    for o in outcomes:
        slots.setdefault(os.path.dirname(o.where), []).append(os.path.basename(o.where))
    for held in slots.values():
        assert len(held) == len(set(held))
    assert all(u.status is Status.DONE for u in undo_run(run_id).outcomes)
    assert snapshot(root) == before


def test_shared_slot_takes_up_to_its_limit(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locate, "SHARED_SLOT_NAMES", 3)
    root = legacy_tree(tmp_path / "repo", 1, tuple(f"m{i}" for i in range(7)))
    before = snapshot(root)
    run_id, outcomes = apply(make_plan(root))
    assert all(o.status is Status.DONE for o in outcomes)
    sizes = sorted(len(os.listdir(s)) for s in {os.path.dirname(o.where) for o in outcomes})
    assert sizes == [1, 3, 3]
    assert all(u.status is Status.DONE for u in undo_run(run_id).outcomes)
    assert snapshot(root) == before


@pytest.mark.slow
def test_a_fix_of_many_stray_pyc_killed_mid_run_is_undone_byte_for_byte(
        tmp_path: Path) -> None:
    """3,000 legacy .pyc in shared slots: SIGKILL once 1,200 have moved; each file is at
    home or in the trash, and undo puts the tree back exactly (the way tests/safety kills)."""
    root, state = legacy_tree(tmp_path / "tree", 1500), tmp_path / "state"
    before = snapshot(root)
    child = kill_when(("fix", "--yes", "-q", "--select", "TDY101"), root, state, "done", 1200)
    assert child.returncode == -signal.SIGKILL
    entries = journal_entries(state)
    assert not any(e.get("op") == "end" for e in entries), "the fix finished before the kill"
    places = {e["path"]: e["dst"] for e in entries if e.get("op") == "intent"}
    assert len({os.path.dirname(d) for d in places.values()}) < len(places) / 1.5
    home = trash = 0
    for rel in before:
        if not rel.endswith(b".pyc"):
            continue
        path = str(root / os.fsdecode(rel))
        here, there = os.path.lexists(path), os.path.lexists(places.get(path, "\0"))
        assert here != there, path
        home, trash = home + here, trash + there
    assert home and trash
    undo = run_tidy("undo", "--yes", cwd=root, state=state, timeout=300)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert snapshot(root) == before
    shutil.rmtree(state, ignore_errors=True)


@pytest.fixture(autouse=True)
def _same_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The children (tidy_env(tmp_path / "state")) and this process read the same journals."""
    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "state"))


# -- TDY501: one finding per folder for its stray files, an action (and a git check) per file
def test_stray_pyc_of_a_folder_are_one_ignore_finding_and_each_file_is_ignored(
        tmp_path: Path) -> None:
    root = legacy_tree(tmp_path / "repo", 3)
    write(root / "lone" / "only.py", "x = 1\n")
    write(root / "lone" / "only.pyc", b"lone")
    write(root / "top.py", "x = 1\n")
    write(root / "top.pyc", b"at the root")
    commit(root, "lone/only.py", "top.py")
    backdate(root)
    report = engine.scan([str(root)], Config())
    found = {f.path: f for f in report.findings if f.code == "TDY501"}
    assert set(found) == {"p00/pkg0000", "p00/pkg0001", "p00/pkg0002", "lone/only.pyc",
                          "top.pyc"}
    folder = found["p00/pkg0001"]
    assert [v for k, v in folder.details if k == "file in folder"] == [
        "__init__.pyc", "models.pyc"]
    assert ("ignore rule", "*.pyc") in folder.details and folder.size.files == 2
    assert "2 files here (__init__.pyc, models.pyc)" in folder.message
    plan = planning.build(report, planning.PlanOptions(actions=tuple(appliers()),
                                                       select=("TDY501",)))
    assert sorted(a.rel for a in plan.actions) == sorted(
        [f"p00/pkg{i:04d}/{n}.pyc" for i in range(3) for n in ("__init__", "models")]
        + ["lone/only.pyc", "top.pyc"])
    from tidy.fixes.report import plan_text

    rows = plan_text(plan, cwd=str(root)).splitlines()
    assert sum("TDY501" in row for row in rows) == 5  # a row per folder, one per lone file
    assert any(row.startswith("p00/pkg0001/ ") and " 2 " in row for row in rows)
    _, outcomes = apply(plan)
    assert all(o.status is Status.DONE for o in outcomes), [o.reason for o in outcomes]
    assert "*.pyc" in (root / ".gitignore").read_text()
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"],
                            cwd=root, capture_output=True, text=True, check=True).stdout
    assert ".pyc" not in status


def test_a_folder_finding_never_names_a_path_outside_its_folder(tmp_path: Path) -> None:
    """The plan takes a folder finding's names as names: a detail naming `../x` or `a/b`
    (a tampered baseline, a rule's bug) is left out, never joined into a path."""
    from tidy.core.models import FOLDER_FILE_DETAIL

    root = legacy_tree(tmp_path / "repo", 1)
    report = engine.scan([str(root)], Config())
    group = report.groups[0]
    [finding] = [f for f in group.findings if f.code == "TDY501"]
    bad = dataclasses.replace(finding, details=(*finding.details, (FOLDER_FILE_DETAIL, "../x"),
                                                (FOLDER_FILE_DETAIL, "a/b")))
    forged = dataclasses.replace(report, groups=(dataclasses.replace(group, findings=(bad,)),))
    plan = planning.build(forged, planning.PlanOptions(actions=tuple(appliers())))
    assert sorted(os.path.basename(a.path) for a in plan.actions) == [
        "__init__.pyc", "models.pyc"]
    assert sorted(lo.reason for lo in plan.left_out) == [
        "not a file name: '../x'", "not a file name: 'a/b'"]


def test_many_ignore_outcomes_are_counted_not_listed(tmp_path: Path) -> None:
    root = legacy_tree(tmp_path / "repo", 30)
    fixed = run_tidy("fix", "--yes", "--select", "TDY501", str(root), cwd=tmp_path,
                     state=tmp_path / "state")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "ignore: 60 paths (written to .gitignore)" in fixed.stdout
    assert "ignore: p00/pkg0000" not in fixed.stdout
