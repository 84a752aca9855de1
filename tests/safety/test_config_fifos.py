"""Issue 14, point 10: a FIFO (or socket) with the name of a file tidy reads for configuration
or evidence never hangs `tidy scan` or `tidy fix`; it is not read, and the report says so.

Each child runs with a timeout well under the per-test one: on the old code the FIFO tests
fail by TimeoutExpired (open() blocked for ever on `.vscode/settings.json`, `.ignore`,
`.rgignore`, `.gitattributes`, `--config`, `--baseline`; git itself on `.gitignore`), they do
not hang the suite.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import commit, git, make_repo, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import config_repo, tidy

CHILD_TIMEOUT = 40  # a blocked open() would wait for ever; a real run takes a few seconds
pytestmark = pytest.mark.timeout(120)

# name -> the words of the note or reason the report gives for it
SCAN_NAMES = (".vscode/settings.json", ".ignore", ".rgignore", ".gitignore", ".gitattributes",
              ".tidy.toml", "pyproject.toml", "static/.ignore", "backend/.gitignore",
              "build/CACHEDIR.TAG")


def _fifo_in(repo: Path, rel: str) -> None:
    path = repo / rel
    if path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


def _said(report: dict[str, Any]) -> str:
    notes = [n for g in report["groups"] for n in g["notes"]]
    return "\n".join([*notes, *report.get("warnings", [])])


@pytest.mark.slow
@pytest.mark.parametrize("rel", SCAN_NAMES)
def test_scan_does_not_hang_on_a_fifo_and_says_it_was_not_read(tmp_path: Path,
                                                              rel: str) -> None:
    repo = config_repo(tmp_path / "repo")
    write(repo / "setup.py", "")
    write(repo / "build" / "lib" / "x.py", "z = 1\n")
    _fifo_in(repo, rel)
    done = tidy("scan", "--format", "json", "--no-record", ".", cwd=repo,
                state=tmp_path / "state", timeout=CHILD_TIMEOUT)
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    said = _said(report)
    if rel.endswith("CACHEDIR.TAG"):
        assert "build" in {f["path"] for g in report["groups"] for f in g["findings"]}
        return  # evidence only: a FIFO tag proves nothing, the marker (setup.py) does
    if rel.endswith(".gitignore") and "/" in rel:
        assert f"{repo}/{rel}: a FIFO where git reads a config file" in said
        return  # only git reads it; tidy let git go on
    assert f"{rel} is a FIFO, not a regular file; not read" in said
    assert os.path.exists(repo / rel)  # left where it is


@pytest.mark.slow
@pytest.mark.parametrize("rel", [".vscode/settings.json", ".ignore", ".gitignore",
                                 ".cursorindexingignore", "pyproject.toml"])
def test_fix_does_not_hang_on_a_fifo_it_would_edit(tmp_path: Path, rel: str) -> None:
    repo = config_repo(tmp_path / "repo")
    _fifo_in(repo, rel)
    backdate(repo)
    state = tmp_path / "state"
    plan = tidy("fix", "--dry-run", ".", cwd=repo, state=state, timeout=CHILD_TIMEOUT)
    assert plan.returncode == 0, plan.stderr
    assert f"{rel} is a FIFO, not a regular file; not edited" in plan.stdout
    done = tidy("fix", "--yes", "--skip-recent", "0s", ".", cwd=repo, state=state,
                timeout=CHILD_TIMEOUT)
    assert f"{rel} is a FIFO, not a regular file; not edited" in done.stdout, done.stdout
    assert done.returncode == 1  # a config file skipped for safety needs a look
    assert not (repo / "backend" / "__pycache__").exists()  # the rest was done
    assert os.path.exists(repo / rel) and not os.path.isfile(repo / rel)


def test_a_socket_is_treated_like_a_fifo(tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    (repo / ".ignore").unlink(missing_ok=True)
    # AF_UNIX paths are short: bind from inside the repo with a relative name.
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        server = socket.socket(socket.AF_UNIX)
        server.bind(".ignore")
    finally:
        os.chdir(cwd)
    try:
        done = tidy("scan", "--format", "json", "--no-record", ".", cwd=repo,
                    state=tmp_path / "state", timeout=CHILD_TIMEOUT)
    finally:
        server.close()
    assert ".ignore is a socket, not a regular file; not read" in _said(json.loads(done.stdout))


@pytest.mark.parametrize("option", ["--config", "--baseline"])
def test_a_fifo_given_as_an_option_is_a_one_line_error(tmp_path: Path, option: str) -> None:
    repo = config_repo(tmp_path / "repo")
    os.mkfifo(tmp_path / "pipe")
    done = tidy("scan", option, str(tmp_path / "pipe"), ".", cwd=repo,
                state=tmp_path / "state", timeout=CHILD_TIMEOUT)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "is a FIFO, not a regular file" in done.stderr


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="git is released on Linux")
def test_git_is_let_go_from_a_fifo_gitignore_deep_in_the_tree(tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    for depth in ("a", "a/b", "a/b/c"):
        write(repo / depth / "f.txt", "x\n")
        os.mkfifo(repo / depth / ".gitignore")
    done = tidy("scan", "--format", "json", "--no-record", ".", cwd=repo,
                state=tmp_path / "state", timeout=CHILD_TIMEOUT)
    assert done.returncode in (0, 1), done.stderr
    said = _said(json.loads(done.stdout))
    for depth in ("a", "a/b", "a/b/c"):
        assert f"{repo}/{depth}/.gitignore: a FIFO where git reads a config file" in said


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="releasing reads /proc")
def test_a_streamed_git_is_let_go_from_a_fifo_as_communicate_lets_it_go(tmp_path: Path) -> None:
    """fifo_guard.chunks (the history walk's streamed `git log`) releases git from a FIFO
    where .gitattributes should be, like communicate: the output arrives, nothing hangs."""
    import subprocess

    from tidy.workspace import fifo_guard
    from tidy.workspace.git import git_env, git_executable

    repo = config_repo(tmp_path / "repo")
    write(repo / "f.txt", "x\n")
    _fifo_in(repo, ".gitattributes")
    proc = subprocess.Popen([git_executable(), "-C", str(repo), "check-attr", "diff", "--",
                             "f.txt"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=git_env())
    try:
        out = b"".join(fifo_guard.chunks(proc, deadline=time.monotonic() + CHILD_TIMEOUT))
    finally:
        proc.kill()
        proc.wait()
    assert out == b"f.txt: diff: unspecified\n"


@pytest.mark.slow
def test_a_fifo_index_hangs_neither_the_scan_nor_the_history_record(tmp_path: Path) -> None:
    """git opens .git/index with a blocking open(): the scan's listings and the trends' index
    size (recorded after the scan) both let git go, and the report says which file."""
    repo = config_repo(tmp_path / "repo")
    write(repo / "build" / "lib" / "x.py", "z = 1\n")
    index = repo / ".git" / "index"
    index.unlink()
    os.mkfifo(index)
    state = tmp_path / "state"
    done = tidy("scan", "--format", "json", ".", cwd=repo, state=state, timeout=CHILD_TIMEOUT)
    assert done.returncode in (0, 1), done.stderr
    said = _said(json.loads(done.stdout))
    assert f"{index}: a FIFO where git reads a config file" in said
    assert any(state.rglob("history.sqlite"))  # the record was written, its sizes unknown
    assert os.path.exists(index)  # left where it is


def test_the_last_tracked_check_before_a_move_does_not_wait_on_a_fifo_index(
        tmp_path: Path) -> None:
    """Before each move tidy asks git again which paths hold tracked files (ls-files, which
    opens the index; tidy.fixes.trash.applier.tracked_now). An index swapped for a FIFO after
    the plan: git is let go and cannot answer, which refuses the move as unverifiable
    (GitUnavailable), instead of the fix waiting for ever."""
    from tidy.workspace.git import GitUnavailable, tracked_paths

    repo = config_repo(tmp_path / "repo")
    assert tracked_paths(str(repo), ["backend"]) == [f"backend/mod{i}.py" for i in range(5)]
    index = repo / ".git" / "index"
    index.unlink()
    os.mkfifo(index)
    started = time.monotonic()
    with pytest.raises(GitUnavailable):
        tracked_paths(str(repo), ["backend"])
    assert time.monotonic() - started < CHILD_TIMEOUT
    assert os.path.exists(index) and not os.path.isfile(index)


@pytest.mark.slow
@pytest.mark.parametrize("rel", ["config", "HEAD", "packed-refs", "info/exclude"])
def test_a_fifo_in_the_git_dir_is_let_go_at_once(tmp_path: Path, rel: str) -> None:
    """Every git command reads .git/config (several times a run), most read HEAD: each open
    of a FIFO there is let go as it happens, so the scan neither hangs (count-objects and
    the history's listings waited for ever) nor sits out a timeout (the textconv look-up
    waited 30 s), and the report names the file."""
    repo = config_repo(tmp_path / "repo")
    fifo = repo / ".git" / rel
    if fifo.exists():
        fifo.unlink()
    fifo.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)
    started = time.monotonic()
    done = tidy("scan", "--format", "json", ".", cwd=repo, state=tmp_path / "state",
                timeout=CHILD_TIMEOUT)
    took = time.monotonic() - started
    assert done.returncode in (0, 1), done.stderr
    assert f"{fifo}: a FIFO where git reads a config file" in _said(json.loads(done.stdout))
    assert took < 20, took  # a few seconds on a loaded machine; the 30 s timeout is gone
    assert os.path.exists(fifo) and not os.path.isfile(fifo)


@pytest.mark.slow
def test_the_unsafe_untrack_fix_lets_git_go_from_a_fifo_config(tmp_path: Path) -> None:
    """`git rm --cached` (TDY102's fix) reads .git/config: with a FIFO there, the fix waited
    for ever after printing its plan. Now git is let go and the cache leaves the index."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "pkg" / "m.py", "x = 1\n")
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", b"\0" * 3000)
    commit(repo)
    backdate(repo)
    config = repo / ".git" / "config"
    kept = config.read_bytes()
    config.unlink()
    os.mkfifo(config)
    done = tidy("fix", "--unsafe-fixes", "--yes", "--skip-recent", "0s", ".", cwd=repo,
                state=tmp_path / "state", timeout=CHILD_TIMEOUT)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    config.unlink()
    config.write_bytes(kept)  # git answers again
    assert git(repo, "ls-files").split() == ["pkg/m.py"]
    assert (repo / "pkg" / "__pycache__" / "m.cpython-311.pyc").is_file()  # left on disk
