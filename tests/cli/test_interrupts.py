"""Ctrl-C, SIGTERM and SIGHUP as a user, a terminal closing or a cancelled CI job send them:
real `python -m tidy` processes, real signals (tidy.core.stop_signals).

Each ends with one line, "tidy: interrupted" (with the signal's name when not Ctrl-C), and the
process then ends by that signal, as a shell expects (130, 143, 129 in $?). Hypothesis picks the
signal and the moment for `tidy fix` and `tidy scan` (few examples: the wide sweep is
bench/interrupt_sweep.py); after each, no process of the run is left (/proc), no temp file or
torn report, and `tidy undo` gives the tree back byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import commit, hermetic_env, make_repo, write

_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

_SIGNAL_AT_IMPORT = """
import importlib.abc, runpy, signal, sys

SIGNUM = int(sys.argv[1])

class SignalAt(importlib.abc.MetaPathFinder):
    # The signal, at the moment the command's module is imported (the scan's own code runs).
    def find_spec(self, name, path=None, target=None):
        if name == "tidy.cli.scan":
            sys.meta_path.remove(self)
            signal.raise_signal(SIGNUM)
        return None

sys.meta_path.insert(0, SignalAt())
sys.argv = ["tidy", "scan", "."]
runpy.run_module("tidy", run_name="__main__", alter_sys=True)
"""


def _as_from_a_terminal() -> None:
    """In the child before exec: SIGINT at its default, as a terminal's command gets it (a
    suite started in the background by a shell has it ignored, and tidy keeps an ignored
    SIGINT ignored, as any program does)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _line(signum: int) -> str:
    if signum == signal.SIGINT:
        return "tidy: interrupted"
    return f"tidy: interrupted ({signal.Signals(signum).name})"


@pytest.mark.parametrize("signum", _SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_each_stop_signal_is_one_line_then_ends_the_process_by_it(tmp_path: Path,
                                                                  signum: int) -> None:
    # main's code: SIGTERM and SIGHUP ended the process at once, nothing said and no finally
    # block run; Ctrl-C said its line but exited 130 (a shell's loop went on to the next).
    done = subprocess.run([sys.executable, "-c", _SIGNAL_AT_IMPORT, str(int(signum))],
                          cwd=tmp_path, capture_output=True, text=True, env=hermetic_env(),
                          timeout=60, check=False, preexec_fn=_as_from_a_terminal)
    assert done.stderr.strip() == _line(signum), done.stderr
    assert done.returncode == -signum


_CTRL_C_DROPPED = """
import importlib.abc, runpy, signal, sys, weakref

class Thing:
    pass

class CtrlCInACallback(importlib.abc.MetaPathFinder):
    # The user's Ctrl-C, landing while Python runs a weakref callback (as importlib's module
    # lock callback): Python cannot raise it there, prints "Exception ignored" and goes on.
    def find_spec(self, name, path=None, target=None):
        if name == "tidy.cli.scan":
            sys.meta_path.remove(self)
            thing = Thing()
            self.ref = weakref.ref(thing, lambda _: signal.raise_signal(signal.SIGINT))
            del thing
        return None

sys.meta_path.insert(0, CtrlCInACallback())
sys.argv = ["tidy", "scan", "."]
runpy.run_module("tidy", run_name="__main__", alter_sys=True)
"""


def test_a_ctrl_c_python_drops_is_given_again(tmp_path: Path) -> None:
    # main's code: "Exception ignored in: <function ...>", then the scan ran on and exited 0.
    repo = make_repo(tmp_path / "repo")
    write(repo / "a.py", "x = 1\n")
    commit(repo, "a.py")
    done = subprocess.run([sys.executable, "-c", _CTRL_C_DROPPED], cwd=repo,
                          capture_output=True, text=True, env=hermetic_env(), timeout=60,
                          check=False, preexec_fn=_as_from_a_terminal)
    assert done.returncode == -signal.SIGINT, done
    assert done.stderr.strip() == "tidy: interrupted", done.stderr


# ------------------------------------------------------------- at a random moment, for real
def _tree(root: Path) -> Path:
    """A repo with a pool's worth of node_modules packages and caches to move."""
    repo = make_repo(root / "repo")
    for i in range(60):
        write(repo / f"pkg{i}" / "__init__.py", f"X = {i}\n")
        write(repo / f"pkg{i}" / "__pycache__" / "__init__.cpython-311.pyc", size=1024)
    for i in range(40):
        write(repo / "node_modules" / f"p{i}" / "index.js", "module.exports = 1\n")
    write(repo / ".gitignore", "node_modules/\n__pycache__/\n")
    commit(repo, ".gitignore", *(f"pkg{i}/__init__.py" for i in range(60)))
    return repo


def _snapshot(root: Path) -> dict[str, str]:
    seen = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            path = Path(folder, name)
            seen[str(path.relative_to(root))] = hashlib.sha1(path.read_bytes()).hexdigest()
    return seen


def _left_running(marker: str) -> list[str]:
    """Processes of the run still alive (not zombies), found by their environment."""
    left = []
    needle = f"TIDY_TEST_RUN={marker}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if needle not in Path(f"/proc/{entry}/environ").read_bytes():
                continue
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if stat.rsplit(")", 1)[1].split()[0] != "Z":
            left.append(stat[:80])
    return left


def _temp_files(*tops: Path) -> list[str]:
    found = []
    for top in tops:
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if d not in (".git", "trash")]
            found += [os.path.join(folder, n) for n in files if ".tmp" in n]
    return found


