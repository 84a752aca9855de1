"""The fast, root-free part of bench/bad_input_sweep.py (every command x every bad condition,
real processes), and the careless-user mistakes that sweep found, one test each."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.bad_input_sweep import COMMANDS, SPOILERS, Command, make_tree, run_case
from tests.conftest import hermetic_env, run_cli

# Conditions whose run is cheap and needs neither root nor a mount; each runs a handful of
# commands that read the condition (the whole matrix is the bench script's).
FAST_CASES = ("missing-path", "file-as-path", "dash-as-path", "broken-and-looping-links",
              "non-utf8-names", "bad-vscode", "bad-pyproject", "bad-tidy-toml",
              "bad-user-config", "mid-rebase", "gitfile-nowhere", "no-git", "stdout-closed",
              "broken-pipe", "lang-c", "term-dumb-20-cols", "state-dir-is-a-file")
FAST_COMMANDS = ("scan", "scan-sarif", "fix-dry", "fix", "history", "log")


def _command(name: str) -> Command:
    return next(c for c in COMMANDS if c.name == name)


@pytest.mark.slow
@pytest.mark.parametrize("case", FAST_CASES)
def test_sweep_flags_nothing(case: str, tmp_path: Path) -> None:
    assert case in SPOILERS
    flagged = []
    for name in FAST_COMMANDS:
        outcome = run_case(case, _command(name), tmp_path)
        if outcome.flags:
            flagged.append((name, outcome.flags, outcome.code, outcome.err[-600:]))
    assert flagged == []


# -------------------------------------------------------------- `-` and two reports in one place
@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_tree(tmp_path)


def test_dash_as_output_is_standard_output_not_a_file_named_dash(repo: Path) -> None:
    done = run_cli("scan", "-q", "--format", "json", "-o", "-", ".", cwd=repo)
    assert done.code == 0, done
    assert done.out.lstrip().startswith("{")
    assert not (repo / "-").exists()  # it wrote a file named `-` into the user's repo
    also = run_cli("scan", "-q", "-o", str(repo.parent / "r.txt"), "--also", "json=-", ".",
                   cwd=repo)
    assert also.code == 0, also
    assert also.out.lstrip().startswith("{")
    assert not (repo / "-").exists()


@pytest.mark.parametrize("args", [
    ("-o", "r.out", "--also", "sarif=r.out"),  # one report overwrote the other
    ("-o", "r.out", "--also", "sarif=./r.out"),  # the same file, spelt two ways
    ("--also", "json=-"),  # text and JSON ran together on standard output
    ("--format", "json", "--also", "sarif=-"),
    ("--also", "json=a.json", "--also", "sarif=a.json"),
])
def test_two_reports_to_one_place_are_refused(repo: Path, args: tuple[str, ...]) -> None:
    done = run_cli("scan", "-q", *args, ".", cwd=repo)
    assert done.code == 2, done
    assert len(done.err.strip().splitlines()) == 1, done.err
    assert "both go to" in done.err
    assert done.out == ""
    assert not (repo / "r.out").exists() and not (repo / "a.json").exists()


def test_an_also_file_in_a_missing_folder_fails_before_the_report(repo: Path) -> None:
    done = run_cli("scan", "--also", f"json={repo.parent / 'no-such' / 'r.json'}", ".",
                   cwd=repo)
    assert done.code == 2, done
    assert done.out == ""  # it printed the whole text report, then failed on the file
    assert len(done.err.strip().splitlines()) == 1, done.err
    assert "no-such" in done.err


# ------------------------------------------------------------------ Ctrl-C while tidy starts
_CTRL_C_AT_IMPORT = """
import importlib, importlib.abc, runpy, signal, sys

class CtrlCAtClick(importlib.abc.MetaPathFinder):
    # The user's Ctrl-C, at the moment the command line imports click.
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            sys.meta_path.remove(self)
            signal.raise_signal(signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlCAtClick())
sys.argv = ["tidy", "scan", "."]
entry = sys.orig_argv[-1]
if entry == "-m":
    runpy.run_module("tidy", run_name="__main__", alter_sys=True)
else:  # what the `tidy` script pip writes does: import the entry point, call it
    module, _, function = entry.partition(":")
    sys.exit(getattr(importlib.import_module(module), function)())
