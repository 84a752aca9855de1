"""tidy.core.quick_exit and tidy.__main__'s end: a `tidy scan` started by the console script or
`python -m tidy` ends without the interpreter's teardown, losing nothing; every other caller,
command or state (a thread, a stop signal in the exit handlers) gets Python's own exit. Real
processes, real scans of real repos."""

from __future__ import annotations

import gc
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.conftest import CliResult, commit, hermetic_env, make_repo, run_cli, write

# The shape of the `tidy` script pip writes, with a file left open and unflushed before
# run(): the interpreter's teardown flushes it (Python's exit), os._exit does not.
_CONSOLE_SCRIPT = """import os
import sys
left_open = open(os.environ["TEARDOWN_MARK"], "w")
left_open.write("the teardown ran")
from tidy.__main__ import run
if __name__ == '__main__':
    sys.exit(run())
"""


def _repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo")
    write(repo / "src" / "app.py", "print('hi')\n")
    write(repo / "src" / "__pycache__" / "app.cpython-311.pyc", size=4096)
    commit(repo, "src/app.py")
    return repo


def _through(script: str, tmp_path: Path, *args: str) -> tuple[CliResult, str]:
    """`tidy ARGS` through a script file of this text (sys.argv[0]); what it printed, and
    what the file it left open holds after the process ended."""
    entry = tmp_path / "bin" / "tidy"
    write(entry, script)
    mark = tmp_path / "mark.txt"
    mark.unlink(missing_ok=True)
    env = hermetic_env({"TEARDOWN_MARK": str(mark)})
    done = subprocess.run([sys.executable, str(entry), *args], capture_output=True, env=env,
                          timeout=120, check=False, cwd=tmp_path)
    result = CliResult(done.returncode, done.stdout.decode(), done.stderr.decode())
    return result, mark.read_text() if mark.exists() else ""


def test_a_scan_through_the_console_script_ends_without_the_teardown(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    result, mark = _through(_CONSOLE_SCRIPT, tmp_path, "scan", "--format", "json", "-q",
                            str(repo))
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)  # the whole report, flushed before the end
    assert any("__pycache__" in f["path"] for g in report["groups"] for f in g["findings"])
    # The file the script left open was not flushed: no teardown ran (it did before).
    assert mark == ""


def test_a_caller_that_goes_on_after_run_gets_pythons_exit(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    goes_on = _CONSOLE_SCRIPT.replace("    sys.exit(run())",
                                      "    code = run()\n    print('after')\n    sys.exit(code)")
    result, mark = _through(goes_on, tmp_path, "scan", "--format", "json", "-q", str(repo))
    assert result.code in (0, 1), result.err
    assert result.out.endswith("after\n")
    assert mark == "the teardown ran"


def test_a_command_that_did_not_allow_it_gets_pythons_exit(tmp_path: Path) -> None:
    result, mark = _through(_CONSOLE_SCRIPT, tmp_path, "--version")
    assert result.code == 0 and "version" in result.out
    assert mark == "the teardown ran"


def test_a_quick_scan_leaves_its_report_file_and_history_whole(tmp_path: Path) -> None:
    """`python -m tidy scan` (the module's own entry line): the report file is written and
    closed, the history's row committed and its connection closed (SQLite's last close
    removes the WAL file: one left behind would be a connection os._exit cut off)."""
    repo = _repo(tmp_path)
    state = tmp_path / "state"
    env = hermetic_env({"TIDY_STATE_DIR": str(state)})
    out = tmp_path / "report.json"
    printed = run_cli("scan", "--format", "text", "-q", "--also", f"json={out}",
                      str(repo), cwd=tmp_path, env=env)
    assert printed.code in (0, 1), printed.err
    assert "__pycache__" in printed.out
    assert json.loads(out.read_text())["groups"]
    history = state / "history.sqlite"
    assert not Path(f"{history}-wal").exists()
    with sqlite3.connect(history) as db:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master "
                                                 "WHERE type = 'table'")]
        rows = sum(db.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                   for name in tables)
    assert rows > 0


