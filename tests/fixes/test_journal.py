"""The write-ahead journal and the audit log: durable order, locks, torn lines, odd names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tidy.core import state
from tidy.fixes import journal


@pytest.fixture(autouse=True)
def _state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


def test_state_dir_follows_xdg_and_the_override(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.delenv("TIDY_STATE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    if sys.platform != "darwin":
        assert state.state_dir() == str(tmp_path / "xdg" / "tidy")
        monkeypatch.setenv("XDG_STATE_HOME", "relative/ignored")  # the spec: ignore it
        assert state.state_dir() == str(tmp_path / ".local" / "state" / "tidy")
    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "o"))
    assert state.state_dir() == str(tmp_path / "o")


def test_entries_carry_run_and_order_and_survive_reading(_state: Path) -> None:
    odd = os.fsdecode(b"/tmp/caf\xe9 \n name")  # not UTF-8, with a newline
    with journal.RunJournal.create("fix", ("/tmp",), argv=["tidy", "fix"]) as run:
        seq = run.intent("trash", path=odd, dst="/x")
        run.done(seq)
        run.end()
    assert os.stat(run.path).st_mode & 0o777 == 0o600
    record = journal.read_run(run.run_id)
    assert [e["op"] for e in record.entries] == ["begin", "intent", "done", "end"]
    assert {e["run"] for e in record.entries} == {run.run_id}
    assert [e["seq"] for e in record.entries] == [0, 1, 2, 3]
    (intent,) = record.intents()
    assert intent.entry["path"] == odd and intent.applied
    assert not record.interrupted and not record.active
    for line in Path(run.path).read_bytes().splitlines():  # plain ASCII JSON lines
        json.loads(line.decode("ascii"))


def test_intent_is_on_disk_before_it_returns(_state: Path) -> None:
    """Another process reads the journal between intent() and the action: it is there."""
    with journal.RunJournal.create("fix") as run:
        run.intent("trash", path="/p", dst="/d")
        seen = subprocess.run(
            [sys.executable, "-c", "import sys; print(open(sys.argv[1]).read())", run.path],
            capture_output=True, text=True, check=True).stdout
    assert '"op":"intent"' in seen


def test_a_torn_last_line_is_ignored(_state: Path) -> None:
    with journal.RunJournal.create("fix") as run:
        run.intent("trash", path="/p", dst="/d")
    with open(run.path, "ab") as f:
        f.write(b'{"run": "x", "op": "do')  # a kill mid-write
    record = journal.read_run(run.run_id)
    assert [e["op"] for e in record.entries] == ["begin", "intent"]
    assert record.interrupted  # no end, nobody holds it
    assert record.intents()[0].in_flight


def test_a_running_run_is_busy_and_not_interrupted(_state: Path) -> None:
    with journal.RunJournal.create("fix") as run:
        record = journal.read_run(run.run_id)
        assert record.active and not record.interrupted
        code = ("import sys; from tidy.fixes import journal\n"
                "try:\n journal.RunJournal.reopen(sys.argv[1])\n"
                "except journal.RunBusy: print('busy')\n")
        out = subprocess.run([sys.executable, "-c", code, run.run_id], capture_output=True,
                             text=True, env={**os.environ}, check=True).stdout
        assert out.strip() == "busy"
    reopened = journal.RunJournal.reopen(run.run_id)
    assert reopened.write({"op": "end", "status": "complete"}) == 1  # seq continues
    reopened.close()


def test_unknown_or_malformed_run_ids_are_errors(_state: Path) -> None:
    with pytest.raises(journal.JournalError, match="no fix run"):
        journal.read_run("20990101-000000-abcdef")
    for bad in ("../etc/passwd", "", ".hidden"):
        with pytest.raises(journal.JournalError):
            journal.read_run(bad)


def test_runs_list_oldest_first(_state: Path) -> None:
    ids = []
    for _ in range(3):
        with journal.RunJournal.create("fix") as run:
            run.end()
        ids.append(run.run_id)
        time.sleep(0.002)  # begin times are kept to the millisecond
    # In the order they began: run ids name the second only, so three made in one second
    # sorted by name would come in the order of their random part.
    assert [r.run_id for r in journal.list_runs()] == ids


def test_undo_state_machine(_state: Path) -> None:
    with journal.RunJournal.create("fix") as run:
        seq = run.intent("trash", path="/p", dst="/d")
        run.done(seq)
        run.write({"op": "undo-intent", "ref": seq})
        run.end()
    (intent,) = journal.read_run(run.run_id).intents()
    assert intent.undo_in_flight and intent.applied  # killed mid-undo: still counts as moved
    with journal.RunJournal.reopen(run.run_id) as again:
        again.write({"op": "undo-done", "ref": seq})
    (intent,) = journal.read_run(run.run_id).intents()
    assert not intent.undo_in_flight and not intent.applied


def test_audit_log_appends_whole_lines(_state: Path) -> None:
    journal.audit("fix", "r1", bytes=10, summary="moved 1")
    journal.audit("purge", "r1", bytes=10, summary="freed 10 B")
    entries = list(journal.read_audit())
    assert [(e["event"], e["run"], e["bytes"]) for e in entries] == [
        ("fix", "r1", 10), ("purge", "r1", 10)]
    assert all("argv" in e and "cwd" in e and "time" in e for e in entries)