"""


def _script_entry() -> str:
    import tomllib

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    entry: str = tomllib.loads(pyproject.read_text())["project"]["scripts"]["tidy"]
    return entry


@pytest.mark.parametrize("entry", ["-m", "script"])
def test_ctrl_c_while_the_command_line_is_imported_is_one_line(tmp_path: Path,
                                                               entry: str) -> None:
    how = "-m" if entry == "-m" else _script_entry()
    done = subprocess.run([sys.executable, "-c", _CTRL_C_AT_IMPORT, how], cwd=tmp_path,
                          capture_output=True, text=True, env=hermetic_env(), timeout=60,
                          check=False)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip() == "tidy: interrupted"
    assert done.returncode == -signal.SIGINT  # ended by the signal: a shell says 130


# ------------------------------------------------------------- options that cancel each other
@pytest.mark.parametrize(("command", "args"), [
    ("scan", ("--select", "TDY1", "--ignore", "TDY1")),
    ("scan", ("--select", "")),
    ("scan", ("--ignore", "TDY")),
    ("fix", ("--dry-run", "--select", "TDY5", "--ignore", "TDY5")),
])
def test_a_selection_that_leaves_no_rule_is_a_usage_error(repo: Path, command: str,
                                                          args: tuple[str, ...]) -> None:
    done = run_cli(command, *args, ".", cwd=repo)
    assert done.code == 2, done  # it said "nothing to report": a clean tree to the reader
    assert "leaves no rule to run" in done.err
    assert len(done.err.strip().splitlines()) == 1, done.err
    assert done.out == ""


def test_ruff_prefix_semantics_still_select_past_a_shorter_ignore(repo: Path) -> None:
    done = run_cli("scan", "-q", "--format", "json", "--select", "TDY1", "--ignore", "TDY",
                   ".", cwd=repo)
    assert done.code == 0, done
    assert '"TDY101"' in done.out


# --------------------------------------------------------------- stdout closed, a narrow locale
@pytest.mark.parametrize("args", [
    ("scan", "."), ("scan", "--format", "sarif", "."), ("fix", "--dry-run", "."),
    ("trash", "list"), ("history", "."), ("rules",),
])
def test_a_closed_stdout_is_one_line_and_exit_2(repo: Path, args: tuple[str, ...]) -> None:
    line = " ".join([sys.executable, "-m", "tidy", *args]) + " >&-"  # the shell closes fd 1
    done = subprocess.run(["sh", "-c", line], cwd=repo, capture_output=True, text=True,
                          env=hermetic_env(), timeout=120, check=False)
    assert "internal error" not in done.stderr, done.stderr  # AttributeError: NoneType.isatty
    assert done.returncode == 2, done
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "standard output is closed" in lines[0], done.stderr


def test_a_closed_stdout_is_no_error_when_nothing_goes_there(repo: Path) -> None:
    report = repo.parent / "report.json"
    line = f"{sys.executable} -m tidy scan -q --format json -o {report} . >&-"
    done = subprocess.run(["sh", "-c", line], cwd=repo, capture_output=True, text=True,
                          env=hermetic_env(), timeout=120, check=False)
    assert done.returncode == 0, done
    assert report.read_text().lstrip().startswith("{")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])  # ascii: click writes UTF-8
@pytest.mark.parametrize("args", [("scan",), ("scan", "--format", "markdown"),
                                  ("scan", "--format", "github"), ("fix", "--dry-run")])
def test_a_locale_that_cannot_write_a_name_escapes_it(repo: Path, encoding: str,
                                                      args: tuple[str, ...]) -> None:
    (repo / "日本" / "__pycache__").mkdir(parents=True)
    (repo / "日本" / "__pycache__" / "m.pyc").write_bytes(b"\0" * 64)
    done = subprocess.run([sys.executable, "-m", "tidy", *args, "."], cwd=repo,
                          capture_output=True, env=hermetic_env({"PYTHONIOENCODING": encoding}),
                          timeout=120, check=False)
    err = done.stderr.decode(errors="replace")
    assert "internal error" not in err, err  # UnicodeEncodeError, exit 3
    assert done.returncode in (0, 1), err
    assert b"\\u65e5\\u672c" in done.stdout  # the name, escaped as Python's stderr does


# --------------------------------------------------------------------- a full disk for the state
@contextlib.contextmanager
def full_state_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 kB tmpfs, filled to the last byte, for tidy's state folder (below it)."""
    from tests.safety.mounts import tmpfs

    state = tmp_path / "state-fs"
    state.mkdir()
    with tmpfs(state, "size=256k"):
        with contextlib.suppress(OSError), open(state / "filler", "wb", buffering=0) as f:
            while True:
                f.write(b"\0" * 4096)
        yield state


