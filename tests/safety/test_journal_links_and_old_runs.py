"""A killed run's journal with another name, and one an older tidy wrote (trust round 11).

Round 10 checked a journal's owner; one with several hard links was still read and recovered:
every line recovery appended (its `recovered` lines, its `end`) went into the other name too
(a file elsewhere that the user, or another program, writes), and whatever wrote that name
could change the run unseen. It is now damaged, set aside, said in one line. The one other
name tidy itself gives a journal, the `.<id>.jsonl.new` it is made under (RunJournal.create,
a few microseconds, or for good when killed in between), is not.

A journal of an older tidy keeps no machine, boot id or process start in its `begin`: with
nobody holding its lock it is recovered as a run killed on this machine, now saying so, and
what recovery does with it still loses nothing.

The runs are real `tidy fix` processes killed mid-run (tests/fixes/test_kill.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.fixes.helpers import journal_entries, run_tidy, snapshot
from tests.fixes.test_kill import assert_nothing_lost, killed_run

pytestmark = pytest.mark.slow


def _killed_run(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(root, state, journal) of a `tidy fix` killed mid-run."""
    root, state, run_id, _, _ = killed_run(tmp_path)
    return root, state, state / "runs" / f"{run_id}.jsonl"


def _ops(path: Path) -> list[str]:
    return [str(json.loads(line).get("op")) for line in path.read_text().splitlines()
            if line.strip()]


def _listing(root: Path, state: Path) -> subprocess.CompletedProcess[str]:
    listing = run_tidy("trash", "list", "--format", "json", cwd=root, state=state)
    assert listing.returncode in (0, 1), listing.stderr
    return listing


def test_a_journal_with_another_hard_link_is_set_aside_not_recovered(tmp_path: Path) -> None:
    root, state, journal = _killed_run(tmp_path)
    elsewhere = tmp_path / "notes" / "copy-of-run.jsonl"
    elsewhere.parent.mkdir()
    os.link(journal, elsewhere)
    before = elsewhere.read_bytes()
    listing = _listing(root, state)
    assert "2 hard links" in listing.stderr, listing.stdout + listing.stderr
    # On the old code: recovered, its `recovered` lines and `end` appended to both names.
    assert elsewhere.read_bytes() == before
    aside = journal.with_name(journal.name + ".damaged")
    assert not journal.exists() and aside.exists()
    assert "end" not in _ops(aside) and "recovered" not in _ops(aside)
    # Nor undone by its id (it is set aside: nothing of it is acted on).
    undone = run_tidy("undo", "--yes", journal.stem, cwd=root, state=state)
    assert undone.returncode != 0
    assert elsewhere.read_bytes() == before


def test_a_journal_still_under_the_name_it_was_made_under_is_read(tmp_path: Path) -> None:
    """Two names, the other tidy's own `.<id>.jsonl.new` (a run killed between linking its
    journal in and unlinking that name): an ordinary killed run, recovered."""
    root, state, journal = _killed_run(tmp_path)
    building = journal.with_name(f".{journal.stem}.jsonl.new")
    os.link(journal, building)
    listing = _listing(root, state)
    assert "hard links" not in listing.stderr, listing.stderr
    [run] = json.loads(listing.stdout)["runs"]
    assert run["status"] == "interrupted"
    assert "end" in _ops(journal)


def _as_an_older_tidy_wrote_it(journal: Path) -> None:
    """The `begin` without the fields round 10 added (machine, boot id, process start)."""
    lines = journal.read_text().splitlines()
    begin: dict[str, Any] = json.loads(lines[0])
    assert begin["op"] == "begin" and begin["boot"]
    for name in ("host", "boot", "pid_start"):
        begin.pop(name)
    begin["version"] = "0.9.0"
    journal.write_text("\n".join([json.dumps(begin), *lines[1:]]) + "\n")


def test_an_older_tidys_killed_run_is_recovered_saying_what_was_assumed(
        tmp_path: Path) -> None:
    root, state, journal = _killed_run(tmp_path)
    _as_an_older_tidy_wrote_it(journal)
    listing = _listing(root, state)
    said = listing.stderr
    # On the old code: recovered without a word of what it took the run to be.
    assert f"run {journal.stem}: begun by tidy 0.9.0, which kept no machine" in said, said
    assert "taken for a run killed on this machine" in said
    [run] = json.loads(listing.stdout)["runs"]
    assert run["status"] == "interrupted"
    end = [json.loads(line) for line in journal.read_text().splitlines()][-1]
    assert end["op"] == "end" and "kept no machine" in end["assumed"]
    # Said once: the run is recovered, the next listing has nothing to assume.
    assert "kept no machine" not in _listing(root, state).stderr


def test_an_older_tidys_killed_run_loses_nothing_and_undoes_whole(tmp_path: Path) -> None:
    root, state, run_id, before, _ = killed_run(tmp_path)
    journal = state / "runs" / f"{run_id}.jsonl"
    _as_an_older_tidy_wrote_it(journal)
    _listing(root, state)
    assert_nothing_lost(root, before, journal_entries(state))
    undone = run_tidy("undo", "--yes", run_id, cwd=root, state=state)
    assert undone.returncode == 0, undone.stdout + undone.stderr
    assert snapshot(root) == before


def test_an_older_tidys_run_whose_process_has_its_journal_open_is_left_alone(
        tmp_path: Path) -> None:
    """An older journal keeps the pid only: a live process of that pid seen holding the
    journal open is still the run; once it is gone, the run is recovered."""
    root, state, journal = _killed_run(tmp_path)
    _as_an_older_tidy_wrote_it(journal)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; f = open(sys.argv[1]); print(flush=True); "
         "time.sleep(120)", str(journal)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "\n"
        lines = journal.read_text().splitlines()
        begin = json.loads(lines[0])
        begin["pid"] = holder.pid
        # rewritten in place: the holder keeps the same inode open
        with open(journal, "r+") as handle:
            handle.write("\n".join([json.dumps(begin), *lines[1:]]) + "\n")
            handle.truncate()
        [run] = json.loads(_listing(root, state).stdout)["runs"]
        assert run["status"] == "running"
        assert "end" not in _ops(journal)
    finally:
        holder.kill()
        holder.wait()
    [run] = json.loads(_listing(root, state).stdout)["runs"]
    assert run["status"] == "interrupted"
    assert "end" in _ops(journal)


def test_an_older_tidys_run_whose_pid_is_the_recovering_tidys_own_is_recovered(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The pid an older journal keeps given to the tidy reading it (a container's tidy has
    the same small pid run after run): that tidy opens the journal to read it, so its own
    descriptors showed the journal open, and it took itself for the run's process. On
    b3ba3e1 the run was "running" in every such tidy, never recovered (trust round 12)."""
    from tidy.cli import main

    root, state, journal = _killed_run(tmp_path)
    _as_an_older_tidy_wrote_it(journal)
    lines = journal.read_text().splitlines()
    begin = json.loads(lines[0])
    begin["pid"] = os.getpid()  # this process runs the tidy below
    journal.write_text("\n".join([json.dumps(begin), *lines[1:]]) + "\n")
    monkeypatch.setenv("TIDY_STATE_DIR", str(state))
    monkeypatch.chdir(root)
    capsys.readouterr()
    code = main(["trash", "list", "--format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    [run] = json.loads(out)["runs"]
    assert run["status"] == "interrupted", (run, err)
    assert "end" in _ops(journal)
