"""The TRASH applier against real trees: moves, undo, and every re-check that guards a move.

Each safety test makes the plan on a real scan, then changes the disk the way a user or a
running build could between plan and apply, and proves the changed path was left alone.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import commit, git, make_repo, write
from tests.fixes.helpers import backdate, snapshot
from tidy import engine
from tidy.core.config import Config
from tidy.fixes import ApplySettings, Status
from tidy.fixes import plan as planning
from tidy.fixes.apply import appliers, apply_plan, undo_run
from tidy.fixes.journal import RunJournal, read_run
from tidy.fixes.recheck import recheck
from tidy.fixes.trash.move import compare_trees, remove_tree, transfer


def make_plan(root: Path, **options: object) -> planning.Plan:
    """The plan of a real scan; only the 1xx family (caches) unless `select` says else."""
    options.setdefault("select", ("TDY1",))
    report = engine.scan([str(root)], Config())
    return planning.build(report, planning.PlanOptions(actions=tuple(appliers()),
                                                       **options))  # type: ignore[arg-type]


def apply(plan: planning.Plan, skip_recent: float = 10.0) -> tuple[str, list]:  # type: ignore[type-arg]
    with RunJournal.create("fix", plan.roots) as journal:
        outcomes = apply_plan(plan, journal, ApplySettings(skip_recent=skip_recent))
        journal.end("complete")
    return journal.run_id, outcomes


def project(tmp_path: Path, repo: bool = True) -> Path:
    """A small project: tracked sources, a __pycache__, node_modules with odd insides."""
    root = tmp_path / "proj"
    if repo:
        make_repo(root)
    write(root / "pkg" / "mod.py", "x = 1\n")
    write(root / "pkg" / "__pycache__" / "mod.cpython-311.pyc", b"\x00pyc")
    write(root / "web" / "package.json", "{}\n")
    write(root / "web" / "node_modules" / "left" / "index.js", "module.exports = 1\n")
    bin_dir = root / "web" / "node_modules" / ".bin"
    bin_dir.mkdir(parents=True)
    os.symlink("../left/index.js", bin_dir / "left")  # inside the cache
    os.symlink(str(tmp_path), bin_dir / "home")  # out of the root: must stay a link
    ro = write(root / "web" / "node_modules" / "left" / "ro.txt", "read only\n")
    ro.chmod(0o444)
    (root / "web" / "node_modules" / "left").chmod(0o555)
    if repo:
        commit(root, "pkg/mod.py", "web/package.json")
    backdate(root)
    return root


def test_moves_into_git_dir_trash_and_undo_restores_everything(tmp_path: Path) -> None:
    root = project(tmp_path)
    outside = tmp_path / "outside.txt"
    write(outside, "keep me\n")
    before = snapshot(root)
    outside_before = snapshot(tmp_path, skip_git=False)
    plan = make_plan(root)
    assert {a.rel for a in plan.actions} == {"pkg/__pycache__", "web/node_modules"}
    run_id, outcomes = apply(plan)
    assert [o.status for o in outcomes] == [Status.DONE, Status.DONE]
    assert not (root / "web" / "node_modules").exists()
    trash = root / ".git" / "tidy" / "trash" / run_id
    moved = trash / "000000" / "node_modules"  # the bigger one goes first
    assert os.readlink(moved / ".bin" / "home") == str(tmp_path)  # moved as a link
    assert os.path.islink(moved / ".bin" / "home")
    assert (root / "pkg" / "mod.py").read_text() == "x = 1\n"
    assert git(root, "status", "--porcelain") == ""  # the trash is invisible to git
    result = undo_run(run_id)
    assert all(o.status is Status.DONE for o in result.outcomes)
    assert snapshot(root) == before  # bytes, modes, mtimes, link targets
    assert not trash.exists()
    assert outside.read_text() == "keep me\n"
    after_all = snapshot(tmp_path, skip_git=False)
    assert {k: v for k, v in after_all.items() if b"tidy-state" not in k and b".git/" not in k
            } == {k: v for k, v in outside_before.items()
                  if b"tidy-state" not in k and b".git/" not in k}


def test_outside_repos_the_state_dir_trash_is_used(tmp_path: Path, state_dir: Path) -> None:
    root = project(tmp_path, repo=False)
    run_id, outcomes = apply(make_plan(root))
    assert all(o.status is Status.DONE for o in outcomes)
    assert all(o.where.startswith(str(state_dir / "trash" / run_id)) for o in outcomes)


def test_stale_bytecode_moves_only_the_stale_files(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "r")
    write(root / "live.py", "x = 1\n")
    commit(root, "live.py")
    cache = root / "__pycache__"
    write(cache / "live.cpython-311.pyc", b"live")
    write(cache / "gone.cpython-311.pyc", b"stale")
    backdate(root)
    plan = make_plan(root, select=("TDY103",))
    assert [a.rel for a in plan.actions] == ["__pycache__/gone.cpython-311.pyc"]
    apply(plan)
    assert sorted(os.listdir(cache)) == ["live.cpython-311.pyc"]


# -- re-checks: each one tries to make tidy move the wrong thing ----------------------------
def test_folder_swapped_for_a_symlink_is_skipped(tmp_path: Path) -> None:
    root = project(tmp_path)
    victim = tmp_path / "victim"
    write(victim / "precious.txt", "data\n")
    plan = make_plan(root)
    nm = root / "web" / "node_modules"
    (nm / "left").chmod(0o755)
    remove_tree(str(nm))
    os.symlink(str(victim), nm)
    _, outcomes = apply(plan)
    skipped = {o.path: o for o in outcomes if o.status is Status.SKIPPED}
    assert str(nm) in skipped and "symlink" in skipped[str(nm)].reason
    assert skipped[str(nm)].attention
    assert os.path.islink(nm) and (victim / "precious.txt").read_text() == "data\n"


def test_parent_swapped_for_a_symlink_is_skipped(tmp_path: Path) -> None:
    root = project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "node_modules" / "keep.js", "keep\n")
    write(elsewhere / "package.json", "{}\n")
    plan = make_plan(root)
    os.rename(root / "web", tmp_path / "web-moved")
    os.symlink(str(elsewhere), root / "web")
    _, outcomes = apply(plan)
    by_path = {o.path: o for o in outcomes}
    outcome = by_path[str(root / "web" / "node_modules")]
    assert outcome.status is Status.SKIPPED and "symlink" in outcome.reason
    assert (elsewhere / "node_modules" / "keep.js").read_text() == "keep\n"


def test_replaced_folder_is_skipped(tmp_path: Path) -> None:
    root = project(tmp_path)
    plan = make_plan(root)
    cache = root / "pkg" / "__pycache__"
    os.rename(cache, root / "pkg" / "old")  # kept alive: its inode cannot be reused
    write(cache / "new.pyc", b"new")
    backdate(root / "pkg", 4 * 3600)  # even older than planned: only the inode differs
    _, outcomes = apply(plan)
    outcome = next(o for o in outcomes if o.path == str(cache))
    assert outcome.status is Status.SKIPPED and "inode" in outcome.reason
    assert (cache / "new.pyc").exists()


def test_folder_modified_since_the_plan_is_skipped(tmp_path: Path) -> None:
    root = project(tmp_path)
    plan = make_plan(root)
    cache = root / "pkg" / "__pycache__"
    time.sleep(0.01)
    write(cache / "fresh.pyc", b"fresh")
    _, outcomes = apply(plan, skip_recent=0)
    outcome = next(o for o in outcomes if o.path == str(cache))
    assert outcome.status is Status.SKIPPED and "modified" in outcome.reason
    assert not outcome.attention  # routine: a build wrote there
    assert (cache / "fresh.pyc").exists()


def test_tracked_file_inside_a_cache_is_never_moved(tmp_path: Path) -> None:
    root = project(tmp_path)
    plan = make_plan(root)
    commit(root, "web/node_modules/left/index.js")  # somebody commits into the cache
    _, outcomes = apply(plan)
    outcome = next(o for o in outcomes if o.path.endswith("node_modules"))
    assert outcome.status is Status.SKIPPED and outcome.attention
    assert "tracked" in outcome.reason and "left/index.js" in outcome.reason
    assert (root / "web" / "node_modules" / "left" / "index.js").exists()


def test_recently_written_folder_is_left_alone(tmp_path: Path) -> None:
    root = project(tmp_path)
    os.utime(root / "web" / "node_modules" / "left")  # written just now, one level down
    plan = make_plan(root)
    _, outcomes = apply(plan)
    outcome = next(o for o in outcomes if o.path.endswith("node_modules"))
    assert outcome.status is Status.SKIPPED and "build may be running" in outcome.reason
    assert (root / "web" / "node_modules").is_dir()


def _hold_lock(path: Path) -> subprocess.Popen[bytes]:
    """Another process that holds an exclusive flock on `path` until killed."""
    code = ("import fcntl, os, sys, time\n"
            "fd = os.open(sys.argv[1], os.O_RDONLY)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('locked', flush=True)\n"
            "time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
    return holder


def test_folder_locked_by_another_process_is_skipped(tmp_path: Path) -> None:
    root = project(tmp_path)
    plan = make_plan(root)
    holder = _hold_lock(root / "pkg" / "__pycache__")
    try:
        _, outcomes = apply(plan)
    finally:
        holder.kill()
        holder.wait()
    outcome = next(o for o in outcomes if o.path.endswith("__pycache__"))
    assert outcome.status is Status.SKIPPED and "locked" in outcome.reason
    assert (root / "pkg" / "__pycache__").is_dir()


def test_cargo_target_being_built_is_skipped(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "crate")
    write(root / "Cargo.toml", "[package]\nname = 'x'\n")
    write(root / "src" / "main.rs", "fn main() {}\n")
    commit(root, "Cargo.toml", "src/main.rs")
    write(root / "target" / "debug" / ".cargo-lock", b"")
    write(root / "target" / "debug" / "x", b"\x7fELF")
    write(root / "target" / "CACHEDIR.TAG", b"Signature: 8a477f597d28d172789f06886806bc55\n")
    backdate(root)
    plan = make_plan(root)
    assert [a.rel for a in plan.actions] == ["target"]
    holder = _hold_lock(root / "target" / "debug" / ".cargo-lock")
    try:
        _, outcomes = apply(plan)
    finally:
        holder.kill()
        holder.wait()
    assert outcomes[0].status is Status.SKIPPED and "cargo" in outcomes[0].reason
    _, outcomes = apply(make_plan(root))  # the build is over: now it goes
    assert outcomes[0].status is Status.DONE


def test_recheck_refuses_paths_outside_the_root_and_the_root_itself(tmp_path: Path) -> None:
    root = project(tmp_path)
    action = make_plan(root).actions[0]
    outside = write(tmp_path / "other" / "node_modules" / "a.js", "a\n").parent
    st = os.lstat(outside)
    forged = planning.PlannedAction(**{
        **action.__dict__, "path": str(outside),
        "expected": planning.Expected("dir", st.st_dev, st.st_ino, st.st_mtime_ns, 0o755,
                                      action.expected.tracked, 0.0)})
    problem = recheck(forged, time.time(), 0)
    assert problem is not None and "outside" in problem.reason
    for path in (str(root), "/", os.path.expanduser("~")):
        forged = planning.PlannedAction(**{**action.__dict__, "path": path})
        problem = recheck(forged, time.time(), 0)
        assert problem is not None and problem.attention


def test_plan_refuses_filesystem_root_and_home(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(planning.PlanRefused):
        planning.refuse_root("/")
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(planning.PlanRefused):
        planning.refuse_root(str(tmp_path))
    planning.refuse_root(str(tmp_path / "code"))  # a folder below home is fine


# -- undo -----------------------------------------------------------------------------------
def test_undo_never_overwrites_what_is_now_at_the_original_path(tmp_path: Path) -> None:
    root = project(tmp_path)
    run_id, _ = apply(make_plan(root))
    write(root / "pkg" / "__pycache__" / "new.pyc", b"rebuilt")
    result = undo_run(run_id)
    by_path = {o.path: o for o in result.outcomes}
    blocked = by_path[str(root / "pkg" / "__pycache__")]
    assert blocked.status is Status.FAILED and "exists at the original path" in blocked.reason
    # The way on is said (seen after fix -> tests -> undo on real projects: every cache the
    # tests rebuilt was one bare "failed" line): undo again once it is aside, or purge.
    assert f"`tidy undo {run_id}` again" in blocked.reason
    assert "`tidy trash purge`" in blocked.reason and blocked.where in blocked.reason
    assert (root / "pkg" / "__pycache__" / "new.pyc").read_bytes() == b"rebuilt"
    assert os.path.exists(blocked.where)  # still in the trash, nothing lost
    assert by_path[str(root / "web" / "node_modules")].status is Status.DONE
    remove_tree(str(root / "pkg" / "__pycache__"))  # the user clears the way: undo again
    again = undo_run(run_id)
    assert [o.status for o in again.outcomes] == [Status.DONE]
    assert (root / "pkg" / "__pycache__" / "mod.cpython-311.pyc").read_bytes() == b"\x00pyc"


# -- across filesystems ---------------------------------------------------------------------
def _other_filesystem() -> Path | None:
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and os.stat(shm).st_dev != os.stat("/tmp").st_dev:
        return shm
    return None


def test_copy_fallback_keeps_links_modes_mtimes_and_verifies(tmp_path: Path) -> None:
    other = _other_filesystem()
    if other is None:
        pytest.skip("no second filesystem (/dev/shm) here")
    root = project(tmp_path, repo=False)
    src = root / "web" / "node_modules"
    os.mkfifo(src / "pipe")
    backdate(src)
    before = snapshot(src)
    import tempfile

    with tempfile.TemporaryDirectory(dir=other) as far:
        dst = Path(far) / "node_modules"
        copies: list[dict[str, int]] = []
        assert transfer(str(src), str(dst), "copy", copies.append) == ""
        [made] = copies  # the copy's own identity, given before the original went
        assert (made["copy_dev"], made["copy_ino"]) == (dst.lstat().st_dev, dst.lstat().st_ino)
        assert not src.exists()
        assert snapshot(dst) == before
        assert transfer(str(dst), str(src), "copy", lambda _made: None) == ""
        assert snapshot(src) == before


def test_copy_that_does_not_verify_moves_nothing(tmp_path: Path) -> None:
    other = _other_filesystem()
    if other is None:
        pytest.skip("no second filesystem (/dev/shm) here")
    src = tmp_path / "cache"
    write(src / "a.bin", b"a")
    os.mknod(src / "null", 0o600 | 0o020000, os.makedev(1, 3)) if os.geteuid() == 0 else None
    import tempfile

    with tempfile.TemporaryDirectory(dir=other) as far:
        dst = Path(far) / "cache"
        if os.geteuid() == 0:
            with pytest.raises(OSError, match="device"):
                transfer(str(src), str(dst), "copy", lambda _made: None)
            assert not dst.exists() and not Path(str(dst) + ".partial").exists()
            assert (src / "a.bin").read_bytes() == b"a"
        dst.mkdir()
        write(dst / "a.bin", b"b")
        assert compare_trees(str(src / "a.bin"), str(dst / "a.bin"))  # other bytes: caught


def test_outside_repo_on_another_filesystem_uses_a_self_ignoring_trash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = _other_filesystem()
    if other is None:
        pytest.skip("no second filesystem (/dev/shm) here")
    import tempfile

    with tempfile.TemporaryDirectory(dir=other) as far:
        monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "state"))  # on the other fs
        root = project(Path(far), repo=False)
        run_id, outcomes = apply(make_plan(root))
        assert all(o.status is Status.DONE for o in outcomes)
        trash = root / ".tidy-trash"
        assert all(o.where.startswith(str(trash / run_id)) for o in outcomes)
        assert (trash / ".gitignore").read_text().splitlines()[-1] == "*"
        again = make_plan(root)  # caches inside the trash are never planned again
        assert not [a for a in again.actions if ".tidy-trash" in a.path]
        record = read_run(run_id)
        assert all(i.entry["method"] == "rename" for i in record.intents())


def test_remove_tree_never_follows_links_and_handles_read_only(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    write(victim / "keep.txt", "keep\n")
    doomed = tmp_path / "doomed"
    write(doomed / "deep" / "f.txt", "x")
    os.symlink(str(victim), doomed / "link")
    os.symlink(str(victim / "keep.txt"), doomed / "deep" / "flink")
    (doomed / "deep").chmod(0o500)
    remove_tree(str(doomed))
    assert not doomed.exists()
    assert (victim / "keep.txt").read_text() == "keep\n"


def test_locks_are_not_left_behind(tmp_path: Path) -> None:
    root = project(tmp_path)
    apply(make_plan(root))
    # the folder tidy locked and moved can be locked again by anyone
    fd = os.open(root / "pkg", os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(fd)


def test_a_cache_with_a_filesystem_mounted_inside_is_skipped(tmp_path: Path) -> None:
    root = project(tmp_path)
    inner = root / "web" / "node_modules" / "mnt"
    inner.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "none", str(inner)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        write(inner / "data.bin", b"on another filesystem")
        backdate(root / "web")
        _, outcomes = apply(make_plan(root))
        outcome = next(o for o in outcomes if o.path.endswith("node_modules"))
        assert outcome.status is Status.SKIPPED and "mounted inside" in outcome.reason
        assert (inner / "data.bin").read_bytes() == b"on another filesystem"
    finally:
        subprocess.run(["umount", str(inner)], check=False)