def _stop_at(argv: list[str], cwd: Path, env: dict[str, str], signum: int,
             delay: float) -> tuple[subprocess.CompletedProcess[str], bool]:
    """The command, sent `signum` (to its process group, as a terminal does) after `delay`;
    whether it was still running then."""
    proc = subprocess.Popen([sys.executable, "-m", "tidy", *argv], cwd=cwd, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_as_from_a_terminal)
    time.sleep(delay)
    running = proc.poll() is None
    if running:
        os.killpg(proc.pid, signum)
    _, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(argv, proc.returncode, "", err), running


def _no_process_left(marker: str) -> None:
    deadline = time.monotonic() + 10
    while _left_running(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _left_running(marker) == []


def _env(tmp: Path, marker: str) -> dict[str, str]:
    return hermetic_env({"TIDY_TEST_RUN": marker, "TIDY_STATE_DIR": str(tmp / "state"),
                         "HOME": str(tmp / "home")})


def _no_traceback_of_tidy(stderr: str) -> None:
    """No traceback, but for Python's own: a Ctrl-C that lands while the interpreter starts and
    runpy reads tidy's package (before tidy/__init__.py's first line, on a loaded machine 0.1 s
    in) is Python's KeyboardInterrupt of frozen frames, which no code of tidy's can catch.
    Once any of tidy's code has run, it is one line (test_ctrl_c_while_the_script_imports_tidy)."""
    if "Traceback" not in stderr:
        return
    frames = [line for line in stderr.splitlines() if line.lstrip().startswith("File ")]
    assert frames and all('File "<frozen ' in line for line in frames), stderr
    assert stderr.rstrip().endswith("KeyboardInterrupt"), stderr


_FEW = settings(max_examples=4, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@_FEW
@given(signum=st.sampled_from(_SIGNALS), delay=st.floats(0.3, 3.0))
def test_fix_stopped_at_any_moment_is_undone_byte_for_byte(tmp_path_factory: pytest.TempPathFactory,
                                                           signum: int, delay: float) -> None:
    tmp = tmp_path_factory.mktemp("fix")
    repo = _tree(tmp)
    before = _snapshot(repo)
    marker = uuid.uuid4().hex
    env = _env(tmp, marker)
    done, running = _stop_at(["fix", "-y", str(repo)], repo, env, signum, delay)
    if running:
        assert done.returncode in (-signum, 0), done.stderr
        said = done.stderr.strip().splitlines()
        _no_traceback_of_tidy(done.stderr)
        if done.returncode == -signum and said and "Traceback" not in done.stderr:
            assert said[-1] == _line(signum), done.stderr  # nothing said: Python's own start
    _no_process_left(marker)
    assert _temp_files(tmp / "state", repo) == []
    undo = subprocess.run([sys.executable, "-m", "tidy", "undo", "-y"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in undo.stderr, undo.stderr
    assert _snapshot(repo) == before, undo.stderr


@_FEW
@given(signum=st.sampled_from(_SIGNALS), delay=st.floats(0.1, 2.0))
def test_a_scan_stopped_at_any_moment_leaves_its_report_whole(
        tmp_path_factory: pytest.TempPathFactory, signum: int, delay: float) -> None:
    tmp = tmp_path_factory.mktemp("scan")
    repo = _tree(tmp)
    report = tmp / "report.json"
    report.write_text('{"the": "last good report"}\n')
    marker = uuid.uuid4().hex
    done, running = _stop_at(["scan", "--format", "json", "-o", str(report), "--history",
                              "--duplicates", str(repo)], repo, _env(tmp, marker), signum,
                             delay)
    if running:
        _no_traceback_of_tidy(done.stderr)
        assert done.returncode in (-signum, 0, 1), done.stderr
    _no_process_left(marker)
    json.loads(report.read_text())  # the old report or the whole new one, never half
    assert _temp_files(tmp / "state", tmp) == []


_CTRL_C_AT_ENTRY = """
import importlib, importlib.abc, signal, sys

class CtrlCAtEntry(importlib.abc.MetaPathFinder):
    # The user's Ctrl-C while the `tidy` script imports tidy.__main__ (tidy's package is in).
    def find_spec(self, name, path=None, target=None):
        if name == "tidy.__main__":
            sys.meta_path.remove(self)
            signal.raise_signal(signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlCAtEntry())
import tidy
sys.argv = ["tidy", "scan", "."]
from tidy.__main__ import run  # what the `tidy` script pip writes does
sys.exit(run())
"""


def test_ctrl_c_while_the_script_imports_tidy_is_one_line(tmp_path: Path) -> None:
    # main's code: Python's traceback of the import (then the end by SIGINT).
    done = subprocess.run([sys.executable, "-c", _CTRL_C_AT_ENTRY], cwd=tmp_path,
                          capture_output=True, text=True, env=hermetic_env(), timeout=60,
                          check=False, preexec_fn=_as_from_a_terminal)
    assert done.stderr.strip() == "tidy: interrupted", done.stderr
    assert done.returncode == -signal.SIGINT


def test_ctrl_c_while_tidys_package_imports_its_first_module_is_one_line(
        tmp_path: Path) -> None:
    """tidy/__init__.py sets its hook before it imports anything of its own: a Ctrl-C that
    lands in `_dataclass_methods` (its `import typing`, ~0.1 s into a run on a loaded
    machine) is one line. a71221d: Python's traceback of the import (test_a_scan_stopped_
    at_any_moment_leaves_its_report_whole's example, SIGINT after 0.125 s, at load 13)."""
    at_first_module = _CTRL_C_AT_ENTRY.replace('if name == "tidy.__main__":',
                                               'if name == "tidy._dataclass_methods":')
    done = subprocess.run([sys.executable, "-c", at_first_module], cwd=tmp_path,
                          capture_output=True, text=True, env=hermetic_env(), timeout=60,
                          check=False, preexec_fn=_as_from_a_terminal)
    assert done.stderr.strip() == "tidy: interrupted", done.stderr
    assert done.returncode == -signal.SIGINT
