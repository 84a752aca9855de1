"""Settling and busy checks. The debouncer runs on a clock the test advances (its `clock`
parameter); the busy checks look at real files and real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_repo, write
from tidy.watch.debounce import Debouncer, busy_reason


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_of_100000_events_is_one_pending_rescan() -> None:
    clock = Clock()
    bouncer = Debouncer(["/ws/web", "/ws/api"], ["/ws"], settle=2.0, clock=clock)
    for i in range(100_000):
        bouncer.add(f"/ws/web/node_modules/p{i % 997}/f{i}.js")
        if i % 1000 == 0:
            clock.now += 0.05  # 5 s of writing in all
    assert bouncer.take_ready() == [], "still being written: nothing has settled"
    clock.now += 1.9
    assert bouncer.take_ready() == []
    clock.now += 0.2
    ready = bouncer.take_ready()
    assert [(p.unit, p.events) for p in ready] == [("/ws/web", 100_000)]
    assert bouncer.take_ready() == [] and bouncer.next_due() is None


def test_events_go_to_the_innermost_unit_and_outside_ones_are_dropped() -> None:
    clock = Clock()
    bouncer = Debouncer(["/ws/a", "/ws/a/vendor/b"], ["/ws"], settle=1.0, clock=clock)
    for path in ("/ws/a/x.py", "/ws/a/vendor/b/y.py", "/ws/a/vendor/b", "/ws/loose/z",
                 "/elsewhere/q"):
        bouncer.add(path)
    clock.now += 1.0
    assert {p.unit: p.events for p in bouncer.take_ready()} == {
        "/ws/a": 1, "/ws/a/vendor/b": 2, "/ws": 1}
    assert bouncer.events_dropped == 1


def test_a_continuously_written_project_is_looked_at_after_max_wait() -> None:
    clock = Clock()
    bouncer = Debouncer(["/ws/a"], ["/ws"], settle=1.0, max_wait=10.0, clock=clock)
    for _ in range(200):
        bouncer.add("/ws/a/log.txt")
        clock.now += 0.1
        if bouncer.take_ready():
            break
    assert 10.0 <= clock.now - 1000.0 <= 10.2


def test_overflow_rescans_every_root_and_own_moves_are_forgotten() -> None:
    clock = Clock()
    bouncer = Debouncer(["/ws/a"], ["/ws", "/other"], settle=1.0, clock=clock)
    bouncer.overflow()
    clock.now += 1.0
    assert sorted((p.unit, p.overflow) for p in bouncer.take_ready()) == [
        ("/other", True), ("/ws", True)]
    bouncer.add("/ws/a/__pycache__/m.cpython-311.pyc")  # tidy moved it during a pass
    bouncer.discard_own(["/ws/a/__pycache__/m.cpython-311.pyc"])
    assert bouncer.pending_units() == []
    bouncer.suppress(["/ws/a/node_modules"], seconds=5)
    bouncer.add("/ws/a/node_modules")
    bouncer.add("/ws/a/.tidy-trash/run/000000/x")
    assert bouncer.pending_units() == []
    bouncer.add("/ws/a/src.py")
    bouncer.discard_own(["/ws/a/node_modules"])
    assert bouncer.pending_units() == ["/ws/a"], "a real change stays"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["/w/a", "/w/b", "/w/c"]), st.floats(0, 5)),
                min_size=1, max_size=40), st.floats(0, 10))
def test_ready_means_quiet_for_the_settle_period(events: list[tuple[str, float]],
                                                 later: float) -> None:
    clock = Clock()
    bouncer = Debouncer(["/w/a", "/w/b", "/w/c"], ["/w"], settle=1.5, max_wait=100, clock=clock)
    last: dict[str, float] = {}
    for unit, step in events:
        clock.now += step
        bouncer.add(f"{unit}/f")
        last[unit] = clock.now
    clock.now += later
    ready = {p.unit for p in bouncer.take_ready()}
    assert ready == {u for u, t in last.items() if clock.now - t >= 1.5}
    assert set(bouncer.pending_units()) == set(last) - ready


def test_busy_when_a_folder_was_just_written_or_git_holds_the_index(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "app")
    write(repo / "src" / "a.py", "")
    busy = busy_reason(str(repo), [str(repo / "src")], quiet=10.0)
    assert busy is not None and "src was written" in busy.reason and 0 < busy.wait <= 10.1
    old = time.time() - 60
    os.utime(repo / "src", (old, old))
    assert busy_reason(str(repo), [str(repo / "src")], quiet=10.0) is None
    (repo / ".git" / "index.lock").write_text("")
    busy = busy_reason(str(repo / "src"), [], quiet=10.0)
    assert busy is not None and "index.lock" in busy.reason and busy.lasting
    assert busy.backoff(1) == 10.0 and busy.backoff(3) == 40.0 and busy.backoff(20) == 300.0


def _busy_seen_by_another_process(unit: Path) -> str:
    """busy_reason as a watcher sees it: from a process that did not start the build (the
    checker's own children and ancestors are never taken for builds)."""
    code = ("import sys; from tidy.watch.debounce import busy_reason; "
            "b = busy_reason(sys.argv[1], [], quiet=1.0); print(b.reason if b else '')")
    out = subprocess.run([sys.executable, "-c", code, str(unit)], capture_output=True,
                         text=True, check=True, cwd="/")
    return out.stdout.strip()


@pytest.mark.slow
def test_a_build_process_inside_makes_it_busy_an_idle_shell_does_not(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "app")
    shell = subprocess.Popen(["bash"], cwd=repo, stdin=subprocess.PIPE)
    try:
        time.sleep(0.2)
        assert _busy_seen_by_another_process(repo) == "", "a shell sitting there is no build"
        build = subprocess.Popen(["sleep", "30"], cwd=repo / ".git")
        try:
            time.sleep(0.2)
            assert _busy_seen_by_another_process(repo) == (
                f"a process is running inside it: sleep (pid {build.pid})")
            assert _busy_seen_by_another_process(tmp_path / "elsewhere") == ""
        finally:
            build.kill()
            build.wait()
    finally:
        shell.kill()
        shell.wait()
