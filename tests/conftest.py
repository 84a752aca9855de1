"""Shared builders for tidy's tests: throwaway git repos, files, and the CLI run two ways.

Everything here works on real trees in tmp dirs and real processes; nothing is mocked.

- `hermetic_env()`       os.environ without the user's git config or identity
- `make_repo(path)`      `git init` (branch main, fixed identity) and return the path
- `git(repo, *args)`     run git there hermetically; its stdout as text
- `write(path, data)`    create a file (and its parents) with text, bytes or `size` bytes
- `commit(repo, *paths)` `git add -f` + `git commit`
- `run_cli(*args, cwd=)` `python -m tidy ...` in a subprocess -> CliResult
- `on_a_terminal(args, cwd, env)` the same on a pseudo-terminal -> what it drew
- `tidy_main` fixture    `tidy.cli.main([...])` in-process -> CliResult (faster)
- `scan_json(path, ...)` in-process `tidy scan --format json`, parsed
- `scan_foundation(path, ...)` the same with only rules TDY101-104, TDY201-202
- oracles: `du_apparent`, `du_disk`, `distinct_files` (GNU du / find, never tidy's code)

An autouse fixture makes every test hermetic: no global or system git config, no
core.excludesFile from $XDG_CONFIG_HOME, no GIT_DIR leaking in from a hook, and an empty
TIDY_STATE_DIR, $XDG_STATE_HOME and $XDG_DATA_HOME (tidy's journals, history and trash) per
test; the session has its own too, for module- and session-scoped fixtures, which run before
the per-test one. A guard (tests/state_guard.py) fails the test during which anything wrote
to the real user's tidy state.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.state_guard import Guard, real_state_dirs

# No property test is timed: speed is measured in bench/, and on a loaded 2-core CI machine one
# example that builds a tree can take past hypothesis's default 200 ms deadline (the clean-clone
# CI of 658633b failed tests/core/test_catalog.py's fnmatch property that way at load 20).
settings.register_profile("tidy", deadline=None)
settings.load_profile("tidy")

# A runner started in the background by a shell without job control (`cmd &` in a script,
# nohup) inherits Ctrl-C ignored, and an ignored signal stays ignored across exec: every child
# a test starts would then shrug off the SIGINT the Ctrl-C tests send it (five of them failed
# that way in a CI started with `nohup ... &`). A user's terminal delivers Ctrl-C; so do we.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

IDENTITY = {
    "GIT_AUTHOR_NAME": "Tidy Tests",
    "GIT_AUTHOR_EMAIL": "tests@tidy.invalid",
    "GIT_COMMITTER_NAME": "Tidy Tests",
    "GIT_COMMITTER_EMAIL": "tests@tidy.invalid",
}
# Variables that would point git at another repo (set when tests run inside a git hook).
_LEAKY = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR",
          "GIT_OBJECT_DIRECTORY", "TIDY_DEBUG")
_EMPTY_CONFIG_HOME = Path(__file__).parent / ".no-xdg-config"  # never created: git finds nothing


def hermetic_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The current environment with git isolated from the machine's config."""
    env = {k: v for k, v in os.environ.items() if k not in _LEAKY}
    env.update(IDENTITY)
    env["GIT_CONFIG_GLOBAL"] = "/dev/null"
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["XDG_CONFIG_HOME"] = str(_EMPTY_CONFIG_HOME)  # default core.excludesFile lives there
    env.update(extra or {})
    return env


# Named before any fixture changes the environment: the state the user's own tidy keeps.
_REAL_STATE = real_state_dirs(os.environ)


def _own_state(patch: pytest.MonkeyPatch, home: Path) -> None:
    patch.setenv("TIDY_STATE_DIR", str(home / "tidy-state"))
    patch.setenv("XDG_STATE_HOME", str(home / "state"))
    patch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture(scope="session", autouse=True)
def _session_state(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Guard]:
    """State folders of the session's own, for fixtures wider than a test (a module's scan),
    and the guard over the real state."""
    guard = Guard(_REAL_STATE, str(tmp_path_factory.getbasetemp()))
    with pytest.MonkeyPatch.context() as patch:
        _own_state(patch, tmp_path_factory.mktemp("session-xdg"))
        yield guard


@pytest.fixture(autouse=True)
def _hermetic_git(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory,
    _session_state: Guard,
) -> Iterator[None]:
    """In-process scans start git too: give them the same isolated environment.

    tidy keeps state (journals, scan history, trash) under TIDY_STATE_DIR: each test gets an
    empty one (and empty XDG state and data folders), so no test reads or writes the user's.
    Afterwards the guard looks at the real state: a test (or a fixture it set up) that wrote
    there about this session's files fails, naming what it wrote.
    """
    for name in _LEAKY:
        monkeypatch.delenv(name, raising=False)
    for name, value in hermetic_env().items():
        if os.environ.get(name) != value:
            monkeypatch.setenv(name, value)
    _own_state(monkeypatch, tmp_path_factory.mktemp("xdg"))
    yield
    written = _session_state.written_since()
    if written:
        pytest.fail("the test wrote to the real user's tidy state: " + ", ".join(written[:5]),
                    pytrace=False)


def git(repo: Path | str, *args: str, check: bool = True) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True,
                          env=hermetic_env(), check=False)
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr.decode(errors='replace')}")
    return proc.stdout.decode("utf-8", "surrogateescape")


