"""A watch pass never moves what a live process uses, and one busy project holds back no other.

Real processes (started from outside the watched folder, as a dev server or a test run from
another terminal would be) and real `tidy watch --once` subprocesses."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import make_repo, write
from tests.watch.helpers import (
    DAY,
    compile_to_cache,
    set_age,
    wait_for,
    watch_once_json,
    watcher,
)

HOLD = "import sys, time; f = open(sys.argv[1], 'rb'); print('open', flush=True); time.sleep(60)"


@contextlib.contextmanager
def running(argv: list[str], cwd: Path | str = "/") -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, text=True)
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=10)


def _holding(path: Path) -> contextlib.AbstractContextManager[subprocess.Popen[str]]:
    return running([sys.executable, "-c", HOLD, str(path)])


def _cache(root: Path, name: str) -> Path:
    """A repo with a 4 kB .mypy_cache written two days ago."""
    project = make_repo(root / name)
    write(project / "main.py", "")
    cache = write(project / ".mypy_cache" / "3.11" / "main.data.json", size=4000).parent.parent
    set_age(cache, 2 * DAY)
    return cache


def _workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    write(root / ".tidy.toml", '[watch]\ncache-budget = "1KB"\ncache-kinds = [".mypy_cache"]\n')
    return root


def _by_path(result: dict[str, object]) -> dict[str, tuple[str, str]]:
    return {a["path"]: (a["status"], a["reason"])  # type: ignore[index]
            for a in result["actions"]}  # type: ignore[attr-defined]


def test_a_cache_a_process_has_a_file_of_open_stays_the_others_go(tmp_path: Path,
                                                                   state: Path) -> None:
    root = _workspace(tmp_path)
    held, free = _cache(root, "served"), _cache(root, "idle")
    with _holding(held / "3.11" / "main.data.json") as proc:
        assert proc.stdout is not None and proc.stdout.readline() == "open\n"
        result = watch_once_json(root, state)
        assert (held / "3.11" / "main.data.json").exists(), "moved while a process reads it"
    actions = _by_path(result)
    assert actions[str(held)][0] == "skipped"
    assert f"(pid {proc.pid}) has {held / '3.11' / 'main.data.json'} open" in actions[str(held)][1]
    assert actions[str(free)] == ("done", "")
    assert not free.exists()
    assert watch_once_json(root, state)["done"] == 1, "once the file is closed, it goes"
    assert not held.exists()


def test_a_program_running_from_a_build_folder_keeps_it(tmp_path: Path, state: Path) -> None:
    root = _workspace(tmp_path)
    cache = _cache(root, "app")
    program = cache / "3.11" / "server"
    shutil.copy2("/bin/sleep", program)
    set_age(cache, 2 * DAY)
    with running([str(program), "60"]) as proc:
        wait_for(lambda: Path(f"/proc/{proc.pid}/exe").resolve() == program, 5, "the program")
        result = watch_once_json(root, state)
        assert program.exists()
    status, reason = _by_path(result)[str(cache)]
    assert status == "skipped" and f"(pid {proc.pid}) has {program} open" in reason


def test_a_build_in_one_project_holds_back_only_that_project(tmp_path: Path,
                                                            state: Path) -> None:
    """A dev server left running in one repo: the nightly pass over the whole folder still
    cleans every other repo (it deferred the whole folder, night after night)."""
    root = _workspace(tmp_path)
    busy, other = _cache(root, "busy"), _cache(root, "other")
    loose = make_repo(root / "loose")
    stale = compile_to_cache(write(loose / "pkg" / "gone.py", ""))
    (loose / "pkg" / "gone.py").unlink()
    set_age(loose / "pkg", 3600)
    with running(["sleep", "60"], cwd=busy.parent) as proc:
        wait_for(lambda: Path(f"/proc/{proc.pid}/cwd").resolve() == busy.parent, 5, "sleep")
        result = watch_once_json(root, state)
    actions = _by_path(result)
    assert result["deferred"] == []
    assert actions[str(busy)][0] == "skipped"
    assert "a process is running inside its project: sleep" in actions[str(busy)][1]
    assert actions[str(other)][0] == "done" and actions[str(stale)][0] == "done"
    assert busy.exists() and not other.exists() and not stale.exists()


def test_a_git_operation_in_a_repo_below_the_watched_folder_holds_it_back(
        tmp_path: Path, state: Path) -> None:
    root = _workspace(tmp_path)
    locked, other = _cache(root, "locked"), _cache(root, "other")
    write(locked.parent / ".git" / "index.lock", "")
    result = watch_once_json(root, state)
    actions = _by_path(result)
    assert actions[str(locked)][0] == "skipped"
    assert "a git operation is running" in actions[str(locked)][1]
    assert locked.exists() and not other.exists()


WATCHING = """
import sys, time
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer
observer = Observer()
observer.schedule(FileSystemEventHandler(), sys.argv[1], recursive=True)
observer.start()
print("watching", flush=True)
time.sleep(60)
"""


def test_a_cache_a_dev_server_watches_for_changes_stays(tmp_path: Path, state: Path) -> None:
    """`tsc -w`, vite, webpack --watch started from another folder hold no file open: they
    hold inotify watches inside node_modules (measured: a `tsc -w -p web` from / had its
    node_modules, dist and .tsbuildinfo moved under it)."""
    root = _workspace(tmp_path)
    watched, free = _cache(root, "served"), _cache(root, "idle")
    with running([sys.executable, "-c", WATCHING, str(watched)]) as proc:
        assert proc.stdout is not None and proc.stdout.readline() == "watching\n"
        result = watch_once_json(root, state)
        assert (watched / "3.11" / "main.data.json").exists()
    status, reason = _by_path(result)[str(watched)]
    assert status == "skipped" and f"(pid {proc.pid}) watches it for changes" in reason
    assert not free.exists()


def test_a_tidy_watch_started_inside_the_folder_holds_nothing_back(tmp_path: Path,
                                                                   state: Path) -> None:
    """A watcher run from a shell in the watched folder (its working folder is there, and it
    watches the cache folders) made every `--once` of the folder defer it whole: busy."""
    root = _workspace(tmp_path)
    cache = _cache(root, "app")
    no_budget = write(tmp_path / "plain.toml", "")
    with watcher(root, state, "--config", str(no_budget), cwd=root):
        result = watch_once_json(root, state)
    assert result["deferred"] == [] and _by_path(result)[str(cache)] == ("done", "")
    assert not cache.exists()


def test_a_test_run_started_from_another_folder_keeps_its_project(tmp_path: Path,
                                                                  state: Path) -> None:
    """`python -m pytest ~/code/app` from a terminal elsewhere: no working folder in the
    project, no file of the cache open while a test runs. Its path on the command line says
    whose it is."""
    root = _workspace(tmp_path)
    cache, other = _cache(root, "app"), _cache(root, "other")
    write(cache.parent / "tests" / "test_slow.py",
          "import time\n\ndef test_slow():\n    print('running', flush=True)\n"
          "    time.sleep(60)\n")
    argv = [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
            str(cache.parent / "tests")]
    with running(argv, cwd=tmp_path) as proc:
        assert proc.stdout is not None
        wait_for(lambda: "running" in proc.stdout.readline(), 30, "the test to run")  # type: ignore[union-attr]
        result = watch_once_json(root, state)
        assert (cache / "3.11" / "main.data.json").exists(), "moved under a running test"
    status, reason = _by_path(result)[str(cache)]
    assert status == "skipped", reason
    assert f"(pid {proc.pid}) was given {cache.parent / 'tests'}" in reason
    assert not other.exists()
