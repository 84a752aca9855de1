"""The walk spread over forked workers gives what one process walking alone gives.

Every comparison walks the same real tree twice: once in this process alone (`WorkerPool(0)`),
once with every pending folder handed to the workers in small parts (share_above=1,
share_after=0, a small part budget: most folders go back and forth). As root the walks run in
a forked child that dropped to `nobody`, so folders closed with chmod are really unreadable.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import distinct_files, du_apparent, write
from tests.workspace.trees import as_nobody, decorate, materialise, open_tree, random_tree, sized
from tidy.core.config import Config
from tidy.workspace.pool import WorkerPool
from tidy.workspace.walk import WalkOptions, WalkResult, walk

_CATALOG = Config().catalog()


def normal(result: WalkResult) -> dict[str, Any]:
    """Everything a walk reports, in an order that does not depend on who walked what."""
    return {
        "hits": sorted(
            (h.rel, h.kind.name, dataclasses.astuple(h.size),
             sorted(dataclasses.astuple(s) for s in h.stale_bytecode),
             dataclasses.astuple(h.repeated), h.nested_vcs)
            for h in result.hits),
        "repo_roots": sorted(result.repo_roots),
        "bare_repos": sorted(result.bare_repos),
        "surface_by_dir": {k: list(v) for k, v in sorted(result.surface_by_dir.items())},
        "content_by_dir": {k: list(v) for k, v in sorted(result.content_by_dir.items())},
        "big_files": sorted((b.rel, b.bytes) for b in result.big_files),
        "search_ignore_dirs": sorted(result.search_ignore_dirs),
        "gitignore_dirs": sorted(result.gitignore_dirs),
        "stale_legacy_pyc": sorted(result.stale_legacy_pyc),
        "skipped": sorted((s.path, s.reason) for s in result.skipped),
        "total": dataclasses.astuple(result.total),
        "entries": result.entries,
    }


@dataclasses.dataclass(frozen=True)
class ExcludeNamed:
    """The config's `exclude` as the walk asks it: picklable, it crosses to the workers."""

    names: frozenset[str]

    def __call__(self, rel: str, is_dir: bool) -> bool:
        return rel.rsplit("/", 1)[-1] in self.names


def alone(**given: Any) -> WalkOptions:
    return WalkOptions(pool=WorkerPool(0), share_above=0, **given)


def shared(pool: WorkerPool, part_budget: int = 3, **given: Any) -> WalkOptions:
    return WalkOptions(pool=pool, share_above=1, share_after=0, part_budget=part_budget,
                       **given)


def _walk_both(root: Path, part_budget: int, **given: Any) -> tuple[dict[str, Any], ...]:
    def work() -> tuple[dict[str, Any], ...]:
        one = normal(walk(str(root), _CATALOG, alone(**given)))
        with WorkerPool(2) as pool:
            many = normal(walk(str(root), _CATALOG, shared(pool, part_budget, **given)))
        return one, many

    answer: tuple[dict[str, Any], ...] = as_nobody(work)
    return answer


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=random_tree, data=st.data(), part_budget=st.sampled_from([1, 3, 10, 25_000]))
def test_property_parallel_walk_equals_the_walk_alone(
    tree: int | dict[str, Any], data: st.DataObject, part_budget: int
) -> None:
    with open_tree() as top:
        root = top / "proj"
        files: list[Path] = []
        dirs: list[Path] = []
        materialise(root, tree if isinstance(tree, dict) else {"f": tree}, files, dirs, sized)
        for i in range(3):  # enough folders that parts go to the workers at once
            materialise(root / f"part{i}", {"f": i, "node_modules": {"m": 9}}, files, dirs, sized)
        decorate(data, root, files, dirs)
        state = root / "part0" / "state"  # tidy's own state folder: never entered
        write(state / "journal", "j")
        one, many = _walk_both(root, part_budget, excluded=ExcludeNamed(frozenset({"skipme"})),
                               skip_paths=frozenset({str(state)}), big_file_bytes=1_000_000)
        assert many == one
        assert "part0/state" not in one["content_by_dir"]