def make_repo(path: Path) -> Path:
    """A fresh repository at `path` (created if missing) on branch main."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    return path


def write(path: Path, data: str | bytes = b"", *, size: int | None = None) -> Path:
    """Create `path` with `data`, or with `size` bytes of filler; parents are made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if size is not None:
        data = b"x" * size
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def commit(repo: Path, *paths: str | Path, message: str = "commit") -> None:
    """Stage `paths` (relative to repo; ignored ones too: -f) or everything, and commit."""
    if paths:
        git(repo, "add", "-f", "--", *(str(p) for p in paths))
    else:
        git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", message)


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.out)
        return loaded


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def run_cli(*args: str, cwd: Path | str, env: dict[str, str] | None = None,
            timeout: float = 120) -> CliResult:
    """`python -m tidy ARGS` in a subprocess: the real entry point, exit code and streams."""
    proc = subprocess.run([sys.executable, "-m", "tidy", *args], cwd=cwd, capture_output=True,
                          env=env if env is not None else hermetic_env(), timeout=timeout,
                          check=False)
    return CliResult(proc.returncode, _decode(proc.stdout), _decode(proc.stderr))


def on_a_terminal(args: list[str], cwd: Path | str, env: dict[str, str], *,
                  answer: bytes = b"", stdout: bool = True) -> bytes:
    """`python -m tidy ARGS` with stdin and stderr (and stdout, unless `stdout=False`: then
    piped and dropped) on one pseudo-terminal: what it drew there. `answer` is typed at the
    first `[y/N]` question."""
    import contextlib
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "tidy", *args], stdin=slave,
                            stdout=slave if stdout else subprocess.DEVNULL, stderr=slave,
                            cwd=cwd, env=env)
    os.close(slave)
    drawn = b""
    with contextlib.suppress(OSError):  # EIO once the child's side is closed
        while chunk := os.read(master, 65536):
            drawn += chunk
            if answer and b"[y/N]" in drawn:
                os.write(master, answer)
                answer = b""
    os.close(master)
    assert proc.wait(timeout=120) is not None
    return drawn


@pytest.fixture
def tidy_main(capsys: pytest.CaptureFixture[str],
              monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Call `tidy.cli.main(args)` in this process, in `cwd`, and capture what it printed."""
    from tidy.cli import main

    def invoke(*args: str, cwd: Path | str | None = None) -> CliResult:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke


def scan_json(path: Path | str, *args: str) -> dict[str, Any]:
    """In-process `tidy scan PATH --format json ARGS`, parsed (faster than a subprocess)."""
    import contextlib
    import io

    from tidy.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["scan", str(path), "--format", "json", "--quiet", *args])
    assert code in (0, 1), f"scan exited {code}: {err.getvalue()}"
    report: dict[str, Any] = json.loads(out.getvalue())
    report["_exit"] = code
    return report


# The rules of the scan foundation (issue 2); later families are tested on their own.
FOUNDATION_RULES = "TDY101,TDY102,TDY103,TDY104,TDY201,TDY202"


def scan_foundation(path: Path | str, *args: str) -> dict[str, Any]:
    """scan_json with only the foundation's rules (a later `--select` in args wins)."""
    return scan_json(path, "--select", FOUNDATION_RULES, *args)


def findings(report: dict[str, Any], code: str | None = None) -> list[dict[str, Any]]:
    """Every finding of a JSON report (optionally one code), groups flattened."""
    return [f for g in report["groups"] for f in g["findings"] if code in (None, f["code"])]


def finding_paths(report: dict[str, Any], code: str | None = None) -> set[str]:
    return {f["path"] for f in findings(report, code)}


# --------------------------------------------------------------------- oracles
def rg_surface(root: Path, home: Path, extra_env: dict[str, str] | None = None
               ) -> tuple[int, int]:
    """What `rg --files` run from the root lists: (files, summed bytes)."""
    env = hermetic_env({"HOME": str(home), "RIPGREP_CONFIG_PATH": "", **(extra_env or {})})
    out = subprocess.run(["rg", "--files", "--null", "--no-config"], cwd=root, env=env,
                         capture_output=True, check=True).stdout
    names = [n for n in out.split(b"\0") if n]
    return len(names), sum(os.lstat(root / os.fsdecode(n)).st_size for n in names)


def du_apparent(path: Path | str) -> int:
    """`du -sb --apparent-size PATH`: every entry's st_size, hard links once, no link followed."""
    out = subprocess.run(["du", "-sb", "--apparent-size", str(path)], capture_output=True,
                         check=True).stdout
    return int(out.split(b"\t", 1)[0])


def du_disk(path: Path | str) -> int:
    """`du -sB1 PATH`: allocated bytes, hard links once."""
    out = subprocess.run(["du", "-sB1", str(path)], capture_output=True, check=True).stdout
    return int(out.split(b"\t", 1)[0])


def distinct_files(path: Path | str) -> int:
    """Regular files under PATH as `find -type f` sees them, each inode once (as du counts)."""
    out = subprocess.run(["find", str(path), "-type", "f", "-printf", r"%D:%i\n"],
                         capture_output=True, check=True).stdout
    return len(set(out.split()))


def find_dirs(path: Path | str) -> int:
    out = subprocess.run(["find", str(path), "-type", "d", "-printf", r"%D:%i\n"],
                         capture_output=True, check=True).stdout
    return len(set(out.split()))


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A world-traversable tmp dir (tmp_path is 0700), for children that drop privileges."""
    import shutil
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="tidy-test-", dir="/tmp"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
