"""Builders for the watch tests: a real `tidy watch` child, its log, backdated trees.

Nothing is simulated: the watcher is `python -m tidy watch` in a subprocess, on a tmp tree,
with its own state folder; what it did is read back from its log and journal files.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import py_compile
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.conftest import hermetic_env

DAY = 86400


def watch_env(state: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    return hermetic_env({"TIDY_STATE_DIR": str(state), **(extra or {})})


def log_entries(state: Path, event: str | None = None) -> list[dict[str, Any]]:
    entries = []
    for name in ("watch.log.1", "watch.log"):
        path = state / name
        if not path.exists():
            continue
        for line in path.read_bytes().splitlines():
            with contextlib.suppress(ValueError):
                entries.append(json.loads(line))
    return [e for e in entries if event in (None, e.get("event"))]


def wait_for(condition: Callable[[], Any], timeout: float, what: str,
             every: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@contextlib.contextmanager
def watcher(root: Path | str, state: Path, *args: str, cwd: Path | str = "/",
            env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """A real `tidy watch ROOT ARGS` until the block ends (SIGTERM, then its end is checked).

    Yields once the watcher's first pass over the roots has been logged.
    """
    err = open(state.parent / f"watcher-{time.monotonic_ns()}.err", "w+b")  # noqa: SIM115
    passes_before = len(log_entries(state, "pass"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tidy", "watch", str(root), "--stop-after", "120s", *args],
        cwd=cwd, env=env or watch_env(state), stdout=subprocess.DEVNULL, stderr=err)
    try:
        wait_for(lambda: proc.poll() is not None
                 or len(log_entries(state, "pass")) > passes_before, 60,
                 "the watcher's start pass")
        if proc.poll() is not None:
            err.seek(0)
            raise AssertionError(f"tidy watch exited {proc.returncode}: {err.read().decode()}")
        yield proc
    finally:
        stopped = proc.poll() is None
        if stopped:
            proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
        err.seek(0)
        stderr = err.read().decode()
        err.close()
    # Stopped by SIGTERM: it finishes and ends by the signal, as every tidy command does.
    wanted = -signal.SIGTERM if stopped else 0
    assert code == wanted, f"tidy watch exited {code}: {stderr}"


def compile_to_cache(source: Path) -> Path:
    """Byte-compile `source` where the interpreter keeps it: __pycache__/NAME.cpython-3X.pyc."""
    target = Path(importlib.util.cache_from_source(str(source)))
    py_compile.compile(str(source), cfile=str(target), doraise=True)
    return target


def set_age(path: Path, seconds: float, now: float | None = None) -> None:
    """Everything at and below `path` gets mtime (and atime) `seconds` ago."""
    when = (now or time.time()) - seconds
    if path.is_dir() and not path.is_symlink():
        for folder, dirs, files in os.walk(path, topdown=False):
            for name in [*files, *dirs]:
                os.utime(os.path.join(folder, name), (when, when), follow_symlinks=False)
    os.utime(path, (when, when), follow_symlinks=False)


def run_tidy(*args: str, state: Path, cwd: Path | str = "/", timeout: float = 120,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tidy", *args], cwd=cwd, capture_output=True,
                          text=True, env=env or watch_env(state), timeout=timeout, check=False)


def watch_once_json(root: Path, state: Path) -> dict[str, Any]:
    """`tidy watch --once ROOT --format json`, which must exit 0, as its JSON document."""
    done = run_tidy("watch", "--once", str(root), "--format", "json", state=state)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result
