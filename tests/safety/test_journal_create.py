"""A fix run's journal is never seen half-made, and a journal file that is not one is refused.

The lost undo this guards against (seen once as a flaky failure of six concurrent `tidy fix`
runs): a run created its journal, then took its lock. Another tidy that looked in between saw
an empty, unlocked journal, took it for a killed run and ended it; the run then wrote its
`begin` after that `end`, and its journal read as damaged and was set aside: `tidy undo` said
"no fix run" and the run's trash could not be put back. strace holds the run between creating
and locking for three seconds, so the race is met on every run of the test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import held_tidy, tidy

DELAY_S = 3


def _next_repo(root: Path) -> Path:
    repo = make_repo(root)
    write(repo / "web" / "package.json", '{"name": "x"}')
    write(repo / "web" / ".next" / "cache" / "a.pack", "x" * 100)
    commit(repo, "web/package.json")
    backdate(repo)
    return repo


def _fix_held_before_its_first_lock(repo: Path, state: Path) -> subprocess.Popen[bytes]:
    """`tidy fix` whose first flock (its journal's: the state folder is new) waits DELAY_S."""
    return held_tidy("fix", "--yes", "--skip-recent", "0s", "--format", "json", "web",
                     cwd=repo, state=state, syscall="flock", hold_s=DELAY_S)


def _wait_for_a_file_in(folder: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if folder.is_dir() and os.listdir(folder):
            return
        time.sleep(0.01)
    raise AssertionError(f"no journal appeared in {folder}")


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace (Linux)")
def test_a_run_looked_at_before_it_holds_its_lock_is_not_taken_for_a_killed_one(
        tmp_path: Path) -> None:
    repo = _next_repo(tmp_path / "repo")
    state = tmp_path / "st"
    fix = _fix_held_before_its_first_lock(repo, state)
    _wait_for_a_file_in(state / "runs", fix)
    looked = tidy("trash", "list", cwd=repo, state=state)  # recovers killed runs as it lists
    assert fix.poll() is None, "the fix was not held while another tidy looked"
    assert looked.returncode == 0, looked.stdout + looked.stderr
    out, err = fix.communicate(timeout=120)
    assert fix.returncode == 0, out.decode() + err.decode()
    run = json.loads(out)["run"]

    [name] = os.listdir(state / "runs")
    assert name == f"{run}.jsonl"  # not set aside as damaged
    entries = [json.loads(line) for line in (state / "runs" / name).read_text().splitlines()]
    assert [e["seq"] for e in entries] == list(range(len(entries)))
    assert entries[0]["op"] == "begin" and entries[-1]["status"] == "complete"
    assert not (repo / "web" / ".next").exists()

    undo = tidy("undo", run, cwd=repo, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert (repo / "web" / ".next" / "cache" / "a.pack").read_text() == "x" * 100


def _runs(state: Path) -> Path:
    runs = state / "runs"
    runs.mkdir(parents=True, mode=0o700)
    state.chmod(0o700)
    return runs


def test_an_empty_journal_is_set_aside_not_ended(tmp_path: Path) -> None:
    """What the old order left after a crash between creating and writing: never a killed
    run to end (that would write an `end` with no `begin`)."""
    state = tmp_path / "st"
    (_runs(state) / "20260101-000000-aaaaaa.jsonl").write_bytes(b"")
    listed = tidy("trash", "list", cwd=tmp_path, state=state)
    assert "20260101-000000-aaaaaa" in listed.stderr and "no entry" in listed.stderr
    assert (state / "runs" / "20260101-000000-aaaaaa.jsonl.damaged").read_bytes() == b""
    undo = tidy("undo", "20260101-000000-aaaaaa", cwd=tmp_path, state=state)
    assert undo.returncode == 2 and "no fix run" in undo.stderr


def test_a_journal_that_does_not_start_with_its_begin_is_set_aside(tmp_path: Path) -> None:
    state = tmp_path / "st"
    run = "20260101-000000-bbbbbb"
    lines = [{"run": run, "seq": 0, "time": 1.0, "op": "end", "status": "interrupted"},
             {"run": run, "seq": 1, "time": 2.0, "op": "begin", "roots": [str(tmp_path)]}]
    text = "".join(json.dumps(line) + "\n" for line in lines)
    (_runs(state) / f"{run}.jsonl").write_text(text)
    undo = tidy("undo", run, cwd=tmp_path, state=state)
    assert undo.returncode == 2 and "not the run's begin" in undo.stderr, undo.stderr
    assert (state / "runs" / f"{run}.jsonl.damaged").read_text() == text


def test_a_link_a_fifo_or_a_folder_named_as_a_journal_is_refused_without_a_wait(
        tmp_path: Path) -> None:
    state = tmp_path / "st"
    runs = _runs(state)
    target = tmp_path / "elsewhere.jsonl"
    sound = {"run": "20260101-000000-cccccc", "seq": 0, "time": 1.0, "op": "begin",
             "roots": [str(tmp_path)]}
    target.write_text(json.dumps(sound) + "\n")  # a journal's shape, reached through a link
    os.symlink(target, runs / "20260101-000000-cccccc.jsonl")
    os.mkfifo(runs / "20260101-000000-dddddd.jsonl")
    (runs / "20260101-000000-eeeeee.jsonl").mkdir()
    undo = tidy("undo", "20260101-000000-cccccc", cwd=tmp_path, state=state, timeout=60)
    assert undo.returncode == 2, undo.stdout + undo.stderr
    assert "Too many levels of symbolic links" in undo.stderr  # the link: refused, not read
    assert "Is a directory" in undo.stderr and "dddddd: its journal is damaged" in undo.stderr
    assert sorted(os.listdir(runs)) == [f"20260101-000000-{run}.jsonl.damaged"
                                        for run in ("cccccc", "dddddd", "eeeeee")]
    assert target.read_text() == json.dumps(sound) + "\n"  # nothing appended through the link
    listed = tidy("trash", "list", cwd=tmp_path, state=state, timeout=60)
    assert listed.returncode == 0 and listed.stderr == "", listed.stdout + listed.stderr
