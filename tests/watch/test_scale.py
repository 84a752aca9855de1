"""The watch budget: what the survey finds on a real tree, the kernel's limits, the mode."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tidy.core.catalog import Catalog, load_builtin
from tidy.watch import scale
from tidy.watch.scale import Layout, Limits, choose, read_limits, survey, used_watches

INOTIFY = Path("/proc/sys/fs/inotify")


def _tree(root: Path) -> dict[str, Path]:
    a = make_repo(root / "a")
    write(a / "src" / "pkg" / "m.py", "")
    write(a / "src" / "pkg" / "__pycache__" / "m.cpython-311.pyc", "")
    for i in range(70):  # a big node_modules: too many folders to watch inside
        write(a / "node_modules" / f"p{i}" / "index.js", "")
    write(a / ".mypy_cache" / "3.11" / "m.data.json", "{}")
    write(root / "b" / "notes.txt", "")
    write(root / "b" / "build" / "out.txt", "")  # no marker beside it: an ordinary folder
    return {"a": a}


def test_survey_watches_project_folders_and_never_enters_caches_or_git(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    made = _tree(root)
    a = made["a"]
    layout = survey([str(root)], Catalog(load_builtin()))
    assert sorted(layout.project_dirs) == sorted(str(p) for p in (
        root, a, a / "src", a / "src" / "pkg", root / "b", root / "b" / "build"))
    caches = {c.path: c for c in layout.caches}
    assert set(caches) == {str(a / "node_modules"), str(a / ".mypy_cache"),
                           str(a / "src" / "pkg" / "__pycache__")}
    assert caches[str(a / "node_modules")].inner is None, "70 folders: not cheap"
    assert caches[str(a / ".mypy_cache")].inner == (str(a / ".mypy_cache" / "3.11"),)
    assert caches[str(a / "src" / "pkg" / "__pycache__")].inner == ()
    assert layout.units == sorted([str(root), str(a)])
    assert not any("/.git" in d for d in layout.project_dirs)


def _layout(project_dirs: int, caches: int, units: int) -> Layout:
    layout = Layout(("/r",))
    layout.project_dirs = ["/r", *(f"/r/d{i}" for i in range(project_dirs - 1))]
    layout.caches = [scale.Cache(f"/r/d{i}/node_modules", "node_modules", None)
                     for i in range(caches)]
    layout.units = ["/r", *(f"/r/d{i}" for i in range(units - 1))]
    return layout


@pytest.mark.parametrize(("limit", "in_use", "expected_mode", "watches"), [
    (200_000, 0, "inotify-selective", 5000 + 300),  # fits half the limit
    (8192, 0, "inotify-projects", 1 + 49 + 300),  # the classic default: 4,096 is the budget
    (8192, 7000, "periodic", 0),  # others use it up: 8192 - 7000 - 1024 = 168 left
    (None, None, "periodic", 0),  # no inotify
])
def test_the_mode_follows_the_budget(limit: int | None, in_use: int | None, expected_mode: str,
                                     watches: int) -> None:
    layout = _layout(project_dirs=5000, caches=300, units=50)
    plan = choose(layout, Limits(limit, 128, 16384, in_use), rescan_every=3600,
                  platform="linux")
    assert plan.mode == expected_mode
    assert len(plan.dirs) == watches
    expected_budget = 0 if limit is None else min(limit // 2, limit - (in_use or 0) - 1024)
    assert plan.budget == max(0, expected_budget)
    assert expected_mode in plan.describe()
    if expected_mode != "inotify-selective":
        assert plan.rescan_every == 900  # without events for most folders: rescan more often


def test_max_watches_and_other_systems() -> None:
    layout = _layout(project_dirs=100, caches=10, units=5)
    limits = Limits(200_000, 128, 16384, 0)
    assert choose(layout, limits, 3600, max_watches=50, platform="linux").mode == (
        "inotify-projects")
    assert choose(layout, limits, 3600, max_watches=10, platform="linux").mode == "periodic"
    native = choose(layout, limits, 3600, platform="darwin")
    assert native.mode == "native-recursive" and native.dirs == ("/r",)


@pytest.mark.skipif(not INOTIFY.is_dir(), reason="no inotify on this system")
def test_limits_are_read_from_proc_and_watches_in_use_are_counted() -> None:
    from watchdog.observers.inotify_c import CallbackId, InotifyConstants, InotifyFD

    limits = read_limits()
    assert limits.max_user_watches == int((INOTIFY / "max_user_watches").read_text())
    assert limits.max_user_instances == int((INOTIFY / "max_user_instances").read_text())
    assert limits.max_queued_events == int((INOTIFY / "max_queued_events").read_text())
    before = used_watches()
    assert before is not None
    inotify = InotifyFD()

    class Ignore:
        def on_event(self, event: object) -> None: ...
        def on_watch_deleted(self, wd: object) -> None: ...
        def on_queue_overflow(self) -> None: ...

    try:
        for path in ("/", "/tmp", "/proc", os.path.expanduser("~")):
            inotify.add_callback(os.fsencode(path), InotifyConstants.IN_CREATE, Ignore(),
                                 CallbackId(1))
        # Other processes may add or drop watches meanwhile: at least ours appear.
        assert (used_watches() or 0) >= 4
        own = scale._watches_of(f"/proc/{os.getpid()}")
        assert own >= 4
    finally:
        inotify.close()