def test_parallel_walk_reports_what_one_process_does_on_a_mixed_tree() -> None:
    """The fixed cases of the property, each present at once (a quick, deterministic run)."""
    with open_tree() as top:
        root = top / "proj"
        for i in range(5):
            write(root / f"app{i}" / "pkg" / "mod.py", "x = 1\n")
            write(root / f"app{i}" / "pkg" / "__pycache__" / "gone.cpython-311.pyc", size=40 + i)
            write(root / f"app{i}" / "deep" / "er" / ".mypy_cache" / "x.json", size=i)
            write(root / f"app{i}" / "repo" / ".git" / "HEAD", "x")
            write(root / f"app{i}" / "big.bin", size=1_000_001 + i)
            write(root / f"app{i}" / "skipme" / "hidden.txt", "h")
            write(root / f"app{i}" / "na\nme" / os.fsdecode(b"caf\xe9"), size=3)
            os.symlink("..", root / f"app{i}" / "loop")
            os.symlink("/usr", root / f"app{i}" / "usr")
            write(root / f"app{i}" / "closed" / "k.txt", "k")
            (root / f"app{i}" / "closed").chmod(0)
        for i in range(40):
            write(root / "app0" / "node_modules" / f"p{i}" / "index.js", size=i)
            # many folders three levels down a chain: a part hands it back to be shared
            write(root / "app1" / ".next" / "cache" / "webpack" / f"c{i}" / "a.js", size=i)
        one, many = _walk_both(root, 2, excluded=ExcludeNamed(frozenset({"skipme"})))
        assert many == one
        assert ("app3/closed", "permission denied") in one["skipped"] or os.geteuid() != 0
        assert sorted(one["repo_roots"]) == [f"app{i}/repo" for i in range(5)]


def test_a_small_tree_is_walked_without_forking_and_a_bigger_one_is_shared(
    tmp_path: Path,
) -> None:
    """Forking costs more than walking a small repo (hooks and watch scan often); past a few
    thousand entries the workers take part at once."""
    small = tmp_path / "small"
    for i in range(30):  # more pending folders than share_above: only the size holds it back
        write(small / "src" / f"m{i}" / "a.py", "x = 1\n")
    with WorkerPool(2) as pool:
        alone_result = walk(str(small), _CATALOG, WalkOptions(pool=pool))
        assert not pool.started
    assert alone_result.total.files == 30
    big = tmp_path / "big"
    for i in range(40):
        for j in range(150):
            write(big / "src" / f"m{i}" / f"f{j}.py")
    with WorkerPool(2) as pool:
        shared_result = walk(str(big), _CATALOG, WalkOptions(pool=pool))
        assert pool.started
    assert normal(shared_result) == normal(walk(str(big), _CATALOG, alone()))


# ------------------------------------------------------------------ races and killed workers
@dataclasses.dataclass(frozen=True)
class DeleteOnSight:
    """An `exclude` filter that, asked about `trigger` (in whichever process walks it),
    deletes the files named in `doomed` and notes every path it was asked about: the walk
    asks after each successful lstat, so the notes say which files were seen in time."""

    root: str
    trigger: str
    doomed: tuple[str, ...]
    log: str

    def __call__(self, rel: str, is_dir: bool) -> bool:
        with open(self.log, "a", encoding="utf-8", errors="surrogateescape") as notes:
            notes.write(rel + "\0")
        if rel == self.trigger:
            for name in self.doomed:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(self.root, name))
        return False


def test_files_vanishing_while_workers_walk_are_counted_or_skipped_never_both(
    tmp_path: Path,
) -> None:
    root = tmp_path / "tree"
    for i in range(6):
        for j in range(30):
            write(root / f"part{i}" / f"f{j:02d}.txt", size=100 + j)
        write(root / f"part{i}" / "trigger", "t")
    doomed = tuple(f"part{i}/f{j:02d}.txt" for i in range(6) for j in range(30) if j % 2)
    log = tmp_path / "seen"
    delete = DeleteOnSight(str(root), "part4/trigger", doomed, str(log))
    with WorkerPool(2) as pool:
        result = walk(str(root), _CATALOG, shared(pool, excluded=delete))
    seen = set(log.read_text(encoding="utf-8", errors="surrogateescape").split("\0"))
    gone = {rel for rel in doomed if rel not in seen}
    assert gone, "nothing was deleted before the walk reached it: the race did not happen"
    # A file deleted before its folder was listed is simply not there; one listed and gone
    # before its lstat is skipped with the reason; one seen is counted, never both.
    assert {s.path for s in result.skipped} <= gone
    assert {s.reason for s in result.skipped} <= {"vanished during the scan"}
    counted_gone = [rel for rel in doomed if rel in seen]
    assert result.total.files == distinct_files(root) + len(counted_gone)
    assert result.total.apparent == du_apparent(root) + sum(
        100 + int(rel[-6:-4]) for rel in counted_gone)