def test_a_full_disk_under_the_history_is_said_as_such(repo: Path, tmp_path: Path) -> None:
    with full_state_disk(tmp_path) as state:
        done = run_cli("scan", "-q", ".", cwd=repo,
                       env=hermetic_env({"TIDY_STATE_DIR": str(state / "tidy")}))
    assert done.code == 0, done  # the report is what was asked; the history is a warning
    warning = [line for line in done.err.splitlines() if "history" in line]
    assert len(warning) == 1, done.err
    # It said "not a tidy history database (database or disk is full)": a broken file, to be
    # deleted, when the disk is what is full.
    assert "not a tidy history database" not in warning[0]
    assert "disk is full" in warning[0]


_CTRL_C_IN_SET_NAME = """
import dataclasses, runpy, signal, sys

original = dataclasses.Field.__set_name__

def set_name(self, owner, name):
    # The user's Ctrl-C, landing while a class of tidy's is made (a command's lazy import):
    # Python 3.11 hands it on as RuntimeError("Error calling __set_name__ ...").
    if owner.__module__.startswith("tidy.") and "tidy.cli.scan" in sys.modules:
        dataclasses.Field.__set_name__ = original
        signal.raise_signal(signal.SIGINT)
    return original(self, owner, name)

dataclasses.Field.__set_name__ = set_name
sys.argv = ["tidy", "scan", "."]
runpy.run_module("tidy", run_name="__main__", alter_sys=True)
"""


def test_ctrl_c_while_a_class_is_made_is_an_interruption_not_a_bug(repo: Path) -> None:
    done = subprocess.run([sys.executable, "-c", _CTRL_C_IN_SET_NAME], cwd=repo,
                          capture_output=True, text=True, env=hermetic_env(), timeout=60,
                          check=False)
    assert "internal error" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines()[-1:] == ["tidy: interrupted"], done.stderr
    assert done.returncode == -signal.SIGINT, done


# ------------------------------------------------------------------------ a narrow terminal
@pytest.mark.parametrize("columns", [20, 60, 80])
def test_a_narrow_terminal_still_shows_every_path_whole(repo: Path, columns: int) -> None:
    """At 80 columns the table folded `pkg/__pycache__` over two lines; below 60 it dropped
    the path column: rows said what and how big, not where."""
    from tests.conftest import on_a_terminal

    deep = repo / "services" / "billing" / "worker" / "__pycache__"
    deep.mkdir(parents=True)
    (deep / "gone.cpython-312.pyc").write_bytes(b"\0" * 64)
    drawn = on_a_terminal(["scan", "-q", "."], repo,
                          hermetic_env({"COLUMNS": str(columns), "NO_COLOR": "1"}))
    lines = drawn.decode(errors="replace").replace("\r", "").splitlines()
    for path in ("build", "pkg/__pycache__", "services/billing/worker/__pycache__"):
        wanted = path if len(path) <= columns else path[:columns]
        assert any(line.strip().startswith(wanted) for line in lines), (path, lines)
    assert not any("Traceback" in line for line in lines)


def test_a_wide_terminal_keeps_the_table(repo: Path) -> None:
    from tests.conftest import on_a_terminal

    drawn = on_a_terminal(["scan", "-q", "."], repo,
                          hermetic_env({"COLUMNS": "120", "NO_COLOR": "1"}))
    header = [line for line in drawn.decode().splitlines() if "size" in line and "path" in line]
    assert header, drawn


@pytest.mark.parametrize("columns", [20, 40])
def test_a_narrow_terminal_gets_the_fix_plan_a_path_a_line(repo: Path, columns: int) -> None:
    """The plan's six columns left each cell a letter or two a line below ~70 columns."""
    from tests.conftest import on_a_terminal

    drawn = on_a_terminal(["fix", "--dry-run", "-q", "."], repo,
                          hermetic_env({"COLUMNS": str(columns), "NO_COLOR": "1"}))
    lines = [line.strip() for line in drawn.decode(errors="replace").replace("\r", "")
             .splitlines()]
    assert "pkg/__pycache__" in lines and "build" in lines, lines
    assert any(line.startswith("TDY101  to trash") for line in lines), lines


def test_the_watcher_on_a_full_state_disk_is_one_line(repo: Path, tmp_path: Path) -> None:
    """`tidy watch` (not --once) wrote its pid into watch.lock unguarded: internal error."""
    with full_state_disk(tmp_path) as state:
        done = run_cli("watch", "--stop-after", "2s", ".", cwd=repo,
                       env=hermetic_env({"TIDY_STATE_DIR": str(state / "tidy")}))
    assert "internal error" not in done.err, done.err
    assert done.code == 2, done
    assert len(done.err.strip().splitlines()) == 1 and "No space left" in done.err, done.err