def _open_writers() -> set[int]:
    found = set()
    for thing in gc.get_objects():
        if isinstance(thing, io.IOBase) and not thing.closed and thing not in (
                sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            try:
                if thing.writable():
                    found.add(id(thing))
            except ValueError:
                continue
        elif isinstance(thing, sqlite3.Connection):
            try:
                thing.total_changes  # noqa: B018 (raises once closed)
            except sqlite3.ProgrammingError:
                continue
            found.add(id(thing))
    return found


def test_a_scan_leaves_no_file_or_database_open_for_writing(
        tmp_path: Path, tidy_main: Callable[..., CliResult]) -> None:
    """What quick_exit.allow rests on: every writer of `tidy scan` is closed when it returns
    (a buffer left in one would be lost by os._exit)."""
    repo = _repo(tmp_path)
    before = _open_writers()
    out = tmp_path / "report.txt"
    done = tidy_main("scan", "-q", "--also", f"json={out}", str(repo))
    assert done.code in (0, 1), done.err
    done = tidy_main("scan", "-q", "--format", "json", "-o", str(out), str(repo))
    assert done.code in (0, 1), done.err
    assert _open_writers() - before == set()


_UNIT = """import atexit, os, signal, sys, threading, time
from tidy.core import quick_exit, stop_signals
stop_signals.install()
mark = sys.argv[1]
def note(text):
    with open(mark, "a") as f:
        f.write(text + "\\n")
atexit.register(note, "handler")
case = sys.argv[2]
if case == "thread":
    threading.Thread(target=lambda: (time.sleep(0.3), note("thread"))).start()
if case == "signal":
    atexit.register(lambda: (os.kill(os.getpid(), signal.SIGTERM), time.sleep(0.5)))
quick_exit.allow()
print("said", end="")
code = quick_exit.end(7)
note("returned")
sys.exit(code)
"""


def _unit(tmp_path: Path, case: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    mark = tmp_path / f"{case}.txt"
    done = subprocess.run([sys.executable, "-c", _UNIT, str(mark), case], capture_output=True,
                          text=True, env=hermetic_env(), timeout=60, check=False)
    return done, mark.read_text().split() if mark.exists() else []


def test_the_exit_handlers_run_once_and_the_output_is_flushed(tmp_path: Path) -> None:
    done, notes = _unit(tmp_path, "plain")
    assert (done.returncode, done.stdout, notes) == (7, "said", ["handler"])


def test_a_thread_still_running_gets_pythons_exit(tmp_path: Path) -> None:
    done, notes = _unit(tmp_path, "thread")
    # end() answered (no os._exit), Python joined the thread, then ran the handler once
    assert (done.returncode, done.stdout) == (7, "said")
    assert notes == ["returned", "thread", "handler"]


def test_a_stop_signal_during_the_exit_handlers_ends_the_process_by_it(tmp_path: Path) -> None:
    done, notes = _unit(tmp_path, "signal")
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert done.stdout == "said"
    assert "returned" not in notes


def test_the_module_entry_is_the_entry(tmp_path: Path) -> None:
    """`python -m tidy scan` takes the quick end too (its line is the entry's)."""
    repo = _repo(tmp_path)
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    probe = ("import runpy, sys, tidy.core.quick_exit as q\n"
             "import os\n"
             "end = q.end\n"
             "def spy(code):\n"
             "    os.write(2, b'quick end asked\\n')\n"
             "    return end(code)\n"
             "q.end = spy\n"
             "runpy.run_module('tidy', run_name='__main__', alter_sys=True)\n")
    done = subprocess.run([sys.executable, "-c", probe, "scan", "-q", "--format", "json",
                           str(repo)], capture_output=True, text=True, env=env, timeout=120,
                          check=False, cwd=os.fspath(tmp_path))
    assert done.returncode in (0, 1), done.stderr
    assert "quick end asked" in done.stderr
    assert json.loads(done.stdout)["groups"]