@dataclasses.dataclass(frozen=True)
class KillWorkerOnSight:
    """An `exclude` filter that kills the worker process asking it about `trigger` (SIGKILL,
    as the out-of-memory killer does); the main process asking is left alone. Once: the
    first kill leaves a mark."""

    main_pid: int
    trigger: str
    mark: str

    def __call__(self, rel: str, is_dir: bool) -> bool:
        if rel.endswith(self.trigger) and os.getpid() != self.main_pid:
            with contextlib.suppress(FileExistsError):
                os.close(os.open(self.mark, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
                os.kill(os.getpid(), signal.SIGKILL)
        return False


def test_a_worker_killed_mid_walk_gives_the_full_result(tmp_path: Path) -> None:
    """A worker dies with its part half walked: the walk is done again in this process and
    reports what a walk alone reports, never a total without that part."""
    root = tmp_path / "tree"
    for i in range(8):
        for j in range(20):
            write(root / f"part{i}" / f"sub{j}" / "f.txt", size=i * 100 + j)
        write(root / f"part{i}" / "kill-here", "k")
    for i in range(40):
        write(root / "node_modules" / f"p{i}" / "index.js", size=i)
    mark = tmp_path / "killed"
    killer = KillWorkerOnSight(os.getpid(), "kill-here", str(mark))
    expected = normal(walk(str(root), _CATALOG, alone(excluded=killer)))
    pool = WorkerPool(2)
    try:
        result = walk(str(root), _CATALOG, shared(pool, excluded=killer))
    finally:
        pool.shutdown()
    assert mark.exists(), "no worker reached the trigger: nothing was killed"
    assert normal(result) == expected
    assert result.total.apparent == du_apparent(root)
    assert pool.get() is None  # the broken pool is retired: later work runs inline


def test_a_worker_killed_in_a_cli_scan_still_reports_the_full_tree(tmp_path: Path) -> None:
    """Through the engine: the early index job shares the broken pool and is given up (its
    rules then do the work themselves); the scan's totals are those of du."""
    from tidy import engine

    root = tmp_path / "tree"
    for i in range(8):
        for j in range(20):
            write(root / f"part{i}" / f"sub{j}" / "f.txt", size=j)
        write(root / f"part{i}" / "kill-here", "k")
    mark = tmp_path / "killed"
    config = Config()
    options = WalkOptions
    killer = KillWorkerOnSight(os.getpid(), "kill-here", str(mark))

    def sharing(**given: Any) -> WalkOptions:
        return options(**{**given, "excluded": killer, "share_above": 1, "share_after": 0,
                          "part_budget": 3})

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "WalkOptions", sharing)
        report = engine.scan([str(root)], config)
    assert mark.exists()
    (group,) = report.groups
    assert group.scanned.apparent == du_apparent(root)
    assert group.scanned.files == distinct_files(root)


_ORPHAN_SCRIPT = """
import os, sys, time
from tidy.workspace.pool import WorkerPool
pool = WorkerPool(2)
executor = pool.get()
futures = [executor.submit(time.sleep, 60) for _ in range(2)]
time.sleep(0.5)  # both workers forked and busy
print(" ".join(str(p) for p in executor._processes), flush=True)
time.sleep(60)
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
def test_the_pools_workers_die_with_a_killed_scan(tmp_path: Path) -> None:
    """kill -9 of tidy mid-scan: its workers are killed too (PR_SET_PDEATHSIG), not left
    walking a tree nobody waits for."""
    import subprocess
    import sys
    import time

    proc = subprocess.Popen([sys.executable, "-c", _ORPHAN_SCRIPT], stdout=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        assert proc.stdout is not None
        workers = [int(p) for p in proc.stdout.readline().split()]
        assert len(workers) == 2 and all(_running(p) for p in workers)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(_running(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not any(_running(p) for p in workers)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _wait_on(fd: int) -> bytes:
    """A worker's job that holds it until a byte arrives on the pipe `fd` (inherited)."""
    return os.read(fd, 1)


def test_measuring_no_worker_took_yet_is_done_by_the_walk_itself(tmp_path: Path) -> None:
    import threading

    from tidy.workspace.walk import Walker

    root = tmp_path / "proj"
    write(root / "src" / "app.py", "x = 1\n")
    for i in range(70):  # enough subfolders to be measured in jobs on the workers
        write(root / "node_modules" / f"p{i}" / "index.js", size=i * 11)
        write(root / "node_modules" / f"p{i}" / "lib" / "more.js", size=i)
    one = normal(walk(str(root), _CATALOG, alone()))
    read_end, write_end = os.pipe()
    try:
        with WorkerPool(2) as pool:
            executor = pool.get()
            assert executor is not None
            held = [executor.submit(_wait_on, read_end) for _ in range(2)]
            # Both workers are held: the measuring waits in the queue, where the walk takes
            # its jobs back in order; the first ones may have gone to the executor's call
            # queue already, so the workers are let go after a while.
            release = threading.Timer(1.0, os.write, (write_end, b"xx"))
            release.start()
            walker = Walker(str(root), _CATALOG, WalkOptions(pool=pool, share_above=0))
            many = normal(walker.run())
            release.join()
            assert [f.result() for f in held] == [b"x", b"x"]
    finally:
        os.close(read_end)
        os.close(write_end)
    assert many == one
    futures = [f for job in walker._jobs for f in job.futures]
    assert len(futures) > 2 and sum(f.cancelled() for f in futures) >= len(futures) - 3


def test_a_part_hands_a_big_artifact_back_at_once_and_stops(tmp_path: Path) -> None:
    """A worker's part that meets an artifact with many folders, even three levels down a
    chain (`.next/cache/webpack/<40 folders>`), hands it back unmeasured and stops at its next
    folder, its pending folders handed back too: the main process shares the measuring out to
    every process at once, instead of the part measuring it alone and going on (250k bench
    tree: `.next`, 24,000 entries, was measured by one worker, and `node_modules`, 122,000,
    reached the others only when that part ended)."""
    from tidy.workspace.walk import explore_part

    root = tmp_path / "proj"
    app = root / "app"
    write(app / "package.json", "{}")
    for i in range(40):
        write(app / ".next" / "cache" / "webpack" / f"c{i}" / "a.js", size=i)
    for i in range(5):
        write(app / "src" / f"m{i}" / "x.ts", "x")
    options = WalkOptions(pool=WorkerPool(0), share_above=0, defer_links=True,
                          stop_after=25_000)
    part = explore_part(str(root), root.stat().st_dev, _CATALOG, options, str(app), "app",
                        False)
    (job,) = part.jobs
    assert job.rel == "app/.next" and not job.futures
    assert sorted(rel for _, rel, _ in job.unmeasured) == sorted(
        f"app/.next/cache/webpack/c{i}" for i in range(40))
    assert job.top.dirs == 43  # .next, and each folder's entry as its parent's listing has it
    assert [rel for _, rel, _ in part.leftover] == ["app/src"]


def test_splitting_goes_down_a_chain_of_lone_folders_and_counts_it(tmp_path: Path) -> None:
    from tidy.workspace.measure import Measured, measure_roots, split_roots

    top = tmp_path / "a"
    for i in range(20):
        write(top / "b" / "c" / "d" / f"e{i}" / "f.txt", size=i)
    write(top / "b" / "note.txt", size=5)
    device = top.stat().st_dev
    whole = measure_roots([(str(top), "a", False)], device, False)
    out = Measured()
    roots = split_roots([(str(top), "a", False)], out, device, False, want=64)
    assert sorted(rel for _, rel, _ in roots) == sorted(f"a/b/c/d/e{i}" for i in range(20))
    out.absorb(measure_roots(roots, device, False))
    assert (out.apparent, out.blocks, out.files, out.dirs, out.entries) == (
        whole.apparent, whole.blocks, whole.files, whole.dirs, whole.entries)


@given(n=st.integers(0, 3000), share=st.integers(1, 8), least=st.integers(1, 8),
       extra=st.integers(0, 100))
def test_property_shrinking_chunks_take_every_root_once_in_order(
    n: int, share: int, least: int, extra: int
) -> None:
    from tidy.workspace.measure import shrinking_chunks

    roots = [(f"/r/{i}", str(i), False) for i in range(n)]
    jobs = shrinking_chunks(roots, share, least, least + extra)
    assert [root for job in jobs for root in job] == roots
    sizes = [len(job) for job in jobs]
    assert sizes == sorted(sizes, reverse=True)  # the last ones are the small ones
    assert all(least <= size <= least + extra for size in sizes[:-1])
    assert not sizes or 1 <= sizes[-1] <= least + extra
